using System.Globalization;
using System.Text.Json;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Import;
using Jeugdhulp.Store.Verwerking;
using Npgsql;

namespace Jeugdhulp.Store.Tests.Provider;

/// <summary>
/// The national deployment on PostgreSQL (migration 0036): the allocations and the declaration tables are partitioned by
/// municipality, one partition per municipality the deployment imported and a DEFAULT partition for any other. What the
/// pipeline writes lands in the municipality's own partition, a read for one municipality is pruned to it, and a row of
/// a municipality without a partition is stored in DEFAULT (and moved out when the municipality is imported later).
/// </summary>
[Postgres]
public sealed class GemeentepartitiesTests() : StoreTestBasis(new PostgresTestDatabase())
{
    private static readonly string[] Tabellen =
        ["toewijzingen", "declaraties", "declaratieprestaties", "declaratiebevindingen", "declaratieregels_ongeboekt"];

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
        Assert.Equal(0, Db.Tel("toewijzingen_default") + Db.Tel("declaraties_default") + Db.Tel("declaratieprestaties_default"));
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

        Assert.Equal("toewijzingen_default", Db.VoerUit("SELECT tableoid::regclass::text FROM toewijzingen WHERE gemeente = '9998'"));
        Assert.Equal("declaratieprestaties_default", Db.VoerUit("SELECT tableoid::regclass::text FROM declaratieprestaties WHERE gemeente = '9998'"));

        // The municipality's residents are imported: its partitions are made and its rows moved there, ids and links kept.
        Assert.True(Opslag.ImporteerInwoners([new Core.Inwoners.Inwoner(Bsn("100023757"), Gemeente("9998"), Dag("2015-01-01"), null, false)]).IsGeldig);

        Assert.Equal(new object[] { "toewijzingen_g9998", toewijzing }, Assert.Single(Db.Lees("SELECT tableoid::regclass::text, id FROM toewijzingen")));
        Assert.Equal(new object[] { "declaraties_g9998", declaratie }, Assert.Single(Db.Lees("SELECT tableoid::regclass::text, id FROM declaraties")));
        Assert.Equal(new object[] { "declaratieprestaties_g9998", declaratie },
            Assert.Single(Db.Lees("SELECT tableoid::regclass::text, declaratie_id FROM declaratieprestaties")));
        Assert.Equal(0, Db.Tel("toewijzingen_default") + Db.Tel("declaraties_default") + Db.Tel("declaratieprestaties_default"));

        // The foreign key holds across the move: a prestatie of a declaration that is not there is refused.
        Assert.Throws<PostgresException>(() => Db.VoerUit(Prestatie("9998", declaratie + 1000, "R2")));
        // And a new row of the municipality goes to its partition directly.
        Db.VoerUit(Toewijzing("9998", 8, journaal));
        Assert.Equal(2, Db.Tel("toewijzingen_g9998"));
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
        }

        // The pipeline's reads of a client's state (each statement of Staat.Toestand), the retire of a version, and the
        // declarations page's lines: with the municipality bound as a parameter, as the store sends them.
        var statements = Staat.Toestand.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0)
            .Append(Staat.VorigeVersieAf)
            .Append(((string)typeof(Jeugdhulp.Store.Backoffice.DeclaratiesLezen).GetField("Regels",
                System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetRawConstantValue()!).Replace("{0}", "", StringComparison.Ordinal))
            .ToList();
        var gelezen = 0;
        using var c = new NpgsqlConnection(Db.Opties.Verbinding);
        c.Open();
        foreach (var sql in statements.Where(s => s.Contains("toewijzingen", StringComparison.Ordinal) || s.Contains("declarat", StringComparison.Ordinal)))
        {
            using var cmd = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + sql, c);
            cmd.Parameters.AddWithValue("gemeente", "0034");
            cmd.Parameters.AddWithValue("bsn", "111222333");
            cmd.Parameters.AddWithValue("nummer", 1L);
            using var plan = JsonDocument.Parse((string)cmd.ExecuteScalar()!);
            var relaties = Knopen(plan.RootElement[0].GetProperty("Plan"))
                .Select(k => k.TryGetProperty("Relation Name", out var r) ? r.GetString()! : null)
                .Where(r => r is not null && Tabellen.Any(t => r.StartsWith(t + "_", StringComparison.Ordinal)))
                .Distinct().ToList();
            Assert.NotEmpty(relaties);
            Assert.True(relaties.All(r => r!.EndsWith("_g0034", StringComparison.Ordinal)), sql + "\n" + plan.RootElement.ToString());
            gelezen++;
        }

        Assert.Equal(5, gelezen); // three state reads of allocations and declared minutes, the retire, the declarations page
    }

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

    private static string Prestatie(string gemeente, long declaratie, string referentie = "R1") => $"""
        INSERT INTO declaratieprestaties (declaratie_id, gemeente, aanbieder, referentienummer, nummer, categorie, productcode,
            begindatum, einddatum, volume, eenheid, bedrag, credit, goedgekeurd, client_bsn, volgorde)
        VALUES ({declaratie}, '{gemeente}', '12345678', '{referentie}', 1, '45', '45A01', '2026-01-01', '2026-01-31', 1, '14', 100, 0, 1, '111222333', 1)
        """;

    private static IEnumerable<JsonElement> Knopen(JsonElement knoop)
    {
        yield return knoop;
        if (knoop.TryGetProperty("Plans", out var kinderen))
        {
            foreach (var kind in kinderen.EnumerateArray())
            {
                foreach (var k in Knopen(kind))
                {
                    yield return k;
                }
            }
        }
    }
}
