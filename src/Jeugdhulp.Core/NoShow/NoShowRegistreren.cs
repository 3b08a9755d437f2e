using System.Globalization;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Teksten;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Core.Werkdagen;

namespace Jeugdhulp.Core.NoShow;

/// <summary>
/// Checks a provider's no-show report (HK-323-4 with HK-323-8 and HK-323-9) and says which no-show it is
/// and what follows (HK-NS-1..3). A refused report is a <see cref="NoShowWeigering"/> (code, rule, parameters),
/// handed on as a <see cref="Fout"/> whose Dutch reason is rendered from Core.Teksten and names the rule. The product and limit numbers come from the rules in force on the no-show day; the
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
            return Weiger("NS-DATUM", Regel, ("datum", D(melding.Datum)), ("vandaag", D(vandaag)));
        }

        // The provider only learns that the number exists when it is its own allocation for this client.
        if (toewijzing is null || toewijzing.Aanbieder != melding.Aanbieder)
        {
            return Weiger("NS-TOEWIJZING", Toewijzingsregel, ("nummer", nummer), ("aanbieder", melding.Aanbieder.Waarde));
        }

        if (toewijzing.Client != melding.Client)
        {
            return Weiger("NS-CLIENT", Toewijzingsregel, ("nummer", nummer), ("client", melding.Client.Gemaskeerd));
        }

        if (toewijzing.IsVerwijderd)
        {
            return Weiger("NS-VERWIJDERD", Toewijzingsregel, ("nummer", nummer));
        }

        if (!toewijzing.Periode.Bevat(melding.Datum))
        {
            return Weiger("NS-PERIODE", Toewijzingsregel, ("datum", D(melding.Datum)), ("nummer", nummer), ("periode", toewijzing.Periode.ToString()));
        }

        if (melding.Product is { } gemeld && gemeld != toewijzing.Product)
        {
            return Weiger("NS-PRODUCT", Toewijzingsregel, ("nummer", nummer), ("product", toewijzing.Product.Waarde), ("gemeld", gemeld.Waarde));
        }

        var regels = catalogus.OpDatum(melding.Datum);
        if (regels.Product(toewijzing.Product) is not { } product)
        {
            return Weiger("NS-PRODUCT-ONBEKEND", Regel, ("product", toewijzing.Product.Waarde), ("datum", D(melding.Datum)), ("regels", regels.Label));
        }

        if (!product.IsDeclareerbaar)
        {
            return Weiger("NS-DUMMY", Dummyregel, ("product", product.Code.Waarde));
        }

        if (product.Soort == ProductSoort.Groep)
        {
            return Weiger("NS-GROEP", Regel, ("product", product.Code.Waarde), ("naam", product.Naam));
        }

        if (regels.Beleid?.NoShowMaxPerKalenderjaar is not { } maximum)
        {
            return Weiger("NS-REGELS", Regel, ("regels", regels.Label));
        }

        if (eerdere.Any(e => e.ToewijzingNummer == melding.ToewijzingNummer && e.Datum == melding.Datum))
        {
            return Weiger("NS-DUBBEL", Regel, ("nummer", nummer), ("datum", D(melding.Datum)));
        }

        var jaar = melding.Datum.Year;
        var eerder = eerdere.Count(e => e.Product == toewijzing.Product && e.Datum.Year == jaar);
        if (eerder >= maximum)
        {
            return Weiger("NS-MAXIMUM", Regel, ("client", melding.Client.Gemaskeerd), ("jaar", N(jaar)), ("eerder", N(eerder)),
                ("product", toewijzing.Product.Waarde), ("maximum", N(maximum)));
        }

        var volgnummer = eerder + 1;
        var uitslag = volgnummer switch
        {
            1 => new NoShowUitslag(toewijzing.Product, jaar, 1, NoShowStap.Bespreken, "HK-NS-1", "eerste", [], null),
            2 => new NoShowUitslag(toewijzing.Product, jaar, 2, NoShowStap.MeldenEnWaarschuwen, "HK-NS-2", "tweede", [], null),
            _ => Derde(toewijzing.Product, jaar, volgnummer, catalogus.OpDatum(vandaag), kalender, vandaag),
        };
        return Resultaat<NoShowUitslag>.Ok(uitslag with { Regelversie = catalogus.Versie });
    }

    private static NoShowUitslag Derde(ProductCode product, int jaar, int volgnummer, Regelset regels, Werkdagenkalender kalender, DateOnly vandaag)
    {
        var uiterlijk = regels.Termijn(Besluitregel) is { } termijn ? TermijnenBewaken.Vervalt(termijn, vandaag, kalender) : (DateOnly?)null;
        return uiterlijk is { } d
            ? new NoShowUitslag(product, jaar, volgnummer, NoShowStap.Pauzeren, Besluitregel, "derde", [("uiterlijk", D(d))], uiterlijk)
            : new NoShowUitslag(product, jaar, volgnummer, NoShowStap.Pauzeren, Besluitregel, "derde-zonder-termijn", [], null);
    }

    private static Resultaat<NoShowUitslag> Weiger(string code, string regel, params Parameter[] parameters) =>
        Resultaat<NoShowUitslag>.Mislukt(new NoShowWeigering(code, regel, parameters).Fout);

    internal static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
