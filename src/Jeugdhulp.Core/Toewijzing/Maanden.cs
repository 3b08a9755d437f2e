namespace Jeugdhulp.Core.Toewijzing;

/// <summary>
/// Calendar-month arithmetic on inclusive periods: "12 months from 1 January" ends on 31 December, and
/// "3 months later than 30 June" is 30 September (the seeds count in months, not in days).
/// </summary>
internal static class Maanden
{
    /// <summary>The last day of a period of <paramref name="maanden"/> months starting on <paramref name="begin"/>.</summary>
    public static DateOnly EindeNa(DateOnly begin, int maanden) => begin.AddMonths(maanden).AddDays(-1);

    /// <summary>The last allowed end when an inclusive end <paramref name="eind"/> moves <paramref name="maanden"/> months later.</summary>
    public static DateOnly Verschuif(DateOnly eind, int maanden) => eind.AddDays(1).AddMonths(maanden).AddDays(-1);

    /// <summary>The length of the inclusive period as whole months plus remaining days.</summary>
    public static (int Maanden, int Dagen) Duur(DateOnly begin, DateOnly eind)
    {
        var naEinde = eind.AddDays(1);
        var maanden = ((naEinde.Year - begin.Year) * 12) + naEinde.Month - begin.Month;
        while (maanden > 0 && begin.AddMonths(maanden) > naEinde)
        {
            maanden--;
        }

        return (maanden, naEinde.DayNumber - begin.AddMonths(maanden).DayNumber);
    }

    /// <summary>
    /// A length in "month-days" (30 per month) for percentage comparisons; exact when both lengths are whole
    /// months, as in every example of the seeds.
    /// </summary>
    public static long AlsDagen((int Maanden, int Dagen) duur) => (duur.Maanden * 30L) + duur.Dagen;
}
