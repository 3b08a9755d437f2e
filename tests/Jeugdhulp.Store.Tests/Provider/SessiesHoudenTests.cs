using System.Data;
using Jeugdhulp.Store.Journaal;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.Provider;

/// <summary>
/// <see cref="StoreOpties.SessiesHouden"/>: by default a session closes its connection and a transaction begun on the store
/// gets a fresh one; opened with it (the demo generator) the store keeps closed sessions, with their compiled statements,
/// and hands them out again until it is disposed. Every transaction still commits or rolls back on its own.
/// </summary>
public abstract class SessiesHoudenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : SessiesHoudenTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : SessiesHoudenTests(new PostgresTestDatabase());

    private const string Telling = "SELECT COUNT(*) FROM journaal";

    private Datastore OpenHoudend()
    {
        var r = Datastore.Open(Db.Opties with { SessiesHouden = true });
        Assert.True(r.IsGeldig, string.Join("; ", r.Fouten));
        return r.Waarde;
    }

    private static long Journaalregels(Datastore store)
    {
        using var sessie = store.OpenSessie();
        return Convert.ToInt64(sessie.Commando(Telling).ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [StoreFact]
    public void Standaard_sluit_een_sessie_haar_verbinding_en_houdt_de_store_niets()
    {
        Assert.False(Db.Opties.SessiesHouden);
        var eerste = Opslag.OpenSessie();
        var verbinding = eerste.Verbinding;
        eerste.Dispose();

        using var tweede = Opslag.OpenSessie();
        Assert.NotSame(eerste, tweede);
        Assert.Equal(ConnectionState.Closed, verbinding.State);
    }

    [StoreFact]
    public void Met_SessiesHouden_komt_een_gesloten_sessie_met_haar_gecompileerde_opdrachten_terug()
    {
        using var store = OpenHoudend();
        var eerste = store.OpenSessie();
        var opdracht = eerste.Commando(Telling);
        eerste.Dispose();

        using var tweede = store.OpenSessie();
        Assert.Same(eerste, tweede);
        Assert.Equal(ConnectionState.Open, tweede.Verbinding.State);
        Assert.Same(opdracht, tweede.Commando(Telling));

        // Two sessions open at once are two connections.
        using var derde = store.OpenSessie();
        Assert.NotSame(tweede, derde);
    }

    [StoreFact]
    public void Een_transactie_op_de_store_neemt_een_gehouden_sessie_en_commit_of_rolt_terug_als_altijd()
    {
        using var store = OpenHoudend();
        using (var tx = store.BeginTransactie())
        {
            Assert.IsType<JournaalUitkomst.Nieuw>(tx.Journaliseer("01234567", "0171", "ID-1", "JW315", new byte[100]));
            tx.Commit();
        }

        using (var tx = store.BeginTransactie())
        {
            Assert.IsType<JournaalUitkomst.Nieuw>(tx.Journaliseer("01234567", "0171", "ID-2", "JW315", new byte[100]));

            // Not committed: rolled back when disposed, and the session goes back without an open transaction.
        }

        using (var sessie = store.OpenSessie())
        {
            using var tx = sessie.BeginTransactie();
            Assert.IsType<JournaalUitkomst.ExacteHerhaling>(tx.Journaliseer("01234567", "0171", "ID-1", "JW315", new byte[100]));
            tx.Commit();
        }

        Assert.Equal(1, Journaalregels(store));
        Assert.Equal(1, Journaalregels(Opslag));
    }

    [StoreFact]
    public void Een_sessie_die_haar_transactie_open_liet_rolt_die_terug_voor_ze_terugkomt()
    {
        using var store = OpenHoudend();
        var sessie = store.OpenSessie();
        var tx = sessie.BeginTransactie();
        tx.Journaliseer("01234567", "0171", "ID-1", "JW315", new byte[100]);
        sessie.Dispose();

        using var weer = store.OpenSessie();
        Assert.Same(sessie, weer);
        using (var nieuw = weer.BeginTransactie())
        {
            nieuw.Commit();
        }

        Assert.Equal(0, Journaalregels(Opslag));
    }

    [StoreFact]
    public void Twee_keer_sluiten_geeft_de_sessie_maar_een_keer_terug_en_de_store_sluit_wat_hij_houdt()
    {
        var store = OpenHoudend();
        var sessie = store.OpenSessie();
        sessie.Dispose();
        sessie.Dispose();

        var a = store.OpenSessie();
        var b = store.OpenSessie();
        Assert.NotSame(a, b);
        var open = store.OpenSessie();
        a.Dispose();
        b.Dispose();

        store.Dispose();
        Assert.Equal(ConnectionState.Closed, a.Verbinding.State);
        Assert.Equal(ConnectionState.Closed, b.Verbinding.State);

        // A session closed after its store was disposed is not kept: it closes its connection.
        Assert.Equal(ConnectionState.Open, open.Verbinding.State);
        open.Dispose();
        Assert.Equal(ConnectionState.Closed, open.Verbinding.State);
    }
}
