using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Werkdagen;

namespace Jeugdhulp.Core.Termijnen;

/// <summary>
/// Lists every open obligation in a <see cref="Termijnstand"/> (issue 6): the municipality's answer to a
/// request in review (HK-315-3), a missing JW305 (HK-305-1) or JW307 (HK-307-1), and the 18th-birthday
/// signal (HK-PRD-6). Every number comes from the rules in force; an obligation disappears when its
/// message or decision is in the state.
/// </summary>
public static class TermijnenBewaken
{
    /// <summary>Rule id of the municipality's answer deadline.</summary>
    public const string Antwoord = "HK-315-3";

    /// <summary>Rule id of the JW305 deadline.</summary>
    public const string Start = "HK-305-1";

    /// <summary>Rule id of the JW307 deadline.</summary>
    public const string Stop = "HK-307-1";

    /// <summary>Rule id of the age-limit signal.</summary>
    public const string Leeftijd = "HK-PRD-6";

    /// <summary>Open obligations on <paramref name="vandaag"/>: overdue first, then by due date.</summary>
    public static IReadOnlyList<Verplichting> Open(Termijnstand stand, Regelset regels, Werkdagenkalender kalender, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(stand);
        ArgumentNullException.ThrowIfNull(regels);
        ArgumentNullException.ThrowIfNull(kalender);
        var lijst = new List<Verplichting>();

        if (regels.Termijn(Antwoord) is { } antwoord)
        {
            foreach (var v in stand.Verzoeken)
            {
                lijst.Add(new Verplichting(Partij.Gemeente, v.Gemeente, "JW301/JW319", v.Referentie, v.Client,
                    Vervalt(antwoord, v.Ontvangen, kalender), antwoord.Id, antwoord.Advies));
            }
        }

        var start = regels.Termijn(Start);
        var stop = regels.Termijn(Stop);
        foreach (var t in stand.Toewijzingen)
        {
            // An allocation withdrawn before it began (end before start) owes nothing.
            if (t.Einddatum is { } e0 && e0 < t.Ingangsdatum)
            {
                continue;
            }

            var nummer = t.Nummer.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (start is not null && !t.StartOntvangen && t.Ingangsdatum <= vandaag)
            {
                lijst.Add(new Verplichting(Partij.Aanbieder, t.Aanbieder, "JW305", nummer, t.Client,
                    Vervalt(start, t.Ingangsdatum, kalender), start.Id, start.Advies));
            }

            // A stop only follows a recorded start (a JW307 without a JW305 is refused); while the start is
            // missing, the JW305 obligation is the one shown.
            if (stop is not null && t.StartOntvangen && !t.StopOntvangen && t.Einddatum is { } eind && eind <= vandaag)
            {
                lijst.Add(new Verplichting(Partij.Aanbieder, t.Aanbieder, "JW307", nummer, t.Client,
                    Vervalt(stop, eind, kalender), stop.Id, stop.Advies));
            }

            if (Achttien(t, stand, regels, vandaag) is { } signaal)
            {
                lijst.Add(signaal with { Referentie = nummer });
            }
        }

        // By due date: every overdue item (due before today) sorts before every item still on time.
        return [.. lijst.OrderBy(v => v.Vervaldatum)
            .ThenBy(v => v.Regel, StringComparer.Ordinal).ThenBy(v => v.Referentie, StringComparer.Ordinal)];
    }

    /// <summary>The due date: <paramref name="termijn"/> counted from <paramref name="van"/>.</summary>
    public static DateOnly Vervalt(Termijn termijn, DateOnly van, Werkdagenkalender kalender)
    {
        ArgumentNullException.ThrowIfNull(termijn);
        ArgumentNullException.ThrowIfNull(kalender);
        return termijn.Eenheid switch
        {
            TermijnEenheid.Werkdagen => kalender.Plus(van, termijn.Aantal),
            TermijnEenheid.Dagen => van.AddDays(termijn.Aantal),
            TermijnEenheid.Weken => van.AddDays(7 * termijn.Aantal),
            TermijnEenheid.Maanden => van.AddMonths(termijn.Aantal),
            TermijnEenheid.Jaren => van.AddYears(termijn.Aantal),
            _ => throw new ArgumentOutOfRangeException(nameof(termijn), termijn.Eenheid, "onbekende eenheid"),
        };
    }

    /// <summary>
    /// The signal when the client reaches the lot's age limit while the allocation runs: it appears
    /// SignaalMaanden before the birthday, falls due on it and stays (overdue) while the allocation runs
    /// past it; it is cleared when the allocation ends before the birthday.
    /// </summary>
    private static Verplichting? Achttien(LopendeToewijzing t, Termijnstand stand, Regelset regels, DateOnly vandaag)
    {
        if (!stand.Geboortedata.TryGetValue(t.Client, out var geboren)
            || regels.Product(t.Product) is not { } product
            || regels.Leeftijdsgrenzen.FirstOrDefault(l => l.Perceel == product.Perceel) is not { } grens)
        {
            return null;
        }

        var verjaardag = geboren.AddYears(grens.MaxLeeftijd);
        var loopt = t.Einddatum is not { } eind || (eind >= verjaardag && eind >= vandaag);
        return loopt && vandaag >= verjaardag.AddMonths(-grens.SignaalMaanden)
            ? new Verplichting(Partij.Gemeente, t.Gemeente, $"signaal {grens.MaxLeeftijd} jaar", "", t.Client, verjaardag, Leeftijd, true)
            : null;
    }
}
