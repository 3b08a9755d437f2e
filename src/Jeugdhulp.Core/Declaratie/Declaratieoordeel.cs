using Jeugdhulp.Core.Teksten;
using Jeugdhulp.Core.Toewijzing;

namespace Jeugdhulp.Core.Declaratie;

/// <summary>
/// One reason to refuse, as data: the official iJw retour code, the rule it applies, what was found and the values
/// behind it. The Dutch sentence is rendered from <see cref="Tekst"/>, never stored in the finding.
/// </summary>
/// <param name="Code">iJw retour code (LDT_RetourCode), e.g. 9322.</param>
/// <param name="Regel">The rule id: iJw TR/CS rule or Handelingskader HK id.</param>
/// <param name="Bevinding">What was found, e.g. "som-te-hoog"; with the rule id the key of its text.</param>
/// <param name="Parameters">The values the text names.</param>
public sealed record Afkeur(string Code, string Regel, string Bevinding, IReadOnlyList<Parameter> Parameters)
{
    /// <summary>Dutch explanation for the provider, rendered from the text table.</summary>
    public string Reden => Tekst.Bevinding(Regel, Bevinding, Parameters);

    /// <inheritdoc />
    public override string ToString() => $"{Code} ({Regel}): {Reden}";
}

/// <summary>The outcome for one prestatie: approved when there is no reason to refuse (IV087: all or nothing).</summary>
/// <param name="Prestatie">The prestatie.</param>
/// <param name="Afkeuren">Every reason it is refused; empty when approved.</param>
public sealed record Prestatieoordeel(Prestatieregel Prestatie, IReadOnlyList<Afkeur> Afkeuren)
{
    /// <summary>True when approved.</summary>
    public bool IsGoedgekeurd => Afkeuren.Count == 0;
}

/// <summary>
/// The assessment of one declaration. When <see cref="DeclaratieAfkeuren"/> is not empty the whole
/// declaration is refused and its prestaties were not assessed (IV087: the code goes on the Declaratie
/// class, TotaalToegekend 0).
/// </summary>
/// <param name="DeclaratieAfkeuren">Reasons on the Declaratie class (9333, 8848).</param>
/// <param name="Prestaties">One outcome per prestatie in message order; empty when the declaration is refused.</param>
/// <param name="Signalen">Signals for staff that refuse nothing (HK-323-1 late declaration), as data like the engine's.</param>
/// <param name="TotaalToegekend">Debet minus credit of the approved prestaties, in eurocent (TR342).</param>
public sealed record Declaratieoordeel(
    IReadOnlyList<Afkeur> DeclaratieAfkeuren,
    IReadOnlyList<Prestatieoordeel> Prestaties,
    IReadOnlyList<Signaal> Signalen,
    long TotaalToegekend)
{
    /// <summary>
    /// The version label of the rule catalogue the assessment read (<see cref="Regels.Regelcatalogus.Versie"/>, e.g. <c>2027.3+v12</c>),
    /// stored with the booked declaration so the dossier can name and link it (issue 20, item 3).
    /// </summary>
    public string? Regelversie { get; init; }

    /// <summary>True when the whole declaration is refused on its Declaratie class.</summary>
    public bool IsAfgewezen => DeclaratieAfkeuren.Count > 0;

    /// <summary>True when every prestatie is approved (IV087: 8001).</summary>
    public bool IsVolledigToegekend => !IsAfgewezen && Prestaties.All(p => p.IsGoedgekeurd);
}
