using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;

namespace Jeugdhulp.Core.Declaratie;

/// <summary>
/// Everything the declaration checks read besides the declaration itself, loaded by the caller in bulk.
/// </summary>
/// <param name="Toewijzingen">The provider's current allocations (the latest version of each number, IV013), by number.</param>
/// <param name="VanAndereAanbieder">Numbers the declaration names that are current allocations of another provider.</param>
/// <param name="Eerdere">
/// Earlier prestaties of this provider: at least those on the allocations the declaration names and
/// those whose ReferentieNummer it uses or credits.
/// </param>
/// <param name="Contracten">The provider's contracts in this municipality (the tariffs, TR418).</param>
/// <param name="Catalogus">The regional rules (products: unit and declarability).</param>
/// <param name="DeclaratieNummerBekend">True when this provider already used the DeclaratieNummer (TR333).</param>
/// <param name="Vandaag">The processing date ("system date" of 8848).</param>
public sealed record Declaratiebronnen(
    IReadOnlyDictionary<long, VastgelegdeToewijzing> Toewijzingen,
    IReadOnlySet<long> VanAndereAanbieder,
    IReadOnlyList<GeboektePrestatie> Eerdere,
    IReadOnlyList<Contract> Contracten,
    Regelcatalogus Catalogus,
    bool DeclaratieNummerBekend,
    DateOnly Vandaag)
{
    /// <summary>
    /// When set, notes whether the checks read a rule item the draft changes (the what-if replay, issue 20: the draft
    /// is assessed only when they do). Not part of the checks' input.
    /// </summary>
    public Regelgebruik? Getuige { get; init; }
}
