namespace Jeugdhulp.Core.Verblijf;

/// <summary>Counting days of a stay the way the seed does: the first day of the placement is day 1.</summary>
public static class Verblijfdagen
{
    /// <summary>The date of day <paramref name="dag"/> of a stay that starts on <paramref name="start"/> (day 1 = start).</summary>
    public static DateOnly Dag(DateOnly start, int dag) => start.AddDays(dag - 1);

    /// <summary>Days from start to end, both included.</summary>
    public static int Aantal(DateOnly start, DateOnly eind) => eind.DayNumber - start.DayNumber + 1;

    /// <summary>Average etmalen per week over the period (HK-24-1: "gemiddeld over het traject").</summary>
    public static decimal PerWeek(int etmalen, DateOnly start, DateOnly eind) =>
        Aantal(start, eind) <= 0 ? 0 : decimal.Round(etmalen * 7m / Aantal(start, eind), 2);
}
