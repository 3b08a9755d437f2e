using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Tests.Toewijzing;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Verblijf;
using static Jeugdhulp.Core.Tests.Verblijf.VerblijfOmgeving;

namespace Jeugdhulp.Core.Tests.Verblijf;

public sealed class MoederKindtoeslagBepalenTests
{
    private static MoederKindgebruik Gebruik(DateOnly van, DateOnly tot, string? besluit = "TW-77") =>
        new("0034", "MK-1", Kind, "12345678", besluit, van, tot, null);

    [Fact]
    public void HK_24_11_84_03_per_etmaal_tegen_de_prijs_van_het_jaar()
    {
        var regels = FlevolandRegels.Catalogus.OpDatum(D("2019-11-01"));

        var toeslag = MoederKindtoeslagBepalen.Bepaal(Gebruik(D("2019-11-01"), D("2019-11-30")), regels, Kalender);

        Assert.Equal(Uitkomst.Toegekend, toeslag.Oordeel.Uitkomst);
        Assert.Equal(30 * 84.03m, toeslag.Totaal);
    }

    [Fact]
    public void HK_24_11_elk_jaar_zijn_eigen_geindexeerde_tarief_uit_de_regeldata()
    {
        var catalogus = FlevolandRegels.Catalogus with
        {
            Verblijf = [.. FlevolandRegels.Catalogus.Verblijf.Select(v => v with { MoederKindtoeslag = [new MoederKindTarief(2019, 84.03m), new MoederKindTarief(2020, 86.00m)] })],
        };

        var toeslag = MoederKindtoeslagBepalen.Bepaal(Gebruik(D("2019-12-31"), D("2020-01-02")), catalogus.OpDatum(D("2019-12-31")), Kalender);

        Assert.Equal([(2019, 1, 84.03m), (2020, 2, 172.00m)], toeslag.Bedragen);
    }

    [Fact]
    public void HK_24_11_een_jaar_zonder_tarief_krijgt_geen_bedrag_maar_een_medewerker()
    {
        var toeslag = MoederKindtoeslagBepalen.Bepaal(Gebruik(D("2027-03-01"), D("2027-03-31")), Op2027, Kalender);

        Assert.Equal(Uitkomst.Beoordelen, toeslag.Oordeel.Uitkomst);
        Assert.Empty(toeslag.Bedragen);
    }

    [Fact]
    public void HK_24_11_alleen_op_het_jeugdhulpbesluit_van_de_moeder()
    {
        var toeslag = MoederKindtoeslagBepalen.Bepaal(Gebruik(D("2019-11-01"), D("2019-11-30"), besluit: null), FlevolandRegels.Catalogus.OpDatum(D("2019-11-01")), Kalender);

        Assert.Equal(Uitkomst.Afgewezen, toeslag.Oordeel.Uitkomst);
        Assert.Equal("HK-24-11", Assert.Single(toeslag.Oordeel.Bevindingen).RegelId);
        Assert.Empty(toeslag.Bedragen);
    }

    [Fact]
    public void HK_24_11_de_rapportage_is_na_3_maanden_een_termijn_tot_hij_binnen_is()
    {
        var open = MoederKindtoeslagBepalen.Bepaal(Gebruik(D("2027-03-01"), D("2027-12-31")), Op2027, Kalender);
        var binnen = MoederKindtoeslagBepalen.Bepaal(Gebruik(D("2027-03-01"), D("2027-12-31")) with { Rapportage = D("2027-05-30") }, Op2027, Kalender);

        var termijn = Assert.Single(open.Oordeel.Verplichtingen);
        Assert.Equal(("HK-24-11", D("2027-06-01"), Partij.Aanbieder), (termijn.Regel, termijn.Vervaldatum, termijn.Partij));
        Assert.Empty(binnen.Oordeel.Verplichtingen);
    }
}
