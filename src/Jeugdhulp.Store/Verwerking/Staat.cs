using System.Data.Common;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Bevindingen;

namespace Jeugdhulp.Store.Verwerking;

/// <summary>A client's details from a JW315, kept to write later JW301s.</summary>
internal sealed record Clientgegevens(
    string Bsn, DateOnly Geboortedatum, string? DatumGebruik, string Geslacht, string Achternaam, string? Voorvoegsel,
    string? Voornamen, string? Voorletters);

/// <summary>A stored request line (JW315 product request or JW317) with its decision.</summary>
internal sealed record VerzoekRegel(
    long Id, long JournaalId, int Volgnummer, string Berichtcode, string Gemeente, string Aanbieder, string ClientBsn,
    string Referentie, string? Productcode, string? Categorie, DateOnly? Ingangsdatum, DateOnly? Einddatum,
    Omvang? Omvang, long? Budget, int? VerwijzerType, string Status, string Uitkomst, int? Reden, string Regels, string Toelichting,
    string? VerantwoordelijkeGemeente = null, string? Regelversie = null, string? Regelset = null);

/// <summary>
/// The pipeline's state in the store: allocations (every version), request lines with their decisions,
/// client details. Reads a client's whole state in one command (one round trip, no N+1).
/// </summary>
internal static class Staat
{
    public const string StatusReview = "review";
    public const string StatusBesloten = "besloten";

    private const string ToewijzingKolommen = """
        nummer, client_bsn, aanbieder, productcode, categorie, ingangsdatum, einddatum, volume, eenheid, frequentie, budget,
        toewijzingsdatum, toewijzingstijd, referentie, herkomst, keren_verschoven, reden_wijziging, oorspronkelijke_einddatum
        """;

    // Both engines run several statements in one command; the results come back one after the other.
    // The declared minutes: "toewijzingen t CROSS JOIN declaratieprestaties p" keeps the client's allocations the outer loop
    // on SQLite (PostgreSQL orders a cross join with its join conditions as any join). With a plain join SQLite, which has
    // no statistics, chose the municipality's index on declaratieprestaties and read every declaration line of the
    // municipality for each client — a cost of messages × declaration lines, from the second month of a demo region on.
    // "client_bsn IN (@bsn UNION ALL household)" rather than "client_bsn = @bsn OR client_bsn IN (…)": with the
    // OR, SQLite searched every current allocation of the municipality (the rate fell with every message
    // processed); the IN list lets both engines use the (gemeente, client_bsn) index.
    internal static readonly string Toestand = $"""
        SELECT {ToewijzingKolommen} FROM toewijzingen
        WHERE gemeente = @gemeente AND actueel = 1 AND client_bsn IN (SELECT @bsn UNION ALL
            SELECT h.bsn FROM inwoners h JOIN inwoners c ON c.huishouden = h.huishouden WHERE c.bsn = @bsn AND h.bsn <> @bsn);
        SELECT aanbieder, referentie, productcode, ingangsdatum, einddatum FROM verzoeken
        WHERE gemeente = @gemeente AND client_bsn = @bsn AND status = 'review' AND berichtcode = 'JW315' AND productcode IS NOT NULL AND ingangsdatum IS NOT NULL;
        SELECT laatste FROM toewijzingnummers WHERE gemeente = @gemeente;
        SELECT p.nummer, p.eenheid, SUM(CASE WHEN p.credit = 1 THEN -p.volume ELSE p.volume END)
        FROM toewijzingen t CROSS JOIN declaratieprestaties p
        WHERE p.gemeente = t.gemeente AND p.aanbieder = t.aanbieder AND p.nummer = t.nummer
            AND t.gemeente = @gemeente AND t.actueel = 1 AND t.client_bsn = @bsn AND p.goedgekeurd = 1
        GROUP BY p.nummer, p.eenheid;
        SELECT r.nummer FROM procesregie r JOIN toewijzingen t ON t.gemeente = r.gemeente AND t.nummer = r.nummer
        WHERE r.gemeente = @gemeente AND r.houder = 'gemeente' AND t.actueel = 1 AND t.client_bsn = @bsn
        """;

    /// <summary>
    /// The client's state for the engine and the next ToewijzingNummer the counter would hand out (TR332,
    /// without moving it): one command, one round trip.
    /// </summary>
    public static (Clienttoestand Toestand, int VolgendNummer) LaadToestand(StoreTransactie tx, string gemeente, Bsn client)
    {
        var eigen = new List<VastgelegdeToewijzing>();
        var huishouden = new List<VastgelegdeToewijzing>();
        var open = new List<OpenVerzoek>();
        using var r = tx.Commando(Toestand).Met("@gemeente", gemeente).Met("@bsn", client.Waarde).ExecuteReader();
        while (r.Read())
        {
            var t = LeesToewijzing(r);
            (t.Client == client ? eigen : huishouden).Add(t);
        }

        r.NextResult();
        while (r.Read())
        {
            var periode = Periode.Maak(r.GetFieldValue<DateOnly>(3), r.DatumOfNull(4));
            var product = ProductCode.Parse(r.GetString(2));
            if (periode.IsGeldig && product.IsGeldig)
            {
                open.Add(new OpenVerzoek(AgbCode.Parse(r.GetString(0)).Waarde, r.GetString(1), product.Waarde, periode.Waarde));
            }
        }

        r.NextResult();
        var laatste = r.Read() ? r.GetInt64(0) : 0;

        // HK-317-5: the minutes declared (approved debet minus credit) per own allocation, in minutes by the one
        // conversion (Omvang.MinutenPer: hours count as 60); units that are no time do not count.
        r.NextResult();
        var gedeclareerd = new Dictionary<int, long>();
        while (r.Read())
        {
            if (Omvang.MinutenPer(r.GetString(1)) is { } factor)
            {
                var nummer = checked((int)r.GetInt64(0));
                gedeclareerd[nummer] = gedeclareerd.GetValueOrDefault(nummer)
                    + (Convert.ToInt64(r.GetValue(2), System.Globalization.CultureInfo.InvariantCulture) * factor);
            }
        }

        // HK-317-7: the allocations on which the municipality holds procesregie.
        r.NextResult();
        var regie = new HashSet<int>();
        while (r.Read())
        {
            regie.Add(checked((int)r.GetInt64(0)));
        }

        return (new Clienttoestand(eigen, huishouden, open, gedeclareerd, regie), checked((int)(laatste + 1)));
    }

    /// <summary>
    /// The state of many clients of <paramref name="gemeente"/> at once, as <see cref="LaadToestand"/> reads it for one: their
    /// current allocations, open requests, declared minutes and procesregie, and the counter's next number. One command
    /// (one round trip) for a whole group of the municipality's own allocations; <paramref name="bsns"/> must name every
    /// household member whose allocations count (the caller knows the households from the residents' register).
    /// <paramref name="tellerVasthouden"/> (PostgreSQL, a transaction without rolled-back savepoints): the counter row is
    /// locked for the rest of the transaction and its numbers are handed out in memory (<see cref="StoreTransactie.HoudTellerVast"/>).
    /// </summary>
    public static Groepstoestand LaadToestanden(StoreTransactie tx, string gemeente, IReadOnlyList<string> bsns, bool tellerVasthouden = false)
    {
        if (bsns.Count == 0)
        {
            return new Groepstoestand
            {
                VolgendNummer = checked((int)((tx.Commando("SELECT laatste FROM toewijzingnummers WHERE gemeente = @gemeente")
                    .Met("@gemeente", gemeente).LeesLongOfNull() ?? 0) + 1)),
            };
        }

        var vast = tellerVasthouden && tx.Store.Provider.IsPostgres;
        var g = Gemeentewaarde(tx, gemeente);
        var cmd = tx.Commando(Toestanden(g, tx.In("client_bsn", "b"), vast)).MetLijst(tx, "b", bsns);
        if (g == "@gemeente")
        {
            cmd.Met("@gemeente", gemeente);
        }
        else if (cmd is Npgsql.NpgsqlCommand { IsPrepared: false })
        {
            // One text per municipality: prepared by hand, as the store's auto-prepare (32 statements) would not keep 340 × 5.
            cmd.Prepare();
        }

        using var r = cmd.ExecuteReader();
        return LeesToestanden(tx, r, [gemeente], vast)[gemeente];
    }

    /// <summary>
    /// The command of <see cref="LaadToestanden(StoreTransactie, string, IReadOnlyList{string}, bool)"/>: <paramref name="g"/> the
    /// municipality (a parameter or a literal), <paramref name="lijst"/> the test on <c>client_bsn</c> against the list <c>@b</c>,
    /// <paramref name="vast"/> the counter locked (PostgreSQL).
    /// </summary>
    internal static string Toestanden(string g, string lijst, bool vast) => $"""
            SELECT gemeente, {ToewijzingKolommen} FROM toewijzingen WHERE gemeente = {g} AND actueel = 1 AND {lijst};
            SELECT gemeente, client_bsn, aanbieder, referentie, productcode, ingangsdatum, einddatum FROM verzoeken
            WHERE gemeente = {g} AND {lijst} AND status = 'review' AND berichtcode = 'JW315' AND productcode IS NOT NULL AND ingangsdatum IS NOT NULL;
            SELECT gemeente, laatste FROM toewijzingnummers WHERE gemeente = {g}{(vast ? " FOR UPDATE" : "")};
            SELECT t.gemeente, t.client_bsn, p.nummer, p.eenheid, SUM(CASE WHEN p.credit = 1 THEN -p.volume ELSE p.volume END)
            FROM toewijzingen t CROSS JOIN declaratieprestaties p
            WHERE p.gemeente = t.gemeente AND p.aanbieder = t.aanbieder AND p.nummer = t.nummer
                AND t.gemeente = {g} AND t.actueel = 1 AND t.{lijst} AND p.goedgekeurd = 1
            GROUP BY t.gemeente, t.client_bsn, p.nummer, p.eenheid;
            SELECT t.gemeente, t.client_bsn, r.nummer FROM procesregie r JOIN toewijzingen t ON t.gemeente = r.gemeente AND t.nummer = r.nummer
            WHERE r.gemeente = {g} AND r.houder = 'gemeente' AND t.actueel = 1 AND t.{lijst}
            """;

    /// <summary>
    /// PostgreSQL: <see cref="LaadToestanden(StoreTransactie, string, IReadOnlyList{string}, bool)"/> for the clients of many
    /// municipalities at once, in ONE command whatever their number: the pipeline's group read (Groepsvoorraad).
    /// One command per municipality cost a group spread over 335 municipalities 335 round trips, each locking every
    /// partition its cached generic plan names (PostgreSQL 15 locks them all before pruning: 688 locks for one statement at
    /// 340 municipalities); one command pays the locks once per group. Each (municipality, client) pair is looked up by its
    /// own LATERAL subquery (<c>OFFSET 0</c> keeps it one: a parameterised scan per pair), so only the pair's municipality's
    /// partition is executed (run-time pruning on the pair's value) and its index is probed once, whether the plan is custom
    /// or generic; a plain join could choose to scan every partition.
    /// </summary>
    public static Dictionary<string, Groepstoestand> LaadToestanden(StoreTransactie tx, IReadOnlyDictionary<string, List<string>> perGemeente,
        bool tellerVasthouden)
    {
        if (!tx.Store.Provider.IsPostgres)
        {
            throw new NotSupportedException("De groepslezing over gemeenten heen is er alleen voor PostgreSQL.");
        }

        var gemeenten = perGemeente.Keys.Order(StringComparer.Ordinal).ToArray();
        var paren = gemeenten.SelectMany(g => perGemeente[g].Select(b => (g, b))).ToArray();
        var cmd = tx.Commando(Groepstoestanden(tellerVasthouden))
            .Met("@pg", paren.Select(p => p.g).ToArray()).Met("@pb", paren.Select(p => p.b).ToArray()).Met("@gemeenten", gemeenten);
        // Prepared from the first group (auto-prepare would wait for five): its plan names every partition and takes long to
        // make, once per connection instead of once per group.
        if (cmd is Npgsql.NpgsqlCommand { IsPrepared: false })
        {
            cmd.Prepare();
        }

        using var r = cmd.ExecuteReader();
        return LeesToestanden(tx, r, gemeenten, tellerVasthouden);
    }

    /// <summary>
    /// The command of the group read over municipalities: five statements, each row beginning with its municipality; the
    /// pairs are <c>@pg</c> (municipalities) and <c>@pb</c> (BSNs), two arrays of equal length, and <c>@gemeenten</c> the
    /// municipalities whose counters are read (in one order, by code, so two writers never wait on each other in turn).
    /// </summary>
    internal static string Groepstoestanden(bool tellerVasthouden)
    {
        const string Paren = "unnest(@pg::text[], @pb::text[]) AS k(g, b)";
        // The generic plan, always, and no JIT: a custom plan knows the pairs' count (1,500 for a group of 500) but cannot
        // prune before running, so it plans every partition each time (1.7 s at 340 municipalities, measured) and its cost
        // (4 million) made PostgreSQL compile it with JIT (20 s); the generic plan is made once per connection (0.2–1.5 s, and
        // again when a partition it names changes), prunes per pair as it runs (15–70 ms for 1,500 pairs, empty partitions)
        // and costs too little for JIT, which stays off should a large database raise its cost.
        return $"""
            SET LOCAL plan_cache_mode = force_generic_plan;
            SET LOCAL jit = off;
            SELECT k.g, t.* FROM {Paren} CROSS JOIN LATERAL (SELECT {ToewijzingKolommen} FROM toewijzingen
                WHERE gemeente = k.g AND actueel = 1 AND client_bsn = k.b OFFSET 0) t;
            SELECT k.g, v.* FROM {Paren} CROSS JOIN LATERAL (SELECT client_bsn, aanbieder, referentie, productcode, ingangsdatum, einddatum FROM verzoeken
                WHERE gemeente = k.g AND client_bsn = k.b AND status = 'review' AND berichtcode = 'JW315' AND productcode IS NOT NULL AND ingangsdatum IS NOT NULL OFFSET 0) v;
            SELECT gemeente, laatste FROM toewijzingnummers WHERE gemeente = ANY(@gemeenten) ORDER BY gemeente{(tellerVasthouden ? " FOR UPDATE" : "")};
            SELECT k.g, d.* FROM {Paren} CROSS JOIN LATERAL (SELECT t.client_bsn, p.nummer, p.eenheid, SUM(CASE WHEN p.credit = 1 THEN -p.volume ELSE p.volume END)
                FROM toewijzingen t JOIN declaratieprestaties p ON p.gemeente = t.gemeente AND p.aanbieder = t.aanbieder AND p.nummer = t.nummer
                WHERE t.gemeente = k.g AND t.actueel = 1 AND t.client_bsn = k.b AND p.goedgekeurd = 1
                GROUP BY t.client_bsn, p.nummer, p.eenheid) d;
            SELECT k.g, x.* FROM {Paren} CROSS JOIN LATERAL (SELECT t.client_bsn, r.nummer FROM procesregie r JOIN toewijzingen t ON t.gemeente = r.gemeente AND t.nummer = r.nummer
                WHERE t.gemeente = k.g AND r.houder = 'gemeente' AND t.actueel = 1 AND t.client_bsn = k.b OFFSET 0) x;
            SET LOCAL plan_cache_mode TO DEFAULT;
            SET LOCAL jit TO DEFAULT
            """;
    }

    /// <summary>The five results of a state read whose rows each begin with their municipality, per municipality.</summary>
    private static Dictionary<string, Groepstoestand> LeesToestanden(StoreTransactie tx, DbDataReader r, IReadOnlyList<string> gemeenten, bool vast)
    {
        var groepen = gemeenten.ToDictionary(g => g, _ => new Groepstoestand(), StringComparer.Ordinal);
        while (r.Read())
        {
            var t = LeesToewijzing(r, 1);
            Groepstoestand.Van(groepen[r.GetString(0)].Toewijzingen, t.Client.Waarde).Add(t);
        }

        r.NextResult();
        while (r.Read())
        {
            var periode = Periode.Maak(r.GetFieldValue<DateOnly>(5), r.DatumOfNull(6));
            var product = ProductCode.Parse(r.GetString(4));
            if (periode.IsGeldig && product.IsGeldig)
            {
                Groepstoestand.Van(groepen[r.GetString(0)].Open, r.GetString(1))
                    .Add(new OpenVerzoek(AgbCode.Parse(r.GetString(2)).Waarde, r.GetString(3), product.Waarde, periode.Waarde));
            }
        }

        r.NextResult();
        var tellers = new Dictionary<string, long>(StringComparer.Ordinal);
        while (r.Read())
        {
            tellers[r.GetString(0)] = r.GetInt64(1);
        }

        foreach (var (gemeente, groep) in groepen)
        {
            var bestaat = tellers.TryGetValue(gemeente, out var teller);
            groep.VolgendNummer = checked((int)(teller + 1));

            // A municipality without a counter row yet has nothing to lock: its first reservation inserts the row (a plain INSERT
            // that fails should another writer create it first).
            if (vast)
            {
                tx.HoudTellerVast(gemeente, teller, bestaat);
            }
        }

        r.NextResult();
        while (r.Read())
        {
            if (Omvang.MinutenPer(r.GetString(3)) is { } factor)
            {
                var per = Groepstoestand.Van(groepen[r.GetString(0)].Gedeclareerd, r.GetString(1));
                var nummer = checked((int)r.GetInt64(2));
                per[nummer] = per.GetValueOrDefault(nummer) + (Convert.ToInt64(r.GetValue(4), System.Globalization.CultureInfo.InvariantCulture) * factor);
            }
        }

        r.NextResult();
        while (r.Read())
        {
            Groepstoestand.Van(groepen[r.GetString(0)].Regie, r.GetString(1)).Add(checked((int)r.GetInt64(2)));
        }

        return groepen;
    }

    /// <summary>
    /// How the state read names the municipality: on PostgreSQL as a literal, so that every plan of it — also the cached generic
    /// one — is pruned to the municipality's own partitions when it is made. With the municipality as a parameter the generic
    /// plan names every municipality's partitions, and PostgreSQL 15 locks them all (and their indexes) on each execution before
    /// pruning — 688 locks for one statement at 340 municipalities — and re-plans it whenever any of them changes (its
    /// statistics, a new partition); measured at 340 municipalities, that read cost 8–12× what it cost at 6 (bench/RESULTS.md,
    /// session 15 and 16). Only a code of letters and digits (a CBS code is four digits) is written into the text; anything else
    /// stays a parameter, so nothing a message header holds can change the statement. SQLite (one file per deployment, no
    /// partitions) keeps the parameter.
    /// </summary>
    private static string Gemeentewaarde(StoreTransactie tx, string gemeente) =>
        tx.Store.Provider.IsPostgres && gemeente.Length is > 0 and <= 16 && gemeente.All(char.IsAsciiLetterOrDigit) ? $"'{gemeente}'" : "@gemeente";

    /// <summary>The stored details of the clients <paramref name="bsns"/> of <paramref name="gemeente"/>, by BSN; one command.</summary>
    public static Dictionary<string, Clientgegevens> LeesClienten(StoreTransactie tx, string gemeente, IReadOnlyList<string> bsns)
    {
        var gegevens = new Dictionary<string, Clientgegevens>(StringComparer.Ordinal);
        if (bsns.Count == 0)
        {
            return gegevens;
        }

        using var r = tx.Commando($"""
            SELECT bsn, geboortedatum, datumgebruik, geslacht, achternaam, voorvoegsel, voornamen, voorletters
            FROM clienten WHERE gemeente = @gemeente AND {tx.In("bsn", "b")}
            """).Met("@gemeente", gemeente).MetLijst(tx, "b", bsns).ExecuteReader();
        while (r.Read())
        {
            gegevens[r.GetString(0)] = new Clientgegevens(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.TekstOfNull(2), r.GetString(3), r.GetString(4),
                r.TekstOfNull(5), r.TekstOfNull(6), r.TekstOfNull(7));
        }

        return gegevens;
    }

    /// <summary>The current version of allocation <paramref name="nummer"/>, or null.</summary>
    public static VastgelegdeToewijzing? Actueel(StoreTransactie tx, string gemeente, long nummer)
    {
        using var r = tx.Commando($"SELECT {ToewijzingKolommen} FROM toewijzingen WHERE gemeente = @gemeente AND nummer = @nummer AND actueel = 1")
            .Met("@gemeente", gemeente).Met("@nummer", nummer).ExecuteReader();
        return r.Read() ? LeesToewijzing(r) : null;
    }

    /// <summary>An allocation from <see cref="ToewijzingKolommen"/>, starting at column <paramref name="o"/>.</summary>
    private static VastgelegdeToewijzing LeesToewijzing(DbDataReader r, int o = 0) => new(
        checked((int)r.GetInt64(o)),
        Bsn.Parse(r.GetString(o + 1)).Waarde,
        AgbCode.Parse(r.GetString(o + 2)).Waarde,
        ProductCode.Parse(r.GetString(o + 3)).Waarde,
        r.GetString(o + 4),
        r.GetFieldValue<DateOnly>(o + 5),
        r.DatumOfNull(o + 6),
        r.IsDBNull(o + 7) ? null : new Omvang(checked((int)r.GetInt64(o + 7)), r.GetString(o + 8), r.GetString(o + 9)),
        r.IsDBNull(o + 10) ? null : r.GetInt64(o + 10),
        r.GetFieldValue<DateOnly>(o + 11),
        r.GetFieldValue<TimeOnly>(o + 12),
        r.TekstOfNull(o + 13),
        (VerwijzerType)r.GetInt64(o + 14),
        checked((int)r.GetInt64(o + 15)),
        r.TekstOfNull(o + 16),
        r.DatumOfNull(o + 17));

    /// <summary>Retires the current version of an allocation (a lookup by the unique index toewijzingen_actueel).</summary>
    internal const string VorigeVersieAf = "UPDATE toewijzingen SET actueel = 0 WHERE gemeente = @gemeente AND nummer = @nummer AND actueel = 1";

    /// <summary>Records a new version of an allocation; the previous version stops being current.</summary>
    public static void LegToewijzingVast(StoreTransactie tx, string gemeente, string aanbieder, ToegewezenProduct regel,
        VerwijzerType herkomst, int kerenVerschoven, DateOnly? oorspronkelijkeEinddatum, long? journaalId)
    {
        // Two deferred writes (one NpgsqlBatch holds one statement per command): sent with the message's other writes.
        tx.MerkTermijnen(gemeente, regel.Client.Waarde);
        tx.Uitgesteld(VorigeVersieAf)
            .Met("@gemeente", gemeente).Met("@nummer", (long)regel.ToewijzingNummer).Later(tx);
        tx.Uitgesteld("""
            INSERT INTO toewijzingen (gemeente, nummer, client_bsn, aanbieder, productcode, categorie, ingangsdatum, einddatum,
                volume, eenheid, frequentie, budget, toewijzingsdatum, toewijzingstijd, referentie, herkomst, keren_verschoven,
                reden_wijziging, oorspronkelijke_einddatum, journaal_id, actueel)
            VALUES (@gemeente, @nummer, @bsn, @aanbieder, @productcode, @categorie, @ingangsdatum, @einddatum,
                @volume, @eenheid, @frequentie, @budget, @toewijzingsdatum, @toewijzingstijd, @referentie, @herkomst, @keren,
                @reden, @oorspronkelijk, @journaal_id, 1)
            """)
            .Met("@gemeente", gemeente)
            .Met("@nummer", (long)regel.ToewijzingNummer)
            .Met("@bsn", regel.Client.Waarde)
            .Met("@aanbieder", aanbieder)
            .Met("@productcode", regel.Product.Waarde)
            .Met("@categorie", regel.Categorie)
            .Met("@ingangsdatum", regel.Ingangsdatum)
            .Met("@einddatum", regel.Einddatum)
            .Met("@volume", regel.Omvang is { } o ? (long)o.Volume : null)
            .Met("@eenheid", regel.Omvang?.Eenheid)
            .Met("@frequentie", regel.Omvang?.Frequentie)
            .Met("@budget", regel.Budget)
            .Met("@toewijzingsdatum", regel.Toewijzingsdatum)
            .Met("@toewijzingstijd", regel.Toewijzingstijd)
            .Met("@referentie", regel.ReferentieAanbieder)
            .Met("@herkomst", (long)herkomst)
            .Met("@keren", (long)kerenVerschoven)
            .Met("@reden", regel.RedenWijziging)
            .Met("@oorspronkelijk", oorspronkelijkeEinddatum)
            .Met("@journaal_id", journaalId)
            .Later(tx);
    }

    public static void BewaarClient(StoreTransactie tx, string gemeente, Clientgegevens c) => BewaarClienten(tx, gemeente, [c]);

    /// <summary>
    /// Keeps the clients' details for later JW301s (an upsert), a group at once (<see cref="Meerrijig"/>); each BSN at most
    /// once (one statement cannot update a row twice on PostgreSQL).
    /// </summary>
    public static void BewaarClienten(StoreTransactie tx, string gemeente, IReadOnlyList<Clientgegevens> clienten)
    {
        foreach (var c in clienten)
        {
            tx.MerkTermijnen(gemeente, c.Bsn);
        }

        tx.VoegToe("INSERT INTO clienten (gemeente, bsn, geboortedatum, datumgebruik, geslacht, achternaam, voorvoegsel, voornamen, voorletters)",
            ["g", "b", "d", "du", "s", "a", "vv", "vn", "vl"],
            [.. clienten.Select(c => new object?[] { gemeente, c.Bsn, c.Geboortedatum, c.DatumGebruik, c.Geslacht, c.Achternaam, c.Voorvoegsel, c.Voornamen, c.Voorletters })],
            """
            ON CONFLICT (gemeente, bsn) DO UPDATE SET geboortedatum = excluded.geboortedatum, datumgebruik = excluded.datumgebruik,
                geslacht = excluded.geslacht, achternaam = excluded.achternaam, voorvoegsel = excluded.voorvoegsel,
                voornamen = excluded.voornamen, voorletters = excluded.voorletters
            """);
    }

    /// <summary>
    /// The first versions of allocations whose numbers were just reserved (there is no earlier version to retire, unlike
    /// <see cref="LegToewijzingVast"/>), a group at once (<see cref="Meerrijig"/>).
    /// </summary>
    public static void LegNieuweToewijzingenVast(StoreTransactie tx, string gemeente,
        IReadOnlyList<(string Aanbieder, ToegewezenProduct Regel, VerwijzerType Herkomst, long JournaalId)> toewijzingen)
    {
        foreach (var t in toewijzingen)
        {
            tx.MerkTermijnen(gemeente, t.Regel.Client.Waarde);
        }

        tx.VoegToe("""
            INSERT INTO toewijzingen (gemeente, nummer, client_bsn, aanbieder, productcode, categorie, ingangsdatum, einddatum,
                volume, eenheid, frequentie, budget, toewijzingsdatum, toewijzingstijd, referentie, herkomst, keren_verschoven,
                reden_wijziging, journaal_id, actueel)
            """,
            ["g", "n", "b", "a", "p", "c", "i", "e", "v", "u", "f", "bu", "td", "tt", "r", "h", "k", "rw", "j", "ac"],
            [.. toewijzingen.Select(t => new object?[]
            {
                gemeente, (long)t.Regel.ToewijzingNummer, t.Regel.Client.Waarde, t.Aanbieder, t.Regel.Product.Waarde, t.Regel.Categorie,
                t.Regel.Ingangsdatum, t.Regel.Einddatum, t.Regel.Omvang is { } o ? (long)o.Volume : null, t.Regel.Omvang?.Eenheid,
                t.Regel.Omvang?.Frequentie, t.Regel.Budget, t.Regel.Toewijzingsdatum, t.Regel.Toewijzingstijd, t.Regel.ReferentieAanbieder,
                (long)t.Herkomst, 0L, t.Regel.RedenWijziging, t.JournaalId, 1L,
            })]);
    }

    public static Clientgegevens? LeesClient(StoreTransactie tx, string gemeente, string bsn)
    {
        using var r = tx.Commando("""
            SELECT bsn, geboortedatum, datumgebruik, geslacht, achternaam, voorvoegsel, voornamen, voorletters
            FROM clienten WHERE gemeente = @gemeente AND bsn = @bsn
            """).Met("@gemeente", gemeente).Met("@bsn", bsn).ExecuteReader();
        return r.Read()
            ? new Clientgegevens(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.TekstOfNull(2), r.GetString(3), r.GetString(4),
                r.TekstOfNull(5), r.TekstOfNull(6), r.TekstOfNull(7))
            : null;
    }

    public static void BewaarVerzoek(StoreTransactie tx, VerzoekRegel v)
    {
        tx.MerkTermijnen(v.Gemeente, v.ClientBsn);
        tx.Uitgesteld("""
            INSERT INTO verzoeken (journaal_id, volgnummer, berichtcode, gemeente, aanbieder, client_bsn, referentie, productcode,
                categorie, ingangsdatum, einddatum, volume, eenheid, frequentie, budget, verwijzer_type, status, uitkomst, reden,
                verantwoordelijke_gemeente, regels, toelichting, regelversie, regelset)
            VALUES (@journaal_id, @volgnummer, @berichtcode, @gemeente, @aanbieder, @bsn, @referentie, @productcode,
                @categorie, @ingangsdatum, @einddatum, @volume, @eenheid, @frequentie, @budget, @verwijzer, @status, @uitkomst, @reden,
                @vg, @regels, @toelichting, @regelversie, @regelset)
            """)
            .Met("@journaal_id", v.JournaalId).Met("@volgnummer", (long)v.Volgnummer).Met("@berichtcode", v.Berichtcode)
            .Met("@gemeente", v.Gemeente).Met("@aanbieder", v.Aanbieder).Met("@bsn", v.ClientBsn).Met("@referentie", v.Referentie)
            .Met("@productcode", v.Productcode).Met("@categorie", v.Categorie).Met("@ingangsdatum", v.Ingangsdatum)
            .Met("@einddatum", v.Einddatum).Met("@volume", v.Omvang is { } o ? (long)o.Volume : null).Met("@eenheid", v.Omvang?.Eenheid)
            .Met("@frequentie", v.Omvang?.Frequentie).Met("@budget", v.Budget).Met("@verwijzer", (long?)v.VerwijzerType)
            .Met("@status", v.Status).Met("@uitkomst", v.Uitkomst).Met("@reden", (long?)v.Reden).Met("@regels", v.Regels)
            .Met("@toelichting", v.Toelichting).Met("@vg", v.VerantwoordelijkeGemeente).Met("@regelversie", v.Regelversie)
            .Met("@regelset", v.Regelset).Later(tx);
    }

    private const string VerzoekKolommen = """
        id, journaal_id, volgnummer, berichtcode, gemeente, aanbieder, client_bsn, referentie, productcode, categorie, ingangsdatum,
        einddatum, volume, eenheid, frequentie, budget, verwijzer_type, status, uitkomst, reden, regels, toelichting
        """;

    private const string VerzoekenVanSql = $"SELECT {VerzoekKolommen} FROM verzoeken WHERE journaal_id = @journaal_id ORDER BY volgnummer";

    public static List<VerzoekRegel> VerzoekenVan(StoreTransactie tx, long journaalId) =>
        LeesVerzoeken(tx.Store, tx.Commando, tx.Commando(VerzoekenVanSql).Met("@journaal_id", journaalId));

    /// <summary>The decisions on a message's requests as reported (a re-delivery, the provider API's message resource).</summary>
    public static List<Beslissing> BeslissingenVan(StoreTransactie tx, long journaalId) => Beslissingen(VerzoekenVan(tx, journaalId));

    /// <summary>As above, outside a transaction: a read that must not take the write lock (the provider API).</summary>
    public static List<Beslissing> BeslissingenVan(StoreSessie sessie, long journaalId) =>
        Beslissingen(LeesVerzoeken(sessie.Store, sessie.Commando, sessie.Commando(VerzoekenVanSql).Met("@journaal_id", journaalId)));

    private static List<Beslissing> Beslissingen(List<VerzoekRegel> verzoeken) =>
        [.. verzoeken.Select(v => new Beslissing(v.Referentie, v.Uitkomst, v.Reden, v.Regels.Length == 0 ? [] : v.Regels.Split(','), v.Toelichting))];

    public static List<VerzoekRegel> TeBeoordelen(StoreTransactie tx, string referentie) =>
        LeesVerzoeken(tx.Store, tx.Commando, tx.Commando($"SELECT {VerzoekKolommen} FROM verzoeken WHERE referentie = @referentie AND status = 'review' ORDER BY id")
            .Met("@referentie", referentie));

    /// <summary>The lines <paramref name="cmd"/> reads, an engine decision's explanation rendered from its findings (<see cref="Toelichtingen"/>).</summary>
    private static List<VerzoekRegel> LeesVerzoeken(Datastore store, Func<string, DbCommand> commando, DbCommand cmd)
    {
        var lijst = new List<VerzoekRegel>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                lijst.Add(new VerzoekRegel(r.GetInt64(0), r.GetInt64(1), checked((int)r.GetInt64(2)), r.GetString(3), r.GetString(4),
                    r.GetString(5), r.GetString(6), r.GetString(7), r.TekstOfNull(8), r.TekstOfNull(9), r.DatumOfNull(10), r.DatumOfNull(11),
                    r.IsDBNull(12) ? null : new Omvang(checked((int)r.GetInt64(12)), r.GetString(13), r.GetString(14)),
                    r.IsDBNull(15) ? null : r.GetInt64(15), r.IsDBNull(16) ? null : checked((int)r.GetInt64(16)),
                    r.GetString(17), r.GetString(18), r.IsDBNull(19) ? null : checked((int)r.GetInt64(19)), r.GetString(20), r.GetString(21)));
            }
        }

        return Toelichtingen.Vul(lijst, store, commando, v => v.Id, v => v.Toelichting, (v, t) => v with { Toelichting = t });
    }

    /// <summary>The request line <paramref name="id"/> of <paramref name="gemeente"/> when it is in review; null otherwise.</summary>
    public static VerzoekRegel? TeBeoordelenOpId(StoreTransactie tx, long id, string gemeente) =>
        LeesVerzoeken(tx.Store, tx.Commando, tx.Commando($"SELECT {VerzoekKolommen} FROM verzoeken WHERE id = @id AND gemeente = @gemeente AND status = 'review'")
            .Met("@id", id).Met("@gemeente", gemeente)).SingleOrDefault();

    /// <summary>
    /// Keeps when a person decided, their own note, the rules the decision applied and the rule-set version it used
    /// (the decided item's page, the dossier); a null <paramref name="regels"/> or <paramref name="regelversie"/> keeps
    /// the engine's (a decision that applied no rules of its own stands on the engine's review).
    /// </summary>
    public static void NoteerBesluit(StoreTransactie tx, long id, string? notitie, string? regels, string? regelversie = null) =>
        tx.Commando("""
            UPDATE verzoeken SET besloten_op = @op, besluit_notitie = @notitie, regels = COALESCE(@regels, regels),
                regelversie = COALESCE(@regelversie, regelversie)
            WHERE id = @id
            """)
            .Met("@op", tx.EchtNu).Met("@notitie", string.IsNullOrWhiteSpace(notitie) ? null : notitie.Trim()).Met("@regels", regels)
            .Met("@regelversie", regelversie).Met("@id", id).ExecuteNonQuery();

    /// <summary>Claims a review item for a decision; false when it is no longer waiting (decided by someone else).</summary>
    public static bool BesluitVerzoek(StoreTransactie tx, long id, string uitkomst, int? reden, string? verantwoordelijk, string toelichting, string door) =>
        tx.Commando("""
            UPDATE verzoeken SET status = 'besloten', uitkomst = @uitkomst, reden = @reden, verantwoordelijke_gemeente = @vg,
                toelichting = @toelichting, besloten_door = @door
            WHERE id = @id AND status = 'review'
            """)
            .Met("@uitkomst", uitkomst).Met("@reden", (long?)reden).Met("@vg", verantwoordelijk).Met("@toelichting", toelichting)
            .Met("@door", door).Met("@id", id).ExecuteNonQuery() == 1;

    public static string? JournaalStatus(StoreTransactie tx, long journaalId) =>
        tx.Commando("SELECT status FROM journaal WHERE id = @id").Met("@id", journaalId).ExecuteScalar() as string;
}

/// <summary>
/// The state of a group of clients of one municipality as stored (<see cref="Staat.LaadToestanden(StoreTransactie, string, IReadOnlyList{string}, bool)"/>), per BSN. A
/// client's <see cref="Clienttoestand"/> is built from it together with what the group itself has allocated so far
/// (<c>nieuw</c>), so that a later line of the group sees the earlier lines' allocations before anything is written.
/// </summary>
internal sealed class Groepstoestand
{
    public Dictionary<string, List<VastgelegdeToewijzing>> Toewijzingen { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<OpenVerzoek>> Open { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<int, long>> Gedeclareerd { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, HashSet<int>> Regie { get; } = new(StringComparer.Ordinal);

    /// <summary>The next number the counter would hand out (TR332), without moving it.</summary>
    public int VolgendNummer { get; set; }

    /// <summary>
    /// The state of <paramref name="client"/>: the stored and the group's new allocations of the client, and those of the
    /// other <paramref name="huishouden"/> members (as <see cref="Staat.LaadToestand"/> gives them for one client).
    /// </summary>
    public Clienttoestand Toestand(Bsn client, IEnumerable<Bsn> huishouden, IReadOnlyDictionary<string, List<VastgelegdeToewijzing>> nieuw)
    {
        IEnumerable<VastgelegdeToewijzing> Alle(Bsn b) =>
            Toewijzingen.GetValueOrDefault(b.Waarde, []).Concat(nieuw.GetValueOrDefault(b.Waarde, []));
        return new Clienttoestand([.. Alle(client)], [.. huishouden.Where(h => h != client).Distinct().SelectMany(Alle)],
            Open.GetValueOrDefault(client.Waarde, []), Gedeclareerd.GetValueOrDefault(client.Waarde), Regie.GetValueOrDefault(client.Waarde));
    }

    /// <summary>The entry of <paramref name="bsn"/> in <paramref name="per"/>, added empty when missing.</summary>
    public static TWaarde Van<TWaarde>(Dictionary<string, TWaarde> per, string bsn)
        where TWaarde : new()
    {
        if (!per.TryGetValue(bsn, out var w))
        {
            w = new TWaarde();
            per.Add(bsn, w);
        }

        return w;
    }
}
