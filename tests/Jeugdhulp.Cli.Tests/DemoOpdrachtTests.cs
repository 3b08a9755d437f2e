namespace Jeugdhulp.Cli.Tests;

public class DemoOpdrachtTests
{
    [Fact]
    public void Demo_importeert_de_demodata_en_beslist_elk_voorbeeld_zoals_de_demo_belooft()
    {
        using var p = new Pijplijn();

        var (code, uit, fout) = Pijplijn.Run("demo", "--data", p.Data);

        Assert.True(code == 0, fout);
        Assert.Contains("contracten: 55 toegevoegd", uit, StringComparison.Ordinal);
        Assert.Contains("inwoners: 30 toegevoegd", uit, StringComparison.Ordinal);
        // What demo/README.md promises per message.
        Assert.Contains("DEMO-0001: approved", uit, StringComparison.Ordinal);
        Assert.Matches(@"DEMO-0002: review \[[^\]]*HK-315-11", uit);
        Assert.Matches(@"DEMO-0003: review \[[^\]]*HK-315-6", uit);
        Assert.Contains("DEMO-0004: rejected, reden 4", uit, StringComparison.Ordinal);
        Assert.Contains("DEMO-0005: rejected, reden 8", uit, StringComparison.Ordinal);
        Assert.Contains("DEMO-0006: rejected, reden 9", uit, StringComparison.Ordinal);
        Assert.Contains("DEMO-0007: rejected, reden 3", uit, StringComparison.Ordinal);
        Assert.Contains("DEMO-0008: rejected, reden 4", uit, StringComparison.Ordinal);
        Assert.Contains("010-twee-producten-gemengd.xml: mixed", uit, StringComparison.Ordinal);
        Assert.Contains("10 bestand(en) verwerkt.", uit, StringComparison.Ordinal);
        // Ten JW316 retours, JW301 for 001 and 010's approved product, JW319 for 004 to 008; reviews wait.
        Assert.Equal(17, Directory.GetFiles(p.Outbox, "*.xml", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void Demo_opnieuw_draaien_verandert_niets()
    {
        using var p = new Pijplijn();
        Assert.Equal(0, Pijplijn.Run("demo", "--data", p.Data).Code);
        var eerst = Directory.GetFiles(p.Outbox, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => (f, File.ReadAllText(f))).ToList();

        var (code, uit, _) = Pijplijn.Run("demo", "--data", p.Data);

        Assert.Equal(0, code);
        Assert.Contains("contracten: 0 toegevoegd", uit, StringComparison.Ordinal);
        var daarna = Directory.GetFiles(p.Outbox, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => (f, File.ReadAllText(f))).ToList();
        Assert.Equal(eerst, daarna);
    }

    [Fact]
    public void Demo_zonder_data_is_een_gebruiksfout()
    {
        var (code, _, fout) = Pijplijn.Run("demo");
        Assert.Equal(2, code);
        Assert.Contains("--data", fout, StringComparison.Ordinal);
    }
}
