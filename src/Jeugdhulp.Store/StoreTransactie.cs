using System.Data.Common;
using Npgsql;

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

    /// <summary>The writes <see cref="Later"/> queued on PostgreSQL, not sent yet.</summary>
    private readonly List<NpgsqlBatchCommand> uitgesteld = [];

    /// <summary>The statements <see cref="Later"/> queued and not sent yet (PostgreSQL; always 0 on SQLite).</summary>
    internal int Wachtend => uitgesteld.Count;

    /// <summary>Ids taken from a table's sequence for this transaction and not used yet (<see cref="NieuwId"/>).</summary>
    private readonly Dictionary<string, Queue<long>> ids = new(StringComparer.Ordinal);

    /// <summary>
    /// The deadline marks (gemeente, bsn) of the rows this transaction inserted into clienten, verzoeken and
    /// toewijzingen, written once each just before the commit (<see cref="MerkTermijnen"/>); null until the first.
    /// </summary>
    private HashSet<(string Gemeente, string Bsn)>? termijnmerken;

    /// <summary>
    /// The ToewijzingNummer counters this transaction holds locked (<c>FOR UPDATE</c>), per municipality the last number
    /// handed out: the pipeline's fast pass on PostgreSQL reserves from them in memory (<see cref="HoudTellerVast"/>).
    /// </summary>
    private Dictionary<string, (long Laatste, bool Bestaat)>? tellers;

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

    /// <summary>The cached command for a write that will be deferred with <see cref="Later"/> (sends nothing yet).</summary>
    internal DbCommand Uitgesteld(string sql)
    {
        ObjectDisposedException.ThrowIf(afgesloten, this);
        return sessie.Uitgesteld(sql);
    }

    /// <summary>
    /// Runs a write whose result nobody reads: on PostgreSQL it is queued (text and a copy of its parameter values) and
    /// sent with the other queued writes as one <see cref="NpgsqlBatch"/>, one round trip, before the next command of this
    /// transaction runs (<see cref="StoreSessie.Commando"/>), at <see cref="VerstuurUitgesteld"/> and at the commit: the
    /// order of statements, and so what each one sees, is unchanged. A failing write fails there, so a message's work ends
    /// with <see cref="VerstuurUitgesteld"/> inside its savepoint. On SQLite (in-process, no round trip) it runs at once, bound by position (<see cref="Provider.SqliteDirect"/>).
    /// </summary>
    internal void Later(DbCommand cmd)
    {
        ObjectDisposedException.ThrowIf(afgesloten, this);
        if (cmd is not NpgsqlCommand pg)
        {
            sessie.VoerUit(cmd);
            return;
        }

        uitgesteld.Add(sessie.Kopie(pg));
    }

    /// <summary>
    /// Runs a read of one value (as <see cref="DbCommand.ExecuteScalar"/>: the first column of the first row, or null) after the
    /// writes <see cref="Later"/> queued, and on PostgreSQL in the same round trip: the queued writes and the read go to the
    /// server as one <see cref="NpgsqlBatch"/>, in this order, so the read sees them as before, and a failing write fails here,
    /// as it would have failed when sent on its own. Get the command with <see cref="Uitgesteld"/> (sending nothing yet). The
    /// pipeline's one-by-one journal insert and number reservation take this path (the safe pass, other callers); the fast
    /// pass of a group commit needs neither (<see cref="Journaal.Groepsjournaal"/>, <see cref="HoudTellerVast"/>).
    /// </summary>
    internal object? LeesNaUitgesteld(DbCommand cmd)
    {
        ObjectDisposedException.ThrowIf(afgesloten, this);
        if (cmd is not NpgsqlCommand pg)
        {
            return cmd.ExecuteScalar();
        }

        using var batch = Uitgestelde();
        batch.BatchCommands.Add(sessie.Kopie(pg));
        using var r = batch.ExecuteReader();

        // The queued writes return no rows (Npgsql's reader skips statements without a result): the read's result is the
        // last result set.
        object? waarde = null;
        do
        {
            waarde = r.Read() ? r.GetValue(0) : null;
        }
        while (r.NextResult());

        return waarde;
    }

    /// <summary>
    /// A new id of <paramref name="tabel"/>'s identity column on PostgreSQL, from a block of 500 taken from its sequence in one
    /// round trip, so a deferred insert can carry its id. Ids left at the end of the transaction are gaps, as any rolled-back
    /// insert leaves; they increase within the block, and each block lies above the ones before it.
    /// </summary>
    internal long NieuwId(string tabel)
    {
        var blok = Idblok(tabel);
        if (blok.Count == 0)
        {
            using var r = Commando("SELECT nextval(pg_get_serial_sequence(@tabel, 'id')) FROM generate_series(1, 500)").Met("@tabel", tabel).ExecuteReader();
            while (r.Read())
            {
                blok.Enqueue(r.GetInt64(0));
            }
        }

        return blok.Dequeue();
    }

    /// <summary>Ids of <paramref name="tabel"/> taken from its sequence by a caller's own read, handed out by <see cref="NieuwId"/> first.</summary>
    internal void VoegIdsToe(string tabel, IEnumerable<long> genomen)
    {
        var blok = Idblok(tabel);
        foreach (var id in genomen)
        {
            blok.Enqueue(id);
        }
    }

    /// <summary>The ids of <paramref name="tabel"/> this transaction holds, not yet handed out.</summary>
    private Queue<long> Idblok(string tabel)
    {
        if (!ids.TryGetValue(tabel, out var blok))
        {
            blok = new Queue<long>();
            ids.Add(tabel, blok);
        }

        return blok;
    }

    /// <summary>
    /// This transaction has locked the counter row of <paramref name="gemeente"/> (<c>SELECT … FOR UPDATE</c>) and read
    /// <paramref name="laatste"/>, or found no row (<paramref name="bestaat"/> false: 0): from here on its reservations are
    /// handed out in memory (<see cref="Toewijzingnummers.NummersReserveren"/>), each with a deferred write of the counter. A
    /// held row moves for no other writer until this transaction ends; a missing one is inserted by a plain INSERT, which
    /// fails on the key if another writer created it meanwhile (the transaction then fails, nothing is handed out twice).
    /// Only for a transaction without savepoints that are rolled back (the pipeline's fast pass): a rolled-back
    /// reservation's write would be undone while this memory kept it.
    /// </summary>
    internal void HoudTellerVast(string gemeente, long laatste, bool bestaat = true) =>
        (tellers ??= new(StringComparer.Ordinal))[gemeente] = (laatste, bestaat);

    /// <summary>The last number handed out of <paramref name="gemeente"/>'s counter, and whether its row exists, when this transaction holds it (<see cref="HoudTellerVast"/>).</summary>
    internal bool VastgehoudenTeller(string gemeente, out long laatste, out bool bestaat)
    {
        (laatste, bestaat) = (0, false);
        if (tellers is null || !tellers.TryGetValue(gemeente, out var t))
        {
            return false;
        }

        (laatste, bestaat) = t;
        return true;
    }

    /// <summary>Sends the writes queued with <see cref="Later"/> (one round trip); the queue is empty afterwards, also on failure.</summary>
    internal void VerstuurUitgesteld()
    {
        if (uitgesteld.Count == 0)
        {
            return;
        }

        using var batch = Uitgestelde();
        batch.ExecuteNonQuery();
    }

    /// <summary>The queued writes as one batch in this transaction, in order; the queue is empty afterwards.</summary>
    private NpgsqlBatch Uitgestelde()
    {
        var batch = new NpgsqlBatch((NpgsqlConnection)Db.Connection!, (NpgsqlTransaction)Db);
        foreach (var b in uitgesteld)
        {
            batch.BatchCommands.Add(b);
        }

        uitgesteld.Clear();
        return batch;
    }

    /// <summary>
    /// Call before inserting a row of <paramref name="bsn"/> of <paramref name="gemeente"/> into clienten, verzoeken or
    /// toewijzingen (or a finding of its request line). The row's deadline mark (<c>termijnen_vuil</c>) is then written once
    /// per client at the commit, set-wise, instead of by the insert trigger for every row or statement. The triggers stand
    /// aside meanwhile: on SQLite while the transaction holds the row of <c>termijnen_merken_later</c>, which the commit
    /// deletes again (migration 0034); on PostgreSQL while the transaction has set <c>jeugdhulp.termijnmerken</c> to
    /// <c>later</c> (<c>SET LOCAL</c>, gone with the transaction; migration 0035).
    /// </summary>
    internal void MerkTermijnen(string gemeente, string bsn)
    {
        if (termijnmerken is null)
        {
            termijnmerken = [];
            Uitgesteld(Store.Provider.IsPostgres
                    ? "SET LOCAL jeugdhulp.termijnmerken = 'later'"
                    : "INSERT INTO termijnen_merken_later (id) VALUES (1) ON CONFLICT (id) DO NOTHING")
                .Later(this);
        }

        termijnmerken.Add((gemeente, bsn));
    }

    /// <summary>The marks of <see cref="MerkTermijnen"/>, one upsert per client (prepared once, bound by position), and the triggers back on.</summary>
    private void SchrijfTermijnmerken()
    {
        if (termijnmerken is not { Count: > 0 })
        {
            return;
        }

        if (Store.Provider.IsPostgres)
        {
            // One statement for the whole group (one text, prepared once). No trigger reads termijnen_vuil, and the setting
            // ends with the transaction, so nothing is switched back. Sorted: the same order of row locks in every writer.
            var merken = termijnmerken.OrderBy(m => m.Gemeente, StringComparer.Ordinal).ThenBy(m => m.Bsn, StringComparer.Ordinal).ToArray();
            Uitgesteld("""
                INSERT INTO termijnen_vuil (gemeente, bsn) SELECT g, b FROM unnest(@g::text[], @b::text[]) AS m (g, b)
                ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1
                """)
                .Met("@g", merken.Select(m => m.Gemeente).ToArray()).Met("@b", merken.Select(m => m.Bsn).ToArray()).Later(this);
            termijnmerken = null;
            return;
        }

        Uitgesteld("DELETE FROM termijnen_merken_later").Later(this);
        foreach (var (gemeente, bsn) in termijnmerken)
        {
            Uitgesteld("INSERT INTO termijnen_vuil (gemeente, bsn) VALUES (@g, @b) ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1")
                .Met("@g", gemeente).Met("@b", bsn).Later(this);
        }

        termijnmerken = null;
    }

    /// <summary>Makes everything done in this transaction durable.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(afgesloten, this);
        try
        {
            Journaal.Journaliseren.VulHashesIn(this);
            SchrijfTermijnmerken();
            VerstuurUitgesteld();
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
        uitgesteld.Clear();
        Db.Dispose();
        sessie.TransactieAfgesloten(this);
        if (eigenSessie)
        {
            sessie.Dispose();
        }
    }
}
