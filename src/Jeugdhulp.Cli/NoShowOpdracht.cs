using System.CommandLine;
using System.Globalization;
using Jeugdhulp.Core.NoShow;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.NoShow;

namespace Jeugdhulp.Cli;

/// <summary>
/// <c>jeugdhulp noshow --data MAP --aanbieder AGB --toewijzing NR --bsn BSN --datum yyyy-mm-dd [--product CODE]
/// [--gemeente CODE] [--rules MAP] [--today yyyy-mm-dd] [--db VERBINDING]</c>: a provider registers a no-show
/// (HK-323-4). Prints which no-show this is for the client and product in that year and what follows
/// (HK-NS-1..3). Facts only (HK-NS-4): there is no option for free text. Exit 1 when refused, 2 for usage.
/// </summary>
internal static class NoShowOpdracht
{
    public static Command Commando(Omgeving o)
    {
        var data = Opties.Data();
        var db = Opties.Db();
        var rules = Opties.Rules();
        var today = Opties.Today("De dag van de melding (standaard vandaag in Europe/Amsterdam).");
        var aanbieder = Opties.Waarde<AgbCode>("--aanbieder", "AGB", "De aanbieder die de no-show meldt.", AgbCode.Parse, verplicht: true);
        var toewijzing = Toewijzing();
        var bsn = Opties.Waarde<Bsn>("--bsn", "BSN", "De cliënt (wordt nooit getoond of gelogd).", Bsn.Parse, verplicht: true, geheim: true);
        var datum = Opties.Datum("--datum", "De dag van de gemiste afspraak.", verplicht: true);
        var product = Opties.Waarde<ProductCode>("--product", "CODE", "Het product (standaard dat van de toewijzing).", ProductCode.Parse);
        var gemeente = Opties.Waarde<Gemeentecode>("--gemeente", "CODE", "De gemeente (standaard die van de toewijzing).", Gemeentecode.Parse);
        var opdracht = new Command("noshow", "Een aanbieder meldt een no-show (HK-323-4): alleen feiten, geen vrije tekst (HK-NS-4).")
        {
            data, aanbieder, toewijzing, bsn, datum, product, gemeente, rules, today, db,
        };
        opdracht.SetAction(r => Run(
            new NoShowMelding(r.GetValue(aanbieder)!.Value, r.GetValue(bsn)!.Value, r.GetValue(toewijzing)!.Value, r.GetValue(datum)!.Value, r.GetValue(product)),
            r.GetValue(gemeente), r.GetValue(data)!, r.GetValue(db), r.GetValue(rules)!, r.GetValue(today), o));
        return opdracht;
    }

    /// <summary><c>--toewijzing NR</c>: a ToewijzingNummer (a positive whole number).</summary>
    internal static Option<int?> Toewijzing() => new("--toewijzing")
    {
        Required = true,
        HelpName = "NR",
        Description = "Het ToewijzingNummer.",
        CustomParser = r =>
        {
            var tekst = r.Tokens[0].Value;
            if (int.TryParse(tekst, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                return n;
            }

            r.AddError($"--toewijzing '{tekst}' is geen ToewijzingNummer");
            return null;
        },
    };

    /// <summary>Registers <paramref name="melding"/>; <paramref name="today"/> fixes the processing date (null: today in Amsterdam).</summary>
    public static int Run(NoShowMelding melding, Gemeentecode? gemeente, string data, string? db, string rules, DateOnly? today, Omgeving o)
    {
        var (uit, fout) = (o.Uit, o.Fout);
        var vandaag = o.Vandaag(today);
        if (Opslag.LaadRegels("noshow", rules, fout) is not { } catalogus)
        {
            return ExitCodes.Geweigerd;
        }

        if (Opslag.Open("noshow", fout, data, db, today, o.Klok) is not { } store)
        {
            return ExitCodes.Geweigerd;
        }

        using (store)
        {
            var resultaat = store.RegistreerNoShow(melding, gemeente, catalogus, vandaag);
            if (!resultaat.TryGet(out var r))
            {
                Opslag.Meld("noshow", resultaat.Fouten, fout);
                return ExitCodes.Geweigerd;
            }

            var u = r.Uitslag;
            uit.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"No-show {u.Volgnummer} van {u.Jaar} op {u.Product} voor cliënt {melding.Client.Gemaskeerd}, toewijzing {melding.ToewijzingNummer} (gemeente {r.Gemeente}), {melding.Datum:yyyy-MM-dd}: geregistreerd (id {r.Id})."));
            uit.WriteLine($"Vervolg [{u.Regel}]: {u.Vervolg}");
            return ExitCodes.Ok;
        }
    }
}
