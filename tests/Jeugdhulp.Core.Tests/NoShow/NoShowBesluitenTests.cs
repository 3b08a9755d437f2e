using Jeugdhulp.Core.NoShow;
using Jeugdhulp.Core.Tests.Toewijzing;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Tests.NoShow;

public class NoShowBesluitenTests
{
    private static readonly DateOnly Vandaag = new(2027, 6, 10);
    private static readonly DateOnly Derde = new(2027, 5, 20);

    private static VastgelegdeToewijzing Toewijzing(DateOnly? eind, string? reden = null) =>
        new(42, Bsn.Parse("100002183").Waarde, AgbCode.Parse("12345678").Waarde, FlevolandRegels.P("45F21"), "45", new DateOnly(2027, 3, 1), eind,
            new Omvang(3000, "01", "6"), null, new DateOnly(2027, 2, 20), new TimeOnly(10, 0), "REF-1", VerwijzerType.Huisarts, RedenWijziging: reden);

    private static Resultaat<ToegewezenProduct?> Beoordeel(VastgelegdeToewijzing t, DateOnly? eind) =>
        NoShowBesluiten.Beoordeel(t, Derde, new NoShowBesluit(eind), Vandaag, new TimeOnly(9, 0));

    [Fact]
    public void Voortzetten_verandert_de_toewijzing_niet()
    {
        var r = Beoordeel(Toewijzing(new DateOnly(2027, 12, 31)), null);
        Assert.True(r.IsGeldig);
        Assert.Null(r.Waarde);
    }

    [Fact]
    public void Beeindigen_geeft_een_nieuwe_versie_met_de_einddatum_en_reden_verkorting()
    {
        var regel = Beoordeel(Toewijzing(new DateOnly(2027, 12, 31)), new DateOnly(2027, 6, 30)).Waarde!;
        Assert.Equal((42, new DateOnly(2027, 3, 1), (DateOnly?)new DateOnly(2027, 6, 30), "05"), (regel.ToewijzingNummer, regel.Ingangsdatum, regel.Einddatum, regel.RedenWijziging));
        Assert.Equal((Vandaag, "REF-1", 3000), (regel.Toewijzingsdatum, regel.ReferentieAanbieder, regel.Omvang!.Volume));
    }

    [Fact]
    public void Beeindigen_kan_ook_een_toewijzing_zonder_einddatum()
    {
        Assert.Equal(new DateOnly(2027, 6, 30), Beoordeel(Toewijzing(null), new DateOnly(2027, 6, 30)).Waarde!.Einddatum);
    }

    [Theory]
    [InlineData("2027-05-19", false)] // before the third no-show
    [InlineData("2027-05-20", true)] // on the day of the third no-show
    [InlineData("2027-12-30", true)] // the day before the current end
    [InlineData("2027-12-31", false)] // the current end: not an early end
    [InlineData("2028-01-31", false)] // later than the current end
    public void De_einddatum_ligt_tussen_de_derde_no_show_en_het_huidige_einde(string eind, bool geldig)
    {
        var r = Beoordeel(Toewijzing(new DateOnly(2027, 12, 31)), DateOnly.Parse(eind, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(geldig, r.IsGeldig);
        if (!geldig)
        {
            Assert.Equal("NS-BESLUIT-EINDE", Assert.Single(r.Fouten).Code);
        }
    }

    [Fact]
    public void Een_ingetrokken_toewijzing_kan_niet_worden_besloten()
    {
        Assert.Equal("NS-BESLUIT-VERWIJDERD", Assert.Single(Beoordeel(Toewijzing(new DateOnly(2027, 12, 31), "13"), null).Fouten).Code);
    }
}
