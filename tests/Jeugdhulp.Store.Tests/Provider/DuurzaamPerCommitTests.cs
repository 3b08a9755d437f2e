using Jeugdhulp.Store.Journaal;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.Provider;

/// <summary>
/// <see cref="StoreOpties.DuurzaamPerCommit"/>: by default every commit is synced (SQLite synchronous = FULL, PostgreSQL's
/// synchronous_commit on); opened without it (the demo generator) the connections sync less, what they write is the same,
/// and <see cref="Datastore.MaakDuurzaam"/> makes it durable at the end.
/// </summary>
public abstract class DuurzaamPerCommitTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : DuurzaamPerCommitTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : DuurzaamPerCommitTests(new PostgresTestDatabase());

    private string Synchroon(Datastore store)
    {
        using var sessie = store.OpenSessie();
        var waarde = sessie.Commando(Db.Naam == "SQLite" ? "PRAGMA synchronous" : "SHOW synchronous_commit").ExecuteScalar();
        return Convert.ToString(waarde, System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private Datastore OpenZonderSync()
    {
        var r = Datastore.Open(Db.Opties with { DuurzaamPerCommit = false });
        Assert.True(r.IsGeldig, string.Join("; ", r.Fouten));
        return r.Waarde;
    }

    [StoreFact]
    public void Standaard_is_elke_commit_duurzaam_en_zonder_sync_per_commit_niet_meer()
    {
        Assert.True(Db.Opties.DuurzaamPerCommit);
        // SQLite: 2 = FULL, 1 = NORMAL.
        Assert.Equal(Db.Naam == "SQLite" ? "2" : "on", Synchroon(Opslag));

        using var snel = OpenZonderSync();
        Assert.Equal(Db.Naam == "SQLite" ? "1" : "off", Synchroon(snel));

        // A pooled connection handed back to a store with the default gets FULL again.
        using var weer = Open();
        Assert.Equal(Db.Naam == "SQLite" ? "2" : "on", Synchroon(weer));
    }

    [StoreFact]
    public void Zonder_sync_per_commit_staat_hetzelfde_erin_en_maakt_duurzaam_alles_vast()
    {
        using (var snel = OpenZonderSync())
        {
            for (var i = 1; i <= 3; i++)
            {
                using var tx = snel.BeginTransactie();
                Assert.IsType<JournaalUitkomst.Nieuw>(tx.Journaliseer("01234567", "0171", $"ID-{i}", "JW315", new byte[1_000 * i]));
                tx.Commit();
            }

            snel.MaakDuurzaam();
            if (snel.Provider is Store.Provider.SqliteProvider sqlite)
            {
                // The WAL is copied into the database file and emptied (TRUNCATE): nothing is left to lose. (Gone is as good:
                // another test clearing the pools closes the last connection, which checkpoints and removes it.)
                var wal = new FileInfo(sqlite.Bestand + "-wal");
                Assert.True(!wal.Exists || wal.Length == 0, $"WAL {wal.Length} bytes");
            }
        }

        Assert.Equal(3, Db.Tel("journaal"));
        using var tx2 = Opslag.BeginTransactie();
        Assert.IsType<JournaalUitkomst.ExacteHerhaling>(tx2.Journaliseer("01234567", "0171", "ID-2", "JW315", new byte[2_000]));
    }
}
