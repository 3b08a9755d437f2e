using System.Data.Common;

namespace Jeugdhulp.Store;

/// <summary>
/// A write transaction. Everything done through it commits together or not at all: disposing it without
/// <see cref="Commit"/> rolls back. The pipeline puts a whole batch of messages in one transaction (group
/// commit): journal rows, answers and new state.
/// </summary>
public sealed class StoreTransactie : IDisposable
{
    private readonly StoreSessie sessie;
    private readonly bool eigenSessie;
    private bool afgesloten;

    internal StoreTransactie(StoreSessie sessie, DbTransaction db, bool eigenSessie)
    {
        this.sessie = sessie;
        Db = db;
        this.eigenSessie = eigenSessie;
    }

    internal DbTransaction Db { get; }

    internal Datastore Store => sessie.Store;

    /// <summary>Now on the processing clock (fixed under <c>--today</c>).</summary>
    internal DateTimeOffset Nu => sessie.Store.Tijd.GetUtcNow();

    /// <summary>Now on the real clock, also under <c>--today</c> (audit, accounts, sessions, tokens).</summary>
    internal DateTimeOffset EchtNu => sessie.Store.Klok.GetUtcNow();

    /// <summary>Journal rows inserted with a provisional content hash; <see cref="Journaal.Journaliseren.VulHashesIn"/> fills in the real ones before commit.</summary>
    internal List<(long Id, byte[] Voorlopig, Task<byte[]> Sha256)> VoorlopigeHashes { get; } = [];

    internal DbCommand Commando(string sql)
    {
        ObjectDisposedException.ThrowIf(afgesloten, this);
        return sessie.Commando(sql);
    }

    /// <summary>Makes everything done in this transaction durable.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(afgesloten, this);
        try
        {
            Journaal.Journaliseren.VulHashesIn(this);
            Db.Commit();
        }
        finally
        {
            // A failed commit ends the transaction too (disposing the ADO.NET transaction rolls back what
            // is left); a later Dispose must not try again and hide the commit's exception.
            Sluit();
        }

        sessie.Store.Provider.NaCommit();
    }

    /// <summary>Rolls back unless committed.</summary>
    public void Dispose()
    {
        if (!afgesloten)
        {
            try
            {
                Db.Rollback();
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                // The connection is gone (server restart, killed backend): the server rolled back already.
            }

            Sluit();
        }
    }

    private void Sluit()
    {
        afgesloten = true;
        Db.Dispose();
        sessie.TransactieAfgesloten(this);
        if (eigenSessie)
        {
            sessie.Dispose();
        }
    }
}
