using System.Data;
using System.Data.Common;
using Npgsql;

namespace Jeugdhulp.Store.Provider;

/// <summary>
/// PostgreSQL from a connection string (<c>--db</c> or <c>JEUGDHULP_DB</c>). READ COMMITTED is enough:
/// every write that needs exclusivity is a single upsert statement that locks its row.
/// </summary>
public sealed class PostgresProvider : DatabaseProvider
{
    // Any fixed number: the key of the advisory lock that serialises migrations within one database.
    private const long MigratieSlot = 0x4A_4855_4D49_4752; // "JHUMIGR"

    private readonly NpgsqlDataSource bron;
    private readonly bool duurzaamPerCommit = true;

    /// <summary>
    /// Connects with <paramref name="verbindingstekst"/>; a malformed string throws ArgumentException. With
    /// <paramref name="duurzaamPerCommit"/> false a commit does not wait for its WAL flush (<c>synchronous_commit = off</c>,
    /// see <see cref="StoreOpties.DuurzaamPerCommit"/>).
    /// </summary>
    public PostgresProvider(string verbindingstekst, bool duurzaamPerCommit = true)
    {
        var b = new NpgsqlConnectionStringBuilder(verbindingstekst);
        if (!duurzaamPerCommit)
        {
            b.Options = $"{b.Options} -c synchronous_commit=off".Trim();
            this.duurzaamPerCommit = false;
        }

        if (b.Options?.Contains("jit", StringComparison.Ordinal) != true)
        {
            // Every statement here is an OLTP read or write whose plan PostgreSQL may cost high (correlated lookups per row)
            // and then JIT-compiles: 80–760 ms of compilation on pages that run in 50–125 ms without it (the 24-hour overview
            // at national size, bench/RESULTS.md session 22). A connection string that names jit decides for itself.
            b.Options = $"{b.Options} -c jit=off".Trim();
        }

        if (b.MaxAutoPrepare == 0)
        {
            // The hot path repeats a handful of statements: let Npgsql prepare them server-side.
            b.MaxAutoPrepare = 32;
        }

        Beschrijving = $"PostgreSQL {b.Host}:{b.Port}/{b.Database}" + (b.SearchPath is { } s ? $" (schema {s})" : "");
        bron = NpgsqlDataSource.Create(b);
    }

    /// <inheritdoc />
    public override string Dialect => "Postgres";

    /// <inheritdoc />
    public override string Beschrijving { get; }

    /// <inheritdoc />
    public override DbConnection OpenVerbinding() => bron.OpenConnection();

    internal override DbTransaction BeginSchrijftransactie(DbConnection verbinding) =>
        verbinding.BeginTransaction(IsolationLevel.ReadCommitted);

    internal override void VergrendelVoorMigratie(DbConnection verbinding, DbTransaction transactie)
    {
        using var cmd = verbinding.CreateCommand();
        cmd.Transaction = transactie;
        cmd.CommandText = $"SELECT pg_advisory_xact_lock({MigratieSlot})";
        cmd.ExecuteNonQuery();
    }

    /// <summary>
    /// After commits without synchronous_commit: one transaction that takes a transaction id and commits with
    /// synchronous_commit on waits for the WAL to be flushed up to it, and so for every commit before it.
    /// </summary>
    internal override void MaakDuurzaam()
    {
        if (duurzaamPerCommit)
        {
            return;
        }

        using var c = OpenVerbinding();
        using var t = c.BeginTransaction();
        using var cmd = c.CreateCommand();
        cmd.Transaction = t;
        cmd.CommandText = "SET LOCAL synchronous_commit = on; SELECT pg_current_xact_id()";
        cmd.ExecuteNonQuery();
        t.Commit();
    }

    /// <summary>500 rows of 7 parameters: far below the 65,535 parameter limit; 3.6 times faster than row by row.</summary>
    internal override int RijenPerInsert => 500;

    internal override string SchemaVersieTabel => """
        CREATE TABLE IF NOT EXISTS schema_version (
            versie       integer     NOT NULL PRIMARY KEY,
            naam         text        NOT NULL,
            toegepast_op timestamptz NOT NULL
        )
        """;

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            bron.Dispose();
        }

        base.Dispose(disposing);
    }
}
