using Jeugdhulp.Core.Teksten;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Toewijzing;

/// <summary>The outcome of assessing a request.</summary>
public enum Uitkomst
{
    /// <summary>Approved: a JW301 follows.</summary>
    Toegekend,

    /// <summary>Rejected: a JW319 with VerzoekAntwoord 1 and a reason follows.</summary>
    Afgewezen,

    /// <summary>A human decides; the answer may be a JW319 "aanvraag in onderzoek" (VerzoekAntwoord 2).</summary>
    Beoordelen,
}

/// <summary>The iJw RedenAfwijzingVerzoek codes (HK-315-12).</summary>
public enum RedenAfwijzing
{
    /// <summary>1 Geen wijziging maar nieuwe aanvraag.</summary>
    NieuweAanvraag = 1,

    /// <summary>2 Past niet binnen budget.</summary>
    Budget = 2,

    /// <summary>3 Geen contract.</summary>
    GeenContract = 3,

    /// <summary>4 Past niet binnen contract.</summary>
    PastNietBinnenContract = 4,

    /// <summary>5 Andere gemeente.</summary>
    AndereGemeente = 5,

    /// <summary>6 Stapeling.</summary>
    Stapeling = 6,

    /// <summary>7 Zorginhoudelijke afkeur.</summary>
    Zorginhoudelijk = 7,

    /// <summary>8 Woonplaatsbeginsel.</summary>
    Woonplaatsbeginsel = 8,

    /// <summary>9 Leeftijdsgrens is bereikt.</summary>
    Leeftijdsgrens = 9,
}

/// <summary>
/// The result of one check as data: which rule, what it found (a code the text table knows for that rule) and
/// the values behind it. The Dutch text is rendered from <see cref="Tekst"/>, never stored in the finding.
/// </summary>
/// <param name="RegelId">The HK (or iJw) rule id.</param>
/// <param name="Uitkomst">Toegekend when the check passed.</param>
/// <param name="Reden">The JW319 reason when the check rejects.</param>
/// <param name="Code">What was found, e.g. "geen-contract"; with the rule id the key of its text.</param>
/// <param name="Parameters">The values the text names, in order.</param>
public sealed record Bevinding(string RegelId, Uitkomst Uitkomst, RedenAfwijzing? Reden, string Code, IReadOnlyList<Parameter> Parameters)
{
    /// <summary>The Dutch explanation, rendered from the text table.</summary>
    public string Melding => Tekst.Bevinding(RegelId, Code, Parameters);
}

/// <summary>A non-blocking remark: a deadline or an event ahead (lead time, 18th birthday, late intake).</summary>
/// <param name="RegelId">The rule that asks for it.</param>
/// <param name="Code">What it is about; with the rule id the key of its text.</param>
/// <param name="Datum">The date it is about, when any.</param>
/// <param name="Parameters">The values the text names.</param>
public sealed record Signaal(string RegelId, string Code, DateOnly? Datum, IReadOnlyList<Parameter> Parameters)
{
    /// <summary>Dutch text for staff, rendered from the text table.</summary>
    public string Melding => Tekst.Bevinding(RegelId, Code, Parameters);
}

/// <summary>One proposed JW301 ToegewezenProduct line.</summary>
/// <param name="ToewijzingNummer">The number (new or kept, IV066).</param>
/// <param name="Client">The client it is for.</param>
/// <param name="ReferentieAanbieder">Copied from the request (TR379), or the line's earlier value when re-sent unchanged.</param>
/// <param name="Product">Product code.</param>
/// <param name="Categorie">Product category.</param>
/// <param name="Toewijzingsdatum">Decision date (IV013).</param>
/// <param name="Toewijzingstijd">Decision time (IV013).</param>
/// <param name="Ingangsdatum">Start.</param>
/// <param name="Einddatum">End.</param>
/// <param name="RedenWijziging">iJw RedenWijziging (IV099): empty for an initial or unchanged line.</param>
/// <param name="Omvang">Size.</param>
/// <param name="Budget">Budget in eurocent.</param>
public sealed record ToegewezenProduct(
    int ToewijzingNummer,
    Bsn Client,
    string? ReferentieAanbieder,
    ProductCode Product,
    string Categorie,
    DateOnly Toewijzingsdatum,
    TimeOnly Toewijzingstijd,
    DateOnly Ingangsdatum,
    DateOnly? Einddatum,
    string? RedenWijziging,
    Omvang? Omvang,
    long? Budget);

/// <summary>
/// The decision on one JW315 product request or on one whole JW317: outcome, JW319 reason, every rule
/// applied, a Dutch explanation, signals, and when approved the proposed JW301 lines.
/// </summary>
/// <param name="ReferentieAanbieder">The request reference (JW319 Antwoord / JW301 TR379).</param>
/// <param name="Uitkomst">Approved, rejected or review.</param>
/// <param name="Reden">The JW319 RedenAfwijzingVerzoek when rejected.</param>
/// <param name="VerantwoordelijkeGemeente">For reden 8: the responsible municipality, when known (TR377).</param>
/// <param name="Bevindingen">Every check that ran, in order.</param>
/// <param name="Signalen">Non-blocking signals.</param>
/// <param name="Toewijzingen">The proposed JW301 lines; empty unless approved.</param>
/// <param name="NieuweNummers">The new ToewijzingNummers these lines use.</param>
/// <param name="Regelset">The label of the rule set applied (<see cref="Regels.Regelset.Label"/>).</param>
public sealed record Besluit(
    string ReferentieAanbieder,
    Uitkomst Uitkomst,
    RedenAfwijzing? Reden,
    Gemeentecode? VerantwoordelijkeGemeente,
    IReadOnlyList<Bevinding> Bevindingen,
    IReadOnlyList<Signaal> Signalen,
    IReadOnlyList<ToegewezenProduct> Toewijzingen,
    IReadOnlyList<int> NieuweNummers,
    string Regelset)
{
    /// <summary>
    /// The version label of the rule catalogue applied (<see cref="Regels.Regelcatalogus.Versie"/>, e.g. <c>2027.3+v12</c>),
    /// stored with the decision so the dossier can name the rule-set version; null for a decision made without one.
    /// </summary>
    public string? Regelversie { get; init; }

    /// <summary>
    /// The Dutch explanation for a backoffice employee, rendered from the findings when asked: the what-if replay
    /// takes millions of decisions and reads none of their texts (rendering them was a sixth of its CPU time).
    /// </summary>
    public string Toelichting => Tekst.Toelichting(Uitkomst, Reden, Regelset, Bevindingen, Signalen);

    /// <summary>The ids of every rule applied, in order, without duplicates.</summary>
    public IReadOnlyList<string> RegelIds => [.. Bevindingen.Select(b => b.RegelId).Distinct(StringComparer.Ordinal)];

    /// <summary>The checks that did not pass (rejecting or needing review).</summary>
    public IEnumerable<Bevinding> Afwijkingen => Bevindingen.Where(b => b.Uitkomst != Uitkomst.Toegekend);
}
