namespace Jeugdhulp.Cli.Tests;

public class NoShowOpdrachtTests
{
    private static readonly DateOnly Geboren = new(2016, 9, 12);

    /// <summary>Demo data and allocation 1 (45F11, 2027-03-08 to 2027-09-07) for client 100002183 in 0171.</summary>
    private static Pijplijn MetToewijzing()
    {
        var p = new Pijplijn().MetDemo();
        var (code, regels, fout) = p.Verwerk("2027-03-02", p.Schrijf("1.xml",
            Pijplijn.Jw315("T-1", "100002183", Geboren, Pijplijn.Product("R-T", "45F11", new(2027, 3, 8), new(2027, 9, 7), 1800))));
        Assert.True(code == 0, fout);
        Assert.Equal("approved", regels[0].GetProperty("outcome").GetString());
        return p;
    }

    private static (int Code, string Uit, string Fout) NoShow(Pijplijn p, string datum, string today = "2027-05-03", string nummer = "1", params string[] extra) =>
        Pijplijn.Run(["noshow", "--data", p.Data, "--aanbieder", Pijplijn.Aanbieder, "--toewijzing", nummer, "--bsn", "100002183", "--datum", datum, "--today", today, .. extra]);

    [Fact]
    public void Noshow_meldt_welke_no_show_het_is_en_wat_er_volgt()
    {
        using var p = MetToewijzing();

        var (code, uit, fout) = NoShow(p, "2027-04-01");
        Assert.True(code == 0, fout);
        Assert.Contains("No-show 1 van 2027 op 45F11 voor cliënt ******183, toewijzing 1 (gemeente 0171), 2027-04-01: geregistreerd", uit, StringComparison.Ordinal);
        Assert.Contains("Vervolg [HK-NS-1]: Eerste no-show: bespreek de no-show met de inwoner.", uit, StringComparison.Ordinal);

        (code, uit, _) = NoShow(p, "2027-04-08");
        Assert.Equal(0, code);
        Assert.Contains("Vervolg [HK-NS-2]", uit, StringComparison.Ordinal);

        (code, uit, _) = NoShow(p, "2027-04-15");
        Assert.Equal(0, code);
        Assert.Contains("Vervolg [HK-NS-3]", uit, StringComparison.Ordinal);
        Assert.Contains("uiterlijk 24-05-2027", uit, StringComparison.Ordinal);
        Assert.DoesNotContain("100002183", uit, StringComparison.Ordinal);

        (code, _, fout) = NoShow(p, "2027-04-22");
        Assert.Equal(1, code);
        Assert.Contains("NS-MAXIMUM", fout, StringComparison.Ordinal);
        Assert.Contains("HK-323-4", fout, StringComparison.Ordinal);
        Assert.DoesNotContain("100002183", fout, StringComparison.Ordinal);
    }

    [Fact]
    public void Een_no_show_buiten_de_toewijzing_wordt_geweigerd_met_de_regel()
    {
        using var p = MetToewijzing();
        var (code, _, fout) = NoShow(p, "2027-03-05", today: "2027-03-05");
        Assert.Equal(1, code);
        Assert.Contains("NS-PERIODE", fout, StringComparison.Ordinal);
        Assert.Contains("HK-323-9", fout, StringComparison.Ordinal);
    }

    [Fact]
    public void Noshow_zonder_verplichte_opties_of_met_vrije_tekst_is_een_gebruiksfout()
    {
        using var p = new Pijplijn();
        var (code, _, fout) = Pijplijn.Run("noshow", "--data", p.Data, "--aanbieder", Pijplijn.Aanbieder, "--datum", "2027-04-01");
        Assert.Equal(2, code);
        Assert.Contains("--toewijzing", fout, StringComparison.Ordinal);
        Assert.Contains("--bsn", fout, StringComparison.Ordinal);

        // HK-NS-4: only facts; there is no option for a description.
        (code, _, fout) = Pijplijn.Run("noshow", "--data", p.Data, "--aanbieder", Pijplijn.Aanbieder, "--toewijzing", "1", "--bsn", "100002183",
            "--datum", "2027-04-01", "--toelichting", "ziek");
        Assert.Equal(2, code);
        Assert.Contains("onbekende optie --toelichting", fout, StringComparison.Ordinal);

        (code, _, fout) = Pijplijn.Run("noshow", "--data", p.Data, "--aanbieder", Pijplijn.Aanbieder, "--toewijzing", "1", "--bsn", "123456789", "--datum", "2027-04-01");
        Assert.Equal(2, code);
        Assert.DoesNotContain("123456789", fout, StringComparison.Ordinal);
    }

    [Fact]
    public void Besluit_noshow_beeindigt_met_een_JW301_en_voortzetten_schrijft_niets()
    {
        using var p = MetToewijzing();
        foreach (var d in new[] { "2027-04-01", "2027-04-08", "2027-04-15" })
        {
            Assert.Equal(0, NoShow(p, d).Code);
        }

        var voor = p.OutboxBestanden();
        var (code, uit, fout) = Pijplijn.Run("besluit-noshow", "--data", p.Data, "--toewijzing", "1", "--beeindigen", "2027-05-31", "--today", "2027-05-03");

        Assert.True(code == 0, fout);
        Assert.Contains("Toewijzing 1 (gemeente 0171): beëindigd per 2027-05-31 na de derde no-show [HK-NS-3].", uit, StringComparison.Ordinal);
        var nieuw = Assert.Single(p.OutboxBestanden().Except(voor));
        Assert.Contains("_JW301_", nieuw, StringComparison.Ordinal);
        Assert.Contains("<Einddatum>2027-05-31</Einddatum>", File.ReadAllText(Path.Combine(p.Outbox, nieuw)), StringComparison.Ordinal);
        p.OutboxIsXsdGeldig();

        (code, _, fout) = Pijplijn.Run("besluit-noshow", "--data", p.Data, "--toewijzing", "1", "--voortzetten", "--today", "2027-05-03");
        Assert.Equal(1, code);
        Assert.Contains("NS-BESLUIT-GEEN", fout, StringComparison.Ordinal);
    }

    [Fact]
    public void Besluit_noshow_vraagt_precies_een_van_voortzetten_en_beeindigen()
    {
        using var p = new Pijplijn();
        var (code, _, fout) = Pijplijn.Run("besluit-noshow", "--data", p.Data, "--toewijzing", "1", "--voortzetten", "--beeindigen", "2027-05-31");
        Assert.Equal(2, code);
        Assert.Contains("precies één", fout, StringComparison.Ordinal);
        (code, _, _) = Pijplijn.Run("besluit-noshow", "--data", p.Data, "--toewijzing", "1");
        Assert.Equal(2, code);
    }
}
