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
            var cmd = tx.Commando($"{kop} VALUES {Sql.Waarden(aantal, namen)} {staart}");
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
                cmd.ExecuteNonQuery();
                continue;
            }

            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                lees(r);
            }
        }
    }

    /// <summary>"@k0, @k1, …" for an <c>IN (…)</c> list of <paramref name="aantal"/> values named <paramref name="naam"/>.</summary>
    public static string Lijst(string naam, int aantal) =>
        string.Join(", ", Enumerable.Range(0, aantal).Select(i => $"@{naam}{i}"));

    /// <summary>Sets the values of a <see cref="Lijst"/> by name (the list may occur in several statements of one command).</summary>
    public static DbCommand MetLijst(this DbCommand cmd, string naam, IReadOnlyList<string> waarden)
    {
        ArgumentNullException.ThrowIfNull(cmd);
        ArgumentNullException.ThrowIfNull(waarden);
        for (var i = 0; i < waarden.Count; i++)
        {
            cmd.Met($"@{naam}{i}", waarden[i]);
        }

        return cmd;
    }
}
