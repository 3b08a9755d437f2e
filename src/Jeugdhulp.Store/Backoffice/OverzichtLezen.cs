using System.Data.Common;
using System.Globalization;
using Jeugdhulp.Core.NoShow;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Tijd;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Backoffice;

/// <summary>
/// Current allocations of one provider and product that share period, unit and frequency, summed: the
/// overzicht spreads them over the months and prices them at the contract tariff.
/// </summary>
/// <param name="Aanbieder">Provider (AGB).</param>
/// <param name="Productcode">Product.</param>
/// <param name="Ingangsdatum">Start of the allocations.</param>
/// <param name="Einddatum">End; null for an open end.</param>
/// <param name="Eenheid">Unit code of the volume (null for a budget allocation).</param>
/// <param name="Frequentie">Frequency code of the volume (null for a budget allocation).</param>
/// <param name="Volume">The summed volumes (0 for budget allocations).</param>
/// <param name="BudgetCent">The summed budgets in eurocent (0 when allocated as volume).</param>
/// <param name="Aantal">How many allocations.</param>
public sealed record Toewijzingsgroep(
    string Aanbieder, string Productcode, DateOnly Ingangsdatum, DateOnly? Einddatum, string? Eenheid, string? Frequentie, long Volume, long BudgetCent, int Aantal);

/// <summary>Declared prestaties of one provider and product whose period starts on one day, summed in eurocent (credits negative).</summary>
/// <param name="Aanbieder">Provider (AGB).</param>
/// <param name="Productcode">Product.</param>
/// <param name="Begindatum">Start of the declared period.</param>
/// <param name="GedeclareerdCent">Every declared prestatie, approved or refused.</param>
/// <param name="BetaaldCent">The approved ones only (what is paid).</param>
public sealed record Declaratiegroep(string Aanbieder, string Productcode, DateOnly Begindatum, long GedeclareerdCent, long BetaaldCent);

/// <summary>
/// Requests of one route with one outcome. Route: <c>JW315-NN</c> (NN the referrer type, <c>JW315-</c> when
/// unknown), <c>JW317</c>, <c>lokaal</c> (the municipality's own allocation, lokale toegang) or
/// <c>conversie-ROUTE</c>. Outcome: <c>approved</c>, <c>rejected</c>, <c>review</c>, <c>onderzoek</c> (in review,
/// JW319 'in onderzoek' sent), a lokale-toegang status (Toegekend, Geblokkeerd, …) or a conversion status.
/// </summary>
public sealed record Routegroep(string Route, string Uitkomst, int Aantal);

/// <summary>Everything the overzicht shows for one municipality and year, aggregated by the database.</summary>
/// <param name="Toewijzingen">Current allocations that run in the year, grouped.</param>
/// <param name="Declaraties">Prestaties whose period starts in the year, grouped by start day.</param>
/// <param name="Routes">Requests received in the year per route and outcome.</param>
/// <param name="Wachtrij">The open review queue (any year): per Dutch receipt day, how many wait.</param>
/// <param name="Afhandeling">Items received in the year per deadline kind, receipt day and answer day.</param>
public sealed record Overzichtsdata(
    IReadOnlyList<Toewijzingsgroep> Toewijzingen,
    IReadOnlyList<Declaratiegroep> Declaraties,
    IReadOnlyList<Routegroep> Routes,
    IReadOnlyList<(DateOnly Ontvangen, int Aantal)> Wachtrij,
    IReadOnlyList<Afhandeling> Afhandeling);

/// <summary>
/// The overzicht's reading: one batch of aggregate queries, each cut on the municipality and the year by an
/// index (migration 0018; the money and route aggregates from covering indexes in group order, migration 0030), so its cost grows with the number of distinct groups (periods, days, routes), not
/// with the number of clients; no message is parsed. Receipt and answer moments are grouped per UTC hour in
/// SQL (the Dutch zone differs from UTC by whole hours), so the Dutch day is exact and the rows stay few.
/// </summary>
public static class OverzichtLezen
{
    /// <summary>The batch, with <c>{uur:EXPR}</c> placeholders for the dialect (internal: the index tests read its plans).</summary>
    internal const string Query = """
        SELECT aanbieder, productcode, ingangsdatum, einddatum, eenheid, frequentie, CAST(SUM(COALESCE(volume, 0)) AS BIGINT), CAST(SUM(COALESCE(budget, 0)) AS BIGINT), COUNT(*)
        FROM toewijzingen
        WHERE gemeente = @gemeente AND actueel = 1 AND ingangsdatum <= @laatste AND (einddatum IS NULL OR einddatum >= @eerste)
        GROUP BY aanbieder, productcode, ingangsdatum, einddatum, eenheid, frequentie;
        SELECT aanbieder, productcode, begindatum,
            CAST(SUM(CASE WHEN credit = 1 THEN -bedrag ELSE bedrag END) AS BIGINT),
            CAST(SUM(CASE WHEN goedgekeurd = 1 THEN CASE WHEN credit = 1 THEN -bedrag ELSE bedrag END ELSE 0 END) AS BIGINT)
        FROM declaratieprestaties
        WHERE gemeente = @gemeente AND begindatum >= @eerste AND begindatum <= @laatste
        GROUP BY aanbieder, productcode, begindatum;
        SELECT CASE WHEN v.berichtcode = 'JW317' THEN 'JW317' ELSE 'JW315-' || COALESCE(CAST(v.verwijzer_type AS TEXT), '') END,
            CASE WHEN v.status <> 'review' THEN v.uitkomst WHEN v.onderzoek_op IS NOT NULL THEN 'onderzoek' ELSE 'review' END, COUNT(*)
        FROM journaal j JOIN verzoeken v ON v.journaal_id = j.id
        WHERE j.ontvanger = @gemeente AND j.berichtcode IN ('JW315', 'JW317') AND j.ontvangen_op >= @van AND j.ontvangen_op < @tot AND v.gemeente = @gemeente
        GROUP BY 1, 2;
        SELECT 'lokaal', status, COUNT(*) FROM toekenningen
        WHERE gemeente = @gemeente AND soort = 'toekennen' AND op >= @van AND op < @tot GROUP BY status;
        SELECT 'conversie-' || route, status, COUNT(*) FROM conversie_uitgevoerd
        WHERE gemeente = @gemeente AND op >= @van AND op < @tot GROUP BY route, status;
        SELECT {uur:j.ontvangen_op}, COUNT(*)
        FROM verzoeken v JOIN journaal j ON j.id = v.journaal_id
        WHERE v.gemeente = @gemeente AND v.status = 'review' GROUP BY 1;
        SELECT {uur:j.ontvangen_op}, CASE WHEN v.status <> 'review' THEN {uur:COALESCE(v.besloten_op, j.ontvangen_op)} END, v.onderzoek_op, COUNT(*)
        FROM journaal j JOIN verzoeken v ON v.journaal_id = j.id
        WHERE j.ontvanger = @gemeente AND j.berichtcode IN ('JW315', 'JW317') AND j.ontvangen_op >= @van AND j.ontvangen_op < @tot AND v.gemeente = @gemeente
        GROUP BY 1, 2, 3;
        SELECT CASE WHEN j.berichtcode = 'JW323' THEN 1 ELSE 0 END, {uur:j.ontvangen_op}, {uur:o.aangemaakt_op}, COUNT(*)
        FROM journaal j LEFT JOIN outbox o ON o.journaal_id = j.id AND o.berichtcode = CASE j.berichtcode
            WHEN 'JW315' THEN 'JW316' WHEN 'JW317' THEN 'JW318' WHEN 'JW305' THEN 'JW306' WHEN 'JW307' THEN 'JW308' ELSE 'JW325' END
        WHERE j.ontvanger = @gemeente AND j.berichtcode IN ('JW315', 'JW317', 'JW305', 'JW307', 'JW323') AND j.origineel_id IS NULL
            AND j.ontvangen_op >= @van AND j.ontvangen_op < @tot
        GROUP BY 1, 2, 3;
        SELECT {uur:j.ontvangen_op}, {uur:n.besloten_op}, COUNT(*)
        FROM noshows n JOIN journaal j ON j.id = n.journaal_id
        WHERE n.gemeente = @gemeente AND n.besluit IS NOT NULL AND j.ontvangen_op >= @van AND j.ontvangen_op < @tot
        GROUP BY 1, 2
        """;

    /// <summary>The figures of <paramref name="gemeente"/> for <paramref name="jaar"/> (a Dutch calendar year).</summary>
    public static Overzichtsdata LeesOverzicht(this Datastore store, Gemeentecode gemeente, int jaar)
    {
        ArgumentNullException.ThrowIfNull(store);
        var eerste = new DateOnly(jaar, 1, 1);
        var laatste = new DateOnly(jaar, 12, 31);
        var uur = store.Provider.IsPostgres
            ? "to_char({0} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24')"
            : "substr(replace({0}, 'T', ' '), 1, 13)";
        var sql = UurVervangen(Query, uur);

        using var sessie = store.OpenSessie();
        using var r = sessie.Commando(sql).Met("@gemeente", gemeente.Waarde).Met("@eerste", eerste).Met("@laatste", laatste)
            .Met("@van", Begin(eerste)).Met("@tot", Begin(eerste.AddYears(1))).ExecuteReader();

        var toewijzingen = new List<Toewijzingsgroep>();
        while (r.Read())
        {
            toewijzingen.Add(new Toewijzingsgroep(r.GetString(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), r.DatumOfNull(3), r.TekstOfNull(4), r.TekstOfNull(5),
                r.GetInt64(6), r.GetInt64(7), Convert.ToInt32(r.GetValue(8), CultureInfo.InvariantCulture)));
        }

        r.NextResult();
        var declaraties = new List<Declaratiegroep>();
        while (r.Read())
        {
            declaraties.Add(new Declaratiegroep(r.GetString(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), r.GetInt64(3), r.GetInt64(4)));
        }

        var routes = new List<Routegroep>();
        for (var i = 0; i < 3; i++)
        {
            r.NextResult();
            while (r.Read())
            {
                routes.Add(new Routegroep(r.GetString(0), r.GetString(1), Aantal(r, 2)));
            }
        }

        r.NextResult();
        var wachtrij = new SortedDictionary<DateOnly, int>();
        while (r.Read())
        {
            var dag = Dag(r.GetString(0));
            wachtrij[dag] = wachtrij.GetValueOrDefault(dag) + Aantal(r, 1);
        }

        var afhandeling = new Dictionary<(string, DateOnly, DateOnly?), int>();
        void Tel(string termijn, DateOnly ontvangen, DateOnly? beantwoord, int aantal)
        {
            if (ontvangen.Year == jaar)
            {
                afhandeling[(termijn, ontvangen, beantwoord)] = afhandeling.GetValueOrDefault((termijn, ontvangen, beantwoord)) + aantal;
            }
        }

        r.NextResult();
        while (r.Read())
        {
            // Answered by 'in onderzoek' (JW319) on a day, or by the decision: whichever came first.
            DateOnly? besloten = r.IsDBNull(1) ? null : Dag(r.GetString(1));
            DateOnly? onderzoek = r.DatumOfNull(2);
            var beantwoord = onderzoek is { } o && (besloten is null || o < besloten) ? onderzoek : besloten;
            Tel(TermijnenBewaken.Antwoord, Dag(r.GetString(0)), beantwoord, Aantal(r, 3));
        }

        r.NextResult();
        while (r.Read())
        {
            Tel(Aantal(r, 0) == 1 ? TermijnenBewaken.Declaratieantwoord : TermijnenBewaken.Retour, Dag(r.GetString(1)), r.IsDBNull(2) ? null : Dag(r.GetString(2)), Aantal(r, 3));
        }

        r.NextResult();
        while (r.Read())
        {
            Tel(NoShowRegistreren.Besluitregel, Dag(r.GetString(0)), Dag(r.GetString(1)), Aantal(r, 2));
        }

        return new Overzichtsdata(toewijzingen, declaraties, routes, [.. wachtrij.Select(w => (w.Key, w.Value))],
            [.. afhandeling.Select(a => new Afhandeling(a.Key.Item1, a.Key.Item2, a.Key.Item3, a.Value))]);
    }

    /// <summary>Replaces each <c>{uur:EXPR}</c> by the dialect's "UTC hour of EXPR as yyyy-MM-dd HH" expression.</summary>
    private static string UurVervangen(string sql, string uur)
    {
        const string Begin = "{uur:";
        var sb = new System.Text.StringBuilder();
        var i = 0;
        while (sql.IndexOf(Begin, i, StringComparison.Ordinal) is var p and >= 0)
        {
            // The expression may hold parentheses (COALESCE(a, b)): the placeholder ends at the '}'.
            var einde = sql.IndexOf('}', p);
            sb.Append(sql, i, p - i).Append(string.Format(CultureInfo.InvariantCulture, uur, sql[(p + Begin.Length)..einde]));
            i = einde + 1;
        }

        return sb.Append(sql, i, sql.Length - i).ToString();
    }

    /// <summary>The Dutch day of a UTC hour written as <c>yyyy-MM-dd HH</c>.</summary>
    private static DateOnly Dag(string utcUur) =>
        Bedrijfstijd.Dag(DateTimeOffset.ParseExact(utcUur + ":00:00+00:00", "yyyy-MM-dd HH:mm:sszzz", CultureInfo.InvariantCulture));

    /// <summary>The moment a Dutch day begins, in UTC (the stored moments are UTC).</summary>
    private static DateTimeOffset Begin(DateOnly dag)
    {
        var middernacht = dag.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(middernacht, Bedrijfstijd.Zone.GetUtcOffset(middernacht)).ToUniversalTime();
    }

    private static int Aantal(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);
}
