using System.Text;
using Jeugdhulp.Store.Journaal;
using Jeugdhulp.Store.Outbox;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests;

/// <summary>The data folder, the database and the answer files are created readable by the service's user only.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public abstract class PriveBestandenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : PriveBestandenTests(new SqliteTestDatabase())
    {
        [Fact]
        public void Het_databasebestand_en_zijn_wal_zijn_alleen_voor_de_eigenaar()
        {
            using var store = OpenNieuw(out var map);
            using (var tx = store.BeginTransactie())
            {
                tx.Journaliseer("12345678", "0034", "ID-1", "JW315", [1, 2, 3]);
                tx.Commit();
            }

            foreach (var bestand in Directory.GetFiles(map, StoreOpties.SqliteBestand + "*"))
            {
                Assert.Equal(AlleenEigenaar, File.GetUnixFileMode(bestand));
            }

            Assert.Contains(Directory.GetFiles(map), f => f.EndsWith("-wal", StringComparison.Ordinal));
        }
    }

    [Postgres]
    public sealed class Postgres() : PriveBestandenTests(new PostgresTestDatabase());

    private const UnixFileMode AlleenEigenaar = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode MapAlleenEigenaar = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The store on a data folder that does not exist yet (the test database's folder exists already).</summary>
    protected Datastore OpenNieuw(out string map)
    {
        map = Path.Combine(Db.DataMap, "nieuw", "data");
        var opties = StoreOpties.Kies(map, Db.Opties.Verbinding, _ => null);
        Assert.True(opties.IsGeldig, string.Join("; ", opties.Fouten));
        var r = Datastore.Open(opties.Waarde);
        Assert.True(r.IsGeldig, string.Join("; ", r.Fouten));
        return r.Waarde;
    }

    [StoreFact]
    public void De_datamap_en_de_auditsleutel_zijn_alleen_voor_de_eigenaar()
    {
        using var store = OpenNieuw(out var map);

        Assert.Equal(MapAlleenEigenaar, File.GetUnixFileMode(map));
        Assert.Equal(AlleenEigenaar, File.GetUnixFileMode(Path.Combine(map, StoreOpties.AuditSleutelBestand)));
    }

    [StoreFact]
    public void De_outbox_en_de_antwoordbestanden_zijn_alleen_voor_de_eigenaar()
    {
        using var store = OpenNieuw(out var map);
        using (var tx = store.BeginTransactie())
        {
            var j = Assert.IsType<JournaalUitkomst.Nieuw>(tx.Journaliseer("12345678", "0034", "ID-1", "JW315", [1, 2, 3])).JournaalId;
            tx.VoegAntwoordToe(j, "JW301", "12345678", "JW301_1.xml", Encoding.UTF8.GetBytes("<antwoord/>"));
            tx.Commit();
        }

        var outbox = Path.Combine(map, "outbox");
        Assert.Equal(1, store.Materialiseer(outbox).Geschreven);

        Assert.Equal(MapAlleenEigenaar, File.GetUnixFileMode(outbox));
        Assert.Equal(AlleenEigenaar, File.GetUnixFileMode(Path.Combine(outbox, "JW301_1.xml")));
    }
}
