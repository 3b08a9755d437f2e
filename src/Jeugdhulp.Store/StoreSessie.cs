using System.Data.Common;
using Npgsql;

namespace Jeugdhulp.Store;

/// <summary>
/// One open connection and the commands prepared on it. The hot path runs the same few statements for
/// every message; reusing the command objects lets SQLite keep its compiled statements and Npgsql its
/// server-side prepared ones. Not thread-safe: one session per thread.
/// </summary>
public sealed class StoreSessie : IDisposable
{
    private readonly Dictionary<string, DbCommand> commandos = new(StringComparer.Ordinal);
    private StoreTransactie? actief;

    internal StoreSessie(Datastore store, DbConnection verbinding)
    {
        Store = store;
        Verbinding = verbinding;
    }

    internal Datastore Store { get; }

    internal DbConnection Verbinding { get; }

    /// <summary>Begins a write transaction; only one at a time per session.</summary>
    public StoreTransactie BeginTransactie() => BeginTransactie(eigenSessie: false);

    internal StoreTransactie BeginTransactie(bool eigenSessie)
    {
        if (actief is not null)
        {
            throw new InvalidOperationException("Deze sessie heeft al een open transactie.");
        }

        actief = new StoreTransactie(this, Store.Provider.BeginSchrijftransactie(Verbinding), eigenSessie);
        return actief;
    }

    internal void TransactieAfgesloten(StoreTransactie transactie)
    {
        if (ReferenceEquals(actief, transactie))
        {
            actief = null;
        }
    }

    /// <summary>
    /// The cached command for <paramref name="sql"/>, bound to the open transaction (if any). The transaction's deferred
    /// writes (<see cref="StoreTransactie.Later"/>) are sent first, so what runs next sees them, in order.
    /// </summary>
    internal DbCommand Commando(string sql)
    {
        actief?.VerstuurUitgesteld();
        return Uitgesteld(sql);
    }

    /// <summary>As <see cref="Commando"/> without sending the deferred writes: for a write that is itself deferred.</summary>
    internal DbCommand Uitgesteld(string sql)
    {
        if (!commandos.TryGetValue(sql, out var cmd))
        {
            cmd = Verbinding.CreateCommand();
            cmd.CommandText = sql;
            commandos.Add(sql, cmd);
        }

        cmd.Transaction = actief?.Db;
        return cmd;
    }

    /// <summary>The SQLite statements of <see cref="VoerUit"/>, per command (null: the command runs itself).</summary>
    private readonly Dictionary<DbCommand, Provider.SqliteDirect?> direct = [];

    /// <summary>Runs a write: on SQLite bound by position through SQLitePCL (<see cref="Provider.SqliteDirect"/>), else through the command.</summary>
    internal void VoerUit(DbCommand cmd)
    {
        if (cmd is Microsoft.Data.Sqlite.SqliteCommand sqlite)
        {
            if (!direct.TryGetValue(cmd, out var d))
            {
                d = Provider.SqliteDirect.Bereid(sqlite);
                direct.Add(cmd, d);
            }

            if (d is not null && d.Voer(cmd))
            {
                return;
            }
        }

        cmd.ExecuteNonQuery();
    }

    /// <summary>Per cached PostgreSQL command: its text by position and, per position, the index of its parameter (null: named).</summary>
    private readonly Dictionary<NpgsqlCommand, (int Parameters, string? Sql, int[] Index)> posities = [];

    /// <summary>
    /// A copy of <paramref name="cmd"/> with its current parameter values, to be sent later in a batch (the cached command is
    /// bound again for the next row): by position where its text allows (<see cref="Provider.PostgresPosities"/>: Npgsql
    /// then sends the text without parsing it), else with the names as they are.
    /// </summary>
    internal NpgsqlBatchCommand Kopie(NpgsqlCommand cmd)
    {
        var parameters = cmd.Parameters;
        if (!posities.TryGetValue(cmd, out var p) || p.Parameters != parameters.Count)
        {
            p = (parameters.Count, null, []);
            if (Provider.PostgresPosities.Herschrijf(cmd.CommandText) is { } h)
            {
                var index = h.Namen.Select(n => parameters.IndexOf("@" + n)).ToArray();
                if (index.All(i => i >= 0))
                {
                    p = (parameters.Count, h.Sql, index);
                }
            }

            posities[cmd] = p;
        }

        if (p.Sql is null)
        {
            var named = new NpgsqlBatchCommand(cmd.CommandText);
            foreach (NpgsqlParameter n in parameters)
            {
                named.Parameters.Add(new NpgsqlParameter(n.ParameterName, n.Value));
            }

            return named;
        }

        var b = new NpgsqlBatchCommand(p.Sql);
        foreach (var i in p.Index)
        {
            b.Parameters.Add(new NpgsqlParameter { Value = parameters[i].Value });
        }

        return b;
    }

    /// <summary>Kept by its store for reuse (<see cref="StoreOpties.SessiesHouden"/>): closed for its last user, not yet handed out again.</summary>
    internal bool Gehouden { get; set; }

    private bool gesloten;

    /// <summary>
    /// Ends the session: an open transaction is rolled back; the connection closes, unless the store keeps sessions
    /// (<see cref="StoreOpties.SessiesHouden"/>) and takes this one back, connection and compiled statements included.
    /// </summary>
    public void Dispose()
    {
        if (Gehouden || gesloten)
        {
            return;
        }

        // (A transaction that owns this session disposes it again from here: that inner call keeps or closes it.)
        actief?.Dispose();
        if (Gehouden || gesloten)
        {
            return;
        }

        if (Verbinding.State == System.Data.ConnectionState.Open && Store.Houd(this))
        {
            return;
        }

        Sluit();
    }

    /// <summary>Closes the connection and its compiled statements.</summary>
    internal void Sluit()
    {
        if (gesloten)
        {
            return;
        }

        gesloten = true;
        foreach (var d in direct.Values)
        {
            d?.Dispose();
        }

        direct.Clear();
        posities.Clear();
        foreach (var cmd in commandos.Values)
        {
            cmd.Dispose();
        }

        commandos.Clear();
        Verbinding.Dispose();
    }
}
