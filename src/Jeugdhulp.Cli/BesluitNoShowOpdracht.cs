using System.CommandLine;
using Jeugdhulp.Core.NoShow;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.NoShow;

namespace Jeugdhulp.Cli;

/// <summary>
/// <c>jeugdhulp besluit-noshow --data MAP --toewijzing NR (--voortzetten | --beeindigen yyyy-mm-dd) [--gemeente CODE]
/// [--today yyyy-mm-dd] [--db VERBINDING]</c>: the municipality's decision after a third no-show (HK-NS-3).
/// Ending writes a JW301 with the new end date. Exit 1 when there is nothing to decide or the date is
/// refused, 2 for usage.
/// </summary>
internal static class BesluitNoShowOpdracht
{
    public static Command Commando(Omgeving o)
    {
        var data = Opties.Data();
        var db = Opties.Db();
        var today = Opties.Today("De dag van het besluit (standaard vandaag in Europe/Amsterdam).");
        var toewijzing = NoShowOpdracht.Toewijzing();
        var voortzetten = Opties.Vlag("--voortzetten", "De toewijzing loopt door.");
        var beeindigen = Opties.Datum("--beeindigen", "Beëindig de toewijzing per deze datum (schrijft een JW301).");
        var gemeente = Opties.Waarde<Gemeentecode>("--gemeente", "CODE", "De gemeente (standaard die van de toewijzing).", Gemeentecode.Parse);
        var opdracht = new Command("besluit-noshow", "Het besluit van de gemeente na een derde no-show (HK-NS-3).") { data, toewijzing, voortzetten, beeindigen, gemeente, today, db };
        opdracht.Controle(r => r.GetValue(voortzetten) == (r.GetResult(beeindigen) is not null) ? "geef precies één van --voortzetten en --beeindigen yyyy-mm-dd" : null);
        opdracht.SetAction(r => Run(r.GetValue(toewijzing)!.Value, new NoShowBesluit(r.GetValue(beeindigen)), r.GetValue(gemeente), r.GetValue(data)!, r.GetValue(db), r.GetValue(today), o));
        return opdracht;
    }

    public static int Run(int nummer, NoShowBesluit besluit, Gemeentecode? gemeente, string data, string? db, DateOnly? today, Omgeving o)
    {
        var (uit, fout) = (o.Uit, o.Fout);
        var vandaag = o.Vandaag(today);
        if (Opslag.Open("besluit-noshow", fout, data, db, today, o.Klok) is not { } store)
        {
            return ExitCodes.Geweigerd;
        }

        using (store)
        {
            var resultaat = store.NeemNoShowBesluit(gemeente, nummer, besluit, vandaag, Path.Combine(data, "outbox"), Environment.UserName);
            if (!resultaat.TryGet(out var v))
            {
                Opslag.Meld("besluit-noshow", resultaat.Fouten, fout);
                return ExitCodes.Geweigerd;
            }

            uit.WriteLine(v.Einddatum is { } eind
                ? $"Toewijzing {v.ToewijzingNummer} (gemeente {v.Gemeente}): beëindigd per {eind:yyyy-MM-dd} na de derde no-show [HK-NS-3]."
                : $"Toewijzing {v.ToewijzingNummer} (gemeente {v.Gemeente}): wordt voortgezet na de derde no-show [HK-NS-3].");
            foreach (var antwoord in v.Outbox)
            {
                uit.WriteLine("  -> " + antwoord);
            }

            return ExitCodes.Ok;
        }
    }
}
