using System.Text.Json;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Cli;

/// <summary>
/// <c>jeugdhulp process --data MAP [--db VERBINDING] [--rules MAP] [--today yyyy-mm-dd] [--batch N] [--json] PAD...</c>:
/// processes inbound iJw messages (a file, or a folder's <c>*.xml</c> in name order) and writes the
/// answers under <c>MAP/outbox/</c>. Exit 0 when every file was processed whatever the decisions, 1 when
/// any file was invalid, unreadable or failed, 2 for usage errors.
/// </summary>
internal static class ProcessOpdracht
{
    private const string GebruikTekst = "--data MAP [--db VERBINDING] [--rules MAP] [--today yyyy-mm-dd] [--batch N] [--json] PAD...";

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Run(IReadOnlyList<string> args, TextWriter uit, TextWriter fout)
    {
        var a = Argumenten.Parse(args, ["--data", "--db", "--rules", "--today", "--batch"], ["--json"]);
        var data = a.Vereist("--data");
        var vandaag = a.Optie("--today") is { } t ? a.Datum(t, "--today") : DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
        var batch = BerichtVerwerken.StandaardBatch;
        if (a.Optie("--batch") is { } b && (!int.TryParse(b, out batch) || batch < 1))
        {
            a.Fouten.Add($"--batch '{b}' is geen positief getal");
        }

        var rules = a.Optie("--rules") ?? RegelMap.ZoekStandaard();
        if (rules is null)
        {
            a.Fouten.Add($"geen map rules/{RegelMap.StandaardRegio} gevonden; geef --rules MAP");
        }

        if (a.Posities.Count == 0)
        {
            a.Fouten.Add("geef minstens één bestand of map");
        }

        foreach (var pad in a.Posities.Where(p => !File.Exists(p) && !Directory.Exists(p)))
        {
            a.Fouten.Add($"'{pad}' bestaat niet");
        }

        if (a.Fouten.Count > 0 || vandaag is null || rules is null)
        {
            return a.MeldGebruiksfouten("process", GebruikTekst, fout);
        }

        var catalogus = Opslag.Regels(rules);
        if (!catalogus.IsGeldig)
        {
            fout.WriteLine($"jeugdhulp process: de regels in {rules} zijn afgekeurd:");
            Opslag.Meld("process", catalogus.Fouten, fout);
            return ExitCodes.Geweigerd;
        }

        var geopend = Opslag.Open(data, a.Optie("--db"));
        if (!geopend.TryGet(out var store))
        {
            Opslag.Meld("process", geopend.Fouten, fout);
            return ExitCodes.Geweigerd;
        }

        using (store)
        {
            var verwerken = new BerichtVerwerken(store, catalogus.Waarde, vandaag.Value, Path.Combine(data, "outbox"), batch);
            var json = a.Vlag("--json");
            var geweigerd = false;
            var aantal = 0;
            foreach (var v in verwerken.Verwerk(Invoer(a.Posities)))
            {
                aantal++;
                geweigerd |= v.Uitkomst is Uitkomsten.Invalid or Uitkomsten.Error;
                if (json)
                {
                    uit.WriteLine(JsonSerializer.Serialize(new
                    {
                        file = v.Bestand,
                        bericht = v.Bericht,
                        identificatie = v.Identificatie,
                        outcome = v.Uitkomst,
                        decisions = v.Besluiten.Select(d => new { referentie = d.Referentie, outcome = d.Uitkomst, reden = d.Reden, rules = d.Regels, toelichting = d.Toelichting }),
                        outbox = v.Outbox,
                        reasons = v.Meldingen,
                    }, Json));
                }
                else
                {
                    uit.WriteLine($"{v.Bestand}: {v.Uitkomst}{(v.Bericht is null ? "" : $" ({v.Bericht} {v.Identificatie})")}");
                    foreach (var d in v.Besluiten)
                    {
                        uit.WriteLine($"  {d.Referentie}: {d.Uitkomst}{(d.Reden is { } r ? $", reden {r}" : "")} [{string.Join(", ", d.Regels)}]");
                    }

                    foreach (var m in v.Meldingen)
                    {
                        uit.WriteLine("  " + m);
                    }

                    foreach (var o in v.Outbox)
                    {
                        uit.WriteLine("  -> " + o);
                    }
                }
            }

            foreach (var f in verwerken.Materialisatiefouten)
            {
                fout.WriteLine($"jeugdhulp process: {f}");
                geweigerd = true;
            }

            if (!json)
            {
                uit.WriteLine($"{aantal} bestand(en) verwerkt.");
            }

            return geweigerd ? ExitCodes.Geweigerd : ExitCodes.Ok;
        }
    }

    /// <summary>Each path as given; a folder gives its <c>*.xml</c> files in ordinal name order. Read lazily, one at a time.</summary>
    private static IEnumerable<Invoer> Invoer(IEnumerable<string> paden)
    {
        foreach (var pad in paden)
        {
            var bestanden = Directory.Exists(pad)
                ? Directory.GetFiles(pad, "*.xml").Order(StringComparer.Ordinal)
                : (IEnumerable<string>)[pad];
            foreach (var bestand in bestanden)
            {
                byte[]? inhoud = null;
                string? fout = null;
                try
                {
                    inhoud = File.ReadAllBytes(bestand);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    fout = $"BESTAND: kan het bestand niet lezen: {e.Message}";
                }

                yield return new Invoer(bestand, inhoud, fout);
            }
        }
    }
}
