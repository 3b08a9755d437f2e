using System.Data.Common;

namespace Jeugdhulp.Store.Provider;

/// <summary>
/// The one seam between the store and a database engine: how to open a configured connection, how to
/// begin a transaction that writes, how to serialise migrations, and which folder of migration scripts
/// belongs to the dialect. Everything else is shared SQL: both engines understand <c>@name</c>
/// parameters, <c>INSERT … ON CONFLICT … DO UPDATE/NOTHING</c> and <c>RETURNING</c>, so upserts are
/// written once.
/// </summary>
public abstract class DatabaseProvider : IDisposable
{
    private protected DatabaseProvider()
    {
    }

    /// <summary>The dialect's name; also the folder of its migration scripts (Migrations/&lt;Dialect&gt;/).</summary>
    public abstract string Dialect { get; }

    /// <summary>
    /// True for PostgreSQL, false for SQLite: the one way the store asks which engine it writes for where the SQL or the
    /// batching differs (the two are the only dialects, so "not PostgreSQL" is SQLite).
    /// </summary>
    internal bool IsPostgres => this is PostgresProvider;

    /// <summary>Where the data lives, for messages to people: never includes a password.</summary>
    public abstract string Beschrijving { get; }

    /// <summary>Opens a connection with the session settings the store relies on.</summary>
    public abstract DbConnection OpenVerbinding();

    /// <summary>
    /// Begins a transaction that will write. It must take the write lock up front where the engine would
    /// otherwise fail later (SQLite: a deferred transaction that read first cannot upgrade under WAL).
    /// </summary>
    internal abstract DbTransaction BeginSchrijftransactie(DbConnection verbinding);

    /// <summary>Makes concurrent openers of the same database migrate one after the other.</summary>
    internal abstract void VergrendelVoorMigratie(DbConnection verbinding, DbTransaction transactie);

    /// <summary>
    /// Rows per multi-row INSERT in the batch APIs. PostgreSQL gains from few round trips; SQLite binds
    /// parameters by name with a linear search, so long statements cost more than they save there.
    /// </summary>
    internal abstract int RijenPerInsert { get; }

    /// <summary>DDL for the table that records applied migrations, in this dialect.</summary>
    internal abstract string SchemaVersieTabel { get; }

    /// <summary>Makes every commit so far durable (after commits that were not synced by themselves: <see cref="StoreOpties.DuurzaamPerCommit"/>).</summary>
    internal abstract void MaakDuurzaam();

    /// <summary>Called after every committed <see cref="StoreTransactie"/>; SQLite starts its checkpoint here.</summary>
    internal virtual void NaCommit()
    {
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases pooled connections.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
