using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Regels;

/// <summary>The exceptions to an age limit (HK-PRD-6).</summary>
public enum LeeftijdUitzondering
{
    /// <summary>Another youth in the household receives help from the same lot.</summary>
    GezinslidInZelfdePerceel,

    /// <summary>A parent receives an allocation for a parenting question (Multi).</summary>
    OuderMetOpvoedvraag,

    /// <summary>A jeugdreclassering measure applies.</summary>
    Jeugdreclassering,
}

/// <summary>
/// Youths must be younger than <see cref="MaxLeeftijd"/> on the requested start date for products of lot
/// <see cref="Perceel"/>, unless one of <see cref="Uitzonderingen"/> applies (HK-PRD-6).
/// </summary>
/// <param name="Perceel">The lot code.</param>
/// <param name="MaxLeeftijd">The first age that is no longer allowed (18).</param>
/// <param name="Uitzonderingen">Exceptions allowed for this lot.</param>
/// <param name="SignaalMaanden">How long before the birthday the signal appears (HK-PRD-6).</param>
/// <param name="Geldigheid">When the limit is in force.</param>
public sealed record Leeftijdsgrens(
    string Perceel,
    int MaxLeeftijd,
    IReadOnlyList<LeeftijdUitzondering> Uitzonderingen,
    int SignaalMaanden,
    Periode Geldigheid);
