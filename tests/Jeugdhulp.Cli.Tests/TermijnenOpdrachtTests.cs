using System.Text.Json;

namespace Jeugdhulp.Cli.Tests;

public class TermijnenOpdrachtTests
{
    [Fact]
    public void Na_de_demo_toont_termijnen_de_antwoordtermijn_van_de_reviews_en_een_ontbrekende_JW305()
    {
        using var p = new Pijplijn();
        Assert.Equal(0, Pijplijn.Run("demo", "--data", p.Data).Code);

        // Demo processes on 2027-03-05; DEMO-0001's allocation starts later, so no JW305 is owed yet.
        var (code, uit, fout) = Pijplijn.Run("termijnen", "--data", p.Data, "--today", "2027-03-05");
        Assert.True(code == 0, fout);
        // Received on the processing date (--today): answer due 5 werkdagen later.
        Assert.Contains("2027-03-12 nog 7 dag(en): gemeente 0171 -> JW301/JW319 voor DEMO-0002, cliënt ******023 [HK-315-3]", uit, StringComparison.Ordinal);
        Assert.Contains("2027-03-12 nog 7 dag(en): gemeente 0184 -> JW301/JW319 voor DEMO-0003, cliënt ******072 [HK-315-3]", uit, StringComparison.Ordinal);
        Assert.DoesNotContain("JW305", uit, StringComparison.Ordinal);

        // Two weeks later the provider of DEMO-0001 has not sent its JW305 (5 werkdagen after the start).
        (code, uit, fout) = Pijplijn.Run("termijnen", "--data", p.Data, "--today", "2027-03-20");
        Assert.True(code == 0, fout);
        Assert.Contains("2027-03-15 TE LAAT (5 dag(en)): aanbieder 01234567 -> JW305 voor 1, cliënt ******183 [HK-305-1]", uit, StringComparison.Ordinal);
        Assert.DoesNotContain("100002183", uit, StringComparison.Ordinal);

        // Deciding the review clears its answer deadline.
        Assert.Equal(0, Pijplijn.Run("besluit", "--data", p.Data, "--referentie", "DEMO-0002", "--toekennen", "--today", "2027-03-05").Code);
        (_, uit, _) = Pijplijn.Run("termijnen", "--data", p.Data, "--today", "2027-03-05");
        Assert.DoesNotContain("DEMO-0002", uit, StringComparison.Ordinal);
        Assert.Contains("DEMO-0003", uit, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_geeft_een_object_per_regel_met_gemaskeerde_bsn_te_laat_eerst()
    {
        using var p = new Pijplijn();
        Assert.Equal(0, Pijplijn.Run("demo", "--data", p.Data).Code);

        var (code, uit, fout) = Pijplijn.Run("termijnen", "--data", p.Data, "--today", "2027-03-12", "--json");

        Assert.True(code == 0, fout);
        var regels = uit.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => JsonDocument.Parse(r).RootElement).ToList();
        Assert.NotEmpty(regels);
        Assert.All(regels, r => Assert.StartsWith("******", r.GetProperty("client").GetString(), StringComparison.Ordinal));
        var jw305 = Assert.Single(regels, r => r.GetProperty("verwacht").GetString() == "JW305" && r.GetProperty("code").GetString() == "01234567");
        Assert.Equal(("2027-03-15", 3, false, "HK-305-1"), (jw305.GetProperty("vervaldatum").GetString(), jw305.GetProperty("dagenOver").GetInt32(),
            jw305.GetProperty("teLaat").GetBoolean(), jw305.GetProperty("regel").GetString()));
        var teLaat = regels.Select(r => r.GetProperty("teLaat").GetBoolean()).ToList();
        Assert.Equal(teLaat.OrderByDescending(x => x), teLaat);
    }

    [Fact]
    public void JW305_en_JW307_verschijnen_en_verdwijnen_als_het_bericht_binnenkomt()
    {
        using var p = new Pijplijn().MetDemo();
        var geboren = new DateOnly(2016, 9, 12);
        // Allocation 1: 2027-03-08 to 2027-05-31.
        p.Verwerk("2027-03-02", p.Schrijf("1.xml", Pijplijn.Jw315("T-1", "100002183", geboren, Pijplijn.Product("R-T", "45F11", new(2027, 3, 8), new(2027, 5, 31), 1800))));
        string Termijnen(string vandaag) => Pijplijn.Run("termijnen", "--data", p.Data, "--today", vandaag).Uit;

        Assert.DoesNotContain("JW305", Termijnen("2027-03-07"), StringComparison.Ordinal);
        Assert.Contains("2027-03-15 nog 7 dag(en): aanbieder 01234567 -> JW305 voor 1", Termijnen("2027-03-08"), StringComparison.Ordinal);

        // The test message is dated 2027-03-20: it arrives late, on 2027-03-21.
        Assert.Contains("TE LAAT (6 dag(en)): aanbieder 01234567 -> JW305 voor 1", Termijnen("2027-03-21"), StringComparison.Ordinal);
        Assert.Equal("accepted", p.Verwerk("2027-03-21", p.Schrijf("2.xml", Pijplijn.Jw305("S-1", "100002183", geboren, 1, new(2027, 3, 8)))).Regels[0].GetProperty("outcome").GetString());
        Assert.DoesNotContain("JW305", Termijnen("2027-03-21"), StringComparison.Ordinal);
        Assert.DoesNotContain("JW307", Termijnen("2027-05-30"), StringComparison.Ordinal);
        // End 2027-05-31 (Monday): 5 werkdagen later is 2027-06-07.
        Assert.Contains("2027-06-07 TE LAAT (1 dag(en)): aanbieder 01234567 -> JW307 voor 1", Termijnen("2027-06-08"), StringComparison.Ordinal);

        Assert.Equal("accepted", p.Verwerk("2027-06-08", p.Schrijf("3.xml", Pijplijn.Jw307("E-1", "100002183", geboren, 1, new(2027, 3, 8), new(2027, 5, 31), "31"))).Regels[0].GetProperty("outcome").GetString());
        Assert.DoesNotContain("JW307", Termijnen("2027-06-08"), StringComparison.Ordinal);
    }

    [Fact]
    public void Termijnen_zonder_data_is_een_gebruiksfout()
    {
        var (code, _, fout) = Pijplijn.Run("termijnen", "--today", "2027-03-05");
        Assert.Equal(2, code);
        Assert.Contains("--data", fout, StringComparison.Ordinal);
    }
}
