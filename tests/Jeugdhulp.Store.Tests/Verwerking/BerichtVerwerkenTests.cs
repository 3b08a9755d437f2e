using Product = Jeugdhulp.Ijw.Berichten.Product;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Schema;
using Jeugdhulp.Ijw.Schrijven;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Toekenning;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Tests.Verwerking;

/// <summary>The pipeline's store logic on both databases: state, numbers, re-delivery, 9056, the message boundary.</summary>
public abstract class BerichtVerwerkenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : BerichtVerwerkenTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : BerichtVerwerkenTests(new PostgresTestDatabase());

    private const string Aanbieder = "01234567";
    private static readonly DateOnly Vandaag = new(2027, 3, 2);

    private Datastore MetDemo()
    {
        ImporteerDemo();
        return Opslag;
    }

    /// <summary>The runner of the last <see cref="Verwerk"/> (its fast-pass fallbacks).</summary>
    private BerichtVerwerken? laatste;

    private List<Bestandsverslag> Verwerk(params byte[][] berichten)
    {
        laatste = new BerichtVerwerken(Opslag, Flevoland, Vandaag, Path.Combine(Db.DataMap, "outbox"), batch: 2);
        return [.. laatste.Verwerk(berichten.Select((b, i) => new Invoer($"{i}.xml", b)))];
    }

    /// <summary>A JW315 of provider 01234567 to Noordoostpolder for one 45F11 (or <paramref name="inhoudCode"/>) from 2027-03-08.</summary>
    internal static byte[] Jw315(string id, string bsn, DateOnly geboren, string referentie, string inhoudCode = "45F11") =>
        IjwSchrijver.Schrijf(new VerzoekOmToewijzingBericht(Berichtsoort.JW315,
            Header.Voor(Berichtsoort.JW315, Aanbieder, "0171", new BerichtIdentificatie(id, new DateOnly(2027, 3, 1))),
            new VerzoekOmToewijzingClient(bsn, new Geboortedatum(geboren, null), "1", new VerkorteNaam(new Achternaam("Vries", null), null, null), null, null,
                [new AangevraagdProduct(referentie, null, new Product("45", inhoudCode), null, new DateOnly(2027, 3, 8), new DateOnly(2027, 9, 7),
                    new Omvang(1800, "01", "6"), null, new Verwijzer("02", null, "01999999"), null, null)])));

    [StoreFact]
    public void Einddatum_verschuiven_na_het_declareren_van_alle_minuten_gaat_naar_beoordeling()
    {
        // HK-317-5: "de toegekende minuten zijn nog niet verbruikt". 1800 minutes allocated, 1800 declared (approved).
        MetDemo();
        const string Bsn = "100002183";
        var geboren = new DateOnly(2016, 9, 12);
        Verwerk(Jw315("A1", Bsn, geboren, "R1"));
        var jw323 = IjwSchrijver.Schrijf(new Declaratiebericht(
            Header.Voor(Berichtsoort.JW323, Aanbieder, "0171", new BerichtIdentificatie("D1", new DateOnly(2027, 4, 2))),
            new Declaratie("DN1", new GeslotenPeriode(new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 31)), new DateOnly(2027, 4, 2), new BedragMetDc(1800 * 175, "D"),
                [new DeclaratieClient(Bsn, [new Prestatie(new ProductReferentie("P-1", null), 1, "45", "45F11",
                    new GeslotenPeriode(new DateOnly(2027, 3, 8), new DateOnly(2027, 3, 31)), 1800, "01", 175, new BedragMetDc(1800 * 175, "D"))])])));
        var jw317 = IjwSchrijver.Schrijf(new VerzoekOmWijzigingBericht(Berichtsoort.JW317,
            Header.Voor(Berichtsoort.JW317, Aanbieder, "0171", new BerichtIdentificatie("W1", new DateOnly(2027, 4, 3))),
            new VerzoekOmWijzigingClient(Bsn, new Verzoek("R-W", "1", [],
                [new TeWijzigenProduct(1, new DateOnly(2027, 3, 8), new DateOnly(2027, 10, 31), null, null)], []))));

        var verslagen = new BerichtVerwerken(Opslag, Flevoland, new DateOnly(2027, 4, 5), Path.Combine(Db.DataMap, "outbox")).Verwerk(
            [new Invoer("d.xml", jw323), new Invoer("w.xml", jw317)]).ToList();

        Assert.True(verslagen[0].Uitkomst == Uitkomsten.Accepted, string.Join("; ", verslagen[0].Meldingen));
        Assert.Equal(Uitkomsten.Review, verslagen[1].Uitkomst);
        var toelichting = Toelichting("R-W");
        Assert.Contains("Beoordelen op HK-317-5", toelichting, StringComparison.Ordinal);
        Assert.Contains("1800 van de 1800", toelichting, StringComparison.Ordinal);
    }

    [StoreFact]
    public void Toekenningen_krijgen_unieke_nummers_en_worden_met_alle_versiegegevens_vastgelegd()
    {
        MetDemo();

        var verslagen = Verwerk(
            Jw315("A1", "100002183", new DateOnly(2016, 9, 12), "R1"),
            Jw315("A2", "100002195", new DateOnly(2012, 1, 30), "R2"),
            Jw315("A3", "100003023", new DateOnly(2014, 11, 20), "R3"));

        Assert.All(verslagen, v => Assert.Equal(Uitkomsten.Approved, v.Uitkomst));
        Assert.Equal(3L, Db.Tel("toewijzingen"));
        Assert.Equal(3L, Convert.ToInt64(Db.VoerUit("SELECT COUNT(DISTINCT nummer) FROM toewijzingen WHERE gemeente = '0171'"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3L, Convert.ToInt64(Db.VoerUit("SELECT laatste FROM toewijzingnummers WHERE gemeente = '0171'"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("R2", Db.VoerUit("SELECT referentie FROM toewijzingen WHERE nummer = 2"));
        Assert.Equal(6L, Db.Tel("outbox"));
        Assert.All(Directory.GetFiles(Path.Combine(Db.DataMap, "outbox")), f => Assert.StartsWith(Aanbieder + "_JW3", Path.GetFileName(f), StringComparison.Ordinal));
    }

    [StoreFact]
    public void Vooraf_gelezen_bronnen_geven_dezelfde_uitkomst_en_toelichting_als_per_run_gelezen()
    {
        MetDemo();
        var gelezen = Opslag.LeesBronnen(Flevoland);
        var outbox = Path.Combine(Db.DataMap, "outbox");

        // Two runs (two simulated days of the generator), the sources read once before both; then the same kind of
        // request for another child, read per run.
        var eerste = Assert.Single(new BerichtVerwerken(Opslag, Flevoland, Vandaag, outbox, gelezen: gelezen)
            .Verwerk([new Invoer("a.xml", Jw315("G1", "100002183", new DateOnly(2016, 9, 12), "R1"))]));
        var tweede = Assert.Single(new BerichtVerwerken(Opslag, Flevoland, Vandaag.AddDays(1), outbox, gelezen: gelezen)
            .Verwerk([new Invoer("b.xml", Jw315("G2", "100002195", new DateOnly(2012, 1, 30), "R2"))]));
        var perRun = Assert.Single(new BerichtVerwerken(Opslag, Flevoland, Vandaag.AddDays(1), outbox)
            .Verwerk([new Invoer("c.xml", Jw315("G3", "100003023", new DateOnly(2014, 11, 20), "R3"))]));

        Assert.All(new[] { eerste, tweede, perRun }, v => Assert.True(v.Uitkomst == Uitkomsten.Approved, string.Join("; ", v.Meldingen)));
        // The same rules applied, in the same order, as the run that read its own sources.
        Assert.Equal(Assert.Single(perRun.Besluiten).Regels, Assert.Single(tweede.Besluiten).Regels);
        Assert.Equal(Assert.Single(perRun.Besluiten).Regels, Assert.Single(eerste.Besluiten).Regels);
    }

    [StoreFact]
    public void Vooraf_gelezen_bronnen_worden_gebruikt_zoals_ze_gelezen_zijn_en_zien_een_latere_import_niet()
    {
        // Read before the contracts and residents exist: the caller promised nothing changes in between (the demo
        // generator imports both before its first day), so a later import is not seen — which is why process and the
        // API read them per run.
        var leeg = Opslag.LeesBronnen(Flevoland);
        MetDemo();
        var outbox = Path.Combine(Db.DataMap, "outbox");

        var vooraf = Assert.Single(new BerichtVerwerken(Opslag, Flevoland, Vandaag, outbox, gelezen: leeg)
            .Verwerk([new Invoer("a.xml", Jw315("L1", "100002183", new DateOnly(2016, 9, 12), "R1"))]));
        var perRun = Assert.Single(new BerichtVerwerken(Opslag, Flevoland, Vandaag, outbox)
            .Verwerk([new Invoer("b.xml", Jw315("L2", "100002195", new DateOnly(2012, 1, 30), "R2"))]));

        Assert.Equal(Uitkomsten.Approved, perRun.Uitkomst);
        Assert.NotEqual(Uitkomsten.Approved, vooraf.Uitkomst);
    }

    [StoreFact]
    public void Vooraf_gelezen_bronnen_van_een_andere_regelcatalogus_worden_geweigerd()
    {
        // The same files loaded once more: an equal catalogue, but not the one the run decides with.
        var ander = LaadFlevoland();

        Assert.Throws<ArgumentException>(() => new BerichtVerwerken(Opslag, Flevoland, Vandaag, null, gelezen: Opslag.LeesBronnen(ander)));
    }

    [StoreFact]
    public void Een_toegekende_JW315_legt_haar_nieuwe_toewijzing_vast_zonder_een_vorige_versie_te_zoeken()
    {
        MetDemo();
        if (Db is PostgresTestDatabase)
        {
            // A statement trigger fires for every UPDATE statement, also one that changes no row (SQLite has none).
            Db.VoerUit("""
                CREATE TABLE bijwerkingen (n integer);
                CREATE FUNCTION tel_bijwerking() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO bijwerkingen VALUES (1); RETURN NULL; END $$;
                CREATE TRIGGER tel_bijwerking AFTER UPDATE ON toewijzingen FOR EACH STATEMENT EXECUTE FUNCTION tel_bijwerking();
                """);
        }

        var verslag = Assert.Single(Verwerk(Jw315("N1", "100002183", new DateOnly(2016, 9, 12), "R1")));

        Assert.True(verslag.Uitkomst == Uitkomsten.Approved, string.Join("; ", verslag.Meldingen));
        Assert.Equal(1L, Db.Tel("toewijzingen WHERE actueel = 1"));
        if (Db is PostgresTestDatabase)
        {
            Assert.Equal(0L, Db.Tel("bijwerkingen"));
        }
    }

    [StoreFact]
    public void Zonder_outboxmap_blijven_de_antwoorden_in_de_outbox_tabel_en_schrijft_een_latere_run_ze_een_keer()
    {
        MetDemo();
        var map = Path.Combine(Db.DataMap, "outbox");

        var verslagen = new BerichtVerwerken(Opslag, Flevoland, Vandaag, outboxMap: null, batch: 2)
            .Verwerk([new Invoer("0.xml", Jw315("A1", "100002183", new DateOnly(2016, 9, 12), "R1")),
                new Invoer("1.xml", Jw315("A2", "100002195", new DateOnly(2012, 1, 30), "R2"))]).ToList();

        Assert.All(verslagen, v => Assert.Equal(Uitkomsten.Approved, v.Uitkomst));
        Assert.All(verslagen, v => Assert.All(v.Outbox, o => Assert.Equal(Path.GetFileName(o), o)));
        Assert.False(Directory.Exists(map) && Directory.EnumerateFiles(map).Any());
        Assert.Equal(4L, Db.Tel("outbox"));
        Assert.Equal(4L, Convert.ToInt64(Db.VoerUit("SELECT COUNT(*) FROM outbox WHERE geschreven_op IS NULL"), System.Globalization.CultureInfo.InvariantCulture));

        // A later run with a folder writes exactly those answers, once, under the names reported.
        var later = Verwerk(Jw315("A3", "100003023", new DateOnly(2014, 11, 20), "R3"));

        var namen = Directory.GetFiles(map).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([.. verslagen.SelectMany(v => v.Outbox).Concat(later[0].Outbox.Select(Path.GetFileName)).Order(StringComparer.Ordinal)], namen);
        Assert.Equal(0L, Convert.ToInt64(Db.VoerUit("SELECT COUNT(*) FROM outbox WHERE geschreven_op IS NULL"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [StoreFact]
    public void Een_herhaling_in_dezelfde_en_in_een_latere_batch_verandert_niets()
    {
        MetDemo();
        var bericht = Jw315("H1", "100002183", new DateOnly(2016, 9, 12), "R1");

        var eerste = Verwerk(bericht, bericht);
        // The same batch's re-delivery is answered in the fast pass (the original's answers were still on the worker).
        Assert.Equal(0, laatste!.Terugvallen);
        var later = Verwerk(bericht);

        Assert.Equal(Uitkomsten.Approved, eerste[0].Uitkomst);
        Assert.Equal(Uitkomsten.Approved, eerste[1].Uitkomst);
        Assert.Equal(eerste[0].Outbox, eerste[1].Outbox);
        Assert.Equal(eerste[0].Outbox, later[0].Outbox);
        Assert.Equal(eerste[0].Besluiten.Select(b => (b.Referentie, b.Uitkomst)), later[0].Besluiten.Select(b => (b.Referentie, b.Uitkomst)));
        Assert.Equal(1L, Db.Tel("toewijzingen"));
        Assert.Equal(2L, Db.Tel("outbox"));
        Assert.Equal(1L, Db.Tel("journaal"));
    }

    [StoreFact]
    public void Zelfde_identificatie_andere_inhoud_geeft_9056_en_beslist_niets()
    {
        MetDemo();

        var verslagen = Verwerk(
            Jw315("Z1", "100002183", new DateOnly(2016, 9, 12), "R1"),
            Jw315("Z1", "100002195", new DateOnly(2012, 1, 30), "R2"));

        Assert.Equal(Uitkomsten.Rejected, verslagen[1].Uitkomst);
        Assert.Empty(verslagen[1].Besluiten);
        Assert.Contains("<RetourCode>9056</RetourCode>", File.ReadAllText(Assert.Single(verslagen[1].Outbox)), StringComparison.Ordinal);
        Assert.Equal(1L, Db.Tel("toewijzingen"));
        Assert.Equal(1L, Db.Tel("verzoeken"));
    }

    [StoreFact]
    public void Een_fout_in_een_bericht_rolt_alleen_dat_bericht_terug_en_de_batch_gaat_door()
    {
        MetDemo();
        // An allocation without the client's details (no JW315 seen): an early stop cannot write its JW301,
        // which the pipeline treats as a bug after it has already written the stop and the new version.
        Db.VoerUit("""
            INSERT INTO toewijzingen (gemeente, nummer, client_bsn, aanbieder, productcode, categorie, ingangsdatum, einddatum,
                toewijzingsdatum, toewijzingstijd, herkomst, keren_verschoven, actueel)
            VALUES ('0171', 7, '100002183', '01234567', '45F11', '45', '2027-03-08', '2027-09-07', '2027-03-01', '10:00:00', 2, 0, 1)
            """);
        var start = IjwSchrijver.Schrijf(new StartBericht(Berichtsoort.JW305,
            Header.Voor(Berichtsoort.JW305, Aanbieder, "0171", new BerichtIdentificatie("S1", new DateOnly(2027, 3, 1))),
            new StartClient("100002183", new Geboortedatum(new DateOnly(2016, 9, 12), null), "1", new VerkorteNaam(new Achternaam("Vries", null), null, null),
                [new StartProduct(7, new Product("45", "45F11"), null, new DateOnly(2027, 3, 1), "1")])));
        var stop = IjwSchrijver.Schrijf(new StopBericht(Berichtsoort.JW307,
            Header.Voor(Berichtsoort.JW307, Aanbieder, "0171", new BerichtIdentificatie("E1", new DateOnly(2027, 3, 1))),
            new StopClient("100002183", new Geboortedatum(new DateOnly(2016, 9, 12), null), "1", new VerkorteNaam(new Achternaam("Vries", null), null, null),
                [new StopProduct(7, new Product("45", "45F11"), null, new DateOnly(2027, 3, 1), "34", new DateOnly(2027, 3, 1), "1")])));

        var verslagen = Verwerk(start, stop, Jw315("N1", "100002195", new DateOnly(2012, 1, 30), "R2"));

        // The batch of the start and the failing stop fell back from the fast pass to the safe one; the next did not.
        Assert.Equal(1, laatste!.Terugvallen);
        Assert.Equal(Uitkomsten.Accepted, verslagen[0].Uitkomst);
        Assert.Equal(Uitkomsten.Error, verslagen[1].Uitkomst);
        Assert.Contains("cliëntgegevens", Assert.Single(verslagen[1].Meldingen), StringComparison.Ordinal);
        Assert.Empty(verslagen[1].Outbox);
        Assert.Equal(Uitkomsten.Approved, verslagen[2].Uitkomst);
        Assert.Equal(1L, Db.Tel("startstop"));
        AssertInPartitieVan("startstop", "0171");
        Assert.Equal(1L, Convert.ToInt64(Db.VoerUit("SELECT COUNT(*) FROM toewijzingen WHERE nummer = 7"), System.Globalization.CultureInfo.InvariantCulture));
        // Not accepted: no journal row, so the same message is processed as new once the cause is fixed.
        Assert.Equal(0L, Convert.ToInt64(Db.VoerUit("SELECT COUNT(*) FROM journaal WHERE identificatie = 'E1'"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Uitkomsten.Error, Assert.Single(Verwerk(stop)).Uitkomst);
    }

    [StoreFact]
    public void Een_besluit_op_een_verzoek_ter_beoordeling_geeft_precies_een_antwoord()
    {
        MetDemo();
        var verslag = Assert.Single(Verwerk(Jw315("B1", "100002183", new DateOnly(2016, 9, 12), "R-B", "45F21")));
        Assert.Equal(Uitkomsten.Review, verslag.Uitkomst);
        Assert.Equal(1L, Db.Tel("outbox"));
        var outbox = Path.Combine(Db.DataMap, "outbox");

        var toe = BesluitNemen.Neem(Opslag, new Handbesluit("R-B", true, null, "overleg gehad", "medewerker"), Vandaag, outbox);
        var nogmaals = BesluitNemen.Neem(Opslag, new Handbesluit("R-B", false, 7, null, "medewerker"), Vandaag, outbox);

        Assert.Equal(Uitkomsten.Approved, toe.Waarde.Uitkomst);
        Assert.Contains("_JW301_1-1.xml", Assert.Single(toe.Waarde.Outbox), StringComparison.Ordinal);
        Assert.Equal("BESLUIT-ONBEKEND", Assert.Single(nogmaals.Fouten).Code);
        Assert.Equal(2L, Db.Tel("outbox"));
        Assert.Equal(1L, Db.Tel("toewijzingen"));
        Assert.Equal("besloten", Db.VoerUit("SELECT status FROM verzoeken WHERE referentie = 'R-B'"));
        Assert.Equal(1L, Db.Tel("auditlog"));
    }

    [StoreFact]
    public void De_snelle_doorgang_meldt_en_bewaart_de_antwoorden_zoals_ze_als_bestand_geschreven_zijn()
    {
        MetDemo();

        var verslagen = Verwerk(
            Jw315("F1", "100002183", new DateOnly(2016, 9, 12), "R1"),
            Jw315("F2", "100002195", new DateOnly(2012, 1, 30), "R2", inhoudCode: "45F21"),
            Jw315("F3", "100003023", new DateOnly(2014, 11, 20), "R3"));

        Assert.Equal(0, laatste!.Terugvallen);
        var antwoorden = verslagen.SelectMany(v => v.Antwoorden ?? []).ToList();
        Assert.Equal(verslagen.Sum(v => v.Outbox.Count), antwoorden.Count);
        Assert.Equal(Db.Tel("outbox"), antwoorden.Count);
        using var tx = Opslag.BeginTransactie();
        foreach (var v in verslagen)
        {
            var opgeslagen = Jeugdhulp.Store.Outbox.AntwoordToevoegen.Antwoorden(tx, v.JournaalId!.Value);
            Assert.Equal(v.Antwoorden!.Select(a => (a.Id, a.Bestandsnaam)), opgeslagen.Select(o => (o.Id, o.Bestandsnaam)));
            foreach (var a in v.Antwoorden!)
            {
                Assert.Equal(a.Inhoud, opgeslagen.Single(o => o.Id == a.Id).Inhoud);
                Assert.Equal(a.Inhoud, File.ReadAllBytes(Path.Combine(Db.DataMap, "outbox", a.Bestandsnaam)));
            }
        }
    }
}
