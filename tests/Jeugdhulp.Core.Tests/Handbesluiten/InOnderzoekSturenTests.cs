using Jeugdhulp.Core.Handbesluiten;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Werkdagen;
using Jeugdhulp.Core.Tests.Toewijzing;

namespace Jeugdhulp.Core.Tests.Handbesluiten;

public class InOnderzoekSturenTests
{
    private static readonly Werkdagenkalender Kalender = new(FlevolandRegels.Catalogus.ExtraVrijeDagen);
    private static readonly DateOnly Ontvangen = new(2027, 3, 1); // Monday; 5 werkdagen later: Monday 8 March

    private static Core.Regels.Regelset Regels => FlevolandRegels.Catalogus.OpDatum(new DateOnly(2027, 3, 8));

    [Fact]
    public void Binnen_de_termijn_mag_in_onderzoek_met_een_nieuwe_termijn_van_acht_weken_na_ontvangst()
    {
        var besluit = InOnderzoekSturen.Beslis(Ontvangen, null, Regels, Kalender, new DateOnly(2027, 3, 8));

        Assert.True(besluit.Toegestaan);
        Assert.Equal(new DateOnly(2027, 3, 8), besluit.Uiterlijk);
        Assert.Equal(new DateOnly(2027, 4, 26), besluit.NieuweTermijn);
        Assert.Equal(["TR360", "HK-315-3"], besluit.Bevindingen.Select(b => b.RegelId));
        Assert.Equal("in-onderzoek", besluit.Bevindingen[^1].Code);
        Assert.Contains("uiterlijk 26-04-2027", besluit.Bevindingen[^1].Melding, StringComparison.Ordinal);
    }

    [Fact]
    public void Na_de_termijn_mag_het_nog_maar_de_bevinding_zegt_dat_het_te_laat_is()
    {
        var besluit = InOnderzoekSturen.Beslis(Ontvangen, null, Regels, Kalender, new DateOnly(2027, 3, 10));
        Assert.True(besluit.Toegestaan);
        Assert.Equal("in-onderzoek-na-termijn", besluit.Bevindingen[^1].Code);
    }

    [Fact]
    public void Een_tweede_keer_wordt_geweigerd_op_TR360()
    {
        var besluit = InOnderzoekSturen.Beslis(Ontvangen, new DateOnly(2027, 3, 5), Regels, Kalender, new DateOnly(2027, 3, 8));
        Assert.False(besluit.Toegestaan);
        var b = Assert.Single(besluit.Bevindingen);
        Assert.Equal(("TR360", Uitkomst.Afgewezen, "al-in-onderzoek"), (b.RegelId, b.Uitkomst, b.Code));
    }

    [Fact]
    public void Als_ook_de_nieuwe_termijn_voorbij_is_wordt_het_geweigerd()
    {
        var besluit = InOnderzoekSturen.Beslis(Ontvangen, null, Regels, Kalender, new DateOnly(2027, 4, 26));
        Assert.False(besluit.Toegestaan);
        Assert.Equal("onderzoekstermijn-voorbij", Assert.Single(besluit.Bevindingen).Code);
    }

    [Theory]
    [InlineData("2027-03-05", null, false)] // 4th werkdag
    [InlineData("2027-03-08", null, true)]  // 5th werkdag: the last day of the term
    [InlineData("2027-03-09", null, false)] // overdue: the link stays on the item, the watch no longer offers it as "today"
    [InlineData("2027-03-08", "2027-03-04", false)] // already sent
    public void De_termijnbewaking_biedt_het_aan_op_de_vijfde_werkdag(string vandaag, string? eerder, bool aangeboden)
    {
        var dag = DateOnly.Parse(vandaag, System.Globalization.CultureInfo.InvariantCulture);
        DateOnly? al = eerder is null ? null : DateOnly.Parse(eerder, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(aangeboden, InOnderzoekSturen.Aanbieden(Ontvangen, al, Regels, Kalender, dag));
    }

    [Fact]
    public void Na_in_onderzoek_bewaakt_de_termijnlijst_de_nieuwe_termijn()
    {
        var client = Omgeving.Kind;
        var stand = new Termijnstand(
            [new WachtendVerzoek("JW315", "0034", "12345678", client, "R-1", Ontvangen),
             new WachtendVerzoek("JW315", "0034", "12345678", client, "R-2", Ontvangen, InOnderzoekTot: new DateOnly(2027, 4, 26))], [], new Dictionary<Core.Waarden.Bsn, DateOnly>());
        var open = TermijnenBewaken.Open(stand, Regels, Kalender, new DateOnly(2027, 3, 8)).Where(v => v.Verwacht == "JW301/JW319").ToList();

        Assert.Contains(open, v => v.Referentie == "R-1" && v.Regel == "HK-315-3" && v.Vervaldatum == new DateOnly(2027, 3, 8) && InOnderzoekSturen.Aanbieden(v, new DateOnly(2027, 3, 8)));
        Assert.Contains(open, v => v.Referentie == "R-2" && v.Regel == InOnderzoekSturen.Termijnregel && v.Vervaldatum == new DateOnly(2027, 4, 26) && !InOnderzoekSturen.Aanbieden(v, new DateOnly(2027, 3, 8)));
    }
}
