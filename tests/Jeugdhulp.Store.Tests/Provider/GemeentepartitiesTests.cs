using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Import;
using Jeugdhulp.Store.Journaal;
using Jeugdhulp.Store.Verwerking;
using Npgsql;

namespace Jeugdhulp.Store.Tests.Provider;

/// <summary>
/// The national deployment on PostgreSQL (migrations 0036, 0039 and 0040): the allocations, the declaration tables, the received
/// bytes (journaalinhoud), the request lines' findings (verzoekbevindingen), starts and stops, no-shows and the municipality's
/// own allocations (startstop, noshows, toekenningen) are partitioned by municipality, one partition per municipality the deployment imported and a DEFAULT partition for any other. What the
/// pipeline writes lands in the municipality's own partition, a read for one municipality is pruned to it, and a row of
/// a municipality without a partition is stored in DEFAULT (and moved out when the municipality is imported later).
/// </summary>
[Postgres]
public sealed class GemeentepartitiesTests() : StoreTestBasis(new PostgresTestDatabase())
{
    private static readonly string[] Tabellen =
        ["toewijzingen", "declaraties", "declaratieprestaties", "declaratiebevindingen", "declaratieregels_ongeboekt", "journaalinhoud",
            "verzoekbevindingen", "startstop", "noshows", "toekenningen"];

    [StoreFact]
    public void Wat_de_pijplijn_vastlegt_staat_in_de_partitie_van_de_gemeente_van_de_rij()
    {
        Demostroom.Regio.Importeer(Opslag);
        Demostroom.Regio.Verwerk(dag => Open(new Infrastructuur.VasteKlok(new DateTimeOffset(dag.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))), Flevoland);

        foreach (var tabel in Tabellen)
        {
            foreach (var rij in Db.Lees($"SELECT tableoid::regclass::text, gemeente, COUNT(*) FROM {tabel} GROUP BY 1, 2"))
            {
                Assert.Equal($"{tabel}_g{rij[1]}", (string)rij[0]);
            }
        }

        Assert.True(Db.Tel("toewijzingen") > 0);
        Assert.True(Db.Tel("declaratieprestaties") > 0);
        Assert.True(Db.Tel("startstop") > 0); // the providers' JW305s and JW307s (0040)
        Assert.Equal(0, Db.Tel("toewijzingen_default") + Db.Tel("declaraties_default") + Db.Tel("declaratieprestaties_default"));
        // The journal's side (0039): every received message's bytes under its receiving municipality, every request line's
        // findings under the line's; the journal itself is one global table.
        Assert.Equal(Db.Tel("journaal"), Db.Tel("journaalinhoud"));
        Assert.True(Db.Tel("verzoekbevindingen") > 0);
        Assert.Equal(0, Db.Tel("journaalinhoud_default") + Db.Tel("verzoekbevindingen_default"));
        Assert.Empty(Db.Lees("SELECT j.id FROM journaal j JOIN journaalinhoud i ON i.journaal_id = j.id WHERE i.gemeente <> j.ontvanger"));
        Assert.Empty(Db.Lees("""
            SELECT b.journaal_id FROM verzoekbevindingen b JOIN verzoeken v ON v.journaal_id = b.journaal_id AND v.volgnummer = b.volgnummer
            WHERE b.gemeente <> v.gemeente
            """));
        Assert.Equal("r", Db.VoerUit("SELECT relkind::text FROM pg_class WHERE oid = 'journaal'::regclass"));
    }

    [StoreFact]
    public void Elke_schrijver_van_het_journaal_legt_de_inhoud_onder_de_ontvangende_gemeente_en_een_onbekende_verhuist_bij_import()
    {
        Assert.True(Opslag.ImporteerInwoners([new Core.Inwoners.Inwoner(Bsn("100023757"), Gemeente("0034"), Dag("2015-01-01"), null, false)]).IsGeldig);
        static byte[] Inhoud(string tekst) => Encoding.UTF8.GetBytes($"<bericht>{tekst}</bericht>");

        // The safe pass (one by one), the fast pass (the group journal, PostgreSQL), and the batch: each for a municipality with
        // partitions (0034) and one without (9998, never imported).
        using (var tx = Opslag.BeginTransactie())
        {
            foreach (var g in new[] { "0034", "9998" })
            {
                tx.Journaliseer("12345678", g, $"LOS-{g}", "JW315", Inhoud($"los {g}"));
                var groep = Groepsjournaal.Lees(tx, [("12345678", $"GROEP-{g}")])!;
                groep.Journaliseer(tx, "12345678", g, $"GROEP-{g}", "JW315", Inhoud($"groep {g}"), Task.FromResult(SHA256.HashData(Inhoud($"groep {g}"))), null);
            }

            tx.Journaliseer([.. new[] { "0034", "9998" }.SelectMany(g => new[] { 1, 2 }.Select(i =>
                new InkomendBericht("12345678", g, $"BATCH-{g}-{i}", "JW315", Inhoud($"batch {g} {i}"))))]);

            // A municipality's own message (an allocation it grants: sent by it to a provider), one by one and in a batch: under
            // the municipality that sends it, not the provider that receives it.
            tx.Journaliseer("0034", "12345678", "EIGEN-0034", "TOEKENNING", Inhoud("eigen 0034"), gemeente: "0034");
            tx.Journaliseer([new InkomendBericht("0034", "12345678", "EIGENBATCH-0034", "TOEKENNING", Inhoud("eigenbatch 0034"), Gemeente: "0034"),
                new InkomendBericht("0034", "12345678", "EIGENBATCH2-0034", "TOEKENNING", Inhoud("eigenbatch 0034"), Gemeente: "0034")]);
            tx.Commit();
        }

        const string Waar = "SELECT j.identificatie, i.tableoid::regclass::text, i.journaal_id FROM journaal j JOIN journaalinhoud i ON i.journaal_id = j.id ORDER BY 1";
        var voor = Db.Lees(Waar);
        Assert.Equal(11, voor.Count);
        Assert.All(voor, r => Assert.Equal(((string)r[0]).Contains("0034", StringComparison.Ordinal) ? "journaalinhoud_g0034" : "journaalinhoud_default", r[1]));

        // 9998 is imported later: its partitions are made and its content moved there under the same journal ids.
        Assert.True(Opslag.ImporteerInwoners([new Core.Inwoners.Inwoner(Bsn("100039595"), Gemeente("9998"), Dag("2015-01-01"), null, false)]).IsGeldig);
        var na = Db.Lees(Waar);
        Assert.Equal(voor.Select(r => (r[0], r[2])), na.Select(r => (r[0], r[2])));
        Assert.All(na, r => Assert.Equal(((string)r[0]).Contains("0034", StringComparison.Ordinal) ? "journaalinhoud_g0034" : "journaalinhoud_g9998", r[1]));
        Assert.Equal(0, Db.Tel("journaalinhoud_default"));

        // Read back by journal id alone (a provider's message resource, a re-delivery): the content is found.
        using var lees = Opslag.BeginTransactie();
        foreach (var rij in na)
        {
            var journaal = lees.LeesJournaal(Convert.ToInt64(rij[2], CultureInfo.InvariantCulture))!;
            Assert.Contains(((string)rij[0]).Split('-')[0].TrimEnd('2').ToLowerInvariant(), Encoding.UTF8.GetString(journaal.Inhoud), StringComparison.Ordinal);
        }
    }

    [StoreFact]
    public void Een_rij_van_een_gemeente_zonder_partitie_komt_in_default_en_verhuist_met_id_als_de_gemeente_geimporteerd_wordt()
    {
        _ = Opslag.SchemaVersie;
        var journaal = Journaalrij("9998");
        Db.VoerUit(Toewijzing("9998", 7, journaal));
        var declaratie = Convert.ToInt64(Db.VoerUit(Declaratie("9998", journaal)), CultureInfo.InvariantCulture);
        Db.VoerUit(Prestatie("9998", declaratie));
        var toewijzing = Convert.ToInt64(Db.VoerUit("SELECT id FROM toewijzingen WHERE gemeente = '9998'"), CultureInfo.InvariantCulture);
        Db.VoerUit(Verzoekregel("9998", journaal));
        Db.VoerUit(Bevindingen("9998", journaal));
        // A start, a no-show and an own allocation (0040), each with a sequence id.
        Db.VoerUit($"""
            INSERT INTO startstop (journaal_id, soort, gemeente, nummer, begindatum, actief) VALUES ({journaal}, 'start', '9998', 7, '2026-01-01', 1);
            INSERT INTO noshows (journaal_id, gemeente, nummer, aanbieder, client_bsn, productcode, datum) VALUES ({journaal}, '9998', 7, '12345678', '111222333', '45A01', '2026-01-05');
            INSERT INTO toekenningen (journaal_id, gemeente, soort, aanbieder, productcode, status, regels, toelichting, door, op)
            VALUES ({journaal}, '9998', 'toekennen', '12345678', '45A01', 'Toegekend', '', '', 'medewerker', '2026-01-02T03:04:05Z');
            """);
        var eigen = new[] { "startstop", "noshows", "toekenningen" };
        var ids = eigen.ToDictionary(t => t, t => Db.Lees($"SELECT tableoid::regclass::text, id FROM {t}").Single());
        Assert.All(eigen, t => Assert.Equal($"{t}_default", ids[t][0]));

        Assert.Equal("verzoekbevindingen_default", Db.VoerUit("SELECT tableoid::regclass::text FROM verzoekbevindingen WHERE gemeente = '9998'"));
        Assert.Equal("toewijzingen_default", Db.VoerUit("SELECT tableoid::regclass::text FROM toewijzingen WHERE gemeente = '9998'"));
        Assert.Equal("declaratieprestaties_default", Db.VoerUit("SELECT tableoid::regclass::text FROM declaratieprestaties WHERE gemeente = '9998'"));

        // The municipality's residents are imported: its partitions are made and its rows moved there, ids and links kept.
        Assert.True(Opslag.ImporteerInwoners([new Core.Inwoners.Inwoner(Bsn("100023757"), Gemeente("9998"), Dag("2015-01-01"), null, false)]).IsGeldig);

        Assert.Equal(new object[] { "toewijzingen_g9998", toewijzing }, Assert.Single(Db.Lees("SELECT tableoid::regclass::text, id FROM toewijzingen")));
        Assert.Equal(new object[] { "declaraties_g9998", declaratie }, Assert.Single(Db.Lees("SELECT tableoid::regclass::text, id FROM declaraties")));
        Assert.Equal(new object[] { "declaratieprestaties_g9998", declaratie },
            Assert.Single(Db.Lees("SELECT tableoid::regclass::text, declaratie_id FROM declaratieprestaties")));
        Assert.Equal(0, Db.Tel("toewijzingen_default") + Db.Tel("declaraties_default") + Db.Tel("declaratieprestaties_default"));
        Assert.Equal(new object[] { "verzoekbevindingen_g9998", journaal, 1L },
            Assert.Single(Db.Lees("SELECT tableoid::regclass::text, journaal_id, volgnummer FROM verzoekbevindingen")));
        Assert.Equal(0, Db.Tel("verzoekbevindingen_default"));
        Assert.All(eigen, t => Assert.Equal(new object[] { $"{t}_g9998", ids[t][1] }, Db.Lees($"SELECT tableoid::regclass::text, id FROM {t}").Single()));
        Assert.All(eigen, t => Assert.Equal(0, Db.Tel($"{t}_default")));

        // The foreign key holds across the move: a prestatie of a declaration that is not there is refused.
        Assert.Throws<PostgresException>(() => Db.VoerUit(Prestatie("9998", declaratie + 1000, "R2")));
        // And a new row of the municipality goes to its partition directly.
        Db.VoerUit(Toewijzing("9998", 8, journaal));
        Assert.Equal(2, Db.Tel("toewijzingen_g9998"));
    }

    [StoreFact]
    public void De_lijst_van_gepartitioneerde_tabellen_is_precies_wat_het_schema_partitioneert()
    {
        _ = Opslag.SchemaVersie;

        // gemeentepartitietabellen (0040) names every table partitioned by municipality, and nothing else: a migration that
        // partitions a table and forgets its row (or the reverse) fails here.
        var lijst = Db.Lees("SELECT tabel FROM gemeentepartitietabellen ORDER BY volgorde").Select(r => (string)r[0]).ToList();
        var schema = Db.Lees("""
            SELECT c.relname FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid
            WHERE c.relnamespace = current_schema()::regnamespace ORDER BY 1
            """).Select(r => (string)r[0]);
        Assert.Equal(Tabellen, lijst);
        Assert.Equal(lijst.Order(StringComparer.Ordinal), schema);
        // Parents before children: the declarations before their prestaties (the foreign key between them).
        Assert.True(lijst.IndexOf("declaraties") < lijst.IndexOf("declaratieprestaties"));
    }

    [StoreFact]
    public void Een_tabel_erbij_is_een_rij_in_de_lijst_en_de_functie_maakt_en_vult_haar_partitie()
    {
        _ = Opslag.SchemaVersie;
        // A table partitioned the way the migrations do it, with a row of 9998 (never imported) in DEFAULT, and of a code
        // that is not plain lowercase letters and digits.
        Db.VoerUit("""
            CREATE TABLE proefpartities (gemeente text NOT NULL, waarde integer NOT NULL) PARTITION BY LIST (gemeente);
            CREATE TABLE proefpartities_default PARTITION OF proefpartities DEFAULT;
            INSERT INTO proefpartities VALUES ('9998', 1), ('9998', 2), ('0034', 3), ('AB-1', 4);
            """);

        // Without its row the function leaves the table alone.
        Assert.Equal(Tabellen.Length, Convert.ToInt32(Db.VoerUit("SELECT gemeentepartities('9998')"), CultureInfo.InvariantCulture));
        Assert.Equal(4, Db.Tel("proefpartities_default"));

        // One row in the list, nothing else: the next municipality gets its partition, its rows moved there out of DEFAULT.
        Db.VoerUit("INSERT INTO gemeentepartitietabellen (tabel, volgorde) VALUES ('proefpartities', 1000)");
        Assert.Equal(1, Convert.ToInt32(Db.VoerUit("SELECT gemeentepartities('9998')"), CultureInfo.InvariantCulture));
        Assert.Equal(Tabellen.Length + 1, Convert.ToInt32(Db.VoerUit("SELECT gemeentepartities('AB-1')"), CultureInfo.InvariantCulture));
        Assert.Equal(0, Convert.ToInt32(Db.VoerUit("SELECT gemeentepartities('9998')"), CultureInfo.InvariantCulture));

        const string md5 = "dbd21db49cd9704c"; // the first 16 hex digits of md5("AB-1")
        Assert.Equal(["proefpartities_g9998 1", "proefpartities_g9998 2", "proefpartities_default 3", $"proefpartities_x{md5} 4"],
            Db.Lees("SELECT tableoid::regclass::text || ' ' || waarde FROM proefpartities ORDER BY waarde").Select(r => (string)r[0]));
        Assert.Equal($"toewijzingen_x{md5}", Db.VoerUit("SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid " +
            $"WHERE i.inhparent = 'toewijzingen'::regclass AND c.relname LIKE '%_x{md5}'"));
    }

    [StoreFact]
    public void Een_lezing_voor_een_gemeente_leest_alleen_haar_eigen_partitie()
    {
        Assert.True(Opslag.ImporteerInwoners([
            new Core.Inwoners.Inwoner(Bsn("100023757"), Gemeente("0034"), Dag("2015-01-01"), null, false),
            new Core.Inwoners.Inwoner(Bsn("100039595"), Gemeente("0050"), Dag("2015-01-01"), null, false)]).IsGeldig);
        foreach (var g in new[] { "0034", "0050", "9998" })
        {
            var journaal = Journaalrij(g);
            Db.VoerUit(Toewijzing(g, 1, journaal));
            Db.VoerUit(Prestatie(g, Convert.ToInt64(Db.VoerUit(Declaratie(g, journaal)), CultureInfo.InvariantCulture)));
            Db.VoerUit(Verzoekregel(g, journaal));
            Db.VoerUit(Bevindingen(g, journaal));
            Db.VoerUit($"INSERT INTO journaalinhoud (journaal_id, inhoud, gemeente) VALUES ({journaal}, '\\x01'::bytea, '{g}')");
        }

        // The pipeline's reads of a client's state (each statement of Staat.Toestand), the retire of a version, and the
        // declarations page's lines: with the municipality bound as a parameter, as the store sends them.
        var statements = Staat.Toestand.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0)
            .Append(Staat.VorigeVersieAf)
            .Append(((string)typeof(Jeugdhulp.Store.Backoffice.DeclaratiesLezen).GetField("Regels",
                System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetRawConstantValue()!).Replace("{0}", "", StringComparison.Ordinal))
            // A request line's findings (the dossier's and the work queue's read, 0039).
            .Append($"{Jeugdhulp.Store.Bevindingen.BevindingenLezen.Kolommen} WHERE v.gemeente = @gemeente AND v.id = @nummer")
            .ToList();
        var gelezen = 0;
        using var c = new NpgsqlConnection(Db.Opties.Verbinding);
        c.Open();
        foreach (var sql in statements.Where(s => s.Contains("toewijzingen", StringComparison.Ordinal) || s.Contains("declarat", StringComparison.Ordinal)
            || s.Contains("verzoekbevindingen", StringComparison.Ordinal)))
        {
            using var cmd = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + sql, c);
            cmd.Parameters.AddWithValue("gemeente", "0034");
            cmd.Parameters.AddWithValue("bsn", "111222333");
            cmd.Parameters.AddWithValue("nummer", 1L);
            using var plan = JsonDocument.Parse((string)cmd.ExecuteScalar()!);
            var relaties = Pgplan.Knopen(plan.RootElement[0].GetProperty("Plan"))
                .Select(k => k.TryGetProperty("Relation Name", out var r) ? r.GetString()! : null)
                .Where(r => r is not null && Tabellen.Any(t => r.StartsWith(t + "_", StringComparison.Ordinal)))
                .Distinct().ToList();
            Assert.NotEmpty(relaties);
            Assert.True(relaties.All(r => r!.EndsWith("_g0034", StringComparison.Ordinal)), sql + "\n" + plan.RootElement.ToString());
            gelezen++;
        }

        Assert.Equal(6, gelezen); // three state reads of allocations and declared minutes, the retire, the declarations page, the findings

        // A read by journal id (it does not know the municipality; the journal row names it): the executor reads the content
        // of that one partition, the others are never executed — with the custom plan and the generic one alike.
        var id = Convert.ToInt64(Db.VoerUit("SELECT id FROM journaal WHERE ontvanger = '0034'"), CultureInfo.InvariantCulture);
        // With statistics, as a running deployment has them (a join would then probe the id in every partition).
        Db.VoerUit("ANALYZE journaal; ANALYZE journaalinhoud");
        foreach (var modus in new[] { "force_custom_plan", "force_generic_plan" })
        {
            using (var zet = new NpgsqlCommand($"SET plan_cache_mode = {modus}", c))
            {
                zet.ExecuteNonQuery();
            }

            using var cmd = new NpgsqlCommand("EXPLAIN (ANALYZE, FORMAT JSON) " + JournaalLezen.LeesSql, c);
            cmd.Parameters.AddWithValue("id", id);
            using var plan = JsonDocument.Parse((string)cmd.ExecuteScalar()!);
            var gelopen = Pgplan.Knopen(plan.RootElement[0].GetProperty("Plan"))
                .Where(k => k.TryGetProperty("Relation Name", out var r) && r.GetString()!.StartsWith("journaalinhoud_", StringComparison.Ordinal)
                    && k.GetProperty("Actual Loops").GetInt64() > 0)
                .Select(k => k.GetProperty("Relation Name").GetString()).ToList();
            Assert.True(gelopen.SequenceEqual(["journaalinhoud_g0034"]), modus + "\n" + plan.RootElement.ToString());
        }
    }

    /// <summary>
    /// Issue 21 at national scale: the client-state read of one municipality (<see cref="Staat.LaadToestanden(StoreTransactie, string, IReadOnlyList{string}, bool)"/>,
    /// the pipeline's read per municipality per group) locks only that municipality's partitions, also with the generic plan
    /// PostgreSQL keeps for a prepared statement (forced here; it may choose it after five executions). With the municipality
    /// as a parameter the generic plan named every municipality's partitions and PostgreSQL 15 locked them all on each
    /// execution (688 locks for one statement at 340 municipalities): the read cost 8–12× at 340 municipalities what it cost
    /// at 6 (bench/RESULTS.md, sessions 15 and 16).
    /// </summary>
    [StoreFact]
    public void De_toestandslezing_van_een_gemeente_vergrendelt_alleen_haar_eigen_partities()
    {
        ImporteerDemo();
        for (var i = 0; i < 20; i++)
        {
            Db.VoerUit($"SELECT gemeentepartities('{(9000 + i).ToString(CultureInfo.InvariantCulture)}')");
        }

        using var tx = Opslag.BeginTransactie();
        tx.Commando("SET LOCAL plan_cache_mode = force_generic_plan").ExecuteNonQuery();
        for (var k = 0; k < 7; k++)
        {
            Staat.LaadToestanden(tx, "0034", ["100023757", "100039595"], tellerVasthouden: k % 2 == 0);
        }

        var vergrendeld = new List<string>();
        using (var r = tx.Commando("SELECT c.relname::text FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE l.pid = pg_backend_pid()").ExecuteReader())
        {
            while (r.Read())
            {
                vergrendeld.Add(r.GetString(0));
            }
        }

        var partities = vergrendeld.Where(n => Tabellen.Any(t => n.StartsWith(t + "_", StringComparison.Ordinal))).Distinct().ToList();
        Assert.Contains("toewijzingen_g0034", partities);
        Assert.True(partities.All(n => n.Contains("_g0034", StringComparison.Ordinal)), string.Join(", ", partities.Order(StringComparer.Ordinal)));
    }

    /// <summary>
    /// The group read over many municipalities (<see cref="Staat.LaadToestanden(StoreTransactie, IReadOnlyDictionary{string, List{string}}, bool)"/>,
    /// the pipeline's read for a group spanning more than <see cref="Groepsvoorraad.VeelGemeenten"/>): one command gives each
    /// municipality exactly what its own read gives (the demo region's allocations, declared minutes and counters after its
    /// stream, a client with an allocation in two municipalities kept apart), and each statement on partitioned tables executes
    /// only the partitions of the pairs' municipalities, with the custom plan and the generic one.
    /// </summary>
    [StoreFact]
    public void De_groepslezing_over_gemeenten_geeft_elke_gemeente_wat_haar_eigen_lezing_geeft_en_voert_alleen_haar_partities_uit()
    {
        Demostroom.Regio.Importeer(Opslag);
        Demostroom.Regio.Verwerk(dag => Open(new Infrastructuur.VasteKlok(new DateTimeOffset(dag.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))), Flevoland);
        for (var i = 0; i < 20; i++)
        {
            Db.VoerUit($"SELECT gemeentepartities('{(9000 + i).ToString(CultureInfo.InvariantCulture)}')");
        }

        var bsn = (string)Db.Lees("SELECT client_bsn FROM toewijzingen WHERE actueel = 1 ORDER BY gemeente, nummer LIMIT 1")[0][0];
        var ander = (string)Db.Lees($"SELECT gemeente FROM toewijzingen WHERE actueel = 1 AND client_bsn = '{bsn}' LIMIT 1")[0][0] == "0171" ? "0184" : "0171";
        Db.VoerUit(Toewijzing(ander, 999_999, Journaalrij(ander)).Replace("111222333", bsn, StringComparison.Ordinal));
        var perGemeente = Db.Lees("SELECT gemeente, client_bsn FROM toewijzingen UNION SELECT ontvanger, '100002183' FROM journaal")
            .GroupBy(r => (string)r[0], r => (string)r[1]).ToDictionary(g => g.Key, g => g.Distinct().ToList(), StringComparer.Ordinal);
        perGemeente["9007"] = [bsn]; // a municipality with partitions and nothing in them
        Assert.True(perGemeente.Count >= 4 && perGemeente.Values.Sum(l => l.Count) > 10, string.Join(", ", perGemeente.Keys));

        using (var tx = Opslag.BeginTransactie())
        {
            var samen = Staat.LaadToestanden(tx, perGemeente, tellerVasthouden: false);
            Assert.Equal(perGemeente.Keys.Order(StringComparer.Ordinal), samen.Keys.Order(StringComparer.Ordinal));
            foreach (var (gemeente, bsns) in perGemeente)
            {
                Assert.Equal(Beschrijf(Staat.LaadToestanden(tx, gemeente, bsns)), Beschrijf(samen[gemeente]));
            }

            Assert.Contains(samen.Values, s => s.Gedeclareerd.Count > 0);
            Assert.Contains(samen.Values, s => s.VolgendNummer > 1);
            Assert.Contains(samen[ander].Toewijzingen[bsn], t => t.Nummer == 999_999);
        }

        Db.VoerUit("ANALYZE toewijzingen; ANALYZE declaratieprestaties");
        using var c = new NpgsqlConnection(Db.Opties.Verbinding);
        c.Open();
        var gelezen = 0;
        foreach (var modus in new[] { "force_custom_plan", "force_generic_plan" })
        {
            using (var zet = new NpgsqlCommand($"SET plan_cache_mode = {modus}", c))
            {
                zet.ExecuteNonQuery();
            }

            foreach (var sql in Staat.Groepstoestanden(tellerVasthouden: false).Split(';')
                .Where(s => s.Contains("toewijzingen", StringComparison.Ordinal) && !s.Contains("SET LOCAL", StringComparison.Ordinal)))
            {
                using var cmd = new NpgsqlCommand("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, c);
                cmd.Parameters.AddWithValue("pg", new[] { "0034", "0171" });
                cmd.Parameters.AddWithValue("pb", new[] { bsn, bsn });
                cmd.Parameters.AddWithValue("gemeenten", new[] { "0034", "0171" });
                using var plan = JsonDocument.Parse((string)cmd.ExecuteScalar()!);
                var gelopen = Pgplan.Knopen(plan.RootElement[0].GetProperty("Plan"))
                    .Where(k => k.TryGetProperty("Relation Name", out var r) && Tabellen.Any(t => r.GetString()!.StartsWith(t + "_", StringComparison.Ordinal))
                        && k.GetProperty("Actual Loops").GetInt64() > 0)
                    .Select(k => k.GetProperty("Relation Name").GetString()!).Distinct().ToList();
                Assert.NotEmpty(gelopen);
                Assert.True(gelopen.All(r => r.EndsWith("_g0034", StringComparison.Ordinal) || r.EndsWith("_g0171", StringComparison.Ordinal)),
                    modus + "\n" + sql + "\n" + plan.RootElement.ToString());
                gelezen++;
            }
        }

        Assert.Equal(6, gelezen); // allocations, declared minutes and procesregie, with either plan
    }

    private static string Beschrijf(Groepstoestand s) => string.Join("\n",
        [$"volgend {s.VolgendNummer}",
            .. s.Toewijzingen.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {string.Join(" ", p.Value.Select(t => t.ToString()).Order(StringComparer.Ordinal))}"),
            .. s.Open.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} open: {string.Join(" ", p.Value.Select(o => o.ToString()).Order(StringComparer.Ordinal))}"),
            .. s.Gedeclareerd.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} gedeclareerd: {string.Join(" ", p.Value.OrderBy(x => x.Key).Select(x => $"{x.Key}={x.Value}"))}"),
            .. s.Regie.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} regie: {string.Join(" ", p.Value.Order())}")]);

    private long Journaalrij(string gemeente) => Convert.ToInt64(Db.VoerUit($"""
        INSERT INTO journaal (afzender, ontvanger, berichtcode, identificatie, sha256, ontvangen_op)
        VALUES ('12345678', '{gemeente}', 'JW323', 'ID-{gemeente}', '\x01'::bytea, '2026-01-02T03:04:05Z') RETURNING id
        """), CultureInfo.InvariantCulture);

    private static string Toewijzing(string gemeente, long nummer, long journaal) => $"""
        INSERT INTO toewijzingen (gemeente, nummer, client_bsn, aanbieder, productcode, categorie, ingangsdatum, toewijzingsdatum,
            toewijzingstijd, herkomst, keren_verschoven, actueel, journaal_id)
        VALUES ('{gemeente}', {nummer}, '111222333', '12345678', '45A01', '45', '2026-01-01', '2026-01-01', '10:00', 1, 0, 1, {journaal})
        """;

    private static string Declaratie(string gemeente, long journaal) => $"""
        INSERT INTO declaraties (journaal_id, gemeente, aanbieder, declaratienummer, begindatum, einddatum, dagtekening, ingediend, toegekend)
        VALUES ({journaal}, '{gemeente}', '12345678', 'D1', '2026-01-01', '2026-01-31', '2026-02-01', 100, 100) RETURNING id
        """;

    private static string Verzoekregel(string gemeente, long journaal) => $"""
        INSERT INTO verzoeken (journaal_id, volgnummer, berichtcode, gemeente, aanbieder, client_bsn, referentie, status, uitkomst, regels, toelichting)
        VALUES ({journaal}, 1, 'JW315', '{gemeente}', '12345678', '111222333', 'R-{gemeente}', 'review', 'review', '', '')
        """;

    private static string Bevindingen(string gemeente, long journaal) => $"""
        INSERT INTO verzoekbevindingen (journaal_id, volgnummer, lijst, beoordelen, gemeente) VALUES ({journaal}, 1, 'x', ' HK-315-4 ', '{gemeente}')
        """;

    private static string Prestatie(string gemeente, long declaratie, string referentie = "R1") => $"""
        INSERT INTO declaratieprestaties (declaratie_id, gemeente, aanbieder, referentienummer, nummer, categorie, productcode,
            begindatum, einddatum, volume, eenheid, bedrag, credit, goedgekeurd, client_bsn, volgorde)
        VALUES ({declaratie}, '{gemeente}', '12345678', '{referentie}', 1, '45', '45A01', '2026-01-01', '2026-01-31', 1, '14', 100, 0, 1, '111222333', 1)
        """;
}
