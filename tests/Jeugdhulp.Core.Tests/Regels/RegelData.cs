using Jeugdhulp.Core.Regels;

namespace Jeugdhulp.Core.Tests.Regels;

/// <summary>The shipped rule folder as <see cref="RegelBestand"/>s, and ways to change one file for a test.</summary>
internal static class RegelData
{
    public static string RepoRoot => Jeugdhulp.Ijw.Tests.Paden.RepoRoot;

    public static string FlevolandMap => Path.Combine(RepoRoot, "rules", "flevoland");

    public static List<RegelBestand> Flevoland() =>
        [.. Directory.GetFiles(FlevolandMap, "*.json").Order(StringComparer.Ordinal)
            .Select(f => new RegelBestand(Path.GetFileName(f), File.ReadAllText(f)))];

    /// <summary>The shipped files with <paramref name="naam"/> replaced by <paramref name="tekst"/>.</summary>
    public static List<RegelBestand> Met(string naam, string tekst) =>
        [.. Flevoland().Where(b => b.Naam != naam), new RegelBestand(naam, tekst)];

    /// <summary>The shipped files with one file's text edited.</summary>
    public static List<RegelBestand> Bewerkt(string naam, Func<string, string> bewerking)
    {
        var origineel = Flevoland().Single(b => b.Naam == naam).Tekst;
        var nieuw = bewerking(origineel);
        Assert.NotEqual(origineel, nieuw);
        return Met(naam, nieuw);
    }
}
