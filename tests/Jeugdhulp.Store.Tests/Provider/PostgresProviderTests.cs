using Jeugdhulp.Store.Tests.Infrastructuur;
using Npgsql;

namespace Jeugdhulp.Store.Tests.Provider;

/// <summary>
/// The store's PostgreSQL connections run without JIT compilation: it cost 80–760 ms a statement on the 24-hour overview at
/// national size, whose statements run in 50–125 ms without it (bench/RESULTS.md, session 22). A connection string that
/// names jit in its Options keeps its own choice.
/// </summary>
[Postgres]
public sealed class PostgresProviderTests() : StoreTestBasis(new PostgresTestDatabase())
{
    [StoreFact]
    public void De_verbindingen_compileren_geen_plannen_tenzij_de_verbindingstekst_jit_noemt()
    {
        Assert.Equal("off", Jit(Opslag));

        var eigen = new NpgsqlConnectionStringBuilder(Db.Opties.Verbinding) { Options = "-c jit=on" }.ToString();
        var r = Datastore.Open(Db.Opties with { Verbinding = eigen });
        Assert.True(r.IsGeldig, string.Join("; ", r.Fouten));
        using var store = r.Waarde;
        Assert.Equal("on", Jit(store));
    }

    private static string Jit(Datastore store)
    {
        using var sessie = store.OpenSessie();
        return (string)sessie.Commando("SHOW jit").ExecuteScalar()!;
    }
}
