using System.Text.Json;
using Jeugdhulp.Core.Werkdagen;
using Jeugdhulp.Demo;
using Jeugdhulp.Ijw.Tests;

namespace Jeugdhulp.Cli.Tests;

/// <summary>The demo region exactly as <c>serve --demo</c> generates it (300 clients, two months, seed 1), once.</summary>
public sealed class ServeDemoregio : IDisposable
{
    public ServeDemoregio()
    {
        Map = Directory.CreateTempSubdirectory("jeugdhulp-servedemo-").FullName;
        Data = Path.Combine(Map, "data");
        using var uit = new StringWriter();
        using var fout = new StringWriter();
        Code = ServeOpdracht.VulDemo(Data, null, uit, fout);
        Uit = uit.ToString();
        Fout = fout.ToString();
    }

    public string Map { get; }

    public string Data { get; }

    public int Code { get; }

    public string Uit { get; }

    public string Fout { get; }

    public string Samenvatting => File.ReadAllText(Path.Combine(Data, Regiogenerator.Samenvattingbestand));

    public void Dispose() => Directory.Delete(Map, recursive: true);
}

public class DemoregioTests(ServeDemoregio demo) : IClassFixture<ServeDemoregio>
{
    private static string Datum => ServeOpdracht.Demodatum.ToString("yyyy-MM-dd");

    [Fact]
    public void Serve_demo_zegt_per_fase_wat_het_doet_met_een_voortgangscijfer()
    {
        Assert.Equal(0, demo.Code);
        var regels = demo.Uit.Split('\n');
        foreach (var fase in new[] { "[1/4]", "[2/4]", "[3/4]", "[4/4]" })
        {
            Assert.Contains(regels, r => r.StartsWith(fase, StringComparison.Ordinal));
        }

        // One line per simulated week with the share done, rising to 100%.
        var procenten = regels.Where(r => r.StartsWith("[3/4] simulatie", StringComparison.Ordinal))
            .Select(r => int.Parse(r["[3/4] simulatie".Length..r.IndexOf('%', StringComparison.Ordinal)].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.True(procenten.Count >= 8, string.Join(", ", procenten));
        Assert.Equal(procenten.Order(), procenten);
        Assert.Equal(100, procenten[^1]);
    }

    [Fact]
    public void De_demodatum_is_de_eerste_werkdag_na_de_gesimuleerde_maanden_en_de_hints_gebruiken_die_en_de_ene_aanroep()
    {
        var regels = RegiogeneratorTests.Regels;
        Assert.Equal(new Werkdagenkalender(regels.ExtraVrijeDagen).Plus(new DateOnly(2027, 2, 28), 1), ServeOpdracht.Demodatum);
        var hints = demo.Samenvatting.Split('\n').Where(r => r.Contains("--today", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, hints.Count);
        Assert.All(hints, h => Assert.Contains($"{RegioOpties.CliAanroep} ", h, StringComparison.Ordinal));
        Assert.All(hints, h => Assert.Contains($"--today {Datum}", h, StringComparison.Ordinal));
    }

    [Fact]
    public void Op_de_demodatum_is_er_nieuw_vandaag_uiterlijk_en_te_laat_werk_niet_alleen_rood()
    {
        var (code, uit, fout) = Pijplijn.Run("termijnen", "--data", demo.Data, "--today", Datum, "--json");
        Assert.True(code == 0, fout);
        var antwoorden = uit.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(r => JsonDocument.Parse(r).RootElement)
            .Where(e => e.GetProperty("regel").GetString() == "HK-315-3")
            .Select(e => DateOnly.Parse(e.GetProperty("vervaldatum").GetString()!, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        var vandaag = ServeOpdracht.Demodatum;
        var teLaat = antwoorden.Count(d => d < vandaag);
        Assert.True(antwoorden.Any(d => d > vandaag), "geen nieuw werk");
        Assert.True(antwoorden.Any(d => d == vandaag), "niets dat vandaag af moet");
        Assert.True(teLaat > 0, "niets te laat");
        Assert.True(teLaat < antwoorden.Count * 0.75, $"{teLaat} van {antwoorden.Count} te laat");
    }

    [Fact]
    public void De_demo_stuurt_jw317s_van_elke_soort_die_het_handelingskader_noemt()
    {
        var regel = demo.Samenvatting.Split('\n').Single(r => r.TrimStart().StartsWith("JW317:", StringComparison.Ordinal));
        foreach (var soort in Regioverslag.Jw317Soortnamen.Take(4))
        {
            Assert.Contains(soort, regel, StringComparison.Ordinal);
        }

        Assert.Matches(@"Besluiten op verzoeken om wijziging \(JW317\):\n  toegewezen [1-9]", demo.Samenvatting);
    }

    [Fact]
    public void De_voorbeeldberichten_passen_bij_de_demo_en_worden_op_de_demodatum_toegekend_en_goedgekeurd()
    {
        // On a copy: the decisions change the store the other tests read.
        var kopie = Path.Combine(demo.Map, "kopie-" + Guid.NewGuid().ToString("N"));
        foreach (var bestand in Directory.GetFiles(demo.Data, "*", SearchOption.AllDirectories))
        {
            var doel = Path.Combine(kopie, Path.GetRelativePath(demo.Data, bestand));
            Directory.CreateDirectory(Path.GetDirectoryName(doel)!);
            File.Copy(bestand, doel);
        }

        var map = Path.Combine(kopie, Regiogenerator.Voorbeeldmap);
        Assert.Equal("98325012", File.ReadAllText(Path.Combine(map, Regiogenerator.VoorbeeldAanbiederbestand)).Trim());
        foreach (var bestand in new[] { "jw315.xml", "jw317.xml", "jw323.xml" })
        {
            var inhoud = File.ReadAllBytes(Path.Combine(map, bestand));
            Assert.True(XsdValidatie.Fouten(inhoud) is [], $"{bestand}: {string.Join("; ", XsdValidatie.Fouten(inhoud))}");
        }

        // The pre-check first: it books nothing, so the JW315/JW317 after it see the same store.
        var proef = Pijplijn.Run("proef", "--data", kopie, "--today", Datum, Path.Combine(map, "jw323.xml"));
        Assert.True(proef.Code == 0, proef.Uit + proef.Fout);

        var (code, uit, fout) = Pijplijn.Run("process", "--data", kopie, "--today", Datum, "--json", Path.Combine(map, "jw315.xml"), Path.Combine(map, "jw317.xml"));
        Assert.True(code == 0, fout);
        var verslagen = uit.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(r => JsonDocument.Parse(r).RootElement).ToList();
        Assert.Equal(["JW315", "JW317"], verslagen.Select(v => v.GetProperty("bericht").GetString()));
        Assert.All(verslagen, v => Assert.Equal("approved", v.GetProperty("outcome").GetString()));
    }
}
