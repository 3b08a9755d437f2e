using System.Data.Common;
using System.Globalization;
using Jeugdhulp.Core.Verblijf;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Verblijf;

/// <summary>What the 24-hour overview asks for.</summary>
/// <param name="Soort">alle, plaatsingen, consulten, meerzorg, moederkind or escalaties.</param>
/// <param name="AlleenOpen">
/// Only what still asks something: an open deadline (a placement's, a meerzorg request's, a moeder-kind use's), a stay or
/// use not ended, a consult without outcome, a request without decision, an escalation not decided.
/// </param>
/// <param name="Route">Only placements of this route, and escalations about them (consults, meerzorg and moeder-kind have no route).</param>
/// <param name="Zoek">Part of the reference, any case; empty: all.</param>
public sealed record Verblijfvraag(string Soort, bool AlleenOpen, Plaatsingsroute? Route, string Zoek)
{
    /// <summary>The kinds, "alle" first.</summary>
    public static IReadOnlyList<string> Soorten { get; } = ["alle", "plaatsingen", "consulten", "meerzorg", "moederkind", "escalaties"];

    /// <summary>True when the kind's list is shown.</summary>
    public bool Toont(string soort) => Soort == "alle" || Soort == soort;
}

/// <summary>One page of one kind of record.</summary>
/// <param name="Rijen">The records of the page.</param>
/// <param name="Totaal">The records passing the question (every page).</param>
public sealed record Verblijfdeel<T>(IReadOnlyList<T> Rijen, int Totaal)
{
    /// <summary>Nothing shown.</summary>
    public static Verblijfdeel<T> Leeg { get; } = new([], 0);
}

/// <summary>The municipality's totals the overview heads with, whatever the question.</summary>
/// <param name="Plaatsingen">Every placement.</param>
/// <param name="Consulten">Every consult.</param>
/// <param name="Meerzorg">Every meerzorg request.</param>
/// <param name="MoederKind">Every moeder-kind use.</param>
/// <param name="Escalaties">Every escalation.</param>
/// <param name="OpenTermijnen">Open 24-hour deadlines (HK-24) in the deadline rows.</param>
/// <param name="TeLaat">Of those, past their due date on the rows' day.</param>
public sealed record Verblijftotalen(int Plaatsingen, int Consulten, int Meerzorg, int MoederKind, int Escalaties, int OpenTermijnen, int TeLaat);

/// <summary>One page of the 24-hour overview.</summary>
public sealed record Verblijfoverzichtpagina(
    Verblijfdeel<Verblijfplaatsing> Plaatsingen,
    Verblijfdeel<VastgelegdConsult> Consulten,
    Verblijfdeel<VastgelegdeMeerzorg> Meerzorg,
    Verblijfdeel<MoederKindgebruik> MoederKind,
    Verblijfdeel<VastgelegdeEscalatie> Escalaties,
    Verblijftotalen Totalen)
{
    /// <summary>The placed youths' birth dates (HK-24-AANMELDING-18), of the page's placements.</summary>
    public IReadOnlyDictionary<Bsn, DateOnly> Geboortedata { get; init; } = new Dictionary<Bsn, DateOnly>();

    /// <summary>The page's records as a dossier: what the deadline watch computes the page's deadlines from.</summary>
    public Verblijfdossier Dossier => new(Plaatsingen.Rijen, Consulten.Rijen, Meerzorg.Rijen, MoederKind.Rijen, Escalaties.Rijen) { Geboortedata = Geboortedata };

    /// <summary>The records passing the question in the kind asked (with "alle": the largest kind, what a page number counts).</summary>
    public int Totaal(string soort) => soort switch
    {
        "plaatsingen" => Plaatsingen.Totaal,
        "consulten" => Consulten.Totaal,
        "meerzorg" => Meerzorg.Totaal,
        "moederkind" => MoederKind.Totaal,
        "escalaties" => Escalaties.Totaal,
        _ => new[] { Plaatsingen.Totaal, Consulten.Totaal, Meerzorg.Totaal, MoederKind.Totaal, Escalaties.Totaal }.Max(),
    };
}

/// <summary>
/// The 24-hour overview a page at a time (issue 21, "pages at national size"): each kind filtered, counted and cut to the
/// page in SQL, instead of reading, checking and rendering every record of the municipality (store A of the national
/// year: Almere has 110,215 placements). "Only open" asks the deadline rows (<c>termijnrijen</c>, the Termijnen page's
/// rows of <c>TermijnenBewaken</c>, which include the 24-hour watch): bring them up to date with <c>Ververs</c> first.
/// </summary>
public static class VerblijfoverzichtLezen
{
    /// <summary>The rule-id prefixes of a placement's deadlines: what a record page shows with it and what makes it open.</summary>
    public static IReadOnlyList<string> Plaatsingsregels { get; } = ["HK-24-8", "HK-24-3", "HK-24-9", "HK-24-AANMELDING-18"];

    /// <summary>The rule-id prefix of a meerzorg request's deadlines (the decision and the reassessment).</summary>
    public const string Meerzorgregel = "HK-24-10";

    /// <summary>The rule id (exact) of a moeder-kind use's deadline.</summary>
    public const string MoederKindregel = "HK-24-11";

    // The same ids in SQL; the distinct ids come from the counts per rule (termijntellingen, a few rows), so the rows are
    // found by their index on (gemeente, regel, vervaldatum, referentie).
    private static readonly string PlaatsingRegels = string.Join(" OR ", Plaatsingsregels.Select(r => $"k.regel LIKE '{r}%'"));
    private const string MeerzorgRegels = $"k.regel LIKE '{Meerzorgregel}%'";
    private const string MoederKindRegels = $"k.regel = '{MoederKindregel}'";

    private static string OpenRijen(string regels) => $"""
        referentie IN (SELECT t.referentie FROM termijnrijen t WHERE t.gemeente = @g AND t.gesloten_op IS NULL
            AND t.regel IN (SELECT k.regel FROM termijntellingen k WHERE k.gemeente = @g AND ({regels})))
        """;

    // PostgreSQL estimates "regel IN (SELECT … FROM termijntellingen)" as a fraction of all the municipality's open rows
    // (263,000 of 632,000 at national size, where the 24-hour rules have 44,000) and scans them all; per rule id, as a
    // lateral lookup, it reads each rule's rows from the index (termijnrijen_soort): 150 → 80 ms for the count.
    private static string OpenRijenPerRegel(string regels) => $"""
        referentie IN (SELECT x.referentie FROM (SELECT DISTINCT k.regel FROM termijntellingen k WHERE k.gemeente = @g AND ({regels})) k
            CROSS JOIN LATERAL (SELECT t.referentie FROM termijnrijen t WHERE t.gemeente = @g AND t.gesloten_op IS NULL AND t.regel = k.regel OFFSET 0) x)
        """;

    /// <summary>
    /// "Only open" for a kind that is open by its own state (<paramref name="zelf"/>) or by an open deadline row. On SQLite one
    /// filter, <c>zelf OR referentie IN (…)</c>: SQLite reads the subquery once into a temporary index and probes it per
    /// record. On PostgreSQL two disjoint parts: the records open by their own state, and those closed by it
    /// (<paramref name="gesloten"/>, exactly the records <paramref name="zelf"/> is not true of) whose reference has an open row.
    /// </summary>
    /// <remarks>
    /// Inside an <c>OR</c> PostgreSQL cannot join the subquery; at national size (34,000 open references) its hashed subplan
    /// did not fit the default work_mem, so it re-read the references per record and the head's count of open placements ran
    /// past 60 s. As a conjunct the subquery is a semi-join; the parts are disjoint, so the count is their sum and the page
    /// their UNION ALL in the kind's order. On SQLite the two parts read the index twice: the page with a route and search
    /// took 85 instead of 37 ms (bench/RESULTS.md, session 22; docs/VERBLIJF.md).
    /// </remarks>
    private static (string Eigen, string? Ook) Open(bool postgres, string zelf, string gesloten, string regels) =>
        postgres ? ($" AND ({zelf})", $"{gesloten} AND {OpenRijenPerRegel(regels)}") : ($" AND ({zelf} OR {OpenRijen(regels)})", null);

    /// <summary>
    /// Page <paramref name="overslaan"/>/<paramref name="aantal"/> of each kind <paramref name="vraag"/> shows (in the order
    /// of the full read: placements by first day, consults by submission, meerzorg by receipt, moeder-kind by start,
    /// escalations as recorded), with each kind's count and the municipality's totals. <paramref name="vandaag"/> decides
    /// what has ended.
    /// </summary>
    public static Verblijfoverzichtpagina LeesVerblijfoverzicht(this Datastore store, Gemeentecode gemeente, Verblijfvraag vraag, DateOnly vandaag, int overslaan, int aantal)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(vraag);
        ArgumentOutOfRangeException.ThrowIfNegative(overslaan);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(aantal);
        var delen = Delen(vraag, store.Provider.IsPostgres);
        var sql = Totalen + ";\n" + string.Concat(delen.Select(d => $"{d.Telling};\n{d.Pagina};\n"));

        using var s = store.OpenSessie();
        var cmd = s.Commando(sql).Met("@g", gemeente.Waarde).Met("@aantal", aantal).Met("@overslaan", overslaan);
        if (sql.Contains("@vandaag", StringComparison.Ordinal))
        {
            cmd.Met("@vandaag", vandaag);
        }

        if (vraag.Route is { } r)
        {
            cmd.Met("@route", r.ToString());
        }

        if (vraag.Zoek.Length > 0)
        {
            cmd.Met("@zoek", Sql.BevatPatroon(vraag.Zoek));
        }

        using var lezer = cmd.ExecuteReader();
        lezer.Read();
        var totalen = new Verblijftotalen(Int(lezer, 0), Int(lezer, 1), Int(lezer, 2), Int(lezer, 3), Int(lezer, 4), Int(lezer, 5), Int(lezer, 6));
        var plaatsingen = Verblijfdeel<Verblijfplaatsing>.Leeg;
        var consulten = Verblijfdeel<VastgelegdConsult>.Leeg;
        var meerzorg = Verblijfdeel<VastgelegdeMeerzorg>.Leeg;
        var moederKind = Verblijfdeel<MoederKindgebruik>.Leeg;
        var escalaties = Verblijfdeel<VastgelegdeEscalatie>.Leeg;
        var geboortedata = new Dictionary<Bsn, DateOnly>();
        foreach (var (soort, _, _) in delen)
        {
            lezer.NextResult();
            lezer.Read();
            var totaal = Int(lezer, 0);
            lezer.NextResult();
            switch (soort)
            {
                case "plaatsingen":
                    plaatsingen = new(Lijst<Verblijfplaatsing>(l => VerblijfLezen.LeesPlaatsingen(lezer, l, geboortedata)), totaal);
                    break;
                case "consulten":
                    consulten = new(Lijst<VastgelegdConsult>(l => VerblijfLezen.LeesConsulten(lezer, l)), totaal);
                    break;
                case "meerzorg":
                    meerzorg = new(Lijst<VastgelegdeMeerzorg>(l => VerblijfLezen.LeesMeerzorg(lezer, l)), totaal);
                    break;
                case "moederkind":
                    moederKind = new(Lijst<MoederKindgebruik>(l => VerblijfLezen.LeesMoederKind(lezer, l)), totaal);
                    break;
                default:
                    escalaties = new(Lijst<VastgelegdeEscalatie>(l => VerblijfLezen.LeesEscalaties(lezer, l)), totaal);
                    break;
            }
        }

        return new Verblijfoverzichtpagina(plaatsingen, consulten, meerzorg, moederKind, escalaties, totalen) { Geboortedata = geboortedata };
    }

    /// <summary>The municipality's totals: records per table, and open and overdue 24-hour deadlines from the rows' counts.</summary>
    internal const string Totalen = """
        SELECT (SELECT COUNT(*) FROM verblijf_plaatsingen WHERE gemeente = @g), (SELECT COUNT(*) FROM verblijf_consulten WHERE gemeente = @g),
            (SELECT COUNT(*) FROM verblijf_meerzorg WHERE gemeente = @g), (SELECT COUNT(*) FROM verblijf_moederkind WHERE gemeente = @g),
            (SELECT COUNT(*) FROM verblijf_escalaties WHERE gemeente = @g),
            (SELECT COALESCE(SUM(aantal), 0) FROM termijntellingen WHERE gemeente = @g AND regel LIKE 'HK-24%'),
            (SELECT COALESCE(SUM(aantal), 0) FROM termijntellingen WHERE gemeente = @g AND regel LIKE 'HK-24%' AND vak = 0)
        """;

    /// <summary>Per kind <paramref name="vraag"/> shows: the statement that counts it and the one that reads its page, in the dialect.</summary>
    internal static IReadOnlyList<(string Soort, string Telling, string Pagina)> Delen(Verblijfvraag vraag, bool postgres)
    {
        ArgumentNullException.ThrowIfNull(vraag);
        var zoek = vraag.Zoek.Length == 0 ? "" : " AND LOWER(referentie) LIKE @zoek ESCAPE '!'";
        var route = vraag.Route is null ? "" : " AND route = @route";
        var open = vraag.AlleenOpen;
        var zonderRoute = vraag.Route is null;
        var delen = new List<(string, string, string)>();
        void Deel(string soort, bool toon, string tabel, string kolommen, string waar, string volgorde, (string Eigen, string? Ook) open = default)
        {
            if (!toon)
            {
                return;
            }

            var van = $"FROM {tabel} WHERE gemeente = @g{waar}";
            var pagina = $"ORDER BY {volgorde} LIMIT @aantal OFFSET @overslaan";
            var telling = open.Ook is null ? $"SELECT COUNT(*) {van}{open.Eigen}"
                : $"SELECT (SELECT COUNT(*) {van}{open.Eigen}) + (SELECT COUNT(*) {van} AND {open.Ook})";
            var rijen = postgres ? "*" : kolommen;
            var deel = open.Ook is null ? $"SELECT {rijen} {van}{open.Eigen} {pagina}"
                : $"SELECT {rijen} {van}{open.Eigen} UNION ALL SELECT {rijen} {van} AND {open.Ook} {pagina}";
            // PostgreSQL computes a row's columns below the sort and the OFFSET, so the placements' birth-date lookups ran for
            // every row passed over (50,050 for page 1,000: 310 ms): the page is cut first, its columns computed after.
            var alias = tabel.Split(' ') is [_, var a] ? a : tabel;
            delen.Add((soort, telling, postgres ? $"SELECT {kolommen} FROM ({deel}) {alias} ORDER BY {volgorde}" : deel));
        }

        // The order of each kind is its index (migration 0044), so a page is read without sorting the municipality's records.
        Deel("plaatsingen", vraag.Toont("plaatsingen"), "verblijf_plaatsingen p", VerblijfLezen.PlaatsingKolommen, zoek + route, "ingang, referentie",
            open ? Open(postgres, "einde IS NULL OR einde >= @vandaag", "einde < @vandaag", PlaatsingRegels) : default);
        Deel("consulten", vraag.Toont("consulten") && zonderRoute, "verblijf_consulten", VerblijfLezen.ConsultKolommen,
            zoek + (open ? " AND uitkomst IS NULL" : ""), "ingediend, referentie");
        Deel("meerzorg", vraag.Toont("meerzorg") && zonderRoute, "verblijf_meerzorg", VerblijfLezen.MeerzorgKolommen, zoek, "ontvangen, referentie",
            open ? Open(postgres, "besluit IS NULL", "besluit IS NOT NULL", MeerzorgRegels) : default);
        Deel("moederkind", vraag.Toont("moederkind") && zonderRoute, "verblijf_moederkind", VerblijfLezen.MoederKindKolommen, zoek, "van, referentie",
            open ? Open(postgres, "tot >= @vandaag", "tot < @vandaag", MoederKindRegels) : default);
        Deel("escalaties", vraag.Toont("escalaties"), "verblijf_escalaties e", VerblijfLezen.EscalatieKolommen,
            zoek + (open ? " AND besloten IS NULL" : "") + (zonderRoute ? ""
                : " AND EXISTS (SELECT 1 FROM verblijf_plaatsingen x WHERE x.gemeente = e.gemeente AND x.referentie = e.referentie AND x.route = @route)"),
            "id");
        return delen;
    }

    private static List<T> Lijst<T>(Action<List<T>> vul)
    {
        var l = new List<T>();
        vul(l);
        return l;
    }

    private static int Int(DbDataReader r, int i) => checked((int)Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture));
}
