using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Regels;

/// <summary>The three ways a running allocation moves to a regional product (HK-CONV-2).</summary>
public enum ConversieRoute
{
    /// <summary>Content unchanged: the municipality converts, the provider follows.</summary>
    Administratief,

    /// <summary>Limited change (duration, intensity): a short file check by referrer or administration.</summary>
    LichteToets,

    /// <summary>Mismatch or the local product ends: a full new assessment by the referrer.</summary>
    Herindicatie,
}

/// <summary>
/// One line of a municipality's IST → SOLL table (HK-CONV-1): the old local product as it was allocated
/// (iJw unit and frequency codes), the regional product it becomes and the route the mapping implies.
/// </summary>
/// <param name="OudeCode">The local product code of the previous contract.</param>
/// <param name="OudeEenheid">iJw unit the old product is allocated in (01 minuut, 04 uur, 84 stuks …).</param>
/// <param name="OudeFrequentie">iJw frequency of the old product (2 per week, 4 per maand, 6 totaal …).</param>
/// <param name="NieuweCode">The regional product; null only for route herindicatie (the local product ends).</param>
/// <param name="Route">The route the mapping implies; the core may make it heavier, never lighter.</param>
/// <param name="Toelichting">Free text for staff.</param>
public sealed record Conversieregel(
    ProductCode OudeCode,
    string OudeEenheid,
    string OudeFrequentie,
    ProductCode? NieuweCode,
    ConversieRoute Route,
    string? Toelichting);

/// <summary>
/// A municipality's conversion table (HK-CONV-1) with its transition date and the period in which a provider
/// without a regional contract finishes running care (HK-CONV-3), valid in <see cref="Geldigheid"/>.
/// </summary>
/// <param name="Gemeente">The municipality.</param>
/// <param name="Overgangsdatum">First day of the regional contract: old allocations end the day before.</param>
/// <param name="AfrondenBinnenMaanden">HK-CONV-3: months after the transition a provider without a regional contract has.</param>
/// <param name="Mapping">The lines, one per old product code.</param>
/// <param name="Geldigheid">The period in which this version is in force.</param>
public sealed record Conversietabel(
    Gemeentecode Gemeente,
    DateOnly Overgangsdatum,
    int AfrondenBinnenMaanden,
    IReadOnlyList<Conversieregel> Mapping,
    Periode Geldigheid)
{
    /// <summary>The line for <paramref name="oudeCode"/>, or null when the table has none.</summary>
    public Conversieregel? Regel(ProductCode oudeCode) => Mapping.FirstOrDefault(m => m.OudeCode == oudeCode);
}
