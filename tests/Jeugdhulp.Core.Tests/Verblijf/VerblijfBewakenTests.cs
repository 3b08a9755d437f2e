using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Verblijf;
using Jeugdhulp.Core.Waarden;
using static Jeugdhulp.Core.Tests.Toewijzing.FlevolandRegels;
using static Jeugdhulp.Core.Tests.Verblijf.VerblijfOmgeving;

namespace Jeugdhulp.Core.Tests.Verblijf;

public sealed class VerblijfBewakenTests
{
    private static IReadOnlyList<Verplichting> Open(Verblijfstand stand, DateOnly vandaag, DateOnly? geboren = null) =>
        TermijnenBewaken.Open(new Termijnstand([], [], new Dictionary<Bsn, DateOnly> { [Kind] = geboren ?? new DateOnly(2015, 5, 1) }, Verblijf: stand), Op2027, Kalender, vandaag);

    private static Verblijfstand Stand(params Verblijfplaatsing[] p) => new(p, [], [], []);

    [Fact]
    public void HK_24_8_de_crisistermijnen_staan_in_de_termijnbewaking_zolang_de_plaatsing_loopt()
    {
        var loopt = Open(Stand(Crisis(28)), Dag.AddDays(3));
        var voorbij = Open(Stand(Crisis(28)), Dag.AddDays(30));

        Assert.Contains(loopt, v => v.Regel == CrisisBeoordelen.Perspectief);
        Assert.Contains(loopt, v => v.Regel == CrisisBeoordelen.Maximum);
        Assert.DoesNotContain(voorbij, v => v.Regel.StartsWith("HK-24-8", StringComparison.Ordinal));
    }

    [Fact]
    public void HK_24_AANMELDING_18_drie_maanden_voor_de_18e_verjaardag_bij_verblijf_dat_doorloopt()
    {
        var p = new Verblijfplaatsing("0034", "BW-1", Kind, P("43R01"), Plaatsingsroute.Regulier, Dag, null);
        var geboren = new DateOnly(2009, 9, 1);

        var item = Assert.Single(Open(Stand(p), D("2027-04-15"), geboren), v => v.Regel == VerblijfBewaken.Aanmelding18);
        Assert.Equal(D("2027-06-01"), item.Vervaldatum);
        Assert.Empty(Open(Stand(p with { AangemeldNa18 = D("2027-05-01") }), D("2027-05-15"), geboren));
        Assert.Empty(Open(Stand(p with { Einde = D("2027-08-31") }), D("2027-05-15"), geboren));
    }

    [Fact]
    public void HK_24_10_meerzorgbesluit_en_herbeoordeling_worden_bewaakt()
    {
        var aanvraag = new Meerzorgaanvraag("0034", "MZ-1", Kind, "12345678", "LVG3", 6, D("2027-03-01"), D("2027-08-31"), D("2027-03-01"), true, Toetsstand.Open, Toetsstand.Open);
        var stand = new Verblijfstand([], [aanvraag], [new Meerzorgtoekenning("0034", "MZ-0", Kind, D("2027-04-30"), false)], []);

        var open = Open(stand, D("2027-03-20"));

        Assert.Equal(D("2027-03-15"), Assert.Single(open, v => v.Regel == MeerzorgBeoordelen.Besluittermijn).Vervaldatum);
        Assert.Equal(D("2027-04-30"), Assert.Single(open, v => v.Regel == MeerzorgBeoordelen.Duur).Vervaldatum);
    }
}
