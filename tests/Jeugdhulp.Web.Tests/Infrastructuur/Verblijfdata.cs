using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store.Import;

namespace Jeugdhulp.Web.Tests.Infrastructuur;

/// <summary>
/// 24-hour care as the region would add it as data (docs/VERBLIJF.md: no municipality takes part in JMV24 yet):
/// a copy of the shipped rules where Noordoostpolder takes part in the 24-uurs lot, and contracts of provider
/// 01234567 for crisis (46R01) and Begeleiding Individueel (45R02), so granted meerzorg becomes a real allocation.
/// </summary>
internal static class Verblijfdata
{
    public const string Aanbieder = "01234567";

    private static readonly Lazy<string> Map = new(Maak);

    /// <summary>The rule folder (made once per test run, in the temp folder).</summary>
    public static string Regels => Map.Value;

    /// <summary>The demo contracts plus the 24-hour ones of Noordoostpolder.</summary>
    public static void Contracten(Backoffice b)
    {
        ArgumentNullException.ThrowIfNull(b);
        var csv = File.ReadAllText(Path.Combine(Paden.RepoRoot, "demo", "contracten.csv")).TrimEnd()
            + $"\n0171,{Aanbieder},46R01,2026-01-01,,25000,\n0171,{Aanbieder},45R02,2026-01-01,,70,\n";
        Assert.True(b.Store.ImporteerContracten(ContractenCsv.Lees(csv).Waarde).IsGeldig);
    }

    private static string Maak()
    {
        var bron = Path.Combine(Paden.RepoRoot, "rules", "flevoland");
        var doel = Directory.CreateTempSubdirectory("jeugdhulp-verblijfregels-").FullName;
        foreach (var bestand in Directory.GetFiles(bron))
        {
            File.Copy(bestand, Path.Combine(doel, Path.GetFileName(bestand)));
        }

        var percelen = Path.Combine(doel, "percelen.json");
        var tekst = File.ReadAllText(percelen);
        var jmv = tekst.IndexOf("\"code\": \"JMV24\"", StringComparison.Ordinal);
        var leeg = tekst.IndexOf("\"deelnames\": [],", jmv, StringComparison.Ordinal);
        Assert.True(jmv > 0 && leeg > jmv, "percelen.json: JMV24 zonder lege deelnames");
        tekst = string.Concat(tekst.AsSpan(0, leeg), "\"deelnames\": [{ \"gemeente\": \"0171\", \"geldigVanaf\": \"2019-10-31\" }],",
            tekst.AsSpan(leeg + "\"deelnames\": [],".Length));
        File.WriteAllText(percelen, tekst);
        return doel;
    }
}
