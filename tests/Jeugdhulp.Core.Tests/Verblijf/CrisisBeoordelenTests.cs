using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Verblijf;
using static Jeugdhulp.Core.Tests.Verblijf.VerblijfOmgeving;

namespace Jeugdhulp.Core.Tests.Verblijf;

public sealed class CrisisBeoordelenTests
{
    [Theory]
    [InlineData(1, Uitkomst.Toegekend)]
    [InlineData(28, Uitkomst.Toegekend)]
    [InlineData(29, Uitkomst.Afgewezen)]
    public void HK_24_8_een_crisisplaatsing_duurt_1_tot_28_dagen(int dagen, Uitkomst verwacht)
    {
        var oordeel = CrisisBeoordelen.Beoordeel(Crisis(dagen), Op2027);

        Assert.Equal(verwacht, oordeel.Uitkomst);
        Assert.Equal("HK-24-8", oordeel.Bevindingen[0].RegelId);
    }

    [Fact]
    public void HK_24_8_een_te_lange_crisisplaatsing_is_een_bevinding_als_gegevens_met_haar_tekst_uit_de_tabel()
    {
        var bevinding = CrisisBeoordelen.Beoordeel(Crisis(29), Op2027).Bevindingen[0];

        Assert.Equal(("HK-24-8", "buiten-duur", RedenAfwijzing.PastNietBinnenContract), (bevinding.RegelId, bevinding.Code, bevinding.Reden));
        Assert.Equal([("max", "28"), ("uiterst", $"{Dag.AddDays(27):yyyy-MM-dd}"), ("dagen", "29")], bevinding.Parameters.Select(p => (p.Naam, p.Waarde)));
        Assert.Equal($"Een crisisplaatsing duurt 1 tot 28 dagen (uiterlijk t/m {Dag.AddDays(27):dd-MM-yyyy}); gevraagd zijn 29 dagen.", bevinding.Melding);
    }

    [Fact]
    public void HK_24_8_een_crisisplaatsing_zonder_einddatum_wordt_afgewezen()
    {
        var oordeel = CrisisBeoordelen.Beoordeel(Crisis(1) with { Einde = null }, Op2027);

        Assert.Equal(Uitkomst.Afgewezen, oordeel.Uitkomst);
    }

    [Fact]
    public void HK_24_8_vervolgperspectief_op_dag_14_en_overbrugging_gesignaleerd_op_dag_28()
    {
        var oordeel = CrisisBeoordelen.Beoordeel(Crisis(28), Op2027);

        var perspectief = Assert.Single(oordeel.Verplichtingen, v => v.Regel == CrisisBeoordelen.Perspectief);
        Assert.Equal(Dag.AddDays(13), perspectief.Vervaldatum);
        var overbrugging = Assert.Single(oordeel.Verplichtingen, v => v.Regel == CrisisBeoordelen.Maximum);
        Assert.Equal(Dag.AddDays(27), overbrugging.Vervaldatum);
        Assert.True(overbrugging.Advies);
    }

    [Fact]
    public void HK_24_8_met_perspectief_en_vervolgplaatsing_staat_niets_meer_open()
    {
        var oordeel = CrisisBeoordelen.Beoordeel(Crisis(20) with { Vervolgperspectief = Dag.AddDays(5), Vervolgplaatsing = Dag.AddDays(20) }, Op2027);

        Assert.Empty(oordeel.Verplichtingen);
    }

    [Theory]
    [InlineData(Plaatsingsroute.VeiligThuis, CrisisBeoordelen.EvaluatieVeiligThuis)]
    [InlineData(Plaatsingsroute.Gedwongen, CrisisBeoordelen.EvaluatieGedwongen)]
    public void HK_24_8_de_evaluatie_van_de_crisisroutes_is_uiterlijk_dag_14(Plaatsingsroute route, string termijn)
    {
        var oordeel = CrisisBeoordelen.Beoordeel(Crisis(28, route), Op2027);

        Assert.Equal(Dag.AddDays(13), Assert.Single(oordeel.Verplichtingen, v => v.Regel == termijn).Vervaldatum);
        Assert.DoesNotContain(CrisisBeoordelen.Beoordeel(Crisis(28), Op2027).Verplichtingen, v => v.Regel == termijn);
    }
}
