using System.Diagnostics;
using System.Text.RegularExpressions;
using Jeugdhulp.Ijw.Tests;
using Xunit.Abstractions;

namespace Jeugdhulp.Cli.Tests;

/// <summary>
/// Issue 17: seeded mutations (<see cref="Mutator"/>) of the examples and demo messages through the commands as
/// a user runs them — <c>validate</c>, <c>process</c> and <c>proef</c>, in-process on real files and a
/// real store. Whatever the bytes: exit 0 or 1, nothing on standard error, no stack trace, every file reported in
/// order (one bad file stops nothing), no internal error, and every refusal carries a code. Bounded: the files
/// are written within a time limit and the count that was reached is printed.
/// </summary>
public sealed partial class FuzzTests(ITestOutputHelper uitvoer) : IDisposable
{
    private const int Seed = 1717;
    private static readonly TimeSpan Tijdslimiet = TimeSpan.FromSeconds(10);
    private readonly Pijplijn p = new Pijplijn().MetDemo();

    public void Dispose() => p.Dispose();

    /// <summary>A coded reason: <c>CODE: …</c>, or <c>place: CODE: …</c> (an element path or "regel n, positie m").</summary>
    [GeneratedRegex("^(?:[^:]*: )?[A-Z][A-Z0-9-]+: ")]
    private static partial Regex Gecodeerd();

    [GeneratedRegex(@"^\s+at \S+|Unhandled exception|   at ", RegexOptions.Multiline)]
    private static partial Regex Stacktrace();

    [Fact]
    public void Validate_meldt_elk_gemuteerd_bestand_met_OK_of_een_code()
    {
        var bestanden = Schrijf(1500);

        // With the official XSDs too: they run on whatever the reader could read.
        var (code, uit, fout) = Pijplijn.Run(["validate", "--xsd", Paden.XsdMap, "--today", "2027-12-31", .. bestanden]);

        Assert.InRange(code, 0, 1);
        Assert.Equal("", fout);
        Assert.DoesNotMatch(Stacktrace(), uit);
        var regels = uit.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        var gemeld = new HashSet<string>(StringComparer.Ordinal);
        foreach (var regel in regels)
        {
            var bestand = bestanden.FirstOrDefault(b => regel.StartsWith(b + ": ", StringComparison.Ordinal));
            Assert.True(bestand is not null, $"regel zonder bestand: {regel}");
            var rest = regel[(bestand.Length + 2)..];
            Assert.True(rest == "OK" || Regex.IsMatch(rest, "^[A-Z][A-Z0-9-]+[ :]"), $"regel zonder code: {regel}");
            gemeld.Add(bestand);
        }

        Assert.Equal(bestanden.Length, gemeld.Count);
    }

    [Fact]
    public void Process_verwerkt_elk_gemuteerd_bestand_en_weigert_met_een_code()
    {
        var bestanden = Schrijf(1500);

        var (code, regels, fout) = p.Verwerk("2027-03-05", "--batch", "100", p.Invoer);

        Assert.InRange(code, 0, 1);
        Assert.Equal("", fout);
        Assert.Equal(bestanden, regels.Select(r => r.GetProperty("file").GetString()));
        var uitkomsten = regels.GroupBy(r => r.GetProperty("outcome").GetString()!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        uitvoer.WriteLine(string.Join(", ", uitkomsten.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => $"{u.Key} {u.Value}")));
        foreach (var r in regels)
        {
            var uitkomst = r.GetProperty("outcome").GetString();
            Assert.True(uitkomst != "error", r.ToString());
            if (uitkomst == "invalid")
            {
                var redenen = r.GetProperty("reasons").EnumerateArray().Select(e => e.GetString()!).ToList();
                Assert.NotEmpty(redenen);
                Assert.All(redenen, reden => Assert.Matches(Gecodeerd(), reden));
                Assert.DoesNotMatch(Stacktrace(), string.Join("\n", redenen));
            }
        }

        Assert.True(uitkomsten.ContainsKey("invalid") && uitkomsten.Count > 1, "de mutaties moeten zowel weigeringen als verwerkte berichten geven");
        p.OutboxIsXsdGeldig();
    }

    [Fact]
    public void Proef_meldt_elk_gemuteerd_bestand_met_een_uitkomst_en_weigert_met_een_code()
    {
        var bestanden = Schrijf(400);

        var (code, uit, fout) = Pijplijn.Run(["proef", "--data", p.Data, "--today", "2027-05-03", .. bestanden]);

        Assert.InRange(code, 0, 1);
        Assert.Equal("", fout);
        Assert.DoesNotMatch(Stacktrace(), uit);
        var blokken = Blokken(uit, bestanden);
        Assert.Equal(bestanden, blokken.Select(b => b.Bestand));
        foreach (var (bestand, kop, regels) in blokken.Where(b => b.Kop.StartsWith("invalid", StringComparison.Ordinal)))
        {
            var redenen = regels.Where(r => !r.StartsWith("JW325:", StringComparison.Ordinal)).ToList();
            Assert.True(redenen.Count > 0, $"{bestand}: {kop} zonder reden");
            Assert.All(redenen, reden => Assert.Matches(Gecodeerd(), reden));
        }
    }

    /// <summary>Writes mutated files <c>0000-soort.xml</c>… into the input folder, within the time limit; the names in order.</summary>
    private string[] Schrijf(int aantal)
    {
        var zaden = Mutator.Zaden();
        var mutator = new Mutator(Seed);
        var klok = Stopwatch.StartNew();
        var namen = new List<string>();
        for (var i = 0; i < aantal && klok.Elapsed < Tijdslimiet; i++)
        {
            var (soort, bytes) = mutator.Volgende(zaden);
            namen.Add(p.Schrijf($"{i:D4}-{soort}.xml", bytes));
        }

        uitvoer.WriteLine($"{namen.Count} gemuteerde bestanden in {klok.Elapsed.TotalSeconds:F1} s");
        return [.. namen];
    }

    /// <summary>The proef output per file: its header line after "file: " and its indented lines.</summary>
    private static List<(string Bestand, string Kop, List<string> Regels)> Blokken(string uit, string[] bestanden)
    {
        var blokken = new List<(string, string, List<string>)>();
        var volgende = 0;
        foreach (var regel in uit.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries))
        {
            if (volgende < bestanden.Length && regel.StartsWith(bestanden[volgende] + ": ", StringComparison.Ordinal))
            {
                blokken.Add((bestanden[volgende], regel[(bestanden[volgende].Length + 2)..], []));
                volgende++;
            }
            else
            {
                Assert.True(blokken.Count > 0 && regel.StartsWith("  ", StringComparison.Ordinal), $"onverwachte regel: {regel}");
                blokken[^1].Item3.Add(regel.Trim());
            }
        }

        return blokken;
    }
}
