using System.Collections.Concurrent;

namespace Jeugdhulp.Web.Schermen;

/// <summary>
/// Slows down password guessing per user name, with a growing wait instead of a lock. The first
/// <see cref="MaxPogingen"/> attempts pass; after that each next attempt must wait 1, 2, 4 … seconds after the
/// previous one, up to <see cref="MaxWachttijd"/>; <see cref="Venster"/> after the last attempt everything is
/// forgotten, a successful login forgets at once. Deciding and counting are one atomic step
/// (<see cref="Probeer"/>): an attempt counts as failed from the moment it is let through, so forty attempts
/// sent at once get <see cref="MaxPogingen"/> password checks, not more. Names without an account are
/// counted the same, so a refusal reveals nothing.
///
/// The key is chosen by the caller: an unknown browser counts against the user name, a browser on which this
/// account logged in before against its own device key (<see cref="Inloggen"/>): whoever guesses a known name
/// slows down other strangers, not the staff member at their own desk. In memory, per process: a restart
/// forgets, which is acceptable for a throttle (the per-address rate limiter bounds the rest).
/// </summary>
internal sealed class Inlogremming(TimeProvider tijd)
{
    public const int MaxPogingen = 5;

    /// <summary>The longest wait between two attempts: guessing stays slow, a user is never locked out for long.</summary>
    public static readonly TimeSpan MaxWachttijd = TimeSpan.FromMinutes(5);

    /// <summary>After this long without an attempt a name starts afresh.</summary>
    public static readonly TimeSpan Venster = TimeSpan.FromMinutes(15);

    /// <summary>
    /// From this many names on, each new name first drops the names whose last attempt left the window: the
    /// dictionary holds only names tried within it (and each try passed the per-address rate limiter).
    /// </summary>
    private const int MaxNamen = 10_000;

    private readonly ConcurrentDictionary<string, Stand> standen = new(StringComparer.Ordinal);

    private sealed class Stand
    {
        public int Pogingen;
        public DateTimeOffset Laatste;
    }

    /// <summary>
    /// Null when an attempt for <paramref name="sleutel"/> may be made now — it is then counted as failed until
    /// <see cref="Gelukt"/> says otherwise — or how long to wait before the next one.
    /// </summary>
    public TimeSpan? Probeer(string sleutel)
    {
        var nu = tijd.GetUtcNow();
        if (standen.Count >= MaxNamen)
        {
            Opruimen(nu);
        }

        var stand = standen.GetOrAdd(Sleutel(sleutel), _ => new Stand());
        lock (stand)
        {
            if (stand.Pogingen > 0 && nu - stand.Laatste >= Venster)
            {
                stand.Pogingen = 0;
            }

            if (stand.Pogingen >= MaxPogingen && stand.Laatste + Wachttijd(stand.Pogingen) - nu is var wacht && wacht > TimeSpan.Zero)
            {
                return wacht;
            }

            stand.Pogingen++;
            stand.Laatste = nu;
            return null;
        }
    }

    /// <summary>The login succeeded: the count for <paramref name="sleutel"/> starts afresh.</summary>
    public void Gelukt(string sleutel) => standen.TryRemove(Sleutel(sleutel), out _);

    /// <summary>The wait after <paramref name="pogingen"/> counted attempts: 1 s after the fifth, doubling, at most <see cref="MaxWachttijd"/>.</summary>
    private static TimeSpan Wachttijd(int pogingen)
    {
        var macht = Math.Min(pogingen - MaxPogingen, 30);
        var seconden = Math.Min(1L << macht, (long)MaxWachttijd.TotalSeconds);
        return TimeSpan.FromSeconds(seconden);
    }

    private void Opruimen(DateTimeOffset nu)
    {
        foreach (var (naam, stand) in standen)
        {
            lock (stand)
            {
                if (nu - stand.Laatste >= Venster)
                {
                    standen.TryRemove(naam, out _);
                }
            }
        }
    }

    private static string Sleutel(string gebruiker) => gebruiker.Trim().ToUpperInvariant();
}
