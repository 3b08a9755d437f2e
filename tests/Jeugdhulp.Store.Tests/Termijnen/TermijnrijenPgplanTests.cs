using Jeugdhulp.Store.Termijnen;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.Termijnen;

/// <summary>
/// A recompute's read of the open rows it replaces, on PostgreSQL: the marked clients are joined, never asked per row. As
/// <c>bron = 'gemeente' OR client_bsn IN (SELECT … FROM termijnen_vuil …)</c> the subquery stayed a filter on every open row;
/// once the marked clients did not fit a hashed subplan in work_mem it was read again per row: with 400,000 marked clients
/// and 1,200,000 open rows past 60 s (bench/RESULTS.md, session 22). Whether a subquery can become a join does not depend on
/// the tables' sizes, so the plans of the empty store show it.
/// </summary>
[Postgres]
public sealed class TermijnrijenPgplanTests() : StoreTestBasis(new PostgresTestDatabase())
{
    [StoreFact]
    public void De_open_rijen_van_gemarkeerde_clienten_worden_gejoind_niet_per_rij_gevraagd()
    {
        _ = Opslag; // migrated

        foreach (var gemeentedeel in new[] { false, true })
        {
            var plan = Pgplan.Van(Db, Termijnrijen.OpenRijen(heel: false, gemeentedeel).Replace("@g", "'0034'", StringComparison.Ordinal));

            Assert.Empty(Pgplan.SubqueryfiltersVan(plan, hashedOok: true));
            Assert.Contains(Pgplan.Knopen(plan), k => k.TryGetProperty("Relation Name", out var r) && r.GetString() == "termijnen_vuil");
        }
    }
}
