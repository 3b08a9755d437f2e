using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Regels;

/// <summary>Terugval binnen 4 maanden (HK-315-9).</summary>
/// <param name="VensterMaanden">Months after the end of care within which a relapse counts (4).</param>
/// <param name="Minuten">Minutes allocated (1000).</param>
/// <param name="DuurMaanden">Allocation period in months (3).</param>
public sealed record TerugvalBeleid(int VensterMaanden, int Minuten, int DuurMaanden);

/// <summary>Einddatum verschuiven zonder extra minuten (HK-317-5).</summary>
/// <param name="MaxKeren">How often per allocation (1).</param>
/// <param name="MaxProcentVanPeriode">At most this percentage of the original period later (50).</param>
/// <param name="MaxMaanden">And at most this many months later (6).</param>
public sealed record EinddatumVerschuivenBeleid(int MaxKeren, int MaxProcentVanPeriode, int MaxMaanden);

/// <summary>
/// One kind of referrer that counts as the medical route (HK-ROUTE-1, HK-315-10; HK spec §15 C-14: the wider
/// definition with POH and geneeskundig specialist).
/// </summary>
/// <param name="Type">The iJw referrer type (LDT_TypeVerwijzer) it is sent as: "02", "03" or "05".</param>
/// <param name="Omschrijving">Dutch description of who counts under that type, shown in decisions.</param>
public sealed record MedischeVerwijzer(string Type, string Omschrijving);

/// <summary>
/// The numeric policy parameters that are not tied to one product, in force in <see cref="Geldigheid"/>.
/// </summary>
/// <param name="Terugval">HK-315-9.</param>
/// <param name="EinddatumVerschuiven">HK-317-5.</param>
/// <param name="IntakeNaVerwijzingMaanden">Intake within this many months of a medical referral (HK-ROUTE-1: 12).</param>
/// <param name="Geldigheid">When this version is in force.</param>
public sealed record Beleid(
    TerugvalBeleid Terugval,
    EinddatumVerschuivenBeleid EinddatumVerschuiven,
    int IntakeNaVerwijzingMaanden,
    Periode Geldigheid)
{
    /// <summary>
    /// No-show declarations allowed per calendar year per product per client (HK-323-4: 3); null when the
    /// rule data does not say. The loader always fills it from <c>beleid.json</c>.
    /// </summary>
    public int? NoShowMaxPerKalenderjaar { get; init; }

    /// <summary>
    /// The referrer types of the medical route with who counts under each (§15 C-14). The loader always fills
    /// it from <c>beleid.json</c>; empty means no referrer counts as medical.
    /// </summary>
    public IReadOnlyList<MedischeVerwijzer> MedischeVerwijzers { get; init; } = [];
}
