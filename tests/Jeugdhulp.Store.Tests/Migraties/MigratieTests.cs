using Jeugdhulp.Store.Journaal;
using Jeugdhulp.Store.Migraties;
using Jeugdhulp.Store.Outbox;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.Migraties;

public abstract class MigratieTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : MigratieTests(new SqliteTestDatabase(leeg: true))
    {
        [Fact]
        public void De_database_staat_in_WAL_met_synchronous_FULL()
        {
            using var provider = Db.Opties.MaakProvider();
            using var c = provider.OpenVerbinding();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", cmd.ExecuteScalar());
            cmd.CommandText = "PRAGMA synchronous";
            Assert.Equal(2L, cmd.ExecuteScalar()); // 2 = FULL
            Assert.True(File.Exists(Path.Combine(Db.DataMap, StoreOpties.SqliteBestand)));
        }
    }

    [Postgres]
    public sealed class Postgres() : MigratieTests(new PostgresTestDatabase());

    // Numbers are reserved per branch, so the highest number (the schema version) need not equal the count.
    private int AantalScripts => Migrator.Scripts(Opslag.Provider.Dialect)[^1].Versie;

    private int ScriptTal => Migrator.Scripts(Opslag.Provider.Dialect).Count;

    /// <summary>Builds the schema as it was before the migration named <paramref name="naam"/>; returns the dialect.</summary>
    private string SchemaVoor(string naam)
    {
        using var provider = Db.Opties.MaakProvider();
        var scripts = Migrator.Scripts(provider.Dialect);
        var migratie = scripts.Single(m => m.Naam.Contains(naam, StringComparison.Ordinal));
        Db.VoerUit(provider.SchemaVersieTabel);
        foreach (var m in scripts.Where(m => m.Versie < migratie.Versie))
        {
            Db.VoerUit(m.Sql);
            Db.VoerUit($"INSERT INTO schema_version (versie, naam, toegepast_op) VALUES ({m.Versie}, '{m.Naam}', '2026-01-01T00:00:00Z')");
        }

        return provider.Dialect;
    }

    /// <summary>A resident of 0034 in the old schema: 0034 is a municipality the database knows from its residents.</summary>
    private void Inwoner0034(string dialect) =>
        Db.VoerUit("INSERT INTO inwoners (bsn, gemeente, geboortedatum, huishouden, jeugdreclassering) VALUES ('100023757', '0034', '2015-01-01', NULL, " +
            (dialect == "Sqlite" ? "0)" : "false)"));

    /// <summary>A journal row of a message of <paramref name="berichtcode"/> to <paramref name="gemeente"/> in the old schema; its id.</summary>
    private object? Journaalrij(string dialect, string gemeente, string berichtcode)
    {
        Db.VoerUit($"""
            INSERT INTO journaal (afzender, ontvanger, berichtcode, identificatie, sha256, ontvangen_op)
            VALUES ('12345678', '{gemeente}', '{berichtcode}', 'ID-{gemeente}', {Bytes(dialect, "01")}, '2026-01-02T03:04:05Z')
            """);
        return Db.VoerUit($"SELECT id FROM journaal WHERE ontvanger = '{gemeente}'");
    }

    /// <summary>On PostgreSQL, hands an id of <paramref name="tabel"/> to a row that is never stored (a rolled-back insert).</summary>
    private void SlaIdOver(string dialect, string tabel)
    {
        if (dialect == "Postgres")
        {
            Db.VoerUit($"SELECT nextval(pg_get_serial_sequence('{tabel}', 'id'))");
        }
    }

    /// <summary>A bytes literal in the dialect's SQL.</summary>
    private static string Bytes(string dialect, string hex) => dialect == "Sqlite" ? $"x'{hex}'" : $"'\\x{hex}'::bytea";

    [StoreFact]
    public void Bestaande_accounts_worden_medewerker_als_de_rollen_komen()
    {
        var dialect = SchemaVoor("rollen_dossier");
        Db.VoerUit($"""
            INSERT INTO medewerkers (gebruiker, gemeente, wachtwoord, aangemaakt_op, actief)
            VALUES ('nop', '0171', 'pbkdf2-sha256$1$AAAA$AAAA', '2026-01-02T03:04:05Z', {(dialect == "Sqlite" ? "1" : "true")})
            """);

        Assert.Equal(Jeugdhulp.Store.Backoffice.Medewerkerrol.Medewerker, Jeugdhulp.Store.Backoffice.Medewerkers.ZoekMedewerker(Opslag, "nop")!.Rol);
    }

    [StoreFact]
    public void Eerder_gejournaliseerde_berichten_houden_hun_inhoud_als_die_naar_een_eigen_tabel_verhuist()
    {
        // The schema as it was before the move, with a journalled message, then the store migrates.
        var dialect = SchemaVoor("journaalinhoud");
        Db.VoerUit($"""
            INSERT INTO journaal (afzender, ontvanger, berichtcode, identificatie, sha256, inhoud, ontvangen_op)
            VALUES ('12345678', '0034', 'JW315', 'ID-1', {Bytes(dialect, "0102")}, {Bytes(dialect, "3C4A57333135202F3E")}, '2026-01-02T03:04:05Z')
            """);

        using var tx = Opslag.BeginTransactie();
        var id = Convert.ToInt64(tx.Commando("SELECT id FROM journaal").ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("<JW315 />"u8.ToArray(), tx.LeesJournaal(id)!.Inhoud);
        Assert.Equal(AantalScripts, Opslag.SchemaVersie);
    }

    [StoreFact]
    public void Eerder_opgeslagen_antwoorden_houden_inhoud_en_geschreven_stand_als_de_inhoud_naar_een_eigen_tabel_verhuist()
    {
        // The schema as it was before 0009: one answer already written as a file, one not yet.
        var dialect = SchemaVoor("outboxinhoud");
        Db.VoerUit($"""
            INSERT INTO journaal (afzender, ontvanger, berichtcode, identificatie, sha256, ontvangen_op)
            VALUES ('12345678', '0034', 'JW315', 'ID-1', {Bytes(dialect, "0102")}, '2026-01-02T03:04:05Z')
            """);
        var journaal = Convert.ToInt64(Db.VoerUit("SELECT id FROM journaal"), System.Globalization.CultureInfo.InvariantCulture);
        Db.VoerUit($"""
            INSERT INTO outbox (journaal_id, berichtcode, ontvanger, bestandsnaam, inhoud, aangemaakt_op, geschreven_op)
            VALUES ({journaal}, 'JW316', '12345678', 'a.xml', {Bytes(dialect, "3C4A573331362F3E")}, '2026-01-02T03:04:05Z', '2026-01-02T03:04:06Z'),
                   ({journaal}, 'JW301', '12345678', 'b.xml', {Bytes(dialect, "3C4A573330312F3E")}, '2026-01-02T03:04:05Z', NULL)
            """);

        using var tx = Opslag.BeginTransactie();
        var antwoorden = tx.Antwoorden(journaal);

        Assert.Equal(AantalScripts, Opslag.SchemaVersie);
        Assert.Equal(["a.xml", "b.xml"], antwoorden.Select(a => a.Bestandsnaam));
        Assert.Equal("<JW316/>"u8.ToArray(), antwoorden[0].Inhoud);
        Assert.Equal("<JW301/>"u8.ToArray(), antwoorden[1].Inhoud);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 6, TimeSpan.Zero), antwoorden[0].GeschrevenOp);
        Assert.Null(antwoorden[1].GeschrevenOp);
    }

    [StoreFact]
    public void Bestaande_toewijzingen_en_declaraties_houden_hun_rijen_en_ids_als_ze_per_gemeente_verdeeld_worden()
    {
        // The schema before 0036 with rows of two municipalities, one of them without contracts or residents; on PostgreSQL
        // the allocations' sequence stands past the highest id (an id handed to a rolled-back row).
        var dialect = SchemaVoor("gemeentepartities");
        Inwoner0034(dialect);
        foreach (var g in new[] { "0034", "0050" })
        {
            var journaal = Journaalrij(dialect, g, "JW323");
            SlaIdOver(dialect, "toewijzingen");

            Db.VoerUit($"""
                INSERT INTO toewijzingen (gemeente, nummer, client_bsn, aanbieder, productcode, categorie, ingangsdatum, toewijzingsdatum,
                    toewijzingstijd, herkomst, keren_verschoven, actueel, journaal_id)
                VALUES ('{g}', 5, '100023757', '12345678', '45A01', '45', '2026-01-01', '2026-01-01', '10:00:00', 1, 0, 1, {journaal})
                """);
            Db.VoerUit($"""
                INSERT INTO declaraties (journaal_id, gemeente, aanbieder, declaratienummer, begindatum, einddatum, dagtekening, ingediend, toegekend)
                VALUES ({journaal}, '{g}', '12345678', 'D-{g}', '2026-01-01', '2026-01-31', '2026-02-01', 100, 100)
                """);
            Db.VoerUit($"""
                INSERT INTO declaratieprestaties (declaratie_id, gemeente, aanbieder, referentienummer, nummer, categorie, productcode,
                    begindatum, einddatum, volume, eenheid, bedrag, credit, goedgekeurd, client_bsn, volgorde)
                SELECT id, gemeente, aanbieder, 'R-{g}', 5, '45', '45A01', '2026-01-01', '2026-01-31', 1, '14', 100, 0, 1, '100023757', 1
                FROM declaraties WHERE gemeente = '{g}'
                """);
            Db.VoerUit($"""
                INSERT INTO declaratiebevindingen (journaal_id, volgorde, gemeente, referentienummer, soort, regel_id, code, retourcode, parameters)
                VALUES ({journaal}, 1, '{g}', 'R-{g}', 'signaal', 'X', 'c', NULL, '{"{"}{"}"}')
                """);
        }

        SlaIdOver(dialect, "toewijzingen");

        const string Rijen = """
            SELECT 't', id, gemeente, nummer FROM toewijzingen UNION ALL SELECT 'd', id, gemeente, journaal_id FROM declaraties
            UNION ALL SELECT 'p', id, gemeente, declaratie_id FROM declaratieprestaties UNION ALL SELECT 'b', volgorde, gemeente, journaal_id FROM declaratiebevindingen
            ORDER BY 1, 2, 3
            """;
        var voor = Db.Lees(Rijen);

        Assert.Equal(AantalScripts, Opslag.SchemaVersie);
        Assert.Equal(voor, Db.Lees(Rijen));
        Assert.Equal(8, voor.Count);
        if (dialect == "Postgres")
        {
            // Each row in its municipality's partition (0050 is known from its rows alone), DEFAULT empty.
            foreach (var tabel in new[] { "toewijzingen", "declaraties", "declaratieprestaties", "declaratiebevindingen" })
            {
                Assert.Equal([$"{tabel}_g0034", $"{tabel}_g0050"],
                    Db.Lees($"SELECT tableoid::regclass::text FROM {tabel} ORDER BY gemeente").Select(r => (string)r[0]));
            }

            // The sequence goes on where it stood, not at the highest id: an id is never handed out twice.
            var hoogste = voor.Where(r => (string)r[0] == "t").Max(r => Convert.ToInt64(r[1], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(hoogste + 2, Convert.ToInt64(Db.VoerUit("SELECT nextval(pg_get_serial_sequence('toewijzingen', 'id'))"),
                System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [StoreFact]
    public void Bestaande_berichtinhoud_en_bevindingen_houden_rijen_en_sleutels_en_krijgen_de_gemeente_van_hun_bericht()
    {
        // The schema before 0039 with messages to three municipalities: 0034 known from its residents, 0050 only from its
        // request line, 0099 from nothing but the journal (a receiver never imported). On PostgreSQL each known municipality's
        // rows go to its partitions; 0099's stay in DEFAULT until it is imported.
        var dialect = SchemaVoor("journaalpartities");
        Inwoner0034(dialect);
        foreach (var (g, hex) in new[] { ("0034", "0a0b"), ("0050", "0c0d"), ("0099", "0e0f") })
        {
            Db.VoerUit($"""
                INSERT INTO journaal (afzender, ontvanger, berichtcode, identificatie, sha256, ontvangen_op)
                VALUES ('12345678', '{g}', 'JW315', 'ID-{g}', {Bytes(dialect, "01")}, '2026-01-02T03:04:05Z')
                """);
            var journaal = Db.VoerUit($"SELECT id FROM journaal WHERE ontvanger = '{g}'");
            Db.VoerUit($"INSERT INTO journaalinhoud (journaal_id, inhoud) VALUES ({journaal}, {Bytes(dialect, hex)})");
            if (g != "0099")
            {
                foreach (var volgnummer in new[] { 1, 2 })
                {
                    Db.VoerUit($"""
                        INSERT INTO verzoeken (journaal_id, volgnummer, berichtcode, gemeente, aanbieder, client_bsn, referentie, status, uitkomst, regels, toelichting)
                        VALUES ({journaal}, {volgnummer}, 'JW315', '{g}', '12345678', '100023757', 'R{g}-{volgnummer}', 'review', 'review', '', '')
                        """);
                    Db.VoerUit($"""
                        INSERT INTO verzoekbevindingen (journaal_id, volgnummer, lijst, beoordelen)
                        VALUES ({journaal}, {volgnummer}, 'lijst {g} {volgnummer}', {(volgnummer == 1 ? "' HK-315-4 '" : "NULL")})
                        """);
                }
            }
        }

        const string Inhoud = "SELECT j.ontvanger, i.journaal_id, i.inhoud FROM journaalinhoud i JOIN journaal j ON j.id = i.journaal_id ORDER BY 2";
        const string Bevindingen = "SELECT v.gemeente, b.journaal_id, b.volgnummer, b.lijst, b.beoordelen FROM verzoekbevindingen b JOIN verzoeken v ON v.journaal_id = b.journaal_id AND v.volgnummer = b.volgnummer ORDER BY 2, 3";
        var inhoud = Db.Lees(Inhoud);
        var bevindingen = Db.Lees(Bevindingen);

        Assert.Equal(AantalScripts, Opslag.SchemaVersie);
        Assert.Equal(inhoud, Db.Lees(Inhoud));
        // lijst as its text: 0041 turned it into bytes (Bevindinglijst.Tekst reads either).
        Assert.Equal(bevindingen.Select(Tekstlijst), Db.Lees(Bevindingen).Select(Tekstlijst));
        Assert.Equal((3, 4), (inhoud.Count, bevindingen.Count));
        // Each row's municipality is its message's receiver, its request line's municipality.
        Assert.Equal(inhoud.Select(r => r[0]), Db.Lees("SELECT gemeente FROM journaalinhoud ORDER BY journaal_id").Select(r => r[0]));
        Assert.Equal(bevindingen.Select(r => r[0]), Db.Lees("SELECT gemeente FROM verzoekbevindingen ORDER BY journaal_id, volgnummer").Select(r => r[0]));
        if (dialect == "Postgres")
        {
            Assert.Equal(["journaalinhoud_g0034", "journaalinhoud_g0050", "journaalinhoud_default"],
                Db.Lees("SELECT tableoid::regclass::text FROM journaalinhoud ORDER BY gemeente").Select(r => (string)r[0]));
            Assert.Equal(["verzoekbevindingen_g0034", "verzoekbevindingen_g0034", "verzoekbevindingen_g0050", "verzoekbevindingen_g0050"],
                Db.Lees("SELECT tableoid::regclass::text FROM verzoekbevindingen ORDER BY gemeente, volgnummer").Select(r => (string)r[0]));
            // The journal itself stays one plain table (the re-delivery keys are global).
            Assert.Equal("r", Db.VoerUit("SELECT relkind::text FROM pg_class WHERE oid = 'journaal'::regclass"));
        }
    }

    [StoreFact]
    public void Bestaande_starts_no_shows_en_eigen_toekenningen_houden_rijen_en_ids_als_ze_per_gemeente_verdeeld_worden()
    {
        // The schema before 0040 with a start, a no-show and an own allocation of two municipalities: 0034 known from its
        // residents, 0050 only from these rows. On PostgreSQL the no-shows' sequence stands past the highest id.
        var dialect = SchemaVoor("gemeentepartitietabellen");
        Inwoner0034(dialect);
        foreach (var g in new[] { "0034", "0050" })
        {
            var journaal = Journaalrij(dialect, g, "JW305");
            SlaIdOver(dialect, "noshows");

            Db.VoerUit($"""
                INSERT INTO startstop (journaal_id, soort, gemeente, nummer, begindatum, actief) VALUES ({journaal}, 'start', '{g}', 5, '2026-01-01', 1)
                """);
            Db.VoerUit($"""
                INSERT INTO noshows (journaal_id, gemeente, nummer, aanbieder, client_bsn, productcode, datum)
                VALUES ({journaal}, '{g}', 5, '12345678', '100023757', '45A01', '2026-01-05')
                """);
            Db.VoerUit($"""
                INSERT INTO toekenningen (journaal_id, gemeente, soort, aanbieder, productcode, status, regels, toelichting, door, op)
                VALUES ({journaal}, '{g}', 'toekennen', '12345678', '45A01', 'Toegekend', '', '', 'medewerker', '2026-01-02T03:04:05Z')
                """);
        }

        SlaIdOver(dialect, "noshows");

        const string Rijen = """
            SELECT 's', id, gemeente, journaal_id FROM startstop UNION ALL SELECT 'n', id, gemeente, journaal_id FROM noshows
            UNION ALL SELECT 't', id, gemeente, journaal_id FROM toekenningen ORDER BY 1, 2, 3
            """;
        var voor = Db.Lees(Rijen);

        Assert.Equal(AantalScripts, Opslag.SchemaVersie);
        Assert.Equal(voor, Db.Lees(Rijen));
        Assert.Equal(6, voor.Count);
        if (dialect == "Postgres")
        {
            // Each row in its municipality's partition (0050 known from its rows alone), DEFAULT empty.
            foreach (var tabel in new[] { "startstop", "noshows", "toekenningen" })
            {
                Assert.Equal([$"{tabel}_g0034", $"{tabel}_g0050"],
                    Db.Lees($"SELECT tableoid::regclass::text FROM {tabel} ORDER BY gemeente").Select(r => (string)r[0]));
            }

            // The sequence goes on where it stood, not at the highest id.
            var hoogste = voor.Where(r => (string)r[0] == "n").Max(r => Convert.ToInt64(r[1], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(hoogste + 2, Convert.ToInt64(Db.VoerUit("SELECT nextval(pg_get_serial_sequence('noshows', 'id'))"),
                System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [StoreFact]
    public void Bestaande_bevindingen_verhuizen_naar_een_rij_per_verzoekregel_met_elk_veld_en_hun_volgorde()
    {
        // The schema before 0038 with two request lines: one with findings of every kind (parameters with quotes, accents and
        // control characters, a reason, two findings in review, a signal with and one without a date), stored out of order;
        // one with the finding 0010 carried over from before findings were data; and a line without findings.
        var dialect = SchemaVoor("bevindingen_per_verzoekregel");
        Db.VoerUit($"""
            INSERT INTO journaal (afzender, ontvanger, berichtcode, identificatie, sha256, ontvangen_op)
            VALUES ('12345678', '0034', 'JW315', 'ID-1', {Bytes(dialect, "01")}, '2026-01-02T03:04:05Z')
            """);
        var journaal = Convert.ToInt64(Db.VoerUit("SELECT id FROM journaal"), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (volgnummer, bsn, status) in new[] { (1, "999990019", "review"), (2, "100023757", "review"), (3, "100023757", "besloten") })
        {
            Db.VoerUit($"""
                INSERT INTO verzoeken (journaal_id, volgnummer, berichtcode, gemeente, aanbieder, client_bsn, referentie, status, uitkomst, regels, toelichting)
                VALUES ({journaal}, {volgnummer}, 'JW315', '0034', '12345678', '{bsn}', 'R{volgnummer}', '{status}', '{(status == "review" ? "review" : "approved")}', '', '')
                """);
        }

        Core.Teksten.Parameter[] lastig = [new("gemeenteNaam", "Súdwest-Fryslân \"thuis\" 'x' a\u001eb\u001fc\nd"), new("naam", "Jeugd"), new("product", "45F11")];
        var rijen = new (int Volgorde, string Soort, string Regel, string Uitkomst, int? Reden, string Code, Core.Teksten.Parameter[] Parameters, string? Datum)[]
        {
            (0, "bevinding", "HK-315-4", "review", null, "onbekend", [new("client", "999990019")], null),
            (1, "bevinding", "HK-PER-5", "approved", null, "neemt-deel", lastig, null),
            (2, "bevinding", "HK-315-5", "rejected", 4, "geen-product", [], null),
            (3, "bevinding", "HK-315-11", "review", null, "diagnostiek-eerst", [new("diagnostiek", "45A11")], null),
            (4, "signaal", "HK-315-3", "signaal", null, "antwoordtermijn-onderzoek", [new("uiterlijk", "2027-03-02")], "2027-03-02"),
            (5, "signaal", "HK-ROUTE-1", "signaal", null, "verwijsdatum-onbekend", [new("fout", "geen datum")], null),
            (6, "bevinding", "OP347", "approved", null, "geen-ander-verzoek", [new("product", "45F11")], null),
        };
        foreach (var r in rijen.Reverse())
        {
            var json = Store.Bevindingen.BevindingenVastleggen.Json(r.Parameters).Replace("'", "''", StringComparison.Ordinal);
            Db.VoerUit($"""
                INSERT INTO bevindingen (journaal_id, volgnummer, volgorde, soort, regel_id, uitkomst, reden, code, parameters, datum)
                VALUES ({journaal}, 1, {r.Volgorde}, '{r.Soort}', '{r.Regel}', '{r.Uitkomst}', {(r.Reden?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "NULL")},
                    '{r.Code}', '{json}', {(r.Datum is null ? "NULL" : $"'{r.Datum}'")})
                """);
        }

        Db.VoerUit($"""
            INSERT INTO bevindingen (journaal_id, volgnummer, volgorde, soort, regel_id, uitkomst, reden, code, parameters, datum)
            VALUES ({journaal}, 2, 0, 'bevinding', 'HK-315-4', 'review', NULL, 'zie-toelichting', '{"{"}{"}"}', NULL)
            """);
        var gemeente = Core.Waarden.Gemeentecode.Parse("0034").Waarde;

        var ids = Db.Lees("SELECT id FROM verzoeken ORDER BY volgnummer").Select(r => Convert.ToInt64(r[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(AantalScripts, Opslag.SchemaVersie);
        var eerste = Store.Bevindingen.BevindingenLezen.LeesBevindingen(Opslag, gemeente, ids[0]);
        var tweede = Store.Bevindingen.BevindingenLezen.LeesBevindingen(Opslag, gemeente, ids[1]);

        Assert.Equal(rijen.Select(r => $"{r.Soort}|{r.Regel}|{r.Uitkomst}|{r.Reden}|{r.Code}|{string.Join(";", r.Parameters.Select(p => $"{p.Naam}={p.Waarde}"))}|{r.Datum}"),
            eerste.Select(b => $"{b.Soort}|{b.RegelId}|{b.Uitkomst}|{b.Reden}|{b.Code}|{string.Join(";", b.Parameters.Select(p => $"{p.Naam}={p.Waarde}"))}|{b.Datum:yyyy-MM-dd}"));
        Assert.Equal(("HK-315-4", "zie-toelichting", 0), (Assert.Single(tweede).RegelId, tweede[0].Code, tweede[0].Parameters.Count));
        Assert.Empty(Store.Bevindingen.BevindingenLezen.LeesBevindingen(Opslag, gemeente, ids[2]));
        // The searchable part: the rules each line waits on, as the work queue's filter and the deadlines read it.
        Assert.Equal([" HK-315-4 HK-315-11 ", " HK-315-4 "], Db.Lees("SELECT beoordelen FROM verzoekbevindingen ORDER BY volgnummer").Select(r => (string)r[0]));
        Assert.Equal([ids[0]], Store.Backoffice.WerkvoorraadZoeken.ZoekWerkvoorraad(Opslag, gemeente, new Store.Backoffice.Werkvoorraadfilter(Regel: "HK-315-11")).Regels.Select(r => r.Item.Id));
        Assert.Equal(ids[..2], Store.Backoffice.WerkvoorraadZoeken.ZoekWerkvoorraad(Opslag, gemeente, new Store.Backoffice.Werkvoorraadfilter(Regel: "HK-315-4")).Regels.Select(r => r.Item.Id));
        // The row written by the store now is the moved row's text, character for character.
        var zelf = Store.Bevindingen.Bevindinglijst.Schrijf([.. eerste.Select(b => new Store.Bevindingen.Vastgelegd(b.Soort, b.RegelId, b.Uitkomst, b.Reden, b.Code, b.Parameters, b.Datum))]);
        Assert.Equal(zelf, Store.Bevindingen.Bevindinglijst.Tekst(Db.VoerUit("SELECT lijst FROM verzoekbevindingen WHERE volgnummer = 1")));
        Assert.Equal(0L, Convert.ToInt64(Db.VoerUit(dialect == "Sqlite" ? "SELECT COUNT(*) FROM sqlite_master WHERE name = 'bevindingen'" : "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'bevindingen'"),
            System.Globalization.CultureInfo.InvariantCulture));
    }

    [StoreFact]
    public void Bestaande_bevindingenlijsten_worden_bytes_die_gelijk_teruglezen_en_nieuwe_worden_gecomprimeerd()
    {
        // The schema before 0041 with a request line in review whose findings are the text of 0038 (HK-315-4 in review).
        var dialect = SchemaVoor("bevindingen_gecomprimeerd");
        var journaal = Journaalrij(dialect, "0034", "JW315");
        Store.Bevindingen.Vastgelegd[] rijen =
        [
            new("bevinding", "HK-315-4", "review", null, "onbekend", [new("client", "100023757")], null),
            new("bevinding", "HK-PER-5", "approved", null, "neemt-deel", [new("gemeenteNaam", "Súdwest-Fryslân \"thuis\" 'x'"), new("naam", "Jeugd"), new("product", "45F11")], null),
            new("signaal", "HK-315-3", "signaal", null, "antwoordtermijn-onderzoek", [new("uiterlijk", "2027-03-02")], new DateOnly(2027, 3, 2)),
        ];
        var tekst = Store.Bevindingen.Bevindinglijst.Schrijf(rijen);
        Db.VoerUit($"""
            INSERT INTO verzoeken (journaal_id, volgnummer, berichtcode, gemeente, aanbieder, client_bsn, referentie, status, uitkomst, regels, toelichting)
            VALUES ({journaal}, 1, 'JW315', '0034', '12345678', '100023757', 'R-1', 'review', 'review', '', '')
            """);
        Db.VoerUit($"""
            INSERT INTO verzoekbevindingen (journaal_id, volgnummer, lijst, beoordelen, gemeente)
            VALUES ({journaal}, 1, '{tekst.Replace("'", "''", StringComparison.Ordinal)}', ' HK-315-4 ', '0034')
            """);
        var gemeente = Core.Waarden.Gemeentecode.Parse("0034").Waarde;

        Assert.Equal(AantalScripts, Opslag.SchemaVersie);
        var id = Convert.ToInt64(Db.VoerUit("SELECT id FROM verzoeken"), System.Globalization.CultureInfo.InvariantCulture);

        // Converted: the text's UTF-8 bytes, uncompressed, read back field for field by the store's readers.
        var opgeslagen = Assert.IsType<byte[]>(Db.VoerUit("SELECT lijst FROM verzoekbevindingen"));
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(tekst), opgeslagen);
        Assert.Equal(rijen.Select(r => $"{r.Soort}|{r.RegelId}|{r.Uitkomst}|{r.Code}|{string.Join(";", r.Parameters.Select(p => $"{p.Naam}={p.Waarde}"))}|{r.Datum}"),
            Store.Bevindingen.BevindingenLezen.LeesBevindingen(Opslag, gemeente, id)
                .Select(b => $"{b.Soort}|{b.RegelId}|{b.Uitkomst}|{b.Code}|{string.Join(";", b.Parameters.Select(p => $"{p.Naam}={p.Waarde}"))}|{b.Datum}"));
        Assert.Equal([id], Store.Bevindingen.BevindingenLezen.LeesOpenBevindingen(Opslag, gemeente).Select(g => g.Key));
        Assert.Equal([id], Store.Backoffice.WerkvoorraadZoeken.ZoekWerkvoorraad(Opslag, gemeente, new Store.Backoffice.Werkvoorraadfilter(Regel: "HK-315-4")).Regels.Select(r => r.Item.Id));

        // What the store writes from now on: the same text, compressed with the findings' dictionary, and far smaller.
        var nieuw = Store.Bevindingen.Bevindinglijst.Pak(rijen);
        Assert.Equal(Store.Inhoud.Inhoudsvorm.BevindingenVersie, Store.Inhoud.Inhoudsvorm.VersieVan(nieuw));
        Assert.True(nieuw.Length * 2 < opgeslagen.Length, $"{nieuw.Length} van {opgeslagen.Length} bytes");
        Assert.Equal(tekst, Store.Bevindingen.Bevindinglijst.Tekst(nieuw));

        // The reference is indexed only among the lines in review.
        var indexen = Db.Lees(dialect == "Sqlite"
            ? "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'verzoeken' AND name LIKE 'verzoeken_referentie%'"
            : "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'verzoeken' AND indexname LIKE 'verzoeken_referentie%'");
        Assert.Equal(["verzoeken_referentie_review"], indexen.Select(r => (string)r[0]));
    }

    private static object[] Tekstlijst(object[] rij) => [rij[0], rij[1], rij[2], Store.Bevindingen.Bevindinglijst.Tekst(rij[3]), rij[4]];

    [StoreFact]
    public void Een_verse_database_krijgt_alle_migraties_in_volgorde()
    {
        Assert.True(AantalScripts >= 1);
        Assert.Equal(AantalScripts, Opslag.SchemaVersie);
        Assert.Equal(ScriptTal, Db.Tel("schema_version"));
        Assert.Equal(0, Db.Tel("journaal"));
        Assert.Equal(0, Db.Tel("outbox"));
    }

    [StoreFact]
    public void Opnieuw_openen_past_niets_opnieuw_toe_en_bewaart_de_gegevens()
    {
        _ = Opslag;
        Db.VoerUit("INSERT INTO toewijzingnummers (gemeente, laatste) VALUES ('0034', 41)");

        var tweede = Open();

        Assert.Equal(AantalScripts, tweede.SchemaVersie);
        Assert.Equal(ScriptTal, Db.Tel("schema_version"));
        Assert.Equal(41L, Convert.ToInt64(Db.VoerUit("SELECT laatste FROM toewijzingnummers WHERE gemeente = '0034'"),
            System.Globalization.CultureInfo.InvariantCulture));
    }

    [StoreFact]
    public void Een_database_van_een_nieuwere_versie_wordt_geweigerd_met_een_duidelijke_fout()
    {
        _ = Opslag;
        var nieuwer = AantalScripts + 1;
        Db.VoerUit($"INSERT INTO schema_version (versie, naam, toegepast_op) VALUES ({nieuwer}, 'uit_de_toekomst', '2030-01-01T00:00:00Z')");

        var r = Datastore.Open(Db.Opties);

        Assert.False(r.IsGeldig);
        var fout = Assert.Single(r.Fouten);
        Assert.Equal("STORE-SCHEMA-NIEUWER", fout.Code);
        Assert.Contains($"schemaversie {nieuwer}", fout.Melding, StringComparison.Ordinal);
        Assert.Contains($"tot en met {AantalScripts}", fout.Melding, StringComparison.Ordinal);
    }

    [StoreFact]
    public void Gelijktijdig_openen_van_een_lege_database_migreert_precies_een_keer()
    {
        var taken = Enumerable.Range(0, 4).Select(_ => Task.Run(() => Datastore.Open(Db.Opties))).ToArray();
        Task.WaitAll(taken);

        foreach (var t in taken)
        {
            Assert.True(t.Result.IsGeldig, string.Join("; ", t.Result.Fouten));
            t.Result.Waarde.Dispose();
        }

        Assert.Equal(ScriptTal, Db.Tel("schema_version"));
    }
}

public class MigratieScriptTests
{
    [Fact]
    public void Beide_dialecten_hebben_dezelfde_migraties()
    {
        var sqlite = Migrator.Scripts("Sqlite").Select(m => (m.Versie, m.Naam));
        var postgres = Migrator.Scripts("Postgres").Select(m => (m.Versie, m.Naam));
        Assert.Equal(sqlite, postgres);
        Assert.NotEmpty(sqlite);
    }
}
