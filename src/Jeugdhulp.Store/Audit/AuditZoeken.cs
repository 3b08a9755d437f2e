using Jeugdhulp.Core.Tijd;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Audit;

/// <summary>
/// What a privacy officer filters the audit log on: a staff member, a period of days (Europe/Amsterdam, both
/// inclusive) and a client (found by the keyed hash, never by the BSN itself); a page from 1.
/// </summary>
public sealed record Auditfilter(string? Wie = null, DateOnly? Van = null, DateOnly? Tot = null, Bsn? Client = null, int Pagina = 1, int PerPagina = 50);

/// <summary>One page of the audit view, newest first; <paramref name="Meer"/> when a next page exists.</summary>
public sealed record Auditresultaat(IReadOnlyList<AuditRegel> Regels, bool Meer);

/// <summary>
/// The audit view of one gemeente: who looked at or did something with which client when. Only entries
/// about a client (the view's question); the client only masked. Read by the indexes of migration 0017
/// (gemeente, id) and (gemeente, wie, id), or auditlog_client for one client: a page costs its rows only.
/// </summary>
public static class AuditZoeken
{
    /// <summary>
    /// A page of <paramref name="gemeente"/>'s entries under <paramref name="filter"/>. A search on a client is
    /// itself audited on <paramref name="privacy"/>'s name (who looked up whose access history is sensitive too).
    /// </summary>
    public static Auditresultaat ZoekAudit(this Datastore store, string privacy, Gemeentecode gemeente, Auditfilter filter)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(privacy);
        ArgumentNullException.ThrowIfNull(filter);
        var perPagina = Math.Clamp(filter.PerPagina, 1, 500);
        var pagina = Math.Max(1, filter.Pagina);
        var waar = new List<string> { "gemeente = @gemeente", "client_hash IS NOT NULL" };
        var waarden = new List<(string, object)> { ("@gemeente", gemeente.Waarde) };
        void Voeg(string voorwaarde, string naam, object waarde)
        {
            waar.Add(voorwaarde);
            waarden.Add((naam, waarde));
        }

        if (filter.Wie is { Length: > 0 } wie)
        {
            Voeg("wie = @wie", "@wie", wie);
        }

        if (filter.Van is { } van)
        {
            Voeg("op >= @van", "@van", Begin(van));
        }

        if (filter.Tot is { } tot)
        {
            Voeg("op < @tot", "@tot", Begin(tot.AddDays(1)));
        }

        if (filter.Client is { } client)
        {
            Voeg("client_hash = @client_hash", "@client_hash", Auditlog.ClientHash(store.AuditSleutel, client));
        }

        using var tx = store.BeginTransactie();
        var cmd = tx.Commando($"""
            SELECT op, wie, gemeente, actie, client_gemaskeerd FROM auditlog
            WHERE {string.Join(" AND ", waar)}
            ORDER BY id DESC
            LIMIT @aantal OFFSET @overslaan
            """);
        foreach (var (naam, waarde) in waarden)
        {
            cmd.Met(naam, waarde);
        }

        cmd.Met("@aantal", (long)perPagina + 1).Met("@overslaan", (long)(pagina - 1) * perPagina);
        var regels = new List<AuditRegel>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                regels.Add(new AuditRegel(r.GetFieldValue<DateTimeOffset>(0), r.GetString(1), r.GetString(2), r.GetString(3), r.TekstOfNull(4)));
            }
        }

        if (filter.Client is { } gezocht)
        {
            tx.Audit(privacy, gemeente, "auditlog doorzocht op cliënt", gezocht);
        }

        tx.Commit();
        var meer = regels.Count > perPagina;
        return new Auditresultaat(meer ? regels[..perPagina] : regels, meer);
    }

    /// <summary>The staff members with entries about clients in <paramref name="gemeente"/>'s log, for the filter's choice.</summary>
    public static IReadOnlyList<string> AuditMedewerkers(this Datastore store, Gemeentecode gemeente)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var sessie = store.OpenSessie();
        using var r = sessie.Commando("SELECT gebruiker FROM medewerkers WHERE gemeente = @gemeente ORDER BY gebruiker")
            .Met("@gemeente", gemeente.Waarde).ExecuteReader();
        var lijst = new List<string>();
        while (r.Read())
        {
            lijst.Add(r.GetString(0));
        }

        return lijst;
    }

    private static DateTimeOffset Begin(DateOnly dag) =>
        new DateTimeOffset(dag.ToDateTime(TimeOnly.MinValue), Bedrijfstijd.Zone.GetUtcOffset(dag.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();
}
