namespace Jeugdhulp.Core.Termijnen;

/// <summary>
/// A cut of the open obligations as a work list offers it; every field null (or false) means "all". The same
/// filter serves the Termijnen page, its export and <c>jeugdhulp termijnen</c>, so a list and its file agree.
/// </summary>
/// <param name="Regel">Only this deadline kind (its rule id, e.g. HK-305-1).</param>
/// <param name="Partij">Only what this party owes.</param>
/// <param name="Aanbieder">Only what this provider (AGB code) owes.</param>
/// <param name="Product">Only obligations about this product code.</param>
/// <param name="Vak">Only this part of the split (te laat, vandaag, deze week, later).</param>
/// <param name="Zoek">Only where the reference contains this text (case-insensitive).</param>
public sealed record Termijnenfilter(string? Regel = null, Regels.Partij? Partij = null, string? Aanbieder = null, string? Product = null,
    Termijnvak? Vak = null, string? Zoek = null)
{
    /// <summary>The obligations of <paramref name="open"/> that pass every set field, in their order.</summary>
    public IEnumerable<Verplichting> Pas(IEnumerable<Verplichting> open, DateOnly vandaag) =>
        open.Where(v => (Regel is null || v.Regel == Regel)
            && (Partij is null || v.Partij == Partij)
            && (Aanbieder is null || (v.Partij == Regels.Partij.Aanbieder && v.Code == Aanbieder))
            && (Product is null || v.Product?.Waarde == Product)
            && (Vak is null || v.Vak(vandaag) == Vak)
            && (Zoek is null || v.Referentie.Contains(Zoek, StringComparison.OrdinalIgnoreCase)));
}
