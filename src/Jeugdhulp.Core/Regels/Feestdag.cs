namespace Jeugdhulp.Core.Regels;

/// <summary>An extra non-werkdag set by royal decree (HK-WD-1); the fixed holidays are computed.</summary>
/// <param name="Datum">The day.</param>
/// <param name="Omschrijving">Why.</param>
public sealed record ExtraVrijeDag(DateOnly Datum, string Omschrijving);
