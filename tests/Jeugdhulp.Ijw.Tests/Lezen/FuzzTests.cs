using System.Diagnostics;
using System.Text;
using Jeugdhulp.Ijw.Controles;
using Jeugdhulp.Ijw.Lezen;
using Jeugdhulp.Ijw.Schrijven;
using Xunit.Abstractions;

namespace Jeugdhulp.Ijw.Tests.Lezen;

/// <summary>
/// Property test with a fixed seed: thousands of mutations (<see cref="Mutator"/>) of valid messages. The reader
/// must always return a result, never throw; a failed result has coded errors, none of them the reader's
/// last-resort <c>ONLEESBAAR</c> (that would be a reader bug turned into a refusal); and the reader agrees with
/// the official XSD on whether the bytes are schema-valid. Bounded in time: it stops early rather than run long
/// on a slow machine, and says how far it got.
/// </summary>
// Slow lane: thousands of mutations, each also checked by the official XSD (README, "Tests").
[Trait("Baan", "Traag")]
public class FuzzTests(ITestOutputHelper uitvoer)
{
    private const int Seed = 20270301;
    private const int Mutaties = 4000;
    private static readonly TimeSpan Tijdslimiet = TimeSpan.FromSeconds(20);

    [Fact]
    public void Lezer_gooit_nooit_en_is_het_eens_met_de_officiele_XSD()
    {
        var bronnen = Directory.GetFiles(Paden.GoldenMap, "*.xml").Order(StringComparer.Ordinal).Select(File.ReadAllBytes)
            .Concat(Mutator.Zaden())
            .ToList();
        var mutator = new Mutator(Seed);
        var geldig = 0;
        var verschillen = new List<string>();
        var soorten = new Dictionary<string, int>(StringComparer.Ordinal);
        var klok = Stopwatch.StartNew();
        var i = 0;

        for (; i < Mutaties && klok.Elapsed < Tijdslimiet; i++)
        {
            var (soort, bytes) = mutator.Volgende(bronnen);
            soorten[soort] = soorten.GetValueOrDefault(soort) + 1;

            var gelezen = IjwLezer.Lees(bytes);

            if (gelezen.IsGeldig)
            {
                geldig++;
                _ = Berichtcontrole.Controleer(gelezen.Waarde, new DateOnly(2027, 4, 10));
                Assert.Empty(XsdValidatie.Fouten(IjwSchrijver.Schrijf(gelezen.Waarde)));
            }
            else
            {
                Assert.All(gelezen.Fouten, f => Assert.Matches("^[A-Z][A-Z0-9-]+$", f.Code));
                Assert.DoesNotContain(gelezen.Fouten, f => f.Code == Foutcodes.Onleesbaar);
            }

            // The XSDs have nothing to say about a root outside their namespaces (the validator only warns, unasked).
            var xsdFouten = XsdValidatie.FoutenOfXml(bytes);
            if ((xsdFouten.Count == 0) != gelezen.IsGeldig && !gelezen.Fouten.Any(f => f.Code == Foutcodes.GeenIjw))
            {
                verschillen.Add($"mutatie {i} ({soort}): lezer {(gelezen.IsGeldig ? "geldig" : string.Join("; ", gelezen.Fouten.Take(3)))}, XSD {(xsdFouten.Count == 0 ? "geldig" : string.Join("; ", xsdFouten.Take(3)))}\n{Inkorten(bytes)}");
            }
        }

        uitvoer.WriteLine($"{i} mutaties in {klok.Elapsed.TotalSeconds:F1} s ({string.Join(", ", soorten.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value}"))}), "
            + $"{geldig} bleven schema-geldig, {verschillen.Count} verschillen met de XSD.");
        Assert.True(verschillen.Count == 0, string.Join("\n\n", verschillen.Take(20).Select(v => v.Length > 600 ? v[..600] : v)));
        Assert.InRange(geldig, 1, i - 1);
    }

    private static string Inkorten(byte[] bytes)
    {
        var tekst = Encoding.UTF8.GetString(bytes);
        return tekst.Length > 3000 ? tekst[..3000] + "…" : tekst;
    }
}
