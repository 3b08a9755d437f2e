using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Jeugdhulp.Store.Provider;

/// <summary>
/// The embedded default: one SQLite file in the data folder, in WAL mode so readers never block the
/// writer. <c>synchronous = FULL</c> because the outbox files are written after commit: a commit that a
/// power cut could undo in NORMAL mode would let a re-run hand out the same answer with a different
/// ToewijzingNummer. With group commit the extra sync costs one fsync per batch, not per message.
/// Checkpoints (copying the WAL into the database file) run on a thread of their own after a commit
/// instead of inside it (<see cref="NaCommit"/>).
/// </summary>
public sealed class SqliteProvider : DatabaseProvider
{
    private readonly string verbinding;
    private readonly string synchroon;
    private readonly int commitsPerCheckpoint;
    private int sindsCheckpoint;
    private readonly Lock slot = new();
    private Task? checkpoint;
    private bool nogEenCheckpoint;

    /// <summary>
    /// Uses (and creates when missing) the database file <paramref name="bestand"/>; with <paramref name="duurzaamPerCommit"/>
    /// false a commit is not synced by itself (<c>synchronous = NORMAL</c>, see <see cref="StoreOpties.DuurzaamPerCommit"/>).
    /// </summary>
    public SqliteProvider(string bestand, bool duurzaamPerCommit = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bestand);
        synchroon = duurzaamPerCommit ? "FULL" : "NORMAL";
        commitsPerCheckpoint = duurzaamPerCommit ? 1 : CommitsPerCheckpointZonderSync;
        Bestand = Path.GetFullPath(bestand);
        verbinding = new SqliteConnectionStringBuilder
        {
            DataSource = Bestand,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Seconds Microsoft.Data.Sqlite keeps retrying a busy database before it gives up.
            DefaultTimeout = 60,
        }.ToString();
    }

    /// <summary>Full path of the database file.</summary>
    public string Bestand { get; }

    /// <inheritdoc />
    public override string Dialect => "Sqlite";

    /// <inheritdoc />
    public override string Beschrijving => $"SQLite {Bestand}";

    /// <inheritdoc />
    public override DbConnection OpenVerbinding()
    {
        var c = new SqliteConnection(verbinding);
        try
        {
            c.Open();
            using var cmd = c.CreateCommand();
            // cache_size: a batch of 500 messages changes ~6 MB of pages; with the default 2 MB cache SQLite
            // spills dirty pages to the WAL mid-transaction and writes them again at commit. temp_store: the
            // per-message savepoint's statement journal stays in memory instead of a temporary file.
            // Measured (bench/RESULTS.md): system time per message 217 → 80 µs, durability unchanged.
            // wal_autocheckpoint: checkpoints run after the commit (NaCommit), not inside it.
            // synchronous is set on every open: a pooled connection may come from a provider with the other setting.
            cmd.CommandText = $"""
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = {synchroon};
                PRAGMA busy_timeout = 60000;
                PRAGMA foreign_keys = ON;
                PRAGMA cache_size = -65536;
                PRAGMA temp_store = MEMORY;
                PRAGMA wal_autocheckpoint = 0;
                """;
            cmd.ExecuteNonQuery();
            return c;
        }
        catch
        {
            c.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Starts a checkpoint on a thread of its own (one at a time; commits meanwhile ask for one more).
    /// SQLite's automatic checkpoint runs inside the commit that crosses 1,000 WAL pages: after a
    /// 100,000-line JW323 that copied some 100 MB into the database file and synced it before the commit
    /// returned, a third of a second or more. The commit is durable once the WAL is synced, so the copy
    /// can run beside the next work; PASSIVE never waits for readers or the writer. Should the process end
    /// first, the WAL stays and the next commit's checkpoint takes it along.
    /// </summary>
    internal override void NaCommit()
    {
        lock (slot)
        {
            // Without a sync per commit, a checkpoint (which syncs the WAL and the database file, and copies every page
            // the commits since the last one changed) after every few dozen commits instead of each: the generator's
            // staff decisions and 24-hour steps are small commits that change the same pages again and again.
            if (++sindsCheckpoint < commitsPerCheckpoint && !WalVoorbijGrens)
            {
                return;
            }

            sindsCheckpoint = 0;
            if (checkpoint is { IsCompleted: false })
            {
                nogEenCheckpoint = true;
                return;
            }

            checkpoint = Task.Run(Checkpoints);
        }
    }

    /// <summary>
    /// A PASSIVE checkpoint copies what is committed but never lets the WAL start over while a writer keeps
    /// writing beside it: over a long stream of JW315s the WAL grew with the run (577 MB after 60,000
    /// messages). Past this size the checkpoint is a TRUNCATE instead: it waits for the current write
    /// transaction, holds off the next one while it copies the rest (little: the PASSIVE ones kept up) and
    /// empties the file. So the WAL stays under about this size plus what one batch writes.
    /// </summary>
    internal long WalGrens { get; set; } = 256L << 20;

    /// <summary>The WAL file is larger than <see cref="WalGrens"/>.</summary>
    private bool WalVoorbijGrens => new FileInfo(Bestand + "-wal") is { Exists: true } wal && wal.Length > WalGrens;

    /// <summary>
    /// Commits between two checkpoints when commits are not synced one by one (<see cref="StoreOpties.DuurzaamPerCommit"/>
    /// false); with it, one after each. The WAL bound above holds either way.
    /// </summary>
    internal const int CommitsPerCheckpointZonderSync = 64;

    private void Checkpoints()
    {
        while (true)
        {
            try
            {
                using var c = new SqliteConnection(verbinding);
                c.Open();
                using var cmd = c.CreateCommand();
                cmd.CommandText = WalVoorbijGrens ? "PRAGMA wal_checkpoint(TRUNCATE)" : "PRAGMA wal_checkpoint(PASSIVE)";
                cmd.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // Busy or the file is gone: the next commit asks again.
            }

            lock (slot)
            {
                if (!nogEenCheckpoint)
                {
                    return;
                }

                nogEenCheckpoint = false;
            }
        }
    }

    /// <summary>
    /// Waits for the background checkpoints, then copies the whole WAL into the database file and empties it: under WAL a
    /// checkpoint syncs the WAL before it copies and the database file after, with NORMAL as with FULL, so everything
    /// committed before is durable afterwards.
    /// </summary>
    internal override void MaakDuurzaam()
    {
        WachtOpCheckpoints();
        using var c = OpenVerbinding();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        using var r = cmd.ExecuteReader();

        // The first column is 1 when a reader or writer kept the checkpoint from finishing: then not everything was
        // copied and synced, and the caller must not be told the region is durable (the generator closes its sessions first).
        if (!r.Read() || r.GetInt64(0) != 0)
        {
            throw new InvalidOperationException($"{Bestand}: de WAL kon niet volledig worden weggeschreven (een andere verbinding was bezig).");
        }
    }

    /// <summary>Waits until no checkpoint is running or asked for (<see cref="MaakDuurzaam"/>, tests).</summary>
    internal void WachtOpCheckpoints()
    {
        while (true)
        {
            Task? t;
            lock (slot)
            {
                t = checkpoint;
            }

            if (t is null || t.IsCompleted)
            {
                return;
            }

            t.GetAwaiter().GetResult();
        }
    }

    /// <summary>Waits for a running checkpoint, so that nothing touches the database file after disposal.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Task? t;
            lock (slot)
            {
                t = checkpoint;
                nogEenCheckpoint = false;
            }

            t?.GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }

    /// <summary>BEGIN IMMEDIATE: takes the write lock now, waiting for it up to the busy timeout.</summary>
    internal override DbTransaction BeginSchrijftransactie(DbConnection verbinding) =>
        ((SqliteConnection)verbinding).BeginTransaction(deferred: false);

    /// <summary>Nothing extra: the write transaction already excludes every other writer.</summary>
    internal override void VergrendelVoorMigratie(DbConnection verbinding, DbTransaction transactie)
    {
    }

    /// <summary>
    /// One: measured on 100,000 messages, multi-row inserts of 10, 50 and 200 rows were no faster than
    /// one prepared statement per row (SQLite has no round trips to save), and slower as rows grew.
    /// </summary>
    internal override int RijenPerInsert => 1;

    internal override string SchemaVersieTabel => """
        CREATE TABLE IF NOT EXISTS schema_version (
            versie       INTEGER NOT NULL PRIMARY KEY,
            naam         TEXT    NOT NULL,
            toegepast_op TEXT    NOT NULL
        )
        """;
}
