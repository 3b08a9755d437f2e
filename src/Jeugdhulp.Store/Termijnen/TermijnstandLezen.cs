using System.Globalization;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Termijnen;

/// <summary>
/// Reads the state the deadline watch needs from the pipeline's tables in one command (two result sets,
/// one round trip, no query per allocation): request lines in review with their journal receipt time, and
/// every current allocation with whether an active JW305/JW307 is recorded and the client's birth date.
/// </summary>
public static class TermijnstandLezen
{
    private const string Query = """
        SELECT v.berichtcode, v.gemeente, v.aanbieder, v.client_bsn, v.referentie, j.ontvangen_op
        FROM verzoeken v JOIN journaal j ON j.id = v.journaal_id
        WHERE v.status = 'review';
        SELECT t.gemeente, t.nummer, t.aanbieder, t.client_bsn, t.productcode, t.ingangsdatum, t.einddatum,
            CASE WHEN EXISTS (SELECT 1 FROM startstop s WHERE s.gemeente = t.gemeente AND s.nummer = t.nummer AND s.soort = 'start' AND s.actief = 1) THEN 1 ELSE 0 END,
            CASE WHEN EXISTS (SELECT 1 FROM startstop s WHERE s.gemeente = t.gemeente AND s.nummer = t.nummer AND s.soort = 'stop' AND s.actief = 1) THEN 1 ELSE 0 END,
            COALESCE(c.geboortedatum, i.geboortedatum)
        FROM toewijzingen t
        LEFT JOIN clienten c ON c.gemeente = t.gemeente AND c.bsn = t.client_bsn
        LEFT JOIN inwoners i ON i.bsn = t.client_bsn
        WHERE t.actueel = 1
        """;

    // Receipt days are Dutch days: a message at 23:30 UTC in summer arrived the next day in the Netherlands.
    private static readonly TimeZoneInfo Nederland = Zone();

    /// <summary>The snapshot of the whole store. Rows with an unreadable BSN or product code are skipped (the pipeline never writes them).</summary>
    public static Termijnstand LeesTermijnstand(this Datastore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var tx = store.BeginTransactie();
        var verzoeken = new List<WachtendVerzoek>();
        var toewijzingen = new List<LopendeToewijzing>();
        var geboortedata = new Dictionary<Bsn, DateOnly>();
        using (var r = tx.Commando(Query).ExecuteReader())
        {
            while (r.Read())
            {
                if (Bsn.Parse(r.GetString(3)).TryGet(out var bsn))
                {
                    var ontvangen = TimeZoneInfo.ConvertTime(r.GetFieldValue<DateTimeOffset>(5), Nederland);
                    verzoeken.Add(new WachtendVerzoek(r.GetString(0), r.GetString(1), r.GetString(2), bsn, r.GetString(4),
                        DateOnly.FromDateTime(ontvangen.DateTime)));
                }
            }

            r.NextResult();
            while (r.Read())
            {
                if (!Bsn.Parse(r.GetString(3)).TryGet(out var bsn) || !ProductCode.Parse(r.GetString(4)).TryGet(out var product))
                {
                    continue;
                }

                toewijzingen.Add(new LopendeToewijzing(r.GetString(0), r.GetInt64(1), r.GetString(2), bsn, product,
                    r.GetFieldValue<DateOnly>(5), r.DatumOfNull(6), Waar(r.GetValue(7)), Waar(r.GetValue(8))));
                if (r.DatumOfNull(9) is { } geboren)
                {
                    geboortedata[bsn] = geboren;
                }
            }
        }

        tx.Commit();
        return new Termijnstand(verzoeken, toewijzingen, geboortedata);
    }

    private static bool Waar(object waarde) => Convert.ToInt64(waarde, CultureInfo.InvariantCulture) == 1;

    private static TimeZoneInfo Zone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
