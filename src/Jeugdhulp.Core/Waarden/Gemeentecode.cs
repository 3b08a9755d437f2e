namespace Jeugdhulp.Core.Waarden;

/// <summary>A CBS gemeentecode: exactly four digits (iJw LDT_Gemeente), e.g. 0171 for Noordoostpolder.</summary>
public readonly record struct Gemeentecode
{
    private Gemeentecode(string waarde) => Waarde = waarde;

    /// <summary>The four digits.</summary>
    public string Waarde { get; }

    /// <summary>Parses four digits.</summary>
    public static Resultaat<Gemeentecode> Parse(string? tekst) =>
        tekst is { Length: 4 } && tekst.All(char.IsAsciiDigit)
            ? Resultaat<Gemeentecode>.Ok(new Gemeentecode(tekst))
            : Resultaat<Gemeentecode>.Mislukt("GEMEENTE", $"'{tekst}' is geen CBS-gemeentecode (4 cijfers).");

    /// <inheritdoc />
    public override string ToString() => Waarde;
}
