using Jeugdhulp.Core.Tijd;

namespace Jeugdhulp.Store.Verwerking;

/// <summary>
/// The clock of deciding: the processing date (<c>--today</c>, or the Dutch today) at the time of day in Europe/Amsterdam
/// that <paramref name="klok"/> gives. The date stays fixed so a replay with <c>--today</c> decides as on that day
/// (deadlines, "not in the future", Toewijzingsdatum); the time of day is the real one, so Toewijzingstijd (IV013) is
/// the moment of deciding rather than midnight. Under a fixed <paramref name="klok"/> a run is still repeatable.
/// </summary>
public sealed class Beslisklok(DateOnly datum, TimeProvider klok) : TimeProvider
{
    /// <summary>The processing date.</summary>
    public DateOnly Datum { get; } = datum;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        var zone = Bedrijfstijd.Zone;
        var lokaal = Datum.ToDateTime(Bedrijfstijd.Tijd(klok));
        // On the spring change the hour 02:00–03:00 does not exist on the processing date: the wall clock has moved on by an hour.
        if (zone.IsInvalidTime(lokaal))
        {
            lokaal = lokaal.AddHours(1);
        }

        return new DateTimeOffset(lokaal, zone.GetUtcOffset(lokaal)).ToUniversalTime();
    }

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => Bedrijfstijd.Zone;
}
