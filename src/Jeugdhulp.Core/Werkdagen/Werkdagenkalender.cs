using Jeugdhulp.Core.Regels;

namespace Jeugdhulp.Core.Werkdagen;

/// <summary>
/// Werkdagen per HK-WD-1: Monday to Friday except the holidays of the Algemene termijnenwet (Nieuwjaarsdag,
/// Goede Vrijdag, Tweede Paasdag, Koningsdag, 5 mei, Hemelvaartsdag, Tweede Pinksterdag, Eerste and
/// Tweede Kerstdag) and extra days set by decree, which are data.
/// </summary>
public sealed class Werkdagenkalender
{
    private readonly HashSet<DateOnly> extraVrij;

    /// <summary>A calendar with the fixed holidays and the given extra days off.</summary>
    public Werkdagenkalender(IEnumerable<ExtraVrijeDag> extraVrijeDagen)
    {
        ArgumentNullException.ThrowIfNull(extraVrijeDagen);
        extraVrij = [.. extraVrijeDagen.Select(d => d.Datum)];
    }

    /// <summary>A calendar with only the fixed holidays.</summary>
    public static Werkdagenkalender Standaard { get; } = new([]);

    /// <summary>True when <paramref name="dag"/> is a werkdag.</summary>
    public bool IsWerkdag(DateOnly dag) =>
        dag.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsFeestdag(dag) && !extraVrij.Contains(dag);

    /// <summary>
    /// The <paramref name="aantal"/>-th werkdag after <paramref name="dag"/>: "within N werkdagen after D"
    /// means on or before this date (2027-04-26 + 5 = 2027-05-04). Zero gives <paramref name="dag"/> itself.
    /// </summary>
    public DateOnly Plus(DateOnly dag, int aantal)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(aantal);
        var d = dag;
        while (aantal > 0)
        {
            d = d.AddDays(1);
            if (IsWerkdag(d))
            {
                aantal--;
            }
        }

        return d;
    }

    /// <summary>Werkdagen after <paramref name="van"/> up to and including <paramref name="tot"/>; negative when <paramref name="tot"/> lies before.</summary>
    public int Tussen(DateOnly van, DateOnly tot)
    {
        if (tot < van)
        {
            return -Tussen(tot, van);
        }

        var n = 0;
        for (var d = van.AddDays(1); d <= tot; d = d.AddDays(1))
        {
            if (IsWerkdag(d))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>True for the fixed public holidays of the Algemene termijnenwet.</summary>
    public static bool IsFeestdag(DateOnly dag)
    {
        var (jaar, maand, dagNr) = (dag.Year, dag.Month, dag.Day);
        switch (maand, dagNr)
        {
            case (1, 1):
            case (5, 5):
            case (12, 25):
            case (12, 26):
                return true;
            case (4, 27) when dag.DayOfWeek != DayOfWeek.Sunday:
            case (4, 26) when dag.DayOfWeek == DayOfWeek.Saturday:
                // Koningsdag is 27 April, or the 26th when the 27th is a Sunday.
                return true;
        }

        var pasen = Paaszondag(jaar);
        var verschil = dag.DayNumber - pasen.DayNumber;
        return verschil is -2 or 1 or 39 or 50;
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Meeus/Jones/Butcher algorithm).</summary>
    public static DateOnly Paaszondag(int jaar)
    {
        var a = jaar % 19;
        var b = jaar / 100;
        var c = jaar % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var maand = (h + l - (7 * m) + 114) / 31;
        var dag = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(jaar, maand, dag);
    }
}
