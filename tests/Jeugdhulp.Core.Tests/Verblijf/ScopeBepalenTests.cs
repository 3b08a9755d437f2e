using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Verblijf;
using static Jeugdhulp.Core.Tests.Toewijzing.FlevolandRegels;
using static Jeugdhulp.Core.Tests.Verblijf.VerblijfOmgeving;

namespace Jeugdhulp.Core.Tests.Verblijf;

public sealed class ScopeBepalenTests
{
    private static Verblijfoordeel Scope(string product, decimal perWeek, bool afschalen = false, DateOnly? geboren = null) =>
        ScopeBepalen.Bepaal(new Verblijfaanvraag(P(product), Dag, perWeek, afschalen, geboren ?? new DateOnly(2015, 1, 1)), Op2027);

    [Theory]
    [InlineData(3.5, Uitkomst.Afgewezen)]
    [InlineData(4, Uitkomst.Toegekend)]
    [InlineData(7, Uitkomst.Toegekend)]
    public void HK_24_1_minder_dan_4_etmalen_per_week_is_kortdurend_en_lokaal(decimal perWeek, Uitkomst verwacht)
    {
        var oordeel = Scope("43R01", perWeek);

        Assert.Equal(verwacht, oordeel.Uitkomst);
        Assert.Contains("HK-24-1", oordeel.RegelIds);
        if (verwacht == Uitkomst.Afgewezen)
        {
            Assert.Equal(RedenAfwijzing.PastNietBinnenContract, oordeel.Reden);
        }
    }

    [Fact]
    public void Het_gemiddelde_per_week_volgt_uit_etmalen_en_periode()
    {
        Assert.Equal(3.5m, Verblijfdagen.PerWeek(7, D("2027-03-01"), D("2027-03-14")));
        Assert.Equal(4m, Verblijfdagen.PerWeek(8, D("2027-03-01"), D("2027-03-14")));
    }

    [Theory]
    [InlineData("43R01")]
    [InlineData("44R01")]
    [InlineData("44R02")]
    [InlineData("44R03")]
    [InlineData("43R02")]
    [InlineData("43R03")]
    [InlineData("43R04")]
    [InlineData("43R05")]
    [InlineData("46R01")]
    public void HK_24_2_de_producten_van_het_samenwerkingsverband_vallen_binnen_de_scope(string product)
    {
        var oordeel = Scope(product, 7);

        Assert.Equal(Uitkomst.Toegekend, oordeel.Uitkomst);
        Assert.Equal("HK-24-2", oordeel.Bevindingen[0].RegelId);
    }

    [Fact]
    public void HK_24_2_een_product_buiten_de_scope_wordt_afgewezen_met_de_reden_uit_de_regeldata()
    {
        // Logeren is out of scope by its lot (verblijf.json buitenScope → LOGEREN); the test adds a code to that lot.
        var catalogus = Catalogus with
        {
            Producten = [.. Catalogus.Producten, Catalogus.Producten.Single(p => p.Code.Waarde == "43R01") with { Code = P("44L01"), Perceel = "LOGEREN", Naam = "Logeren" }],
        };
        var oordeel = ScopeBepalen.Bepaal(new Verblijfaanvraag(P("44L01"), Dag, 7, false, null), catalogus.OpDatum(Dag));

        Assert.Equal(Uitkomst.Afgewezen, oordeel.Uitkomst);
        var b = Assert.Single(oordeel.Bevindingen);
        Assert.Equal("HK-24-2", b.RegelId);
        Assert.Contains("ook logeren, is lokale jeugdhulp", b.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public void HK_24_2_een_ambulant_product_is_geen_24_uurs_jeugdhulp()
    {
        var oordeel = Scope("45F21", 7);

        Assert.Equal(Uitkomst.Afgewezen, oordeel.Uitkomst);
        Assert.Equal("HK-24-2", Assert.Single(oordeel.Bevindingen).RegelId);
    }

    [Theory]
    [InlineData(true, Uitkomst.Toegekend)]
    [InlineData(false, Uitkomst.Afgewezen)]
    public void HK_24_5_intensief_ambulant_is_alleen_regionaal_bij_afschalen_ook_onder_4_etmalen(bool afschalen, Uitkomst verwacht)
    {
        var oordeel = Scope("45R01", 2, afschalen);

        Assert.Equal(verwacht, oordeel.Uitkomst);
        Assert.Contains("HK-24-5", oordeel.RegelIds);
        Assert.DoesNotContain("HK-24-1", oordeel.RegelIds);
    }

    [Theory]
    [InlineData("2010-03-02", Uitkomst.Toegekend)] // 16
    [InlineData("2009-03-02", Uitkomst.Toegekend)] // 17
    [InlineData("2009-03-01", Uitkomst.Toegekend)] // 18: young adult
    [InlineData("2004-03-02", Uitkomst.Toegekend)] // 22
    [InlineData("2004-03-01", Uitkomst.Afgewezen)] // 23
    public void HK_24_4_begeleid_wonen_tot_17_of_als_jongvolwassene_18_tot_en_met_22(string geboren, Uitkomst verwacht)
    {
        var oordeel = Scope("44R01", 7, geboren: D(geboren));

        Assert.Equal(verwacht, oordeel.Uitkomst);
        Assert.Contains("HK-24-4", oordeel.RegelIds);
        if (verwacht == Uitkomst.Afgewezen)
        {
            Assert.Equal(RedenAfwijzing.Leeftijdsgrens, oordeel.Reden);
        }
    }

    [Fact]
    public void HK_24_4_geldt_niet_voor_andere_verblijfsvormen()
    {
        Assert.DoesNotContain("HK-24-4", Scope("43R01", 7, geboren: D("2000-01-01")).RegelIds);
    }
}
