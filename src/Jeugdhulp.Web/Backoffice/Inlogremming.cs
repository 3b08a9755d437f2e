using System.Collections.Concurrent;

namespace Jeugdhulp.Web.Schermen;

/// <summary>
/// Slows down password guessing: after <see cref="MaxPogingen"/> failed logins for one user name within
/// <see cref="Venster"/>, that name is refused until the oldest of those failures has left the window —
/// whether or not the account exists, so the refusal reveals nothing. Per user name and not per address:
/// staff share the municipality's network, and guessing one account from many addresses is the attack that
/// matters here. In memory, per process: a restart forgets, which is acceptable for a throttle.
/// </summary>
internal sealed class Inlogremming(TimeProvider tijd)
{
    public const int MaxPogingen = 5;

    /// <summary>
    /// From this many names on, each failure first drops the names whose failures have all expired: the
    /// dictionary holds only names tried within the window (each try costs the attacker a password hash).
    /// </summary>
    private const int MaxNamen = 10_000;

    public static readonly TimeSpan Venster = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> mislukt = new(StringComparer.Ordinal);

    /// <summary>How long <paramref name="gebruiker"/> must still wait; zero when a login may be tried now.</summary>
    public TimeSpan Wachttijd(string gebruiker)
    {
        if (!mislukt.TryGetValue(Sleutel(gebruiker), out var pogingen))
        {
            return TimeSpan.Zero;
        }

        var nu = tijd.GetUtcNow();
        lock (pogingen)
        {
            Verloop(pogingen, nu);
            return pogingen.Count < MaxPogingen ? TimeSpan.Zero : pogingen.Peek() + Venster - nu;
        }
    }

    public void Mislukt(string gebruiker)
    {
        var nu = tijd.GetUtcNow();
        if (mislukt.Count >= MaxNamen)
        {
            Opruimen(nu);
        }

        var pogingen = mislukt.GetOrAdd(Sleutel(gebruiker), _ => new Queue<DateTimeOffset>());
        lock (pogingen)
        {
            Verloop(pogingen, nu);
            pogingen.Enqueue(nu);
            while (pogingen.Count > MaxPogingen)
            {
                pogingen.Dequeue();
            }
        }
    }

    public void Gelukt(string gebruiker) => mislukt.TryRemove(Sleutel(gebruiker), out _);

    private void Opruimen(DateTimeOffset nu)
    {
        foreach (var (naam, pogingen) in mislukt)
        {
            lock (pogingen)
            {
                Verloop(pogingen, nu);
                if (pogingen.Count == 0)
                {
                    mislukt.TryRemove(naam, out _);
                }
            }
        }
    }

    private static void Verloop(Queue<DateTimeOffset> pogingen, DateTimeOffset nu)
    {
        while (pogingen.Count > 0 && pogingen.Peek() + Venster <= nu)
        {
            pogingen.Dequeue();
        }
    }

    private static string Sleutel(string gebruiker) => gebruiker.Trim().ToUpperInvariant();
}
