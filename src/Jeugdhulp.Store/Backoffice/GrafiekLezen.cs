using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Backoffice;

/// <summary>Approved prestaties of one provider and product with the same period, unit and sign, their volumes summed.</summary>
/// <param name="Aanbieder">Provider (AGB).</param>
/// <param name="Productcode">Product.</param>
/// <param name="Begindatum">Start of the declared period.</param>
/// <param name="Einddatum">End of the declared period.</param>
/// <param name="Eenheid">Unit code of the volume.</param>
/// <param name="Credit">True for credit lines (they take their volume back).</param>
/// <param name="Volume">The summed delivered volumes (without sign).</param>
public sealed record Gedeclareerdgroep(string Aanbieder, string Productcode, DateOnly Begindatum, DateOnly Einddatum, string Eenheid, bool Credit, long Volume);

/// <summary>What the minutes chart draws for one municipality and year, aggregated by the database.</summary>
/// <param name="Toegewezen">Every current allocation with a volume, grouped by provider, product, period, unit and frequency (volumes summed).</param>
/// <param name="Gedeclareerd">The approved prestaties whose period overlaps the year, grouped.</param>
public sealed record Grafiekdata(IReadOnlyList<Toewijzingsgroep> Toegewezen, IReadOnlyList<Gedeclareerdgroep> Gedeclareerd);

/// <summary>
/// The Grafieken page's reading: two GROUP BY queries on the allocations and the booked prestaties (migration
/// 0004, written with the JW325), each read from a covering index (migration 0026), so the page's cost grows with
/// the number of distinct periods, not with clients or lines, and no message is parsed. Spreading a group over the
/// months is linear in its volume, so the chart equals the sum of its lines.
/// </summary>
public static class GrafiekLezen
{
    private const string Query = """
        SELECT aanbieder, productcode, ingangsdatum, einddatum, eenheid, frequentie, CAST(SUM(volume) AS BIGINT), COUNT(*)
        FROM toewijzingen
        WHERE gemeente = @gemeente AND actueel = 1 AND volume IS NOT NULL
        GROUP BY aanbieder, productcode, ingangsdatum, einddatum, eenheid, frequentie;
        SELECT aanbieder, productcode, begindatum, einddatum, eenheid, credit, CAST(SUM(volume) AS BIGINT)
        FROM declaratieprestaties
        WHERE gemeente = @gemeente AND goedgekeurd = 1 AND begindatum <= @laatste AND einddatum >= @eerste
        GROUP BY aanbieder, productcode, begindatum, einddatum, eenheid, credit
        """;

    /// <summary>The chart's groups of <paramref name="gemeente"/> for <paramref name="jaar"/>.</summary>
    public static Grafiekdata LeesGrafiek(this Datastore store, Gemeentecode gemeente, int jaar)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var sessie = store.OpenSessie();
        var toegewezen = new List<Toewijzingsgroep>();
        var gedeclareerd = new List<Gedeclareerdgroep>();
        using var r = sessie.Commando(Query).Met("@gemeente", gemeente.Waarde)
            .Met("@eerste", new DateOnly(jaar, 1, 1)).Met("@laatste", new DateOnly(jaar, 12, 31)).ExecuteReader();
        while (r.Read())
        {
            toegewezen.Add(new Toewijzingsgroep(r.GetString(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), r.DatumOfNull(3), r.GetString(4), r.GetString(5),
                r.GetInt64(6), 0, checked((int)r.GetInt64(7))));
        }

        r.NextResult();
        while (r.Read())
        {
            gedeclareerd.Add(new Gedeclareerdgroep(r.GetString(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), r.GetFieldValue<DateOnly>(3), r.GetString(4),
                r.GetInt64(5) == 1, r.GetInt64(6)));
        }

        return new Grafiekdata(toegewezen, gedeclareerd);
    }
}
