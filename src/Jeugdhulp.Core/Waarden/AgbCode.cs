namespace Jeugdhulp.Core.Waarden;

/// <summary>An AGB code of a provider or referrer: exactly eight digits (iJw LDT_AgbCode).</summary>
public readonly record struct AgbCode
{
    private AgbCode(string waarde) => Waarde = waarde;

    /// <summary>The eight digits.</summary>
    public string Waarde { get; }

    /// <summary>Parses eight digits.</summary>
    public static Resultaat<AgbCode> Parse(string? tekst) =>
        tekst is { Length: 8 } && tekst.All(char.IsAsciiDigit)
            ? Resultaat<AgbCode>.Ok(new AgbCode(tekst))
            : Resultaat<AgbCode>.Mislukt("AGB", $"'{tekst}' is geen AGB-code (8 cijfers).");

    /// <inheritdoc />
    public override string ToString() => Waarde;
}
