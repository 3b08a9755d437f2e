namespace Jeugdhulp.Demo;

/// <summary>
/// A small deterministic random source (SplitMix64). <see cref="Random"/> with a seed is not promised to give
/// the same sequence across .NET versions; the demo promises byte-identical messages for a seed, so the
/// algorithm is fixed here.
/// </summary>
internal sealed class Toeval(ulong zaad)
{
    private ulong toestand = zaad;

    public ulong Volgende()
    {
        unchecked
        {
            var z = toestand += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>0 ≤ result &lt; <paramref name="max"/>.</summary>
    public int Getal(int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        return (int)(Volgende() % (ulong)max);
    }

    /// <summary><paramref name="van"/> ≤ result ≤ <paramref name="tot"/>.</summary>
    public int Tussen(int van, int tot) => van + Getal(tot - van + 1);

    /// <summary>0 ≤ result &lt; 1.</summary>
    public double Fractie() => (Volgende() >> 11) * (1.0 / (1UL << 53));

    public bool Kans(double p) => Fractie() < p;

    public T Kies<T>(IReadOnlyList<T> lijst) => lijst[Getal(lijst.Count)];

    /// <summary>Picks an index by weight.</summary>
    public int Gewogen(IReadOnlyList<double> gewichten)
    {
        var som = gewichten.Sum();
        var x = Fractie() * som;
        for (var i = 0; i < gewichten.Count; i++)
        {
            x -= gewichten[i];
            if (x < 0)
            {
                return i;
            }
        }

        return gewichten.Count - 1;
    }

    /// <summary>An independent stream for one part of the simulation, so adding draws in one part does not shift another.</summary>
    public Toeval Tak(string naam)
    {
        ulong h = 1469598103934665603UL;
        foreach (var c in naam)
        {
            unchecked
            {
                h = (h ^ c) * 1099511628211UL;
            }
        }

        return new Toeval(Volgende() ^ h);
    }
}
