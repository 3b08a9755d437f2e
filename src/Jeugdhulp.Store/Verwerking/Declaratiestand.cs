using System.Data.Common;
using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Declaratie;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Verwerking;

/// <summary>
/// Loads what the declaration checks need in bulk and books their outcome. A query per prestatie would
/// make a 100,000-line JW323 take minutes: the provider's allocations come in one query, the earlier
/// prestaties in blocks of <see cref="Blok"/> allocation numbers or references.
/// </summary>
internal static class Declaratiestand
{
    /// <summary>Values per IN list: far below SQLite's and PostgreSQL's parameter limits.</summary>
    private const int Blok = 500;

    private const string PrestatieKolommen =
        "referentienummer, vorig_referentienummer, nummer, categorie, productcode, begindatum, einddatum, volume, bedrag, credit, goedgekeurd";

    public static Declaratiebronnen Laad(StoreTransactie tx, Declaratieinvoer invoer, Regelcatalogus catalogus, DateOnly vandaag)
    {
        var (g, a) = (invoer.Gemeente, invoer.Aanbieder);
        var toewijzingen = Staat.VanAanbieder(tx, g, a);
        var nummers = invoer.Prestaties.Select(p => p.ToewijzingNummer).Distinct().ToList();

        // Numbers that are not this provider's: another provider's allocation is TR304, none at all TR338.
        var anderen = new HashSet<long>();
        foreach (var r in InBlokken(tx, "SELECT nummer FROM toewijzingen WHERE gemeente = @g AND actueel = 1 AND nummer IN ({0})", g, null,
                     nummers.Where(n => !toewijzingen.ContainsKey(n)).Select(n => (object)n).ToList()))
        {
            anderen.Add(r.GetInt64(0));
        }

        var eerdere = new List<GeboektePrestatie>();
        foreach (var r in InBlokken(tx, $"SELECT {PrestatieKolommen} FROM declaratieprestaties WHERE gemeente = @g AND aanbieder = @a AND goedgekeurd = 1 AND nummer IN ({{0}})",
                     g, a, nummers.Where(toewijzingen.ContainsKey).Select(n => (object)n).ToList()))
        {
            eerdere.Add(LeesPrestatie(r));
        }

        var referenties = invoer.Prestaties.Select(p => p.ReferentieNummer)
            .Concat(invoer.Prestaties.Where(p => p.VorigReferentieNummer is not null).Select(p => p.VorigReferentieNummer!))
            .Distinct(StringComparer.Ordinal).Select(r => (object)r).ToList();
        foreach (var r in InBlokken(tx, $"SELECT {PrestatieKolommen} FROM declaratieprestaties WHERE gemeente = @g AND aanbieder = @a AND referentienummer IN ({{0}})",
                     g, a, referenties))
        {
            eerdere.Add(LeesPrestatie(r));
        }

        var bekend = tx.Commando("SELECT COUNT(*) FROM declaraties WHERE gemeente = @g AND aanbieder = @a AND declaratienummer = @n")
            .Met("@g", g).Met("@a", a).Met("@n", invoer.DeclaratieNummer).LeesLongOfNull() > 0;

        return new Declaratiebronnen(toewijzingen.ToDictionary(t => t.Key, t => t.Value), anderen, eerdere, Contracten(tx, g, a), catalogus, bekend, vandaag);
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

    private static GeboektePrestatie LeesPrestatie(DbDataReader r) => new(
        r.GetString(0), r.TekstOfNull(1), r.GetInt64(2), r.GetString(3), r.GetString(4), r.GetFieldValue<DateOnly>(5), r.GetFieldValue<DateOnly>(6),
        r.GetInt64(7), r.GetInt64(8), r.GetInt64(9) == 1, r.GetInt64(10) == 1);

    /// <summary>Runs <paramref name="sql"/> (with "{0}" for the IN list) once per block of values; yields every row.</summary>
    private static IEnumerable<DbDataReader> InBlokken(StoreTransactie tx, string sql, string gemeente, string? aanbieder, List<object> waarden)
    {
        for (var start = 0; start < waarden.Count; start += Blok)
        {
            var aantal = Math.Min(Blok, waarden.Count - start);
            var cmd = tx.Commando(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql,
                string.Join(", ", Enumerable.Range(0, aantal).Select(i => "@v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
            cmd.Met("@g", gemeente);
            if (aanbieder is not null)
            {
                cmd.Met("@a", aanbieder);
            }

            for (var i = 0; i < aantal; i++)
            {
                cmd.Met("@v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), waarden[start + i]);
            }

            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                yield return r;
            }
        }
    }

    /// <summary>
    /// Books an assessed declaration: the declaratie and its prestaties with their outcome. A prestatie
    /// refused for a used ReferentieNummer (8021) is not stored: the number belongs to the earlier one.
    /// </summary>
    public static void Boek(StoreTransactie tx, long journaalId, Declaratieinvoer invoer, long ingediend, Declaratieoordeel oordeel)
    {
        var id = tx.Commando("""
            INSERT INTO declaraties (journaal_id, gemeente, aanbieder, declaratienummer, begindatum, einddatum, dagtekening, ingediend, toegekend)
            VALUES (@j, @g, @a, @n, @b, @e, @d, @i, @t) RETURNING id
            """)
            .Met("@j", journaalId).Met("@g", invoer.Gemeente).Met("@a", invoer.Aanbieder).Met("@n", invoer.DeclaratieNummer)
            .Met("@b", invoer.PeriodeBegin).Met("@e", invoer.PeriodeEind).Met("@d", invoer.Dagtekening).Met("@i", ingediend)
            .Met("@t", oordeel.TotaalToegekend).LeesLongOfNull()!.Value;

        var rijen = oordeel.Prestaties.Where(p => !p.Afkeuren.Any(a => a.Code == Declaratiecodes.ReferentieAlAangeleverd)).ToList();
        var blok = Math.Max(1, tx.Store.Provider.RijenPerInsert);
        string[] kolommen = ["r", "v", "n", "c", "p", "b", "e", "vo", "u", "t", "be", "cr", "ok", "rc"];
        for (var start = 0; start < rijen.Count; start += blok)
        {
            var aantal = Math.Min(blok, rijen.Count - start);
            var cmd = tx.Commando($"""
                INSERT INTO declaratieprestaties (declaratie_id, gemeente, aanbieder, referentienummer, vorig_referentienummer, nummer, categorie,
                    productcode, begindatum, einddatum, volume, eenheid, tarief, bedrag, credit, goedgekeurd, retourcodes)
                VALUES {Sql.Waarden(aantal, ["@id", "@g", "@a", .. kolommen])}
                """);
            var k = 0;
            for (var i = 0; i < aantal; i++)
            {
                var o = rijen[start + i];
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
                cmd.ZetOp(k++, kolommen[13], i, o.IsGoedgekeurd ? null : string.Join(',', o.Afkeuren.Select(a => a.Code).Distinct(StringComparer.Ordinal)));
            }

            cmd.ZetOp(k++, "id", -1, id);
            cmd.ZetOp(k++, "g", -1, invoer.Gemeente);
            cmd.ZetOp(k, "a", -1, invoer.Aanbieder);
            cmd.ExecuteNonQuery();
        }
    }
}
