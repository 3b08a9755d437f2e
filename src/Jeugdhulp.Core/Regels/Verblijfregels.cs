using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Regels;

/// <summary>The kinds of 24-hour care in scope of the regional partnership (HK-24-2).</summary>
public enum VerblijfSoort
{
    /// <summary>Behandeld Wonen.</summary>
    BehandeldWonen,

    /// <summary>Begeleid Wonen (ages per HK-24-4).</summary>
    BegeleidWonen,

    /// <summary>Begeleid Wonen Plus (ages per HK-24-4).</summary>
    BegeleidWonenPlus,

    /// <summary>Pleegzorg.</summary>
    Pleegzorg,

    /// <summary>Jeugdzorg Plus (also under 12).</summary>
    JeugdzorgPlus,

    /// <summary>LTA SG-LVG 4 and 5.</summary>
    LtaSgLvg,

    /// <summary>LTA MTFC-p.</summary>
    LtaMtfcp,

    /// <summary>Crisis care with stay (HK-24-8).</summary>
    Crisis,

    /// <summary>Intensive ambulatory care: regional only when scaling down from residential care (HK-24-5).</summary>
    IntensiefAmbulant,
}

/// <summary>A product of the catalogue that is 24-hour care of the partnership, and which kind (HK-24-2).</summary>
/// <param name="Code">The product code (in producten.json).</param>
/// <param name="Soort">The kind.</param>
public sealed record VerblijfProduct(ProductCode Code, VerblijfSoort Soort);

/// <summary>A kind of care outside the 24-hour scope with the reason it is refused (HK-24-2).</summary>
/// <param name="Naam">Dutch name, e.g. "Logeren".</param>
/// <param name="Reden">Dutch reason shown with the refusal.</param>
/// <param name="Producten">Product codes of this kind.</param>
/// <param name="Percelen">Lots whose products are of this kind.</param>
public sealed record BuitenScope(string Naam, string Reden, IReadOnlyList<ProductCode> Producten, IReadOnlyList<string> Percelen);

/// <summary>Begeleid Wonen ages (HK-24-4): youths up to <paramref name="MaxLeeftijdJeugd"/>, or young adults in a range.</summary>
/// <param name="MaxLeeftijdJeugd">Highest age of a youth (17).</param>
/// <param name="JongvolwassenVanaf">First age of a young adult (18).</param>
/// <param name="JongvolwassenTot">Last age of a young adult, inclusive (22).</param>
public sealed record BegeleidWonenLeeftijd(int MaxLeeftijdJeugd, int JongvolwassenVanaf, int JongvolwassenTot);

/// <summary>One row of the ZZP hours table for meerzorg (HK-24-10): hours per week excluding day activities.</summary>
/// <param name="Naam">LVG1–LVG5 or the JmV product name.</param>
/// <param name="BegeleidingUren">Hours of guidance (BG).</param>
/// <param name="BehandelingUren">Hours of treatment (BH).</param>
public sealed record ZzpNorm(string Naam, decimal BegeleidingUren, decimal BehandelingUren)
{
    /// <summary>BG + BH.</summary>
    public decimal TotaalUren => BegeleidingUren + BehandelingUren;
}

/// <summary>Meerzorg (HK-24-10): the product that carries it and the ZZP table.</summary>
/// <param name="Product">The product code meerzorg is allocated as ("Begeleiding Individueel" is regional data).</param>
/// <param name="Zzp">The ZZP hours table.</param>
public sealed record MeerzorgRegels(ProductCode Product, IReadOnlyList<ZzpNorm> Zzp);

/// <summary>The moeder-kindtoeslag per etmaal per child in one calendar year (HK-24-11), indexed per year as data.</summary>
/// <param name="Jaar">Calendar year.</param>
/// <param name="BedragPerEtmaal">Euro per etmaal.</param>
public sealed record MoederKindTarief(int Jaar, decimal BedragPerEtmaal);

/// <summary>The 24-hour care rules (HK spec §14, seed 003) in force in <see cref="Geldigheid"/>; from <c>verblijf.json</c>.</summary>
/// <param name="MinEtmalenPerWeek">HK-24-1: the average etmalen per week from which care is 24-hour care (4).</param>
/// <param name="Producten">HK-24-2: the in-scope products and their kind.</param>
/// <param name="BuitenScope">HK-24-2: the out-of-scope kinds with their reason.</param>
/// <param name="BegeleidWonen">HK-24-4.</param>
/// <param name="Meerzorg">HK-24-10.</param>
/// <param name="MoederKindtoeslag">HK-24-11: the tariff per year.</param>
/// <param name="Geldigheid">When this version is in force.</param>
public sealed record Verblijfregels(
    decimal MinEtmalenPerWeek,
    IReadOnlyList<VerblijfProduct> Producten,
    IReadOnlyList<BuitenScope> BuitenScope,
    BegeleidWonenLeeftijd BegeleidWonen,
    MeerzorgRegels Meerzorg,
    IReadOnlyList<MoederKindTarief> MoederKindtoeslag,
    Periode Geldigheid)
{
    /// <summary>The kind of 24-hour care of a product; null when the product is not in scope.</summary>
    public VerblijfSoort? Soort(ProductCode code) => Producten.FirstOrDefault(p => p.Code == code)?.Soort;

    /// <summary>The tariff of a year; null when the data has none (then no amount is computed).</summary>
    public MoederKindTarief? Tarief(int jaar) => MoederKindtoeslag.FirstOrDefault(t => t.Jaar == jaar);
}
