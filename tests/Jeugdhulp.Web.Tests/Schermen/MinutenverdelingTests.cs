using Jeugdhulp.Web.Components.Pages.Grafieken;
using Jeugdhulp.Web.Schermen;

namespace Jeugdhulp.Web.Tests.Schermen;

public sealed class MinutenverdelingTests
{
    [Fact]
    public void Totaal_wordt_naar_dagen_over_de_maanden_verdeeld()
    {
        // 1 March to 30 April: 31 + 30 = 61 days; 6100 minutes in total is 100 per day.
        var m = Minutenverdeling.PerMaand(6100, "6", new DateOnly(2027, 3, 1), new DateOnly(2027, 4, 30), 2027)!;
        Assert.Equal(3100, m[2], 6);
        Assert.Equal(3000, m[3], 6);
        Assert.Equal(6100, m.Sum(), 6);
    }

    [Theory]
    [InlineData("2", 70, 31 * 10.0)]
    [InlineData("4", 500, 500.0)]
    [InlineData("1", 5, 31 * 5.0)]
    public void Per_week_per_maand_en_per_dag_tellen_de_dagen_in_de_maand(string frequentie, long volume, double maart)
    {
        var m = Minutenverdeling.PerMaand(volume, frequentie, new DateOnly(2027, 1, 1), null, 2027)!;
        Assert.Equal(maart, m[2], 6);
    }

    [Fact]
    public void Totaal_zonder_einddatum_is_niet_te_verdelen_en_buiten_het_jaar_telt_niets()
    {
        Assert.Null(Minutenverdeling.PerMaand(100, "6", new DateOnly(2027, 1, 1), null, 2027));
        Assert.All(Minutenverdeling.PerMaand(100, "6", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 2027)!, x => Assert.Equal(0, x));
    }

    [Fact]
    public void Een_toewijzing_in_uren_staat_in_minuten_naast_de_gedeclareerde_minuten()
    {
        // Seed 000 "Zorgtoewijzing": allocated in hours, declared in minutes; the chart compares like with like.
        var toegewezen = Minutenverdeling.Toegewezen(new Core.Toewijzing.Omvang(61, "04", "6"), new DateOnly(2027, 3, 1), new DateOnly(2027, 4, 30), 2027)!;
        var gedeclareerd = Minutenverdeling.Gedeclareerd(1800, "01", credit: false, new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 31), 2027);

        Assert.Equal(31 * 60, toegewezen[2], 6);
        Assert.Equal(61 * 60, toegewezen.Sum(), 6);
        Assert.Equal(1800, gedeclareerd[2], 6);
        Assert.All(Minutenverdeling.Toegewezen(new Core.Toewijzing.Omvang(1, "84", "6"), new DateOnly(2027, 3, 1), new DateOnly(2027, 4, 30), 2027)!, x => Assert.Equal(0, x));
    }

    [Fact]
    public void Een_credit_neemt_zijn_minuten_terug()
    {
        var debet = Minutenverdeling.Gedeclareerd(100, "01", credit: false, new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 31), 2027);
        var credit = Minutenverdeling.Gedeclareerd(100, "01", credit: true, new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 31), 2027);

        Assert.Equal(0, debet[2] + credit[2], 6);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(430, 500)]
    [InlineData(5760, 10000)]
    [InlineData(1999, 2000)]
    public void As_eindigt_op_een_rond_getal(double max, double schaal) => Assert.Equal(schaal, GrafiekenEindpunten.NetteSchaal(max));
}
