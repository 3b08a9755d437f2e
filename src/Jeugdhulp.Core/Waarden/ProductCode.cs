namespace Jeugdhulp.Core.Waarden;

/// <summary>
/// A product code: one to five characters, not blank (iJw LDT_ProductCode), e.g. <c>45F21</c>.
/// </summary>
public readonly record struct ProductCode
{
    private ProductCode(string waarde) => Waarde = waarde;

    /// <summary>The code as written.</summary>
    public string Waarde { get; }

    /// <summary>Parses a code of 1 to 5 characters with at least one non-space.</summary>
    public static Resultaat<ProductCode> Parse(string? tekst) =>
        tekst is { Length: >= 1 and <= 5 } && !string.IsNullOrWhiteSpace(tekst)
            ? Resultaat<ProductCode>.Ok(new ProductCode(tekst))
            : Resultaat<ProductCode>.Mislukt("PRODUCTCODE", $"'{tekst}' is geen productcode (1 tot 5 tekens).");

    /// <inheritdoc />
    public override string ToString() => Waarde;
}
