using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Verblijf;
using static Jeugdhulp.Core.Tests.Verblijf.VerblijfOmgeving;

namespace Jeugdhulp.Core.Tests.Verblijf;

public sealed class MeerzorgBeoordelenTests
{
    private static Meerzorgaanvraag Aanvraag(DateOnly tot, DateOnly? van = null) =>
        new("0034", "MZ-1", Kind, "12345678", "LVG3", 6, van ?? D("2027-03-01"), tot, D("2027-03-01"), true, Toetsstand.Positief, Toetsstand.Positief);

    [Fact]
    public void HK_24_10_zes_maanden_wordt_toegekend_als_Begeleiding_Individueel_uren_per_week()
    {
        var besluit = MeerzorgBeoordelen.Beoordeel(Aanvraag(D("2027-08-31")), Op2027, Kalender);

        Assert.Equal(Uitkomst.Toegekend, besluit.Oordeel.Uitkomst);
        Assert.Equal(["HK-24-10"], besluit.Oordeel.RegelIds);
        var t = Assert.IsType<Meerzorgtoewijzing>(besluit.Toewijzing);
        Assert.Equal("45R02", t.Product.Waarde);
        Assert.Equal(new Omvang(6, Omvang.Uur, "2"), t.Omvang);
        Assert.Equal(D("2027-08-31"), Assert.Single(besluit.Oordeel.Verplichtingen, v => v.Regel == MeerzorgBeoordelen.Duur).Vervaldatum);
    }

    [Fact]
    public void HK_24_10_zes_maanden_en_een_dag_wordt_niet_automatisch_toegekend_maar_herbeoordeeld_door_een_medewerker()
    {
        var besluit = MeerzorgBeoordelen.Beoordeel(Aanvraag(D("2027-09-01")), Op2027, Kalender);

        Assert.Equal(Uitkomst.Beoordelen, besluit.Oordeel.Uitkomst);
        Assert.Null(besluit.Toewijzing);
        Assert.Contains("ten hoogste 6 maanden", Assert.Single(besluit.Oordeel.Afwijkingen()).Melding, StringComparison.Ordinal);
    }

    [Fact]
    public void HK_24_10_het_besluit_is_binnen_2_weken_het_streven()
    {
        var besluit = MeerzorgBeoordelen.Beoordeel(Aanvraag(D("2027-08-31")), Op2027, Kalender);

        var termijn = Assert.Single(besluit.Oordeel.Verplichtingen, v => v.Regel == MeerzorgBeoordelen.Besluittermijn);
        Assert.Equal(D("2027-03-15"), termijn.Vervaldatum);
        Assert.True(termijn.Advies);
    }

    [Fact]
    public void HK_24_10_met_terugwerkende_kracht_mag()
    {
        var besluit = MeerzorgBeoordelen.Beoordeel(Aanvraag(D("2027-07-31"), van: D("2027-02-01")), Op2027, Kalender);

        Assert.Equal(Uitkomst.Toegekend, besluit.Oordeel.Uitkomst);
        Assert.Contains(besluit.Oordeel.Bevindingen, b => b.Melding.StartsWith("Met terugwerkende kracht", StringComparison.Ordinal));
    }

    [Fact]
    public void HK_24_10_zonder_hulpplan_of_met_open_toets_beslist_een_medewerker_een_negatieve_toets_wijst_af()
    {
        Assert.Equal(Uitkomst.Beoordelen, MeerzorgBeoordelen.Beoordeel(Aanvraag(D("2027-08-31")) with { Hulpplan = false }, Op2027, Kalender).Oordeel.Uitkomst);
        Assert.Equal(Uitkomst.Beoordelen, MeerzorgBeoordelen.Beoordeel(Aanvraag(D("2027-08-31")) with { OnafhankelijkeToets = Toetsstand.Open }, Op2027, Kalender).Oordeel.Uitkomst);
        var negatief = MeerzorgBeoordelen.Beoordeel(Aanvraag(D("2027-08-31")) with { FinancieleToets = Toetsstand.Negatief }, Op2027, Kalender);
        Assert.Equal(Uitkomst.Afgewezen, negatief.Oordeel.Uitkomst);
        Assert.Equal(RedenAfwijzing.Budget, negatief.Oordeel.Reden);
    }

    [Theory]
    [InlineData("LVG1", "13.72")]
    [InlineData("LVG2", "18.48")]
    [InlineData("LVG3", "24.14")]
    [InlineData("LVG4", "27.64")]
    [InlineData("LVG5", "27.64")]
    [InlineData("Begeleid Wonen", "13.72")]
    [InlineData("Begeleid Wonen Plus", "18.42")]
    [InlineData("Behandeld Wonen", "21.32")]
    [InlineData("Specialistische Behandeling (24-uurs)", "27.64")]
    public void HK_24_10_de_ZZP_tabel_telt_op_tot_de_totalen_van_de_seed(string zzp, string totaal)
    {
        var norm = Assert.Single(Op2027.Verblijf!.Meerzorg.Zzp, z => z.Naam == zzp);

        Assert.Equal(decimal.Parse(totaal, System.Globalization.CultureInfo.InvariantCulture), norm.TotaalUren);
    }

    [Fact]
    public void HK_24_10_een_onbekend_ZZP_gaat_naar_een_medewerker()
    {
        Assert.Equal(Uitkomst.Beoordelen, MeerzorgBeoordelen.Beoordeel(Aanvraag(D("2027-08-31")) with { Zzp = "LVG9" }, Op2027, Kalender).Oordeel.Uitkomst);
    }
}
