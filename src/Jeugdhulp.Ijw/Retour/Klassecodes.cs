namespace Jeugdhulp.Ijw.Retour;

/// <summary>
/// The retour codes per class of a heenbericht from the berichtoverstijgende checks (levels 3 and 4),
/// keyed by the class's element path as the checks report it (e.g.
/// <c>/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]</c>). A class without an entry gets 0200,
/// or 0233 when it is marked as not assessed.
/// </summary>
public sealed class Klassecodes
{
    private readonly Dictionary<string, List<string>> codes = new(StringComparer.Ordinal);
    private readonly HashSet<string> nietBeoordeeld = new(StringComparer.Ordinal);

    public bool IsLeeg => codes.Count == 0;

    /// <summary>Adds a code to the class at <paramref name="pad"/>.</summary>
    public Klassecodes Zet(string pad, string code)
    {
        if (!codes.TryGetValue(pad, out var lijst))
        {
            codes[pad] = lijst = [];
        }

        if (!lijst.Contains(code))
        {
            lijst.Add(code);
        }

        return this;
    }

    /// <summary>Marks the class at <paramref name="pad"/> as not assessed (0233) unless it has codes of its own.</summary>
    public Klassecodes NietBeoordeeld(string pad)
    {
        nietBeoordeeld.Add(pad);
        return this;
    }

    /// <summary>The codes for the class at <paramref name="pad"/>: its own, else 0233 or 0200.</summary>
    public IReadOnlyList<string> Voor(string pad) =>
        codes.TryGetValue(pad, out var lijst) ? lijst
        : nietBeoordeeld.Contains(pad) ? [Retourcodes.NietBeoordeeld]
        : [Retourcodes.GeenOpmerking];

    /// <summary>The paths with codes that no class of the message has: a caller's mistake, reported rather than silently dropped.</summary>
    internal IEnumerable<string> Paden => codes.Keys;
}
