using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Verblijf;
using static Jeugdhulp.Core.Tests.Toewijzing.FlevolandRegels;
using static Jeugdhulp.Core.Tests.Verblijf.VerblijfOmgeving;

namespace Jeugdhulp.Core.Tests.Verblijf;

public sealed class VoorwaardenToetsenTests
{
    private static Verblijfplaatsing Regulier() => new("0034", "BW-1", Kind, P("43R01"), Plaatsingsroute.Regulier, Dag, Dag.AddMonths(6));

    [Fact]
    public void HK_24_3_met_beschikking_dialoog_en_regisseur_is_de_toewijzing_compleet()
    {
        var oordeel = VoorwaardenToetsen.Toets(Regulier() with { Beschikking = Dag, Dialoog = Dag.AddDays(-7), Regisseur = Regisseur.LokaleToegang }, Op2027, Kalender);

        Assert.Equal(Uitkomst.Toegekend, oordeel.Uitkomst);
        Assert.Equal(["HK-24-3", "HK-24-9"], oordeel.RegelIds);
        Assert.Empty(oordeel.Verplichtingen);
    }

    [Fact]
    public void HK_24_3_zonder_beschikking_of_dialoog_beslist_een_medewerker()
    {
        var zonderBeschikking = VoorwaardenToetsen.Toets(Regulier() with { Dialoog = Dag, Regisseur = Regisseur.LokaleToegang }, Op2027, Kalender);
        var zonderDialoog = VoorwaardenToetsen.Toets(Regulier() with { Beschikking = Dag, Regisseur = Regisseur.LokaleToegang }, Op2027, Kalender);

        Assert.Equal(Uitkomst.Beoordelen, zonderBeschikking.Uitkomst);
        Assert.Equal(Uitkomst.Beoordelen, zonderDialoog.Uitkomst);
        Assert.All([.. zonderBeschikking.Afwijkingen(), .. zonderDialoog.Afwijkingen()], b => Assert.Equal("HK-24-3", b.RegelId));
    }

    [Theory]
    [InlineData(Plaatsingsroute.Crisis)]
    [InlineData(Plaatsingsroute.Gedwongen)]
    public void HK_24_3_en_HK_24_9_bij_crisis_en_spoedmachtiging_volgen_dialoog_en_regisseur_als_termijn(Plaatsingsroute route)
    {
        var oordeel = VoorwaardenToetsen.Toets(Crisis(10, route) with { Beschikking = Dag }, Op2027, Kalender);

        Assert.Equal(Uitkomst.Toegekend, oordeel.Uitkomst);
        var dialoog = Assert.Single(oordeel.Verplichtingen, v => v.Regel == VoorwaardenToetsen.DialoogTermijn);
        Assert.Equal(Kalender.Plus(Dag, 5), dialoog.Vervaldatum);
        Assert.Equal(Dag.AddDays(13), Assert.Single(oordeel.Verplichtingen, v => v.Regel == VoorwaardenToetsen.RegisseurTermijn).Vervaldatum);
    }

    [Theory]
    [InlineData(Plaatsingsroute.Regulier, Regisseur.LokaleToegang, Uitkomst.Toegekend)]
    [InlineData(Plaatsingsroute.Regulier, Regisseur.Gi, Uitkomst.Beoordelen)]
    [InlineData(Plaatsingsroute.Gedwongen, Regisseur.Gi, Uitkomst.Toegekend)]
    [InlineData(Plaatsingsroute.Gedwongen, Regisseur.LokaleToegang, Uitkomst.Beoordelen)]
    public void HK_24_9_vrijwillig_de_lokale_toegang_gedwongen_de_GI(Plaatsingsroute route, Regisseur regisseur, Uitkomst verwacht)
    {
        var p = (route == Plaatsingsroute.Regulier ? Regulier() : Crisis(10, route)) with { Beschikking = Dag, Dialoog = Dag, Regisseur = regisseur };

        var oordeel = VoorwaardenToetsen.Toets(p, Op2027, Kalender);

        Assert.Equal(verwacht, oordeel.Uitkomst);
        Assert.Contains("HK-24-9", oordeel.RegelIds);
    }

    [Fact]
    public void HK_24_9_zonder_regisseur_bij_een_reguliere_plaatsing_beslist_een_medewerker()
    {
        var oordeel = VoorwaardenToetsen.Toets(Regulier() with { Beschikking = Dag, Dialoog = Dag }, Op2027, Kalender);

        Assert.Equal("HK-24-9", Assert.Single(oordeel.Afwijkingen()).RegelId);
    }
}

internal static class OordeelTest
{
    public static IEnumerable<Bevinding> Afwijkingen(this Verblijfoordeel o) => o.Bevindingen.Where(b => b.Uitkomst != Uitkomst.Toegekend);
}
