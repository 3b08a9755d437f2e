using System.Globalization;
using Jeugdhulp.Core.Toewijzing;

namespace Jeugdhulp.Core.Handbesluiten;

/// <summary>A person's approval of a whole JW317: allowed or not, the JW301 lines, and the findings behind it.</summary>
/// <param name="Toegestaan">True when the JW301 may be sent.</param>
/// <param name="Regels">The lines of the one JW301 (unchanged, changed and new); empty when not allowed.</param>
/// <param name="NieuweNummers">The new ToewijzingNummers the lines use.</param>
/// <param name="Bevindingen">The engine's findings on the request now, followed by the approval's own.</param>
public sealed record Handtoekenning(bool Toegestaan, IReadOnlyList<ToegewezenProduct> Regels, IReadOnlyList<int> NieuweNummers, IReadOnlyList<Bevinding> Bevindingen)
{
    /// <summary>The ids of every rule applied, in order, without duplicates.</summary>
    public IReadOnlyList<string> RegelIds => [.. Bevindingen.Select(b => b.RegelId).Distinct(StringComparer.Ordinal)];
}

/// <summary>
/// A person approves a JW317 the engine left for review (HK-301-2: one JW301 for the whole request). The
/// review points are what the person weighed; a check that now rejects (the client's allocations changed
/// since receipt, a contract ended) is not overruled: the request can then only be refused.
/// </summary>
public static class WijzigingToekennen
{
    /// <summary>The rule: one JW301 for the whole JW317, only when fully approved.</summary>
    public const string Regel = "HK-301-2";

    /// <summary>Decides the approval from the engine's proposal for the request (<see cref="VerzoekOmWijzigingBeoordelen.Voorstel"/>).</summary>
    public static Handtoekenning Beslis(Wijzigingsvoorstel voorstel)
    {
        ArgumentNullException.ThrowIfNull(voorstel);
        var engine = voorstel.Besluit.Bevindingen;
        if (voorstel.Besluit.Uitkomst == Uitkomst.Afgewezen || voorstel.Regels.Count == 0)
        {
            var afwijzend = voorstel.Besluit.Afwijkingen.Where(b => b.Uitkomst == Uitkomst.Afgewezen).Select(b => b.RegelId).Distinct(StringComparer.Ordinal);
            return new(false, [], [], [.. engine, new(Regel, Uitkomst.Afgewezen, voorstel.Besluit.Reden, "niet-toe-te-kennen", [("regels", string.Join(", ", afwijzend))])]);
        }

        var beoordeeld = voorstel.Besluit.Afwijkingen.Select(b => b.RegelId).Distinct(StringComparer.Ordinal).ToList();
        return new(true, voorstel.Regels, voorstel.NieuweNummers,
        [
            .. engine,
            new(Regel, Uitkomst.Toegekend, null, "hand-toegekend",
                [("aantal", voorstel.Regels.Count.ToString(CultureInfo.InvariantCulture)), ("beoordeeld", beoordeeld.Count == 0 ? "geen" : string.Join(", ", beoordeeld))]),
        ]);
    }
}
