using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Audit;
using Jeugdhulp.Store.Bevindingen;
using Jeugdhulp.Store.Outbox;

namespace Jeugdhulp.Store.Backoffice;

/// <summary>"Aanvraag in onderzoek" sent for a request: when, the new deadline, by whom and the note.</summary>
public sealed record Onderzoekstand(DateOnly Op, DateOnly Tot, string Door, string? Notitie);

/// <summary>A request line with its decision: who decided what, when and why, and the answers sent.</summary>
/// <param name="Id">The request line.</param>
/// <param name="Berichtcode">JW315 or JW317.</param>
/// <param name="Referentie">ReferentieAanbieder.</param>
/// <param name="Aanbieder">The provider's AGB code.</param>
/// <param name="Client">The client.</param>
/// <param name="Besloten">False while still in review (e.g. only "in onderzoek" sent).</param>
/// <param name="Uitkomst">approved / rejected / review.</param>
/// <param name="Reden">RedenAfwijzingVerzoek when rejected.</param>
/// <param name="Regels">The rule ids applied, comma separated.</param>
/// <param name="Toelichting">The engine's explanation with the decision line.</param>
/// <param name="BeslotenDoor">The staff member, or null when the engine decided.</param>
/// <param name="BeslotenOp">When a person decided (recorded from migration 0016 on).</param>
/// <param name="Notitie">The note the person wrote with the decision.</param>
/// <param name="Onderzoek">"In onderzoek", when sent.</param>
/// <param name="Antwoorden">The answers sent for this request line (JW301/JW319), oldest first.</param>
public sealed record GenomenBesluit(
    long Id, string Berichtcode, string Referentie, string Aanbieder, Bsn Client, bool Besloten, string Uitkomst, int? Reden, string Regels,
    string Toelichting, string? BeslotenDoor, DateTimeOffset? BeslotenOp, string? Notitie, Onderzoekstand? Onderzoek, IReadOnlyList<OutboxBericht> Antwoorden);

/// <summary>Reads a request's decision for the decided item's page; filtered on the staff member's gemeente.</summary>
public static class Besluitinzage
{
    /// <summary>"In onderzoek" of request line <paramref name="id"/> of <paramref name="gemeente"/>, when sent.</summary>
    public static Onderzoekstand? LeesOnderzoek(this Datastore store, Gemeentecode gemeente, long id)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var sessie = store.OpenSessie();
        using var r = sessie.Commando("""
            SELECT onderzoek_op, onderzoek_tot, onderzoek_door, onderzoek_notitie FROM verzoeken
            WHERE id = @id AND gemeente = @gemeente AND onderzoek_op IS NOT NULL
            """).Met("@id", id).Met("@gemeente", gemeente.Waarde).ExecuteReader();
        return r.Read() ? new Onderzoekstand(r.GetFieldValue<DateOnly>(0), r.GetFieldValue<DateOnly>(1), r.GetString(2), r.TekstOfNull(3)) : null;
    }

    /// <summary>A staff member opens the decision of request line <paramref name="id"/>: null when not of <paramref name="gemeente"/>. Audited.</summary>
    public static GenomenBesluit? BekijkBesluit(this Datastore store, string medewerker, Gemeentecode gemeente, long id)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(medewerker);
        using var tx = store.BeginTransactie();
        GenomenBesluit? besluit = null;
        long journaal = 0;
        int volgnummer = 0;
        using (var r = tx.Commando("""
            SELECT id, berichtcode, referentie, aanbieder, client_bsn, status, uitkomst, reden, regels, toelichting, besloten_door,
                besloten_op, besluit_notitie, onderzoek_op, onderzoek_tot, onderzoek_door, onderzoek_notitie, journaal_id, volgnummer
            FROM verzoeken WHERE id = @id AND gemeente = @gemeente
            """).Met("@id", id).Met("@gemeente", gemeente.Waarde).ExecuteReader())
        {
            if (r.Read())
            {
                var onderzoek = r.IsDBNull(13) ? null
                    : new Onderzoekstand(r.GetFieldValue<DateOnly>(13), r.GetFieldValue<DateOnly>(14), r.GetString(15), r.TekstOfNull(16));
                besluit = new GenomenBesluit(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), Bsn.Parse(r.GetString(4)).Waarde,
                    r.GetString(5) != "review", r.GetString(6), r.IsDBNull(7) ? null : (int)r.GetInt64(7), r.GetString(8), r.GetString(9),
                    r.TekstOfNull(10), r.IsDBNull(11) ? null : r.GetFieldValue<DateTimeOffset>(11), r.TekstOfNull(12), onderzoek, []);
                journaal = r.GetInt64(17);
                volgnummer = (int)r.GetInt64(18);
            }
        }

        if (besluit is null)
        {
            return null;
        }

        besluit = Toelichtingen.Vul([besluit], store, tx.Commando, b => b.Id, b => b.Toelichting, (b, t) => b with { Toelichting = t })[0];
        var sleutels = new HashSet<string>([$"antwoord {volgnummer}", $"onderzoek {volgnummer}"], StringComparer.Ordinal);
        besluit = besluit with { Antwoorden = [.. tx.Antwoorden(journaal).Where(a => sleutels.Contains(a.Berichtcode))] };
        tx.Audit(medewerker, gemeente, $"besluit op verzoek {besluit.Referentie} bekeken", besluit.Client);
        tx.Commit();
        return besluit;
    }
}
