using System.Diagnostics;

namespace Jeugdhulp.Store.Verwerking;

/// <summary>
/// Where the pipeline's time goes, per phase, accumulated over the process (Stopwatch ticks; a few
/// nanoseconds per measurement). Read by the pipeline benchmark to report the remaining costs.
/// </summary>
internal static class Fasetijden
{
    public enum Fase
    {
        Controle,
        Journaal,
        Toestand,
        Beslissen,
        Staat,
        Antwoorden,
        Savepoint,
        Commit,
        Bestanden,

        /// <summary>Answers written as XML and compressed on a worker (the fast pass, <see cref="Antwoordwerker"/>).</summary>
        Renderen,
    }

    private static readonly long[] Tikken = new long[Enum.GetValues<Fase>().Length];

    public static long Start() => Stopwatch.GetTimestamp();

    public static void Stop(Fase fase, long start) => Interlocked.Add(ref Tikken[(int)fase], Stopwatch.GetTimestamp() - start);

    public static IEnumerable<(Fase Fase, TimeSpan Tijd)> Stand() =>
        Enum.GetValues<Fase>().Select(f => (f, Stopwatch.GetElapsedTime(0, Interlocked.Read(ref Tikken[(int)f]))));

    public static void Reset() => Array.Clear(Tikken);
}
