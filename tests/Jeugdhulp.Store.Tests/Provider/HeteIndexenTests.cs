using System.Text.Json;
using Jeugdhulp.Store.NoShow;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Tests.Provider;

/// <summary>
/// Migration 0035 (issue 21 point 1) dropped three PostgreSQL indexes the pipeline's inserts maintained for no reader (as
/// SQLite did in 0034) and narrowed the findings' rule index to the findings in review (0038: one findings row per request line, read by its key). The reads they could serve must
/// still search by an index when the tables are large and analysed — PostgreSQL plans on statistics, so the plans are read at size (EXPLAIN, FORMAT JSON): plans, not timings.
/// The allocations' reads at a million rows are <see cref="PlanstatistiekTests"/>' (slow lane).
/// </summary>
[Postgres]
public sealed class HeteIndexenTests() : StoreTestBasis(new PostgresTestDatabase())
{
    private const string Noordoostpolder = "0171";

    [StoreFact]
    public void De_inserts_van_een_JW315_houden_geen_index_bij_die_een_andere_herhaalt()
    {
        _ = Opslag; // migrated
        var indexen = Db.Lees("""
            SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()
                AND tablename IN ('bevindingen', 'verzoekbevindingen', 'verzoeken', 'toewijzingen') ORDER BY 1
            """).Select(r => (string)r[0]).ToList();

        Assert.Contains("toewijzingen_client_actueel", indexen);
        Assert.Contains("toewijzingen_grafiek", indexen);
        Assert.Contains("verzoeken_wachtrij_client", indexen);
        Assert.DoesNotContain("toewijzingen_client", indexen);
        Assert.DoesNotContain("toewijzingen_aanbieder", indexen);
        Assert.DoesNotContain("verzoeken_open", indexen);
        // One row per request line since 0038: its key, and the lines in review (partial), no index per finding or per rule.
        Assert.DoesNotContain(indexen, i => i.StartsWith("bevindingen", StringComparison.Ordinal));
        Assert.Equal(["verzoekbevindingen_pkey", "verzoekbevindingen_review"], indexen.Where(i => i.StartsWith("verzoekbevindingen", StringComparison.Ordinal)));
    }

    [StoreFact]
    public void Bij_omvang_lezen_bevindingen_en_open_verzoeken_via_een_index()
    {
        _ = Opslag; // migrated

        // 30,000 request lines of 10,000 messages (one in ten in review), each with its one findings row (migration 0038) of
        // six findings, the first HK-315-4 (in review on the lines in review); then the statistics, as autovacuum or the pipeline's Planstatistiek would renew them.
        Db.VoerUit("""
            INSERT INTO journaal (id, afzender, ontvanger, berichtcode, identificatie, sha256, ontvangen_op)
            SELECT i, '12345678', '0171', 'JW315', 'ID-' || i, '\x00'::bytea, now() FROM generate_series(1, 10000) i;
            INSERT INTO verzoeken (journaal_id, volgnummer, berichtcode, gemeente, aanbieder, client_bsn, referentie, status, uitkomst, regels, toelichting)
            SELECT j, v, 'JW315', '0171', '12345678', lpad((200000000 + j)::text, 9, '0'), 'R' || j || '-' || v,
                CASE WHEN j % 10 = 0 THEN 'review' ELSE 'besloten' END, CASE WHEN j % 10 = 0 THEN 'review' ELSE 'approved' END, '', ''
            FROM generate_series(1, 10000) j, generate_series(1, 3) v;
            INSERT INTO verzoekbevindingen (journaal_id, volgnummer, gemeente, lijst, beoordelen)
            SELECT v.journaal_id, v.volgnummer, v.gemeente,
                convert_to((SELECT string_agg(CASE WHEN v.status = 'review' AND b = 0 THEN 'b' ELSE 't' END || chr(31)
                    || CASE WHEN b = 0 THEN 'HK-315-4' ELSE 'HK-315-' || (b + 10) END || chr(31) || 'c' || chr(31), chr(30) ORDER BY b)
                 FROM generate_series(0, 5) b), 'UTF8'),
                CASE WHEN v.status = 'review' THEN ' HK-315-4 ' END
            FROM verzoeken v;
            ANALYZE journaal; ANALYZE verzoeken; ANALYZE verzoekbevindingen;
            """);

        // The shape of TermijnstandLezen's and WerkvoorraadZoeken's correlated EXISTS, and BevindingenLezen's join.
        var exists = Plan($"""
            SELECT v.id FROM verzoeken v WHERE v.gemeente = '{Noordoostpolder}' AND v.status = 'review' AND EXISTS (SELECT 1 FROM verzoekbevindingen b
                WHERE b.journaal_id = v.journaal_id AND b.volgnummer = v.volgnummer AND b.gemeente = v.gemeente AND b.beoordelen IS NOT NULL AND strpos(b.beoordelen, ' HK-315-4 ') > 0)
            """);
        var join = Plan($"""
            SELECT v.id, b.lijst FROM verzoekbevindingen b JOIN verzoeken v ON v.journaal_id = b.journaal_id AND v.volgnummer = b.volgnummer
                AND v.gemeente = b.gemeente
            WHERE v.gemeente = '{Noordoostpolder}' AND v.status = 'review' AND v.client_bsn = '200000010' AND b.beoordelen IS NOT NULL
            ORDER BY v.id
            """);

        // A client's open requests (the second statement of the state read), for one client.
        var open = Plan(Staat.Toestand.Split(';')[1].Replace("@gemeente", $"'{Noordoostpolder}'", StringComparison.Ordinal)
            .Replace("@bsn", "'200000010'", StringComparison.Ordinal));

        // A reference among the lines in review (Staat.TeBeoordelen: the staff decision; BesluitNemen's open JW317): by the partial
        // index of migration 0041, which holds only the lines in review (of 30,000 here 3,000), never a scan of all lines.
        var referentie = Plan("SELECT id FROM verzoeken WHERE referentie = 'R10-2' AND status = 'review' ORDER BY id");

        // The EXISTS and the join: per request line in review by the key, or the lines in review by the partial index — never
        // all lines' findings.
        Assert.All(Scans(exists, "verzoekbevindingen"), s => Assert.Contains(s.Index, new[] { "verzoekbevindingen_pkey", "verzoekbevindingen_review" }));
        Assert.All(Scans(join, "verzoekbevindingen"), s => Assert.Contains(s.Index, new[] { "verzoekbevindingen_pkey", "verzoekbevindingen_review" }));
        // By an index on the client (the waiting queue's, or all of the client's lines), never the municipality's review lines.
        Assert.All(Scans(open, "verzoeken"), s => Assert.Contains(s.Index, new[] { "verzoeken_wachtrij_client", "verzoeken_client" }));
        Assert.DoesNotContain(Scans(join, "verzoeken"), s => s.Soort == "Seq Scan");
        Assert.All(Scans(referentie, "verzoeken"), s => Assert.Equal("verzoeken_referentie_review", s.Index));
    }

    [StoreFact]
    public void Bij_omvang_telt_een_no_show_zijn_eerdere_meldingen_via_een_index()
    {
        _ = Opslag; // migrated

        // 20,000 reports in one municipality, one in ten cancelled; the count of one allocation's reports on one day
        // (NoShowVastleggen.KeerQuery) includes the cancelled ones, which the partial one-a-day index does not hold: before
        // migration 0043 a sequential scan of the municipality's partition, once per report.
        Db.VoerUit("""
            INSERT INTO journaal (id, afzender, ontvanger, berichtcode, identificatie, sha256, ontvangen_op)
            SELECT i, '12345678', '0171', 'NOSHOW', 'NS-' || i, '\x00'::bytea, now() FROM generate_series(1, 20000) i;
            INSERT INTO noshows (journaal_id, gemeente, nummer, aanbieder, client_bsn, productcode, datum, geannuleerd_op)
            SELECT i, '0171', i / 4, '12345678', lpad((200000000 + i / 4)::text, 9, '0'), '45F11', DATE '2027-01-01' + (i % 4),
                CASE WHEN i % 10 = 0 THEN now() END
            FROM generate_series(1, 20000) i;
            ANALYZE journaal; ANALYZE noshows;
            """);

        var plan = Plan(NoShowVastleggen.KeerQuery.Replace("@gemeente", $"'{Noordoostpolder}'", StringComparison.Ordinal)
            .Replace("@nummer", "1000", StringComparison.Ordinal).Replace("@datum", "DATE '2027-01-02'", StringComparison.Ordinal));

        Assert.All(Scans(plan, "noshows"), s => Assert.Equal("noshows_nummer_datum", s.Index));
    }

    [StoreFact]
    public void Bij_omvang_zoekt_een_no_show_zonder_gemeente_het_nummer_per_gemeente_via_een_index()
    {
        _ = Opslag; // migrated

        // 20,000 current allocations over two municipalities, each with its number counter (TR332). A report without its
        // municipality looks its number up in each (NoShowVastleggen.GemeentenMetNummerQuery); the number alone, as before,
        // matched no index's first column and read every current allocation.
        Db.VoerUit("""
            INSERT INTO journaal (id, afzender, ontvanger, berichtcode, identificatie, sha256, ontvangen_op)
            SELECT i, '12345678', '0171', 'JW315', 'T-' || i, '\x00'::bytea, now() FROM generate_series(1, 20000) i;
            INSERT INTO toewijzingen (gemeente, nummer, client_bsn, aanbieder, productcode, categorie, ingangsdatum, toewijzingsdatum,
                toewijzingstijd, herkomst, keren_verschoven, actueel, journaal_id)
            SELECT CASE WHEN i % 2 = 0 THEN '0171' ELSE '0034' END, (i + 1) / 2, lpad((200000000 + i)::text, 9, '0'), '12345678',
                '45A01', '45', DATE '2027-01-01', DATE '2027-01-01', '10:00', 1, 0, 1, i
            FROM generate_series(1, 20000) i;
            INSERT INTO toewijzingnummers (gemeente, laatste) VALUES ('0171', 10000), ('0034', 10000);
            ANALYZE journaal; ANALYZE toewijzingen; ANALYZE toewijzingnummers;
            """);

        var plan = Plan(NoShowVastleggen.GemeentenMetNummerQuery.Replace("@nummer", "1000", StringComparison.Ordinal));

        // The index alone is not enough: PostgreSQL also reads the whole index for a condition on its second column (the
        // number alone, as before, planned as an index scan with "Index Cond: (nummer = 1000)"). Each lookup is by both keys.
        Assert.All(Scans(plan, "toewijzingen"), s => Assert.Equal("toewijzingen_actueel", s.Index));
        var lookups = Pgplan.Knopen(plan).Where(k => k.TryGetProperty("Relation Name", out var r) && Ouder(r.GetString()!) == "toewijzingen");
        Assert.All(lookups, k => Assert.Contains("gemeente", Indexvoorwaarde(k), StringComparison.Ordinal));
    }

    /// <summary>The index condition of a scan node, or of the bitmap index scan below it.</summary>
    private static string Indexvoorwaarde(JsonElement knoop) =>
        knoop.TryGetProperty("Index Cond", out var c) ? c.GetString()!
            : knoop.TryGetProperty("Plans", out var onder) ? onder.EnumerateArray()
                .Select(k => k.TryGetProperty("Index Cond", out var v) ? v.GetString() : null).FirstOrDefault(v => v is not null) ?? ""
            : "";

    private JsonElement Plan(string sql) => Pgplan.Van(Db, sql);

    /// <summary>
    /// Every scan of <paramref name="tabel"/> in the plan: its node type and index (null for a sequential scan). A partitioned
    /// table (verzoekbevindingen since migration 0039) is scanned in its partitions, each through its own copy of an index:
    /// both are named here by what they belong to (pg_inherits), so a partition's scan counts as the table's and its index as
    /// the parent index it was made from.
    /// </summary>
    private List<(string Soort, string? Index)> Scans(JsonElement plan, string tabel)
    {
        var scans = new List<(string, string?)>();
        foreach (var knoop in Pgplan.Knopen(plan))
        {
            if (knoop.TryGetProperty("Relation Name", out var rel) && Ouder(rel.GetString()!) == tabel)
            {
                // A bitmap heap scan names its index in the bitmap index scan below it.
                var index = knoop.TryGetProperty("Index Name", out var i) ? i.GetString()
                    : knoop.TryGetProperty("Plans", out var onder) ? onder.EnumerateArray()
                        .Select(k => k.TryGetProperty("Index Name", out var n) ? n.GetString() : null).FirstOrDefault(n => n is not null)
                    : null;
                scans.Add((knoop.GetProperty("Node Type").GetString()!, index is null ? null : Ouder(index)));
            }
        }

        Assert.NotEmpty(scans);
        return scans;
    }

    /// <summary>The table or index <paramref name="naam"/> belongs to when it is a partition (or a partition's index), else itself.</summary>
    private string Ouder(string naam) => (string)Db.VoerUit($"""
        SELECT coalesce((SELECT p.relname FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent WHERE i.inhrelid = to_regclass('{naam}')), '{naam}')
        """)!;
}
