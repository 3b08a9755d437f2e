using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Toewijzing;

/// <summary>
/// A JW317 verzoek om wijziging in domain terms: the whole desired situation of the client's allocations
/// with this provider, assessed as a whole (HK-301-2).
/// </summary>
/// <param name="Aanbieder">AGB code of the sending provider.</param>
/// <param name="Gemeente">CBS code of the receiving municipality.</param>
/// <param name="Client">The client's BSN.</param>
/// <param name="Dagtekening">Dagtekening of the message.</param>
/// <param name="Ontvangstdatum">The day the municipality received it (lead time, HK-317-4).</param>
/// <param name="ReferentieAanbieder">The provider's reference of the request.</param>
/// <param name="RedenVerzoek">iJw RedenVerzoek: 1 clientsituatie, 2 zorgplan.</param>
/// <param name="Ongewijzigd">ToewijzingNummers that stay as they are.</param>
/// <param name="TeWijzigen">Allocations to change.</param>
/// <param name="Nieuw">New products.</param>
public sealed record VerzoekOmWijziging(
    AgbCode Aanbieder,
    Gemeentecode Gemeente,
    Bsn Client,
    DateOnly Dagtekening,
    DateOnly Ontvangstdatum,
    string ReferentieAanbieder,
    string RedenVerzoek,
    IReadOnlyList<int> Ongewijzigd,
    IReadOnlyList<TeWijzigenProduct> TeWijzigen,
    IReadOnlyList<NieuwProduct> Nieuw);

/// <summary>A change of a current allocation (iJw TeWijzigenProduct).</summary>
/// <param name="ToewijzingNummer">The allocation to change.</param>
/// <param name="GewensteIngangsdatum">When the change takes effect.</param>
/// <param name="Einddatum">The desired end date; null leaves the current end date unchanged.</param>
/// <param name="Omvang">The desired size; null leaves the current size unchanged.</param>
/// <param name="Budget">The desired budget in eurocent; null leaves it unchanged.</param>
public sealed record TeWijzigenProduct(
    int ToewijzingNummer,
    DateOnly GewensteIngangsdatum,
    DateOnly? Einddatum,
    Omvang? Omvang,
    long? Budget = null);

/// <summary>A new product in a change request (iJw NieuwProduct).</summary>
/// <param name="Product">Product code.</param>
/// <param name="Categorie">Product category.</param>
/// <param name="GewensteIngangsdatum">Desired start.</param>
/// <param name="Einddatum">Desired end; null when open-ended.</param>
/// <param name="Omvang">Desired size.</param>
/// <param name="Budget">Budget in eurocent, when asked.</param>
public sealed record NieuwProduct(
    ProductCode Product,
    string Categorie,
    DateOnly GewensteIngangsdatum,
    DateOnly? Einddatum,
    Omvang? Omvang,
    long? Budget = null);
