using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;
using static Jeugdhulp.Core.Tests.Toewijzing.FlevolandRegels;
using static Jeugdhulp.Core.Tests.Toewijzing.Omgeving;

namespace Jeugdhulp.Core.Tests.Toewijzing;

public class VerzoekOmWijzigingBeoordelenTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd");

    /// <summary>A six-month allocation of 3000 minutes from a medical referral.</summary>
    private static VastgelegdeToewijzing ZesMaanden(VerwijzerType herkomst = VerwijzerType.Huisarts, int keer = 0) =>
        Tw(100, Kind, "45F21", D("2027-01-01"), D("2027-06-30"), 3000, herkomst, keerVerschoven: keer);

    private static TeWijzigenProduct NieuweEinde(int nummer, string einde, string? ingang = null) =>
        new(nummer, D(ingang ?? "2027-05-01"), D(einde), null);

    // ---- HK-317-7 procesregie in the medical route ----

    [Fact]
    public void JW317_op_medische_route_met_procesregie_van_de_gemeente_gaat_naar_een_medewerker()
    {
        var verzoek = Jw317(Kind, teWijzigen: [NieuweEinde(100, "2027-09-30")]);
        var metRegie = Toestand(ZesMaanden()) with { GemeenteProcesregie = new HashSet<int> { 100 } };
        var regieElders = Toestand(ZesMaanden()) with { GemeenteProcesregie = new HashSet<int> { 999 } };

        var besluit = Besluit317(verzoek, metRegie);

        AssertBeoordelen(besluit, "HK-317-7");
        Assert.Contains("procesregie over toewijzing 100", Beslissend(besluit).Melding, StringComparison.Ordinal);
        AssertToegekend(Besluit317(verzoek, regieElders));
        AssertToegekend(Besluit317(verzoek, Toestand(ZesMaanden())));
    }

    [Fact]
    public void JW317_op_medische_route_zonder_procesregie_van_de_gemeente_wordt_administratief_afgehandeld()
    {
        var besluit = Besluit317(Jw317(Kind, teWijzigen: [NieuweEinde(100, "2027-09-30")]), Toestand(ZesMaanden()));

        AssertToegekend(besluit);
        Assert.Contains(besluit.Bevindingen, b => b.RegelId == "HK-317-7" && b.Code == "administratief");
    }

    [Fact]
    public void Na_een_wijziging_door_de_procesregisseur_geldt_de_lokale_toegang_en_weigert_een_JW317()
    {
        // ToekenningWijzigen records the change of the procesregisseur with herkomst 01 (HK-317-7): from then on a
        // JW317 changing the volume is a matter for the lokale toegang (HK-317-1).
        var naRegie = Toestand(ZesMaanden(VerwijzerType.Gemeente)) with { GemeenteProcesregie = new HashSet<int> { 100 } };

        var besluit = Besluit317(Jw317(Kind, teWijzigen: [new TeWijzigenProduct(100, D("2027-05-01"), D("2027-06-30"), new Omvang(3500, "01", "6"))]), naRegie);

        AssertAfgewezen(besluit, RedenAfwijzing.PastNietBinnenContract, "HK-317-1");
    }

    // ---- HK-317-5 einddatum verschuiven: the seed's examples ----

    [Fact]
    public void Einddatum_verschuiven_6_maanden_toewijzing_mag_maximaal_3_maanden_later()
    {
        var toestand = Toestand(ZesMaanden());

        var drie = Besluit317(Jw317(Kind, teWijzigen: [NieuweEinde(100, "2027-09-30")]), toestand);
        var meer = Besluit317(Jw317(Kind, teWijzigen: [NieuweEinde(100, "2027-10-01")]), toestand);

        AssertToegekend(drie);
        AssertAfgewezen(meer, RedenAfwijzing.PastNietBinnenContract, "HK-317-5");
        Assert.Contains("uiterlijk 30-09-2027", meer.Toelichting, StringComparison.Ordinal);
    }

    [Fact]
    public void Einddatum_verschuiven_gaat_naar_beoordeling_als_de_toegekende_minuten_verbruikt_zijn()
    {
        // Seed 000 "Einddatum verschuiven (zonder extra minuten)": only when "de toegekende minuten zijn nog niet verbruikt".
        var verzoek = Jw317(Kind, teWijzigen: [NieuweEinde(100, "2027-09-30")]);
        var op = Toestand(ZesMaanden()) with { GedeclareerdeMinuten = new Dictionary<int, long> { [100] = 3000 } };
        var nogOver = Toestand(ZesMaanden()) with { GedeclareerdeMinuten = new Dictionary<int, long> { [100] = 2999 } };

        var besluit = Besluit317(verzoek, op);

        AssertBeoordelen(besluit, "HK-317-5");
        Assert.Contains("3000", Beslissend(besluit).Melding, StringComparison.Ordinal);
        AssertToegekend(Besluit317(verzoek, nogOver));
    }

    [Fact]
    public void Einddatum_verschuiven_15_maanden_toewijzing_mag_maximaal_6_maanden_later()
    {
        var vijftien = Tw(100, Kind, "45F21", D("2027-01-01"), D("2028-03-31"), 3000);

        var zes = Besluit317(Jw317(Kind, teWijzigen: [NieuweEinde(100, "2028-09-30", "2028-03-01")]), Toestand(vijftien));
        var meer = Besluit317(Jw317(Kind, teWijzigen: [NieuweEinde(100, "2028-10-01", "2028-03-01")]), Toestand(vijftien));

        AssertToegekend(zes);
        AssertAfgewezen(meer, RedenAfwijzing.PastNietBinnenContract, "HK-317-5");
    }

    [Theory]
    [InlineData("2027-01-01", "2027-06-30", "2027-09-30")] // 6 months: 50% = 3 months
    [InlineData("2027-01-01", "2028-03-31", "2028-09-30")] // 15 months: 7.5 capped at 6
    [InlineData("2027-01-01", "2027-12-31", "2028-06-30")] // 12 months: exactly 6
    [InlineData("2027-01-01", "2027-04-30", "2027-06-30")] // 4 months: 2 months
    [InlineData("2027-02-01", "2027-02-28", "2027-03-15")] // 1 month: 15 days (30-day months for fractions)
    public void Uiterlijke_nieuwe_einddatum_is_het_minimum_van_50_procent_en_6_maanden(string ingang, string einde, string uiterst)
    {
        var t = Tw(1, Kind, "45F21", D(ingang), D(einde));
        Assert.Equal(D(uiterst), VerzoekOmWijzigingBeoordelen.UiterlijkeNieuweEinddatum(t, new EinddatumVerschuivenBeleid(1, 50, 6)));
    }

    [Fact]
    public void Einddatum_verschuiven_houdt_het_nummer_en_krijgt_reden_verlenging()
    {
        var besluit = Besluit317(Jw317(Kind, teWijzigen: [NieuweEinde(100, "2027-09-30")]), Toestand(ZesMaanden()));

        var regel = Assert.Single(besluit.Toewijzingen);
        Assert.Equal(100, regel.ToewijzingNummer);   // IV066: a change of einddatum keeps the number
        Assert.Empty(besluit.NieuweNummers);
        Assert.Equal("04", regel.RedenWijziging);    // IV099
        Assert.Equal(D("2027-09-30"), regel.Einddatum);
        Assert.Equal(D("2027-01-01"), regel.Ingangsdatum);
        Assert.Equal(Minuten(3000), regel.Omvang);
        Assert.Equal("VOW-1", regel.ReferentieAanbieder); // TR379
        Assert.Equal(Vandaag, regel.Toewijzingsdatum);
        Assert.Contains("HK-317-5", besluit.RegelIds);
    }

    [Fact]
    public void Einddatum_verschuiven_mag_maar_een_keer()
    {
        var besluit = Besluit317(Jw317(Kind, teWijzigen: [NieuweEinde(100, "2027-07-31")]), Toestand(ZesMaanden(keer: 1)));
        AssertAfgewezen(besluit, RedenAfwijzing.PastNietBinnenContract, "HK-317-5");
    }

    [Fact]
    public void Einddatum_verschuiven_telt_vanaf_de_oorspronkelijke_periode()
    {
        // Policy allowing twice: the 50% is of the original six months, not of the already extended period.
        var tweeKeer = Catalogus with { Beleid = [.. Catalogus.Beleid.Select(b => b with { EinddatumVerschuiven = new EinddatumVerschuivenBeleid(2, 50, 6) })] };
        var verschoven = ZesMaanden(keer: 1) with { Einddatum = D("2027-08-31"), OorspronkelijkeEinddatum = D("2027-06-30") };

        var binnen = Besluit317(Jw317(Kind, teWijzigen: [NieuweEinde(100, "2027-11-30", "2027-08-01")]), Toestand(verschoven), Bronnen(tweeKeer));
        var buiten = Besluit317(Jw317(Kind, teWijzigen: [NieuweEinde(100, "2027-12-01", "2027-08-01")]), Toestand(verschoven), Bronnen(tweeKeer));

        AssertToegekend(binnen);
        AssertAfgewezen(buiten, RedenAfwijzing.PastNietBinnenContract, "HK-317-5");
    }

    [Fact]
    public void Einddatum_verschuiven_respecteert_de_harde_maximale_duur_van_diagnostiek()
    {
        var diagnostiek = Tw(100, Kind, "45F11", D("2027-01-01"), D("2027-12-31"), 3600);
        var besluit = Besluit317(Jw317(Kind, teWijzigen: [NieuweEinde(100, "2028-03-31", "2027-12-01")]), Toestand(diagnostiek));
        AssertAfgewezen(besluit, RedenAfwijzing.PastNietBinnenContract, "HK-PRD-2");
    }

    [Fact]
    public void Einddatum_verschuiven_wordt_automatisch_goedgekeurd_behalve_voorbij_een_harde_maximumduur_C11()
    {
        // §15 C-11: the move is approved within its own limits, even past a product's guideline duration (45F21:
        // 12 months, not hard); only a hard maximum (Diagnostiek, 12 months) refuses it. Both name C-11.
        var begeleiding = Tw(100, Kind, "45F21", D("2027-01-01"), D("2027-12-31"), 6000);
        var binnen = Besluit317(Jw317(Kind, teWijzigen: [NieuweEinde(100, "2028-06-30", "2027-12-01")]), Toestand(begeleiding));
        AssertToegekend(binnen);
        Assert.Contains("C-11", binnen.Bevindingen.Single(b => b.RegelId == "HK-317-5").Melding, StringComparison.Ordinal);

        var diagnostiek = Tw(100, Kind, "45F11", D("2027-01-01"), D("2027-12-31"), 3600);
        var voorbij = Besluit317(Jw317(Kind, teWijzigen: [NieuweEinde(100, "2028-03-31", "2027-12-01")]), Toestand(diagnostiek));
        AssertAfgewezen(voorbij, RedenAfwijzing.PastNietBinnenContract, "HK-PRD-2");
        Assert.Contains("C-11", Beslissend(voorbij).Melding, StringComparison.Ordinal);
    }

    // ---- HK-317-1 route of origin ----

    [Theory]
    [InlineData(VerwijzerType.GecertificeerdeInstelling)]
    [InlineData(VerwijzerType.Justitie)]
    public void Toewijzing_van_de_GI_wordt_nooit_via_JW317_gewijzigd(VerwijzerType herkomst)
    {
        var besluit = Besluit317(Jw317(Kind, teWijzigen: [NieuweEinde(100, "2027-07-31")]), Toestand(ZesMaanden(herkomst)));

        AssertAfgewezen(besluit, RedenAfwijzing.PastNietBinnenContract, "HK-317-1");
        Assert.Contains("GI", Beslissend(besluit).Melding, StringComparison.Ordinal);
    }

    [Fact]
    public void Gemeente_als_verwijzer_alleen_einddatum_verschuiven()
    {
        var toestand = Toestand(ZesMaanden(VerwijzerType.Gemeente));

        AssertToegekend(Besluit317(Jw317(Kind, teWijzigen: [NieuweEinde(100, "2027-08-31")]), toestand));

        var meerMinuten = new TeWijzigenProduct(100, D("2027-05-01"), null, Minuten(4000));
        AssertAfgewezen(Besluit317(Jw317(Kind, teWijzigen: [meerMinuten]), toestand), RedenAfwijzing.PastNietBinnenContract, "HK-317-1");

        var nieuw = Nieuw("45F31", 1000, D("2027-05-01"), D("2027-06-30"));
        AssertAfgewezen(Besluit317(Jw317(Kind, ongewijzigd: [100], nieuw: [nieuw]), toestand), RedenAfwijzing.PastNietBinnenContract, "HK-317-1");
    }

    // ---- HK-317-2 a change that is really a new request ----

    [Fact]
    public void Onbekend_toewijzingnummer_is_een_nieuwe_aanvraag_reden_1()
    {
        var besluit = Besluit317(Jw317(Kind, teWijzigen: [NieuweEinde(999, "2027-07-31")]), Toestand(ZesMaanden()));
        AssertAfgewezen(besluit, RedenAfwijzing.NieuweAanvraag, "HK-317-2");
    }

    [Fact]
    public void Toewijzing_van_een_andere_aanbieder_of_een_afgelopen_toewijzing_is_een_nieuwe_aanvraag()
    {
        var ander = ZesMaanden() with { Aanbieder = AndereAanbieder };
        AssertAfgewezen(Besluit317(Jw317(Kind, teWijzigen: [NieuweEinde(100, "2027-07-31")]), Toestand(ander)), RedenAfwijzing.NieuweAanvraag, "HK-317-2");

        var afgelopen = ZesMaanden() with { Einddatum = D("2027-02-28") };
        AssertAfgewezen(Besluit317(Jw317(Kind, teWijzigen: [NieuweEinde(100, "2027-04-30")]), Toestand(afgelopen)), RedenAfwijzing.NieuweAanvraag, "HK-317-2");
    }

    [Fact]
    public void Nieuw_product_uit_een_ander_perceel_is_een_nieuwe_aanvraag()
    {
        var multi = Tw(100, NopKind, "45F21", D("2027-01-01"), D("2027-06-30"), 3000);
        var basis = Nieuw("45F01", 1000, D("2027-05-01"), D("2027-06-30"));
        var besluit = Besluit317(Jw317(NopKind, ongewijzigd: [100], nieuw: [basis]) with { Gemeente = Noordoostpolder }, Toestand(multi));
        AssertAfgewezen(besluit, RedenAfwijzing.NieuweAanvraag, "HK-317-2");
    }

    // ---- HK-317-3 contract allows JW317, provider contracted ----

    [Fact]
    public void Contract_zonder_JW317_wordt_afgewezen()
    {
        var zonder = Catalogus with { Percelen = [.. Catalogus.Percelen.Select(p => p.Code == "MULTI" ? p with { Jw317Toegestaan = false } : p)] };
        var besluit = Besluit317(Jw317(Kind, teWijzigen: [NieuweEinde(100, "2027-07-31")]), Toestand(ZesMaanden()), Bronnen(zonder));
        AssertAfgewezen(besluit, RedenAfwijzing.PastNietBinnenContract, "HK-317-3");
    }

    [Fact]
    public void Nieuw_product_zonder_contract_wordt_afgewezen_met_reden_3()
    {
        var contracten = AlleContracten.Where(c => c.Product != P("45F31"));
        var nieuw = Nieuw("45F31", 1000, D("2027-05-01"), D("2027-06-30"));
        var besluit = Besluit317(Jw317(Kind, ongewijzigd: [100], nieuw: [nieuw]), Toestand(ZesMaanden()), Bronnen(contracten: contracten));
        AssertAfgewezen(besluit, RedenAfwijzing.GeenContract, "HK-317-3");
    }

    // ---- HK-317-6 Individueel naar Groep: the seed's example ----

    [Fact]
    public void Individueel_naar_groep_3000_wordt_2250_plus_750()
    {
        var individueel = Tw(100, Kind, "45F21", D("2027-01-01"), D("2027-12-31"), 3000);
        var verzoek = Jw317(Kind,
            teWijzigen: [new TeWijzigenProduct(100, D("2027-05-01"), null, Minuten(2250))],
            nieuw: [Nieuw("45F22", 750, D("2027-05-01"), D("2027-12-31"))]);

        var besluit = Besluit317(verzoek, Toestand(individueel));

        AssertToegekend(besluit);
        Assert.Contains(besluit.Bevindingen, b => b.RegelId == "HK-317-6" && b.Uitkomst == Uitkomst.Toegekend);
        var ind = besluit.Toewijzingen.Single(r => r.Product == P("45F21"));
        var groep = besluit.Toewijzingen.Single(r => r.Product == P("45F22"));
        Assert.Equal((100, 2250, "08"), (ind.ToewijzingNummer, ind.Omvang!.Volume, ind.RedenWijziging)); // 08 wijziging leveringsvorm
        Assert.Equal(D("2027-01-01"), ind.Ingangsdatum); // TR373: a change of the total keeps the ingangsdatum
        Assert.Equal((VolgendNummer, 750), (groep.ToewijzingNummer, groep.Omvang!.Volume));
        Assert.Null(groep.RedenWijziging); // IV099: an initial line has no reason
        Assert.Equal([VolgendNummer], besluit.NieuweNummers);
    }

    [Theory]
    [InlineData(2250, 1000, "2027-12-31")] // total grows to 3250
    [InlineData(3000, 750, "2027-12-31")]  // individual not lowered
    [InlineData(2250, 750, "2028-01-31")]  // group ends after the individual product
    public void Individueel_naar_groep_met_ander_totaal_of_latere_einddatum_wordt_afgewezen(int individueel, int groep, string groepEinde)
    {
        var lopend = Tw(100, Kind, "45F21", D("2027-01-01"), D("2027-12-31"), 3000);
        var wijziging = individueel == 3000 ? [] : new[] { new TeWijzigenProduct(100, D("2027-05-01"), null, Minuten(individueel)) };
        var verzoek = Jw317(Kind,
            ongewijzigd: individueel == 3000 ? [100] : [],
            teWijzigen: wijziging,
            nieuw: [Nieuw("45F22", groep, D("2027-05-01"), D(groepEinde))]);

        AssertAfgewezen(Besluit317(verzoek, Toestand(lopend)), RedenAfwijzing.PastNietBinnenContract, "HK-317-6");
    }

    [Fact]
    public void Individueel_naar_groep_met_een_kleiner_totaal_wordt_afgewezen()
    {
        // 3000 individual becomes 2000 + 750: the total shrinks to 2750, which is not "equal" either.
        var lopend = Tw(100, Kind, "45F21", D("2027-01-01"), D("2027-12-31"), 3000);
        var verzoek = Jw317(Kind,
            teWijzigen: [new TeWijzigenProduct(100, D("2027-05-01"), null, Minuten(2000))],
            nieuw: [Nieuw("45F22", 750, D("2027-05-01"), D("2027-12-31"))]);

        var besluit = Besluit317(verzoek, Toestand(lopend));

        AssertAfgewezen(besluit, RedenAfwijzing.PastNietBinnenContract, "HK-317-6");
        Assert.Contains("individueel was 3000 minuten, gevraagd is samen 2750 minuten", Beslissend(besluit).Melding, StringComparison.Ordinal);
    }

    [Fact]
    public void Individueel_naar_groep_in_Basis_Begeleiding()
    {
        var individueel = Tw(100, NopKind, "45F01", D("2027-01-01"), D("2027-12-31"), 3000);
        var verzoek = Jw317(NopKind,
            teWijzigen: [new TeWijzigenProduct(100, D("2027-06-01"), null, Minuten(2250))],
            nieuw: [Nieuw("45F02", 750, D("2027-06-01"), D("2027-12-31"))]) with { Gemeente = Noordoostpolder };

        var besluit = Besluit317(verzoek, Toestand(individueel));

        AssertToegekend(besluit);
        Assert.Contains("HK-317-6", besluit.RegelIds);
    }

    // ---- HK-317-4 lead time: a signal, never a rejection ----

    private static TeWijzigenProduct NieuweOmvang(int nummer, int minuten, string ingang) =>
        new(nummer, D(ingang), null, Minuten(minuten));

    [Fact]
    public void Doorlooptijd_Multi_korter_dan_10_werkdagen_geeft_alleen_een_signaal()
    {
        // Received 2027-03-08: 10 werkdagen later is 2027-03-22. More minutes from a later date than the
        // allocation's start (2027-01-01): the change really takes effect on that date.
        var kort = Besluit317(Jw317(Kind, teWijzigen: [NieuweOmvang(100, 4000, "2027-03-19")]), Toestand(ZesMaanden()));
        AssertToegekend(kort);
        var signaal = Assert.Single(kort.Signalen, s => s.RegelId == "HK-317-4");
        Assert.Contains("gaat in op 19-03-2027", signaal.Melding, StringComparison.Ordinal);
        Assert.Contains("22-03-2027", signaal.Melding, StringComparison.Ordinal);

        var optijd = Besluit317(Jw317(Kind, teWijzigen: [NieuweOmvang(100, 4000, "2027-03-22")]), Toestand(ZesMaanden()));
        AssertToegekend(optijd);
        Assert.DoesNotContain(optijd.Signalen, s => s.RegelId == "HK-317-4");
    }

    [Fact]
    public void Doorlooptijd_Basis_Begeleiding_is_8_weken()
    {
        var individueel = Tw(100, NopKind, "45F01", D("2027-01-01"), D("2027-12-31"), 3000);
        Besluit Met(string ingang) => Besluit317(
            Jw317(NopKind, teWijzigen: [NieuweOmvang(100, 4000, ingang)]) with { Gemeente = Noordoostpolder }, Toestand(individueel));

        Assert.Contains(Met("2027-05-02").Signalen, s => s.RegelId == "HK-317-4"); // 2027-03-08 + 8 weeks = 2027-05-03
        Assert.DoesNotContain(Met("2027-05-03").Signalen, s => s.RegelId == "HK-317-4");
        AssertToegekend(Met("2027-05-02"));
    }

    [Fact]
    public void Einddatum_verschuiven_geeft_geen_doorlooptijdsignaal()
    {
        // A pure end-date move keeps the original ingangsdatum; a desired start soon after receipt says nothing.
        var besluit = Besluit317(Jw317(Kind, teWijzigen: [NieuweEinde(100, "2027-07-31", "2027-03-19")]), Toestand(ZesMaanden()));

        AssertToegekend(besluit);
        Assert.Contains(besluit.Bevindingen, b => b.RegelId == "HK-317-5" && b.Uitkomst == Uitkomst.Toegekend);
        Assert.DoesNotContain(besluit.Signalen, s => s.RegelId == "HK-317-4");
    }

    [Fact]
    public void Wijziging_vanaf_de_oorspronkelijke_ingangsdatum_geeft_geen_doorlooptijdsignaal()
    {
        // More minutes over the whole allocation (desired start = the allocation's Ingangsdatum 2027-01-01).
        var besluit = Besluit317(Jw317(Kind, teWijzigen: [NieuweOmvang(100, 4000, "2027-01-01")]), Toestand(ZesMaanden()));

        AssertToegekend(besluit);
        Assert.DoesNotContain(besluit.Signalen, s => s.RegelId == "HK-317-4");
    }

    [Fact]
    public void Nieuw_product_kort_na_ontvangst_geeft_wel_een_doorlooptijdsignaal()
    {
        // The individual line changes from its own start (no signal for it); the new group product starts
        // 2027-03-19, within 10 werkdagen of receipt.
        var individueel = Tw(100, Kind, "45F21", D("2027-01-01"), D("2027-12-31"), 3000);
        var verzoek = Jw317(Kind,
            teWijzigen: [NieuweOmvang(100, 2250, "2027-01-01")],
            nieuw: [Nieuw("45F22", 750, D("2027-03-19"), D("2027-12-31"))]);

        var besluit = Besluit317(verzoek, Toestand(individueel));

        AssertToegekend(besluit);
        var signaal = Assert.Single(besluit.Signalen, s => s.RegelId == "HK-317-4");
        Assert.Contains("45F22 gaat in op 19-03-2027", signaal.Melding, StringComparison.Ordinal);
    }

    // ---- Volume and duration of ordinary changes (HK-317-7, HK-PRD-1, HK-PRD-3) and IV066/IV099 ----

    [Theory]
    [InlineData(4000, "Toegekend", "04")]  // more minutes: verlenging
    [InlineData(2000, "Toegekend", "05")]  // fewer: verkorting
    [InlineData(11521, "Beoordelen", null)] // above category B: review
    public void Wijziging_in_minuten(int minuten, string verwacht, string? reden)
    {
        var besluit = Besluit317(Jw317(Kind, teWijzigen: [new TeWijzigenProduct(100, D("2027-05-01"), null, Minuten(minuten))]), Toestand(ZesMaanden()));

        Assert.True(Enum.Parse<Uitkomst>(verwacht) == besluit.Uitkomst, besluit.Toelichting);
        if (reden is not null)
        {
            var regel = Assert.Single(besluit.Toewijzingen);
            Assert.Equal((100, reden, minuten), (regel.ToewijzingNummer, regel.RedenWijziging, regel.Omvang!.Volume));
        }
        else
        {
            Assert.Equal("HK-PRD-3", Beslissend(besluit).RegelId);
        }
    }

    [Fact]
    public void Einddatum_eerder_is_een_verkorting()
    {
        var besluit = Besluit317(Jw317(Kind, teWijzigen: [NieuweEinde(100, "2027-05-31")]), Toestand(ZesMaanden()));
        AssertToegekend(besluit);
        Assert.Equal("05", besluit.Toewijzingen.Single().RedenWijziging);
        Assert.DoesNotContain("HK-317-5", besluit.RegelIds);
    }

    [Fact]
    public void Langere_einddatum_met_meer_minuten_is_geen_verschuiving_maar_volgt_de_maximale_duur()
    {
        var wijziging = new TeWijzigenProduct(100, D("2027-05-01"), D("2028-01-31"), Minuten(4000));
        var besluit = Besluit317(Jw317(Kind, teWijzigen: [wijziging]), Toestand(ZesMaanden()));
        AssertBeoordelen(besluit, "HK-PRD-1");
        Assert.DoesNotContain("HK-317-5", besluit.RegelIds);
    }

    [Fact]
    public void Omvang_wijziging_met_andere_frequentie_dan_totaal_beeindigt_de_oude_en_geeft_een_nieuw_nummer()
    {
        // IV066 with a variant of 45F21 allocated per week: the old number ends the day before the change.
        var perWeek = Catalogus with { Producten = [.. Catalogus.Producten.Select(p => p.Code == P("45F21") ? p with { Frequentie = "2" } : p)] };
        var oud = ZesMaanden() with { Omvang = new Omvang(120, Omvang.Minuut, "2") };
        var verzoek = Jw317(Kind, teWijzigen: [new TeWijzigenProduct(100, D("2027-05-01"), null, new Omvang(180, Omvang.Minuut, "2"))]);

        var besluit = Besluit317(verzoek, Toestand(oud), Bronnen(perWeek));

        AssertToegekend(besluit);
        var geeindigd = besluit.Toewijzingen.Single(r => r.ToewijzingNummer == 100);
        var nieuw = besluit.Toewijzingen.Single(r => r.ToewijzingNummer == VolgendNummer);
        Assert.Equal((D("2027-01-01"), D("2027-04-30"), 120), (geeindigd.Ingangsdatum, geeindigd.Einddatum!.Value, geeindigd.Omvang!.Volume));
        Assert.Equal((D("2027-05-01"), D("2027-06-30"), 180), (nieuw.Ingangsdatum, nieuw.Einddatum!.Value, nieuw.Omvang!.Volume));
        Assert.Null(nieuw.RedenWijziging);
        Assert.Equal([VolgendNummer], besluit.NieuweNummers);
    }

    [Fact]
    public void Ongewijzigde_toewijzingen_gaan_onveranderd_mee_in_de_JW301()
    {
        var diagnostiek = Tw(90, Kind, "45F11", D("2027-01-01"), D("2027-06-30"), 1800);
        var besluit = Besluit317(Jw317(Kind, ongewijzigd: [90], teWijzigen: [NieuweEinde(100, "2027-09-30")]), Toestand(diagnostiek, ZesMaanden()));

        AssertToegekend(besluit);
        var regel = besluit.Toewijzingen.Single(r => r.ToewijzingNummer == 90);
        Assert.Equal(new DateOnly(2027, 1, 5), regel.Toewijzingsdatum); // IV013: re-sending keeps the values
        Assert.Equal(new TimeOnly(9, 0), regel.Toewijzingstijd);
        Assert.Null(regel.RedenWijziging);
        Assert.Equal("REF-90", regel.ReferentieAanbieder);
        Assert.Equal(2, besluit.Toewijzingen.Count);
    }

    // ---- TR302 / OP259 / §10 in the resulting situation ----

    [Fact]
    public void Zelfde_product_overlappend_in_de_JW301_wordt_afgewezen_met_reden_6()
    {
        var nieuw = Nieuw("45F21", 1000, D("2027-05-01"), D("2027-06-30"));
        var besluit = Besluit317(Jw317(Kind, ongewijzigd: [100], nieuw: [nieuw]), Toestand(ZesMaanden()));
        AssertAfgewezen(besluit, RedenAfwijzing.Stapeling, "TR302");
    }

    [Fact]
    public void Nieuw_product_dat_niet_naast_een_lopende_toewijzing_mag_wordt_afgewezen_met_reden_6()
    {
        var kdc = Tw(200, Kind, "41K01", D("2027-01-01"), D("2027-12-31"), aanbieder: AndereAanbieder);
        var nieuw = Nieuw("45F32", 750, D("2027-05-01"), D("2027-06-30"));
        var besluit = Besluit317(Jw317(Kind, ongewijzigd: [100], nieuw: [nieuw]), Toestand(ZesMaanden(), kdc));
        AssertAfgewezen(besluit, RedenAfwijzing.Stapeling, "HK-STAP-KDC");
        Assert.DoesNotContain("HK-317-6", besluit.RegelIds); // 45F32 is not the group variant of 45F21
    }

    [Fact]
    public void Opschalen_naar_een_andere_Multi_vorm_binnen_dezelfde_aanbieder()
    {
        // HK-317-7: Begeleiding ends early, Behandeling starts and overlaps a month; both Multi, stacking allowed.
        var verzoek = Jw317(Kind,
            teWijzigen: [NieuweEinde(100, "2027-05-31")],
            nieuw: [Nieuw("45F31", 2000, D("2027-05-01"), D("2027-12-31"))]);

        var besluit = Besluit317(verzoek, Toestand(ZesMaanden()));

        AssertToegekend(besluit);
        Assert.Equal(2, besluit.Toewijzingen.Count);
        Assert.Contains("HK-STAP-MULTI", besluit.RegelIds);
    }

    // ---- Residence and age apply to a JW317 as well ----

    [Fact]
    public void Woonplaatsbeginsel_geldt_ook_voor_een_JW317()
    {
        var toewijzing = ZesMaanden() with { Client = ZeewoldeKind };
        var besluit = Besluit317(Jw317(ZeewoldeKind, teWijzigen: [NieuweEinde(100, "2027-07-31")]), Toestand(toewijzing));
        AssertAfgewezen(besluit, RedenAfwijzing.Woonplaatsbeginsel, "HK-315-4");
        Assert.Equal(Zeewolde, besluit.VerantwoordelijkeGemeente);
    }

    [Fact]
    public void Leeftijdsgrens_geldt_ook_voor_een_JW317()
    {
        var toewijzing = ZesMaanden() with { Client = Achttienjarige };
        var besluit = Besluit317(Jw317(Achttienjarige, teWijzigen: [NieuweEinde(100, "2027-07-31")]), Toestand(toewijzing));
        AssertAfgewezen(besluit, RedenAfwijzing.Leeftijdsgrens, "HK-PRD-6");
    }

    [Fact]
    public void Afwijzing_van_een_deel_betekent_geen_JW301_voor_het_geheel()
    {
        // HK-301-2: the valid end-date move is not sent when the new product in the same request fails.
        var verzoek = Jw317(Kind,
            teWijzigen: [NieuweEinde(100, "2027-09-30")],
            nieuw: [Nieuw("45X99", 500, D("2027-05-01"), D("2027-06-30"))]);

        var besluit = Besluit317(verzoek, Toestand(ZesMaanden()));

        AssertAfgewezen(besluit, RedenAfwijzing.PastNietBinnenContract, "HK-317-3");
        Assert.Empty(besluit.NieuweNummers);
    }

    [Fact]
    public void Verzoek_zonder_wijziging_wordt_afgewezen()
    {
        AssertAfgewezen(Besluit317(Jw317(Kind, ongewijzigd: [100]), Toestand(ZesMaanden())), RedenAfwijzing.PastNietBinnenContract, "TR353");
    }
}
