using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Contracten;

/// <summary>
/// A provider's contract for one product in one municipality for a period, with the tariff in eurocent
/// per unit of the product (per minute for effort-based products). Supplied by the municipality as CSV.
/// </summary>
/// <param name="Gemeente">CBS code.</param>
/// <param name="Aanbieder">AGB code of the provider.</param>
/// <param name="Product">Product code.</param>
/// <param name="Geldigheid">Start and (open) end.</param>
/// <param name="TariefCent">Tariff in eurocent per unit.</param>
public sealed record Contract(
    Gemeentecode Gemeente,
    AgbCode Aanbieder,
    ProductCode Product,
    Periode Geldigheid,
    long TariefCent)
{
    /// <summary>The provider's name from the optional <c>aanbiedernaam</c> column; null when not supplied.</summary>
    public string? Aanbiedernaam { get; init; }
}
