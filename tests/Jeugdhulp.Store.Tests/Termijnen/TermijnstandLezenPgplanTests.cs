using System.Text.Json;
using Jeugdhulp.Store.Termijnen;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.Termijnen;

/// <summary>
/// The deadline watch's read for one municipality on PostgreSQL: no subquery runs once per row of the municipality. The
/// starts' and declared months' "of these clients" subquery was correlated on the row's municipality
/// (<c>x.gemeente = s.gemeente</c>); PostgreSQL cannot join a correlated subquery, so it ran it per start and per prestatie
/// — at national size 29 s for a recompute of 100 marked clients, past the 30 s command timeout (bench/RESULTS.md, session
/// 21). Whether a subquery can become a join does not depend on the tables' sizes, so the plans of the empty store show it.
/// </summary>
[Postgres]
public sealed class TermijnstandLezenPgplanTests() : StoreTestBasis(new PostgresTestDatabase())
{
    [StoreFact]
    public void Met_een_gemeente_vraagt_geen_filter_een_subquery_per_rij()
    {
        _ = Opslag; // migrated

        foreach (var (client, alleenVuil) in new[] { (false, false), (true, false), (false, true) })
        {
            var statements = TermijnstandLezen.Sql(gemeente: true, client, alleenVuil).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(6, statements.Length);
            foreach (var sql in statements)
            {
                // Without a client the text keeps "(@bsn = '' OR …)", which the empty @bsn decides before the subquery runs.
                Assert.Empty(Pgplan.SubqueryfiltersVan(Plan(sql, client ? "'123456782'" : "''"), hashedOok: true));
            }
        }
    }

    private JsonElement Plan(string sql, string bsn) => Pgplan.Van(Db, sql.Replace("@gemeentedeel", "1", StringComparison.Ordinal)
        .Replace("@gemeente", "'0034'", StringComparison.Ordinal).Replace("@bsn", bsn, StringComparison.Ordinal));
}
