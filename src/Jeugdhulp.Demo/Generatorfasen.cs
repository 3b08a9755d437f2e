using System.Diagnostics;

namespace Jeugdhulp.Demo;

/// <summary>
/// Where the generator's time goes (issue 20, item 4: a national year needs a faster generator): wall time per phase,
/// summed over the process's runs. Only timestamps are taken, nothing the region's bytes depend on; the Watalsbench
/// prints them after it generates a region.
/// </summary>
public static class Generatorfasen
{
    /// <summary>The phases, in the order a run passes them.</summary>
    public enum Fase
    {
        /// <summary>The region, the care trajectories and the 24-hour cases built in memory.</summary>
        Opbouw,

        /// <summary>Contracts and residents imported into the store.</summary>
        Import,

        /// <summary>The simulation's own work per day: the planned actions (building messages), declarations, no-shows.</summary>
        Simulatie,

        /// <summary>The store opened per simulated day (migrations checked, connections, the day's clock).</summary>
        Openen,

        /// <summary>The day's messages written as XML.</summary>
        Renderen,

        /// <summary>The day's message files written to disk.</summary>
        Schrijven,

        /// <summary>The pipeline processing the day's messages (BerichtVerwerken), the answers' files included.</summary>
        Pijplijn,

        /// <summary>The generator reading the pipeline's answers (JW301, JW325) back.</summary>
        Antwoorden,

        /// <summary>Staff decisions on reviews.</summary>
        Staf,

        /// <summary>24-hour care: allocations, changes and the monitoring.</summary>
        Verblijf,

        /// <summary>No-show reports.</summary>
        NoShow,

        /// <summary>The day's store closed.</summary>
        Sluiten,

        /// <summary>Counting, the example messages and the summary after the last day.</summary>
        Afronding,
    }

    private static readonly long[] Tikken = new long[Enum.GetValues<Fase>().Length];
    private static readonly long[] Aantallen = new long[Enum.GetValues<Fase>().Length];

    /// <summary>The time per phase so far, and how many items it handled (messages, staff decisions, 24-hour steps, days).</summary>
    public static IReadOnlyList<(Fase Fase, TimeSpan Tijd, long Aantal)> Stand() =>
        [.. Enum.GetValues<Fase>().Select(f => (f, Stopwatch.GetElapsedTime(0, Interlocked.Read(ref Tikken[(int)f])), Interlocked.Read(ref Aantallen[(int)f])))];

    /// <summary>Starts over.</summary>
    public static void Reset()
    {
        Array.Clear(Tikken);
        Array.Clear(Aantallen);
    }

    internal static void Tel(Fase fase, long aantal) => Interlocked.Add(ref Aantallen[(int)fase], aantal);

    internal static long Start() => Stopwatch.GetTimestamp();

    internal static void Stop(Fase fase, long start) => Interlocked.Add(ref Tikken[(int)fase], Stopwatch.GetTimestamp() - start);
}
