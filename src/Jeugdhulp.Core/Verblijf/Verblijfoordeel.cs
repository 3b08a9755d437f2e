using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Toewijzing;

namespace Jeugdhulp.Core.Verblijf;

/// <summary>How a 24-hour placement started: the crisis routes change who decides and what follows afterwards (HK-24-3, HK-24-8).</summary>
public enum Plaatsingsroute
{
    /// <summary>Planned: beschikking after a dialogue with a 24-hour specialist.</summary>
    Regulier,

    /// <summary>Crisis (direct physical safety) outside the two named routes, e.g. via the lokale toegang.</summary>
    Crisis,

    /// <summary>Crisis via Veilig Thuis (ACH within 2 hours, action within 24 hours, evaluation within 5–10, at the latest 14 days).</summary>
    VeiligThuis,

    /// <summary>Compulsory: V-OTS or spoedmachtiging UHP, evaluation within 14 days.</summary>
    Gedwongen,
}

/// <summary>
/// The outcome of a 24-hour care check: the findings (rule id, outcome, code and parameters: the existing
/// <see cref="Bevinding"/> of the allocation engine, rendered from the one text table, so one way of rendering
/// findings serves both) and the deadlines it opens.
/// </summary>
/// <param name="Bevindingen">Every check that ran, in order.</param>
/// <param name="Verplichtingen">Deadlines the decision opens (for the deadline watch and the record).</param>
/// <param name="Regelset">The label of the rule set applied.</param>
public sealed record Verblijfoordeel(IReadOnlyList<Bevinding> Bevindingen, IReadOnlyList<Verplichting> Verplichtingen, string Regelset)
{
    /// <summary>An oordeel under <paramref name="regels"/>: its label, and the catalogue's version label as <see cref="Regelversie"/>.</summary>
    public Verblijfoordeel(IReadOnlyList<Bevinding> bevindingen, IReadOnlyList<Verplichting> verplichtingen, Regelset regels)
        : this(bevindingen, verplichtingen, (regels ?? throw new ArgumentNullException(nameof(regels))).Label)
    {
        Regelversie = regels.Versie;
    }

    /// <summary>
    /// The version label of the rule catalogue the check read (<see cref="Regelcatalogus.Versie"/>, e.g. <c>2027.3+v12</c>),
    /// stored with the 24-hour record for the dossier (issue 20, item 3); null for a step that reads no rules (a consult's
    /// outcome, an escalation).
    /// </summary>
    public string? Regelversie { get; init; }

    /// <summary>Rejected when any check rejects; review when any needs a person; otherwise approved.</summary>
    public Uitkomst Uitkomst =>
        Bevindingen.Any(b => b.Uitkomst == Uitkomst.Afgewezen) ? Uitkomst.Afgewezen
        : Bevindingen.Any(b => b.Uitkomst == Uitkomst.Beoordelen) ? Uitkomst.Beoordelen
        : Uitkomst.Toegekend;

    /// <summary>The JW319 reason of the first rejecting check.</summary>
    public RedenAfwijzing? Reden => Bevindingen.FirstOrDefault(b => b.Uitkomst == Uitkomst.Afgewezen)?.Reden;

    /// <summary>The ids of every rule applied, in order, without duplicates.</summary>
    public IReadOnlyList<string> RegelIds => [.. Bevindingen.Select(b => b.RegelId).Distinct(StringComparer.Ordinal)];

    /// <summary>An oordeel for when the data has no 24-hour rules on the date: nothing can be decided, a person looks.</summary>
    internal static Verblijfoordeel ZonderRegels(Regelset regels, string regelId)
    {
        var b = new Beoordeling();
        b.Beoordelen(regelId, "geen-verblijfregels", ("regels", regels.Label));
        return new(b.Bevindingen, [], regels);
    }
}
