using Jeugdhulp.Core.Handbesluiten;
using Jeugdhulp.Core.Toewijzing;
using static Jeugdhulp.Core.Tests.Toewijzing.Omgeving;

namespace Jeugdhulp.Core.Tests.Handbesluiten;

public class WijzigingToekennenTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd");

    /// <summary>A six-month allocation of 3000 minutes from a medical referral.</summary>
    private static VastgelegdeToewijzing ZesMaanden() => Tw(100, Kind, "45F21", D("2027-01-01"), D("2027-06-30"), 3000);

    private static Wijzigingsvoorstel Voorstel(int minuten) =>
        new VerzoekOmWijzigingBeoordelen(Bronnen()).Voorstel(
            Jw317(Kind, teWijzigen: [new TeWijzigenProduct(100, D("2027-05-01"), null, Minuten(minuten))]), Toestand(ZesMaanden()), VolgendNummer);

    [Fact]
    public void Een_verzoek_in_beoordeling_wordt_als_geheel_toegekend_met_een_JW301_voor_de_hele_situatie()
    {
        var voorstel = Voorstel(11521); // above category B: the engine leaves it to a person (HK-PRD-3)
        Assert.Equal(Uitkomst.Beoordelen, voorstel.Besluit.Uitkomst);
        Assert.Empty(voorstel.Besluit.Toewijzingen);

        var toekenning = WijzigingToekennen.Beslis(voorstel);

        Assert.True(toekenning.Toegestaan);
        var regel = Assert.Single(toekenning.Regels);
        Assert.Equal((100, 11521, "04"), (regel.ToewijzingNummer, regel.Omvang!.Volume, regel.RedenWijziging));
        var eigen = toekenning.Bevindingen[^1];
        Assert.Equal(("HK-301-2", Uitkomst.Toegekend, "hand-toegekend"), (eigen.RegelId, eigen.Uitkomst, eigen.Code));
        Assert.Contains("HK-PRD-3", eigen.Melding, StringComparison.Ordinal);
        Assert.Contains("HK-PRD-3", toekenning.RegelIds);
    }

    [Fact]
    public void Een_verzoek_dat_nu_wordt_afgewezen_kan_niet_met_de_hand_worden_toegekend()
    {
        // The allocation is not this client's any more (e.g. withdrawn since receipt): HK-317-2 rejects.
        var voorstel = new VerzoekOmWijzigingBeoordelen(Bronnen()).Voorstel(
            Jw317(Kind, teWijzigen: [new TeWijzigenProduct(999, D("2027-05-01"), null, Minuten(4000))]), Toestand(ZesMaanden()), VolgendNummer);

        var toekenning = WijzigingToekennen.Beslis(voorstel);

        Assert.False(toekenning.Toegestaan);
        Assert.Empty(toekenning.Regels);
        var eigen = toekenning.Bevindingen[^1];
        Assert.Equal(("HK-301-2", Uitkomst.Afgewezen, "niet-toe-te-kennen"), (eigen.RegelId, eigen.Uitkomst, eigen.Code));
        Assert.Contains("HK-317-2", eigen.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public void Het_voorstel_van_de_engine_is_gelijk_aan_zijn_eigen_toekenning()
    {
        var voorstel = Voorstel(4000);
        Assert.Equal(Uitkomst.Toegekend, voorstel.Besluit.Uitkomst);
        Assert.Equal(voorstel.Besluit.Toewijzingen, voorstel.Regels);
        Assert.True(WijzigingToekennen.Beslis(voorstel).Toegestaan);
    }
}
