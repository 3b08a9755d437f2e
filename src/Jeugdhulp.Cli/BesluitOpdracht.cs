using System.CommandLine;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Cli;

/// <summary>
/// <c>jeugdhulp besluit --data MAP --referentie REF (--toekennen | --afwijzen REDEN) [--toelichting TEKST] [--today yyyy-mm-dd]</c>:
/// a staff member decides a request the engine left for review; writes its JW301 or JW319. Exit 1 when
/// there is nothing to decide (unknown reference, already decided), 2 for usage errors.
/// </summary>
internal static class BesluitOpdracht
{
    public static Command Commando(Omgeving o)
    {
        var data = Opties.Data();
        var db = Opties.Db();
        var today = Opties.Today("De dag van het besluit (standaard vandaag in Europe/Amsterdam).");
        var referentie = Opties.Tekst("--referentie", "REF", "De referentie van het verzoek.", verplicht: true);
        var toekennen = Opties.Vlag("--toekennen", "Ken het verzoek toe (JW301).");
        var afwijzen = Opties.Getal("--afwijzen", "REDEN", "Wijs het verzoek af met RedenAfwijzingVerzoek 1 t/m 9 (JW319).", 1);
        afwijzen.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<long?>() is > 9)
            {
                r.AddError($"--afwijzen '{r.Tokens[0].Value}' is geen reden 1 t/m 9 (RedenAfwijzingVerzoek)");
            }
        });
        var toelichting = Opties.Tekst("--toelichting", "TEKST", "Een toelichting bij het besluit.");
        var opdracht = new Command("besluit", "Een medewerker beslist over een verzoek dat de engine ter beoordeling liet.") { data, referentie, toekennen, afwijzen, toelichting, today, db };
        opdracht.Controle(r => r.GetValue(toekennen) == (r.GetResult(afwijzen) is not null) ? "geef precies één van --toekennen en --afwijzen REDEN" : null);
        opdracht.SetAction(r => Run(
            new Handbesluit(r.GetValue(referentie)!, r.GetValue(toekennen), (int?)r.GetValue(afwijzen), r.GetValue(toelichting), Environment.UserName),
            r.GetValue(data)!, r.GetValue(db), r.GetValue(today), o));
        return opdracht;
    }

    public static int Run(Handbesluit besluit, string data, string? db, DateOnly? today, Omgeving o)
    {
        var (uit, fout) = (o.Uit, o.Fout);
        var vandaag = o.Vandaag(today);
        if (Opslag.Open("besluit", fout, data, db, today, o.Klok) is not { } store)
        {
            return ExitCodes.Geweigerd;
        }

        using (store)
        {
            var resultaat = BesluitNemen.Neem(store, besluit, vandaag, Path.Combine(data, "outbox"));
            if (!resultaat.TryGet(out var v))
            {
                Opslag.Meld("besluit", resultaat.Fouten, fout);
                return ExitCodes.Geweigerd;
            }

            uit.WriteLine($"{v.Bestand}: {v.Uitkomst}");
            foreach (var antwoord in v.Outbox)
            {
                uit.WriteLine("  -> " + antwoord);
            }

            return ExitCodes.Ok;
        }
    }
}
