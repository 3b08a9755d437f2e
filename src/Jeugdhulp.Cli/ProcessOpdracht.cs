using System.CommandLine;
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
    public static Command Commando(Omgeving o)
    {
        var data = Opties.Data();
        var db = Opties.Db();
        var rules = Opties.Rules();
        var today = Opties.Today();
        var batch = Opties.Getal("--batch", "N", $"Berichten per transactie (standaard {BerichtVerwerken.StandaardBatch}).", 1);
        var json = Opties.Vlag("--json", "Eén JSON-object per bestand in plaats van tekst.");
        var zonderBestanden = Opties.Vlag("--zonder-bestanden", "Schrijf de antwoorden niet als bestanden, alleen in de outboxtabel (voor de API).");
        var opdracht = new Command("process", "Verwerkt inkomende iJw-berichten (een bestand, of de *.xml van een map op naam) en schrijft de antwoorden in de outbox.")
        {
            data, db, rules, today, batch, json, zonderBestanden,
        };
        var maxBericht = Opties.MaxBericht(opdracht);
        var paden = Opties.Paden(opdracht, "PAD", "Berichten of mappen met berichten.", "geef minstens één bestand of map");
        opdracht.SetAction(r => Run(
            r.GetValue(paden)!, r.GetValue(data)!, r.GetValue(db), r.GetValue(rules)!, r.GetValue(today),
            (int?)r.GetValue(batch) ?? BerichtVerwerken.StandaardBatch, r.GrootsteBericht(maxBericht), r.GetValue(json), r.GetValue(zonderBestanden), o));
        return opdracht;
    }

    /// <summary>Processes <paramref name="paden"/>; <paramref name="today"/> fixes the processing date (null: today in Amsterdam).</summary>
    public static int Run(IReadOnlyList<string> paden, string data, string? db, string rules, DateOnly? today, int batch, long maxBytes, bool json,
        bool zonderBestanden, Omgeving o)
    {
        var (uit, fout) = (o.Uit, o.Fout);
        var vandaag = o.Vandaag(today);
        if (Opslag.LaadRegels("process", rules, fout) is null)
        {
            return ExitCodes.Geweigerd;
        }

        if (Opslag.Open("process", fout, data, db, today, o.Klok) is not { } store)
        {
            return ExitCodes.Geweigerd;
        }

        using (store)
        {
            if (Opslag.GeldendeRegels("process", rules, store, fout) is not { } geldend)
            {
                return ExitCodes.Geweigerd;
            }

            var verwerken = new BerichtVerwerken(store, geldend, vandaag, zonderBestanden ? null : Path.Combine(data, "outbox"), batch, maxBytes);
            var geweigerd = false;
            var aantal = 0;
            try
            {
                foreach (var v in verwerken.Verwerk(Invoer(paden, maxBytes)))
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

                        foreach (var antwoord in v.Outbox)
                        {
                            uit.WriteLine("  -> " + antwoord);
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
