using Jeugdhulp.Store.Outbox;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Journaal;

/// <summary>A provider's accepted message as the provider API shows it: its outcome, decisions and the answers to it.</summary>
/// <param name="Id">The journal id: the message's id in the API.</param>
/// <param name="Berichtcode">JW315, JW317, JW305, JW307 or JW323.</param>
/// <param name="Identificatie">Its BerichtIdentificatie.</param>
/// <param name="Status">The outcome it was journalled with (see <see cref="Uitkomsten"/>; "ontvangen" while undecided).</param>
/// <param name="OntvangenOp">When it was received.</param>
/// <param name="Besluiten">The decisions on its requests (JW315/JW317), as they stand now.</param>
/// <param name="Antwoorden">The answers to it addressed to the sender, by id.</param>
public sealed record OntvangenBericht(
    long Id,
    string Berichtcode,
    string Identificatie,
    string Status,
    DateTimeOffset OntvangenOp,
    IReadOnlyList<Beslissing> Besluiten,
    IReadOnlyList<OutboxBericht> Antwoorden);

/// <summary>
/// Reads one accepted message for its sender, outside a transaction (the message, its decisions and answers are
/// committed together; a municipality's decision in between shows in the next read). The read filters on the sender, so another provider's message id
/// finds nothing, exactly as an id that does not exist.
/// </summary>
public static class OntvangenBerichtLezen
{
    /// <summary>Message <paramref name="id"/> when <paramref name="afzender"/> sent it; null otherwise.</summary>
    public static OntvangenBericht? OntvangenBericht(this Datastore store, string afzender, long id)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrEmpty(afzender);
        // A session, not a transaction: on SQLite a transaction takes the write lock, and every POST reads this
        // right after its batch, next to the one writer.
        using var sessie = store.OpenSessie();
        string code, identificatie, status;
        DateTimeOffset ontvangen;
        using (var r = sessie.Commando("SELECT berichtcode, identificatie, status, ontvangen_op FROM journaal WHERE id = @id AND afzender = @afzender")
                   .Met("@id", id).Met("@afzender", afzender).ExecuteReader())
        {
            if (!r.Read())
            {
                return null;
            }

            (code, identificatie, status, ontvangen) = (r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3));
        }

        var besluiten = Staat.BeslissingenVan(sessie, id);
        var antwoorden = AntwoordToevoegen.Lees(sessie.Commando($"""
            SELECT {AntwoordToevoegen.Kolommen}
            FROM {AntwoordToevoegen.MetInhoud} WHERE o.journaal_id = @id AND o.ontvanger = @afzender ORDER BY o.id
            """).Met("@id", id).Met("@afzender", afzender));
        return new OntvangenBericht(id, code, identificatie, status, ontvangen, besluiten, antwoorden);
    }
}
