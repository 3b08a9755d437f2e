using Jeugdhulp.Core.NoShow;
using Jeugdhulp.Core.Tests.Toewijzing;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Core.Werkdagen;

namespace Jeugdhulp.Core.Tests.NoShow;

public class NoShowRegistrerenTests
{
    private static readonly AgbCode Aanbieder = AgbCode.Parse("12345678").Waarde;
    private static readonly Bsn Client = Bsn.Parse("100002183").Waarde;
    private static readonly Werkdagenkalender Kalender = new(FlevolandRegels.Catalogus.ExtraVrijeDagen);
    private static readonly DateOnly Vandaag = new(2027, 6, 1);

    private static VastgelegdeToewijzing Toewijzing(string product = "45F21", int nummer = 42, string? reden = null, DateOnly? eind = null) =>
        new(nummer, Client, Aanbieder, FlevolandRegels.P(product), "45", new DateOnly(2027, 3, 1), eind ?? new DateOnly(2027, 12, 31),
            new Omvang(3000, "01", "6"), null, new DateOnly(2027, 2, 20), new TimeOnly(10, 0), "REF-1", VerwijzerType.Huisarts, RedenWijziging: reden);

    private static NoShowMelding Melding(string datum = "2027-05-10", int nummer = 42, string? product = null) =>
        new(Aanbieder, Client, nummer, D(datum), product is null ? null : FlevolandRegels.P(product));

    private static Resultaat<NoShowUitslag> Beoordeel(NoShowMelding melding, VastgelegdeToewijzing? toewijzing, params EerdereNoShow[] eerdere) =>
        NoShowRegistreren.Beoordeel(melding, toewijzing, eerdere, FlevolandRegels.Catalogus, Kalender, Vandaag);

    private static EerdereNoShow Eerder(string datum, string product = "45F21", int nummer = 42) => new(nummer, FlevolandRegels.P(product), D(datum));

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static void Geweigerd(Resultaat<NoShowUitslag> r, string code, string regel)
    {
        var fout = Assert.Single(r.Fouten);
        Assert.Equal(code, fout.Code);
        Assert.Contains($"({regel})", fout.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public void Eerste_no_show_wordt_besproken_met_de_inwoner()
    {
        var u = Beoordeel(Melding(), Toewijzing()).Waarde;
        Assert.Equal((1, NoShowStap.Bespreken, "HK-NS-1", 2027), (u.Volgnummer, u.Stap, u.Regel, u.Jaar));
        Assert.Null(u.BesluitUiterlijk);
        Assert.Contains("bespreek", u.Vervolg, StringComparison.Ordinal);
    }

    [Fact]
    public void Tweede_no_show_wordt_gemeld_bij_de_gemeente_en_de_inwoner_gewaarschuwd()
    {
        var u = Beoordeel(Melding(), Toewijzing(), Eerder("2027-04-01")).Waarde;
        Assert.Equal((2, NoShowStap.MeldenEnWaarschuwen, "HK-NS-2"), (u.Volgnummer, u.Stap, u.Regel));
        Assert.Contains("waarschuw", u.Vervolg, StringComparison.Ordinal);
    }

    [Fact]
    public void Derde_no_show_pauzeert_de_zorg_en_de_gemeente_besluit_binnen_3_weken_na_de_melding()
    {
        var u = Beoordeel(Melding(), Toewijzing(), Eerder("2027-04-01"), Eerder("2027-04-15")).Waarde;
        Assert.Equal((3, NoShowStap.Pauzeren, "HK-NS-3"), (u.Volgnummer, u.Stap, u.Regel));
        // Counted from the report day (2027-06-01), not from the no-show day.
        Assert.Equal(new DateOnly(2027, 6, 22), u.BesluitUiterlijk);
        Assert.Contains("pauzeer", u.Vervolg, StringComparison.Ordinal);
    }

    [Fact]
    public void Een_vierde_no_show_in_hetzelfde_kalenderjaar_op_hetzelfde_product_wordt_geweigerd()
    {
        var r = Beoordeel(Melding(), Toewijzing(), Eerder("2027-04-01"), Eerder("2027-04-15"), Eerder("2027-05-01"));
        Geweigerd(r, "NS-MAXIMUM", "HK-323-4");
    }

    [Fact]
    public void Het_maximum_telt_ook_no_shows_op_een_andere_toewijzing_met_hetzelfde_product()
    {
        var r = Beoordeel(Melding(), Toewijzing(), Eerder("2027-04-01", nummer: 7), Eerder("2027-04-15", nummer: 7), Eerder("2027-05-01", nummer: 8));
        Geweigerd(r, "NS-MAXIMUM", "HK-323-4");
    }

    [Fact]
    public void No_shows_van_een_ander_jaar_of_een_ander_product_tellen_niet_mee()
    {
        var u = Beoordeel(Melding("2027-01-05"), Toewijzing(eind: new DateOnly(2027, 12, 31)) with { Ingangsdatum = new DateOnly(2026, 6, 1) },
            Eerder("2026-11-01"), Eerder("2026-12-01"), Eerder("2026-12-15"), Eerder("2027-01-02", "45F31")).Waarde;
        Assert.Equal(1, u.Volgnummer);
    }

    [Fact]
    public void Het_maximum_komt_uit_de_regels()
    {
        var catalogus = FlevolandRegels.Catalogus with
        {
            Beleid = [.. FlevolandRegels.Catalogus.Beleid.Select(b => b with { NoShowMaxPerKalenderjaar = 1 })],
        };
        var r = NoShowRegistreren.Beoordeel(Melding(), Toewijzing(), [Eerder("2027-04-01")], catalogus, Kalender, Vandaag);
        Geweigerd(r, "NS-MAXIMUM", "HK-323-4");
    }

    [Theory]
    [InlineData("45F22")]
    [InlineData("45F32")]
    [InlineData("45F02")]
    public void Op_een_groepsproduct_kan_geen_no_show(string product)
    {
        Geweigerd(Beoordeel(Melding(), Toewijzing(product)), "NS-GROEP", "HK-323-4");
    }

    [Theory]
    [InlineData("45F01")]
    [InlineData("45F11")]
    [InlineData("45F23")]
    public void Op_individuele_en_gezinsproducten_kan_een_no_show(string product)
    {
        Assert.True(Beoordeel(Melding(), Toewijzing(product)).IsGeldig);
    }

    [Fact]
    public void Op_een_extra_client_dummy_kan_geen_no_show()
    {
        Geweigerd(Beoordeel(Melding(), Toewijzing("45F24")), "NS-DUMMY", "HK-323-8");
    }

    [Fact]
    public void Een_onbekende_toewijzing_wordt_geweigerd()
    {
        Geweigerd(Beoordeel(Melding(), null), "NS-TOEWIJZING", "HK-323-9");
    }

    [Fact]
    public void De_toewijzing_van_een_andere_aanbieder_wordt_geweigerd()
    {
        var ander = Toewijzing() with { Aanbieder = AgbCode.Parse("87654321").Waarde };
        Geweigerd(Beoordeel(Melding(), ander), "NS-TOEWIJZING", "HK-323-9");
    }

    [Fact]
    public void De_toewijzing_van_een_andere_client_wordt_geweigerd()
    {
        var ander = Toewijzing() with { Client = Bsn.Parse("100002195").Waarde };
        Geweigerd(Beoordeel(Melding(), ander), "NS-CLIENT", "HK-323-9");
    }

    [Fact]
    public void Een_ingetrokken_toewijzing_wordt_geweigerd()
    {
        Geweigerd(Beoordeel(Melding(), Toewijzing(reden: "13")), "NS-VERWIJDERD", "HK-323-9");
    }

    [Theory]
    [InlineData("2027-02-28", false)] // the day before the start
    [InlineData("2027-03-01", true)] // the first day
    [InlineData("2027-05-31", true)] // the last day
    [InlineData("2027-06-01", false)] // after the end
    public void De_datum_moet_binnen_de_toewijzing_liggen(string datum, bool geldig)
    {
        var r = Beoordeel(Melding(datum), Toewijzing(eind: new DateOnly(2027, 5, 31)));
        if (geldig)
        {
            Assert.True(r.IsGeldig, string.Join("; ", r.Fouten));
        }
        else
        {
            Geweigerd(r, "NS-PERIODE", "HK-323-9");
        }
    }

    [Fact]
    public void Een_no_show_in_de_toekomst_wordt_geweigerd()
    {
        Geweigerd(Beoordeel(Melding("2027-06-02"), Toewijzing()), "NS-DATUM", "HK-323-4");
    }

    [Fact]
    public void Een_genoemd_product_moet_het_product_van_de_toewijzing_zijn()
    {
        Geweigerd(Beoordeel(Melding(product: "45F31"), Toewijzing()), "NS-PRODUCT", "HK-323-9");
        Assert.True(Beoordeel(Melding(product: "45F21"), Toewijzing()).IsGeldig);
    }

    [Fact]
    public void Twee_keer_dezelfde_dag_op_dezelfde_toewijzing_wordt_geweigerd()
    {
        Geweigerd(Beoordeel(Melding("2027-05-10"), Toewijzing(), Eerder("2027-05-10")), "NS-DUBBEL", "HK-323-4");
    }

    [Fact]
    public void De_melding_heeft_geen_vrij_tekstveld_alleen_feiten()
    {
        // HK-NS-4: no property can carry treatment content.
        var tekst = typeof(NoShowMelding).GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => p.Name);
        Assert.Empty(tekst);
    }

    [Fact]
    public void De_melding_noemt_de_bsn_alleen_gemaskeerd()
    {
        var r = Beoordeel(Melding(), Toewijzing() with { Client = Bsn.Parse("100002195").Waarde });
        Assert.DoesNotContain("100002183", Assert.Single(r.Fouten).Melding, StringComparison.Ordinal);
        Assert.DoesNotContain("100002183", Melding().ToString(), StringComparison.Ordinal);
    }
}
