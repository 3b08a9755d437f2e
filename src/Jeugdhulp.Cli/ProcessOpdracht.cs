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

    private static readonly JsonWriterOptions JsonOpties = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Run(IReadOnlyList<string> args, TextWriter uit, TextWriter fout)
    {
        if (args.Contains("--proef"))
        {
            return ProefOpdracht.Run(args, uit, fout);
        }

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

        var geopend = Opslag.Open(data, a.Optie("--db"), a.Optie("--today") is null ? null : vandaag);
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
            try
            {
                foreach (var v in verwerken.Verwerk(Invoer(a.Posities)))
                {
                    aantal++;
                    geweigerd |= v.Uitkomst is Uitkomsten.Invalid or Uitkomsten.Error;
                    if (json)
                    {
                        uit.WriteLine(Json(v));
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
            }
            catch (Exception e) when (e is System.Data.Common.DbException or IOException or UnauthorizedAccessException)
            {
                // The database or the disk failed: the open batch is rolled back as a whole, earlier batches
                // are committed. Running the same input again continues where it stopped (exact repeats).
                fout.WriteLine($"jeugdhulp process: STORE-FOUT: {e.Message} — de lopende batch is teruggedraaid; "
                    + $"{aantal} bestand(en) waren verwerkt. Draai dezelfde invoer opnieuw.");
                return ExitCodes.Geweigerd;
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

    /// <summary>One line of <c>--json</c> output, written field by field (no reflection per message).</summary>
    private static string Json(Bestandsverslag v)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, JsonOpties))
        {
            w.WriteStartObject();
            w.WriteString("file", v.Bestand);
            w.WriteString("bericht", v.Bericht);
            w.WriteString("identificatie", v.Identificatie);
            w.WriteString("outcome", v.Uitkomst);
            w.WriteStartArray("decisions");
            foreach (var d in v.Besluiten)
            {
                w.WriteStartObject();
                w.WriteString("referentie", d.Referentie);
                w.WriteString("outcome", d.Uitkomst);
                if (d.Reden is { } reden)
                {
                    w.WriteNumber("reden", reden);
                }
                else
                {
                    w.WriteNull("reden");
                }

                w.WriteStartArray("rules");
                foreach (var r in d.Regels)
                {
                    w.WriteStringValue(r);
                }

                w.WriteEndArray();
                w.WriteString("toelichting", d.Toelichting);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Lijst(w, "outbox", v.Outbox);
            Lijst(w, "reasons", v.Meldingen);
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Lijst(Utf8JsonWriter w, string naam, IEnumerable<string> waarden)
    {
        w.WriteStartArray(naam);
        foreach (var x in waarden)
        {
            w.WriteStringValue(x);
        }

        w.WriteEndArray();
    }

    /// <summary>
    /// Each path as given; a folder gives its <c>*.xml</c> files (any case) in ordinal name order. Read
    /// lazily, one at a time. A path that does not exist is an unreadable input: reported, and the others
    /// are still processed.
    /// </summary>
    private static IEnumerable<Invoer> Invoer(IEnumerable<string> paden)
    {
        foreach (var pad in paden)
        {
            var bestanden = Directory.Exists(pad)
                ? Directory.EnumerateFiles(pad).Where(f => Path.GetExtension(f).Equals(".xml", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)
                : (IEnumerable<string>)[pad];
            foreach (var bestand in bestanden)
            {
                byte[]? inhoud = null;
                string? fout = null;
                try
                {
                    inhoud = File.ReadAllBytes(bestand);
                }
                catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
                {
                    fout = "BESTAND: het bestand bestaat niet.";
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
