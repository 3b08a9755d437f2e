using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Regels;

/// <summary>How a product is delivered; drives the family, group and dummy rules (HK-PRD-4, HK-PRD-7).</summary>
public enum ProductSoort
{
    /// <summary>For one youth.</summary>
    Individueel,

    /// <summary>Group product: no no-show declarations (HK-323-4), group size limits.</summary>
    Groep,

    /// <summary>Family product: minutes on the youngest child, dummies for the others (HK-PRD-4).</summary>
    Gezin,

    /// <summary>Extra-client dummy of a family product: 1 stuks, never declarable (HK-323-8).</summary>
    ExtraClient,
}

/// <summary>
/// One guideline category of a product (HK spec §3): average hours per week, maximum hours in the
/// allocation period and its duration. Any part may be unknown for a product.
/// </summary>
/// <param name="Naam">"A", "B", or a variant name such as "6 maanden".</param>
/// <param name="UrenPerWeek">Average hours per week.</param>
/// <param name="MaxUren">Maximum hours within the allocation period.</param>
/// <param name="DuurMaanden">Duration of the allocation in months.</param>
public sealed record RichtlijnCategorie(string Naam, decimal? UrenPerWeek, int? MaxUren, int? DuurMaanden);

/// <summary>A product of the regional catalogue, valid in <see cref="Geldigheid"/>.</summary>
/// <param name="Code">iJw product code, e.g. 45F21.</param>
/// <param name="Naam">Dutch name.</param>
/// <param name="Categorie">iJw product category, e.g. "45".</param>
/// <param name="Perceel">Code of the lot (perceel) it belongs to.</param>
/// <param name="Eenheid">iJw unit code: "01" minutes, "84" pieces (inspanning).</param>
/// <param name="Frequentie">iJw frequency code: "6" total within the allocation period.</param>
/// <param name="Soort">Individual, group, family or extra-client dummy.</param>
/// <param name="Richtlijn">Guideline categories A/B or variants.</param>
/// <param name="StandaardDuurMaanden">Standard allocation period in months (HK-PRD-1).</param>
/// <param name="MaxDuurMaanden">Maximum allocation period in months; null when none.</param>
/// <param name="MaxDuurHard">True when exceeding the maximum is a rejection (HK-PRD-2), false when review.</param>
/// <param name="MaxGroepsgrootte">Maximum number of youths in a group product.</param>
/// <param name="Begeleidingsratio">Staff ratio of a group product, e.g. "1:4".</param>
/// <param name="ExtraClientProduct">For a family product: the dummy for the other family members.</param>
/// <param name="HoofdProduct">For a dummy: the family product it belongs to.</param>
/// <param name="Geldigheid">The period in which this entry is in force.</param>
/// <param name="Toelichting">Free text from the source document.</param>
/// <param name="Groepsvariant">
/// For an individual product: the group product a JW317 may move part of the minutes to, keeping the total
/// (HK-317-6: 45F21 → 45F22, 45F31 → 45F32, 45F01 → 45F02); null when none.
/// </param>
public sealed record Product(
    ProductCode Code,
    string Naam,
    string Categorie,
    string Perceel,
    string Eenheid,
    string Frequentie,
    ProductSoort Soort,
    IReadOnlyList<RichtlijnCategorie> Richtlijn,
    int? StandaardDuurMaanden,
    int? MaxDuurMaanden,
    bool MaxDuurHard,
    int? MaxGroepsgrootte,
    string? Begeleidingsratio,
    ProductCode? ExtraClientProduct,
    ProductCode? HoofdProduct,
    Periode Geldigheid,
    string? Toelichting,
    ProductCode? Groepsvariant = null)
{
    /// <summary>Dummy (extra-client) products carry no minutes and are never declarable (HK-323-8).</summary>
    public bool IsDeclareerbaar => Soort != ProductSoort.ExtraClient;

    /// <summary>
    /// For a family product: the seed allows, "bij hoge uitzondering, met onderbouwing door de verwijzer", a
    /// second allocation with tariff in the same household beside the youngest child's (HK-PRD-3; 45F23 and
    /// 45F34). Such a request goes to a person; without this flag a second family allocation is only HK-PRD-4.
    /// </summary>
    public bool ExtraToewijzingMetTarief { get; init; }

    /// <summary>
    /// Longest allocation period in calendar days, start and end day included; longer is refused (reden 4). For
    /// stays counted in days, where months are too coarse: crisis with stay is 1 to 28 days (HK-24-8). Null when
    /// the product has no limit in days.
    /// </summary>
    public int? MaxDuurDagen { get; init; }

    /// <summary>The rule id a finding on <see cref="MaxDuurDagen"/> names (e.g. HK-24-8); set whenever that is.</summary>
    public string? DuurRegel { get; init; }
}
