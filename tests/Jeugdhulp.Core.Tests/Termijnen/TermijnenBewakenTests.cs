using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Tests.Toewijzing;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Core.Werkdagen;

namespace Jeugdhulp.Core.Tests.Termijnen;

public class TermijnenBewakenTests
{
    private static readonly Bsn Client = Bsn.Parse("100002183").Waarde;
    private static readonly Werkdagenkalender Kalender = new(FlevolandRegels.Catalogus.ExtraVrijeDagen);

    // 2027-03-01 is a Monday; no holiday until Goede Vrijdag (26 March): 5 werkdagen later is 2027-03-08.
    private static readonly DateOnly Maandag = new(2027, 3, 1);

    private static IReadOnlyList<Verplichting> Open(Termijnstand stand, DateOnly vandaag, Regelcatalogus? catalogus = null) =>
        TermijnenBewaken.Open(stand, (catalogus ?? FlevolandRegels.Catalogus).OpDatum(vandaag), Kalender, vandaag);

    private static Termijnstand Verzoek(DateOnly ontvangen) =>
        new([new WachtendVerzoek("JW315", "0034", "12345678", Client, "REF-1", ontvangen)], [], new Dictionary<Bsn, DateOnly>());

    private static Termijnstand Toewijzing(DateOnly start, DateOnly? eind, bool startOntvangen, bool stopOntvangen, DateOnly? geboren = null) =>
        new([], [new LopendeToewijzing("0034", 42, "12345678", Client, FlevolandRegels.P("45F11"), start, eind, startOntvangen, stopOntvangen)],
            geboren is { } g ? new Dictionary<Bsn, DateOnly> { [Client] = g } : new Dictionary<Bsn, DateOnly>());

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2027-03-01", 7, false)] // appears on receipt
    [InlineData("2027-03-08", 0, false)] // falls due
    [InlineData("2027-03-09", -1, true)] // overdue
    public void Antwoord_op_verzoek_in_review_is_binnen_5_werkdagen_na_ontvangst_verschuldigd_door_de_gemeente(string vandaag, int dagen, bool teLaat)
    {
        var v = Assert.Single(Open(Verzoek(Maandag), D(vandaag)));

        Assert.Equal(Partij.Gemeente, v.Partij);
        Assert.Equal("0034", v.Code);
        Assert.Equal("JW301/JW319", v.Verwacht);
        Assert.Equal("REF-1", v.Referentie);
        Assert.Equal(new DateOnly(2027, 3, 8), v.Vervaldatum);
        Assert.Equal("HK-315-3", v.Regel);
        Assert.Equal(dagen, v.DagenOver(D(vandaag)));
        Assert.Equal(teLaat, v.IsTeLaat(D(vandaag)));
    }

    [Fact]
    public void Antwoordtermijn_telt_werkdagen_over_feestdagen_heen()
    {
        // Received Thursday 2027-03-25: Goede Vrijdag 26 March and Tweede Paasdag 29 March do not count.
        var v = Assert.Single(Open(Verzoek(new DateOnly(2027, 3, 25)), new DateOnly(2027, 3, 25)));
        Assert.Equal(new DateOnly(2027, 4, 5), v.Vervaldatum);
    }

    [Fact]
    public void Antwoord_verdwijnt_als_het_verzoek_besloten_is()
    {
        var besloten = Verzoek(Maandag) with { Verzoeken = [] };
        Assert.Empty(Open(besloten, Maandag));
    }

    [Fact]
    public void Termijn_komt_uit_de_regels_niet_uit_de_code()
    {
        var catalogus = FlevolandRegels.Catalogus with
        {
            Termijnen = [.. FlevolandRegels.Catalogus.Termijnen.Select(t => t.Id == "HK-315-3" ? t with { Aantal = 3 } : t)],
        };
        var v = Assert.Single(Open(Verzoek(Maandag), Maandag, catalogus));
        Assert.Equal(new DateOnly(2027, 3, 4), v.Vervaldatum);
    }

    [Theory]
    [InlineData("2027-02-28", null)] // not started yet: nothing owed
    [InlineData("2027-03-01", 7)] // appears on the start date
    [InlineData("2027-03-08", 0)] // falls due
    [InlineData("2027-03-10", -2)] // overdue
    public void JW305_ontbreekt_5_werkdagen_na_ingangsdatum(string vandaag, int? dagen)
    {
        var open = Open(Toewijzing(Maandag, null, false, false), D(vandaag));

        if (dagen is null)
        {
            Assert.Empty(open);
            return;
        }

        var v = Assert.Single(open);
        Assert.Equal((Partij.Aanbieder, "12345678", "JW305", "42", "HK-305-1"), (v.Partij, v.Code, v.Verwacht, v.Referentie, v.Regel));
        Assert.Equal(new DateOnly(2027, 3, 8), v.Vervaldatum);
        Assert.Equal(dagen, v.DagenOver(D(vandaag)));
    }

    [Theory]
    [InlineData("2027-03-01", "2027-03-08")] // JW301 sent a month after the start: 5 werkdagen from the JW301
    [InlineData("2027-01-20", "2027-02-08")] // JW301 before the start: 5 werkdagen from the start
    public void JW305_na_een_toewijzing_met_terugwerkende_kracht_telt_vanaf_de_JW301(string toegewezen, string verwacht)
    {
        // Seed 000 "Startbericht (JW305)": "als de ondersteuning met terugwerkende kracht is toegewezen ... binnen 5
        // werkdagen na ontvangst van het Toewijzingsbericht".
        var stand = Toewijzing(new DateOnly(2027, 2, 1), null, false, false);
        stand = stand with { Toewijzingen = [stand.Toewijzingen[0] with { Toewijzingsdatum = D(toegewezen) }] };

        var v = Assert.Single(Open(stand, D(toegewezen) > new DateOnly(2027, 2, 1) ? D(toegewezen) : new DateOnly(2027, 2, 1)));

        Assert.Equal(D(verwacht), v.Vervaldatum);
        Assert.False(v.IsTeLaat(D(toegewezen)));
    }

    [Fact]
    public void JW305_verdwijnt_als_de_start_ontvangen_is()
    {
        Assert.Empty(Open(Toewijzing(Maandag, null, true, false), new DateOnly(2027, 3, 20)));
    }

    [Theory]
    [InlineData("2027-02-28", null)] // end not reached
    [InlineData("2027-03-01", 7)] // appears on the end date
    [InlineData("2027-03-08", 0)] // falls due
    [InlineData("2027-03-09", -1)] // overdue
    public void JW307_ontbreekt_5_werkdagen_na_einddatum(string vandaag, int? dagen)
    {
        var open = Open(Toewijzing(new DateOnly(2027, 1, 4), Maandag, true, false), D(vandaag));

        if (dagen is null)
        {
            Assert.Empty(open);
            return;
        }

        var v = Assert.Single(open);
        Assert.Equal((Partij.Aanbieder, "JW307", "HK-307-1"), (v.Partij, v.Verwacht, v.Regel));
        Assert.Equal(new DateOnly(2027, 3, 8), v.Vervaldatum);
        Assert.Equal(dagen, v.DagenOver(D(vandaag)));
    }

    [Fact]
    public void JW307_verdwijnt_als_de_stop_ontvangen_is()
    {
        Assert.Empty(Open(Toewijzing(new DateOnly(2027, 1, 4), Maandag, true, true), new DateOnly(2027, 3, 20)));
    }

    [Theory]
    [InlineData(VerwijzerType.GecertificeerdeInstelling)]
    [InlineData(VerwijzerType.Justitie)]
    public void JW307_van_de_GI_is_5_werkdagen_na_het_einde_van_de_maatregel_verschuldigd(VerwijzerType herkomst)
    {
        // HK §12, new row: in the veiligheidsketen the GI sends the stop within 5 werkdagen after the measure ends.
        var stand = Toewijzing(new DateOnly(2027, 1, 4), Maandag, true, false);
        stand = stand with { Toewijzingen = [stand.Toewijzingen[0] with { Herkomst = herkomst }] };

        var v = Assert.Single(Open(stand, D("2027-03-02")));
        Assert.Equal((Partij.Aanbieder, "JW307", "HK-307-1-GI", false), (v.Partij, v.Verwacht, v.Regel, v.Advies));
        Assert.Equal(new DateOnly(2027, 3, 8), v.Vervaldatum);

        var langer = FlevolandRegels.Catalogus with
        {
            Termijnen = [.. FlevolandRegels.Catalogus.Termijnen.Select(t => t.Id == "HK-307-1-GI" ? t with { Aantal = 10 } : t)],
        };
        Assert.Equal(new DateOnly(2027, 3, 15), Assert.Single(Open(stand, D("2027-03-02"), langer)).Vervaldatum);
        Assert.Empty(Open(stand with { Toewijzingen = [stand.Toewijzingen[0] with { StopOntvangen = true }] }, D("2027-03-02")));
    }

    // --- HK-315-9: the terugval window after care ended (HK §12, new row) ---

    private static LopendeToewijzing Beeindigd(VerwijzerType? herkomst = VerwijzerType.Huisarts, string product = "45F21") =>
        new("0034", 42, "12345678", Client, FlevolandRegels.P(product), new DateOnly(2026, 2, 1), new DateOnly(2027, 1, 31), true, true) { Herkomst = herkomst };

    [Theory]
    [InlineData("2027-01-31", null)] // still running
    [InlineData("2027-02-01", 119)] // opens the day after the end
    [InlineData("2027-05-31", 0)] // 4 months after the end: the last day
    [InlineData("2027-06-01", null)] // closed: nothing left to act on, never overdue
    public void Terugvalvenster_loopt_4_maanden_na_het_einde_van_de_zorg(string vandaag, int? dagen)
    {
        var open = Open(new Termijnstand([], [Beeindigd()], new Dictionary<Bsn, DateOnly>()), D(vandaag));

        if (dagen is null)
        {
            Assert.Empty(open);
            return;
        }

        var v = Assert.Single(open);
        Assert.Equal((Partij.Aanbieder, "12345678", "42", "HK-315-9", true), (v.Partij, v.Code, v.Referentie, v.Regel, v.Advies));
        Assert.Equal("terugval: hervatting via JW315, 1000 minuten voor 3 maanden", v.Verwacht);
        Assert.Equal(new DateOnly(2027, 5, 31), v.Vervaldatum);
        Assert.Equal(dagen, v.DagenOver(D(vandaag)));
    }

    [Fact]
    public void Terugvalvenster_komt_uit_het_beleid_en_sluit_bij_hervatting()
    {
        var stand = new Termijnstand([], [Beeindigd()], new Dictionary<Bsn, DateOnly>());
        var kort = FlevolandRegels.Catalogus with
        {
            Beleid = [.. FlevolandRegels.Catalogus.Beleid.Select(b => b with { Terugval = new TerugvalBeleid(2, 1200, 3) })],
        };
        var v = Assert.Single(Open(stand, D("2027-02-10"), kort));
        Assert.Equal(new DateOnly(2027, 3, 31), v.Vervaldatum);
        Assert.Contains("1200 minuten", v.Verwacht, StringComparison.Ordinal);

        // Resumed: a later allocation of the same product with the same provider closes the window.
        var hervat = new LopendeToewijzing("0034", 43, "12345678", Client, FlevolandRegels.P("45F21"), new DateOnly(2027, 3, 1), new DateOnly(2027, 5, 31), true, false)
        {
            Herkomst = VerwijzerType.Gemeente,
        };
        Assert.DoesNotContain(Open(stand with { Toewijzingen = [Beeindigd(), hervat] }, D("2027-03-10")), x => x.Regel == "HK-315-9");
    }

    [Fact]
    public void Geen_terugvalvenster_na_de_GI_voor_een_dummy_een_intrekking_of_bij_onbekende_herkomst()
    {
        // After a GI or justice allocation a relapse needs a new bepaling (HK-315-9); a dummy and a withdrawn
        // allocation carry no care; without the origin the watch cannot tell.
        foreach (var t in new[] { Beeindigd(VerwijzerType.GecertificeerdeInstelling), Beeindigd(VerwijzerType.Justitie), Beeindigd(product: "45F24"), Beeindigd(null), Beeindigd() with { IsVerwijderd = true } })
        {
            Assert.Empty(Open(new Termijnstand([], [t], new Dictionary<Bsn, DateOnly>()), D("2027-02-10")));
        }
    }

    [Fact]
    public void Zonder_start_wordt_alleen_de_JW305_gevraagd_niet_ook_de_JW307()
    {
        var v = Assert.Single(Open(Toewijzing(new DateOnly(2027, 1, 4), Maandag, false, false), new DateOnly(2027, 3, 20)));
        Assert.Equal("JW305", v.Verwacht);
    }

    [Theory]
    [InlineData("2027-03-14", null)] // more than 3 months before the 18th birthday
    [InlineData("2027-03-15", 92)] // appears 3 months before
    [InlineData("2027-06-15", 0)] // falls due on the birthday
    [InlineData("2027-06-16", -1)] // allocation runs past the birthday: overdue
    public void Signaal_18_jaar_tijdens_lopende_toewijzing(string vandaag, int? dagen)
    {
        var open = Open(Toewijzing(new DateOnly(2027, 1, 4), null, true, false, geboren: new DateOnly(2009, 6, 15)), D(vandaag));

        if (dagen is null)
        {
            Assert.Empty(open);
            return;
        }

        var v = Assert.Single(open);
        Assert.Equal((Partij.Gemeente, "0034", "signaal 18 jaar", "42", "HK-PRD-6", true), (v.Partij, v.Code, v.Verwacht, v.Referentie, v.Regel, v.Advies));
        Assert.Equal(new DateOnly(2027, 6, 15), v.Vervaldatum);
        Assert.Equal(dagen, v.DagenOver(D(vandaag)));
    }

    [Fact]
    public void Signaal_18_jaar_verdwijnt_als_de_toewijzing_voor_de_verjaardag_eindigt()
    {
        var stand = Toewijzing(new DateOnly(2027, 1, 4), new DateOnly(2027, 6, 14), true, false, geboren: new DateOnly(2009, 6, 15));
        Assert.Empty(Open(stand, new DateOnly(2027, 4, 1)));
    }

    [Fact]
    public void Te_late_verplichtingen_eerst_daarna_op_vervaldatum()
    {
        var stand = new Termijnstand(
            [
                new WachtendVerzoek("JW315", "0034", "12345678", Client, "LAAT", new DateOnly(2027, 3, 1)),
                new WachtendVerzoek("JW317", "0034", "12345678", Client, "NIEUW", new DateOnly(2027, 3, 10)),
                new WachtendVerzoek("JW315", "0034", "12345678", Client, "MIDDEN", new DateOnly(2027, 3, 9)),
            ],
            [new LopendeToewijzing("0034", 7, "12345678", Client, FlevolandRegels.P("45F11"), new DateOnly(2027, 2, 15), null, false, false)],
            new Dictionary<Bsn, DateOnly>());

        var open = Open(stand, new DateOnly(2027, 3, 10));

        // JW305 due 2027-02-22 and REF LAAT due 2027-03-08 are overdue; then MIDDEN (03-16), NIEUW (03-17).
        Assert.Equal(["7", "LAAT", "MIDDEN", "NIEUW"], open.Select(v => v.Referentie));
    }

    [Fact]
    public void Bsn_wordt_gemaskeerd_afgedrukt()
    {
        var v = Assert.Single(Open(Verzoek(Maandag), Maandag));
        Assert.DoesNotContain("100002183", v.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Lopende_zorg_van_een_aanbieder_zonder_regionaal_contract_moet_uiterlijk_aan_het_eind_van_de_periode_af_zijn()
    {
        var stand = new Termijnstand([], [], new Dictionary<Bsn, DateOnly>(),
            Conversie: [new ContractlozeConversie("0034", 500007, "04567890", Client, D("2027-06-30"))]);

        var v = Assert.Single(Open(stand, D("2027-07-01")));

        Assert.Equal((Partij.Gemeente, "0034", "500007", "HK-CONV-3", D("2027-06-30"), false), (v.Partij, v.Code, v.Referentie, v.Regel, v.Vervaldatum, v.Advies));
        Assert.True(v.IsTeLaat(D("2027-07-01")));
        Assert.False(v.IsTeLaat(D("2027-06-30")));
    }
}

