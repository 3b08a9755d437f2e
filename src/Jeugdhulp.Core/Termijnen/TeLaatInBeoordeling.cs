using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Werkdagen;

namespace Jeugdhulp.Core.Termijnen;

/// <summary>
/// When a request in review is overdue (HK-315-3): its answer deadline — the Dutch day of receipt plus the rule's
/// werkdagen, or after "aanvraag in onderzoek" the new deadline the JW319 announced — lies before today. The work
/// queue filters on this in SQL: the deadline rises with the day of receipt, so "overdue" is "received before a
/// cut-off moment" (computed once here with the werkdagen calendar) or "in onderzoek until before today".
/// </summary>
public static class TeLaatInBeoordeling
{
    /// <summary>The answer deadline of one request in review; null when the rules in force have no answer deadline.</summary>
    public static DateOnly? Antwoorddatum(Regelset regels, Werkdagenkalender kalender, DateTimeOffset ontvangen, DateOnly? onderzoekTot)
    {
        ArgumentNullException.ThrowIfNull(regels);
        return onderzoekTot ?? (regels.Termijn(TermijnenBewaken.Antwoord) is { } termijn
            ? TermijnenBewaken.Vervalt(termijn, Tijd.Bedrijfstijd.Dag(ontvangen), kalender)
            : null);
    }

    /// <summary>
    /// The moment before which a request received (and not in onderzoek) is overdue on <paramref name="vandaag"/>:
    /// midnight (Dutch time) after the last day of receipt whose deadline lies before today. Null when the rules
    /// in force have no answer deadline (nothing is overdue).
    /// </summary>
    public static DateTimeOffset? OntvangenVoor(Regelset regels, Werkdagenkalender kalender, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(regels);
        if (regels.Termijn(TermijnenBewaken.Antwoord) is not { } termijn)
        {
            return null;
        }

        var dag = vandaag;
        while (TermijnenBewaken.Vervalt(termijn, dag, kalender) >= vandaag)
        {
            dag = dag.AddDays(-1);
        }

        var middernacht = dag.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(middernacht, Tijd.Bedrijfstijd.Zone.GetUtcOffset(middernacht)).ToUniversalTime();
    }
}
