namespace Jeugdhulp.Core.Tijd;

/// <summary>
/// The one clock of the business: dates and times of day in Europe/Amsterdam, whatever zone the machine runs
/// in. The CLI, the web app and the engine read "today" and "now" here from an injected <see cref="TimeProvider"/>,
/// so a message at 23:30 UTC in summer is handled on the next Dutch day everywhere.
/// </summary>
public static class Bedrijfstijd
{
    /// <summary>Europe/Amsterdam (CET/CEST).</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>The moment <paramref name="klok"/> gives, as Dutch wall-clock time (with its UTC offset).</summary>
    public static DateTimeOffset Nu(TimeProvider klok)
    {
        ArgumentNullException.ThrowIfNull(klok);
        return Van(klok.GetUtcNow());
    }

    /// <summary>The Dutch calendar day of the moment <paramref name="klok"/> gives.</summary>
    public static DateOnly Vandaag(TimeProvider klok) => DateOnly.FromDateTime(Nu(klok).DateTime);

    /// <summary>The Dutch wall-clock time of a moment.</summary>
    public static DateTimeOffset Van(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone);

    /// <summary>The Dutch calendar day of a moment (a message at 23:30 UTC in summer arrived the next day).</summary>
    public static DateOnly Dag(DateTimeOffset moment) => DateOnly.FromDateTime(Van(moment).DateTime);

    /// <summary>The Dutch time of day of the moment <paramref name="klok"/> gives, to the second.</summary>
    public static TimeOnly Tijd(TimeProvider klok)
    {
        var nu = Nu(klok);
        return new TimeOnly(nu.Hour, nu.Minute, nu.Second);
    }
}
