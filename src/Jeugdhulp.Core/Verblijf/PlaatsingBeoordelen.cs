using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Werkdagen;

namespace Jeugdhulp.Core.Verblijf;

/// <summary>
/// The whole check of a recorded 24-hour placement: its preconditions (HK-24-3, HK-24-9,
/// <see cref="VoorwaardenToetsen"/>) and, for a crisis route, its duration and follow-up (HK-24-8,
/// <see cref="CrisisBeoordelen"/>), in one oordeel with the deadlines of both.
/// </summary>
public static class PlaatsingBeoordelen
{
    /// <summary>The findings and deadlines for <paramref name="p"/>.</summary>
    public static Verblijfoordeel Beoordeel(Verblijfplaatsing p, Regelset regels, Werkdagenkalender kalender)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(regels);
        var voorwaarden = VoorwaardenToetsen.Toets(p, regels, kalender);
        if (!p.IsCrisis)
        {
            return voorwaarden;
        }

        var crisis = CrisisBeoordelen.Beoordeel(p, regels);
        return new([.. crisis.Bevindingen, .. voorwaarden.Bevindingen], [.. crisis.Verplichtingen, .. voorwaarden.Verplichtingen], regels);
    }
}
