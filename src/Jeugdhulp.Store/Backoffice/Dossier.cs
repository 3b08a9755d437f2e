using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Audit;
using Jeugdhulp.Store.Bevindingen;

namespace Jeugdhulp.Store.Backoffice;

/// <summary>A request line in a dossier, decided or not.</summary>
public sealed record DossierVerzoek(
    long Id, string Berichtcode, string Referentie, string Aanbieder, string? Productcode, DateOnly? Ingangsdatum, DateOnly? Einddatum,
    Omvang? Omvang, string Status, string Uitkomst, int? Reden, string Regels, string Toelichting, string? BeslotenDoor,
    DateTimeOffset Ontvangen, string? Notitie = null, string? Regelversie = null);

/// <summary>One version of an allocation (IV013: the newest version is current).</summary>
public sealed record DossierToewijzing(
    long Nummer, string Aanbieder, string Productcode, DateOnly Ingangsdatum, DateOnly? Einddatum, Omvang? Omvang, DateOnly Toewijzingsdatum,
    TimeOnly Toewijzingstijd, string? Referentie, string? RedenWijziging, bool Actueel);

/// <summary>A recorded JW305 start or JW307 stop.</summary>
public sealed record DossierStartStop(string Soort, long Nummer, DateOnly Begindatum, DateOnly? Einddatum, string? RedenBeeindiging, bool Actief, DateTimeOffset Ontvangen);

/// <summary>An action of the municipality itself on an allocation (issue, change, end, withdraw, procesregie; #13), with who did it.</summary>
public sealed record DossierToekenning(
    string Soort, long? Nummer, string Aanbieder, string Productcode, string Status, string Regels, string? Motivering, string? Verwijzer,
    string? Commentaar, string Door, DateTimeOffset Op, string? Regelversie = null);

/// <summary>Who holds procesregie over allocation <paramref name="Nummer"/> (HK-317-7): gemeente, gi, medisch or niemand.</summary>
public sealed record DossierProcesregie(long Nummer, string Houder, string? Team);

/// <summary>
/// Everything the municipality holds about one client. Each list holds at most <see cref="Dossier.MaxPerSoort"/>
/// of the newest rows; <paramref name="Afgekapt"/> says older ones were left out.
/// </summary>
public sealed record Clientdossier(
    Bsn Client, string? Achternaam, string? Voorvoegsel, string? Voornamen, DateOnly? Geboortedatum, string? Huishouden, bool EigenInwoner,
    IReadOnlyList<DossierVerzoek> Verzoeken, IReadOnlyList<DossierToewijzing> Toewijzingen, IReadOnlyList<DossierStartStop> StartStop,
    IReadOnlyList<Declaratieregel> Declaraties, IReadOnlyList<NoShow> NoShows,
    IReadOnlyList<DossierToekenning> Toekenningen, IReadOnlyList<DossierProcesregie> Procesregie, bool Afgekapt)
{
    /// <summary>How many declared lines the client has in all; <see cref="Declaraties"/> is one page of them (newest first).</summary>
    public int DeclaratiesTotaal { get; init; }

    /// <summary>The page of declared lines shown (1-based).</summary>
    public int Declaratiepagina { get; init; } = 1;

    /// <summary>Declared, paid and refused per allocation and month, over all the client's lines.</summary>
    public IReadOnlyList<Declaratiemaand> Declaratiemaanden { get; init; } = [];

    /// <summary>The client's 24-hour care records (placements, meerzorg, moeder-kindtoeslag), oldest first.</summary>
    public IReadOnlyList<DossierVerblijf> Verblijf { get; init; } = [];
}

/// <summary>A client in the municipality's client list (the BSN is shown masked).</summary>
public sealed record Clientregel(Bsn Client, string? Achternaam, string? Voornamen, int LopendeToewijzingen, int InBeoordeling);

/// <summary>
/// The client dossier for staff: only data of the staff member's own gemeente (its residents, and the
/// requests, allocations and messages addressed to it). Every look is audited, also one that finds nothing.
/// </summary>
public static class Dossier
{
    /// <summary>The most rows of one kind a dossier shows (the newest): a long history stays one bounded read.</summary>
    public const int MaxPerSoort = 250;

    /// <summary>Declared lines per dossier page: the rest is reached by paging, so a long history stays a bounded read.</summary>
    public const int DeclaratiesPerPagina = 25;

    // Every list by an index on (gemeente, client) or the allocation number: verzoeken_wachtrij_client/verzoeken_client by client,
    // toewijzingen, startstop_sleutel, toekenningen_client, procesregie's key (migrations 0002, 0011, 0017).
    private const string Query = """
        SELECT achternaam, voorvoegsel, voornamen, geboortedatum FROM clienten WHERE gemeente = @gemeente AND bsn = @bsn;
        SELECT geboortedatum, huishouden FROM inwoners WHERE gemeente = @gemeente AND bsn = @bsn;
        SELECT v.id, v.berichtcode, v.referentie, v.aanbieder, v.productcode, v.ingangsdatum, v.einddatum, v.volume, v.eenheid,
            v.frequentie, v.status, v.uitkomst, v.reden, v.regels, v.toelichting, v.besloten_door, j.ontvangen_op, v.besluit_notitie,
            v.regelversie
        FROM verzoeken v JOIN journaal j ON j.id = v.journaal_id
        WHERE v.gemeente = @gemeente AND v.client_bsn = @bsn ORDER BY j.ontvangen_op DESC, v.id DESC LIMIT @max;
        SELECT nummer, aanbieder, productcode, ingangsdatum, einddatum, volume, eenheid, frequentie, toewijzingsdatum, toewijzingstijd,
            referentie, reden_wijziging, actueel
        FROM toewijzingen WHERE gemeente = @gemeente AND client_bsn = @bsn ORDER BY nummer DESC, id DESC LIMIT @max;
        SELECT s.soort, s.nummer, s.begindatum, s.einddatum, s.reden_beeindiging, s.actief, j.ontvangen_op
        FROM startstop s JOIN journaal j ON j.id = s.journaal_id
        WHERE s.gemeente = @gemeente AND s.nummer IN (SELECT nummer FROM toewijzingen WHERE gemeente = @gemeente AND client_bsn = @bsn)
        ORDER BY j.ontvangen_op DESC, s.id DESC LIMIT @max;
        SELECT soort, nummer, aanbieder, productcode, status, regels, motivering, verwijzer, commentaar, door, op, regelversie
        FROM toekenningen WHERE gemeente = @gemeente AND client_bsn = @bsn ORDER BY id DESC LIMIT @max;
        SELECT p.nummer, p.houder, p.team FROM procesregie p
        WHERE p.gemeente = @gemeente AND p.nummer IN (SELECT nummer FROM toewijzingen WHERE gemeente = @gemeente AND client_bsn = @bsn)
        """;

    /// <summary>The dossier of <paramref name="client"/> as <paramref name="gemeente"/> knows it; null when it knows nothing.</summary>
    public static Clientdossier? BekijkDossier(this Datastore store, string medewerker, Gemeentecode gemeente, Bsn client, int declaratiepagina = 1)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(medewerker);
        using var tx = store.BeginTransactie();
        string? achternaam = null, voorvoegsel = null, voornamen = null, huishouden = null;
        DateOnly? geboren = null;
        var eigen = false;
        var verzoeken = new List<DossierVerzoek>();
        var toewijzingen = new List<DossierToewijzing>();
        var startstop = new List<DossierStartStop>();
        var toekenningen = new List<DossierToekenning>();
        var procesregie = new List<DossierProcesregie>();
        using (var r = tx.Commando(Query).Met("@gemeente", gemeente.Waarde).Met("@bsn", client.Waarde).Met("@max", (long)MaxPerSoort).ExecuteReader())
        {
            if (r.Read())
            {
                (achternaam, voorvoegsel, voornamen, geboren) = (r.GetString(0), r.TekstOfNull(1), r.TekstOfNull(2), r.GetFieldValue<DateOnly>(3));
            }

            r.NextResult();
            if (r.Read())
            {
                eigen = true;
                geboren ??= r.GetFieldValue<DateOnly>(0);
                huishouden = r.TekstOfNull(1);
            }

            r.NextResult();
            while (r.Read())
            {
                verzoeken.Add(new DossierVerzoek(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.TekstOfNull(4),
                    r.DatumOfNull(5), r.DatumOfNull(6), r.IsDBNull(7) ? null : new Omvang(checked((int)r.GetInt64(7)), r.GetString(8), r.GetString(9)),
                    r.GetString(10), r.GetString(11), r.IsDBNull(12) ? null : checked((int)r.GetInt64(12)), r.GetString(13), r.GetString(14),
                    r.TekstOfNull(15), r.GetFieldValue<DateTimeOffset>(16), r.TekstOfNull(17), r.TekstOfNull(18)));
            }

            r.NextResult();
            while (r.Read())
            {
                toewijzingen.Add(new DossierToewijzing(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateOnly>(3), r.DatumOfNull(4),
                    r.IsDBNull(5) ? null : new Omvang(checked((int)r.GetInt64(5)), r.GetString(6), r.GetString(7)),
                    r.GetFieldValue<DateOnly>(8), r.GetFieldValue<TimeOnly>(9), r.TekstOfNull(10), r.TekstOfNull(11), r.GetInt64(12) == 1));
            }

            r.NextResult();
            while (r.Read())
            {
                startstop.Add(new DossierStartStop(r.GetString(0), r.GetInt64(1), r.GetFieldValue<DateOnly>(2), r.DatumOfNull(3), r.TekstOfNull(4),
                    r.GetInt64(5) == 1, r.GetFieldValue<DateTimeOffset>(6)));
            }

            r.NextResult();
            while (r.Read())
            {
                toekenningen.Add(new DossierToekenning(r.GetString(0), r.IsDBNull(1) ? null : r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4),
                    r.GetString(5), r.TekstOfNull(6), r.TekstOfNull(7), r.TekstOfNull(8), r.GetString(9), r.GetFieldValue<DateTimeOffset>(10), r.TekstOfNull(11)));
            }

            r.NextResult();
            while (r.Read())
            {
                procesregie.Add(new DossierProcesregie(r.GetInt64(0), r.GetString(1), r.TekstOfNull(2)));
            }
        }

        // Only a client with youth-care activity in this gemeente has a dossier: being a resident is not enough
        // (staff would otherwise read the resident register through this page). Any other BSN gets the same
        // "not found" as a number that does not exist.
        var bekend = achternaam is not null || verzoeken.Count > 0 || toewijzingen.Count > 0 || toekenningen.Count > 0;
        var afgekapt = new[] { verzoeken.Count, toewijzingen.Count, startstop.Count, toekenningen.Count }.Any(n => n >= MaxPerSoort);
        verzoeken = Toelichtingen.Vul(verzoeken, store, tx.Commando, v => v.Id, v => v.Toelichting, (v, t) => v with { Toelichting = t });
        verzoeken.Reverse();
        toewijzingen.Reverse();
        startstop.Reverse();
        toekenningen.Reverse();
        tx.Audit(medewerker, gemeente, bekend ? "dossier bekeken" : "dossier gezocht, niet gevonden", client);
        Clientdossier? dossier = null;
        if (bekend)
        {
            var declaraties = tx.LeesDossierDeclaraties(gemeente, client, Math.Max(1, declaratiepagina), DeclaratiesPerPagina);
            dossier = new Clientdossier(client, achternaam, voorvoegsel, voornamen, geboren, huishouden, eigen, verzoeken, toewijzingen, startstop,
                declaraties.Regels, tx.LeesNoShows(gemeente, client), toekenningen, procesregie, afgekapt)
            {
                DeclaratiesTotaal = declaraties.Totaal,
                Declaratiepagina = Math.Max(1, declaratiepagina),
                Declaratiemaanden = declaraties.Maanden,
                Verblijf = tx.LeesDossierVerblijf(gemeente, client),
            };
        }

        tx.Commit();
        return dossier;
    }

    /// <summary>
    /// The cliënten list: per client its current allocations and requests in review, each counted by one seek in a
    /// covering index (migration 0030: toewijzingen_client_actueel, verzoeken_wachtrij_client); internal for the index tests.
    /// </summary>
    internal const string ClientenQuery = """
        SELECT c.bsn, c.achternaam, c.voornamen,
            (SELECT COUNT(*) FROM toewijzingen t WHERE t.gemeente = c.gemeente AND t.client_bsn = c.bsn AND t.actueel = 1),
            (SELECT COUNT(*) FROM verzoeken v WHERE v.gemeente = c.gemeente AND v.client_bsn = c.bsn AND v.status = 'review')
        FROM clienten c WHERE c.gemeente = @gemeente
        ORDER BY c.achternaam, c.bsn
        LIMIT @max
        """;

    /// <summary>The municipality's clients (from its requests and allocations), by surname; at most <paramref name="max"/>.</summary>
    public static IReadOnlyList<Clientregel> LeesClienten(this Datastore store, Gemeentecode gemeente, int max)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var sessie = store.OpenSessie();
        using var r = sessie.Commando(ClientenQuery).Met("@gemeente", gemeente.Waarde).Met("@max", (long)max).ExecuteReader();
        var lijst = new List<Clientregel>();
        while (r.Read())
        {
            lijst.Add(new Clientregel(Bsn.Parse(r.GetString(0)).Waarde, r.GetString(1), r.TekstOfNull(2), checked((int)r.GetInt64(3)), checked((int)r.GetInt64(4))));
        }

        return lijst;
    }
}
