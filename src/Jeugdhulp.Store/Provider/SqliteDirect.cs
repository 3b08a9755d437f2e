using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Jeugdhulp.Store.Provider;

/// <summary>
/// Runs the pipeline's deferred writes (<see cref="StoreTransactie.Later"/>) on SQLite through SQLitePCL, bound by
/// position (issue 21 point 2), as the declarations path does for its bulk insert. The statement is the command's own
/// text, prepared once per session; the names of its parameters are mapped to their positions once, so a run binds each
/// value by index instead of Microsoft.Data.Sqlite looking every name up in the statement on every execution (a fifth
/// of the database thread went to parameter binding). Values are converted to exactly what Microsoft.Data.Sqlite
/// stores for them (same texts for dates, times and moments; <c>SqliteDirectTests</c> compares the two), so readers
/// see no difference. Anything it does not know — several statements in one text, a parameter without a value, a value
/// of another type — runs through the command as before.
/// </summary>
internal sealed class SqliteDirect : IDisposable
{
    private readonly sqlite3 db;
    private readonly sqlite3_stmt stmt;

    /// <summary>Per position (1-based, index − 1), the index of the command's parameter that binds it.</summary>
    private readonly int[] parameters;

    private SqliteDirect(sqlite3 db, sqlite3_stmt stmt, int[] parameters)
    {
        this.db = db;
        this.stmt = stmt;
        this.parameters = parameters;
    }

    /// <summary>The prepared form of <paramref name="cmd"/>, or null when it must run through the command.</summary>
    public static SqliteDirect? Bereid(SqliteCommand cmd)
    {
        var db = cmd.Connection?.Handle;
        if (db is null)
        {
            return null;
        }

        var rc = raw.sqlite3_prepare_v2(db, cmd.CommandText, out var stmt, out var rest);
        if (rc != raw.SQLITE_OK || stmt is null || stmt.IsInvalid || !string.IsNullOrWhiteSpace(rest))
        {
            stmt?.Dispose();
            return null;
        }

        var aantal = raw.sqlite3_bind_parameter_count(stmt);
        var posities = new int[aantal];
        for (var i = 0; i < aantal; i++)
        {
            var naam = raw.sqlite3_bind_parameter_name(stmt, i + 1).utf8_to_string();
            posities[i] = naam is null ? -1 : cmd.Parameters.IndexOf(naam);
            if (posities[i] < 0)
            {
                stmt.Dispose();
                return null;
            }
        }

        return new SqliteDirect(db, stmt, posities);
    }

    /// <summary>Runs the statement with <paramref name="cmd"/>'s current values; false (nothing run) when a value is of a type it does not bind.</summary>
    public bool Voer(DbCommand cmd)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            var rc = Bind(i + 1, cmd.Parameters[parameters[i]].Value);
            if (rc is null)
            {
                raw.sqlite3_clear_bindings(stmt);
                return false;
            }

            if (rc != raw.SQLITE_OK)
            {
                raw.sqlite3_clear_bindings(stmt);
                SqliteException.ThrowExceptionForRC(rc.Value, db);
            }
        }

        try
        {
            int stap;
            while ((stap = raw.sqlite3_step(stmt)) == raw.SQLITE_ROW)
            {
            }

            if (stap != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(stap, db);
            }
        }
        finally
        {
            raw.sqlite3_reset(stmt);
        }

        return true;
    }

    /// <summary>Binds as Microsoft.Data.Sqlite's value binder does (no type given on the parameter: inferred from the value); null for other types.</summary>
    private int? Bind(int positie, object? waarde) => waarde switch
    {
        null or DBNull => raw.sqlite3_bind_null(stmt, positie),
        string s => raw.sqlite3_bind_text(stmt, positie, s),
        long l => raw.sqlite3_bind_int64(stmt, positie, l),
        int i => raw.sqlite3_bind_int64(stmt, positie, i),
        bool b => raw.sqlite3_bind_int64(stmt, positie, b ? 1 : 0),
        byte[] blob => raw.sqlite3_bind_blob(stmt, positie, blob),
        double d => raw.sqlite3_bind_double(stmt, positie, d),
        DateOnly d => Tekst(positie, d.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
        TimeOnly t => Tekst(positie, t.Ticks % TimeSpan.TicksPerSecond == 0
            ? t.ToString(@"HH\:mm\:ss", CultureInfo.InvariantCulture)
            : t.ToString(@"HH\:mm\:ss\.fffffff", CultureInfo.InvariantCulture)),
        DateTimeOffset m => Tekst(positie, m.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
        _ => null,
    };

    private int Tekst(int positie, string tekst) => raw.sqlite3_bind_text(stmt, positie, Encoding.UTF8.GetBytes(tekst).AsSpan());

    public void Dispose() => stmt.Dispose();
}
