using Jeugdhulp.Ijw.Lezen;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Cli;

/// <summary>
/// <c>jeugdhulp process --data MAP [--db VERBINDING] [--rules MAP] [--today yyyy-mm-dd] [--batch N] [--json] [--zonder-bestanden] PAD...</c>:
/// processes inbound iJw messages (a file, or a folder's <c>*.xml</c> in name order) and writes the
/// answers under <c>MAP/outbox/</c> (with <c>--zonder-bestanden</c> only into the outbox table, for delivery
/// over the API; a later run without it writes them). Exit 0 when every file was processed whatever the decisions, 1 when
/// any file was invalid, unreadable or failed, 2 for usage errors.
/// </summary>
internal static class ProcessOpdracht
{
    private const string GebruikTekst = "--data MAP [--db VERBINDING] [--rules MAP] [--today yyyy-mm-dd] [--batch N] [--max-bericht-mb N] [--json] [--zonder-bestanden] PAD...";

    public static int Run(IReadOnlyList<string> args, TextWriter uit, TextWriter fout)
    {
        if (args.Contains("--proef"))
        {
            return ProefOpdracht.Run(args, uit, fout);
        }

        var a = Argumenten.Parse(args, ["--data", "--db", "--rules", "--today", "--batch", Berichtgrootte.Optie], ["--json", "--zonder-bestanden"]);
        var maxBytes = Invoerbestand.MaxBytes(a);
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

        if (Opslag.LaadRegels("process", rules, fout) is not { } catalogus)
        {
            return ExitCodes.Geweigerd;
        }

        if (Opslag.Open("process", fout, data, a.Optie("--db"), a.Optie("--today") is null ? null : vandaag) is not { } store)
        {
            return ExitCodes.Geweigerd;
        }

        using (store)
        {
            var verwerken = new BerichtVerwerken(store, catalogus, vandaag.Value, a.Vlag("--zonder-bestanden") ? null : Path.Combine(data, "outbox"), batch, maxBytes);
            var json = a.Vlag("--json");
            var geweigerd = false;
            var aantal = 0;
            try
            {
                foreach (var v in verwerken.Verwerk(Invoer(a.Posities, maxBytes)))
                {
                    aantal++;
                    geweigerd |= v.Uitkomst is Uitkomsten.Invalid or Uitkomsten.Error;
                    if (json)
                    {
                        uit.WriteLine(VerslagJson.Schrijf(v));
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
                            uit.WriteLine("  " + Tekstregel.Enkel(m));
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

    /// <summary>
    /// Each path as given; a folder gives its <c>*.xml</c> files (any case) in ordinal name order. Read
    /// lazily, one at a time. A path that does not exist, cannot be read or is above the size limit is
    /// reported with its code (not read, not journalled), and the others are still processed.
    /// </summary>
    private static IEnumerable<Invoer> Invoer(IEnumerable<string> paden, long maxBytes)
    {
        foreach (var pad in paden)
        {
            var bestanden = Directory.Exists(pad)
                ? Directory.EnumerateFiles(pad).Where(f => Path.GetExtension(f).Equals(".xml", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)
                : (IEnumerable<string>)[pad];
            foreach (var bestand in bestanden)
            {
                var gelezen = Invoerbestand.Lees(bestand, maxBytes);
                yield return gelezen.TryGet(out var inhoud)
                    ? new Invoer(bestand, inhoud)
                    : new Invoer(bestand, null, string.Join("; ", gelezen.Fouten.Select(f => f.ToString())));
            }
        }
    }
}
