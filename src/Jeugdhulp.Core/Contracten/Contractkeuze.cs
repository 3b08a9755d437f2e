namespace Jeugdhulp.Core.Contracten;

/// <summary>
/// The contract valid on a day among a provider's contracts for one product. A loop, not a lambda: the engine asks
/// this for every request line and prestatie, and a closure per call was a measurable share of what the what-if
/// replay allocated (issue 20).
/// </summary>
public static class Contractkeuze
{
    /// <summary>The first of <paramref name="contracten"/> whose validity holds <paramref name="dag"/>, or null.</summary>
    public static Contract? OpDag(this IEnumerable<Contract> contracten, DateOnly dag)
    {
        ArgumentNullException.ThrowIfNull(contracten);
        foreach (var c in contracten)
        {
            if (c.Geldigheid.Bevat(dag))
            {
                return c;
            }
        }

        return null;
    }
}
