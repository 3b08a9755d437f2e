using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Termijnen;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Npgsql;

namespace Jeugdhulp.Store.Tests.Termijnen;

/// <summary>
/// A recompute waits, before it reads any table, while an import makes a municipality's partitions: the import's
/// <c>gemeentepartities</c> alters the partitioned tables in one order and the recompute's snapshot reads them in another, so
/// side by side they deadlocked (40P01: the host's recompute at start beside a test's contract import, CI of session 22).
/// </summary>
[Postgres]
public sealed class TermijnrijenGemeentepartitiesTests() : StoreTestBasis(new PostgresTestDatabase())
{
    [StoreFact]
    public void Een_herberekening_wacht_tot_het_maken_van_gemeentepartities_klaar_is()
    {
        _ = Opslag; // migrated
        var gemeente = Gemeentecode.Parse("0171").Waarde;

        // An import between taking gemeentepartities' lock and its commit.
        using var import = new NpgsqlConnection(Db.Opties.Verbinding);
        import.Open();
        using var tx = import.BeginTransaction();
        using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('jeugdhulp.gemeentepartities'))", import, tx))
        {
            lockCmd.ExecuteNonQuery();
        }

        var herberekening = Task.Run(() => Opslag.Ververs(Flevoland, new DateOnly(2027, 3, 1), gemeente));

        // Blocked on the lock, not finished (without the wait it finishes in milliseconds on an empty store).
        Assert.False(herberekening.Wait(TimeSpan.FromSeconds(2)));
        tx.Commit();
        Assert.True(herberekening.Wait(TimeSpan.FromSeconds(60)));
        Assert.Equal(new DateOnly(2027, 3, 1), herberekening.Result.BerekendVoor);
    }
}
