using System.Text;
using Jeugdhulp.Core.Toekenning;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Schema;
using Jeugdhulp.Ijw.Schrijven;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store.Audit;
using Jeugdhulp.Store.Termijnen;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Toekenning;
using Jeugdhulp.Store.Verwerking;
using CoreOmvang = Jeugdhulp.Core.Toewijzing.Omvang;
using IjwProduct = Jeugdhulp.Ijw.Berichten.Product;

namespace Jeugdhulp.Store.Tests.Toekenning;

/// <summary>The one write path of the municipality's own allocations, on both databases: state and JW301 together, XSD-valid, nothing twice.</summary>
public abstract class ToekenningVastleggenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : ToekenningVastleggenTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : ToekenningVastleggenTests(new PostgresTestDatabase());

    private const string Aanbieder = "01234567";
    private const string Kind = "100002183";      // 2016-09-12, Noordoostpolder, NOP-DEVRIES
    private const string Broer = "100002195";     // 2012-01-30, same household
    private static readonly Gemeentecode Nop = Gemeentecode.Parse("0171").Waarde;
    private static readonly Toewijzingsmoment Moment = new(new DateOnly(2027, 3, 2), new TimeOnly(14, 5, 9));
    private static readonly Clientpersoon Persoon = new("Vries", "de", "J", "1", null);

    private string OutboxMap => Path.Combine(Db.DataMap, "outbox");

    private static Toekenningsopdracht Opdracht(string product = "45F21", int minuten = 3000, string? client = Kind, string aanbieder = Aanbieder,
        string[]? gezin = null, string? motivering = null, Procesregie? regie = null) =>
        new(Nop, client is null ? null : Core.Waarden.Bsn.Parse(client).Waarde, Toegangsroute.LokaleToegang, "Team Emmeloord", AgbCode.Parse(aanbieder).Waarde,
            ProductCode.Parse(product).Waarde, new DateOnly(2027, 3, 8), new DateOnly(2028, 3, 7), new CoreOmvang(minuten, "01", "6"),
            [.. (gezin ?? []).Select(g => Core.Waarden.Bsn.Parse(g).Waarde)], "Maatwerkrapportage 12", motivering, regie);

    private IReadOnlyList<Toekenningsverslag> Leg(params Toekenningsactie[] acties) =>
        Opslag.Verwerk(Flevoland, acties, "medewerker@nop", Moment, OutboxMap);

    private static void AssertXsdGeldig(string pad)
    {
        var fouten = XsdValidatie.Fouten(File.ReadAllBytes(pad));
        Assert.True(fouten.Count == 0, string.Join("\n", fouten));
    }

    [StoreFact]
    public void Toekennen_legt_de_toewijzing_vast_met_een_XSD_geldige_JW301_met_de_echte_toewijzingstijd()
    {
        ImporteerDemo();

        var v = Assert.Single(Leg(new Toekenningsactie.Toekennen(Opdracht(), Persoon)));

        Assert.True(v.Geschreven, v.Besluit?.Toelichting ?? v.Fout?.Melding);
        Assert.Equal(Toekenningsstatus.Toegekend, v.Status);
        var jw301 = Assert.Single(v.Outbox);
        AssertXsdGeldig(jw301);
        var xml = File.ReadAllText(jw301);
        Assert.Contains("<Toewijzingstijd>14:05:09</Toewijzingstijd>", Zonderprefix(jw301), StringComparison.Ordinal);
        Assert.DoesNotContain("RedenWijziging", xml, StringComparison.Ordinal);
        Assert.Equal("1", Db.VoerUit($"SELECT herkomst FROM toewijzingen WHERE nummer = {v.Nummers[0]} AND actueel = 1")?.ToString());
        Assert.Equal(1L, Db.Tel("toekenningen"));
        AssertInPartitieVan("toekenningen", "0171");
        Assert.Contains(Opslag.AuditVoorClient(Core.Waarden.Bsn.Parse(Kind).Waarde), a => a.Actie.Contains("toegekend", StringComparison.Ordinal));
    }

    [StoreFact]
    public void De_termijnbewaking_ziet_eigen_toewijzingen_JW305_verwacht_18e_verjaardag_en_de_gewijzigde_einddatum()
    {
        ImporteerDemo();
        // 100003047 turns 18 on 2027-06-15 (demo/inwoners.csv); the allocation runs past it with a written reason.
        var tiener = Opdracht(client: "100003047", motivering: "Verlengde jeugdhulp voorbereid") with { Einddatum = new DateOnly(2027, 12, 31) };
        var verslagen = Leg(new Toekenningsactie.Toekennen(Opdracht(), Persoon), new Toekenningsactie.Toekennen(tiener, new Clientpersoon("Smit", null, "K", "2", null)));
        Assert.All(verslagen, v => Assert.True(v.Geschreven, v.Besluit?.Toelichting ?? v.Fout?.Melding));
        var (kind, smit) = (verslagen[0].Nummers[0], verslagen[1].Nummers[0]);
        var vandaag = new DateOnly(2027, 4, 1);
        var regels = Flevoland.OpDatum(vandaag);
        var kalender = new Core.Werkdagen.Werkdagenkalender(Flevoland.ExtraVrijeDagen);

        var open = Core.Termijnen.TermijnenBewaken.Open(Opslag.LeesTermijnstand(), regels, kalender, vandaag);

        // HK-305-1: the provider owes a JW305 for each (both started 2027-03-08 without a start message).
        Assert.Contains(open, v => v.Verwacht == "JW305" && v.Referentie == $"{kind}" && v.Regel == "HK-305-1");
        Assert.Contains(open, v => v.Verwacht == "JW305" && v.Referentie == $"{smit}");
        // HK-PRD-6: the 18th birthday is signalled to the municipality.
        Assert.Contains(open, v => v.Regel == "HK-PRD-6" && v.Referentie == $"{smit}" && v.Vervaldatum == new DateOnly(2027, 6, 15));

        // An early end moves the end date the watch reads: after it no 18th-birthday signal remains.
        var eind = Leg(new Toekenningsactie.Wijzigen(new Wijzigingsopdracht(Nop, smit, Wijzigingssoort.Beeindigen, new DateOnly(2027, 5, 31), null, null, null)));
        Assert.True(eind[0].Geschreven, eind[0].Besluit?.Toelichting ?? eind[0].Fout?.Melding);
        var stand = Opslag.LeesTermijnstand();
        Assert.Equal(new DateOnly(2027, 5, 31), stand.Toewijzingen.Single(t => t.Nummer == smit).Einddatum);
        Assert.DoesNotContain(Core.Termijnen.TermijnenBewaken.Open(stand, regels, kalender, vandaag), v => v.Regel == "HK-PRD-6" && v.Referentie == $"{smit}");
    }

    [StoreFact]
    public void Een_geblokkeerde_toekenning_schrijft_niets()
    {
        ImporteerDemo();

        // 03456789 has no contract for 45F21 in Noordoostpolder (HK-301-4, contract).
        var v = Assert.Single(Leg(new Toekenningsactie.Toekennen(Opdracht(aanbieder: "03456789"), Persoon)));

        Assert.Equal(Toekenningsstatus.Geblokkeerd, v.Status);
        Assert.Equal("HK-301-4", v.Besluit!.Reden!.RegelId);
        Assert.False(v.Geschreven);
        Assert.Equal(0L, Db.Tel("toewijzingen"));
        Assert.Equal(0L, Db.Tel("outbox"));
        Assert.Equal(0L, Db.Tel("journaal"));
        Assert.Equal(0L, Db.Tel("toekenningen"));
    }

    [StoreFact]
    public void Dezelfde_toekenning_nogmaals_maakt_niets_dubbel()
    {
        ImporteerDemo();
        var eerst = Assert.Single(Leg(new Toekenningsactie.Toekennen(Opdracht(), Persoon)));

        var weer = Assert.Single(Leg(new Toekenningsactie.Toekennen(Opdracht(), Persoon)));

        Assert.True(weer.Herhaling);
        Assert.False(weer.Geschreven);
        Assert.Equal(eerst.Nummers, weer.Nummers);
        Assert.Equal(1L, Db.Tel("toewijzingen"));
        Assert.Equal(1L, Db.Tel("outbox"));
    }

    [StoreFact]
    public void Een_gezinsproduct_zet_de_omvang_op_het_jongste_kind_en_een_dummy_op_het_andere()
    {
        ImporteerDemo();

        // Entered on the older brother; the youngest child (Kind, 2016) gets the minutes (HK-PRD-4).
        var v = Assert.Single(Leg(new Toekenningsactie.Toekennen(Opdracht("45F23", 6000, client: Broer, gezin: [Kind]), Persoon)));

        Assert.True(v.Geschreven, v.Besluit?.Toelichting ?? v.Fout?.Melding);
        Assert.Equal(2, v.Nummers.Count);
        Assert.Equal(2, v.Outbox.Count);
        v.Outbox.ToList().ForEach(AssertXsdGeldig);
        Assert.Equal(Kind, Db.VoerUit($"SELECT client_bsn FROM toewijzingen WHERE productcode = '45F23'")?.ToString());
        Assert.Equal(Broer, Db.VoerUit($"SELECT client_bsn FROM toewijzingen WHERE productcode = '45F24'")?.ToString());
        Assert.Equal("84", Db.VoerUit($"SELECT eenheid FROM toewijzingen WHERE productcode = '45F24'")?.ToString());
    }

    [StoreFact]
    public void Eerder_beeindigen_stuurt_een_nieuwe_JW301_met_reden_05_en_intrekken_een_met_ingangsdatum_is_einddatum_en_reden_13()
    {
        ImporteerDemo();
        var nummer = Leg(new Toekenningsactie.Toekennen(Opdracht(), Persoon))[0].Nummers[0];

        var eind = Assert.Single(Leg(new Toekenningsactie.Wijzigen(new Wijzigingsopdracht(Nop, nummer, Wijzigingssoort.Beeindigen, new DateOnly(2027, 6, 30), null))));
        Assert.True(eind.Geschreven, eind.Besluit?.Toelichting ?? eind.Fout?.Melding);
        AssertXsdGeldig(eind.Outbox[0]);
        Assert.Contains("<RedenWijziging>05</RedenWijziging>", Zonderprefix(eind.Outbox[0]), StringComparison.Ordinal);

        var intrek = Assert.Single(Leg(new Toekenningsactie.Intrekken(Nop, nummer, "Verkeerde aanbieder")));
        Assert.True(intrek.Geschreven, intrek.Besluit?.Toelichting ?? intrek.Fout?.Melding);
        AssertXsdGeldig(intrek.Outbox[0]);
        var xml = Zonderprefix(intrek.Outbox[0]);
        Assert.Contains("<RedenWijziging>13</RedenWijziging>", xml, StringComparison.Ordinal);
        Assert.Contains("<Ingangsdatum>2027-03-08</Ingangsdatum><Einddatum>2027-03-08</Einddatum>", xml.Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(3L, Db.Tel("toewijzingen"));
        Assert.Equal("13", Db.VoerUit($"SELECT reden_wijziging FROM toewijzingen WHERE nummer = {nummer} AND actueel = 1")?.ToString());
    }

    [StoreFact]
    public void Na_intrekken_worden_een_JW305_en_een_declaratie_op_de_toewijzing_geweigerd()
    {
        ImporteerDemo();
        var nummer = Leg(new Toekenningsactie.Toekennen(Opdracht("45F11", 1800) with { Einddatum = new DateOnly(2027, 9, 7) }, Persoon))[0].Nummers[0];
        Assert.True(Leg(new Toekenningsactie.Intrekken(Nop, nummer, null))[0].Geschreven);

        var start = IjwSchrijver.Schrijf(new StartBericht(Berichtsoort.JW305,
            Header.Voor(Berichtsoort.JW305, Aanbieder, "0171", new BerichtIdentificatie("S1", new DateOnly(2027, 3, 9))),
            new StartClient(Kind, new Geboortedatum(new DateOnly(2016, 9, 12), null), "1", new VerkorteNaam(new Achternaam("Vries", null), null, null),
                [new StartProduct(nummer, new IjwProduct("45", "45F11"), null, new DateOnly(2027, 3, 8), "1")])));
        var jw323 = IjwSchrijver.Schrijf(new Declaratiebericht(
            Header.Voor(Berichtsoort.JW323, Aanbieder, "0171", new BerichtIdentificatie("D1", new DateOnly(2027, 4, 2))),
            new Declaratie("DN1", new GeslotenPeriode(new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 31)), new DateOnly(2027, 4, 2), new BedragMetDc(600 * 175, "D"),
                [new DeclaratieClient(Kind, [new Prestatie(new ProductReferentie("P-1", null), nummer, "45", "45F11",
                    new GeslotenPeriode(new DateOnly(2027, 3, 8), new DateOnly(2027, 3, 31)), 600, "01", 175, new BedragMetDc(600 * 175, "D"))])])));

        var verslagen = new BerichtVerwerken(Opslag, Flevoland, new DateOnly(2027, 4, 5), OutboxMap)
            .Verwerk([new Invoer("s.xml", start), new Invoer("d.xml", jw323)]).ToList();

        Assert.Equal(Uitkomsten.Rejected, verslagen[0].Uitkomst);
        Assert.Contains("9019", File.ReadAllText(verslagen[0].Outbox[0]), StringComparison.Ordinal);
        Assert.Contains("9384", File.ReadAllText(verslagen[1].Outbox[0]), StringComparison.Ordinal);
    }

    [StoreFact]
    public void Een_JW317_op_een_medische_toewijzing_met_procesregie_van_de_gemeente_gaat_naar_een_medewerker()
    {
        // HK-317-7 end to end: a huisarts referral (JW315, verwijzer 02) is allocated, the gemeente records procesregie,
        // then the provider's JW317 moving the end date is not handled administratively but left for the procesregisseur.
        ImporteerDemo();
        Header Kop(Berichtsoort soort, string id, DateOnly dag) => Header.Voor(soort, Aanbieder, "0171", new BerichtIdentificatie(id, dag));
        var jw315 = IjwSchrijver.Schrijf(new VerzoekOmToewijzingBericht(Berichtsoort.JW315, Kop(Berichtsoort.JW315, "A1", new DateOnly(2027, 3, 1)),
            new VerzoekOmToewijzingClient(Kind, new Geboortedatum(new DateOnly(2016, 9, 12), null), "1", new VerkorteNaam(new Achternaam("Vries", null), null, null), null, null,
                [new AangevraagdProduct("R-A1", null, new IjwProduct("45", "45F11"), null, new DateOnly(2027, 3, 8), new DateOnly(2027, 9, 7),
                    new Omvang(1800, "01", "6"), null, new Verwijzer("02", null, "01999999"), null, null)])));
        var jw317 = IjwSchrijver.Schrijf(new VerzoekOmWijzigingBericht(Berichtsoort.JW317, Kop(Berichtsoort.JW317, "W1", new DateOnly(2027, 3, 24)),
            new VerzoekOmWijzigingClient(Kind, new Verzoek("R-W", "1", [], [new TeWijzigenProduct(1, new DateOnly(2027, 3, 8), new DateOnly(2027, 8, 31), null, null)], []))));
        Assert.Equal(Uitkomsten.Approved, Assert.Single(new BerichtVerwerken(Opslag, Flevoland, new DateOnly(2027, 3, 2), OutboxMap).Verwerk([new Invoer("a.xml", jw315)])).Uitkomst);
        Assert.True(Leg(new Toekenningsactie.ProcesregieVastleggen(Nop, 1, new Procesregie(Procesregiehouder.Gemeente, "Team Emmeloord")))[0].Geschreven);

        var v = Assert.Single(new BerichtVerwerken(Opslag, Flevoland, new DateOnly(2027, 3, 25), OutboxMap).Verwerk([new Invoer("w.xml", jw317)]));

        Assert.Equal(Uitkomsten.Review, v.Uitkomst);
        Assert.Contains("HK-317-7", Db.VoerUit("SELECT regels FROM verzoeken WHERE referentie = 'R-W'")?.ToString(), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2027, 9, 7), Opslag.LeesTermijnstand().Toewijzingen.Single().Einddatum);
    }

    [StoreFact]
    public void Zonder_BSN_gaat_er_geen_bericht_uit_maar_de_toekenning_is_vastgelegd()
    {
        ImporteerDemo();

        var v = Assert.Single(Leg(new Toekenningsactie.Toekennen(Opdracht(client: null), null)));

        Assert.Equal(Toekenningsstatus.GeenBerichtenverkeer, v.Status);
        Assert.Contains("landelijk protocol", v.Besluit!.Toelichting, StringComparison.Ordinal);
        Assert.Empty(v.Outbox);
        Assert.Equal(0L, Db.Tel("outbox"));
        Assert.Equal(0L, Db.Tel("toewijzingen"));
        Assert.Equal(1L, Db.Tel("toekenningen"));
    }

    [StoreFact]
    public void Een_wijziging_door_de_procesregisseur_zet_een_medisch_traject_op_de_route_van_de_lokale_toegang()
    {
        ImporteerDemo();
        var nummer = Leg(new Toekenningsactie.Toekennen(Opdracht(), Persoon))[0].Nummers[0];
        Db.VoerUit($"UPDATE toewijzingen SET herkomst = 2 WHERE nummer = {nummer}"); // as if from a huisarts's JW315
        Assert.True(Leg(new Toekenningsactie.ProcesregieVastleggen(Nop, nummer, new Procesregie(Procesregiehouder.Gemeente, "Team Noord")))[0].Geschreven);

        var v = Assert.Single(Leg(new Toekenningsactie.Wijzigen(new Wijzigingsopdracht(Nop, nummer, Wijzigingssoort.Wijzigen, new DateOnly(2027, 12, 31), null))));

        Assert.True(v.Geschreven, v.Besluit?.Toelichting ?? v.Fout?.Melding);
        Assert.Contains("HK-317-7", v.Besluit!.RegelIds);
        Assert.Equal("1", Db.VoerUit($"SELECT herkomst FROM toewijzingen WHERE nummer = {nummer} AND actueel = 1")?.ToString());
        Assert.Equal("gemeente", Db.VoerUit($"SELECT houder FROM procesregie WHERE nummer = {nummer}")?.ToString());
    }

    [StoreFact]
    public void Alleen_controleren_schrijft_niets_en_toont_de_bevindingen()
    {
        ImporteerDemo();

        var v = Assert.Single(Opslag.Verwerk(Flevoland, [new Toekenningsactie.Toekennen(Opdracht(minuten: 20000), Persoon)], "m", Moment, OutboxMap, alleenControleren: true));

        Assert.Equal(Toekenningsstatus.MotiveringNodig, v.Status);
        Assert.Equal("HK-PRD-3", v.Besluit!.Reden!.RegelId);
        Assert.Equal(0L, Db.Tel("toewijzingen"));
        Assert.Equal(0L, Db.Tel("toewijzingnummers"));
    }

    [StoreFact]
    public void Vooraf_gelezen_bronnen_geven_dezelfde_bevindingen_als_per_aanroep_gelezen_op_de_datum_van_elke_aanroep()
    {
        ImporteerDemo();
        var gelezen = Opslag.LeesBronnen(Flevoland);
        Toekenningsverslag Controleer(Toewijzingsmoment m, Core.Toewijzing.Beoordelingsbronnen? b) =>
            Assert.Single(Opslag.Verwerk(Flevoland, [new Toekenningsactie.Toekennen(Opdracht(minuten: 20000), Persoon)], "m", m, OutboxMap,
                alleenControleren: true, gelezen: b));
        var later = new Toewijzingsmoment(new DateOnly(2027, 9, 1), new TimeOnly(9, 0));

        foreach (var m in new[] { Moment, later })
        {
            var perAanroep = Controleer(m, null);
            var vooraf = Controleer(m, gelezen);
            Assert.Equal(perAanroep.Status, vooraf.Status);
            Assert.Equal(perAanroep.Besluit!.Toelichting, vooraf.Besluit!.Toelichting);
            Assert.Equal(perAanroep.Besluit.Bevindingen.Select(b => (b.RegelId, b.Code)), vooraf.Besluit.Bevindingen.Select(b => (b.RegelId, b.Code)));
        }
    }

    [StoreFact]
    public void Vooraf_gelezen_bronnen_worden_gebruikt_zoals_ze_gelezen_zijn_en_zien_een_latere_import_niet()
    {
        // Read before the contracts and residents exist: the caller promised nothing changes in between, so a later
        // import is not seen — which is why the form, the API and the CSV read them per call.
        var leeg = Opslag.LeesBronnen(Flevoland);
        ImporteerDemo();

        var vooraf = Assert.Single(Opslag.Verwerk(Flevoland, [new Toekenningsactie.Toekennen(Opdracht(), Persoon)], "m", Moment, OutboxMap,
            alleenControleren: true, gelezen: leeg));
        var perAanroep = Assert.Single(Opslag.Verwerk(Flevoland, [new Toekenningsactie.Toekennen(Opdracht(), Persoon)], "m", Moment, OutboxMap,
            alleenControleren: true));

        Assert.Equal(Toekenningsstatus.Toegekend, perAanroep.Status);
        Assert.NotEqual(Toekenningsstatus.Toegekend, vooraf.Status);
    }

    [StoreFact]
    public void Vooraf_gelezen_bronnen_van_een_andere_regelcatalogus_worden_geweigerd()
    {
        // The same files loaded once more: an equal catalogue, but not the one the call decides with.
        var ander = LaadFlevoland();

        Assert.Throws<ArgumentException>(() => Opslag.Verwerk(Flevoland, [new Toekenningsactie.Toekennen(Opdracht(), Persoon)], "m", Moment, OutboxMap,
            alleenControleren: true, gelezen: Opslag.LeesBronnen(ander)));
    }

    [StoreFact]
    public void Een_latere_regel_van_dezelfde_aanroep_ziet_de_toewijzing_van_een_eerdere_en_een_geweigerde_regel_schrijft_niets()
    {
        ImporteerDemo();
        // As one CSV: line 2 is the same product for the same child in an overlapping period (OP259 against line 1, which
        // is not yet in the database when line 2 is checked), line 3 has no contract, line 4 is fine.
        var tweede = Opdracht() with { Ingangsdatum = new DateOnly(2027, 6, 1), Commentaar = "Tweede rapportage" };

        var v = Leg(new Toekenningsactie.Toekennen(Opdracht(), Persoon), new Toekenningsactie.Toekennen(tweede, Persoon),
            new Toekenningsactie.Toekennen(Opdracht(client: Broer, aanbieder: "03456789"), Persoon), new Toekenningsactie.Toekennen(Opdracht(client: Broer), Persoon));

        Assert.True(v[0].Geschreven, v[0].Besluit?.Toelichting ?? v[0].Fout?.Melding);
        Assert.Equal("OP259", v[1].Besluit!.Reden!.RegelId);
        Assert.Equal("HK-301-4", v[2].Besluit!.Reden!.RegelId);
        Assert.True(v[3].Geschreven, v[3].Besluit?.Toelichting ?? v[3].Fout?.Melding);
        Assert.False(v[1].Geschreven || v[2].Geschreven);
        Assert.Empty(v[1].Outbox);
        Assert.Equal([v[0].Nummers[0] + 1], v[3].Nummers);
        foreach (var tabel in new[] { "toewijzingen", "outbox", "journaal", "toekenningen" })
        {
            Assert.Equal(2L, Db.Tel(tabel));
        }

        Assert.Equal("2", Db.VoerUit("SELECT laatste FROM toewijzingnummers")?.ToString());
        v.Where(x => x.Geschreven).SelectMany(x => x.Outbox).ToList().ForEach(AssertXsdGeldig);
        Assert.Single(Opslag.AuditVoorClient(Core.Waarden.Bsn.Parse(Broer).Waarde), a => a.Actie.Contains("toegekend", StringComparison.Ordinal));
    }

    [StoreFact]
    public void Dezelfde_regel_twee_keer_in_een_aanroep_wordt_een_keer_geschreven()
    {
        ImporteerDemo();

        var v = Leg(new Toekenningsactie.Toekennen(Opdracht(), Persoon), new Toekenningsactie.Toekennen(Opdracht(), Persoon));

        Assert.True(v[0].Geschreven);
        Assert.True(v[1].Herhaling);
        Assert.False(v[1].Geschreven);
        Assert.Equal(v[0].Nummers, v[1].Nummers);
        Assert.Equal(v[0].Outbox, v[1].Outbox);
        Assert.Equal(1L, Db.Tel("toewijzingen"));
        Assert.Equal(1L, Db.Tel("outbox"));
        Assert.Equal(1L, Db.Tel("journaal"));
    }

    [StoreFact]
    public void Een_tweede_gezinsproduct_in_dezelfde_aanroep_ziet_de_omvang_en_de_dummy_van_het_eerste()
    {
        ImporteerDemo();
        // Line 1: the family product on the household (Kind youngest: volume; Broer: dummy 45F24). Line 2: the same family
        // product again, entered on the younger child for a later but overlapping period: Kind holds 45F23 already (OP259).
        var eerste = Opdracht("45F23", 6000, client: Broer, gezin: [Kind]);
        var tweede = Opdracht("45F23", 6000, client: Kind, gezin: [Broer]) with { Ingangsdatum = new DateOnly(2027, 9, 1) };

        var v = Leg(new Toekenningsactie.Toekennen(eerste, Persoon), new Toekenningsactie.Toekennen(tweede, Persoon));

        Assert.True(v[0].Geschreven, v[0].Besluit?.Toelichting ?? v[0].Fout?.Melding);
        Assert.Equal(2, v[0].Nummers.Count);
        Assert.Equal(Toekenningsstatus.Geblokkeerd, v[1].Status);
        Assert.Contains(v[1].Besluit!.Blokkerend, b => b.RegelId == "OP259");
        Assert.Equal(2L, Db.Tel("toewijzingen"));
        Assert.Equal(2L, Db.Tel("outbox"));
    }

    private static string Zonderprefix(string pad) =>
        System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(pad, Encoding.UTF8), "<(/?)[a-z0-9]+:", "<$1");
}
