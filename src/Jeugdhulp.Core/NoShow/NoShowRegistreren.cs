using System.Globalization;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Core.Werkdagen;

namespace Jeugdhulp.Core.NoShow;

/// <summary>
/// Checks a provider's no-show report (HK-323-4 with HK-323-8 and HK-323-9) and says which no-show it is
/// and what follows (HK-NS-1..3). A refused report is a <see cref="Fout"/> with a code and a Dutch reason
/// that names the rule. The product and limit numbers come from the rules in force on the no-show day; the
/// decision deadline from the rules in force on the report day.
/// </summary>
public static class NoShowRegistreren
{
    /// <summary>Rule id: no-show on the sub-product, never on a group product, at most N per calendar year per product per client.</summary>
    public const string Regel = "HK-323-4";

    /// <summary>Rule id: the report must match an existing allocation (number, provider, client, product, period).</summary>
    public const string Toewijzingsregel = "HK-323-9";

    /// <summary>Rule id: extra-client dummies cannot be declared, so no no-show either.</summary>
    public const string Dummyregel = "HK-323-8";

    /// <summary>Rule id of the decision after the third no-show and of its deadline: the one place HK-NS-3 is named (Termijnen and NoShowBesluiten use it).</summary>
    public const string Besluitregel = "HK-NS-3";

    /// <summary>
    /// Checks <paramref name="melding"/> against <paramref name="toewijzing"/> (the current version of the
    /// allocation with that number in the municipality, or null) and the client's earlier active no-shows.
    /// </summary>
    public static Resultaat<NoShowUitslag> Beoordeel(NoShowMelding melding, VastgelegdeToewijzing? toewijzing,
        IReadOnlyList<EerdereNoShow> eerdere, Regelcatalogus catalogus, Werkdagenkalender kalender, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(melding);
        ArgumentNullException.ThrowIfNull(eerdere);
        ArgumentNullException.ThrowIfNull(catalogus);
        ArgumentNullException.ThrowIfNull(kalender);
        var nummer = melding.ToewijzingNummer.ToString(CultureInfo.InvariantCulture);

        if (melding.Datum > vandaag)
        {
            return Weiger("NS-DATUM", $"De no-show van {melding.Datum:yyyy-MM-dd} ligt na vandaag ({vandaag:yyyy-MM-dd}); meld alleen een gemiste afspraak.", Regel);
        }

        // The provider only learns that the number exists when it is its own allocation for this client.
        if (toewijzing is null || toewijzing.Aanbieder != melding.Aanbieder)
        {
            return Weiger("NS-TOEWIJZING", $"Toewijzing {nummer} is geen toewijzing van aanbieder {melding.Aanbieder}.", Toewijzingsregel);
        }

        if (toewijzing.Client != melding.Client)
        {
            return Weiger("NS-CLIENT", $"Toewijzing {nummer} hoort niet bij cliënt {melding.Client.Gemaskeerd}.", Toewijzingsregel);
        }

        if (toewijzing.IsVerwijderd)
        {
            return Weiger("NS-VERWIJDERD", $"Toewijzing {nummer} is ingetrokken (reden wijziging 13, verwijderd).", Toewijzingsregel);
        }

        if (!toewijzing.Periode.Bevat(melding.Datum))
        {
            return Weiger("NS-PERIODE", $"{melding.Datum:yyyy-MM-dd} ligt buiten toewijzing {nummer} ({toewijzing.Periode}).", Toewijzingsregel);
        }

        if (melding.Product is { } gemeld && gemeld != toewijzing.Product)
        {
            return Weiger("NS-PRODUCT", $"Toewijzing {nummer} is voor product {toewijzing.Product}, niet voor {gemeld}.", Toewijzingsregel);
        }

        var regels = catalogus.OpDatum(melding.Datum);
        if (regels.Product(toewijzing.Product) is not { } product)
        {
            return Weiger("NS-PRODUCT-ONBEKEND", $"Product {toewijzing.Product} staat op {melding.Datum:yyyy-MM-dd} niet in de regels ({regels.Label}).", Regel);
        }

        if (!product.IsDeclareerbaar)
        {
            return Weiger("NS-DUMMY", $"{product.Code} is een extra-cliënt-toewijzing zonder minuten: die is niet declarabel, dus ook geen no-show.", Dummyregel);
        }

        if (product.Soort == ProductSoort.Groep)
        {
            return Weiger("NS-GROEP", $"{product.Code} ({product.Naam}) is een groepsproduct: daarop kan geen no-show worden gedeclareerd.", Regel);
        }

        if (regels.Beleid?.NoShowMaxPerKalenderjaar is not { } maximum)
        {
            return Weiger("NS-REGELS", $"De regels ({regels.Label}) noemen geen maximum aantal no-shows per kalenderjaar.", Regel);
        }

        if (eerdere.Any(e => e.ToewijzingNummer == melding.ToewijzingNummer && e.Datum == melding.Datum))
        {
            return Weiger("NS-DUBBEL", $"Voor toewijzing {nummer} is op {melding.Datum:yyyy-MM-dd} al een no-show gemeld.", Regel);
        }

        var jaar = melding.Datum.Year;
        var eerder = eerdere.Count(e => e.Product == toewijzing.Product && e.Datum.Year == jaar);
        if (eerder >= maximum)
        {
            return Weiger("NS-MAXIMUM",
                $"Cliënt {melding.Client.Gemaskeerd} heeft in {jaar} al {eerder} no-show(s) op {toewijzing.Product}; het maximum is {maximum} per kalenderjaar per product.", Regel);
        }

        var volgnummer = eerder + 1;
        return Resultaat<NoShowUitslag>.Ok(volgnummer switch
        {
            1 => new NoShowUitslag(toewijzing.Product, jaar, 1, NoShowStap.Bespreken, "HK-NS-1",
                "Eerste no-show: bespreek de no-show met de inwoner.", null),
            2 => new NoShowUitslag(toewijzing.Product, jaar, 2, NoShowStap.MeldenEnWaarschuwen, "HK-NS-2",
                "Tweede no-show: meld dit bij de gemeente (declaratieadres) en waarschuw de inwoner.", null),
            _ => Derde(toewijzing.Product, jaar, volgnummer, catalogus.OpDatum(vandaag), kalender, vandaag),
        });
    }

    private static NoShowUitslag Derde(ProductCode product, int jaar, int volgnummer, Regelset regels, Werkdagenkalender kalender, DateOnly vandaag)
    {
        var uiterlijk = regels.Termijn(Besluitregel) is { } termijn ? TermijnenBewaken.Vervalt(termijn, vandaag, kalender) : (DateOnly?)null;
        var besluit = uiterlijk is { } d ? $"uiterlijk {d:yyyy-MM-dd}" : "(geen termijn HK-NS-3 in de regels)";
        return new NoShowUitslag(product, jaar, volgnummer, NoShowStap.Pauzeren, Besluitregel,
            $"Derde no-show: meld dit bij de gemeente en pauzeer de directe behandeling/begeleiding. De gemeente besluit {besluit} of de toewijzing wordt voortgezet of beëindigd en meldt dit aan aanbieder en inwoner.",
            uiterlijk);
    }

    private static Resultaat<NoShowUitslag> Weiger(string code, string reden, string regel) =>
        Resultaat<NoShowUitslag>.Mislukt(code, $"{reden} ({regel})");
}
