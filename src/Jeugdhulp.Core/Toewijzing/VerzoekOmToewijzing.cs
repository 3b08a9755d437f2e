using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Toewijzing;

/// <summary>
/// A JW315 verzoek om toewijzing in domain terms, independent of the XML: one client, one or more product
/// requests, each assessed separately (HK-301-1).
/// </summary>
/// <param name="Aanbieder">AGB code of the sending provider.</param>
/// <param name="Gemeente">CBS code of the receiving municipality (Ontvanger).</param>
/// <param name="Client">The youth's (or, HK-PRD-5, the parent's) BSN.</param>
/// <param name="Geboortedatum">Date of birth as the provider sent it; the register's date wins when known.</param>
/// <param name="Dagtekening">Dagtekening of the message.</param>
/// <param name="Ontvangstdatum">The day the municipality received it (start of HK-315-3).</param>
/// <param name="Producten">The product requests.</param>
public sealed record VerzoekOmToewijzing(
    AgbCode Aanbieder,
    Gemeentecode Gemeente,
    Bsn Client,
    DateOnly Geboortedatum,
    DateOnly Dagtekening,
    DateOnly Ontvangstdatum,
    IReadOnlyList<AangevraagdProduct> Producten);

/// <summary>One product request of a JW315 (iJw AangevraagdProduct).</summary>
/// <param name="ReferentieAanbieder">The provider's reference, copied into the JW301 (TR379) or JW319.</param>
/// <param name="Product">Product code.</param>
/// <param name="Categorie">Product category, e.g. "45".</param>
/// <param name="Ingangsdatum">Requested ToewijzingIngangsdatum.</param>
/// <param name="Einddatum">Requested ToewijzingEinddatum; null when open-ended.</param>
/// <param name="Omvang">Requested size; null when only a budget is asked.</param>
/// <param name="Budget">Budget in eurocent, when asked.</param>
/// <param name="Verwijzer">The referrer.</param>
/// <param name="Verwijsdatum">
/// Date of the referral when the pipeline knows it (for the HK-ROUTE-1 intake signal); null otherwise.
/// </param>
/// <param name="Commentaar">Free text from the provider.</param>
public sealed record AangevraagdProduct(
    string ReferentieAanbieder,
    ProductCode Product,
    string Categorie,
    DateOnly Ingangsdatum,
    DateOnly? Einddatum,
    Omvang? Omvang,
    long? Budget,
    Verwijzer Verwijzer,
    DateOnly? Verwijsdatum = null,
    string? Commentaar = null);
