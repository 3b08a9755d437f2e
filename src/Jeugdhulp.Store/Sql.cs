using System.Data.Common;
using Jeugdhulp.Store.Inhoud;

namespace Jeugdhulp.Store;

/// <summary>Small helpers over ADO.NET commands, shared by both dialects.</summary>
internal static class Sql
{
    /// <summary>
    /// The pattern for <c>LOWER(kolom) LIKE @p ESCAPE '!'</c> that finds <paramref name="zoek"/> anywhere, in any case: its
    /// <c>%</c>, <c>_</c> and <c>!</c> are literal (a reference search for "_" finds underscores, not every row).
    /// </summary>
    public static string BevatPatroon(string zoek) =>
        "%" + zoek.ToLowerInvariant().Replace("!", "!!", StringComparison.Ordinal).Replace("%", "!%", StringComparison.Ordinal)
            .Replace("_", "!_", StringComparison.Ordinal) + "%";

    /// <summary>Sets a named parameter, creating it on first use (commands are cached and reused).</summary>
    public static DbCommand Met(this DbCommand cmd, string naam, object? waarde)
    {
        var p = cmd.Parameters.Contains(naam) ? cmd.Parameters[naam] : null;
        if (p is null)
        {
            p = cmd.CreateParameter();
            p.ParameterName = naam;
            cmd.Parameters.Add(p);
        }

        p.Value = waarde ?? DBNull.Value;
        return cmd;
    }

    /// <summary>
    /// Sets the parameter at <paramref name="index"/>, creating parameters in order on first use. For the
    /// multi-row statements with thousands of parameters, where a lookup by name would be linear.
    /// </summary>
    public static void ZetOp(this DbCommand cmd, int index, string kolom, int rij, object? waarde)
    {
        if (index == cmd.Parameters.Count)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = rij < 0 ? "@" + kolom : $"@{kolom}{rij}";
            cmd.Parameters.Add(p);
        }

        cmd.Parameters[index].Value = waarde ?? DBNull.Value;
    }

    /// <summary>Runs a write whose result nobody reads: deferred into the transaction's next round trip on PostgreSQL (<see cref="StoreTransactie.Later"/>).</summary>
    public static void Later(this DbCommand cmd, StoreTransactie tx) => tx.Later(cmd);

    /// <summary>"(@a0, @b0), (@a1, @b1), …" for <paramref name="rijen"/> rows of the given columns.</summary>
    public static string Waarden(int rijen, params string[] kolommen) =>
        string.Join(", ", Enumerable.Range(0, rijen).Select(i => "(" + string.Join(", ", kolommen.Select(k => k.StartsWith('@') ? k : $"@{k}{i}")) + ")"));

    public static long? LeesLongOfNull(this DbCommand cmd) => AlsLong(cmd.ExecuteScalar());

    /// <summary>
    /// As <see cref="LeesLongOfNull(DbCommand)"/> for a command from <see cref="StoreTransactie.Uitgesteld"/>: the transaction's
    /// deferred writes go with it, in one round trip on PostgreSQL (<see cref="StoreTransactie.LeesNaUitgesteld"/>).
    /// </summary>
    public static long? LeesLongOfNull(this DbCommand cmd, StoreTransactie tx) => AlsLong(tx.LeesNaUitgesteld(cmd));

    private static long? AlsLong(object? waarde) => waarde switch
    {
        null or DBNull => null,
        var w => Convert.ToInt64(w, System.Globalization.CultureInfo.InvariantCulture),
    };

    public static DateTimeOffset? DatumTijdOfNull(this DbDataReader r, int i) =>
        r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);

    public static DateOnly? DatumOfNull(this DbDataReader r, int i) =>
        r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);

    public static string? TekstOfNull(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>
    /// The bytes of rows just inserted, into their content table (<paramref name="tabel"/>: journaalinhoud or
    /// outboxinhoud, keyed by <paramref name="sleutel"/>), one multi-row insert. The content lives apart so
    /// that updating the narrow row (status, written mark) never rewrites it. Stored compressed (<see cref="Inhoud.Inhoudsvorm"/>).
    /// <paramref name="gemeenten"/>: each row's municipality, for a table that has one (journaalinhoud, partitioned by it on
    /// PostgreSQL: migration 0039), in the order of <paramref name="rijen"/>.
    /// </summary>
    public static void VoegInhoudenToe(this StoreTransactie tx, string tabel, string sleutel, List<(long Id, byte[] Inhoud)> rijen,
        IReadOnlyList<string>? gemeenten = null)
    {
        if (rijen.Count == 0)
        {
            return;
        }

        var cmd = tx.Commando(gemeenten is null
            ? $"INSERT INTO {tabel} ({sleutel}, inhoud) VALUES {Waarden(rijen.Count, "i", "c")}"
            : $"INSERT INTO {tabel} ({sleutel}, inhoud, gemeente) VALUES {Waarden(rijen.Count, "i", "c", "g")}");
        var p = 0;
        for (var i = 0; i < rijen.Count; i++)
        {
            cmd.ZetOp(p++, "i", i, rijen[i].Id);
            cmd.ZetOp(p++, "c", i, Inhoudsvorm.Pak(rijen[i].Inhoud));
            if (gemeenten is not null)
            {
                cmd.ZetOp(p++, "g", i, gemeenten[i]);
            }
        }

        cmd.ExecuteNonQuery();
    }
}
