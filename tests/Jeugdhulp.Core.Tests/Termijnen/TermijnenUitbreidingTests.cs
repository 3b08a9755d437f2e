using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Tests.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Core.Werkdagen;

namespace Jeugdhulp.Core.Tests.Termijnen;

/// <summary>The deadline kinds added for issue 6: retour, JW325, woonplaatsbeginsel, no-show decision, JW323 per month, JW317 lead time, intake.</summary>
public class TermijnenUitbreidingTests
{
    private static readonly Bsn Client = Bsn.Parse("100002183").Waarde;
    private static readonly Werkdagenkalender Kalender = new(FlevolandRegels.Catalogus.ExtraVrijeDagen);

    // 2027-03-01 is a Monday; no holiday until Goede Vrijdag (26 March).
    private static readonly DateOnly Maandag = new(2027, 3, 1);

    private static readonly Dictionary<Bsn, DateOnly> Geen = [];

    private static IReadOnlyList<Verplichting> Open(Termijnstand stand, string vandaag, Regelcatalogus? catalogus = null) =>
        TermijnenBewaken.Open(stand, (catalogus ?? FlevolandRegels.Catalogus).OpDatum(D(vandaag)), Kalender, D(vandaag));

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static Termijnstand Bericht(string code, Bsn? client = null) =>
        new([], [], Geen, Onbeantwoord: [new OnbeantwoordBericht(code, "0034", "12345678", "MSG-1", client, Maandag)]);

    // --- retour (HK-WD-2, OP090) ---

    [Theory]
    [InlineData("2027-03-01", 3, false)] // appears on receipt
    [InlineData("2027-03-04", 0, false)] // falls due: 3 werkdagen
    [InlineData("2027-03-05", -1, true)] // overdue
    public void Retour_is_binnen_3_werkdagen_na_ontvangst_verschuldigd(string vandaag, int dagen, bool teLaat)
    {
        var v = Assert.Single(Open(Bericht("JW305", Client), vandaag));
        Assert.Equal((Partij.Gemeente, "0034", "JW306", "MSG-1", "HK-WD-2-RETOUR-GEMEENTE", false), (v.Partij, v.Code, v.Verwacht, v.Referentie, v.Regel, v.Advies));
        Assert.Equal(new DateOnly(2027, 3, 4), v.Vervaldatum);
        Assert.Equal((dagen, teLaat), (v.DagenOver(D(vandaag)), v.IsTeLaat(D(vandaag))));
        Assert.Equal(Client, v.Client);
    }

    [Theory]
    [InlineData("JW315", "JW316")]
    [InlineData("JW317", "JW318")]
    [InlineData("JW305", "JW306")]
    [InlineData("JW307", "JW308")]
    public void Elk_heenbericht_wacht_op_zijn_eigen_retour(string heen, string retour)
    {
        Assert.Equal(retour, Assert.Single(Open(Bericht(heen, Client), "2027-03-01")).Verwacht);
    }

    [Fact]
    public void Retour_verdwijnt_als_het_antwoord_er_is()
    {
        Assert.Empty(Open(new Termijnstand([], [], Geen, Onbeantwoord: []), "2027-03-10"));
    }

    // --- JW325 (HK-325-1) ---

    [Theory]
    [InlineData("2027-03-01", 14, false)] // appears on receipt
    [InlineData("2027-03-15", 0, false)] // falls due: 10 werkdagen
    [InlineData("2027-03-16", -1, true)] // overdue
    public void JW325_is_binnen_10_werkdagen_na_de_JW323_verschuldigd(string vandaag, int dagen, bool teLaat)
    {
        var v = Assert.Single(Open(Bericht("JW323"), vandaag));
        Assert.Equal((Partij.Gemeente, "JW325", "MSG-1", "HK-325-1"), (v.Partij, v.Verwacht, v.Referentie, v.Regel));
        Assert.Null(v.Client);
        Assert.Equal(new DateOnly(2027, 3, 15), v.Vervaldatum);
        Assert.Equal((dagen, teLaat), (v.DagenOver(D(vandaag)), v.IsTeLaat(D(vandaag))));
    }

    // --- woonplaatsbeginsel (HK-WD-2, OP359) ---

    private static Termijnstand Woonplaats(bool onzeker) =>
        new([new WachtendVerzoek("JW315", "0034", "12345678", Client, "REF-W", Maandag, WoonplaatsOnzeker: onzeker)], [], Geen);

    [Theory]
    [InlineData("2027-03-01", 14, false)] // appears on receipt
    [InlineData("2027-03-15", 0, false)] // falls due: 2 weeks
    [InlineData("2027-03-16", -1, true)] // overdue
    public void Afwijzing_op_woonplaatsbeginsel_binnen_2_weken_na_ontvangst(string vandaag, int dagen, bool teLaat)
    {
        var v = Assert.Single(Open(Woonplaats(true), vandaag), v => v.Regel == "HK-WD-2-WOONPLAATS");
        Assert.Equal((Partij.Gemeente, "besluit woonplaatsbeginsel", "REF-W"), (v.Partij, v.Verwacht, v.Referentie));
        Assert.Equal(new DateOnly(2027, 3, 15), v.Vervaldatum);
        Assert.Equal((dagen, teLaat), (v.DagenOver(D(vandaag)), v.IsTeLaat(D(vandaag))));
    }

    [Fact]
    public void Zonder_open_woonplaatsvraag_geldt_alleen_de_antwoordtermijn()
    {
        Assert.Equal("HK-315-3", Assert.Single(Open(Woonplaats(false), "2027-03-01")).Regel);
    }

    [Fact]
    public void Woonplaatstermijn_verdwijnt_als_het_verzoek_besloten_is()
    {
        Assert.Empty(Open(Woonplaats(true) with { Verzoeken = [] }, "2027-03-01"));
    }

    // --- decision after the third no-show (HK-NS-3) ---

    private static Termijnstand NoShow() =>
        new([], [], Geen, NoShowBesluiten: [new OpenNoShowBesluit("0034", 42, Client, FlevolandRegels.P("45F21"), Maandag)]);

    [Theory]
    [InlineData("2027-03-01", 21, false)] // appears when the third is reported
    [InlineData("2027-03-22", 0, false)] // falls due: 3 weeks
    [InlineData("2027-03-23", -1, true)] // overdue
    public void Besluit_na_derde_no_show_binnen_3_weken(string vandaag, int dagen, bool teLaat)
    {
        var v = Assert.Single(Open(NoShow(), vandaag));
        Assert.Equal((Partij.Gemeente, "0034", "besluit no-show", "42", "HK-NS-3"), (v.Partij, v.Code, v.Verwacht, v.Referentie, v.Regel));
        Assert.Equal(new DateOnly(2027, 3, 22), v.Vervaldatum);
        Assert.Equal((dagen, teLaat), (v.DagenOver(D(vandaag)), v.IsTeLaat(D(vandaag))));
    }

    [Fact]
    public void Besluit_no_show_verdwijnt_als_het_besluit_er_is()
    {
        Assert.Empty(Open(NoShow() with { NoShowBesluiten = [] }, "2027-03-23"));
    }

    // --- JW323 per month (HK-323-1) ---

    private static Termijnstand Levering(DateOnly start, DateOnly? stop, string product = "45F21", params DateOnly[] gedeclareerd) =>
        new([], [new LopendeToewijzing("0034", 42, "12345678", Client, FlevolandRegels.P(product), new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31),
            true, stop is not null, [Periode.Maak(start, stop).Waarde], gedeclareerd)], Geen);

    [Theory]
    [InlineData("2027-03-31", null)] // the month is not over: nothing owed yet
    [InlineData("2027-04-01", 29)] // appears when the month is over
    [InlineData("2027-04-30", 0)] // falls due at the end of the following month
    [InlineData("2027-05-01", -1)] // overdue
    public void JW323_voor_een_maand_uiterlijk_eind_volgende_maand(string vandaag, int? dagen)
    {
        var open = Open(Levering(new DateOnly(2027, 3, 8), new DateOnly(2027, 3, 20)), vandaag);
        if (dagen is null)
        {
            Assert.Empty(open);
            return;
        }

        var v = Assert.Single(open);
        Assert.Equal((Partij.Aanbieder, "12345678", "JW323 2027-03", "42", "HK-323-1", true), (v.Partij, v.Code, v.Verwacht, v.Referentie, v.Regel, v.Advies));
        Assert.Equal(new DateOnly(2027, 4, 30), v.Vervaldatum);
        Assert.Equal(dagen, v.DagenOver(D(vandaag)));
    }

    [Fact]
    public void JW323_verdwijnt_als_de_maand_gedeclareerd_is()
    {
        Assert.Empty(Open(Levering(new DateOnly(2027, 3, 8), new DateOnly(2027, 3, 20), "45F21", new DateOnly(2027, 3, 1)), "2027-05-01"));
    }

    [Fact]
    public void JW323_per_maand_met_levering_tot_de_stop()
    {
        // Start 15 February, stop 10 April; on 15 May February, March and April are over, May is not.
        var open = Open(Levering(new DateOnly(2027, 2, 15), new DateOnly(2027, 4, 10), "45F21", new DateOnly(2027, 3, 1)), "2027-05-15");
        Assert.Equal(["JW323 2027-02", "JW323 2027-04"], open.Select(v => v.Verwacht));
    }

    [Fact]
    public void Zonder_gemelde_start_of_op_een_dummy_wordt_geen_JW323_verwacht()
    {
        var zonderStart = Levering(new DateOnly(2027, 3, 8), null) with { Toewijzingen = [] };
        Assert.Empty(Open(zonderStart, "2027-05-01"));
        Assert.Empty(Open(Levering(new DateOnly(2027, 3, 8), new DateOnly(2027, 3, 20), "45F24"), "2027-05-01"));
    }

    // --- JW317 lead time (HK-317-4) ---

    private static Termijnstand Wijziging(string product, DateOnly ontvangen, DateOnly ingang) =>
        new([], [], Geen, Wijzigingen: [new OntvangenWijziging("0034", "12345678", "REF-317", Client, ontvangen, [(FlevolandRegels.P(product), ingang)])]);

    [Fact]
    public void JW317_Basis_Begeleiding_later_dan_8_weken_voor_ingang_is_een_signaal_tot_de_ingang()
    {
        // Change takes effect 2027-05-03; 8 weeks before is 2027-03-08. Received 2027-03-09: one day late.
        var stand = Wijziging("45F01", new DateOnly(2027, 3, 9), new DateOnly(2027, 5, 3));

        var v = Assert.Single(Open(stand, "2027-03-09"));
        Assert.Equal((Partij.Aanbieder, "12345678", "REF-317", "HK-317-4-BASIS", true), (v.Partij, v.Code, v.Referentie, v.Regel, v.Advies));
        Assert.Equal(new DateOnly(2027, 3, 8), v.Vervaldatum);
        Assert.True(v.IsTeLaat(new DateOnly(2027, 3, 9)));
        Assert.Single(Open(stand, "2027-05-03"));
        Assert.Empty(Open(stand, "2027-05-04")); // the change is in effect: cleared
    }

    [Fact]
    public void JW317_op_tijd_geeft_geen_signaal()
    {
        Assert.Empty(Open(Wijziging("45F01", new DateOnly(2027, 3, 8), new DateOnly(2027, 5, 3)), "2027-03-08"));
    }

    [Fact]
    public void JW317_Multi_telt_10_werkdagen()
    {
        // Ingang Monday 2027-03-15: 10 werkdagen earlier is Monday 2027-03-01.
        Assert.Empty(Open(Wijziging("45F21", new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 15)), "2027-03-01"));
        var v = Assert.Single(Open(Wijziging("45F21", new DateOnly(2027, 3, 2), new DateOnly(2027, 3, 15)), "2027-03-02"));
        Assert.Equal(("HK-317-4-MULTI", new DateOnly(2027, 3, 1)), (v.Regel, v.Vervaldatum));
    }

    [Fact]
    public void Laatste_dag_is_de_omkering_van_vervalt()
    {
        var termijn = FlevolandRegels.Catalogus.OpDatum(Maandag).Termijn("HK-317-4-MULTI")!;
        var laatste = TermijnenBewaken.LaatsteDag(termijn, new DateOnly(2027, 4, 6), Kalender);
        Assert.True(TermijnenBewaken.Vervalt(termijn, laatste, Kalender) <= new DateOnly(2027, 4, 6));
        Assert.True(TermijnenBewaken.Vervalt(termijn, laatste.AddDays(1), Kalender) > new DateOnly(2027, 4, 6));
    }

    // --- intake after medical referral (HK-ROUTE-1) ---

    private static Termijnstand Verwezen(DateOnly verwezen, DateOnly ontvangen) =>
        new([new WachtendVerzoek("JW315", "0034", "12345678", Client, "REF-V", ontvangen, Verwijsdatum: verwezen)], [], Geen);

    [Fact]
    public void JW315_meer_dan_een_jaar_na_de_verwijzing_is_een_signaal_aan_de_aanbieder()
    {
        var stand = Verwezen(new DateOnly(2026, 2, 27), Maandag);
        var v = Assert.Single(Open(stand, "2027-03-01"), v => v.Regel == "HK-ROUTE-1");
        Assert.Equal((Partij.Aanbieder, "12345678", "REF-V", true), (v.Partij, v.Code, v.Referentie, v.Advies));
        Assert.Equal(new DateOnly(2027, 2, 27), v.Vervaldatum);
        Assert.True(v.IsTeLaat(Maandag));
    }

    [Fact]
    public void JW315_binnen_een_jaar_na_de_verwijzing_of_zonder_verwijsdatum_geeft_geen_signaal()
    {
        Assert.DoesNotContain(Open(Verwezen(new DateOnly(2026, 3, 1), Maandag), "2027-03-01"), v => v.Regel == "HK-ROUTE-1");
        Assert.DoesNotContain(Open(Woonplaats(false), "2027-03-01"), v => v.Regel == "HK-ROUTE-1");
    }

    [Fact]
    public void Intakesignaal_verdwijnt_als_het_verzoek_besloten_is()
    {
        Assert.Empty(Open(Verwezen(new DateOnly(2026, 2, 27), Maandag) with { Verzoeken = [] }, "2027-03-01"));
    }

    [Fact]
    public void Nieuwe_termijnen_komen_uit_de_regels()
    {
        var catalogus = FlevolandRegels.Catalogus with
        {
            Termijnen = [.. FlevolandRegels.Catalogus.Termijnen.Select(t => t.Id == "HK-NS-3" ? t with { Aantal = 1 } : t)],
        };
        Assert.Equal(new DateOnly(2027, 3, 8), Assert.Single(Open(NoShow(), "2027-03-01", catalogus)).Vervaldatum);
    }
}
