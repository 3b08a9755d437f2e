using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Cli;

/// <summary>
/// <c>jeugdhulp besluit --data MAP --referentie REF (--toekennen | --afwijzen REDEN) [--toelichting TEKST] [--today yyyy-mm-dd]</c>:
/// a staff member decides a request the engine left for review; writes its JW301 or JW319. Exit 1 when
/// there is nothing to decide (unknown reference, already decided), 2 for usage errors.
/// </summary>
internal static class BesluitOpdracht
{
    private const string GebruikTekst = "--data MAP --referentie REF (--toekennen | --afwijzen REDEN) [--toelichting TEKST] [--today yyyy-mm-dd] [--db VERBINDING]";

    public static int Run(IReadOnlyList<string> args, TextWriter uit, TextWriter fout)
    {
        var a = Argumenten.Parse(args, ["--data", "--db", "--referentie", "--afwijzen", "--toelichting", "--today"], ["--toekennen"]);
        var data = a.Vereist("--data");
        var referentie = a.Vereist("--referentie");
        var vandaag = a.Optie("--today") is { } t ? a.Datum(t, "--today") : DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
        var toekennen = a.Vlag("--toekennen");
        int? reden = null;
        if (a.Optie("--afwijzen") is { } r)
        {
            if (int.TryParse(r, out var n) && n is >= 1 and <= 9)
            {
                reden = n;
            }
            else
            {
                a.Fouten.Add($"--afwijzen '{r}' is geen reden 1 t/m 9 (RedenAfwijzingVerzoek)");
            }
        }

        if (toekennen == a.Optie("--afwijzen") is not null)
        {
            a.Fouten.Add("geef precies één van --toekennen en --afwijzen REDEN");
        }

        if (a.Posities.Count > 0)
        {
            a.Fouten.Add($"onverwacht argument '{a.Posities[0]}'");
        }

        if (a.Fouten.Count > 0 || vandaag is null)
        {
            return a.MeldGebruiksfouten("besluit", GebruikTekst, fout);
        }

        if (Opslag.Open("besluit", fout, data, a.Optie("--db"), a.Optie("--today") is null ? null : vandaag) is not { } store)
        {
            return ExitCodes.Geweigerd;
        }

        using (store)
        {
            var besluit = new Handbesluit(referentie, toekennen, reden, a.Optie("--toelichting"), Environment.UserName);
            var resultaat = BesluitNemen.Neem(store, besluit, vandaag.Value, Path.Combine(data, "outbox"));
            if (!resultaat.TryGet(out var v))
            {
                Opslag.Meld("besluit", resultaat.Fouten, fout);
                return ExitCodes.Geweigerd;
            }

            uit.WriteLine($"{v.Bestand}: {v.Uitkomst}");
            foreach (var o in v.Outbox)
            {
                uit.WriteLine("  -> " + o);
            }

            return ExitCodes.Ok;
        }
    }
}
