namespace Jeugdhulp.Cli.Tests;

public sealed class VerblijfOpdrachtTests
{
    private static readonly string[] Crisis =
        ["verblijf", "--gemeente", "0171", "--plaatsing", "CR-1", "--bsn", "100002183", "--product", "46R01", "--route", "crisis", "--start", "2027-03-01"];

    [Fact]
    public void HK_24_8_een_vastgelegde_crisis_toont_dag_14_en_dag_28_tot_het_vervolg_is_vastgelegd()
    {
        using var p = new Pijplijn().MetDemo();

        var (code, uit, fout) = Pijplijn.Run([.. Crisis, "--eind", "2027-03-28", "--data", p.Data, "--today", "2027-03-03"]);

        Assert.True(code == 0, fout);
        Assert.Contains("Plaatsing CR-1 (46R01, Crisis) voor ******183: vastgelegd.", uit, StringComparison.Ordinal);
        Assert.Contains("2027-03-14 regio: vervolgperspectief crisisplaatsing CR-1 [HK-24-8-PERSPECTIEF]", uit, StringComparison.Ordinal);
        Assert.Contains("2027-03-28 regio: overbruggingszorg: geen vervolgplaatsing CR-1 [HK-24-8-MAX] (signaal)", uit, StringComparison.Ordinal);
        Assert.DoesNotContain("100002183", uit + fout, StringComparison.Ordinal);

        (code, uit, _) = Pijplijn.Run([.. Crisis, "--eind", "2027-03-28", "--vervolgperspectief", "2027-03-10", "--vervolgplaatsing", "2027-03-29",
            "--dialoog", "2027-03-04", "--regisseur", "lokaletoegang", "--data", p.Data, "--today", "2027-03-16"]);

        Assert.Equal(0, code);
        Assert.DoesNotContain("[HK-24-8", uit, StringComparison.Ordinal);
        Assert.Contains("0 open termijn(en), 0 te laat.", uit, StringComparison.Ordinal);
    }

    [Fact]
    public void HK_24_8_een_crisis_van_29_dagen_wordt_geweigerd_met_exit_1_en_niets_vastgelegd()
    {
        using var p = new Pijplijn().MetDemo();

        var (code, uit, _) = Pijplijn.Run([.. Crisis, "--eind", "2027-03-29", "--data", p.Data, "--today", "2027-03-03"]);

        Assert.Equal(1, code);
        Assert.Contains("geweigerd, niets vastgelegd", uit, StringComparison.Ordinal);
        Assert.Contains("HK-24-8 afgewezen", uit, StringComparison.Ordinal);
        Assert.Contains("0 plaatsing(en)", Pijplijn.Run("verblijf", "--gemeente", "0171", "--data", p.Data, "--today", "2027-03-03").Uit, StringComparison.Ordinal);
    }

    [Fact]
    public void Een_plaatsing_zonder_bsn_is_een_gebruiksfout()
    {
        using var p = new Pijplijn();

        var (code, _, fout) = Pijplijn.Run("verblijf", "--gemeente", "0171", "--plaatsing", "X", "--data", p.Data);

        Assert.Equal(2, code);
        Assert.Contains("--plaatsing vraagt ook --bsn, --product en --start", fout, StringComparison.Ordinal);
    }
}
