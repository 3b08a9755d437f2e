using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Regels;

/// <summary>
/// A municipality's participation in a lot for a period (HK-PER-1..3). When <see cref="Producten"/> is
/// non-empty the municipality takes part only for those products (Lelystad: 45F34 and 45F36).
/// </summary>
/// <param name="Gemeente">CBS code of the participating municipality.</param>
/// <param name="Geldigheid">When the participation is in force.</param>
/// <param name="Producten">Restriction to these products; empty means the whole lot.</param>
public sealed record Deelname(Gemeentecode Gemeente, Periode Geldigheid, IReadOnlyList<ProductCode> Producten);

/// <summary>
/// A lot (perceel) of a regional contract (HK spec §2), e.g. Multi or Basis Begeleiding, or a lot of
/// another contract that only matters for stacking (24-uurs, KDC, JGGZ …, HK-PER-4).
/// </summary>
/// <param name="Code">Short code used in rule data, e.g. MULTI, BASIS, KDC.</param>
/// <param name="Naam">Dutch name.</param>
/// <param name="Contract">Name of the regional contract it belongs to.</param>
/// <param name="Deelnames">Participating municipalities with their periods.</param>
/// <param name="Jw315AltijdBeoordelen">
/// True when every JW315 for this lot waits for the lokale toegang before allocation (HK-315-6: Basis
/// Begeleiding).
/// </param>
/// <param name="DiagnostiekEerst">
/// The product a medical-route client must have been allocated before other products of this lot are
/// approved automatically (HK-315-7, HK-315-11: 45F11 for Multi); null when none.
/// </param>
/// <param name="Jw317Toegestaan">True when the contract allows requests for change (HK-317-3).</param>
/// <param name="DoorlooptijdTermijn">
/// Id of the <see cref="Termijn"/> giving the advised lead time of a JW317 (HK-317-4); null when none.
/// </param>
/// <param name="Geldigheid">When the lot exists.</param>
public sealed record Perceel(
    string Code,
    string Naam,
    string Contract,
    IReadOnlyList<Deelname> Deelnames,
    bool Jw315AltijdBeoordelen,
    ProductCode? DiagnostiekEerst,
    bool Jw317Toegestaan,
    string? DoorlooptijdTermijn,
    Periode Geldigheid);
