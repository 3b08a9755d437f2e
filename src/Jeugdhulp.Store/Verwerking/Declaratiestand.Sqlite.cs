using Jeugdhulp.Core.Declaratie;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Provider;
using Microsoft.Data.Sqlite;

namespace Jeugdhulp.Store.Verwerking;

/// <summary>
/// The two bulk reads of a declaration on SQLite, through <see cref="SqliteRijen"/> instead of
/// Microsoft.Data.Sqlite's reader: the same queries and columns as the ADO.NET path (PostgreSQL), which
/// the Store tests run on both databases. For 100,000 allocations and 100,000 earlier prestaties the
/// ADO.NET column accessors cost more than SQLite's own work.
/// </summary>
internal static partial class Declaratiestand
{
    private static Dictionary<long, VastgelegdeToewijzing> ToewijzingenSqlite(SqliteConnection verbinding, string gemeente, string aanbieder)
    {
        var lijst = new Dictionary<long, VastgelegdeToewijzing>();
        var agb = AgbCode.Parse(aanbieder);
        if (!agb.IsGeldig)
        {
            return lijst;
        }

        var producten = new Dictionary<string, ProductCode>(StringComparer.Ordinal);
        using var r = new SqliteRijen(verbinding, """
            SELECT nummer, client_bsn, productcode, categorie, ingangsdatum, einddatum, volume, eenheid, frequentie, budget,
                toewijzingsdatum, toewijzingstijd, referentie, herkomst, keren_verschoven, reden_wijziging, oorspronkelijke_einddatum
            FROM toewijzingen WHERE gemeente = ?1 AND aanbieder = ?2 AND actueel = 1
            """);
        r.Zet(1, gemeente);
        r.Zet(2, aanbieder);
        while (r.Volgende())
        {
            var code = r.Code(2);
            if (!producten.TryGetValue(code, out var product))
            {
                producten[code] = product = ProductCode.Parse(code).Waarde;
            }

            // Stored values were valid when recorded; a failing parse here means a damaged database (a bug).
            var t = new VastgelegdeToewijzing(
                checked((int)r.Getal(0)), Bsn.Parse(r.Tekst(1)).Waarde, agb.Waarde, product, r.Code(3), r.Datum(4), r.DatumOfNull(5),
                r.IsNull(6) ? null : new Omvang(checked((int)r.Getal(6)), r.Code(7), r.Code(8)),
                r.IsNull(9) ? null : r.Getal(9), r.Datum(10), r.Tijd(11), r.TekstOfNull(12), (VerwijzerType)r.Getal(13),
                checked((int)r.Getal(14)), r.CodeOfNull(15), r.DatumOfNull(16));
            lijst[t.Nummer] = t;
        }

        return lijst;
    }

    /// <summary>The provider's booked prestaties whose <paramref name="kolom"/> is one of <paramref name="waarden"/> (a JSON array read by json_each).</summary>
    private static void PrestatiesSqlite<T>(SqliteConnection verbinding, string kolom, string gemeente, string aanbieder, List<T> waarden,
        List<GeboektePrestatie> uit)
    {
        if (waarden.Count == 0)
        {
            return;
        }

        using var r = new SqliteRijen(verbinding,
            $"SELECT {PrestatieKolommen} FROM declaratieprestaties WHERE gemeente = ?1 AND aanbieder = ?2 AND {kolom} IN (SELECT value FROM json_each(?3))");
        r.Zet(1, gemeente);
        r.Zet(2, aanbieder);
        r.Zet(3, System.Text.Json.JsonSerializer.Serialize(waarden));
        while (r.Volgende())
        {
            uit.Add(new GeboektePrestatie(r.Tekst(0), r.TekstOfNull(1), r.Getal(2), r.Code(3), r.Code(4), r.Datum(5), r.Datum(6),
                r.Getal(7), r.Getal(8), r.Getal(9) == 1, r.Getal(10) == 1));
        }
    }
}
