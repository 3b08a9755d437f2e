using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Cli;

/// <summary>Reads a region's rule folder from disk for <see cref="RegelLader"/>, which reads no files itself.</summary>
internal static class RegelMap
{
    /// <summary>The shipped region, found under <c>rules/</c> in the repository or next to the executable.</summary>
    public const string StandaardRegio = "flevoland";

    /// <summary>Every <c>*.json</c> file directly in <paramref name="map"/>, by file name.</summary>
    public static Resultaat<IReadOnlyList<RegelBestand>> Lees(string map)
    {
        if (!Directory.Exists(map))
        {
            return Resultaat<IReadOnlyList<RegelBestand>>.Mislukt("REGEL-MAP", "de regelmap bestaat niet", map);
        }

        return Resultaat<IReadOnlyList<RegelBestand>>.Ok(
        [
            .. Directory.GetFiles(map, "*.json").Order(StringComparer.Ordinal)
                .Select(f => new RegelBestand(Path.GetFileName(f), File.ReadAllText(f))),
        ]);
    }

    /// <summary>
    /// The default folder <c>rules/flevoland</c>: looked for in the current directory and its parents, then
    /// in the executable's directory and its parents; null when there is none.
    /// </summary>
    public static string? ZoekStandaard()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var map = new DirectoryInfo(start); map is not null; map = map.Parent)
            {
                var kandidaat = Path.Combine(map.FullName, "rules", StandaardRegio);
                if (Directory.Exists(kandidaat))
                {
                    return kandidaat;
                }
            }
        }

        return null;
    }
}
