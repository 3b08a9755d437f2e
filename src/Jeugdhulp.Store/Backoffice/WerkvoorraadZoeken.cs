using System.Text;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Audit;
using Jeugdhulp.Store.Bevindingen;

namespace Jeugdhulp.Store.Backoffice;

/// <summary>The order of the work queue; ties always go oldest first.</summary>
public enum Werkvoorraadvolgorde
{
    Ontvangen,
    Referentie,
    Aanbieder,
    Product,
    Naam,
}

/// <summary>
/// What a staff member asks of the work queue. Every filter is optional; <paramref name="OntvangenVoor"/>
/// selects the overdue ones (received before the moment whose answer deadline has passed: the caller
/// counts the werkdagen), and with <paramref name="OnderzoekVoor"/> an item "in onderzoek" is overdue by its
/// own new deadline instead (onderzoek_tot before that date); <paramref name="Zoektekst"/> matches a reference
/// exactly or the start of a surname.
/// </summary>
public sealed record Werkvoorraadfilter(
    string? Soort = null,
    string? Product = null,
    string? Aanbieder = null,
    string? Regel = null,
    DateTimeOffset? OntvangenVoor = null,
    string? Behandelaar = null,
    bool ZonderBehandelaar = false,
    string? Zoektekst = null,
    Bsn? Client = null,
    Werkvoorraadvolgorde Volgorde = Werkvoorraadvolgorde.Ontvangen,
    bool Aflopend = false,
    int Pagina = 1,
    int PerPagina = 25,
    DateOnly? OnderzoekVoor = null);

/// <summary>An item of the queue with who handles it (null: nobody yet).</summary>
public sealed record Werkvoorraadregel(Werkitem Item, string? Behandelaar);

/// <summary>
/// One page of the queue and the number of items over all pages. Each item's <see cref="Werkitem.Toelichting"/> is the stored
/// text, not rendered: empty for an engine decision (<see cref="Toelichtingen"/>); the item page renders it.
/// </summary>
public sealed record Werkvoorraadpagina(IReadOnlyList<Werkvoorraadregel> Regels, int Totaal);

/// <summary>The choices the queue's filters offer: the kinds, products and providers now in review, and the colleagues.</summary>
public sealed record Werkvoorraadkeuzes(IReadOnlyList<string> Soorten, IReadOnlyList<string> Producten, IReadOnlyList<string> Aanbieders, IReadOnlyList<string> Collega);

/// <summary>
/// The work queue as a queue: filtered, sorted and paged in SQL on the gemeente's requests in review
/// (partial index <c>verzoeken_wachtrij</c>, migration 0026), never the whole list in memory; and who handles which item.
/// </summary>
public static class WerkvoorraadZoeken
{

    public static Werkvoorraadpagina ZoekWerkvoorraad(this Datastore store, Gemeentecode gemeente, Werkvoorraadfilter filter)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(filter);
        var perPagina = Math.Clamp(filter.PerPagina, 1, 200);
        var pagina = Math.Max(1, filter.Pagina);
        var waar = new StringBuilder(" WHERE v.gemeente = @gemeente AND v.status = 'review'");
        var parameters = new List<(string, object?)> { ("@gemeente", gemeente.Waarde) };

        void Voeg(string sql, string naam, object? waarde)
        {
            waar.Append(" AND ").Append(sql);
            parameters.Add((naam, waarde));
        }

        if (filter.Soort is { Length: > 0 } soort)
        {
            Voeg("v.berichtcode = @soort", "@soort", soort);
        }

        if (filter.Product is { Length: > 0 } product)
        {
            Voeg("v.productcode = @product", "@product", product);
        }

        if (filter.Aanbieder is { Length: > 0 } aanbieder)
        {
            Voeg("v.aanbieder = @aanbieder", "@aanbieder", aanbieder);
        }

        if (filter.Regel is { Length: > 0 } regel)
        {
            // The stored findings, not the explanation's text: a request waits on this rule. Its line's one findings row (migration
            // 0038), reached by its key from the queue's row, lists the rules it was sent to review for, each between spaces (not
            // NULL: what PostgreSQL's partial index verzoekbevindingen_review holds).
            Voeg($"EXISTS (SELECT 1 FROM verzoekbevindingen b WHERE b.journaal_id = v.journaal_id AND b.volgnummer = v.volgnummer AND b.gemeente = v.gemeente AND b.beoordelen IS NOT NULL AND {(store.Provider.IsPostgres ? "strpos" : "instr")}(b.beoordelen, @regel) > 0)",
                "@regel", Bevindinglijst.Zoekterm(regel));
        }

        if (filter.OntvangenVoor is { } voor && filter.OnderzoekVoor is { } onderzoek)
        {
            // Both in SQL on the queue's rows (partial index verzoeken_wachtrij): no deadline computed per item.
            waar.Append(" AND ((v.onderzoek_tot IS NULL AND j.ontvangen_op < @voor) OR v.onderzoek_tot < @onderzoek)");
            parameters.Add(("@voor", voor));
            parameters.Add(("@onderzoek", onderzoek));
        }
        else if (filter.OntvangenVoor is { } alleenVoor)
        {
            Voeg("j.ontvangen_op < @voor", "@voor", alleenVoor);
        }

        if (filter.ZonderBehandelaar)
        {
            waar.Append(" AND b.medewerker IS NULL");
        }
        else if (filter.Behandelaar is { Length: > 0 } behandelaar)
        {
            Voeg("b.medewerker = @behandelaar", "@behandelaar", behandelaar);
        }

        if (filter.Zoektekst?.Trim() is { Length: > 0 } zoek)
        {
            waar.Append(" AND (v.referentie = @zoek OR LOWER(c.achternaam) LIKE @naam)");
            parameters.Add(("@zoek", zoek));
            parameters.Add(("@naam", Letterlijk(zoek.ToLowerInvariant()) + "%"));
        }

        if (filter.Client is { } client)
        {
            Voeg("v.client_bsn = @client", "@client", client.Waarde);
        }

        const string Van = """
             FROM verzoeken v
             JOIN journaal j ON j.id = v.journaal_id
             LEFT JOIN clienten c ON c.gemeente = v.gemeente AND c.bsn = v.client_bsn
             LEFT JOIN werkvoorraad_behandelaar b ON b.verzoek_id = v.id
            """;
        var richting = filter.Aflopend ? "DESC" : "ASC";
        var volgorde = filter.Volgorde switch
        {
            Werkvoorraadvolgorde.Referentie => $"v.referentie {richting}, ",
            Werkvoorraadvolgorde.Aanbieder => $"v.aanbieder {richting}, ",
            Werkvoorraadvolgorde.Product => $"v.productcode {richting}, ",
            Werkvoorraadvolgorde.Naam => $"c.achternaam {richting}, ",
            _ => "",
        };
        var tijd = filter.Volgorde == Werkvoorraadvolgorde.Ontvangen ? richting : "ASC";

        using var sessie = store.OpenSessie();
        var tel = sessie.Commando("SELECT COUNT(*)" + Van + waar);
        foreach (var (naam, waarde) in parameters)
        {
            tel.Met(naam, waarde);
        }

        var totaal = checked((int)(tel.LeesLongOfNull() ?? 0));
        var lees = sessie.Commando($"""
            SELECT {Werkvoorraad.Velden}, b.medewerker
            {Van}{waar}
            ORDER BY {volgorde}j.ontvangen_op {tijd}, v.id {tijd}
            LIMIT @aantal OFFSET @vanaf
            """);
        foreach (var (naam, waarde) in parameters)
        {
            lees.Met(naam, waarde);
        }

        lees.Met("@aantal", perPagina).Met("@vanaf", (long)(pagina - 1) * perPagina);
        var regels = new List<Werkvoorraadregel>();
        using (var r = lees.ExecuteReader())
        {
            while (r.Read())
            {
                regels.Add(new Werkvoorraadregel(Werkvoorraad.Lees(r), r.TekstOfNull(16)));
            }
        }

        // The rows keep their stored toelichting (an engine decision's is empty since 0037): neither the list nor its export
        // shows the explanation — the list shows the findings in review, the item page (BekijkWerkitem) renders the text — so a
        // page of up to 200 lines renders none of it (bench/RESULTS.md, session 11: +8–13 ms a page for nothing).
        return new Werkvoorraadpagina(regels, totaal);
    }

    /// <summary>The filter choices for <paramref name="gemeente"/>: what is in review now, and its active accounts.</summary>
    public static Werkvoorraadkeuzes LeesWerkvoorraadkeuzes(this Datastore store, Gemeentecode gemeente)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var sessie = store.OpenSessie();

        List<string> Lijst(string sql)
        {
            using var r = sessie.Commando(sql).Met("@gemeente", gemeente.Waarde).ExecuteReader();
            var lijst = new List<string>();
            while (r.Read())
            {
                lijst.Add(r.GetString(0));
            }

            return lijst;
        }

        const string Open = "FROM verzoeken v WHERE v.gemeente = @gemeente AND v.status = 'review'";
        return new Werkvoorraadkeuzes(
            Lijst($"SELECT DISTINCT v.berichtcode {Open} ORDER BY 1"),
            Lijst($"SELECT DISTINCT v.productcode {Open} AND v.productcode IS NOT NULL ORDER BY 1"),
            Lijst($"SELECT DISTINCT v.aanbieder {Open} ORDER BY 1"),
            Lijst($"SELECT gebruiker FROM medewerkers WHERE gemeente = @gemeente AND actief AND {Behandelrollen} ORDER BY gebruiker"));
    }

    /// <summary>
    /// <paramref name="door"/> gives an item in review of <paramref name="gemeente"/> to <paramref name="aan"/>
    /// (an active account of the same gemeente; themselves to claim it), or releases it with null. False, and
    /// nothing changed, when the item or the colleague is not found there. Audited in the same transaction.
    /// </summary>
    public static bool WijsWerkitemToe(this Datastore store, string door, Gemeentecode gemeente, long id, string? aan)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(door);
        using var tx = store.BeginTransactie();
        string? referentie = null;
        Bsn? client = null;
        using (var r = tx.Commando("SELECT referentie, client_bsn FROM verzoeken WHERE id = @id AND gemeente = @gemeente AND status = 'review'")
            .Met("@id", id).Met("@gemeente", gemeente.Waarde).ExecuteReader())
        {
            if (r.Read())
            {
                referentie = r.GetString(0);
                client = Bsn.Parse(r.GetString(1)).Waarde;
            }
        }

        if (referentie is null)
        {
            return false;
        }

        if (aan is null)
        {
            tx.Commando("DELETE FROM werkvoorraad_behandelaar WHERE verzoek_id = @id").Met("@id", id).ExecuteNonQuery();
            tx.Audit(door, gemeente, $"verzoek {referentie} vrijgegeven", client);
            tx.Commit();
            return true;
        }

        var collega = tx.Commando($"SELECT COUNT(*) FROM medewerkers WHERE gebruiker = @aan AND gemeente = @gemeente AND actief AND {Behandelrollen}")
            .Met("@aan", aan).Met("@gemeente", gemeente.Waarde).LeesLongOfNull();
        if (collega is not 1)
        {
            return false;
        }

        tx.Commando("""
            INSERT INTO werkvoorraad_behandelaar (verzoek_id, gemeente, medewerker, toegewezen_door, toegewezen_op)
            VALUES (@id, @gemeente, @aan, @door, @op)
            ON CONFLICT (verzoek_id) DO UPDATE SET medewerker = @aan, toegewezen_door = @door, toegewezen_op = @op
            """).Met("@id", id).Met("@gemeente", gemeente.Waarde).Met("@aan", aan).Met("@door", door).Met("@op", tx.EchtNu).ExecuteNonQuery();
        tx.Audit(door, gemeente, aan == door ? $"verzoek {referentie} opgepakt" : $"verzoek {referentie} toegewezen aan {aan}", client);
        tx.Commit();
        return true;
    }

    /// <summary>Who handles item <paramref name="id"/>, if anyone.</summary>
    public static string? LeesBehandelaar(this Datastore store, long id)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var sessie = store.OpenSessie();
        using var r = sessie.Commando("SELECT medewerker FROM werkvoorraad_behandelaar WHERE verzoek_id = @id").Met("@id", id).ExecuteReader();
        return r.Read() ? r.GetString(0) : null;
    }

    /// <summary>Only staff who handle requests get work: not the privacy officer nor the policy team (migration 0017).</summary>
    private const string Behandelrollen = "rol IN ('medewerker', 'teamleider')";

    /// <summary>A LIKE pattern matching <paramref name="tekst"/> literally: the wildcards are dropped (reference and rule ids never hold them).</summary>
    private static string Letterlijk(string tekst) => tekst.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
}
