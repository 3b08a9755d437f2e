using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Jeugdhulp.Store.Provider;

/// <summary>
/// A bulk read by column position, one implementation per database: on SQLite <see cref="SqliteRijen"/> (SQLitePCL's
/// column values, codes and dates looked up by their characters without a new string each), elsewhere the ADO.NET reader
/// (<see cref="AdoRijen"/>). The same query text and the same reading code serve both, so the two cannot read differently
/// (the Store tests run on both databases).
/// </summary>
internal interface IRijen : IDisposable
{
    /// <summary>Steps to the next row; false after the last.</summary>
    bool Volgende();

    bool IsNull(int kolom);

    long Getal(int kolom);

    /// <summary>A text that differs per row (a reference): a new string.</summary>
    string Tekst(int kolom);

    string? TekstOfNull(int kolom);

    /// <summary>A text that repeats (a code, a BSN over its versions): one string per distinct value.</summary>
    string Code(int kolom);

    DateOnly Datum(int kolom);

    DateOnly? DatumOfNull(int kolom);

    TimeOnly Tijd(int kolom);
}

/// <summary>Opens an <see cref="IRijen"/> on a session's connection.</summary>
internal static class Rijen
{
    /// <summary>
    /// Runs <paramref name="sql"/> (its text parameters named <c>@naam</c>, bound from <paramref name="parameters"/>) on
    /// <paramref name="sessie"/>'s connection: through SQLitePCL on SQLite, through the ADO.NET reader elsewhere.
    /// </summary>
    public static IRijen Lees(StoreSessie sessie, string sql, params (string Naam, string Waarde)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(sessie);
        if (sessie.Verbinding is SqliteConnection sqlite)
        {
            var rijen = new SqliteRijen(sqlite, sql);
            try
            {
                foreach (var (naam, waarde) in parameters)
                {
                    rijen.Zet(naam, waarde);
                }

                return rijen;
            }
            catch
            {
                rijen.Dispose();
                throw;
            }
        }

        var cmd = sessie.Commando(sql);
        foreach (var (naam, waarde) in parameters)
        {
            cmd.Met(naam, waarde);
        }

        return new AdoRijen(cmd);
    }
}

/// <summary>
/// <see cref="IRijen"/> over the ADO.NET reader (PostgreSQL): the reader's own typed accessors; codes are kept once per
/// distinct value, so what a caller holds repeats no string.
/// </summary>
internal sealed class AdoRijen : IRijen
{
    private readonly DbCommand cmd;
    private readonly DbDataReader r;
    private readonly Dictionary<string, string> codes = new(StringComparer.Ordinal);

    public AdoRijen(DbCommand cmd)
    {
        this.cmd = cmd;
        r = cmd.ExecuteReader();
    }

    public bool Volgende() => r.Read();

    public bool IsNull(int kolom) => r.IsDBNull(kolom);

    public long Getal(int kolom) => r.GetInt64(kolom);

    public string Tekst(int kolom) => r.GetString(kolom);

    public string? TekstOfNull(int kolom) => r.IsDBNull(kolom) ? null : r.GetString(kolom);

    public string Code(int kolom)
    {
        var s = r.GetString(kolom);
        return codes.TryGetValue(s, out var bekend) ? bekend : codes[s] = s;
    }

    public DateOnly Datum(int kolom) => r.GetFieldValue<DateOnly>(kolom);

    public DateOnly? DatumOfNull(int kolom) => r.IsDBNull(kolom) ? null : r.GetFieldValue<DateOnly>(kolom);

    public TimeOnly Tijd(int kolom) => r.GetFieldValue<TimeOnly>(kolom);

    public void Dispose()
    {
        r.Dispose();
        cmd.Dispose();
    }
}
