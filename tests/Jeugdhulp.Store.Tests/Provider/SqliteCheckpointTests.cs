using Jeugdhulp.Store.Journaal;
using Jeugdhulp.Store.Provider;

namespace Jeugdhulp.Store.Tests.Provider;

/// <summary>
/// Runs alone: the other store tests clear every SQLite connection pool when they end (TestDatabase.Dispose), and a
/// closed last connection checkpoints and removes the WAL file these tests measure.
/// </summary>
[CollectionDefinition(nameof(Alleen), DisableParallelization = true)]
public sealed class Alleen;

/// <summary>The checkpoint after commit (SQLite only: PostgreSQL has no WAL file of ours to bound).</summary>
[Collection(nameof(Alleen))]
public sealed class SqliteCheckpointTests : IDisposable
{
    private readonly string map = Directory.CreateTempSubdirectory("jeugdhulp-checkpoint-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(map, recursive: true);
    }

    private (Datastore Store, SqliteProvider Provider, string Wal) Open()
    {
        var store = Datastore.Open(StoreOpties.Kies(map, null, _ => null).Waarde, TimeProvider.System).Waarde;
        var provider = Assert.IsType<SqliteProvider>(store.Provider);
        return (store, provider, provider.Bestand + "-wal");
    }

    private static void Journaliseer(Datastore store, string id, int grootte)
    {
        using var tx = store.BeginTransactie();
        tx.Journaliseer("01234567", "0171", id, "JW315", new byte[grootte]);
        tx.Commit();
    }

    [Fact]
    public void Onder_de_grens_blijft_de_wal_staan_voor_de_volgende_transactie()
    {
        var (store, provider, wal) = Open();
        using (store)
        {
            Journaliseer(store, "K1", 200_000);
            provider.WachtOpCheckpoints();

            Assert.True(new FileInfo(wal).Length > 200_000);
        }
    }

    [Fact]
    public void Boven_de_grens_maakt_de_checkpoint_de_wal_leeg()
    {
        var (store, provider, wal) = Open();
        using (store)
        {
            provider.WalGrens = 100_000;
            Journaliseer(store, "G1", 200_000);
            provider.WachtOpCheckpoints();

            Assert.Equal(0, new FileInfo(wal).Length);

            // And the store goes on as before.
            Journaliseer(store, "G2", 1_000);
            using var tx = store.BeginTransactie();
            Assert.IsType<JournaalUitkomst.ExacteHerhaling>(tx.Journaliseer("01234567", "0171", "G1", "JW315", new byte[200_000]));
        }
    }
}
