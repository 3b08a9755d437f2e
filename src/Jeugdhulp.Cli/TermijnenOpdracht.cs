using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Termijnen;

namespace Jeugdhulp.Cli;

/// <summary>
/// <c>jeugdhulp termijnen --data MAP [--db VERBINDING] [--rules MAP] [--today yyyy-mm-dd] [--gemeente CODE] [--json]</c>: every
/// open obligation in the store (or of one municipality, as its Termijnen page shows them: the same query), overdue first, with who owes it, what is awaited, the due date and the
/// rule. BSNs are always masked. Exit 0 when listed, 1 when the store or rules are refused, 2 for usage.
/// </summary>
internal static class TermijnenOpdracht
{
    private static readonly JsonWriterOptions JsonOpties = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Commando(Omgeving o)
    {
        var data = Opties.Data();
        var db = Opties.Db();
        var rules = Opties.Rules();
        var today = Opties.Today("De dag waarop gerekend wordt (standaard vandaag in Europe/Amsterdam).");
        var json = Opties.Vlag("--json", "Eén JSON-object per regel in plaats van tekst.");
        var gemeente = Opties.Waarde<Gemeentecode>("--gemeente", "CODE", "Alleen deze gemeente: wat zij moet doen en wat aanbieders haar verschuldigd zijn (als haar Termijnen-pagina).", Gemeentecode.Parse);
        var opdracht = new Command("termijnen", "Alle open verplichtingen, te laat eerst: wie, wat, wanneer en de regel. BSN's altijd gemaskeerd.") { data, db, rules, today, gemeente, json };
        opdracht.SetAction(r => Run(r.GetValue(data)!, r.GetValue(db), r.GetValue(rules)!, o.Vandaag(r.GetValue(today)), r.GetValue(json), o.Uit, o.Fout, r.GetValue(gemeente)));
        return opdracht;
    }

    public static int Run(string data, string? db, string rules, DateOnly vandaag, bool json, TextWriter uit, TextWriter fout, Gemeentecode? gemeente = null)
    {
        if (Opslag.LaadRegels("termijnen", rules, fout) is not { } catalogus)
        {
            return ExitCodes.Geweigerd;
        }

        if (Opslag.Open("termijnen", fout, data, db) is not { } store)
        {
            return ExitCodes.Geweigerd;
        }

        var dag = vandaag;
        var regels = catalogus.OpDatum(dag);
        // A deadline missing from the rules in force would silently hide every obligation of its kind.
        foreach (var id in TermijnenBewaken.Termijnen)
        {
            if (regels.Termijn(id) is null)
            {
                fout.WriteLine($"jeugdhulp termijnen: waarschuwing: geen termijn {id} in de regels op {dag:yyyy-MM-dd}; die verplichtingen worden niet getoond.");
            }
        }

        IReadOnlyList<Verplichting> open;
        using (store)
        {
            try
            {
                // One municipality: its deadline rows, as its Termijnen page reads them (issue 18), brought up to date
                // inline; a day before the rows' day is a what-if and is computed live, leaving the rows alone.
                open = gemeente is { } g && !(store.BerekendVoor(g) is { } berekend && dag < berekend)
                    ? [.. store.LeesAlleTermijnrijen(store.Ververs(catalogus, dag, g), g, new Termijnenfilter())]
                    : store.LeesOpenVerplichtingen(catalogus, dag, gemeente);
            }
            catch (System.Data.Common.DbException e)
            {
                fout.WriteLine($"jeugdhulp termijnen: STORE-FOUT: {e.Message}");
                return ExitCodes.Geweigerd;
            }
        }

        foreach (var v in open)
        {
            uit.WriteLine(json ? Json(v, dag) : Tekst(v, dag));
        }

        if (!json)
        {
            uit.WriteLine($"{open.Count} open verplichting(en), {open.Count(v => v.IsTeLaat(dag))} te laat (op {dag:yyyy-MM-dd}).");
        }

        return ExitCodes.Ok;
    }

    private static string Tekst(Verplichting v, DateOnly vandaag)
    {
        var dagen = v.DagenOver(vandaag);
        var stand = dagen switch
        {
            < 0 => $"TE LAAT ({-dagen} dag(en))",
            0 => "vandaag",
            _ => $"nog {dagen} dag(en)",
        };
        var referentie = v.Referentie.Length > 0 ? v.Referentie : "-";
        return $"{v.Vervaldatum:yyyy-MM-dd} {stand}: {Partij(v)} {v.Code} -> {v.Verwacht} voor {referentie}, cliënt {v.Client?.Gemaskeerd ?? "-"} [{v.Regel}]{(v.Advies ? " (signaal)" : "")}";
    }

    private static string Partij(Verplichting v) => v.Partij.ToString().ToLowerInvariant();

    private static string Json(Verplichting v, DateOnly vandaag)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, JsonOpties))
        {
            w.WriteStartObject();
            w.WriteString("partij", Partij(v));
            w.WriteString("code", v.Code);
            w.WriteString("verwacht", v.Verwacht);
            w.WriteString("referentie", v.Referentie);
            if (v.Client is { } client)
            {
                w.WriteString("client", client.Gemaskeerd);
            }
            else
            {
                w.WriteNull("client");
            }

            w.WriteString("vervaldatum", v.Vervaldatum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteNumber("dagenOver", v.DagenOver(vandaag));
            w.WriteBoolean("teLaat", v.IsTeLaat(vandaag));
            w.WriteString("regel", v.Regel);
            w.WriteBoolean("advies", v.Advies);
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
