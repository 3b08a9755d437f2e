using System.Data.Common;
using System.Globalization;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Core.Werkdagen;

namespace Jeugdhulp.Store.Termijnen;

/// <summary>An obligation as kept in <c>termijnrijen</c>: open while <paramref name="GeslotenOp"/> is null.</summary>
/// <param name="Verplichting">The obligation as <see cref="TermijnenBewaken.Open"/> computed it.</param>
/// <param name="GeopendOp">The business date it was first found.</param>
/// <param name="GeslotenOp">The business date a recompute no longer found it (answered, decided, ended); null while open.</param>
public sealed record Termijnrij(Verplichting Verplichting, DateOnly GeopendOp, DateOnly? GeslotenOp)
{
    /// <summary>True when it was closed after its due date.</summary>
    public bool GeslotenTeLaat => GeslotenOp is { } d && d > Verplichting.Vervaldatum;
}

/// <summary>What the rows of a municipality are: the business date they were computed for, and whether that is not today.</summary>
/// <param name="BerekendVoor">The business date of the rows.</param>
/// <param name="Verouderd">True when the rows are of an earlier day than asked (a recompute for the new day is pending).</param>
public sealed record Termijnrijstand(DateOnly BerekendVoor, bool Verouderd);

/// <summary>One page of a municipality's open obligations with the counts the Termijnen page shows.</summary>
/// <param name="Stand">The day the rows are of.</param>
/// <param name="Rijen">The rows of the page, overdue first.</param>
/// <param name="Totaal">Rows passing the filter (every page).</param>
/// <param name="Alle">Every open row of the municipality.</param>
/// <param name="PerSoort">Per rule id, the rows passing the filter without its kind.</param>
/// <param name="PerVak">Per part of the split, the rows passing the filter without its split.</param>
/// <param name="Aanbieders">The providers that owe something (for the filter).</param>
/// <param name="Producten">The products named (for the filter).</param>
public sealed record Termijnrijpagina(Termijnrijstand Stand, IReadOnlyList<Verplichting> Rijen, int Totaal, int Alle,
    IReadOnlyList<(string Regel, int Aantal)> PerSoort, IReadOnlyDictionary<Termijnvak, int> PerVak, IReadOnlyList<string> Aanbieders,
    IReadOnlyList<string> Producten);

/// <summary>
/// Deadlines kept as rows (issue 18, migration 0022): the open obligations of a municipality as
/// <see cref="TermijnenBewaken.Open"/> computes them, stored so the Termijnen page, its export, the CLI and the dossier
/// page and count them in SQL instead of recomputing the municipality per request. Triggers mark a client dirty
/// (<c>termijnen_vuil</c>) whenever a table the computation reads changes; <see cref="Ververs"/> recomputes just those
/// clients (and the municipality-wide part when marked) in one transaction, or everything when the business date or the
/// rule version changed. An obligation a recompute no longer finds is closed on that business date, not deleted.
/// </summary>
public static class Termijnrijen
{
    /// <summary>The rows' part computed from the client's own state.</summary>
    private const string BronClient = "client";

    /// <summary>The rows' part computed from the state read for the whole municipality.</summary>
    private const string BronGemeente = "gemeente";

    /// <summary>
    /// The open rows a recompute replaces: all of the municipality's (<paramref name="heel"/>), or the marked clients' rows and,
    /// with <paramref name="gemeentedeel"/>, the municipality-wide part's.
    /// </summary>
    /// <remarks>
    /// The municipality-wide part and the marked clients' are two parts of a <c>UNION ALL</c>, not
    /// <c>bron = 'gemeente' OR client_bsn IN (…)</c>: inside an <c>OR</c> PostgreSQL cannot join the subquery, and once the
    /// marked clients do not fit a hashed subplan in work_mem it reads them again for every open row. With 400,000 marked
    /// clients (a national import before the background recompute ran) and 1,200,000 open rows that ran past 60 s
    /// (bench/RESULTS.md, session 22).
    /// </remarks>
    internal static string OpenRijen(bool heel, bool gemeentedeel)
    {
        var open = $"SELECT id, bron, {Kolommen} FROM termijnrijen WHERE gemeente = @g AND gesloten_op IS NULL";
        var clienten = $"{open} AND bron = '{BronClient}' AND client_bsn IN (SELECT w.bsn FROM termijnen_vuil w WHERE w.gemeente = @g)";
        return heel ? open : gemeentedeel ? $"{open} AND bron = '{BronGemeente}' UNION ALL {clienten}" : clienten;
    }

    /// <summary>
    /// Brings the rows of <paramref name="gemeente"/> up to date and returns the day they are of. Dirty clients are always
    /// recomputed. When the rows are of another day (or rule version) everything is recomputed for <paramref name="vandaag"/>,
    /// unless <paramref name="nieuweDagLaterOk"/>: then (the web host's page requests, whose background service recomputes
    /// the new day) the dirty clients are recomputed for the rows' own day, so the rows stay one consistent day.
    /// </summary>
    public static Termijnrijstand Ververs(this Datastore store, Regelcatalogus catalogus, DateOnly vandaag, Gemeentecode gemeente, bool nieuweDagLaterOk = false)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalogus);
        if (Bijgewerkt(store, catalogus, vandaag, gemeente, nieuweDagLaterOk) is { } bij)
        {
            return bij;
        }

        for (var poging = 1; ; poging++)
        {
            try
            {
                return VerversEenmaal(store, catalogus, vandaag, gemeente, nieuweDagLaterOk);
            }
            catch (DbException e) when (e.SqlState == "40001" && poging < 5)
            {
                // PostgreSQL: another recompute of this municipality committed since this snapshot; start again on the new one.
            }
        }
    }

    /// <summary>The rows' day of <paramref name="gemeente"/>, null when never computed.</summary>
    public static DateOnly? BerekendVoor(this Datastore store, Gemeentecode gemeente)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var s = store.OpenSessie();
        using var r = s.Commando("SELECT berekend_voor FROM termijnen_stand WHERE gemeente = @g").Met("@g", gemeente.Waarde).ExecuteReader();
        return r.Read() ? r.GetFieldValue<DateOnly>(0) : null;
    }

    private static string Regelsleutel(Regelcatalogus catalogus) => $"{catalogus.Regio} {catalogus.Versie}";

    /// <summary>
    /// The rows' state when there is nothing to recompute (no marks, no unanswered message not yet listed, the counts of the
    /// rows' day, a day and rule version the caller accepts), read without a write transaction: every page read calls
    /// <see cref="Ververs"/>, and on SQLite a write transaction waits for the pipeline's write lock. Null: work to do.
    /// </summary>
    private static Termijnrijstand? Bijgewerkt(Datastore store, Regelcatalogus catalogus, DateOnly vandaag, Gemeentecode gemeente, bool nieuweDagLaterOk)
    {
        using var s = store.OpenSessie();
        using var r = s.Commando("""
            SELECT berekend_voor, regels, geteld_voor,
                CASE WHEN EXISTS (SELECT 1 FROM termijnen_vuil w WHERE w.gemeente = @g)
                    OR EXISTS (SELECT 1 FROM termijnen_onbeantwoord o WHERE o.gemeente = @g AND o.gezien = 0) THEN 1 ELSE 0 END
            FROM termijnen_stand WHERE gemeente = @g
            """).Met("@g", gemeente.Waarde).ExecuteReader();
        if (!r.Read())
        {
            return null;
        }

        var dag = r.GetFieldValue<DateOnly>(0);
        var klaar = r.GetString(1) == Regelsleutel(catalogus) && (dag == vandaag || nieuweDagLaterOk) && r.DatumOfNull(2) == dag
            && Convert.ToInt64(r.GetValue(3), CultureInfo.InvariantCulture) == 0;
        return klaar ? new Termijnrijstand(dag, dag != vandaag) : null;
    }

    private static Termijnrijstand VerversEenmaal(Datastore store, Regelcatalogus catalogus, DateOnly vandaag, Gemeentecode gemeente, bool nieuweDagLaterOk)
    {
        var pg = store.Provider.IsPostgres;
        var g = gemeente.Waarde;
        using var tx = store.BeginTransactie();
        if (pg)
        {
            // One snapshot for the marks, the state and the rows (a mark set after it stays and is seen next time); one
            // recompute per municipality at a time, and a second that waited gets a serialization error on the stand row.
            tx.Commando("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").ExecuteNonQuery();
            tx.Commando("SELECT pg_advisory_xact_lock(hashtext('termijnrijen ' || @g))").Met("@g", g).ExecuteNonQuery();

            // Before any table is read: wait while an import makes a municipality's partitions (gemeentepartities takes
            // this lock exclusively, then alters the partitioned tables from toewijzingen to toekenningen). The snapshot
            // below reads journaalinhoud and verzoekbevindingen before toewijzingen, the opposite order, and a recompute
            // on the host's start beside a contract import deadlocked (40P01, CI of session 22).
            tx.Commando("SELECT pg_advisory_xact_lock_shared(hashtext('jeugdhulp.gemeentepartities'))").ExecuteNonQuery();
        }

        DateOnly? dag = null;
        DateOnly? geteld = null;
        string? sleutel = null;
        using (var r = tx.Commando("SELECT berekend_voor, regels, geteld_voor FROM termijnen_stand WHERE gemeente = @g").Met("@g", g).ExecuteReader())
        {
            if (r.Read())
            {
                dag = r.GetFieldValue<DateOnly>(0);
                sleutel = r.GetString(1);
                geteld = r.DatumOfNull(2);
            }
        }

        var heel = dag is null || sleutel != Regelsleutel(catalogus) || (dag != vandaag && !nieuweDagLaterOk);
        var rekendag = heel ? vandaag : dag!.Value;
        var vuil = new HashSet<string>(StringComparer.Ordinal);
        using (var r = tx.Commando("SELECT bsn FROM termijnen_vuil WHERE gemeente = @g").Met("@g", g).ExecuteReader())
        {
            while (r.Read())
            {
                vuil.Add(r.GetString(0));
            }
        }

        // A message still unanswered that no recompute has listed yet (termijnen_onbeantwoord, migration 0029).
        var nieuwOnbeantwoord = Convert.ToInt64(tx.Commando("SELECT COUNT(*) FROM termijnen_onbeantwoord WHERE gemeente = @g AND gezien = 0")
            .Met("@g", g).ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
        var hertellen = heel || geteld != rekendag;
        if (!heel && vuil.Count == 0 && !nieuwOnbeantwoord && !hertellen)
        {
            return new Termijnrijstand(rekendag, rekendag != vandaag);
        }

        // Touch the stand row first: on PostgreSQL a concurrent recompute that committed since this snapshot fails here (40001).
        tx.Commando("""
            INSERT INTO termijnen_stand (gemeente, berekend_voor, regels, berekend_op, geteld_voor) VALUES (@g, @dag, @regels, @op, @dag)
            ON CONFLICT (gemeente) DO UPDATE SET berekend_voor = excluded.berekend_voor, regels = excluded.regels, berekend_op = excluded.berekend_op,
                geteld_voor = excluded.geteld_voor
            """).Met("@g", g).Met("@dag", rekendag).Met("@regels", Regelsleutel(catalogus)).Met("@op", tx.EchtNu).ExecuteNonQuery();

        var gemeentedeelVuil = heel || vuil.Contains("") || nieuwOnbeantwoord;
        var stand = TermijnstandLezen.Lees(tx, gemeente, null, alleenVuil: !heel, metGemeentedeel: gemeentedeelVuil);
        var regels = catalogus.OpDatum(rekendag);
        var kalender = new Werkdagenkalender(catalogus.ExtraVrijeDagen);
        var nieuw = new List<(string Bron, Verplichting V)>();
        var clientdeel = stand with { Onbeantwoord = [], NoShowBesluiten = [], Verblijf = null, Conversie = [] };
        foreach (var v in TermijnenBewaken.Open(clientdeel, regels, kalender, rekendag))
        {
            if (heel || (v.Client is { } c && vuil.Contains(c.Waarde)))
            {
                nieuw.Add((BronClient, v));
            }
        }

        if (gemeentedeelVuil)
        {
            var gemeentedeel = stand with { Verzoeken = [], Toewijzingen = [], Wijzigingen = [] };
            nieuw.AddRange(TermijnenBewaken.Open(gemeentedeel, regels, kalender, rekendag).Select(v => (BronGemeente, v)));
        }

        // The open rows in scope, by identity; matched rows stay (updated when their due date moved), the rest is closed.
        var oud = new Dictionary<string, Queue<(long Id, Verplichting V)>>(StringComparer.Ordinal);
        using (var r = tx.Commando(OpenRijen(heel, gemeentedeelVuil)).Met("@g", g).ExecuteReader())
        {
            while (r.Read())
            {
                var bron = r.GetString(1);
                var v = Verplichting(r, 2);
                if (!heel && bron == BronClient && (v.Client is not { } c || !vuil.Contains(c.Waarde)))
                {
                    continue;
                }

                var k = Sleutel(bron, v);
                (oud.TryGetValue(k, out var q) ? q : oud[k] = new Queue<(long, Verplichting)>()).Enqueue((r.GetInt64(0), v));
            }
        }

        var voeg = tx.Commando($"""
            INSERT INTO termijnrijen (gemeente, bron, {Kolommen}, geopend_op)
            VALUES (@g, @bron, @partij, @code, @verwacht, @referentie, @client, @product, @vervaldatum, @regel, @advies, @dag)
            """);
        var pas = tx.Commando("UPDATE termijnrijen SET vervaldatum = @vervaldatum, advies = @advies, product = @product WHERE id = @id");
        // What each row opened, moved or closed changes in the page's counts (termijntellingen, migration 0029).
        var tellingen = new Dictionary<Telsleutel, long>();
        void Tel(Verplichting v, long verschil)
        {
            var k = new Telsleutel(v.Regel, v.Partij.ToString(), v.Code, v.Product?.Waarde ?? "", (int)v.Vak(rekendag));
            tellingen[k] = tellingen.GetValueOrDefault(k) + verschil;
        }

        foreach (var (bron, v) in nieuw)
        {
            if (oud.TryGetValue(Sleutel(bron, v), out var q) && q.Count > 0)
            {
                var (id, was) = q.Dequeue();
                if (was.Vervaldatum != v.Vervaldatum || was.Advies != v.Advies || was.Product != v.Product)
                {
                    pas.Met("@vervaldatum", v.Vervaldatum).Met("@advies", v.Advies ? 1 : 0).Met("@product", v.Product?.Waarde).Met("@id", id).ExecuteNonQuery();
                    Tel(was, -1);
                    Tel(v, 1);
                }

                continue;
            }

            Tel(v, 1);

            voeg.Met("@g", g).Met("@bron", bron).Met("@partij", v.Partij.ToString()).Met("@code", v.Code).Met("@verwacht", v.Verwacht)
                .Met("@referentie", v.Referentie).Met("@client", v.Client?.Waarde ?? "").Met("@product", v.Product?.Waarde)
                .Met("@vervaldatum", v.Vervaldatum).Met("@regel", v.Regel).Met("@advies", v.Advies ? 1 : 0).Met("@dag", rekendag).ExecuteNonQuery();
        }

        var sluit = tx.Commando("UPDATE termijnrijen SET gesloten_op = @dag WHERE id = @id");
        foreach (var (id, was) in oud.Values.SelectMany(q => q))
        {
            sluit.Met("@dag", rekendag).Met("@id", id).ExecuteNonQuery();
            Tel(was, -1);
        }

        if (hertellen)
        {
            // A whole recompute (or counts of another day): every open row may have moved in the split; count them once.
            Met(tx.Commando($"""
                DELETE FROM termijntellingen WHERE gemeente = @g;
                INSERT INTO termijntellingen (gemeente, regel, partij, code, product, vak, aantal)
                SELECT gemeente, regel, partij, code, COALESCE(product, ''), {VakSql}, COUNT(*)
                FROM termijnrijen WHERE gemeente = @g AND gesloten_op IS NULL GROUP BY gemeente, regel, partij, code, COALESCE(product, ''), {VakSql}
                """), gemeente, new Termijnenfilter(), rekendag).ExecuteNonQuery();
        }
        else
        {
            var telling = tx.Commando("""
                INSERT INTO termijntellingen (gemeente, regel, partij, code, product, vak, aantal) VALUES (@g, @regel, @partij, @code, @product, @vak, @aantal)
                ON CONFLICT (gemeente, regel, partij, code, product, vak) DO UPDATE SET aantal = termijntellingen.aantal + excluded.aantal
                """);
            foreach (var (k, verschil) in tellingen.Where(x => x.Value != 0))
            {
                telling.Met("@g", g).Met("@regel", k.Regel).Met("@partij", k.Partij).Met("@code", k.Code).Met("@product", k.Product).Met("@vak", k.Vak)
                    .Met("@aantal", verschil).ExecuteNonQuery();
            }

            tx.Commando("DELETE FROM termijntellingen WHERE gemeente = @g AND aantal = 0").Met("@g", g).ExecuteNonQuery();
        }

        if (gemeentedeelVuil)
        {
            // Listed now: an answer from here on marks the municipality part (the outbox trigger).
            tx.Commando("UPDATE termijnen_onbeantwoord SET gezien = 1 WHERE gemeente = @g AND gezien = 0").Met("@g", g).ExecuteNonQuery();
        }

        // The marks this snapshot saw (PostgreSQL: a mark set since then is not visible here and stays).
        tx.Commando("DELETE FROM termijnen_vuil WHERE gemeente = @g").Met("@g", g).ExecuteNonQuery();
        tx.Commit();
        return new Termijnrijstand(rekendag, rekendag != vandaag);
    }

    private const string Kolommen = "partij, code, verwacht, referentie, client_bsn, product, vervaldatum, regel, advies";

    /// <summary>The part of the split of a row's due date (<see cref="Termijnvak"/> as a number), relative to <c>@vandaag</c>.</summary>
    private const string VakSql = "CASE WHEN vervaldatum < @vandaag THEN 0 WHEN vervaldatum = @vandaag THEN 1 WHEN vervaldatum <= @zondag THEN 2 ELSE 3 END";

    /// <summary>A group of <c>termijntellingen</c>: product '' when none, vak the <see cref="Termijnvak"/>.</summary>
    private readonly record struct Telsleutel(string Regel, string Partij, string Code, string Product, int Vak);

    /// <summary>A row of <c>termijntellingen</c>, or a group of rows counted with a search.</summary>
    private sealed record Telling(string Regel, Partij Partij, string Code, string? Product, Termijnvak Vak, long Aantal);

    private static string Sleutel(string bron, Verplichting v) =>
        string.Join('\u001f', bron, v.Partij.ToString(), v.Code, v.Verwacht, v.Referentie, v.Client?.Waarde ?? "", v.Regel);

    /// <summary>The obligation in the <see cref="Kolommen"/> starting at <paramref name="i"/>.</summary>
    private static Verplichting Verplichting(DbDataReader r, int i) =>
        new(Enum.Parse<Partij>(r.GetString(i)), r.GetString(i + 1), r.GetString(i + 2), r.GetString(i + 3),
            Bsn.Parse(r.GetString(i + 4)).TryGet(out var b) ? b : null, r.GetFieldValue<DateOnly>(i + 6), r.GetString(i + 7),
            Convert.ToInt64(r.GetValue(i + 8), CultureInfo.InvariantCulture) == 1)
        {
            Product = r.IsDBNull(i + 5) ? null : ProductCode.Parse(r.GetString(i + 5)).TryGet(out var p) ? p : null,
        };

    /// <summary>
    /// One page of the open rows of <paramref name="gemeente"/> on the rows' day (<paramref name="stand"/>) through
    /// <paramref name="filter"/>, overdue first, with the counts per kind and per part of the split, all in SQL.
    /// </summary>
    public static Termijnrijpagina LeesTermijnrijen(this Datastore store, Termijnrijstand stand, Gemeentecode gemeente, Termijnenfilter filter, int overslaan, int aantal)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(stand);
        ArgumentNullException.ThrowIfNull(filter);
        var vandaag = stand.BerekendVoor;
        using var s = store.OpenSessie();
        var rijen = new List<Verplichting>();
        using (var r = Met(s.Commando($"SELECT {Kolommen} FROM termijnrijen WHERE {Waar(filter)} {Volgorde(store)} LIMIT @aantal OFFSET @overslaan"),
            gemeente, filter, vandaag).Met("@aantal", aantal).Met("@overslaan", overslaan).ExecuteReader())
        {
            while (r.Read())
            {
                rijen.Add(Verplichting(r, 0));
            }
        }

        // The counts: the municipality's termijntellingen (a few hundred groups), filtered as Termijnenfilter.Pas filters;
        // a search on the reference is not kept there, so its groups come from the rows in one GROUP BY.
        var alle = Tellingen(s, "SELECT regel, partij, code, product, vak, aantal FROM termijntellingen WHERE gemeente = @g AND aantal > 0", gemeente,
            new Termijnenfilter(), vandaag);
        var groepen = filter.Zoek is null ? alle : Tellingen(s, $"""
            SELECT regel, partij, code, COALESCE(product, ''), {VakSql}, COUNT(*) FROM termijnrijen WHERE {Waar(new Termijnenfilter(Zoek: filter.Zoek))}
            GROUP BY regel, partij, code, COALESCE(product, ''), {VakSql}
            """, gemeente, new Termijnenfilter(Zoek: filter.Zoek), vandaag);
        int Som(Termijnenfilter f, IEnumerable<Telling> lijst) =>
            checked((int)lijst.Where(t => f.PastSoort(t.Regel, t.Partij, t.Code, t.Product, t.Vak)).Sum(t => t.Aantal));
        var zonderSoort = filter with { Regel = null };
        var zonderVak = filter with { Vak = null };
        return new Termijnrijpagina(stand, rijen, Som(filter, groepen), Som(new Termijnenfilter(), alle),
            [.. groepen.Select(t => t.Regel).Distinct().Select(r => (r, Som(zonderSoort, groepen.Where(t => t.Regel == r)))).Where(x => x.Item2 > 0)
                .OrderBy(x => x.r, StringComparer.Ordinal)],
            groepen.Select(t => t.Vak).Distinct().Select(v => (v, Som(zonderVak, groepen.Where(t => t.Vak == v)))).Where(x => x.Item2 > 0)
                .ToDictionary(x => x.v, x => x.Item2),
            [.. alle.Where(t => t.Partij == Partij.Aanbieder).Select(t => t.Code).Distinct().Order(StringComparer.Ordinal)],
            [.. alle.Select(t => t.Product).OfType<string>().Distinct().Order(StringComparer.Ordinal)]);
    }

    private static List<Telling> Tellingen(StoreSessie s, string sql, Gemeentecode gemeente, Termijnenfilter filter, DateOnly vandaag)
    {
        var lijst = new List<Telling>();
        using var r = Met(s.Commando(sql), gemeente, filter, vandaag).ExecuteReader();
        while (r.Read())
        {
            lijst.Add(new Telling(r.GetString(0), Enum.Parse<Partij>(r.GetString(1)), r.GetString(2), r.GetString(3) is { Length: > 0 } p ? p : null,
                (Termijnvak)Convert.ToInt32(r.GetValue(4), CultureInfo.InvariantCulture), Convert.ToInt64(r.GetValue(5), CultureInfo.InvariantCulture)));
        }

        return lijst;
    }

    /// <summary>Every open row through <paramref name="filter"/>, overdue first, streamed (the export, the CLI).</summary>
    public static IEnumerable<Verplichting> LeesAlleTermijnrijen(this Datastore store, Termijnrijstand stand, Gemeentecode gemeente, Termijnenfilter filter)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(stand);
        ArgumentNullException.ThrowIfNull(filter);
        using var s = store.OpenSessie();
        using var r = Met(s.Commando($"SELECT {Kolommen} FROM termijnrijen WHERE {Waar(filter)} {Volgorde(store)}"), gemeente, filter, stand.BerekendVoor).ExecuteReader();
        while (r.Read())
        {
            yield return Verplichting(r, 0);
        }
    }

    /// <summary>
    /// How many open rows pass <paramref name="filter"/> and the clients they concern, in one pass over the client column
    /// (no order, no objects per row): what an export audits before its streamed rows leave (<see cref="LeesAlleTermijnrijen"/>).
    /// </summary>
    public static (int Aantal, IReadOnlyCollection<Bsn> Clienten) LeesTermijnrijclienten(this Datastore store, Termijnrijstand stand, Gemeentecode gemeente,
        Termijnenfilter filter)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(stand);
        ArgumentNullException.ThrowIfNull(filter);
        using var s = store.OpenSessie();
        using var r = Met(s.Commando($"SELECT client_bsn FROM termijnrijen WHERE {Waar(filter)}"), gemeente, filter, stand.BerekendVoor).ExecuteReader();
        var aantal = 0;
        var gezien = new HashSet<string>(StringComparer.Ordinal);
        var clienten = new List<Bsn>();
        while (r.Read())
        {
            aantal++;
            if (gezien.Add(r.GetString(0)) && Bsn.Parse(r.GetString(0)).TryGet(out var b))
            {
                clienten.Add(b);
            }
        }

        return (aantal, clienten);
    }

    /// <summary>The open and closed rows about one client of <paramref name="gemeente"/> (the dossier), by due date.</summary>
    public static IReadOnlyList<Termijnrij> LeesTermijnrijen(this Datastore store, Gemeentecode gemeente, Bsn client)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var s = store.OpenSessie();
        using var r = s.Commando($"""
            SELECT {Kolommen}, geopend_op, gesloten_op FROM termijnrijen WHERE gemeente = @g AND client_bsn = @b
            ORDER BY vervaldatum, id
            """).Met("@g", gemeente.Waarde).Met("@b", client.Waarde).ExecuteReader();
        var lijst = new List<Termijnrij>();
        while (r.Read())
        {
            lijst.Add(new Termijnrij(Verplichting(r, 0), r.GetFieldValue<DateOnly>(9), r.DatumOfNull(10)));
        }

        return lijst;
    }

    private static string Volgorde(Datastore store) => store.Provider.IsPostgres
        ? "ORDER BY vervaldatum, regel COLLATE \"C\", referentie COLLATE \"C\", id"
        : "ORDER BY vervaldatum, regel, referentie, id";

    /// <summary>The WHERE of <paramref name="f"/> (parameters set by <see cref="Met(DbCommand, Gemeentecode, Termijnenfilter, DateOnly)"/>).</summary>
    private static string Waar(Termijnenfilter f)
    {
        var w = "gemeente = @g AND gesloten_op IS NULL";
        w += f.Regel is null ? "" : " AND regel = @regel";
        w += f.Partij is null ? "" : " AND partij = @partij";
        w += f.Aanbieder is null ? "" : " AND partij = 'Aanbieder' AND code = @aanbieder";
        w += f.Product is null ? "" : " AND product = @product";
        w += f.Zoek is null ? "" : " AND LOWER(referentie) LIKE @zoek ESCAPE '!'";
        w += f.Vak switch
        {
            Termijnvak.TeLaat => " AND vervaldatum < @vandaag",
            Termijnvak.Vandaag => " AND vervaldatum = @vandaag",
            Termijnvak.DezeWeek => " AND vervaldatum > @vandaag AND vervaldatum <= @zondag",
            Termijnvak.Later => " AND vervaldatum > @zondag",
            _ => "",
        };
        return w;
    }

    private static DbCommand Met(DbCommand cmd, Gemeentecode gemeente, Termijnenfilter f, DateOnly vandaag)
    {
        var zondag = vandaag.AddDays(((int)DayOfWeek.Sunday - (int)vandaag.DayOfWeek + 7) % 7);
        cmd.Met("@g", gemeente.Waarde);
        Zet("@regel", f.Regel);
        Zet("@partij", f.Partij?.ToString());
        Zet("@aanbieder", f.Aanbieder);
        Zet("@product", f.Product);
        Zet("@zoek", f.Zoek is null ? null : Sql.BevatPatroon(f.Zoek));
        if (cmd.CommandText.Contains("@vandaag", StringComparison.Ordinal))
        {
            cmd.Met("@vandaag", vandaag);
        }

        if (cmd.CommandText.Contains("@zondag", StringComparison.Ordinal))
        {
            cmd.Met("@zondag", zondag);
        }

        return cmd;

        void Zet(string naam, string? waarde)
        {
            if (waarde is not null)
            {
                cmd.Met(naam, waarde);
            }
        }
    }
}

/// <summary>The Termijnen page's links from a deadline to its item in the work queue.</summary>
public static class TermijnWerkitems
{
    /// <summary>Per reference of <paramref name="referenties"/> (a page's, at most a few dozen): the first item in review with it.</summary>
    public static IReadOnlyDictionary<string, long> LeesWerkitemsVoor(this Datastore store, Gemeentecode gemeente, IReadOnlyCollection<string> referenties)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(referenties);
        var uit = new Dictionary<string, long>(StringComparer.Ordinal);
        if (referenties.Count == 0)
        {
            return uit;
        }

        var lijst = referenties.ToList();
        using var s = store.OpenSessie();
        var cmd = s.Commando($"""
            SELECT referentie, MIN(id) FROM verzoeken WHERE gemeente = @g AND status = 'review'
            AND referentie IN ({string.Join(", ", lijst.Select((_, i) => $"@r{i}"))}) GROUP BY referentie
            """).Met("@g", gemeente.Waarde);
        for (var i = 0; i < lijst.Count; i++)
        {
            cmd.Met($"@r{i}", lijst[i]);
        }

        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            uit[r.GetString(0)] = r.GetInt64(1);
        }

        return uit;
    }
}
