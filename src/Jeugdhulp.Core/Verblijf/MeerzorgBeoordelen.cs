using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Verblijf;

/// <summary>The state of one of the two checks a meerzorg request passes (HK-24-10).</summary>
public enum Toetsstand
{
    /// <summary>Not done yet.</summary>
    Open,

    /// <summary>Done, positive.</summary>
    Positief,

    /// <summary>Done, negative.</summary>
    Negatief,
}

/// <summary>A meerzorg request (HK-24-10): extra individual guidance hours above the ZZP, for the VG target group.</summary>
/// <param name="Gemeente">The municipality that funds it.</param>
/// <param name="Referentie">The request's reference.</param>
/// <param name="Client">The youth.</param>
/// <param name="Aanbieder">The provider that delivers it (AGB code).</param>
/// <param name="Zzp">The ZZP the youth has (a row of the table: LVG1–5 or a JmV product).</param>
/// <param name="ExtraUrenPerWeek">The extra hours per week asked.</param>
/// <param name="Van">First day.</param>
/// <param name="Tot">Last day (inclusive).</param>
/// <param name="Ontvangen">The day the request came in.</param>
/// <param name="Hulpplan">True when the help plan is attached.</param>
/// <param name="OnafhankelijkeToets">The independent third party's check.</param>
/// <param name="FinancieleToets">The financial check.</param>
public sealed record Meerzorgaanvraag(
    string Gemeente,
    string Referentie,
    Bsn Client,
    string Aanbieder,
    string Zzp,
    int ExtraUrenPerWeek,
    DateOnly Van,
    DateOnly Tot,
    DateOnly Ontvangen,
    bool Hulpplan,
    Toetsstand OnafhankelijkeToets,
    Toetsstand FinancieleToets);

/// <summary>The decision on a meerzorg request: findings, deadlines and, when granted, the Begeleiding Individueel allocation.</summary>
/// <param name="Oordeel">Findings and deadlines.</param>
/// <param name="Toewijzing">The allocation that funds it (product, period, hours per week); null unless granted.</param>
public sealed record Meerzorgbesluit(Verblijfoordeel Oordeel, Meerzorgtoewijzing? Toewijzing);

/// <summary>The allocation that carries meerzorg through the ordinary JW301/JW323 pipeline (HK-24-10).</summary>
/// <param name="Product">The regional "Begeleiding Individueel" product.</param>
/// <param name="Categorie">Its category.</param>
/// <param name="Van">Start.</param>
/// <param name="Tot">End.</param>
/// <param name="Omvang">Hours per week (unit 04, frequency 2).</param>
public sealed record Meerzorgtoewijzing(ProductCode Product, string Categorie, DateOnly Van, DateOnly Tot, Omvang Omvang);

/// <summary>
/// HK-24-10: a meerzorg request needs its help plan and passes an independent and a financial check; the
/// region aims to decide within 2 weeks (HK-24-10, advice, watched); it is granted for at most half a year
/// (HK-24-10-DUUR) then reassessed — longer is not refused but goes to a person (spec interpretation); it may
/// start before the request (retroactive). Granted, it is an allocation of the region's Begeleiding
/// Individueel product with the asked hours per week, so it runs through the same JW301 and JW323 pipeline.
/// </summary>
public static class MeerzorgBeoordelen
{
    /// <summary>Deadline id of the decision (2 weeks, aim).</summary>
    public const string Besluittermijn = "HK-24-10";

    /// <summary>Deadline id of the maximum period and reassessment (6 months).</summary>
    public const string Duur = "HK-24-10-DUUR";

    /// <summary>The decision on <paramref name="a"/>.</summary>
    public static Meerzorgbesluit Beoordeel(Meerzorgaanvraag a, Regelset regels, Werkdagen.Werkdagenkalender kalender)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(regels);
        if (regels.Verblijf is not { } v || regels.Product(v.Meerzorg.Product) is not { } product)
        {
            return new(Verblijfoordeel.ZonderRegels(regels, "HK-24-10"), null);
        }

        var b = new Beoordeling();
        var t = new List<Verplichting>();
        if (a.Hulpplan)
        {
            b.Ok("HK-24-10", "hulpplan");
        }
        else
        {
            b.Beoordelen("HK-24-10", "geen-hulpplan");
        }

        Toetsen(b, a);
        if (v.Meerzorg.Zzp.FirstOrDefault(z => z.Naam == a.Zzp) is { } zzp)
        {
            b.Ok("HK-24-10", "zzp", ("zzp", zzp.Naam), ("begeleiding", $"{zzp.BegeleidingUren}"), ("behandeling", $"{zzp.BehandelingUren}"), ("totaal", $"{zzp.TotaalUren}"), ("extra", $"{a.ExtraUrenPerWeek}"));
        }
        else
        {
            b.Beoordelen("HK-24-10", "zzp-onbekend", ("zzp", a.Zzp), ("tabel", string.Join(", ", v.Meerzorg.Zzp.Select(z => z.Naam))));
        }

        if (a.ExtraUrenPerWeek <= 0 || a.Tot < a.Van)
        {
            b.Afwijzen("HK-24-10", RedenAfwijzing.PastNietBinnenContract, "omvang-ongeldig");
        }

        if (regels.Termijn(Duur) is { } duur)
        {
            var uiterst = TermijnenBewaken.Vervalt(duur, a.Van, kalender).AddDays(-1);
            if (a.Tot <= uiterst)
            {
                b.Ok("HK-24-10", "periode", ("van", $"{a.Van:yyyy-MM-dd}"), ("tot", $"{a.Tot:yyyy-MM-dd}"), ("aantal", $"{duur.Aantal}"), ("eenheid", Eenheid(duur)));
            }
            else
            {
                b.Beoordelen("HK-24-10", "periode-te-lang", ("aantal", $"{duur.Aantal}"), ("eenheid", Eenheid(duur)), ("uiterst", $"{uiterst:yyyy-MM-dd}"), ("tot", $"{a.Tot:yyyy-MM-dd}"));
            }

            t.Add(new Verplichting(duur.Partij, a.Gemeente, "herbeoordeling meerzorg", a.Referentie, a.Client, a.Tot < uiterst ? a.Tot : uiterst, duur.Id, duur.Advies));
        }

        if (a.Van < a.Ontvangen)
        {
            b.Ok("HK-24-10", "terugwerkend", ("van", $"{a.Van:yyyy-MM-dd}"), ("ontvangen", $"{a.Ontvangen:yyyy-MM-dd}"));
        }

        if (regels.Termijn(Besluittermijn) is { } besluit)
        {
            t.Add(new Verplichting(besluit.Partij, a.Gemeente, "besluit meerzorg", a.Referentie, a.Client, TermijnenBewaken.Vervalt(besluit, a.Ontvangen, kalender), besluit.Id, besluit.Advies));
        }

        var oordeel = new Verblijfoordeel(b.Bevindingen, t, regels);
        return new(oordeel, oordeel.Uitkomst == Uitkomst.Toegekend
            ? new Meerzorgtoewijzing(product.Code, product.Categorie, a.Van, a.Tot, new Omvang(a.ExtraUrenPerWeek, Omvang.Uur, "2"))
            : null);
    }

    /// <summary>The independent check (negative: zorginhoudelijk, reden 5) and the financial one (negative: budget, reden 2).</summary>
    private static void Toetsen(Beoordeling b, Meerzorgaanvraag a)
    {
        switch (a.OnafhankelijkeToets)
        {
            case Toetsstand.Positief:
                b.Ok("HK-24-10", "onafhankelijke-toets-positief");
                break;
            case Toetsstand.Negatief:
                b.Afwijzen("HK-24-10", RedenAfwijzing.Zorginhoudelijk, "onafhankelijke-toets-negatief");
                break;
            default:
                b.Beoordelen("HK-24-10", "onafhankelijke-toets-open");
                break;
        }

        switch (a.FinancieleToets)
        {
            case Toetsstand.Positief:
                b.Ok("HK-24-10", "financiele-toets-positief");
                break;
            case Toetsstand.Negatief:
                b.Afwijzen("HK-24-10", RedenAfwijzing.Budget, "financiele-toets-negatief");
                break;
            default:
                b.Beoordelen("HK-24-10", "financiele-toets-open");
                break;
        }
    }

    private static string Eenheid(Termijn t) => t.Eenheid.ToString().ToLowerInvariant();
}
