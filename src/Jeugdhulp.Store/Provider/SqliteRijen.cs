using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Jeugdhulp.Store.Provider;

/// <summary>
/// A query stepped through SQLitePCL on an open Microsoft.Data.Sqlite connection (so inside its
/// transaction), for the few bulk reads where the ADO.NET layer costs more than SQLite itself: reading
/// 100,000 allocations through <see cref="SqliteDataReader"/> spent three quarters of its time in the
/// column accessors (type checks, a new string per text value). Here columns are read by position, texts
/// that repeat (codes, dates, times) are looked up by their characters without allocating, and dates are
/// parsed exactly as Microsoft.Data.Sqlite parses them (invariant culture) so both paths read the same.
/// </summary>
internal sealed class SqliteRijen : IRijen
{
    private readonly sqlite3 db;
    private readonly sqlite3_stmt stmt;
    private readonly Dictionary<string, string> teksten = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateOnly> datums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeOnly> tijden = new(StringComparer.Ordinal);

    public SqliteRijen(SqliteConnection verbinding, string sql)
    {
        db = verbinding.Handle!;
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(db, sql, out stmt), db);
    }

    /// <summary>Binds parameter <paramref name="index"/> (1-based, <c>?1</c> …) as text.</summary>
    public void Zet(int index, string waarde) => SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_text(stmt, index, waarde), db);

    /// <summary>Binds parameter <paramref name="naam"/> (<c>@naam</c> in the text) as text.</summary>
    public void Zet(string naam, string waarde)
    {
        var index = raw.sqlite3_bind_parameter_index(stmt, naam);
        if (index == 0)
        {
            throw new ArgumentException($"De query heeft geen parameter {naam}.", nameof(naam));
        }

        Zet(index, waarde);
    }

    /// <summary>Steps to the next row; false after the last.</summary>
    public bool Volgende()
    {
        var rc = raw.sqlite3_step(stmt);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }

        return false;
    }

    public bool IsNull(int kolom) => raw.sqlite3_column_type(stmt, kolom) == raw.SQLITE_NULL;

    public long Getal(int kolom) => raw.sqlite3_column_int64(stmt, kolom);

    /// <summary>A text that differs per row (a BSN, a reference): a new string.</summary>
    public string Tekst(int kolom) => Encoding.UTF8.GetString(raw.sqlite3_column_blob(stmt, kolom));

    public string? TekstOfNull(int kolom) => IsNull(kolom) ? null : Tekst(kolom);

    /// <summary>A text that repeats (a code): one string per distinct value.</summary>
    public string Code(int kolom) => Zoek(kolom, teksten, static s => s);

    public string? CodeOfNull(int kolom) => IsNull(kolom) ? null : Code(kolom);

    public DateOnly Datum(int kolom) =>
        raw.sqlite3_column_type(stmt, kolom) == raw.SQLITE_TEXT && Iso(raw.sqlite3_column_blob(stmt, kolom)) is { } d
            ? d
            : Zoek(kolom, datums, static s => DateOnly.Parse(s, CultureInfo.InvariantCulture));

    /// <summary>
    /// The form Microsoft.Data.Sqlite writes a date in (<c>yyyy-MM-dd</c>) read from its bytes, as
    /// <see cref="DateOnly.Parse(string, IFormatProvider)"/> reads it; null for any other text (which takes that parse).
    /// </summary>
    internal static DateOnly? Iso(ReadOnlySpan<byte> b)
    {
        if (b.Length != 10 || b[4] != (byte)'-' || b[7] != (byte)'-')
        {
            return null;
        }

        var jaar = 0;
        var maand = 0;
        var dag = 0;
        for (var i = 0; i < 10; i++)
        {
            if (i is 4 or 7)
            {
                continue;
            }

            var c = b[i] - (byte)'0';
            if ((uint)c > 9)
            {
                return null;
            }

            if (i < 4)
            {
                jaar = (jaar * 10) + c;
            }
            else if (i < 7)
            {
                maand = (maand * 10) + c;
            }
            else
            {
                dag = (dag * 10) + c;
            }
        }

        return jaar >= 1 && maand is >= 1 and <= 12 && dag >= 1 && dag <= DateTime.DaysInMonth(jaar, maand) ? new DateOnly(jaar, maand, dag) : null;
    }

    public DateOnly? DatumOfNull(int kolom) => IsNull(kolom) ? null : Datum(kolom);

    public TimeOnly Tijd(int kolom) => Zoek(kolom, tijden, static s => TimeOnly.Parse(s, CultureInfo.InvariantCulture));

    private T Zoek<T>(int kolom, Dictionary<string, T> cache, Func<string, T> maak)
    {
        if (raw.sqlite3_column_type(stmt, kolom) != raw.SQLITE_TEXT)
        {
            throw new InvalidOperationException($"Kolom {kolom} is geen tekst; de database is beschadigd.");
        }

        var bytes = raw.sqlite3_column_blob(stmt, kolom);
        Span<char> tekens = stackalloc char[64];
        if (bytes.Length > tekens.Length)
        {
            var s = Encoding.UTF8.GetString(bytes);
            return cache.TryGetValue(s, out var w) ? w : cache[s] = maak(s);
        }

        var n = Encoding.UTF8.GetChars(bytes, tekens);
        var opzoeken = cache.GetAlternateLookup<ReadOnlySpan<char>>();
        if (opzoeken.TryGetValue(tekens[..n], out var waarde))
        {
            return waarde;
        }

        var tekst = new string(tekens[..n]);
        return cache[tekst] = maak(tekst);
    }

    public void Dispose() => stmt.Dispose();
}
