using System.Text.Json;
using Jeugdhulp.Core.Verblijf;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Verblijf;

namespace Jeugdhulp.Store.Tests.Verblijf;

/// <summary>
/// The 24-hour overview's "only open" on PostgreSQL at size: the open deadline rows are joined, never asked per record. As
/// <c>einde IS NULL OR … OR referentie IN (SELECT … FROM termijnrijen …)</c> the subquery stayed a filter on every
/// placement; at national size (~41,000 open references) its hashed form did not fit the default work_mem and the head's
/// count ran past 60 s (bench/RESULTS.md, session 21). Plans, not timings (EXPLAIN, FORMAT JSON), over analysed tables.
/// </summary>
[Postgres]
public sealed class VerblijfoverzichtPgplanTests() : StoreTestBasis(new PostgresTestDatabase())
{
    private static readonly Verblijfvraag[] Vragen =
    [
        new("alle", true, null, ""), new("plaatsingen", true, Plaatsingsroute.Crisis, "pl"), new("alle", false, null, ""),
    ];

    [StoreFact]
    public void Bij_omvang_vraagt_alleen_open_geen_termijnrijen_per_record()
    {
        _ = Opslag; // migrated

        // Almere with 50,000 placements (two in three ended), 5,000 meerzorg requests and moeder-kind uses, and an open
        // deadline row for every second placement, every meerzorg request and moeder-kind use; the counts per rule as the
        // deadline watch keeps them; then the statistics, as autovacuum would renew them. Without the tables' row triggers: each
        // marks the municipality for the deadline watch, 60,000 updates of one row, which a plan does not depend on.
        Db.VoerUit("""
            ALTER TABLE verblijf_plaatsingen DISABLE TRIGGER USER; ALTER TABLE verblijf_meerzorg DISABLE TRIGGER USER;
            ALTER TABLE verblijf_moederkind DISABLE TRIGGER USER;
            INSERT INTO verblijf_plaatsingen (gemeente, referentie, client_bsn, productcode, route, ingang, einde, regels, door, op)
            SELECT '0034', 'PL-' || lpad(i::text, 6, '0'), lpad((200000000 + i)::text, 9, '0'), '40A01',
                CASE WHEN i % 3 = 0 THEN 'Crisis' ELSE 'Regulier' END, DATE '2026-01-01' + (i % 300),
                CASE WHEN i % 3 <> 0 THEN DATE '2026-06-01' + (i % 100) END, '', 'bench', now()
            FROM generate_series(1, 50000) i;
            INSERT INTO verblijf_meerzorg (gemeente, referentie, client_bsn, aanbieder, zzp, extra_uren, van, tot, ontvangen, hulpplan,
                onafhankelijke_toets, financiele_toets, besluit, regels, door, op)
            SELECT '0034', 'MZ-' || lpad(i::text, 6, '0'), lpad((200000000 + i)::text, 9, '0'), '12345678', 'ZZP-5', 4,
                DATE '2026-01-01', DATE '2026-12-31', DATE '2026-01-01' + (i % 300), 1, 'ja', 'ja', CASE WHEN i % 2 = 0 THEN 'toegekend' END, '', 'bench', now()
            FROM generate_series(1, 5000) i;
            INSERT INTO verblijf_moederkind (gemeente, referentie, kind_bsn, aanbieder, besluit_moeder, van, tot, door, op)
            SELECT '0034', 'MK-' || lpad(i::text, 6, '0'), lpad((300000000 + i)::text, 9, '0'), '12345678', 'B-1',
                DATE '2026-01-01' + (i % 300), DATE '2026-06-01' + (i % 300), 'bench', now()
            FROM generate_series(1, 5000) i;
            INSERT INTO termijnrijen (gemeente, client_bsn, bron, partij, code, verwacht, referentie, vervaldatum, regel, advies, geopend_op)
            SELECT '0034', '200000000', 'gemeente', '12345678', 'x', 'x', r, DATE '2026-12-01', g, 0, DATE '2026-11-01'
            FROM (SELECT 'PL-' || lpad(i::text, 6, '0') AS r, 'HK-24-8' AS g FROM generate_series(2, 50000, 2) i
                  UNION ALL SELECT 'MZ-' || lpad(i::text, 6, '0'), 'HK-24-10' FROM generate_series(1, 5000) i
                  UNION ALL SELECT 'MK-' || lpad(i::text, 6, '0'), 'HK-24-11' FROM generate_series(1, 5000) i) AS rijen;
            INSERT INTO termijntellingen (gemeente, regel, partij, code, product, vak, aantal)
            SELECT gemeente, regel, '12345678', 'x', '', 1, COUNT(*) FROM termijnrijen GROUP BY gemeente, regel;
            ANALYZE verblijf_plaatsingen; ANALYZE verblijf_meerzorg; ANALYZE verblijf_moederkind; ANALYZE termijnrijen; ANALYZE termijntellingen;
            """);

        var gezien = 0;
        foreach (var vraag in Vragen)
        {
            foreach (var (soort, telling, pagina) in VerblijfoverzichtLezen.Delen(vraag, postgres: true))
            {
                foreach (var sql in new[] { telling, pagina })
                {
                    var plan = Plan(sql);

                    Assert.Empty(Pgplan.SubqueryfiltersVan(plan, hashedOok: true));
                    gezien += Pgplan.Knopen(plan).Count(k => k.TryGetProperty("Relation Name", out var r) && r.GetString() == "termijnrijen");
                }
            }
        }

        // The open rows were asked (placements, meerzorg and moeder-kind, count and page, two questions with "only open").
        Assert.True(gezien >= 8, $"termijnrijen {gezien} keer in de plannen");
    }

    private JsonElement Plan(string sql)
    {
        var gebonden = sql.Replace("@g", "'0034'", StringComparison.Ordinal).Replace("@vandaag", "DATE '2026-11-15'", StringComparison.Ordinal)
            .Replace("@route", "'Crisis'", StringComparison.Ordinal).Replace("@zoek", "'%pl%'", StringComparison.Ordinal)
            .Replace("@aantal", "50", StringComparison.Ordinal).Replace("@overslaan", "0", StringComparison.Ordinal);
        return Pgplan.Van(Db, gebonden);
    }
}
