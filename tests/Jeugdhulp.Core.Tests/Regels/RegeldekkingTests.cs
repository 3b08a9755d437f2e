using System.Text.RegularExpressions;
using Jeugdhulp.Ijw.Tests;

namespace Jeugdhulp.Core.Tests.Regels;

/// <summary>
/// The rule-id registry (docs/REGELDEKKING.md) against the spec and the code: every rule id the Handelingskader
/// defines is either implemented — named in src/ and in tests/ — or listed with the reason it is not; the
/// registry never calls an implemented id unimplemented (so it cannot go stale), never lists an id the spec does
/// not define, and has a row for every spec id (so it stays complete). The ids come from the spec and the
/// registry only, so this file names none itself (and is left out of the scan of tests/ all the same, so a
/// made-up id here can never count as a test).
/// </summary>
public sealed partial class RegeldekkingTests
{
    /// <summary>A row of the registry: the rule id, its status and where it lives or why not.</summary>
    private sealed record Vermelding(string Id, string Status, string Toelichting);

    private const string Geimplementeerd = "implemented";

    /// <summary>The statuses of an id that is not implemented; each needs its reason in the third column.</summary>
    private static readonly string[] NietGeimplementeerd = ["not checkable", "planned", "not named"];

    /// <summary>A rule is defined where a list item of the spec starts with its id ("- HK-315-4 Check 1 …").</summary>
    [GeneratedRegex(@"^- (HK-[A-Z0-9]+(?:-[A-Z0-9]+)*)\s", RegexOptions.Multiline)]
    private static partial Regex Definitie();

    [GeneratedRegex(@"^\|\s*`?(HK-[A-Z0-9]+(?:-[A-Z0-9]+)*)`?\s*\|([^|]*)\|(.*)\|\s*$")]
    private static partial Regex Tabelregel();

    private static string Registerbestand => Path.Combine(Paden.RepoRoot, "docs", "REGELDEKKING.md");

    [Fact]
    public void Elke_regel_van_het_handelingskader_is_geimplementeerd_of_met_reden_vermeld()
    {
        var spec = File.ReadAllText(Path.GetFullPath(Path.Combine(Paden.RepoRoot, "..", "shared", "spec", "HANDELINGSKADER.md")));
        var gedefinieerd = Definitie().Matches(spec).Select(m => m.Groups[1].Value).ToList();
        Assert.True(gedefinieerd.Count > 50, $"te weinig regel-ids in de spec gevonden ({gedefinieerd.Count}): is het formaat veranderd?");

        var broncode = Teksten(Path.Combine(Paden.RepoRoot, "src"));
        var tests = Teksten(Path.Combine(Paden.RepoRoot, "tests"));
        var problemen = Controleer(gedefinieerd, Register(File.ReadAllLines(Registerbestand)),
            id => Genoemd(broncode, id), id => Genoemd(tests, id));

        Assert.True(problemen.Count == 0, "docs/REGELDEKKING.md klopt niet met spec en code:\n" + string.Join('\n', problemen));
    }

    [Fact]
    public void Een_regel_die_nergens_staat_wordt_bij_naam_gemeld()
    {
        var problemen = Controleer(["HK-X-1", "HK-X-2"], [new("HK-X-1", "not checkable", "geen bericht")], _ => false, _ => false);

        Assert.Equal(["HK-X-2: niet geïmplementeerd (niet genoemd in src/ en tests/) en niet vermeld in docs/REGELDEKKING.md"], problemen);
    }

    [Fact]
    public void Ook_een_geimplementeerde_regel_staat_in_de_lijst()
    {
        var problemen = Controleer(["HK-X-1"], [], _ => true, _ => true);

        Assert.Equal(["HK-X-1: geïmplementeerd, maar ontbreekt in docs/REGELDEKKING.md (voeg het toe als 'implemented')"], problemen);
    }

    [Fact]
    public void Een_regel_die_alleen_in_src_of_alleen_in_tests_staat_is_niet_geimplementeerd()
    {
        var alleenSrc = Controleer(["HK-X-1"], [new("HK-X-1", Geimplementeerd, "Core")], _ => true, _ => false);
        var alleenTests = Controleer(["HK-X-1"], [new("HK-X-1", Geimplementeerd, "Core")], _ => false, _ => true);

        Assert.Equal(["HK-X-1: vermeld als 'implemented', maar niet genoemd in tests/"], alleenSrc);
        Assert.Equal(["HK-X-1: vermeld als 'implemented', maar niet genoemd in src/"], alleenTests);
    }

    [Theory]
    [InlineData("not checkable")]
    [InlineData("planned")]
    [InlineData("not named")]
    public void Een_geimplementeerde_regel_mag_niet_als_niet_geimplementeerd_vermeld_staan(string status)
    {
        var problemen = Controleer(["HK-X-1"], [new("HK-X-1", status, "kan niet")], _ => true, _ => true);

        Assert.Equal([$"HK-X-1: vermeld als '{status}', maar src/ en tests/ noemen het: zet het op 'implemented'"], problemen);
    }

    [Fact]
    public void Een_vermelding_zonder_reden_of_met_een_onbekende_status_telt_niet()
    {
        var problemen = Controleer(["HK-X-1", "HK-X-2"], [new("HK-X-1", "planned", " "), new("HK-X-2", "later", "ooit")], _ => false, _ => false);

        Assert.Equal(
            ["HK-X-1: vermeld als 'planned' zonder reden", "HK-X-2: onbekende status 'later' (implemented, not checkable, planned, not named)"],
            problemen);
    }

    [Fact]
    public void Een_regel_die_de_spec_niet_kent_of_dubbel_vermeld_staat_wordt_gemeld()
    {
        var problemen = Controleer(["HK-X-1"],
            [new("HK-X-1", "not checkable", "geen bericht"), new("HK-X-1", "planned", "issue 1"), new("HK-X-9", "not checkable", "geen bericht")],
            _ => false, _ => false);

        Assert.Equal(["HK-X-1: staat meer dan eens in docs/REGELDEKKING.md", "HK-X-9: vermeld in docs/REGELDEKKING.md, maar de spec definieert het niet"], problemen);
    }

    [Fact]
    public void Een_id_telt_alleen_als_heel_woord()
    {
        // HK-315-1 is not named by HK-315-10, nor by a sub-id such as HK-307-1-GI; it is by "(HK-315-1)" and "HK-315-1..3".
        string[] tekst = ["zie HK-315-10 en HK-307-1-GI"];

        Assert.False(Genoemd(tekst, "HK-315-1"));
        Assert.False(Genoemd(tekst, "HK-307-1"));
        Assert.True(Genoemd(["(HK-315-1)"], "HK-315-1"));
        Assert.True(Genoemd(["HK-315-1..3"], "HK-315-1"));
    }

    /// <summary>Every problem, one line each, naming the id: spec ids first in spec order, then unknown ids.</summary>
    private static List<string> Controleer(IReadOnlyList<string> gedefinieerd, IReadOnlyList<Vermelding> register,
        Func<string, bool> inBroncode, Func<string, bool> inTests)
    {
        var problemen = new List<string>();
        var perId = register.GroupBy(v => v.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var id in gedefinieerd)
        {
            var src = inBroncode(id);
            var test = inTests(id);
            if (!perId.TryGetValue(id, out var vermeldingen))
            {
                problemen.Add(src && test
                    ? $"{id}: geïmplementeerd, maar ontbreekt in docs/REGELDEKKING.md (voeg het toe als '{Geimplementeerd}')"
                    : $"{id}: niet geïmplementeerd (niet genoemd in src/ en tests/) en niet vermeld in docs/REGELDEKKING.md");
                continue;
            }

            if (vermeldingen.Count > 1)
            {
                problemen.Add($"{id}: staat meer dan eens in docs/REGELDEKKING.md");
                continue;
            }

            var v = vermeldingen[0];
            if (v.Status == Geimplementeerd)
            {
                if (!src || !test)
                {
                    problemen.Add($"{id}: vermeld als '{Geimplementeerd}', maar niet genoemd in {(src ? "tests/" : test ? "src/" : "src/ en tests/")}");
                }
            }
            else if (!NietGeimplementeerd.Contains(v.Status, StringComparer.Ordinal))
            {
                problemen.Add($"{id}: onbekende status '{v.Status}' ({Geimplementeerd}, {string.Join(", ", NietGeimplementeerd)})");
            }
            else if (string.IsNullOrWhiteSpace(v.Toelichting))
            {
                problemen.Add($"{id}: vermeld als '{v.Status}' zonder reden");
            }
            else if (src && test)
            {
                problemen.Add($"{id}: vermeld als '{v.Status}', maar src/ en tests/ noemen het: zet het op '{Geimplementeerd}'");
            }
        }

        problemen.AddRange(register.Select(v => v.Id).Distinct(StringComparer.Ordinal).Where(id => !gedefinieerd.Contains(id, StringComparer.Ordinal))
            .Select(id => $"{id}: vermeld in docs/REGELDEKKING.md, maar de spec definieert het niet"));
        return problemen;
    }

    /// <summary>The registry's table rows (a row starts with a rule id; the header and other tables do not).</summary>
    private static List<Vermelding> Register(IEnumerable<string> regels) =>
        regels.Select(r => Tabelregel().Match(r)).Where(m => m.Success)
            .Select(m => new Vermelding(m.Groups[1].Value, m.Groups[2].Value.Trim(), m.Groups[3].Value.Trim())).ToList();

    /// <summary>The C# sources under a folder, without build output and without this file.</summary>
    private static string[] Teksten(string map) =>
        Directory.EnumerateFiles(map, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(d => d is "bin" or "obj"))
            .Where(f => !string.Equals(Path.GetFileName(f), nameof(RegeldekkingTests) + ".cs", StringComparison.Ordinal))
            .Select(File.ReadAllText).ToArray();

    /// <summary>True when a text names the id as a whole: not as the start of a longer id (HK-315-10, HK-307-1-GI).</summary>
    private static bool Genoemd(IEnumerable<string> teksten, string id)
    {
        var patroon = new Regex($@"(?<![A-Z0-9-]){Regex.Escape(id)}(?![A-Z0-9]|-[A-Z0-9])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return teksten.Any(patroon.IsMatch);
    }
}
