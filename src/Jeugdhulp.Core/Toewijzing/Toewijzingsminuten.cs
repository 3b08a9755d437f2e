namespace Jeugdhulp.Core.Toewijzing;

/// <summary>
/// The minutes an allocation line gives over its whole period: what a rule change adds or takes away when the
/// line is or is not issued (the what-if's "allocated minutes").
/// </summary>
public static class Toewijzingsminuten
{
    /// <summary>Days counted for an open end: one year, the horizon a policy team budgets with.</summary>
    public const int OpenEindDagen = 365;

    /// <summary>
    /// Total minutes of <paramref name="t"/>: frequency 6 (total within the period) as it is; per day, week, four
    /// weeks, month or year (iJw 1..5) times the number of those periods in the allocation's days (an open end counts
    /// <see cref="OpenEindDagen"/>). Null when the unit is no time unit (stuks, euro).
    /// </summary>
    public static long? Totaal(ToegewezenProduct t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return Totaal(t.Omvang, t.Ingangsdatum, t.Einddatum);
    }

    /// <summary>As <see cref="Totaal(ToegewezenProduct)"/> for a recorded allocation (the version a change replaces).</summary>
    public static long? Totaal(VastgelegdeToewijzing t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return Totaal(t.Omvang, t.Ingangsdatum, t.Einddatum);
    }

    private static long? Totaal(Omvang? omvang, DateOnly ingang, DateOnly? einde)
    {
        if (omvang is not { InMinuten: { } perKeer } o)
        {
            return null;
        }

        var dagen = einde is { } eind ? eind.DayNumber - ingang.DayNumber + 1 : OpenEindDagen;
        return o.Frequentie switch
        {
            Omvang.Totaal => perKeer,
            "1" => perKeer * dagen,
            "2" => perKeer * dagen / 7,
            "3" => perKeer * dagen / 28,
            "4" => perKeer * dagen * 12 / 365,
            "5" => perKeer * dagen / 365,
            _ => perKeer,
        };
    }
}
