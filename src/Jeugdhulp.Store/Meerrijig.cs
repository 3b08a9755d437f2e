using System.Data.Common;

namespace Jeugdhulp.Store;

/// <summary>
/// The store's batch abstraction over its two dialects, for writing (and looking up) many rows of one kind in a group:
/// a multi-row <c>VALUES</c> per block of <see cref="Provider.DatabaseProvider.RijenPerInsert"/> rows on PostgreSQL (one
/// round trip per block instead of one per row), and one prepared statement executed per row on SQLite (in-process:
/// there is no round trip to save, and long statements cost more than they save there). The same SQL text either way,
/// so the reader sees one statement per kind of row. Generalises what <see cref="Journaal.BatchJournaliseren"/> and
/// <see cref="Outbox.BatchAntwoordenToevoegen"/> do for their one table.
/// </summary>
internal static class Meerrijig
{
    /// <summary>
    /// Runs <c><paramref name="kop"/> VALUES (…), (…) <paramref name="staart"/></c> for <paramref name="rijen"/> (one value per
    /// name in <paramref name="kolommen"/>, in order; the names are only parameter names). <paramref name="staart"/> may be
    /// an <c>ON CONFLICT</c> clause; a <c>RETURNING</c> there is read with <paramref name="lees"/>, once per returned row.
    /// </summary>
    public static void VoegToe(this StoreTransactie tx, string kop, IReadOnlyList<string> kolommen, IReadOnlyList<object?[]> rijen,
        string staart = "", Action<DbDataReader>? lees = null)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(kolommen);
        ArgumentNullException.ThrowIfNull(rijen);
        var blok = Math.Max(1, tx.Store.Provider.RijenPerInsert);
        var namen = kolommen.ToArray();
        for (var start = 0; start < rijen.Count; start += blok)
        {
            var aantal = Math.Min(blok, rijen.Count - start);
            var sql = $"{kop} VALUES {Sql.Waarden(aantal, namen)} {staart}";
            var cmd = lees is null ? tx.Uitgesteld(sql) : tx.Commando(sql);
            var p = 0;
            for (var i = 0; i < aantal; i++)
            {
                var rij = rijen[start + i];
                if (rij.Length != namen.Length)
                {
                    throw new ArgumentException($"Rij {start + i} heeft {rij.Length} waarden voor {namen.Length} kolommen.", nameof(rijen));
                }

                for (var k = 0; k < namen.Length; k++)
                {
                    cmd.ZetOp(p++, namen[k], i, rij[k]);
                }
            }

            if (lees is null)
            {
                tx.Later(cmd);
                continue;
            }

            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                lees(r);
            }
        }
    }

    /// <summary>
    /// A membership test of <paramref name="kolom"/> against a list given as ONE parameter <paramref name="naam"/> (bind it with
    /// <see cref="MetLijst{T}(DbCommand, StoreTransactie, string, IReadOnlyList{T})"/>): PostgreSQL <c>= ANY(@naam)</c> with an array, SQLite <c>IN (SELECT value FROM json_each(@naam))</c>
    /// (as the declarations path does). One statement text for every list size, so PostgreSQL prepares it once, and its
    /// generic plan estimates an array parameter as a few values and looks them up in the index; a literal list of 500
    /// values in a table not yet analysed (every row written in this transaction) is estimated to match every row, and
    /// the whole table was scanned for each group (measured: 1.5 ms against 16–23 ms per statement at 13,000 rows).
    /// </summary>
    public static string In(this StoreTransactie tx, string kolom, string naam) => In(tx.Store, kolom, naam);

    /// <inheritdoc cref="In(StoreTransactie, string, string)"/>
    public static string In(this Datastore store, string kolom, string naam) =>
        Sqlite(store) ? $"{kolom} IN (SELECT value FROM json_each(@{naam}))" : $"{kolom} = ANY(@{naam})";

    /// <summary>Binds the list of an <see cref="In(StoreTransactie, string, string)"/> test: a JSON array on SQLite, an array on PostgreSQL.</summary>
    public static DbCommand MetLijst<T>(this DbCommand cmd, StoreTransactie tx, string naam, IReadOnlyList<T> waarden) =>
        cmd.MetLijst(tx.Store, naam, waarden);

    /// <inheritdoc cref="MetLijst{T}(DbCommand, StoreTransactie, string, IReadOnlyList{T})"/>
    public static DbCommand MetLijst<T>(this DbCommand cmd, Datastore store, string naam, IReadOnlyList<T> waarden)
    {
        ArgumentNullException.ThrowIfNull(cmd);
        ArgumentNullException.ThrowIfNull(waarden);
        return cmd.Met("@" + naam, Sqlite(store) ? System.Text.Json.JsonSerializer.Serialize(waarden) : waarden.ToArray());
    }

    private static bool Sqlite(Datastore store) => !store.Provider.IsPostgres;
}
