using System.Data.Common;
using System.Globalization;
using System.Text;
using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Declaratie;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Jeugdhulp.Store.Verwerking;

/// <summary>
/// Loads what the declaration checks need in bulk and books their outcome. A query per prestatie would
/// make a 100,000-line JW323 take minutes: the provider's allocations come in one query, the earlier
/// prestaties in one query by allocation number and one by reference (<see cref="InLijst"/>).
/// </summary>
internal static partial class Declaratiestand
{
    private const string PrestatieKolommen =
        "referentienummer, vorig_referentienummer, nummer, categorie, productcode, begindatum, einddatum, volume, bedrag, credit, goedgekeurd";

    public static Declaratiebronnen Laad(StoreTransactie tx, Declaratieinvoer invoer, Regelcatalogus catalogus, DateOnly vandaag)
    {
        var (g, a) = (invoer.Gemeente, invoer.Aanbieder);
        var sqlite = tx.Db.Connection as SqliteConnection;
        var toewijzingen = sqlite is null ? Toewijzingen(tx, g, a) : ToewijzingenSqlite(sqlite, g, a);
        var nummers = invoer.Prestaties.Select(p => p.ToewijzingNummer).Distinct().ToList();

        // Numbers that are not this provider's: another provider's allocation is TR304, none at all TR338.
        var anderen = new HashSet<long>();
        foreach (var r in InLijst(tx, "SELECT nummer FROM toewijzingen WHERE gemeente = @g AND actueel = 1 AND {0}", "nummer", g, null,
                     nummers.Where(n => !toewijzingen.ContainsKey(n)).ToList()))
        {
            anderen.Add(r.GetInt64(0));
        }

        var eerdere = new List<GeboektePrestatie>();
        var datums = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var opNummer = nummers.Where(toewijzingen.ContainsKey).ToList();
        // The provider's booked prestaties where <voorwaarde> holds for one of the values in the list.
        void Eerdere<T>(string voorwaarde, List<T> lijst)
        {
            if (sqlite is not null)
            {
                PrestatiesSqlite(sqlite, voorwaarde, g, a, lijst, eerdere);
                return;
            }

            foreach (var r in InLijst(tx, $"SELECT {PrestatieKolommen} FROM declaratieprestaties WHERE gemeente = @g AND aanbieder = @a AND {{0}}",
                         voorwaarde, g, a, lijst))
            {
                eerdere.Add(LeesPrestatie(r, datums));
            }
        }

        Eerdere("goedgekeurd = 1 AND nummer", opNummer);

        var referenties = invoer.Prestaties.Select(p => p.ReferentieNummer)
            .Concat(invoer.Prestaties.Where(p => p.VorigReferentieNummer is not null).Select(p => p.VorigReferentieNummer!))
            .Distinct(StringComparer.Ordinal).ToList();
        Eerdere("referentienummer", referenties);

        var bekend = tx.Commando("SELECT COUNT(*) FROM declaraties WHERE gemeente = @g AND aanbieder = @a AND declaratienummer = @n")
            .Met("@g", g).Met("@a", a).Met("@n", invoer.DeclaratieNummer).LeesLongOfNull() > 0;

        return new Declaratiebronnen(toewijzingen, anderen, eerdere, Contracten(tx, g, a), catalogus, bekend, vandaag);
    }

    /// <summary>
    /// The provider's current allocations (one query for all its clients), read lean for 100,000 rows: the
    /// columns of <see cref="Staat"/>'s allocation reader, with the few distinct texts (dates, times, product
    /// codes) parsed once.
    /// </summary>
    private static Dictionary<long, VastgelegdeToewijzing> Toewijzingen(StoreTransactie tx, string gemeente, string aanbieder)
    {
        var lijst = new Dictionary<long, VastgelegdeToewijzing>();
        var agb = AgbCode.Parse(aanbieder);
        if (!agb.IsGeldig)
        {
            return lijst;
        }

        var datums = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var tijden = new Dictionary<string, TimeOnly>(StringComparer.Ordinal);
        var producten = new Dictionary<string, ProductCode>(StringComparer.Ordinal);
        using var r = tx.Commando("""
            SELECT nummer, client_bsn, productcode, categorie, ingangsdatum, einddatum, volume, eenheid, frequentie, budget,
                toewijzingsdatum, toewijzingstijd, referentie, herkomst, keren_verschoven, reden_wijziging, oorspronkelijke_einddatum
            FROM toewijzingen WHERE gemeente = @gemeente AND aanbieder = @aanbieder AND actueel = 1
            """).Met("@gemeente", gemeente).Met("@aanbieder", aanbieder).ExecuteReader();
        while (r.Read())
        {
            var code = r.GetString(2);
            if (!producten.TryGetValue(code, out var product))
            {
                producten[code] = product = ProductCode.Parse(code).Waarde;
            }

            TimeOnly tijd;
            if (r.GetFieldType(11) == typeof(string))
            {
                var tekst = r.GetString(11);
                if (!tijden.TryGetValue(tekst, out tijd))
                {
                    tijden[tekst] = tijd = r.GetFieldValue<TimeOnly>(11);
                }
            }
            else
            {
                tijd = r.GetFieldValue<TimeOnly>(11);
            }

            // Stored values were valid when recorded; a failing parse here means a damaged database (a bug).
            var t = new VastgelegdeToewijzing(
                checked((int)r.GetInt64(0)), Bsn.Parse(r.GetString(1)).Waarde, agb.Waarde, product, r.GetString(3), Datum(r, 4, datums),
                r.IsDBNull(5) ? null : Datum(r, 5, datums),
                r.IsDBNull(6) ? null : new Omvang(checked((int)r.GetInt64(6)), r.GetString(7), r.GetString(8)),
                r.IsDBNull(9) ? null : r.GetInt64(9), Datum(r, 10, datums), tijd, r.TekstOfNull(12), (VerwijzerType)r.GetInt64(13),
                checked((int)r.GetInt64(14)), r.TekstOfNull(15), r.IsDBNull(16) ? null : Datum(r, 16, datums));
            lijst[t.Nummer] = t;
        }

        return lijst;
    }

    private static List<Contract> Contracten(StoreTransactie tx, string gemeente, string aanbieder)
    {
        var lijst = new List<Contract>();
        if (!Gemeentecode.Parse(gemeente).TryGet(out var gc) || !AgbCode.Parse(aanbieder).TryGet(out var agb))
        {
            return lijst;
        }

        using var r = tx.Commando("SELECT productcode, ingangsdatum, einddatum, tarief_cent FROM contracten WHERE gemeente = @g AND aanbieder = @a")
            .Met("@g", gemeente).Met("@a", aanbieder).ExecuteReader();
        while (r.Read())
        {
            lijst.Add(new Contract(gc, agb, ProductCode.Parse(r.GetString(0)).Waarde, Periode.Maak(r.GetFieldValue<DateOnly>(1), r.DatumOfNull(2)).Waarde, r.GetInt64(3)));
        }

        return lijst;
    }

    private static GeboektePrestatie LeesPrestatie(DbDataReader r, Dictionary<string, DateOnly> datums) => new(
        r.GetString(0), r.TekstOfNull(1), r.GetInt64(2), r.GetString(3), r.GetString(4), Datum(r, 5, datums), Datum(r, 6, datums),
        r.GetInt64(7), r.GetInt64(8), r.GetInt64(9) == 1, r.GetInt64(10) == 1);

    /// <summary>A date column; SQLite's text dates are parsed once per distinct value (a month has few).</summary>
    private static DateOnly Datum(DbDataReader r, int i, Dictionary<string, DateOnly> datums)
    {
        if (r.GetFieldType(i) != typeof(string))
        {
            return r.GetFieldValue<DateOnly>(i);
        }

        var tekst = r.GetString(i);
        if (!datums.TryGetValue(tekst, out var d))
        {
            datums[tekst] = d = r.GetFieldValue<DateOnly>(i);
        }

        return d;
    }

    /// <summary>
    /// Runs <paramref name="sql"/> with "{0}" replaced by the membership test of <paramref name="kolom"/> against all
    /// of <paramref name="waarden"/> as ONE parameter (<see cref="Meerrijig.In(StoreTransactie, string, string)"/>: a JSON array unpacked by json_each
    /// on SQLite, an array with = ANY on PostgreSQL). One statement for 100,000 values; binding thousands of named
    /// parameters costs more than the query itself on SQLite.
    /// </summary>
    private static IEnumerable<DbDataReader> InLijst<T>(StoreTransactie tx, string sql, string kolom, string gemeente, string? aanbieder, List<T> waarden)
    {
        if (waarden.Count == 0)
        {
            yield break;
        }

        var cmd = tx.Commando(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, tx.In(kolom, "lijst")));
        cmd.Met("@g", gemeente);
        if (aanbieder is not null)
        {
            cmd.Met("@a", aanbieder);
        }

        cmd.MetLijst(tx, "lijst", waarden);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            yield return r;
        }
    }

    /// <summary>
    /// Books an assessed declaration: the declaratie and its prestaties with their outcome. A prestatie
    /// refused for a used ReferentieNummer (8021) is not booked: the number belongs to the earlier one; it is kept
    /// for the Declaraties page among the lines never booked (migration 0033, <see cref="BoekOngeboekt"/>).
    /// </summary>
    public static void Boek(StoreTransactie tx, long journaalId, Declaratieinvoer invoer, long ingediend, Declaratieoordeel oordeel)
    {
        // The page's figures per declaration (migration 0033): every line, the refused ones, the declared sum with sign.
        var id = tx.Commando("""
            INSERT INTO declaraties (journaal_id, gemeente, aanbieder, declaratienummer, begindatum, einddatum, dagtekening, ingediend, toegekend, regelversie,
                regels, afgewezen_regels, regelbedrag)
            VALUES (@j, @g, @a, @n, @b, @e, @d, @i, @t, @rv, @rg, @ra, @rb) RETURNING id
            """)
            .Met("@j", journaalId).Met("@g", invoer.Gemeente).Met("@a", invoer.Aanbieder).Met("@n", invoer.DeclaratieNummer)
            .Met("@b", invoer.PeriodeBegin).Met("@e", invoer.PeriodeEind).Met("@d", invoer.Dagtekening).Met("@i", ingediend)
            .Met("@t", oordeel.TotaalToegekend).Met("@rv", oordeel.Regelversie).Met("@rg", (long)oordeel.Prestaties.Count)
            .Met("@ra", (long)oordeel.Prestaties.Count(p => !p.IsGoedgekeurd)).Met("@rb", oordeel.Prestaties.Sum(p => p.Prestatie.Saldo))
            .LeesLongOfNull()!.Value;

        var rijen = new List<(Prestatieoordeel Oordeel, int Volgorde)>(oordeel.Prestaties.Count);
        var hergebruikt = new List<(Prestatieoordeel Oordeel, int Volgorde)>();
        for (var i = 0; i < oordeel.Prestaties.Count; i++)
        {
            var o = oordeel.Prestaties[i];
            (o.Afkeuren.Any(a => a.Code == Declaratiecodes.ReferentieAlAangeleverd) ? hergebruikt : rijen).Add((o, i));
        }

        if (tx.Db.Connection is SqliteConnection sqlite)
        {
            BoekSqlite(sqlite, id, invoer, rijen);
        }
        else
        {
            BoekInBlokken(tx, id, invoer, rijen, Math.Max(1, tx.Store.Provider.RijenPerInsert));
        }

        BoekOngeboekt(tx, journaalId, invoer, [.. hergebruikt.Select(h => (h.Oordeel.Prestatie, h.Volgorde, Codes(h.Oordeel)))]);
    }

    /// <summary>A declaration refused as a whole (9333, 8848): nothing is booked; its lines are kept for the Declaraties page with the JW325's codes.</summary>
    public static void BoekAfgewezen(StoreTransactie tx, long journaalId, Declaratieinvoer invoer, Declaratieoordeel oordeel)
    {
        var codes = string.Join(',', oordeel.DeclaratieAfkeuren.Select(a => a.Code).Distinct(StringComparer.Ordinal));
        BoekOngeboekt(tx, journaalId, invoer, [.. invoer.Prestaties.Select((p, i) => (p, i, codes))]);
    }

    /// <summary>The refusal codes of a line as its JW325 carries them: each once, in check order, comma separated.</summary>
    private static string? Codes(Prestatieoordeel o) => o.IsGoedgekeurd ? null : string.Join(',', o.Afkeuren.Select(a => a.Code).Distinct(StringComparer.Ordinal));

    /// <summary>
    /// The lines never booked (migration 0033, declaratieregels_ongeboekt), in blocks of a multi-row insert: rare (a reused
    /// reference, a declaration refused as a whole), so one plain statement per block on both databases.
    /// </summary>
    private static void BoekOngeboekt(StoreTransactie tx, long journaalId, Declaratieinvoer invoer, List<(Prestatieregel Prestatie, int Volgorde, string? Codes)> regels)
    {
        const int Blok = 200;
        string[] kolommen = ["v", "c", "r", "n", "p", "b", "e", "vo", "u", "be", "rc"];
        for (var start = 0; start < regels.Count; start += Blok)
        {
            var aantal = Math.Min(Blok, regels.Count - start);
            var cmd = tx.Commando($"""
                INSERT INTO declaratieregels_ongeboekt (journaal_id, gemeente, aanbieder, declaratienummer, volgorde, client_bsn, referentienummer, nummer,
                    productcode, begindatum, einddatum, volume, eenheid, bedrag, retourcodes)
                VALUES {Sql.Waarden(aantal, ["@j", "@g", "@a", "@dn", .. kolommen])}
                """);
            var k = 0;
            for (var i = 0; i < aantal; i++)
            {
                var (p, volgorde, codes) = regels[start + i];
                object?[] waarden = [(long)volgorde, p.Bsn, p.ReferentieNummer, p.ToewijzingNummer, p.ProductCode, p.Begindatum, p.Einddatum, p.Volume,
                    p.Eenheid, p.Saldo, codes ?? ""];
                for (var w = 0; w < waarden.Length; w++)
                {
                    cmd.ZetOp(k++, kolommen[w], i, waarden[w]);
                }
            }

            cmd.ZetOp(k++, "j", -1, journaalId);
            cmd.ZetOp(k++, "g", -1, invoer.Gemeente);
            cmd.ZetOp(k++, "a", -1, invoer.Aanbieder);
            cmd.ZetOp(k, "dn", -1, invoer.DeclaratieNummer);
            cmd.ExecuteNonQuery();
        }
    }

    private const string PrestatieInsert = """
        INSERT INTO declaratieprestaties (declaratie_id, gemeente, aanbieder, referentienummer, vorig_referentienummer, nummer, categorie,
            productcode, begindatum, einddatum, volume, eenheid, tarief, bedrag, credit, goedgekeurd, retourcodes, client_bsn, volgorde)
        """;

    /// <summary>
    /// PostgreSQL: <paramref name="blok"/> rows per statement (multi-row VALUES, fewer round trips).
    /// </summary>
    private static void BoekInBlokken(StoreTransactie tx, long id, Declaratieinvoer invoer, List<(Prestatieoordeel Oordeel, int Volgorde)> rijen, int blok)
    {
        string[] kolommen = ["r", "v", "n", "c", "p", "b", "e", "vo", "u", "t", "be", "cr", "ok", "rc", "cb", "vg"];
        for (var start = 0; start < rijen.Count; start += blok)
        {
            var aantal = Math.Min(blok, rijen.Count - start);
            var cmd = tx.Commando($"{PrestatieInsert} VALUES {Sql.Waarden(aantal, ["@id", "@g", "@a", .. kolommen])}");
            var k = 0;
            for (var i = 0; i < aantal; i++)
            {
                var (o, volgorde) = rijen[start + i];
                var p = o.Prestatie;
                cmd.ZetOp(k++, kolommen[0], i, p.ReferentieNummer);
                cmd.ZetOp(k++, kolommen[1], i, p.VorigReferentieNummer);
                cmd.ZetOp(k++, kolommen[2], i, p.ToewijzingNummer);
                cmd.ZetOp(k++, kolommen[3], i, p.Categorie);
                cmd.ZetOp(k++, kolommen[4], i, p.ProductCode);
                cmd.ZetOp(k++, kolommen[5], i, p.Begindatum);
                cmd.ZetOp(k++, kolommen[6], i, p.Einddatum);
                cmd.ZetOp(k++, kolommen[7], i, p.Volume);
                cmd.ZetOp(k++, kolommen[8], i, p.Eenheid);
                cmd.ZetOp(k++, kolommen[9], i, p.Tarief);
                cmd.ZetOp(k++, kolommen[10], i, p.Bedrag);
                cmd.ZetOp(k++, kolommen[11], i, p.IsCredit ? 1L : 0L);
                cmd.ZetOp(k++, kolommen[12], i, o.IsGoedgekeurd ? 1L : 0L);
                cmd.ZetOp(k++, kolommen[13], i, Codes(o));
                cmd.ZetOp(k++, kolommen[14], i, p.Bsn);
                cmd.ZetOp(k++, kolommen[15], i, (long)volgorde);
            }

            cmd.ZetOp(k++, "id", -1, id);
            cmd.ZetOp(k++, "g", -1, invoer.Gemeente);
            cmd.ZetOp(k, "a", -1, invoer.Aanbieder);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// SQLite: one statement prepared once and stepped per row, bound by position through SQLitePCL on the
    /// transaction's own connection (so inside its transaction and savepoint). Through
    /// Microsoft.Data.Sqlite every execution looks up all 19 parameters by name and converts every value
    /// to a fresh UTF-8 array: measured on 100,000 rows that binding took twice the time of the inserts
    /// themselves. Constant columns (declaratie, gemeente, aanbieder) are bound once: a reset keeps them.
    /// </summary>
    private static void BoekSqlite(SqliteConnection verbinding, long id, Declaratieinvoer invoer, List<(Prestatieoordeel Oordeel, int Volgorde)> rijen)
    {
        var db = verbinding.Handle!;
        var rc = raw.sqlite3_prepare_v2(db, $"{PrestatieInsert} VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)", out var stmt);
        SqliteException.ThrowExceptionForRC(rc, db);
        using (stmt)
        {
            Span<byte> buffer = stackalloc byte[256];
            Controleer(raw.sqlite3_bind_int64(stmt, 1, id), db);
            Controleer(Tekst(stmt, 2, invoer.Gemeente, buffer), db);
            Controleer(Tekst(stmt, 3, invoer.Aanbieder, buffer), db);
            foreach (var (o, volgorde) in rijen)
            {
                var p = o.Prestatie;
                Controleer(Tekst(stmt, 4, p.ReferentieNummer, buffer), db);
                Controleer(Tekst(stmt, 5, p.VorigReferentieNummer, buffer), db);
                Controleer(raw.sqlite3_bind_int64(stmt, 6, p.ToewijzingNummer), db);
                Controleer(Tekst(stmt, 7, p.Categorie, buffer), db);
                Controleer(Tekst(stmt, 8, p.ProductCode, buffer), db);
                Controleer(Datum(stmt, 9, p.Begindatum, buffer), db);
                Controleer(Datum(stmt, 10, p.Einddatum, buffer), db);
                Controleer(raw.sqlite3_bind_int64(stmt, 11, p.Volume), db);
                Controleer(Tekst(stmt, 12, p.Eenheid, buffer), db);
                Controleer(p.Tarief is { } tarief ? raw.sqlite3_bind_int64(stmt, 13, tarief) : raw.sqlite3_bind_null(stmt, 13), db);
                Controleer(raw.sqlite3_bind_int64(stmt, 14, p.Bedrag), db);
                Controleer(raw.sqlite3_bind_int64(stmt, 15, p.IsCredit ? 1 : 0), db);
                Controleer(raw.sqlite3_bind_int64(stmt, 16, o.IsGoedgekeurd ? 1 : 0), db);
                Controleer(Tekst(stmt, 17, Codes(o), buffer), db);
                Controleer(Tekst(stmt, 18, p.Bsn, buffer), db);
                Controleer(raw.sqlite3_bind_int64(stmt, 19, volgorde), db);
                rc = raw.sqlite3_step(stmt);
                // Reset before a possible throw: a statement left mid-step would keep the transaction busy.
                raw.sqlite3_reset(stmt);
                if (rc != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(rc, db);
                }
            }
        }
    }

    private static void Controleer(int rc, SQLitePCL.sqlite3 db) => SqliteException.ThrowExceptionForRC(rc, db);

    /// <summary>Binds <paramref name="waarde"/> as UTF-8 text (SQLite copies it); long texts get their own array.</summary>
    private static int Tekst(SQLitePCL.sqlite3_stmt stmt, int index, string? waarde, Span<byte> buffer)
    {
        if (waarde is null)
        {
            return raw.sqlite3_bind_null(stmt, index);
        }

        if (Encoding.UTF8.TryGetBytes(waarde, buffer, out var lengte))
        {
            return raw.sqlite3_bind_text(stmt, index, buffer[..lengte]);
        }

        return raw.sqlite3_bind_text(stmt, index, Encoding.UTF8.GetBytes(waarde));
    }

    /// <summary>A date as Microsoft.Data.Sqlite stores a DateOnly: text yyyy-MM-dd.</summary>
    private static int Datum(SQLitePCL.sqlite3_stmt stmt, int index, DateOnly datum, Span<byte> buffer)
    {
        datum.TryFormat(buffer, out var lengte, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return raw.sqlite3_bind_text(stmt, index, buffer[..lengte]);
    }
}
