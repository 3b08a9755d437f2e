namespace Jeugdhulp.Web.Schermen;

/// <summary>
/// Bounds the password checks running at once: a check costs ~0.1 s of CPU by design (PBKDF2, 210,000
/// iterations), so without a bound sixteen parallel logins took every core and the API with them. At most
/// <see cref="Gelijktijdig"/> run at once (half the cores, at least one), at most <see cref="Wachtrij"/> more
/// wait; beyond that an attempt is refused at once (429), not queued. Done here, after the per-name throttle
/// has counted the attempt, and not in the rate limiter middleware: a queued request there is counted twice by
/// a window limiter chained before it.
/// </summary>
internal sealed class Hashslot(int gelijktijdig, int wachtrij) : IDisposable
{
    private readonly SemaphoreSlim slot = new(gelijktijdig, gelijktijdig);
    private int bezig;

    /// <summary>Half the cores, at least one.</summary>
    public static int Gelijktijdig => Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Checks running or waiting now.</summary>
    internal int Bezig => Volatile.Read(ref bezig);

    /// <summary>Attempts that may wait for a free slot.</summary>
    public const int Wachtrij = 32;

    /// <summary>Runs <paramref name="werk"/> when a slot is free; false without running it when too many wait already.</summary>
    public async Task<(bool Gedaan, T Uitkomst)> Voer<T>(Func<T> werk, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(werk);
        if (Interlocked.Increment(ref bezig) > gelijktijdig + wachtrij)
        {
            Interlocked.Decrement(ref bezig);
            return (false, default!);
        }

        try
        {
            await slot.WaitAsync(stop);
            try
            {
                return (true, werk());
            }
            finally
            {
                slot.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref bezig);
        }
    }

    public void Dispose() => slot.Dispose();
}
