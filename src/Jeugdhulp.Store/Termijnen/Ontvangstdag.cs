namespace Jeugdhulp.Store.Termijnen;

/// <summary>
/// Receipt days are Dutch days: a message at 23:30 UTC in summer arrived the next day in the Netherlands.
/// Deadlines counted from receipt start on that day.
/// </summary>
internal static class Ontvangstdag
{
    private static readonly TimeZoneInfo Nederland = Zone();

    public static DateOnly Van(DateTimeOffset tijdstip) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(tijdstip, Nederland).DateTime);

    private static TimeZoneInfo Zone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
