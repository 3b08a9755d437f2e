namespace Jeugdhulp.Core.Waarden;

/// <summary>
/// A coded error: what went wrong (<paramref name="Code"/>: an iJw rule code such as <c>CS002</c> or a
/// product code such as <c>REGEL-PRODUCT</c>), a Dutch sentence for people, and where it happened.
/// </summary>
/// <param name="Code">Machine-readable code; iJw rule or retour code where one exists.</param>
/// <param name="Melding">Dutch explanation for staff or providers.</param>
/// <param name="Plaats">Where: a file and line, an element path or a rule-data entry.</param>
public sealed record Fout(string Code, string Melding, string? Plaats = null)
{
    /// <inheritdoc />
    public override string ToString() => Plaats is null ? $"{Code}: {Melding}" : $"{Plaats}: {Code}: {Melding}";
}
