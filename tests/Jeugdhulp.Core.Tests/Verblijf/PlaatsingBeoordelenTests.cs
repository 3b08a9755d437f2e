using Jeugdhulp.Core.Tests.Toewijzing;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Verblijf;
using static Jeugdhulp.Core.Tests.Verblijf.VerblijfOmgeving;

namespace Jeugdhulp.Core.Tests.Verblijf;

public sealed class PlaatsingBeoordelenTests
{
    [Fact]
    public void Een_crisisplaatsing_krijgt_de_crisisregels_en_de_voorwaarden_met_beider_termijnen()
    {
        var o = PlaatsingBeoordelen.Beoordeel(Crisis(29), Op2027, Kalender);

        Assert.Equal(Uitkomst.Afgewezen, o.Uitkomst);
        Assert.Equal(["HK-24-8", "HK-24-3", "HK-24-9"], o.RegelIds);
        Assert.Contains(o.Verplichtingen, v => v.Regel == CrisisBeoordelen.Perspectief);
        Assert.Contains(o.Verplichtingen, v => v.Regel == VoorwaardenToetsen.DialoogTermijn);
    }

    [Fact]
    public void Een_reguliere_plaatsing_krijgt_alleen_de_voorwaarden()
    {
        var p = new Verblijfplaatsing("0034", "BW-1", Kind, FlevolandRegels.P("43R01"), Plaatsingsroute.Regulier, Dag, null)
        {
            Beschikking = Dag,
            Dialoog = Dag.AddDays(-7),
            Regisseur = Regisseur.LokaleToegang,
        };

        var o = PlaatsingBeoordelen.Beoordeel(p, Op2027, Kalender);

        Assert.Equal(Uitkomst.Toegekend, o.Uitkomst);
        Assert.DoesNotContain("HK-24-8", o.RegelIds);
        Assert.Empty(o.Verplichtingen);
    }

    [Fact]
    public void Een_gemeente_ziet_alleen_haar_eigen_verblijfsrecords()
    {
        var stand = new Verblijfstand([Crisis(10), Crisis(10) with { Gemeente = "0184" }], [], [], []);

        Assert.Equal("0184", Assert.Single(stand.VoorGemeente("0184").Plaatsingen).Gemeente);
    }
}
