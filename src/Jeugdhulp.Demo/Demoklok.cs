using Jeugdhulp.Core.Tijd;

namespace Jeugdhulp.Demo;

/// <summary>
/// The simulated day's clock at a fixed Dutch time of day: the pipeline takes Toewijzingstijd from the real clock, and
/// the demo must stay repeatable (same seed, same files), so it decides at set hours rather than at the machine's time.
/// </summary>
internal sealed class Demoklok(DateOnly dag, TimeOnly tijd) : TimeProvider
{
    /// <summary>The morning run that processes the day's messages.</summary>
    public static readonly TimeOnly Verwerking = new(7, 0, 0);

    /// <summary>When staff decide review items.</summary>
    public static readonly TimeOnly Besluiten = new(10, 30, 0);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        var lokaal = dag.ToDateTime(tijd);
        return new DateTimeOffset(lokaal, Bedrijfstijd.Zone.GetUtcOffset(lokaal)).ToUniversalTime();
    }

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => Bedrijfstijd.Zone;
}
