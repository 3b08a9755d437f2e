namespace Jeugdhulp.Cli.Tests;

public sealed class CrisisOpdrachtTests
{
    private static readonly string Flevoland = Path.Combine(Jeugdhulp.Ijw.Tests.Paden.RepoRoot, "rules", "flevoland");

    private static (int Code, string Uit, string Fout) Run(params string[] args) => Pijplijn.Run(args);

    [Fact]
    public void HK_24_8_een_crisisplaatsing_van_28_dagen_past_en_toont_de_termijnen()
    {
        var (code, uit, fout) = Run("crisis", "--rules", Flevoland, "--start", "2027-03-01", "--eind", "2027-03-28", "--route", "gedwongen");

        Assert.Equal(0, code);
        Assert.Equal("", fout);
        Assert.Contains("HK-24-8 toegekend: Crisisplaatsing van 28 dagen, ten hoogste 28.", uit, StringComparison.Ordinal);
        Assert.Contains("2027-03-14 regio: vervolgperspectief crisisplaatsing [HK-24-8-PERSPECTIEF]", uit, StringComparison.Ordinal);
        Assert.Contains("2027-03-14 regio: evaluatie crisisplaatsing [HK-24-8-DWANG-EVALUATIE]", uit, StringComparison.Ordinal);
        Assert.Contains("2027-03-28 regio: overbruggingszorg: geen vervolgplaatsing [HK-24-8-MAX] (signaal)", uit, StringComparison.Ordinal);
        Assert.Contains("[HK-24-9-REGISSEUR]", uit, StringComparison.Ordinal);
    }

    [Fact]
    public void HK_24_8_een_crisisplaatsing_van_29_dagen_wordt_geweigerd_met_exit_1()
    {
        var (code, uit, _) = Run("crisis", "--rules", Flevoland, "--start", "2027-03-01", "--eind", "2027-03-29");

        Assert.Equal(1, code);
        Assert.Contains("HK-24-8 afgewezen: Een crisisplaatsing duurt 1 tot 28 dagen (uiterlijk t/m 28-03-2027); gevraagd zijn 29 dagen.", uit, StringComparison.Ordinal);
    }

    [Fact]
    public void Een_onbekende_route_is_een_gebruiksfout()
    {
        var (code, _, fout) = Run("crisis", "--rules", Flevoland, "--start", "2027-03-01", "--eind", "2027-03-02", "--route", "later");

        Assert.Equal(2, code);
        Assert.Contains("--route: 'later' is geen crisisroute", fout, StringComparison.Ordinal);
    }
}
