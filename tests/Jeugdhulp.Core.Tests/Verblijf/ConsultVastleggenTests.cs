using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Verblijf;
using static Jeugdhulp.Core.Tests.Verblijf.VerblijfOmgeving;

namespace Jeugdhulp.Core.Tests.Verblijf;

public sealed class ConsultVastleggenTests
{
    private static Consultaanvraag Aanvraag(DateOnly ingediend, string vraag = "Past 24-uurs zorg?") =>
        new("0034", "C-1", "Jongen, 14, Almere", vraag, ingediend, D("2027-03-15"));

    [Fact]
    public void HK_24_6_twee_weken_vooraf_geeft_geen_signaal()
    {
        var oordeel = ConsultVastleggen.Aanvraag(Aanvraag(D("2027-03-01")), Op2027, Kalender);

        Assert.Equal(Uitkomst.Toegekend, oordeel.Uitkomst);
        Assert.Empty(oordeel.Verplichtingen);
    }

    [Fact]
    public void HK_24_6_korter_vooraf_is_een_signaal_geen_afwijzing()
    {
        var oordeel = ConsultVastleggen.Aanvraag(Aanvraag(D("2027-03-02")), Op2027, Kalender);

        Assert.Equal(Uitkomst.Toegekend, oordeel.Uitkomst);
        var signaal = Assert.Single(oordeel.Verplichtingen);
        Assert.True(signaal.Advies);
        Assert.Equal(D("2027-03-01"), signaal.Vervaldatum);
    }

    [Fact]
    public void HK_24_6_zonder_concrete_vraag_is_de_aanvraag_niet_compleet()
    {
        Assert.Equal(Uitkomst.Afgewezen, ConsultVastleggen.Aanvraag(Aanvraag(D("2027-03-01"), vraag: " "), Op2027, Kalender).Uitkomst);
    }

    [Theory]
    [InlineData(Consultuitkomst.Opschalen, "opschalen")]
    [InlineData(Consultuitkomst.LokaalOplossen, "lokaal oplossen")]
    [InlineData(Consultuitkomst.NaderOnderzoek, "apart lokaal besluit")]
    [InlineData(Consultuitkomst.Expertteam, "expertteamtafel")]
    public void HK_24_6_de_uitkomst_wordt_vastgelegd(Consultuitkomst uitkomst, string tekst)
    {
        var b = ConsultVastleggen.Vastleggen(uitkomst);

        Assert.Equal("HK-24-6", b.RegelId);
        Assert.Contains(tekst, b.Melding, StringComparison.Ordinal);
    }
}
