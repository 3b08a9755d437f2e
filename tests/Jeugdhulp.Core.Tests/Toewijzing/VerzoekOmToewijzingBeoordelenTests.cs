using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using static Jeugdhulp.Core.Tests.Toewijzing.FlevolandRegels;
using static Jeugdhulp.Core.Tests.Toewijzing.Omgeving;

namespace Jeugdhulp.Core.Tests.Toewijzing;

public class VerzoekOmToewijzingBeoordelenTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd");

    // ---- The happy path and the JW301 it proposes (HK-301-1, TR379, IV099, IV013) ----

    [Fact]
    public void Passend_verzoek_wordt_toegekend_met_een_JW301_regel_volgens_het_verzoek()
    {
        var besluit = Besluit315(Jw315(Kind, Aanvraag("45F21", 3000)), MetDiagnostiek(Kind));

        AssertToegekend(besluit);
        Assert.Null(besluit.Reden);
        var regel = Assert.Single(besluit.Toewijzingen);
        Assert.Equal(VolgendNummer, regel.ToewijzingNummer);
        Assert.Equal([VolgendNummer], besluit.NieuweNummers);
        Assert.Equal("REF-1", regel.ReferentieAanbieder);
        Assert.Equal(P("45F21"), regel.Product);
        Assert.Equal("45", regel.Categorie);
        Assert.Equal(Vandaag, regel.Toewijzingsdatum);
        Assert.Equal(new TimeOnly(10, 15, 30), regel.Toewijzingstijd);
        Assert.Equal(Ingang, regel.Ingangsdatum);
        Assert.Equal(Einde, regel.Einddatum);
        Assert.Null(regel.RedenWijziging);
        Assert.Equal(Minuten(3000), regel.Omvang);
        Assert.Equal(Kind, regel.Client);
    }

    [Fact]
    public void Besluit_noemt_alle_toegepaste_regels_en_de_regelset()
    {
        var besluit = Besluit315(Jw315(Kind, Aanvraag("45F21", 3000)), MetDiagnostiek(Kind));

        foreach (var id in new[] { "HK-315-4", "HK-315-5", "HK-PER-5", "HK-301-7", "HK-315-10", "HK-PRD-6", "HK-PRD-1", "HK-PRD-3", "HK-315-11", "OP259", "OP347" })
        {
            Assert.Contains(id, besluit.RegelIds);
        }

        Assert.Equal($"flevoland {FlevolandRegels.Catalogus.Versie} op 2027-04-01", besluit.Regelset);
        Assert.StartsWith($"Toegekend volgens regelset flevoland {FlevolandRegels.Catalogus.Versie} op 2027-04-01.", besluit.Toelichting, StringComparison.Ordinal);
    }

    [Fact]
    public void Elk_aangevraagd_product_wordt_apart_beoordeeld_en_alleen_toekenningen_krijgen_een_nummer()
    {
        var verzoek = Jw315(Kind,
            Aanvraag("45F11", 1800, einde: D("2027-09-30"), referentie: "A"),
            Aanvraag("45F21", 3000, referentie: "B"),
            Aanvraag("45F31", 3000, referentie: "C", verwijzer: VerwijzerType.Gemeente),
            Aanvraag("45F31", 3000, referentie: "D"));

        var uitslag = new VerzoekOmToewijzingBeoordelen(Bronnen()).Beoordeel(verzoek, Clienttoestand.Leeg, VolgendNummer);

        Assert.Equal(["A", "B", "C", "D"], uitslag.Besluiten.Select(b => b.ReferentieAanbieder));
        AssertToegekend(uitslag.Besluiten[0]);
        AssertBeoordelen(uitslag.Besluiten[1], "HK-315-11");
        AssertAfgewezen(uitslag.Besluiten[2], RedenAfwijzing.PastNietBinnenContract, "HK-315-10");
        AssertBeoordelen(uitslag.Besluiten[3], "HK-315-11");
        Assert.Equal(VolgendNummer, uitslag.Besluiten[0].Toewijzingen[0].ToewijzingNummer);
        Assert.Equal(VolgendNummer + 1, uitslag.VolgendVrijNummer);
    }

    // ---- HK-315-4 woonplaatsbeginsel ----

    [Fact]
    public void Inwoner_van_een_andere_gemeente_wordt_afgewezen_met_reden_8_en_de_verantwoordelijke_gemeente()
    {
        var besluit = Besluit315(Jw315(ZeewoldeKind, Aanvraag("45F11", 1800, einde: D("2027-09-30"))));

        AssertAfgewezen(besluit, RedenAfwijzing.Woonplaatsbeginsel, "HK-315-4");
        Assert.Equal(Zeewolde, besluit.VerantwoordelijkeGemeente);
        Assert.Contains("HK-315-5", besluit.RegelIds); // the other checks still ran
        Assert.Contains("Afgewezen, reden 8 (woonplaatsbeginsel)", besluit.Toelichting, StringComparison.Ordinal);
    }

    [Fact]
    public void Onbekend_BSN_gaat_naar_beoordeling_en_wordt_niet_afgewezen()
    {
        var besluit = Besluit315(Jw315(Onbekend, Aanvraag("45F11", 1800, einde: D("2027-09-30"))));

        AssertBeoordelen(besluit, "HK-315-4");
        Assert.Null(besluit.VerantwoordelijkeGemeente);
        Assert.DoesNotContain(Onbekend.Waarde, besluit.Toelichting, StringComparison.Ordinal);
    }

    // ---- HK-PER-1, HK-PER-2, HK-PER-5 lot participation ----

    [Theory]
    [InlineData("45F21", "0995", false)] // Lelystad: only Gezinsbehandeling intensief (HK-PER-1)
    [InlineData("45F11", "0995", false)]
    [InlineData("45F34", "0995", true)]
    [InlineData("45F21", "0303", true)]  // Dronten takes part in Multi
    [InlineData("45F01", "0034", false)] // Basis Begeleiding only Noordoostpolder and Urk (HK-PER-2)
    [InlineData("45F01", "0303", false)]
    [InlineData("45F01", "0171", true)]
    [InlineData("45F01", "0184", true)]
    public void Gemeente_buiten_het_perceel_wordt_afgewezen_met_reden_4(string product, string gemeente, bool neemtDeel)
    {
        var g = G(gemeente);
        var client = g == Lelystad ? LelystadKind : g == Noordoostpolder ? NopKind : Kind;
        var bron = new Inwonersregister(Register.Select(i => i.Bsn == client ? i with { Gemeente = g } : i));
        var bronnen = new Beoordelingsbronnen(Catalogus, AlleContracten, bron, new FakeTimeProvider(Nu));
        var einde = product == "45F34" ? D("2027-12-31") : Einde;

        var besluit = Besluit315(Jw315(client, g, Aanvraag(product, 3000, einde: einde)), MetDiagnostiek(client), bronnen);

        var deelname = besluit.Bevindingen.Single(b => b.RegelId == "HK-PER-5");
        if (neemtDeel)
        {
            Assert.Equal(Uitkomst.Toegekend, deelname.Uitkomst);
            Assert.NotEqual(Uitkomst.Afgewezen, besluit.Uitkomst);
        }
        else
        {
            AssertAfgewezen(besluit, RedenAfwijzing.PastNietBinnenContract, "HK-PER-5");
        }
    }

    [Fact]
    public void Deelname_volgt_de_regeldata_op_de_ingangsdatum()
    {
        // Lelystad joins the whole Multi lot from 2028 in this variant: the same request is then approved.
        var multi = Catalogus.Percelen.Single(p => p.Code == "MULTI");
        var deelnames = multi.Deelnames.Select(d => d.Gemeente == Lelystad
            ? d with { Geldigheid = Periode.Maak(Begin, D("2027-12-31")).Waarde } : d)
            .Append(new Deelname(Lelystad, Periode.Vanaf(D("2028-01-01")), []));
        var catalogus = Catalogus with { Percelen = [.. Catalogus.Percelen.Select(p => p.Code == "MULTI" ? p with { Deelnames = [.. deelnames] } : p)] };
        var bronnen = Bronnen(catalogus);

        var in2027 = Besluit315(Jw315(LelystadKind, Lelystad, Aanvraag("45F21", 3000)), MetDiagnostiek(LelystadKind), bronnen);
        var in2028 = Besluit315(Jw315(LelystadKind, Lelystad, Aanvraag("45F21", 3000, ingang: D("2028-01-01"), einde: D("2028-12-31"))), MetDiagnostiek(LelystadKind), bronnen);

        AssertAfgewezen(in2027, RedenAfwijzing.PastNietBinnenContract, "HK-PER-5");
        AssertToegekend(in2028);
    }

    // ---- HK-315-5 contract and catalogue ----

    [Fact]
    public void Aanbieder_zonder_contract_voor_het_product_wordt_afgewezen_met_reden_3()
    {
        var zonder = AlleContracten.Where(c => c.Product != P("45F31") || c.Gemeente != Almere);
        var besluit = Besluit315(Jw315(Kind, Aanvraag("45F31", 3000)), MetDiagnostiek(Kind), Bronnen(contracten: zonder));

        AssertAfgewezen(besluit, RedenAfwijzing.GeenContract, "HK-315-5");
    }

    [Fact]
    public void Contract_moet_gelden_op_de_gevraagde_ingangsdatum()
    {
        var tot = AlleContracten.Select(c => c.Product == P("45F31") ? c with { Geldigheid = Periode.Maak(Begin, D("2027-03-31")).Waarde } : c);
        var besluit = Besluit315(Jw315(Kind, Aanvraag("45F31", 3000)), MetDiagnostiek(Kind), Bronnen(contracten: tot));

        AssertAfgewezen(besluit, RedenAfwijzing.GeenContract, "HK-315-5");
    }

    [Theory]
    [InlineData("45X99", "45")] // not in the catalogue
    [InlineData("45F21", "54")] // wrong category
    public void Product_buiten_de_catalogus_wordt_afgewezen_met_reden_4(string code, string categorie)
    {
        var aanvraag = Aanvraag("45F21", 3000) with { Product = P(code), Categorie = categorie };
        var besluit = Besluit315(Jw315(Kind, aanvraag), MetDiagnostiek(Kind));

        AssertAfgewezen(besluit, RedenAfwijzing.PastNietBinnenContract, "HK-315-5");
    }

    // ---- HK-301-7 unit and frequency ----

    [Fact]
    public void Omvang_in_uren_totaal_wordt_geaccepteerd()
    {
        var besluit = Besluit315(Jw315(Kind, Aanvraag("45F21", omvang: new Omvang(50, Omvang.Uur, Omvang.Totaal))), MetDiagnostiek(Kind));
        AssertToegekend(besluit);
    }

    [Theory]
    [InlineData("01", "2")]  // per week
    [InlineData("84", "6")]  // pieces for a minutes product
    public void Omvang_in_andere_eenheid_of_frequentie_wordt_afgewezen(string eenheid, string frequentie)
    {
        var besluit = Besluit315(Jw315(Kind, Aanvraag("45F21", omvang: new Omvang(60, eenheid, frequentie))), MetDiagnostiek(Kind));
        AssertAfgewezen(besluit, RedenAfwijzing.PastNietBinnenContract, "HK-301-7");
    }

    [Fact]
    public void Verzoek_zonder_omvang_wordt_afgewezen()
    {
        var besluit = Besluit315(Jw315(Kind, Aanvraag("45F21") with { Omvang = null, Budget = 100000 }), MetDiagnostiek(Kind));
        AssertAfgewezen(besluit, RedenAfwijzing.PastNietBinnenContract, "HK-301-7");
    }

    // ---- HK-315-10 referrer types ----

    [Theory]
    [InlineData(VerwijzerType.Huisarts, "Toegekend")]
    [InlineData(VerwijzerType.Jeugdarts, "Toegekend")]
    [InlineData(VerwijzerType.MedischSpecialist, "Toegekend")]
    [InlineData(VerwijzerType.Gemeente, "Afgewezen")]
    [InlineData(VerwijzerType.Zelfverwijzer, "Afgewezen")]
    [InlineData(VerwijzerType.GecertificeerdeInstelling, "Beoordelen")]
    [InlineData(VerwijzerType.Justitie, "Beoordelen")]
    public void Verwijzertype_bepaalt_de_route(VerwijzerType type, string verwacht)
    {
        var besluit = Besluit315(Jw315(Kind, Aanvraag("45F11", 1800, einde: D("2027-09-30"), verwijzer: type)));

        Assert.Equal(Enum.Parse<Uitkomst>(verwacht), besluit.Uitkomst);
        var bevinding = besluit.Bevindingen.Single(b => b.RegelId == "HK-315-10");
        Assert.Equal(besluit.Uitkomst, bevinding.Uitkomst);
        if (besluit.Uitkomst == Uitkomst.Afgewezen)
        {
            Assert.Equal(RedenAfwijzing.PastNietBinnenContract, besluit.Reden);
        }
    }

    [Fact]
    public void Gemeente_als_verwijzer_met_naam_en_zorgverlenercode_wordt_toch_afgewezen_met_reden_4()
    {
        // A fully filled referrer, so the rejection cannot come from a missing name or code: type 01 itself
        // is not a JW315 route.
        var aanvraag = Aanvraag("45F11", 1800, einde: D("2027-09-30")) with
        {
            Verwijzer = new Verwijzer(VerwijzerType.Gemeente, "Lokale toegang Almere", "01234567"),
        };

        var besluit = Besluit315(Jw315(Kind, aanvraag));

        AssertAfgewezen(besluit, RedenAfwijzing.PastNietBinnenContract, "HK-315-10");
        Assert.Contains("type 01 (gemeente) is geen JW315-route", Beslissend(besluit).Melding, StringComparison.Ordinal);
    }

    [Fact]
    public void Medische_verwijzer_zonder_naam_en_zorgverlenercode_wordt_afgewezen()
    {
        var aanvraag = Aanvraag("45F11", 1800, einde: D("2027-09-30")) with { Verwijzer = new Verwijzer(VerwijzerType.Huisarts, " ", null) };
        AssertAfgewezen(Besluit315(Jw315(Kind, aanvraag)), RedenAfwijzing.PastNietBinnenContract, "HK-315-10");

        var metAlleenCode = aanvraag with { Verwijzer = new Verwijzer(VerwijzerType.Huisarts, null, "01234567") };
        AssertToegekend(Besluit315(Jw315(Kind, metAlleenCode)));
    }

    [Fact]
    public void Medische_verwijzers_zijn_de_brede_lijst_uit_de_regeldata_C14()
    {
        // §15 C-14: POH and geneeskundig specialist count too; the list is rule data and is named in the decision.
        var huisarts = Besluit315(Jw315(Kind, Aanvraag("45F11", 1800, einde: D("2027-09-30"))));
        var route = huisarts.Bevindingen.Single(b => b.RegelId == "HK-315-10");
        Assert.Contains("POH", route.Melding, StringComparison.Ordinal);
        Assert.Contains("C-14", route.Melding, StringComparison.Ordinal);

        var zonderJeugdarts = Catalogus with
        {
            Beleid = [.. Catalogus.Beleid.Select(b => b with { MedischeVerwijzers = [.. b.MedischeVerwijzers.Where(m => m.Type != "03")] })],
        };
        var jeugdarts = Besluit315(Jw315(Kind, Aanvraag("45F11", 1800, einde: D("2027-09-30"), verwijzer: VerwijzerType.Jeugdarts)), bronnen: Bronnen(zonderJeugdarts));
        AssertAfgewezen(jeugdarts, RedenAfwijzing.PastNietBinnenContract, "HK-315-10");
        Assert.Contains("C-14", Beslissend(jeugdarts).Melding, StringComparison.Ordinal);
    }

    // ---- HK-PRD-6 age, its exceptions, and HK-PRD-5 ----

    [Fact]
    public void Jeugdige_van_18_zonder_uitzondering_wordt_afgewezen_met_reden_9()
    {
        var besluit = Besluit315(Jw315(Achttienjarige, Aanvraag("45F11", 1800, einde: D("2027-09-30"))));
        AssertAfgewezen(besluit, RedenAfwijzing.Leeftijdsgrens, "HK-PRD-6");
    }

    [Fact]
    public void Leeftijd_telt_op_de_gevraagde_ingangsdatum()
    {
        // Bijna18 turns 18 on 2027-09-01: a request starting that day is too late, the day before is fine.
        var op = Besluit315(Jw315(Bijna18, Aanvraag("45F11", 1800, ingang: D("2027-09-01"), einde: D("2028-02-29"))));
        var ervoor = Besluit315(Jw315(Bijna18, Aanvraag("45F11", 1800, ingang: D("2027-08-31"), einde: D("2028-02-28"))));

        AssertAfgewezen(op, RedenAfwijzing.Leeftijdsgrens, "HK-PRD-6");
        AssertToegekend(ervoor);
    }

    [Fact]
    public void Uitzondering_gezinslid_met_hulp_uit_hetzelfde_perceel()
    {
        var broer = Tw(77, BroerVanAchttienjarige, "45F31");
        var besluit = Besluit315(Jw315(Achttienjarige, Aanvraag("45F11", 1800, einde: D("2027-09-30"))), Toestand([], [broer]));
        AssertToegekend(besluit);

        var anderPerceel = Tw(77, BroerVanAchttienjarige, "41K01");
        var zonder = Besluit315(Jw315(Achttienjarige, Aanvraag("45F11", 1800, einde: D("2027-09-30"))), Toestand([], [anderPerceel]));
        AssertAfgewezen(zonder, RedenAfwijzing.Leeftijdsgrens, "HK-PRD-6");
    }

    [Fact]
    public void Uitzondering_jeugdreclassering()
    {
        AssertToegekend(Besluit315(Jw315(Jeugdreclassant, Aanvraag("45F11", 1800, einde: D("2027-09-30")))));
    }

    [Fact]
    public void Uitzonderingen_komen_uit_de_regeldata()
    {
        var zonderJr = Catalogus with
        {
            Leeftijdsgrenzen = [.. Catalogus.Leeftijdsgrenzen.Select(l => l with { Uitzonderingen = [.. l.Uitzonderingen.Where(u => u != LeeftijdUitzondering.Jeugdreclassering)] })],
        };
        var besluit = Besluit315(Jw315(Jeugdreclassant, Aanvraag("45F11", 1800, einde: D("2027-09-30"))), bronnen: Bronnen(zonderJr));
        AssertAfgewezen(besluit, RedenAfwijzing.Leeftijdsgrens, "HK-PRD-6");
    }

    [Fact]
    public void Uitzondering_ouder_met_toewijzing_voor_opvoedvraag()
    {
        // A parent in the household of the 18-year-old holds a Multi allocation on the parent's BSN.
        var ouder = new Inwoner(B("100894847"), Almere, new DateOnly(1980, 1, 1), "H2", false);
        var bron = new Inwonersregister(Register.Append(ouder));
        var bronnen = new Beoordelingsbronnen(Catalogus, AlleContracten, bron, new FakeTimeProvider(Nu));
        var toestand = Toestand([], [Tw(78, ouder.Bsn, "45F33")]);

        AssertToegekend(Besluit315(Jw315(Achttienjarige, Aanvraag("45F11", 1800, einde: D("2027-09-30"))), toestand, bronnen));
    }

    [Fact]
    public void Toewijzing_op_BSN_van_de_ouder_gaat_naar_beoordeling_en_volwassene_zonder_kind_wordt_afgewezen()
    {
        var ouder = Besluit315(Jw315(Ouder, Aanvraag("45F11", 1800, einde: D("2027-09-30"))));
        AssertBeoordelen(ouder, "HK-PRD-5");

        var alleen = Besluit315(Jw315(Alleenstaande, Aanvraag("45F11", 1800, einde: D("2027-09-30"))));
        AssertAfgewezen(alleen, RedenAfwijzing.Leeftijdsgrens, "HK-PRD-6");
    }

    [Fact]
    public void Toewijzing_op_BSN_van_de_ouder_wordt_niet_afgewezen_op_de_leeftijd_van_de_ouder_C13()
    {
        // §15 C-13: the age limit is about the youth the help is for. Basis Begeleiding lists no exception for a
        // parent's parenting question, yet a parent of a youth under 18 is not refused on the parent's own age.
        var ouder = new Inwoner(B("100894847"), Noordoostpolder, new DateOnly(1980, 1, 1), "H4", false);
        var bronnen = new Beoordelingsbronnen(Catalogus, AlleContracten, new Inwonersregister(Register.Append(ouder)), new FakeTimeProvider(Nu));

        var besluit = Besluit315(Jw315(ouder.Bsn, Noordoostpolder, Aanvraag("45F01", 3000)), bronnen: bronnen);

        AssertBeoordelen(besluit, "HK-PRD-5");
        var leeftijd = besluit.Bevindingen.Single(b => b.RegelId == "HK-PRD-6");
        Assert.Equal(Uitkomst.Toegekend, leeftijd.Uitkomst);
        Assert.Contains("C-13", leeftijd.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public void Achttiende_verjaardag_tijdens_de_toewijzing_geeft_een_signaal_geen_afwijzing()
    {
        var besluit = Besluit315(Jw315(Bijna18, Aanvraag("45F11", 1800, einde: D("2027-09-30"))));

        AssertToegekend(besluit);
        var signaal = Assert.Single(besluit.Signalen, s => s.RegelId == "HK-PRD-6");
        Assert.Equal(D("2027-09-01"), signaal.Datum);

        var jong = Besluit315(Jw315(Kind, Aanvraag("45F11", 1800, einde: D("2027-09-30"))));
        Assert.DoesNotContain(jong.Signalen, s => s.RegelId == "HK-PRD-6");
    }

    // ---- HK-PRD-1, HK-PRD-2 duration ----

    [Theory]
    [InlineData("45F11", "2028-03-31", "Toegekend", null)]   // Diagnostiek 12 months: the hard maximum
    [InlineData("45F11", "2028-04-01", "Afgewezen", "HK-PRD-2")]
    [InlineData("45F21", "2028-03-31", "Toegekend", null)]
    [InlineData("45F21", "2028-04-01", "Beoordelen", "HK-PRD-1")]
    [InlineData("45F34", "2027-12-31", "Toegekend", null)]   // Gezin intensief 9 months
    [InlineData("45F34", "2028-01-01", "Beoordelen", "HK-PRD-1")]
    [InlineData("45F21", null, "Beoordelen", "HK-PRD-1")]    // open-ended
    public void Duur_boven_het_maximum(string product, string? einde, string verwacht, string? regelId)
    {
        var aanvraag = Aanvraag(product, 1800) with { Einddatum = einde is null ? null : D(einde) };
        var besluit = Besluit315(Jw315(JongsteKind, aanvraag), MetDiagnostiek(JongsteKind));

        Assert.True(Enum.Parse<Uitkomst>(verwacht) == besluit.Uitkomst, besluit.Toelichting);
        if (regelId is not null)
        {
            Assert.Equal(regelId, Beslissend(besluit).RegelId);
        }

        if (besluit.Uitkomst == Uitkomst.Afgewezen)
        {
            Assert.Equal(RedenAfwijzing.PastNietBinnenContract, besluit.Reden);
        }
    }

    // ---- HK-24-8 crisis with stay: a maximum in days ----

    [Theory]
    [InlineData(28, Uitkomst.Toegekend)]
    [InlineData(29, Uitkomst.Afgewezen)]
    [InlineData(31, Uitkomst.Afgewezen)]
    public void HK_24_8_een_crisisplaatsing_van_meer_dan_28_dagen_wordt_afgewezen_in_de_JW315(int dagen, Uitkomst verwacht)
    {
        // The region takes part in the 24-uurs lot as data; then the product's maxDuurDagen applies.
        var aanvraag = Aanvraag("46R01", ingang: Ingang, einde: Ingang.AddDays(dagen - 1), omvang: new Omvang(dagen, "14", Omvang.Totaal));

        var besluit = Besluit315(Jw315(Kind, aanvraag), bronnen: Bronnen(Met24uurs()));

        Assert.True(verwacht == besluit.Uitkomst, besluit.Toelichting);
        Assert.Contains("HK-24-8", besluit.RegelIds);
        if (verwacht == Uitkomst.Afgewezen)
        {
            Assert.Equal("HK-24-8", Beslissend(besluit).RegelId);
            Assert.Equal(RedenAfwijzing.PastNietBinnenContract, besluit.Reden);
        }
    }

    [Theory]
    [InlineData(7, Uitkomst.Afgewezen)]   // 3.5 etmalen per week over 14 days: short stay, local
    [InlineData(8, Uitkomst.Toegekend)]   // 4 per week
    public void HK_24_1_een_JW315_voor_verblijf_onder_4_etmalen_per_week_wordt_afgewezen(int etmalen, Uitkomst verwacht)
    {
        var aanvraag = Aanvraag("43R01", ingang: Ingang, einde: Ingang.AddDays(13), omvang: new Omvang(etmalen, "14", Omvang.Totaal));

        var besluit = Besluit315(Jw315(Kind, aanvraag), bronnen: Bronnen(Met24uurs()));

        Assert.True(verwacht == besluit.Uitkomst, besluit.Toelichting);
        Assert.Contains("HK-24-1", besluit.RegelIds);
    }

    [Fact]
    public void HK_24_5_een_JW315_voor_intensief_ambulant_gaat_naar_een_medewerker()
    {
        var besluit = Besluit315(Jw315(Kind, Aanvraag("45R01", 600)), bronnen: Bronnen(Met24uurs()));

        Assert.Equal(Uitkomst.Beoordelen, besluit.Uitkomst);
        Assert.Equal("HK-24-5", Assert.Single(besluit.Afwijkingen).RegelId);
    }

    /// <summary>The shipped data with Almere taking part in the 24-uurs lots (JMV24, BEHWON), as the region would add it.</summary>
    private static Regelcatalogus Met24uurs()
    {
        Deelname[] almere = [new(Almere, Periode.Vanaf(Begin), [])];
        return Catalogus with { Percelen = [.. Catalogus.Percelen.Select(p => p.Code is "JMV24" or "BEHWON" ? p with { Deelnames = almere } : p)] };
    }

    // ---- HK-PRD-3 volume ----

    [Theory]
    [InlineData("45F21", 11520, "Toegekend")]  // 192 hours: category B maximum
    [InlineData("45F21", 11521, "Beoordelen")]
    [InlineData("45F11", 3600, "Toegekend")]   // 60 hours
    [InlineData("45F11", 3601, "Beoordelen")]
    [InlineData("45F33", 8700, "Toegekend")]   // 145 hours
    [InlineData("45F33", 8701, "Beoordelen")]
    public void Volume_boven_de_hoogste_richtlijncategorie_gaat_naar_beoordeling(string product, int minuten, string verwacht)
    {
        // Over the guideline's 12 months, so only the total decides (the hours per week are tested below).
        var besluit = Besluit315(Jw315(JongsteKind, Aanvraag(product, minuten)), MetDiagnostiek(JongsteKind));

        Assert.True(Enum.Parse<Uitkomst>(verwacht) == besluit.Uitkomst, besluit.Toelichting);
        if (besluit.Uitkomst == Uitkomst.Beoordelen)
        {
            Assert.Equal("HK-PRD-3", Beslissend(besluit).RegelId);
        }
    }

    [Theory]
    [InlineData("45F21", 11520, "2027-06-30", "Beoordelen")] // 192 h in 3 months: about 15 h a week, category B is 4
    [InlineData("45F21", 3000, "2027-06-30", "Toegekend")]   // 50 h in 13 weeks: 3.8 h a week
    [InlineData("45F21", 1440, "2027-04-14", "Beoordelen")]  // 24 h in 2 weeks: 12 h a week
    [InlineData("45F11", 3600, "2027-09-30", "Beoordelen")]  // 60 h in 6 months: the 6-month variant allows 30 h
    [InlineData("45F11", 1800, "2027-09-30", "Toegekend")]   // 30 h in 6 months
    [InlineData("45F11", 3600, "2027-12-31", "Toegekend")]   // 60 h in 9 months: the 12-month variant
    public void Richtlijn_geldt_in_uren_per_week_over_de_gevraagde_periode(string product, int minuten, string einde, string verwacht)
    {
        var besluit = Besluit315(Jw315(JongsteKind, Aanvraag(product, minuten, einde: D(einde))), MetDiagnostiek(JongsteKind));

        Assert.True(Enum.Parse<Uitkomst>(verwacht) == besluit.Uitkomst, besluit.Toelichting);
        Assert.Contains(besluit.Bevindingen, b => b.RegelId == "HK-PRD-3"
            && b.Uitkomst == (verwacht == "Toegekend" ? Uitkomst.Toegekend : Uitkomst.Beoordelen));
    }

    // ---- HK-315-6 Basis Begeleiding, HK-315-3 answer deadline ----

    [Fact]
    public void JW315_voor_Basis_Begeleiding_gaat_altijd_naar_beoordeling_met_antwoordtermijn()
    {
        var besluit = Besluit315(Jw315(NopKind, Noordoostpolder, Aanvraag("45F01", 3000)));

        AssertBeoordelen(besluit, "HK-315-6");
        Assert.Single(besluit.Afwijkingen);
        var termijn = Assert.Single(besluit.Signalen, s => s.RegelId == "HK-315-3");
        Assert.Equal(D("2027-03-15"), termijn.Datum); // 5 werkdagen after 2027-03-08
    }

    // ---- HK-315-11 Diagnostiek first ----

    [Fact]
    public void Multi_uit_de_medische_route_zonder_diagnostiek_gaat_naar_beoordeling()
    {
        AssertBeoordelen(Besluit315(Jw315(Kind, Aanvraag("45F21", 3000))), "HK-315-11");
        AssertToegekend(Besluit315(Jw315(Kind, Aanvraag("45F21", 3000)), MetDiagnostiek(Kind)));
    }

    [Fact]
    public void Geen_advies_om_diagnostiek_aan_te_vragen_als_de_gemeente_die_niet_inkoopt()
    {
        // Lelystad takes part in Multi only for Gezinsbehandeling Intensief (45F34/45F36, HK-PER-1).
        var besluit = Besluit315(Jw315(LelystadKind, Lelystad, Aanvraag("45F34", 3000, einde: D("2027-12-31"))));

        Assert.DoesNotContain(besluit.Afwijkingen, b => b.RegelId == "HK-315-11" || b.Melding.Contains("45F11", StringComparison.Ordinal));
        Assert.DoesNotContain(besluit.Signalen, s => s.Melding.Contains("45F11", StringComparison.Ordinal));
        AssertToegekend(besluit);
    }

    [Fact]
    public void Geen_advies_om_diagnostiek_aan_te_vragen_als_niemand_er_een_contract_voor_heeft()
    {
        var zonder = AlleContracten.Where(c => !(c.Gemeente == Almere && c.Product == P("45F11")));

        var besluit = Besluit315(Jw315(Kind, Aanvraag("45F21", 3000)), bronnen: Bronnen(contracten: zonder));

        Assert.DoesNotContain(besluit.Afwijkingen, b => b.RegelId == "HK-315-11" || b.Melding.Contains("45F11", StringComparison.Ordinal));
        Assert.DoesNotContain(besluit.Signalen, s => s.Melding.Contains("45F11", StringComparison.Ordinal));
    }

    [Fact]
    public void Groep_tenzij_noemt_alleen_groepsproducten_die_de_gemeente_inkoopt()
    {
        var zonder = AlleContracten.Where(c => !(c.Gemeente == Almere && c.Product == P("45F22")));
        var geen = zonder.Where(c => !(c.Gemeente == Almere && c.Product == P("45F32")));

        var besluit = Besluit315(Jw315(Kind, Aanvraag("45F21", 3000)), MetDiagnostiek(Kind), Bronnen(contracten: zonder));
        var zonderGroep = Besluit315(Jw315(Kind, Aanvraag("45F21", 3000)), MetDiagnostiek(Kind), Bronnen(contracten: geen));

        var hint = Assert.Single(besluit.Signalen, s => s.RegelId == "HK-PRD-7").Melding;
        Assert.Contains("45F32", hint, StringComparison.Ordinal);
        Assert.DoesNotContain("45F22", hint, StringComparison.Ordinal);
        Assert.DoesNotContain(zonderGroep.Signalen, s => s.RegelId == "HK-PRD-7");
    }

    [Fact]
    public void Een_eerdere_toewijzing_van_een_ander_Multi_product_telt_niet_als_diagnostiek()
    {
        // Earlier 45F22 (a Multi product, not Diagnostiek 45F11), ended more than 4 months ago.
        var andere = Tw(10, Kind, "45F22", D("2026-06-01"), D("2026-11-30"), 1800);

        AssertBeoordelen(Besluit315(Jw315(Kind, Aanvraag("45F21", 3000)), Toestand(andere)), "HK-315-11");
    }

    [Fact]
    public void Een_eerdere_diagnostiek_toewijzing_telt_wel()
    {
        var diagnostiek = Tw(10, Kind, "45F11", D("2026-06-01"), D("2026-11-30"), 1800);

        var besluit = Besluit315(Jw315(Kind, Aanvraag("45F21", 3000)), Toestand(diagnostiek));

        AssertToegekend(besluit);
        Assert.Contains(besluit.Bevindingen, b => b.RegelId == "HK-315-11" && b.Uitkomst == Uitkomst.Toegekend);
    }

    [Fact]
    public void Diagnostiek_zelf_en_een_verwijderde_diagnostiek()
    {
        var diagnostiek = Besluit315(Jw315(Kind, Aanvraag("45F11", 1800, einde: D("2027-09-30"))));
        AssertToegekend(diagnostiek);
        Assert.DoesNotContain("HK-315-11", diagnostiek.RegelIds);

        var verwijderd = Tw(10, Kind, "45F11", D("2026-10-01"), D("2026-10-01"), 1800) with { RedenWijziging = "13" };
        AssertBeoordelen(Besluit315(Jw315(Kind, Aanvraag("45F21", 3000)), Toestand(verwijderd)), "HK-315-11");
    }

    // ---- HK-315-8 dummy requests ----

    [Fact]
    public void Dummy_verzoek_bij_lopend_gezinsproduct_in_het_huishouden_wordt_toegekend()
    {
        var gezin = Tw(50, JongsteKind, "45F23");
        var besluit = Besluit315(Jw315(Kind, Dummyaanvraag("45F24")), Toestand([], [gezin]));

        AssertToegekend(besluit);
        Assert.Equal(new Omvang(1, "84", "6"), besluit.Toewijzingen.Single().Omvang);
        Assert.Contains("HK-315-8", besluit.RegelIds);
    }

    [Fact]
    public void Dummy_verzoek_zonder_lopend_gezinsproduct_gaat_naar_beoordeling()
    {
        AssertBeoordelen(Besluit315(Jw315(Kind, Dummyaanvraag("45F24"))), "HK-315-8");

        var bijAnder = Tw(50, JongsteKind, "45F23", aanbieder: AndereAanbieder);
        AssertBeoordelen(Besluit315(Jw315(Kind, Dummyaanvraag("45F24")), Toestand([], [bijAnder])), "HK-315-8");

        var verkeerdHoofd = Tw(50, JongsteKind, "45F33");
        AssertBeoordelen(Besluit315(Jw315(Kind, Dummyaanvraag("45F24")), Toestand([], [verkeerdHoofd])), "HK-315-8");
    }

    [Fact]
    public void Dummy_verzoek_met_meer_dan_1_stuks_of_met_een_echte_verwijzer_wordt_afgewezen()
    {
        var gezin = Toestand([], [Tw(50, JongsteKind, "45F23")]);
        var twee = Dummyaanvraag("45F24") with { Omvang = new Omvang(2, "84", "6") };
        AssertAfgewezen(Besluit315(Jw315(Kind, twee), gezin), RedenAfwijzing.PastNietBinnenContract, "HK-315-8");

        var huisarts = Dummyaanvraag("45F24") with { Verwijzer = Verwijzer(VerwijzerType.Huisarts) };
        AssertAfgewezen(Besluit315(Jw315(Kind, huisarts), gezin), RedenAfwijzing.PastNietBinnenContract, "HK-315-8");
    }

    [Fact]
    public void Dummies_bestaan_alleen_voor_de_drie_gezinsproducten_C15()
    {
        // §15 C-15: a dummy-style request (type 06, 1 stuks) for a product without a dummy is refused, and the
        // explanation names the family products that do have one (from the rule data).
        var besluit = Besluit315(Jw315(Kind, Aanvraag("45F21", verwijzer: VerwijzerType.Zelfverwijzer, omvang: new Omvang(1, "84", Omvang.Totaal))), MetDiagnostiek(Kind));

        AssertAfgewezen(besluit, RedenAfwijzing.PastNietBinnenContract, "HK-301-7");
        var route = besluit.Bevindingen.Single(b => b.RegelId == "HK-315-10");
        Assert.Contains("C-15", route.Melding, StringComparison.Ordinal);
        Assert.Contains("45F23, 45F33, 45F34", route.Melding, StringComparison.Ordinal);

        var dummy = Besluit315(Jw315(Kind, Dummyaanvraag("45F24")), Toestand([], [Tw(50, JongsteKind, "45F23")]));
        Assert.Contains("C-15", dummy.Bevindingen.First(b => b.RegelId == "HK-315-8").Melding, StringComparison.Ordinal);
    }

    // ---- HK-PRD-4 family products ----

    [Fact]
    public void Gezinsproduct_op_het_jongste_betrokken_kind_wordt_toegekend()
    {
        var dummyOudere = Tw(51, Kind, "45F24");
        AssertToegekend(Besluit315(Jw315(JongsteKind, Aanvraag("45F23", 3000)), MetDiagnostiek(JongsteKind) with { Huishouden = [dummyOudere] }));
    }

    [Fact]
    public void Gezinsproduct_op_een_ouder_kind_terwijl_een_jonger_kind_betrokken_is_gaat_naar_beoordeling()
    {
        var dummyJongere = Tw(51, JongsteKind, "45F24");
        AssertBeoordelen(Besluit315(Jw315(Kind, Aanvraag("45F23", 3000)), MetDiagnostiek(Kind) with { Huishouden = [dummyJongere] }), "HK-PRD-4");
    }

    [Fact]
    public void Tweede_gezinsproduct_in_hetzelfde_gezin_gaat_naar_beoordeling()
    {
        var gezin = Tw(52, JongsteKind, "45F23");
        AssertBeoordelen(Besluit315(Jw315(Kind, Aanvraag("45F23", 3000)), MetDiagnostiek(Kind) with { Huishouden = [gezin] }), "HK-PRD-4");
    }

    [Theory]
    [InlineData("45F23", "2028-03-31")]
    [InlineData("45F34", "2027-12-31")]
    public void Tweede_getarifeerde_gezinstoewijzing_is_een_hoge_uitzondering_voor_een_medewerker_met_onderbouwing_van_de_verwijzer(string product, string einde)
    {
        var jongste = Tw(52, JongsteKind, product);
        var besluit = Besluit315(Jw315(Kind, Aanvraag(product, 3000, einde: D(einde))), MetDiagnostiek(Kind) with { Huishouden = [jongste] });

        AssertBeoordelen(besluit, "HK-PRD-3");
        var uitzondering = besluit.Bevindingen.Single(b => b.RegelId == "HK-PRD-3" && b.Uitkomst == Uitkomst.Beoordelen);
        Assert.Contains("extra toewijzing met tarief", uitzondering.Melding, StringComparison.Ordinal);
        Assert.Contains("hoge uitzondering", uitzondering.Melding, StringComparison.Ordinal);
        Assert.Contains("onderbouwing door de verwijzer", uitzondering.Melding, StringComparison.Ordinal);
        Assert.Contains("52", uitzondering.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public void Getarifeerd_gezinsproduct_op_een_client_met_de_dummy_ervan_is_een_tweede_getarifeerde_toewijzing()
    {
        // The household link the family products imply: the client already holds this product's dummy with this
        // provider, so someone else in the family holds the tariffed allocation — even when the residents'
        // register knows no household.
        var eigenDummy = Tw(53, Kind, "45F24");
        var besluit = Besluit315(Jw315(Kind, Aanvraag("45F23", 3000)), MetDiagnostiek(Kind, eigenDummy));

        AssertBeoordelen(besluit, "HK-PRD-3");
        AssertBeoordelen(besluit, "HK-PRD-4");

        // 45F33 knows no tariffed exception in the seed: still a person, but only on HK-PRD-4 (a dummy is due).
        var regulier = Besluit315(Jw315(Kind, Aanvraag("45F33", 3000)), MetDiagnostiek(Kind, Tw(54, Kind, "45F35")));
        AssertBeoordelen(regulier, "HK-PRD-4");
        Assert.DoesNotContain(regulier.Bevindingen, b => b.RegelId == "HK-PRD-3" && b.Uitkomst == Uitkomst.Beoordelen);
    }

    [Fact]
    public void Extra_toewijzing_met_tarief_komt_uit_de_regeldata()
    {
        var zonder = Catalogus with { Producten = [.. Catalogus.Producten.Select(p => p with { ExtraToewijzingMetTarief = false })] };
        var jongste = Tw(52, JongsteKind, "45F23");
        var besluit = Besluit315(Jw315(Kind, Aanvraag("45F23", 3000)), MetDiagnostiek(Kind) with { Huishouden = [jongste] }, Bronnen(zonder));

        AssertBeoordelen(besluit, "HK-PRD-4");
        Assert.DoesNotContain(besluit.Bevindingen, b => b.RegelId == "HK-PRD-3" && b.Uitkomst == Uitkomst.Beoordelen);
    }

    // ---- HK-315-9 terugval binnen 4 maanden ----

    private static readonly VastgelegdeToewijzing Beeindigd = Tw(60, Kind, "45F21", D("2026-02-01"), D("2027-01-31"), 6000);

    [Fact]
    public void Terugval_binnen_4_maanden_1000_minuten_voor_3_maanden_wordt_toegekend()
    {
        // The seed's example: resumption within four months, 1000 minutes for 3 months. No Diagnostiek is
        // needed (the client was in care), so HK-315-11 does not apply.
        var besluit = Besluit315(Jw315(Kind, Aanvraag("45F21", 1000, einde: D("2027-06-30"))), Toestand(Beeindigd));

        AssertToegekend(besluit);
        Assert.Contains(besluit.Bevindingen, b => b.RegelId == "HK-315-9" && b.Uitkomst == Uitkomst.Toegekend);
        Assert.DoesNotContain("HK-315-11", besluit.RegelIds);
        Assert.Equal(Minuten(1000), besluit.Toewijzingen.Single().Omvang);
    }

    [Theory]
    [InlineData(1001, "2027-06-30")] // more minutes
    [InlineData(1000, "2027-07-01")] // longer than 3 months
    public void Terugval_met_meer_of_langer_gaat_via_de_procesregisseur(int minuten, string einde)
    {
        var besluit = Besluit315(Jw315(Kind, Aanvraag("45F21", minuten, einde: D(einde))), Toestand(Beeindigd));
        AssertBeoordelen(besluit, "HK-315-9");
    }

    [Fact]
    public void Terugval_telt_4_maanden_na_de_einddatum()
    {
        // Ended 2027-01-31: 4 months later is 2027-05-31.
        var opGrens = Besluit315(Jw315(Kind, Aanvraag("45F21", 1000, ingang: D("2027-05-31"), einde: D("2027-08-30"))), Toestand(Beeindigd));
        var erna = Besluit315(Jw315(Kind, Aanvraag("45F21", 1000, ingang: D("2027-06-01"), einde: D("2027-08-31"))), Toestand(Beeindigd));

        AssertToegekend(opGrens);
        Assert.DoesNotContain("HK-315-9", erna.RegelIds);
        AssertBeoordelen(erna, "HK-315-11"); // an ordinary new request again
    }

    [Fact]
    public void Terugval_na_een_toewijzing_van_de_GI_wordt_afgewezen()
    {
        var viaGi = Beeindigd with { Herkomst = VerwijzerType.GecertificeerdeInstelling };
        var besluit = Besluit315(Jw315(Kind, Aanvraag("45F21", 1000, einde: D("2027-06-30"))), Toestand(viaGi));
        AssertAfgewezen(besluit, RedenAfwijzing.PastNietBinnenContract, "HK-315-9");
    }

    [Theory]
    [InlineData(VerwijzerType.Gemeente)]
    [InlineData(VerwijzerType.Zelfverwijzer)]
    [InlineData(VerwijzerType.Huisarts)]
    public void Terugval_wordt_toegekend_wat_het_verwijzertype_ook_is(VerwijzerType type)
    {
        // HK-315-10's exception: the seed names no referrer for a relapse, and the original referrer may well
        // have been the lokale toegang.
        var viaToegang = Beeindigd with { Herkomst = VerwijzerType.Gemeente };
        var besluit = Besluit315(Jw315(Kind, Aanvraag("45F21", 1000, einde: D("2027-06-30"), verwijzer: type)), Toestand(viaToegang));

        AssertToegekend(besluit);
        Assert.Contains(besluit.Bevindingen, b => b.RegelId == "HK-315-9" && b.Uitkomst == Uitkomst.Toegekend);
        var route = besluit.Bevindingen.Single(b => b.RegelId == "HK-315-10");
        Assert.Equal(Uitkomst.Toegekend, route.Uitkomst);
        Assert.Contains("HK-315-9", route.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public void Geen_terugval_dan_blijft_verwijzer_gemeente_of_zelfverwijzer_afgewezen()
    {
        // Ended more than 4 months before: no relapse, so the route rule applies in full.
        var lang = Beeindigd with { Einddatum = D("2026-11-30") };
        foreach (var type in new[] { VerwijzerType.Gemeente, VerwijzerType.Zelfverwijzer })
        {
            var besluit = Besluit315(Jw315(Kind, Aanvraag("45F21", 1000, einde: D("2027-06-30"), verwijzer: type)), Toestand(lang));
            AssertAfgewezen(besluit, RedenAfwijzing.PastNietBinnenContract, "HK-315-10");
        }
    }

    [Fact]
    public void Terugval_met_een_GI_als_verwijzer_volgt_de_route_van_de_GI()
    {
        // "Als een GI op moment van verzoeken nog betrokken is": the relapse exception does not cover 04/08.
        var besluit = Besluit315(Jw315(Kind, Aanvraag("45F21", 1000, einde: D("2027-06-30"), verwijzer: VerwijzerType.GecertificeerdeInstelling)), Toestand(Beeindigd));
        AssertBeoordelen(besluit, "HK-315-10");
    }

    [Fact]
    public void Terugvalbeleid_komt_uit_de_regeldata()
    {
        var ruimer = Catalogus with { Beleid = [.. Catalogus.Beleid.Select(b => b with { Terugval = new TerugvalBeleid(4, 1200, 3) })] };
        var besluit = Besluit315(Jw315(Kind, Aanvraag("45F21", 1200, einde: D("2027-06-30"))), Toestand(Beeindigd), Bronnen(ruimer));
        AssertToegekend(besluit);
    }

    // ---- OP259 / OP347 same product, §10 stacking ----

    [Fact]
    public void Lopende_toewijzing_voor_hetzelfde_product_geeft_reden_6()
    {
        var lopend = Tw(70, Kind, "45F21", D("2027-01-01"), D("2027-06-30"), aanbieder: AndereAanbieder);
        AssertAfgewezen(Besluit315(Jw315(Kind, Aanvraag("45F21", 3000)), MetDiagnostiek(Kind, lopend)), RedenAfwijzing.Stapeling, "OP259");

        var aansluitend = Besluit315(Jw315(Kind, Aanvraag("45F21", 3000, ingang: D("2027-07-01"), einde: D("2028-06-30"))), MetDiagnostiek(Kind, lopend));
        AssertToegekend(aansluitend);
    }

    [Fact]
    public void Gestapeld_verzoek_voor_hetzelfde_product_geeft_reden_6()
    {
        var open = new OpenVerzoek(AndereAanbieder, "X-9", P("45F21"), Periode.Maak(Ingang, Einde).Waarde);
        var toestand = MetDiagnostiek(Kind) with { OpenVerzoeken = [open] };
        AssertAfgewezen(Besluit315(Jw315(Kind, Aanvraag("45F21", 3000)), toestand), RedenAfwijzing.Stapeling, "OP347");

        var uitslag = new VerzoekOmToewijzingBeoordelen(Bronnen()).Beoordeel(
            Jw315(Kind, Aanvraag("45F21", 3000, referentie: "A"), Aanvraag("45F21", 2000, referentie: "B")), MetDiagnostiek(Kind), VolgendNummer);
        AssertToegekend(uitslag.Besluiten[0]);
        AssertAfgewezen(uitslag.Besluiten[1], RedenAfwijzing.Stapeling, "OP347");
    }

    [Theory]
    [InlineData("45F32", "41K01", "Afgewezen", "HK-STAP-KDC")]    // group treatment inside KDC: forbidden
    [InlineData("45F31", "41K01", "Toegekend", "HK-STAP-KDC")]
    [InlineData("45F21", "54B01", "Beoordelen", "HK-STAP-JGGZ")]  // Multi begeleiding next to BJGGZ: via procesregisseur
    [InlineData("45F31", "54B01", "Toegekend", "HK-STAP-JGGZ")]   // the product cell beats the lot cell
    [InlineData("45F31", "45F21", "Toegekend", "HK-STAP-MULTI")]
    [InlineData("45F31", "99X99", "Beoordelen", "HK-10")]       // not in the matrix: the default outcome
    public void Stapelingsmatrix_bepaalt_de_uitkomst(string gevraagd, string lopend, string verwacht, string regelId)
    {
        var toestand = MetDiagnostiek(JongsteKind, Tw(71, JongsteKind, lopend, aanbieder: AndereAanbieder));
        var besluit = Besluit315(Jw315(JongsteKind, Aanvraag(gevraagd, 3000)), toestand);

        Assert.True(Enum.Parse<Uitkomst>(verwacht) == besluit.Uitkomst, besluit.Toelichting);
        Assert.Contains(besluit.Bevindingen, b => b.RegelId == regelId && b.Uitkomst == besluit.Uitkomst);
        if (besluit.Uitkomst == Uitkomst.Afgewezen)
        {
            Assert.Equal(RedenAfwijzing.Stapeling, besluit.Reden);
        }
    }

    [Fact]
    public void Basis_Begeleiding_groep_naast_KDC_wordt_afgewezen_met_reden_6()
    {
        var kdc = Tw(72, NopKind, "41K01", aanbieder: AndereAanbieder);
        AssertAfgewezen(Besluit315(Jw315(NopKind, Noordoostpolder, Aanvraag("45F02", 3000)), Toestand(kdc)), RedenAfwijzing.Stapeling, "HK-STAP-KDC");
    }

    [Fact]
    public void Multi_naast_Behandeld_Wonen_gaat_naar_een_medewerker_met_de_reden_C3()
    {
        // §15 C-3: seed 000 lets Multi run alongside Behandeld wonen, seed 003 says Behandeld wonen includes all
        // treatment and guidance: a person decides, and the cell's explanation says why.
        var wonen = Tw(73, JongsteKind, "43W01", aanbieder: AndereAanbieder);
        var besluit = Besluit315(Jw315(JongsteKind, Aanvraag("45F31", 3000)), MetDiagnostiek(JongsteKind, wonen));

        AssertBeoordelen(besluit, "HK-STAP-BEHWON");
        Assert.Contains("C-3", besluit.Bevindingen.Single(b => b.RegelId == "HK-STAP-BEHWON").Melding, StringComparison.Ordinal);
    }

    [Fact]
    public void Afgelopen_toewijzing_telt_niet_mee_voor_stapeling()
    {
        var oud = Tw(73, JongsteKind, "41K01", D("2026-01-01"), D("2027-03-31"), aanbieder: AndereAanbieder);
        AssertToegekend(Besluit315(Jw315(JongsteKind, Aanvraag("45F32", 3000)), MetDiagnostiek(JongsteKind, oud)));
    }

    // ---- Signals: HK-ROUTE-1, HK-PRD-7 ----

    [Fact]
    public void Intake_meer_dan_een_jaar_na_verwijzing_geeft_een_signaal()
    {
        var laat = Besluit315(Jw315(Kind, Aanvraag("45F11", 1800, einde: D("2027-09-30"), verwijsdatum: D("2026-03-31"))));
        AssertToegekend(laat);
        Assert.Equal(D("2027-03-31"), Assert.Single(laat.Signalen, s => s.RegelId == "HK-ROUTE-1").Datum);

        var optijd = Besluit315(Jw315(Kind, Aanvraag("45F11", 1800, einde: D("2027-09-30"), verwijsdatum: D("2026-04-01"))));
        Assert.DoesNotContain(optijd.Signalen, s => s.RegelId == "HK-ROUTE-1");
    }

    [Fact]
    public void Een_onleesbare_verwijsdatum_in_het_commentaar_geeft_een_signaal()
    {
        var aanvraag = Aanvraag("45F11", 1800, einde: D("2027-09-30")) with { Commentaar = "Verwijsdatum: 15-01-2026" };

        var besluit = Besluit315(Jw315(Kind, aanvraag));

        Assert.Contains("jjjj-mm-dd", Assert.Single(besluit.Signalen, s => s.RegelId == "HK-ROUTE-1").Melding, StringComparison.Ordinal);
    }

    [Fact]
    public void Individueel_product_geeft_de_groep_tenzij_hint()
    {
        var individueel = Besluit315(Jw315(Kind, Aanvraag("45F21", 3000)), MetDiagnostiek(Kind));
        Assert.Contains("45F22", Assert.Single(individueel.Signalen, s => s.RegelId == "HK-PRD-7").Melding, StringComparison.Ordinal);

        var groep = Besluit315(Jw315(Kind, Aanvraag("45F22", 3000)), MetDiagnostiek(Kind));
        Assert.DoesNotContain(groep.Signalen, s => s.RegelId == "HK-PRD-7");
    }

    [Fact]
    public void Einddatum_voor_ingangsdatum_wordt_afgewezen()
    {
        var besluit = Besluit315(Jw315(Kind, Aanvraag("45F11", 1800, einde: D("2027-03-31"))));
        AssertAfgewezen(besluit, RedenAfwijzing.PastNietBinnenContract, "CS003");
    }

    [Fact]
    public void Zelfde_invoer_en_klok_geven_hetzelfde_besluit()
    {
        var a = Besluit315(Jw315(Kind, Aanvraag("45F21", 3000)), MetDiagnostiek(Kind));
        var b = Besluit315(Jw315(Kind, Aanvraag("45F21", 3000)), MetDiagnostiek(Kind));
        Assert.Equal(a.Toelichting, b.Toelichting);
        Assert.Equal(a.Toewijzingen, b.Toewijzingen);
    }
}
