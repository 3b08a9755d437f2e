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
        open.Where(v => PastSoort(v.Regel, v.Partij, v.Code, v.Product?.Waarde, v.Vak(vandaag))
            && (Zoek is null || v.Referentie.Contains(Zoek, StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// True when obligations of this kind, party, code, product and part of the split pass every set field but
    /// <see cref="Zoek"/>: what the Termijnen page's counts are kept by (issue 18), so they filter as <see cref="Pas"/> does.
    /// </summary>
    public bool PastSoort(string regel, Regels.Partij partij, string code, string? product, Termijnvak vak) =>
        (Regel is null || regel == Regel)
        && (Partij is null || partij == Partij)
        && (Aanbieder is null || (partij == Regels.Partij.Aanbieder && code == Aanbieder))
        && (Product is null || product == Product)
        && (Vak is null || vak == Vak);
}
