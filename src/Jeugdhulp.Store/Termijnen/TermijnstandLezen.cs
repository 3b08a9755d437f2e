using System.Globalization;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Lezen;
using Jeugdhulp.Store.Inhoud;
using Jeugdhulp.Store.NoShow;

namespace Jeugdhulp.Store.Termijnen;

/// <summary>
/// Reads the state the deadline watch needs from the pipeline's tables, in one transaction and a fixed
/// number of commands (no query per allocation): request lines in review with their journal receipt time;
/// every current allocation with its JW305/JW307 flags, delivery periods, declared months, route of origin and
/// withdrawal, and the client's birth date; received messages without their retour or JW325 (kept by triggers in
/// <c>termijnen_onbeantwoord</c>, migration 0029, instead of a scan of the whole journal); third no-shows without a decision; JW317s
/// not rejected; the declared months from the booked prestaties (approved or refused). What the pipeline does
/// not store as columns is read from the journalled messages: the JW317 effect dates, the
/// referral date of a JW315 in review and the client of an unanswered message (rare: the pipeline answers
/// in the same transaction).
/// </summary>
public static partial class TermijnstandLezen
{
    // The received bytes are read under their municipality (the partition key on PostgreSQL, migration 0039): a request
    // line's municipality is its message's receiver (both are the header's Ontvanger), so with the municipality given the
    // planner reads that one partition.
    private const string Query = """
        SELECT v.berichtcode, v.gemeente, v.aanbieder, v.client_bsn, v.referentie, j.ontvangen_op,
            CASE WHEN EXISTS (SELECT 1 FROM verzoekbevindingen b WHERE b.journaal_id = v.journaal_id AND b.volgnummer = v.volgnummer AND b.gemeente = v.gemeente
                AND b.beoordelen IS NOT NULL AND b.beoordelen LIKE '% HK-315-4 %') THEN 1 ELSE 0 END, v.volgnummer,
            v.verwijzer_type, CASE WHEN v.berichtcode = 'JW315' AND v.verwijzer_type IN (2, 3, 5) THEN ji.inhoud END, v.onderzoek_tot
        FROM verzoeken v JOIN journaal j ON j.id = v.journaal_id JOIN journaalinhoud ji ON ji.journaal_id = j.id AND ji.gemeente = v.gemeente
        WHERE v.status = 'review' AND (@gemeente = '' OR v.gemeente = @gemeente) AND (@bsn = '' OR v.client_bsn = @bsn);
        SELECT t.gemeente, t.nummer, t.aanbieder, t.client_bsn, t.productcode, t.ingangsdatum, t.einddatum,
            CASE WHEN EXISTS (SELECT 1 FROM startstop s WHERE s.gemeente = t.gemeente AND s.nummer = t.nummer AND s.soort = 'start' AND s.actief = 1) THEN 1 ELSE 0 END,
            CASE WHEN EXISTS (SELECT 1 FROM startstop s WHERE s.gemeente = t.gemeente AND s.nummer = t.nummer AND s.soort = 'stop' AND s.actief = 1) THEN 1 ELSE 0 END,
            COALESCE(c.geboortedatum, i.geboortedatum), t.herkomst, t.reden_wijziging,
            (SELECT MIN(v.toewijzingsdatum) FROM toewijzingen v WHERE v.gemeente = t.gemeente AND v.nummer = t.nummer)
        FROM toewijzingen t
        LEFT JOIN clienten c ON c.gemeente = t.gemeente AND c.bsn = t.client_bsn
        LEFT JOIN inwoners i ON i.bsn = t.client_bsn
        WHERE t.actueel = 1 AND (@gemeente = '' OR t.gemeente = @gemeente) AND (@bsn = '' OR t.client_bsn = @bsn);
        SELECT s.gemeente, s.nummer, s.begindatum,
            (SELECT MIN(e.einddatum) FROM startstop e WHERE e.gemeente = s.gemeente AND e.nummer = s.nummer AND e.soort = 'stop'
                AND e.begindatum = s.begindatum AND e.actief = 1)
        FROM startstop s WHERE s.soort = 'start' AND s.actief = 1 AND (@gemeente = '' OR s.gemeente = @gemeente)
            AND (@bsn = '' OR s.nummer IN (SELECT x.nummer FROM toewijzingen x WHERE x.gemeente = s.gemeente AND x.client_bsn = @bsn));
        SELECT j.berichtcode, j.ontvanger, j.afzender, j.identificatie, j.ontvangen_op, ji.inhoud
        FROM termijnen_onbeantwoord o JOIN journaal j ON j.id = o.journaal_id JOIN journaalinhoud ji ON ji.journaal_id = j.id AND ji.gemeente = j.ontvanger
        WHERE (@gemeente = '' OR o.gemeente = @gemeente) AND @gemeentedeel = 1;
        SELECT DISTINCT p.gemeente, p.nummer, p.begindatum, p.einddatum FROM declaratieprestaties p WHERE (@gemeente = '' OR p.gemeente = @gemeente)
            AND (@bsn = '' OR p.nummer IN (SELECT x.nummer FROM toewijzingen x WHERE x.gemeente = p.gemeente AND x.client_bsn = @bsn));
        SELECT v.gemeente, v.aanbieder, v.referentie, v.client_bsn, j.ontvangen_op, ji.inhoud
        FROM verzoeken v JOIN journaal j ON j.id = v.journaal_id JOIN journaalinhoud ji ON ji.journaal_id = j.id AND ji.gemeente = v.gemeente
        WHERE v.berichtcode = 'JW317' AND v.uitkomst <> 'rejected' AND (@gemeente = '' OR v.gemeente = @gemeente) AND (@bsn = '' OR v.client_bsn = @bsn)
        """;

    /// <summary>
    /// The snapshot of the whole store, or of one municipality (its requests, allocations, received messages,
    /// no-shows and JW317s; the providers' obligations towards it included), cut in SQL so a page of one
    /// gemeente never reads the region. Rows with an unreadable BSN or product code are skipped (the pipeline never writes them).
    /// </summary>
    /// <remarks>
    /// With <paramref name="client"/> the big parts (requests, allocations, starts, declared months, JW317s) are cut
    /// to that client in SQL too, for the dossier; the small rest is read for the municipality, so the caller
    /// filters the obligations on the client (<see cref="OpenVerplichtingenLezen"/> does).
    /// </remarks>
    public static Termijnstand LeesTermijnstand(this Datastore store, Gemeentecode? gemeente = null, Bsn? client = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var tx = store.BeginTransactie();
        var stand = Lees(tx, gemeente, client, alleenVuil: false);
        tx.Commit();
        return stand;
    }

    /// <summary>The statements <see cref="Lees"/> runs: for a municipality or not, a client or not, the marked clients or not.</summary>
    internal static string Sql(bool gemeente, bool client, bool alleenVuil)
    {
        // "(@x = '' OR col = @x)" keeps one text for every caller, but no database uses an index for an OR with a
        // parameter: with a municipality or client given, the plain condition (bench/RESULTS.md, issue 18).
        // With a municipality given, the starts' and declared months' subquery names it too instead of the row's: correlated
        // on the row (x.gemeente = s.gemeente), PostgreSQL ran it once per start or prestatie of the municipality — 88,000 and
        // 294,000 times, 29 s for 100 marked clients at national size, past the 30 s command timeout; uncorrelated it runs
        // once (1–4 ms; SQLite the same as before). bench/RESULTS.md, session 21.
        var sql = !gemeente ? Query : Query.Replace("(@gemeente = '' OR ", "(", StringComparison.Ordinal)
            .Replace("x.gemeente = s.gemeente", "x.gemeente = @gemeente", StringComparison.Ordinal)
            .Replace("x.gemeente = p.gemeente", "x.gemeente = @gemeente", StringComparison.Ordinal);
        sql = !client && !alleenVuil ? sql : sql.Replace("(@bsn = '' OR ", "(", StringComparison.Ordinal);
        sql = alleenVuil ? sql.Replace(" = @bsn)", " IN (SELECT w.bsn FROM termijnen_vuil w WHERE w.gemeente = @gemeente))", StringComparison.Ordinal) : sql;
        return sql;
    }

    /// <summary>
    /// The snapshot within <paramref name="tx"/>. With <paramref name="alleenVuil"/> the per-client parts are cut to the
    /// clients of <paramref name="gemeente"/> marked in <c>termijnen_vuil</c> (<see cref="Termijnrijen"/>, migration 0022),
    /// in SQL; the municipality-wide parts are read whole, as for one client.
    /// </summary>
    /// <remarks>
    /// Without <paramref name="metGemeentedeel"/> the municipality-wide parts (unanswered messages, no-show decisions,
    /// 24-hour care, conversion work) are left empty: a recompute of marked clients only does not need them.
    /// </remarks>
    internal static Termijnstand Lees(StoreTransactie tx, Gemeentecode? gemeente, Bsn? client, bool alleenVuil, bool metGemeentedeel = true)
    {
        var verzoeken = new List<WachtendVerzoek>();
        var toewijzingen = new List<LopendeToewijzing>();
        var geboortedata = new Dictionary<Bsn, DateOnly>();
        var leveringen = new Dictionary<(string, long), List<Periode>>();
        var onbeantwoord = new List<OnbeantwoordBericht>();
        var gedeclareerd = new Dictionary<(string, long), HashSet<DateOnly>>();
        var jw317 = new List<(string Gemeente, string Aanbieder, string Referentie, Bsn Client, DateOnly Ontvangen, byte[] Inhoud)>();
        var sql = Sql(gemeente is not null, client is not null, alleenVuil);
        using (var r = tx.Commando(sql).Met("@gemeente", gemeente?.Waarde ?? "").Met("@bsn", client?.Waarde ?? "")
            .Met("@gemeentedeel", metGemeentedeel ? 1 : 0).ExecuteReader())
        {
            while (r.Read())
            {
                if (Bsn.Parse(r.GetString(3)).TryGet(out var bsn))
                {
                    var verwezen = r.IsDBNull(9) ? null : Verwijsdatum(Inhoudsvorm.Lees(r, 9), checked((int)r.GetInt64(7)));
                    verzoeken.Add(new WachtendVerzoek(r.GetString(0), r.GetString(1), r.GetString(2), bsn, r.GetString(4),
                        Ontvangstdag.Van(r.GetFieldValue<DateTimeOffset>(5)), r.GetInt64(6) == 1, verwezen, r.DatumOfNull(10)));
                }
            }

            r.NextResult();
            var rijen = new List<(string Gemeente, long Nummer, string Aanbieder, Bsn Client, ProductCode Product, DateOnly Ingang, DateOnly? Eind, bool Start, bool Stop,
                VerwijzerType Herkomst, bool Verwijderd, DateOnly? Toegewezen)>();
            while (r.Read())
            {
                if (!Bsn.Parse(r.GetString(3)).TryGet(out var bsn) || !ProductCode.Parse(r.GetString(4)).TryGet(out var product))
                {
                    continue;
                }

                rijen.Add((r.GetString(0), r.GetInt64(1), r.GetString(2), bsn, product, r.GetFieldValue<DateOnly>(5), r.DatumOfNull(6),
                    Waar(r.GetValue(7)), Waar(r.GetValue(8)), (VerwijzerType)r.GetInt64(10), r.TekstOfNull(11) == VastgelegdeToewijzing.Verwijderd,
                    r.DatumOfNull(12)));
                if (r.DatumOfNull(9) is { } geboren)
                {
                    geboortedata[bsn] = geboren;
                }
            }

            r.NextResult();
            while (r.Read())
            {
                if (Periode.Maak(r.GetFieldValue<DateOnly>(2), r.DatumOfNull(3)).TryGet(out var periode))
                {
                    var sleutel = (r.GetString(0), r.GetInt64(1));
                    (leveringen.TryGetValue(sleutel, out var l) ? l : leveringen[sleutel] = []).Add(periode);
                }
            }

            r.NextResult();
            while (r.Read())
            {
                onbeantwoord.Add(new OnbeantwoordBericht(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
                    r.GetString(0) == "JW323" ? null : Client(Inhoudsvorm.Lees(r, 5)), Ontvangstdag.Van(r.GetFieldValue<DateTimeOffset>(4))));
            }

            r.NextResult();
            while (r.Read())
            {
                var sleutel = (r.GetString(0), r.GetInt64(1));
                var maanden = gedeclareerd.TryGetValue(sleutel, out var m) ? m : gedeclareerd[sleutel] = [];
                var eind = r.GetFieldValue<DateOnly>(3);
                var begin = r.GetFieldValue<DateOnly>(2);
                for (var maand = new DateOnly(begin.Year, begin.Month, 1); maand <= eind; maand = maand.AddMonths(1))
                {
                    maanden.Add(maand);
                }
            }

            r.NextResult();
            while (r.Read())
            {
                if (Bsn.Parse(r.GetString(3)).TryGet(out var bsn))
                {
                    jw317.Add((r.GetString(0), r.GetString(1), r.GetString(2), bsn, Ontvangstdag.Van(r.GetFieldValue<DateTimeOffset>(4)), Inhoudsvorm.Lees(r, 5)));
                }
            }

            foreach (var t in rijen)
            {
                toewijzingen.Add(new LopendeToewijzing(t.Gemeente, t.Nummer, t.Aanbieder, t.Client, t.Product, t.Ingang, t.Eind, t.Start, t.Stop,
                    leveringen.GetValueOrDefault((t.Gemeente, t.Nummer)), gedeclareerd.GetValueOrDefault((t.Gemeente, t.Nummer)), t.Toegewezen)
                {
                    Herkomst = t.Herkomst,
                    IsVerwijderd = t.Verwijderd,
                });
            }
        }

        var huidig = toewijzingen.ToDictionary(t => (t.Gemeente, t.Nummer));
        var wijzigingen = jw317.Select(w => new OntvangenWijziging(w.Gemeente, w.Aanbieder, w.Referentie, w.Client, w.Ontvangen,
            Ingangen(w.Inhoud, w.Gemeente, huidig))).Where(w => w.Ingangen.Count > 0).ToList();
        if (!metGemeentedeel)
        {
            return new Termijnstand(verzoeken, toewijzingen, geboortedata, [], [], wijzigingen, null, []);
        }

        var noShows = NoShowsLezen.Derden(tx, gemeente?.Waarde).Where(n => n.Besluit is null)
            .Select(n => new OpenNoShowBesluit(n.Gemeente, n.ToewijzingNummer, n.Client, n.Product, n.GemeldOp)).ToList();
        // The 24-hour records (migration 0012): their deadlines and the placed youths' birth dates (HK-24-AANMELDING-18).
        var verblijf = Verblijf.VerblijfLezen.Lees(tx, gemeente?.Waarde);
        foreach (var (bsn, geboren) in verblijf.Geboortedata)
        {
            geboortedata.TryAdd(bsn, geboren);
        }

        // HK-CONV-3: open conversion work of providers without a regional contract (migration 0013), with its deadline.
        var conversie = new List<ContractlozeConversie>();
        using (var r = tx.Commando("""
            SELECT gemeente, nummer, aanbieder, client_bsn, uiterlijk FROM conversie_uitgevoerd
            WHERE status = 'open' AND werk = 'HK-CONV-3' AND uiterlijk IS NOT NULL AND (@gemeente = '' OR gemeente = @gemeente)
            """).Met("@gemeente", gemeente?.Waarde ?? "").ExecuteReader())
        {
            while (r.Read())
            {
                if (Bsn.Parse(r.GetString(3)).TryGet(out var eigenaar))
                {
                    conversie.Add(new ContractlozeConversie(r.GetString(0), r.GetInt64(1), r.GetString(2), eigenaar, r.GetFieldValue<DateOnly>(4)));
                }
            }
        }

        return new Termijnstand(verzoeken, toewijzingen, geboortedata, onbeantwoord, noShows, wijzigingen, verblijf.Stand, conversie);
    }

    private static bool Waar(object waarde) => Convert.ToInt64(waarde, CultureInfo.InvariantCulture) == 1;

    /// <summary>
    /// HK-ROUTE-1 "when known": iJw 3.2 has no referral date. The region's convention is that a provider in
    /// the medical route writes it in the product request's Commentaar as "verwijsdatum yyyy-mm-dd"
    /// (<see cref="Core.Toewijzing.Verwijsdatum"/>).
    /// </summary>
    private static DateOnly? Verwijsdatum(byte[] inhoud, int volgnummer)
    {
        if (IjwLezer.Lees(inhoud).TryGet(out var b) && b is VerzoekOmToewijzingBericht { Client: { } k }
            && volgnummer >= 1 && volgnummer <= k.AangevraagdeProducten.Count
            && Core.Toewijzing.Verwijsdatum.UitCommentaar(k.AangevraagdeProducten[volgnummer - 1].Commentaar).TryGet(out var datum))
        {
            return datum;
        }

        return null;
    }

    /// <summary>The client of a single-client message (JW315, JW317, JW305, JW307) that has no answer yet.</summary>
    private static Bsn? Client(byte[] inhoud)
    {
        if (!IjwLezer.Lees(inhoud).TryGet(out var b))
        {
            return null;
        }

        var bsn = b switch
        {
            VerzoekOmToewijzingBericht x => x.Client?.Bsn,
            VerzoekOmWijzigingBericht x => x.Client?.Bsn,
            StartBericht x => x.Client?.Bsn,
            StopBericht x => x.Client?.Bsn,
            _ => null,
        };
        return Bsn.Parse(bsn).TryGet(out var client) ? client : null;
    }

    /// <summary>
    /// The days a JW317's changes take effect (HK-317-4): each new product, and each changed line whose
    /// desired start is not the allocation's own start (a pure end-date move keeps the start).
    /// </summary>
    private static List<(ProductCode, DateOnly)> Ingangen(byte[] inhoud, string gemeente, Dictionary<(string, long), LopendeToewijzing> huidig)
    {
        var lijst = new List<(ProductCode, DateOnly)>();
        if (!IjwLezer.Lees(inhoud).TryGet(out var b) || b is not VerzoekOmWijzigingBericht { Client: { } k })
        {
            return lijst;
        }

        foreach (var t in k.Verzoek.TeWijzigenProducten)
        {
            if (huidig.TryGetValue((gemeente, t.ToewijzingNummer), out var oud) && t.GewensteIngangsdatum != oud.Ingangsdatum)
            {
                lijst.Add((oud.Product, t.GewensteIngangsdatum));
            }
        }

        foreach (var n in k.Verzoek.NieuweProducten)
        {
            if (ProductCode.Parse(n.Product?.Code).TryGet(out var product))
            {
                lijst.Add((product, n.GewensteIngangsdatum));
            }
        }

        return lijst;
    }
}
