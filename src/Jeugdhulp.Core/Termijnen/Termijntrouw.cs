using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Werkdagen;

namespace Jeugdhulp.Core.Termijnen;

/// <summary>Items of one deadline kind received on one (Dutch) day and answered on another (null: not yet).</summary>
/// <param name="Termijn">The deadline id in the rule data (e.g. HK-315-3).</param>
/// <param name="Ontvangen">The day the deadline starts from.</param>
/// <param name="Beantwoord">The day it was met; null while open.</param>
/// <param name="Aantal">How many items.</param>
public sealed record Afhandeling(string Termijn, DateOnly Ontvangen, DateOnly? Beantwoord, int Aantal);

/// <summary>How one deadline kind was kept: answered in time, late (answered late, or open past the due date), still running.</summary>
public sealed record Termijntrouw(string Termijn, int OpTijd, int TeLaat, int Lopend)
{
    /// <summary>Share answered in time of the items whose outcome is known, in percent (one decimal); null when none.</summary>
    public decimal? Percentage => OpTijd + TeLaat == 0 ? null : Math.Round(100m * OpTijd / (OpTijd + TeLaat), 1, MidpointRounding.AwayFromZero);
}

/// <summary>
/// Deadline compliance: each item's due date from the deadline in the rules on its receipt day (the same
/// arithmetic as the deadline watch, <see cref="TermijnenBewaken.Vervalt"/>), compared with its answer day.
/// An item still open counts as late once its due date has passed (as the Termijnen page shows it), else as running.
/// </summary>
public static class TermijntrouwBerekenen
{
    /// <summary>Per deadline kind, in order of id; a kind the rules do not know on an item's day is left out (nothing to judge it by).</summary>
    public static IReadOnlyList<Termijntrouw> Bereken(IEnumerable<Afhandeling> afhandelingen, Regelcatalogus regels, Werkdagenkalender kalender, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(afhandelingen);
        ArgumentNullException.ThrowIfNull(regels);
        var tellers = new SortedDictionary<string, (int OpTijd, int TeLaat, int Lopend)>(StringComparer.Ordinal);
        foreach (var a in afhandelingen)
        {
            if (regels.OpDatum(a.Ontvangen).Termijn(a.Termijn) is not { } termijn)
            {
                continue;
            }

            var vervalt = TermijnenBewaken.Vervalt(termijn, a.Ontvangen, kalender);
            var t = tellers.GetValueOrDefault(a.Termijn);
            t = a.Beantwoord switch
            {
                { } dag when dag <= vervalt => t with { OpTijd = t.OpTijd + a.Aantal },
                { } => t with { TeLaat = t.TeLaat + a.Aantal },
                null when vervalt < vandaag => t with { TeLaat = t.TeLaat + a.Aantal },
                null => t with { Lopend = t.Lopend + a.Aantal },
            };
            tellers[a.Termijn] = t;
        }

        return [.. tellers.Select(t => new Termijntrouw(t.Key, t.Value.OpTijd, t.Value.TeLaat, t.Value.Lopend))];
    }
}
