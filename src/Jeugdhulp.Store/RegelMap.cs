using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store;

/// <summary>Reads a region's rule folder from disk for <see cref="RegelLader"/>, which reads no files itself.</summary>
public static class RegelMap
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

        var bestanden = new List<RegelBestand>();
        var fouten = new List<Fout>();
        foreach (var pad in Directory.GetFiles(map, "*.json").Order(StringComparer.Ordinal))
        {
            var tekst = LeesTekst(pad);
            if (tekst.TryGet(out var inhoud))
            {
                bestanden.Add(new RegelBestand(Path.GetFileName(pad), inhoud));
            }
            else
            {
                fouten.AddRange(tekst.Fouten);
            }
        }

        return fouten.Count > 0
            ? Resultaat<IReadOnlyList<RegelBestand>>.Mislukt(fouten)
            : Resultaat<IReadOnlyList<RegelBestand>>.Ok(bestanden);
    }

    /// <summary>A file's text (UTF-8, BOM removed), or an error naming the file when it cannot be read.</summary>
    public static Resultaat<string> LeesTekst(string pad)
    {
        try
        {
            return Resultaat<string>.Ok(File.ReadAllText(pad));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Resultaat<string>.Mislukt("BESTAND", $"kan het bestand niet lezen: {ex.Message}", pad);
        }
    }

    /// <summary>
    /// The default folder <c>rules/flevoland</c>: looked for in the current directory and its parents, then
    /// in the executable's directory and its parents; null when there is none.
    /// </summary>
    public static string? ZoekStandaard() => ZoekOpwaarts(Path.Combine("rules", StandaardRegio));

    /// <summary>
    /// A shipped folder such as <c>demo</c>, looked for below the current directory and its parents, then
    /// below the executable's directory and its parents; null when there is none.
    /// </summary>
    public static string? ZoekOpwaarts(string relatief)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var map = new DirectoryInfo(start); map is not null; map = map.Parent)
            {
                var kandidaat = Path.Combine(map.FullName, relatief);
                if (Directory.Exists(kandidaat))
                {
                    return kandidaat;
                }
            }
        }

        return null;
    }
}
