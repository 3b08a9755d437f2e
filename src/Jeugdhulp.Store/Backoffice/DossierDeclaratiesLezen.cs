using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Backoffice;

/// <summary>
/// What was declared and paid on one allocation in one month: approved volume (credits subtracted), the
/// approved amount (= paid) and the refused amount, in eurocent with sign (credit negative).
/// </summary>
public sealed record Declaratiemaand(long ToewijzingNummer, DateOnly Maand, string Eenheid, long GoedgekeurdVolume, long BetaaldCent, long AfgewezenCent);

/// <summary>One page of a client's declared lines (newest first), their total count and the month totals of all of them.</summary>
public sealed record DossierDeclaraties(IReadOnlyList<Declaratieregel> Regels, int Totaal, IReadOnlyList<Declaratiemaand> Maanden);

/// <summary>
/// A client's declarations for the dossier from the booked prestaties (migration 0004, written with the JW325 in
/// the pipeline's transaction), by the client's allocation numbers (index declaratieprestaties_nummer, migration
/// 0024): one page of lines and the month totals, never a parse of the journal. A JW323 refused as a whole (no
/// prestatie booked) is not about an allocation and shows on the Declaraties page only.
/// </summary>
public static class DossierDeclaratiesLezen
{
    private const string Client = """
        p.gemeente = @gemeente AND p.nummer IN (SELECT t.nummer FROM toewijzingen t WHERE t.gemeente = @gemeente AND t.client_bsn = @bsn)
        """;

    private static readonly string Query = $"""
        SELECT p.aanbieder, d.declaratienummer, j.ontvangen_op, p.nummer, p.productcode, p.begindatum, p.einddatum, p.volume, p.eenheid,
            p.bedrag, p.credit, p.retourcodes, d.journaal_id, p.referentienummer, d.regelversie
        FROM declaratieprestaties p JOIN declaraties d ON d.gemeente = p.gemeente AND d.id = p.declaratie_id JOIN journaal j ON j.id = d.journaal_id
        WHERE {Client}
        ORDER BY j.ontvangen_op DESC, p.id DESC LIMIT @max OFFSET @offset;
        SELECT COUNT(*) FROM declaratieprestaties p WHERE {Client};
        SELECT p.nummer, p.begindatum, p.eenheid, p.goedgekeurd, p.credit, CAST(SUM(p.volume) AS BIGINT), CAST(SUM(p.bedrag) AS BIGINT)
        FROM declaratieprestaties p WHERE {Client}
        GROUP BY p.nummer, p.begindatum, p.eenheid, p.goedgekeurd, p.credit
        """;

    /// <summary>Page <paramref name="pagina"/> (1-based) of <paramref name="perPagina"/> lines about <paramref name="client"/>, with the month totals.</summary>
    public static DossierDeclaraties LeesDossierDeclaraties(this StoreTransactie tx, Gemeentecode gemeente, Bsn client, int pagina, int perPagina)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentOutOfRangeException.ThrowIfLessThan(pagina, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perPagina, 1);
        var regels = new List<Declaratieregel>();
        var totaal = 0;
        var maanden = new Dictionary<(long, DateOnly, string), (long Volume, long Betaald, long Afgewezen)>();
        using (var r = tx.Commando(Query).Met("@gemeente", gemeente.Waarde).Met("@bsn", client.Waarde)
            .Met("@max", (long)perPagina).Met("@offset", (long)(pagina - 1) * perPagina).ExecuteReader())
        {
            while (r.Read())
            {
                var teken = r.GetInt64(10) == 1 ? -1 : 1;
                var codes = r.TekstOfNull(11) is { Length: > 0 } c ? c.Split(',') : [];
                regels.Add(new Declaratieregel(r.GetString(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), client, r.GetInt64(3), r.GetString(4),
                    r.GetFieldValue<DateOnly>(5), r.GetFieldValue<DateOnly>(6), r.GetInt64(7), r.GetString(8), teken * r.GetInt64(9), codes, Beantwoord: true)
                {
                    JournaalId = r.GetInt64(12),
                    ReferentieNummer = r.GetString(13),
                    Regelversie = r.TekstOfNull(14),
                });
            }

            r.NextResult();
            if (r.Read())
            {
                totaal = checked((int)r.GetInt64(0));
            }

            r.NextResult();
            while (r.Read())
            {
                var begin = r.GetFieldValue<DateOnly>(1);
                var sleutel = (r.GetInt64(0), new DateOnly(begin.Year, begin.Month, 1), r.GetString(2));
                var teken = r.GetInt64(4) == 1 ? -1 : 1;
                var (volume, betaald, afgewezen) = maanden.GetValueOrDefault(sleutel);
                maanden[sleutel] = r.GetInt64(3) == 1
                    ? (volume + (teken * r.GetInt64(5)), betaald + (teken * r.GetInt64(6)), afgewezen)
                    : (volume, betaald, afgewezen + (teken * r.GetInt64(6)));
            }
        }

        return new DossierDeclaraties(regels, totaal,
            [.. maanden.OrderBy(m => m.Key.Item2).ThenBy(m => m.Key.Item1)
                .Select(m => new Declaratiemaand(m.Key.Item1, m.Key.Item2, m.Key.Item3, m.Value.Volume, m.Value.Betaald, m.Value.Afgewezen))]);
    }
}
