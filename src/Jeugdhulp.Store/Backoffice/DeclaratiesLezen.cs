using System.Data.Common;
using System.Globalization;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Lezen;
using Jeugdhulp.Store.Bevindingen;
using Jeugdhulp.Store.Inhoud;

namespace Jeugdhulp.Store.Backoffice;

/// <summary>One declared prestatie with the municipality's answer: no retour codes = accepted.</summary>
/// <param name="Aanbieder">The declaring provider (AGB).</param>
/// <param name="DeclaratieNummer">The provider's DeclaratieNummer.</param>
/// <param name="Ontvangen">When the JW323 was received.</param>
/// <param name="Client">The client.</param>
/// <param name="ToewijzingNummer">The allocation the line is declared on.</param>
/// <param name="Productcode">Declared product.</param>
/// <param name="Begindatum">Start of the declared period.</param>
/// <param name="Einddatum">End of the declared period.</param>
/// <param name="Volume">Delivered volume (GeleverdVolume).</param>
/// <param name="Eenheid">Unit code (01 = minutes).</param>
/// <param name="BedragCent">Declared amount in eurocent, signed (credit negative).</param>
/// <param name="RetourCodes">Why the line was refused (from the JW325); empty when accepted.</param>
/// <param name="Beantwoord">False while no JW325 has been written.</param>
public sealed record Declaratieregel(
    string Aanbieder, string DeclaratieNummer, DateTimeOffset Ontvangen, Bsn Client, long ToewijzingNummer, string Productcode,
    DateOnly Begindatum, DateOnly Einddatum, long Volume, string Eenheid, long BedragCent, IReadOnlyList<string> RetourCodes, bool Beantwoord)
{
    /// <summary>The JW323 in the journal: the key of its stored findings (Bevindingen.DeclaratiebevindingenLezen).</summary>
    public long JournaalId { get; init; }

    /// <summary>The prestatie's ReferentieNummer: with <see cref="JournaalId"/> the key of its stored findings.</summary>
    public string ReferentieNummer { get; init; } = "";

    /// <summary>The rule-set version the JW325 judgement used (migration 0032); null when unknown (older rows, lines never booked, the journal source).</summary>
    public string? Regelversie { get; init; }

    /// <summary>True when the answer refused this line.</summary>
    public bool Afgewezen => RetourCodes.Count > 0;
}

/// <summary>One declaration on the Declaraties page: its lines counted and summed as the page shows them.</summary>
/// <param name="Ontvangen">When its (first) JW323 was received.</param>
/// <param name="Aanbieder">The declaring provider (AGB).</param>
/// <param name="DeclaratieNummer">The provider's DeclaratieNummer.</param>
/// <param name="Prestaties">Its lines.</param>
/// <param name="Afgewezen">Its refused lines.</param>
/// <param name="IngediendCent">The declared amounts of its lines, with sign, in eurocent.</param>
/// <param name="GoedgekeurdCent">The amounts of its approved lines of an answered declaration, with sign, in eurocent.</param>
public sealed record Declaratiesom(DateTimeOffset Ontvangen, string Aanbieder, string DeclaratieNummer, long Prestaties, long Afgewezen, long IngediendCent, long GoedgekeurdCent);

/// <summary>What the Declaraties page shows (<see cref="DeclaratiesLezen.LeesDeclaratiepagina"/>).</summary>
/// <param name="Afgewezen">One page of the refused lines, in the page's order.</param>
/// <param name="Totaal">How many refused lines there are (with the rule filter, how many have that rule).</param>
/// <param name="Declaraties">Every declaration with its counts and sums, in order of receipt.</param>
/// <param name="Pagina">The page of <paramref name="Afgewezen"/>, from 1: the one asked for, or the last one when that is past the end.</param>
public sealed record Declaratiepagina(IReadOnlyList<Declaratieregel> Afgewezen, int Totaal, IReadOnlyList<Declaratiesom> Declaraties, int Pagina);

/// <summary>The Declaraties export (<see cref="DeclaratiesLezen.LeesDeclaratieexport"/>).</summary>
/// <param name="Aantal">How many lines <paramref name="Regels"/> gives (read before them, for the audit).</param>
/// <param name="Clienten">The clients of those lines, each once.</param>
/// <param name="Regels">Every line, oldest declaration first, read as it is enumerated (once).</param>
public sealed record Declaratieexport(int Aantal, IReadOnlyList<Bsn> Clienten, IEnumerable<Declaratieregel> Regels);

/// <summary>
/// Declared prestaties of a municipality and how they were answered, for the Declaraties page and its export, from tables
/// (migration 0033; issue 18: about 1 s per request at 100,000 clients when every JW323 and JW325 was parsed):
/// the booked prestaties (declaratieprestaties, with the client and place of each line), the lines never booked
/// (declaratieregels_ongeboekt: a reused reference, a declaration refused as a whole) and per declaration its counts and
/// sums (declaraties). A JW323 with none of these — not answered, answered with a technical retour (0001), or refused as a
/// whole before migration 0033 — is read from the journal as before (<see cref="Uitzonderingen"/>): few messages, found
/// through an index, never the whole journal. Lines are in order of receipt, then of their place in the JW323.
/// </summary>
public static class DeclaratiesLezen
{
    // The lines from the tables, in the page's order. {0}: "AND p.goedgekeurd = 0" for the refused ones only.
    private const string Regels = """
        SELECT d.aanbieder, d.declaratienummer, j.ontvangen_op, p.client_bsn, p.nummer, p.productcode, p.begindatum, p.einddatum, p.volume, p.eenheid,
            CASE WHEN p.credit = 1 THEN -p.bedrag ELSE p.bedrag END AS bedrag, p.retourcodes, j.id AS journaal_id, p.referentienummer, d.regelversie, p.volgorde
        FROM declaratieprestaties p JOIN declaraties d ON d.gemeente = p.gemeente AND d.id = p.declaratie_id JOIN journaal j ON j.id = d.journaal_id
        WHERE p.gemeente = @gemeente AND p.client_bsn IS NOT NULL {0}
        UNION ALL
        SELECT o.aanbieder, o.declaratienummer, j.ontvangen_op, o.client_bsn, o.nummer, o.productcode, o.begindatum, o.einddatum, o.volume, o.eenheid,
            o.bedrag, o.retourcodes, j.id, o.referentienummer, CAST(NULL AS TEXT), o.volgorde
        FROM declaratieregels_ongeboekt o JOIN journaal j ON j.id = o.journaal_id
        WHERE o.gemeente = @gemeente
        """;

    // A refused line with a finding of rule @regel: its own, or one refusing its whole declaration (stored without a prestatie).
    private const string MetRegel = """
        WHERE EXISTS (SELECT 1 FROM declaratiebevindingen b WHERE b.gemeente = @gemeente AND b.journaal_id = x.journaal_id AND b.soort = 'afkeur' AND b.regel_id = @regel
            AND (b.referentienummer = x.referentienummer OR b.referentienummer IS NULL))
        """;

    /// <summary>Every declared line addressed to <paramref name="gemeente"/>, oldest declaration first.</summary>
    public static IReadOnlyList<Declaratieregel> LeesDeclaratieregels(this Datastore store, Gemeentecode gemeente)
    {
        ArgumentNullException.ThrowIfNull(store);
        List<Declaratieregel> uitzonderingen;
        using (var s = store.OpenSessie())
        {
            uitzonderingen = Uitzonderingen(s, gemeente);
        }

        return [.. Stroom(store, gemeente, uitzonderingen)];
    }

    /// <summary>
    /// What the Declaraties page shows, read in one session: one page of the refused lines (with <paramref name="regel"/> only
    /// those with a stored finding of that rule id) with their number, and every declaration with its counts and sums. The
    /// lines kept only in the journal (<see cref="Uitzonderingen"/>) are read once for both. A page past the end (a bookmark,
    /// or lines gone since) gives the last page, as the Termijnen page does, not an empty list that says there are none.
    /// </summary>
    public static Declaratiepagina LeesDeclaratiepagina(this Datastore store, Gemeentecode gemeente, string? regel, int pagina, int perPagina)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(pagina, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perPagina, 1);
        using var sessie = store.OpenSessie();
        var uitzonderingen = Uitzonderingen(sessie, gemeente);
        var (afgewezen, totaal, getoond) = Afgewezen(store, sessie, gemeente, uitzonderingen, regel, pagina, perPagina);
        return new(afgewezen, totaal, Sommen(sessie, gemeente, uitzonderingen), getoond);
    }

    /// <summary>
    /// The Declaraties export of a national-size municipality (100,000 lines a month): how many lines it has and their clients
    /// (each once), read first for the export's audit entries in one pass over the client column; then
    /// <see cref="Declaratieexport.Regels"/> reads the lines as they are enumerated, on a connection of its own that closes when
    /// the enumeration ends. The lines kept only in the journal are read once for both.
    /// </summary>
    public static Declaratieexport LeesDeclaratieexport(this Datastore store, Gemeentecode gemeente)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var sessie = store.OpenSessie();
        var uitzonderingen = Uitzonderingen(sessie, gemeente);
        var clienten = uitzonderingen.Select(u => u.Client).ToHashSet();
        var aantal = uitzonderingen.Count;
        using var r = sessie.Commando("""
            SELECT client_bsn, COUNT(*) FROM (
                SELECT p.client_bsn FROM declaratieprestaties p WHERE p.gemeente = @gemeente AND p.client_bsn IS NOT NULL
                UNION ALL
                SELECT o.client_bsn FROM declaratieregels_ongeboekt o WHERE o.gemeente = @gemeente) x
            GROUP BY client_bsn
            """).Met("@gemeente", gemeente.Waarde).ExecuteReader();
        while (r.Read())
        {
            if (Bsn.Parse(r.GetString(0)).TryGet(out var bsn))
            {
                clienten.Add(bsn);
                aantal += checked((int)r.GetInt64(1));
            }
        }

        return new(aantal, [.. clienten], Stroom(store, gemeente, uitzonderingen));
    }

    private static IEnumerable<Declaratieregel> Stroom(Datastore store, Gemeentecode gemeente, List<Declaratieregel> uitzonderingen)
    {
        using var sessie = store.OpenSessie();
        var cmd = sessie.Commando($"SELECT * FROM ({Regels.Replace("{0}", "", StringComparison.Ordinal)}) x ORDER BY x.ontvangen_op, x.journaal_id, x.volgorde")
            .Met("@gemeente", gemeente.Waarde);
        using var r = cmd.ExecuteReader();
        foreach (var regel in Samen(Lees(r), uitzonderingen))
        {
            yield return regel;
        }
    }

    private static (IReadOnlyList<Declaratieregel> Regels, int Totaal, int Pagina) Afgewezen(Datastore store, StoreSessie sessie, Gemeentecode gemeente,
        List<Declaratieregel> alleUitzonderingen, string? regel, int pagina, int perPagina)
    {
        var uitzonderingen = alleUitzonderingen.Where(r => r.Afgewezen).ToList();
        if (regel is not null && uitzonderingen.Count > 0)
        {
            var metRegel = store.LeesDeclaratiebevindingen(gemeente, regel).Where(b => b.Soort == "afkeur").Select(b => (b.JournaalId, b.ReferentieNummer)).ToHashSet();
            uitzonderingen.RemoveAll(r => !metRegel.Contains((r.JournaalId, null)) && !metRegel.Contains((r.JournaalId, r.ReferentieNummer)));
        }

        var bron = $"({Regels.Replace("{0}", "AND p.goedgekeurd = 0", StringComparison.Ordinal)}) x {(regel is null ? "" : MetRegel)}";
        DbCommand Commando(string sql)
        {
            var cmd = sessie.Commando(sql).Met("@gemeente", gemeente.Waarde);
            return regel is null ? cmd : cmd.Met("@regel", regel);
        }

        var totaal = checked((int)Commando($"SELECT COUNT(*) FROM {bron}").LeesLongOfNull()!.Value) + uitzonderingen.Count;
        pagina = Math.Min(pagina, Paginering.Paginas(totaal, perPagina));
        // Normally no line comes from the journal: the page is one index range. Otherwise the table rows up to the page's end
        // are merged with those few lines (in order) and the page is cut from the merge.
        var van = (pagina - 1) * perPagina;
        var cmd = Commando($"SELECT * FROM {bron} ORDER BY x.ontvangen_op, x.journaal_id, x.volgorde LIMIT @n OFFSET @o")
            .Met("@n", (long)(uitzonderingen.Count == 0 ? perPagina : van + perPagina)).Met("@o", (long)(uitzonderingen.Count == 0 ? van : 0));
        using var r = cmd.ExecuteReader();
        var lijst = uitzonderingen.Count == 0 ? [.. Lees(r)] : Samen(Lees(r), uitzonderingen).Skip(van).Take(perPagina).ToList();
        return (lijst, totaal, pagina);
    }

    // Every declaration with its counts and sums, in order of receipt (the page's "Alle declaraties").
    private static List<Declaratiesom> Sommen(StoreSessie sessie, Gemeentecode gemeente, List<Declaratieregel> uitzonderingen)
    {
        var perBericht = new List<(DateTimeOffset Ontvangen, long Journaal, Declaratiesom Som)>();
        using (var r = sessie.Commando("""
            SELECT j.ontvangen_op, j.id, d.aanbieder, d.declaratienummer, d.regels, d.afgewezen_regels, d.regelbedrag, d.toegekend
            FROM declaraties d JOIN journaal j ON j.id = d.journaal_id WHERE d.gemeente = @gemeente AND d.regels > 0
            UNION ALL
            SELECT j.ontvangen_op, j.id, o.aanbieder, o.declaratienummer, COUNT(*), COUNT(*), SUM(o.bedrag), 0
            FROM declaratieregels_ongeboekt o JOIN journaal j ON j.id = o.journaal_id
            WHERE o.gemeente = @gemeente AND NOT EXISTS (SELECT 1 FROM declaraties d WHERE d.gemeente = o.gemeente AND d.journaal_id = o.journaal_id)
            GROUP BY j.ontvangen_op, j.id, o.aanbieder, o.declaratienummer
            """).Met("@gemeente", gemeente.Waarde).ExecuteReader())
        {
            while (r.Read())
            {
                perBericht.Add((r.GetFieldValue<DateTimeOffset>(0), r.GetInt64(1), new Declaratiesom(r.GetFieldValue<DateTimeOffset>(0), r.GetString(2), r.GetString(3),
                    r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7))));
            }
        }

        foreach (var g in uitzonderingen.GroupBy(u => u.JournaalId))
        {
            var e = g.First();
            perBericht.Add((e.Ontvangen, g.Key, new Declaratiesom(e.Ontvangen, e.Aanbieder, e.DeclaratieNummer, g.Count(), g.Count(u => u.Afgewezen),
                g.Sum(u => u.BedragCent), g.Where(u => u.Beantwoord && !u.Afgewezen).Sum(u => u.BedragCent))));
        }

        // One row per provider and number, as the page always grouped them (a number used again is refused with 9333, TR333).
        return [.. perBericht.OrderBy(b => b.Ontvangen).ThenBy(b => b.Journaal).GroupBy(b => (b.Som.Aanbieder, b.Som.DeclaratieNummer)).Select(g =>
        {
            var e = g.First().Som;
            return e with
            {
                Prestaties = g.Sum(b => b.Som.Prestaties), Afgewezen = g.Sum(b => b.Som.Afgewezen), IngediendCent = g.Sum(b => b.Som.IngediendCent),
                GoedgekeurdCent = g.Sum(b => b.Som.GoedgekeurdCent),
            };
        })];
    }

    private static IEnumerable<Declaratieregel> Lees(DbDataReader r)
    {
        var datums = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        while (r.Read())
        {
            if (!Bsn.Parse(r.GetString(3)).TryGet(out var bsn))
            {
                continue;
            }

            var codes = r.TekstOfNull(11) is { Length: > 0 } c ? c.Split(',') : [];
            yield return new Declaratieregel(r.GetString(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), bsn, r.GetInt64(4), r.GetString(5),
                Datum(r, 6, datums), Datum(r, 7, datums), r.GetInt64(8), r.GetString(9), r.GetInt64(10), codes, true)
            {
                JournaalId = r.GetInt64(12), ReferentieNummer = r.GetString(13), Regelversie = r.TekstOfNull(14),
            };
        }
    }

    private static DateOnly Datum(DbDataReader r, int i, Dictionary<string, DateOnly> datums)
    {
        if (r.GetFieldType(i) != typeof(string))
        {
            return r.GetFieldValue<DateOnly>(i);
        }

        var tekst = r.GetString(i);
        if (!datums.TryGetValue(tekst, out var d))
        {
            datums[tekst] = d = DateOnly.ParseExact(tekst, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return d;
    }

    /// <summary>Two lists in the page's order (receipt, journal id) merged; within one JW323 all lines come from one of them.</summary>
    private static IEnumerable<Declaratieregel> Samen(IEnumerable<Declaratieregel> tabel, List<Declaratieregel> uitzonderingen)
    {
        var u = 0;
        foreach (var t in tabel)
        {
            while (u < uitzonderingen.Count && (uitzonderingen[u].Ontvangen, uitzonderingen[u].JournaalId).CompareTo((t.Ontvangen, t.JournaalId)) < 0)
            {
                yield return uitzonderingen[u++];
            }

            yield return t;
        }

        while (u < uitzonderingen.Count)
        {
            yield return uitzonderingen[u++];
        }
    }

    // The JW323s with no line in the tables: not booked, and no line kept as never booked.
    // A JW323's declaration and unbooked lines are its receiving municipality's, so naming it keeps each probe in that
    // municipality's partition on PostgreSQL (migration 0036) instead of one probe per partition.
    private const string Onverwerkt = """
        SELECT j.afzender, j.ontvangen_op, ji.inhoud, oi.inhoud, j.id
        FROM journaal j JOIN journaalinhoud ji ON ji.journaal_id = j.id AND ji.gemeente = j.ontvanger LEFT JOIN outbox o ON o.journaal_id = j.id AND o.berichtcode = 'JW325'
        LEFT JOIN outboxinhoud oi ON oi.outbox_id = o.id
        WHERE j.ontvanger = @gemeente AND j.berichtcode = 'JW323' AND j.origineel_id IS NULL
            AND NOT EXISTS (SELECT 1 FROM declaraties d WHERE d.gemeente = j.ontvanger AND d.journaal_id = j.id)
            AND NOT EXISTS (SELECT 1 FROM declaratieregels_ongeboekt g WHERE g.gemeente = j.ontvanger AND g.journaal_id = j.id)
        ORDER BY j.ontvangen_op, j.id
        """;

    /// <summary>
    /// The lines of the JW323s that have none in the tables, read from the journal (the JW323) and the outbox (its JW325),
    /// as the page read every declaration before migration 0033.
    /// </summary>
    private static List<Declaratieregel> Uitzonderingen(StoreSessie sessie, Gemeentecode gemeente) =>
        UitBerichten(sessie.Commando(Onverwerkt), gemeente);

    private static List<Declaratieregel> UitBerichten(DbCommand cmd, Gemeentecode gemeente)
    {
        var lijst = new List<Declaratieregel>();
        using var r = cmd.Met("@gemeente", gemeente.Waarde).ExecuteReader();
        while (r.Read())
        {
            // The journal holds what arrived; a JW323 refused as unreadable has no lines to show.
            if (!IjwLezer.Lees(Inhoudsvorm.Lees(r, 2)).TryGet(out var bericht) || bericht is not Declaratiebericht jw323)
            {
                continue;
            }

            var antwoord = r.IsDBNull(3) ? null : IjwLezer.Lees(Inhoudsvorm.Lees(r, 3)).TryGet(out var a) ? a as DeclaratieAntwoordbericht : null;
            var afgewezen = Afgewezen(antwoord);
            var geheel = Geheel(antwoord);
            var ontvangen = r.GetFieldValue<DateTimeOffset>(1);
            foreach (var c in jw323.Declaratie.Clienten)
            {
                if (!Bsn.Parse(c.Bsn).TryGet(out var bsn))
                {
                    continue;
                }

                foreach (var p in c.Prestaties)
                {
                    var codes = afgewezen.TryGetValue(p.ProductReferentie.ReferentieNummer, out var cs) ? cs : geheel;
                    lijst.Add(new Declaratieregel(r.GetString(0), jw323.Declaratie.DeclaratieNummer, ontvangen, bsn, p.ToewijzingNummer,
                        p.ProductCode, p.ProductPeriode.Begindatum, p.ProductPeriode.Einddatum, p.GeleverdVolume, p.Eenheid,
                        p.IngediendBedrag.Saldo, codes, antwoord is not null) { JournaalId = r.GetInt64(4), ReferentieNummer = p.ProductReferentie.ReferentieNummer });
                }
            }
        }

        return lijst;
    }

    /// <summary>
    /// The codes refusing a whole declaration: the header's of a technical retour (0001, no DeclaratieAntwoord), or the
    /// DeclaratieAntwoord's of a refusal on the Declaratie class (9333, 8848: no clients, and neither 8001 nor 0200).
    /// </summary>
    private static IReadOnlyList<string> Geheel(DeclaratieAntwoordbericht? antwoord) => antwoord switch
    {
        { DeclaratieAntwoord: null, Header.RetourCodes: { Count: > 0 } kop } => kop,
        { DeclaratieAntwoord: { Clienten.Count: 0, RetourCodes: var codes } } when !codes.Any(c => c is "8001" or "0200") => codes,
        _ => [],
    };

    /// <summary>The refused lines of a JW325 by ReferentieNummer, with their retour codes.</summary>
    private static Dictionary<string, IReadOnlyList<string>> Afgewezen(DeclaratieAntwoordbericht? antwoord)
    {
        var codes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var c in antwoord?.DeclaratieAntwoord?.Clienten ?? [])
        {
            foreach (var p in c.Prestaties)
            {
                codes[p.ProductReferentie.ReferentieNummer] = p.RetourCodes is { Count: > 0 } rc ? rc : c.RetourCodes ?? [];
            }
        }

        return codes;
    }
}
