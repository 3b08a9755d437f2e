namespace Jeugdhulp.Store.Outbox;

/// <summary>One answer in a receiver's list: no content.</summary>
/// <param name="Id">The outbox id (to fetch the XML).</param>
/// <param name="Bericht">The message code of the answer (JW301, JW316 …), not the outbox key.</param>
/// <param name="Bestandsnaam">The file name it is written under.</param>
/// <param name="AangemaaktOp">When it was committed.</param>
public sealed record UitgaandBericht(long Id, string Bericht, string Bestandsnaam, DateTimeOffset AangemaaktOp);

/// <summary>
/// The answers addressed to one receiver (the provider's AGB code: every answer to a provider has it as
/// Ontvanger), for the provider API. Reads always filter on the receiver, so an id of someone else's
/// answer finds nothing, exactly as an id that does not exist.
/// </summary>
public static class UitgaandLezen
{
    /// <summary>Up to <paramref name="max"/> answers for <paramref name="ontvanger"/> with an id above <paramref name="na"/>, by id.</summary>
    public static IReadOnlyList<UitgaandBericht> UitgaandVoor(this Datastore store, string ontvanger, long na, int max)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrEmpty(ontvanger);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        using var sessie = store.OpenSessie();
        using var r = sessie.Commando("""
            SELECT id, bestandsnaam, aangemaakt_op FROM outbox
            WHERE ontvanger = @ontvanger AND id > @na
            ORDER BY id
            LIMIT @max
            """).Met("@ontvanger", ontvanger).Met("@na", na).Met("@max", max).ExecuteReader();
        var lijst = new List<UitgaandBericht>();
        while (r.Read())
        {
            var naam = r.GetString(1);
            lijst.Add(new UitgaandBericht(r.GetInt64(0), Berichtcode(naam), naam, r.GetFieldValue<DateTimeOffset>(2)));
        }

        return lijst;
    }

    /// <summary>Answer <paramref name="id"/> when it is addressed to <paramref name="ontvanger"/>; null otherwise.</summary>
    public static OutboxBericht? UitgaandBericht(this Datastore store, string ontvanger, long id) => Een(store, ontvanger, "o.id", id);

    /// <summary>
    /// Answer <paramref name="bestandsnaam"/> (the name it is written under, unique in the outbox) when it is addressed to
    /// <paramref name="ontvanger"/>; null otherwise. For a reader that knows the name from a report instead of the id —
    /// the demo's providers when the answers stay in the table (<c>demo --zonder-bestanden</c>).
    /// </summary>
    public static OutboxBericht? UitgaandBericht(this Datastore store, string ontvanger, string bestandsnaam)
    {
        ArgumentException.ThrowIfNullOrEmpty(bestandsnaam);
        return Een(store, ontvanger, "o.bestandsnaam", bestandsnaam);
    }

    /// <summary>
    /// As <see cref="UitgaandBericht(Datastore, string, string)"/> on a session the caller keeps open: for a reader of many
    /// answers in a row (the demo's providers read ~1.2 a message), which then opens one connection and prepares the
    /// statement once instead of per answer.
    /// </summary>
    public static OutboxBericht? UitgaandBericht(this StoreSessie sessie, string ontvanger, string bestandsnaam)
    {
        ArgumentNullException.ThrowIfNull(sessie);
        ArgumentException.ThrowIfNullOrEmpty(bestandsnaam);
        return Een(sessie, ontvanger, "o.bestandsnaam", bestandsnaam);
    }

    /// <summary>The answer whose unique <paramref name="kolom"/> is <paramref name="waarde"/>, only when it is addressed to <paramref name="ontvanger"/>.</summary>
    private static OutboxBericht? Een(Datastore store, string ontvanger, string kolom, object waarde)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var sessie = store.OpenSessie();
        return Een(sessie, ontvanger, kolom, waarde);
    }

    private static OutboxBericht? Een(StoreSessie sessie, string ontvanger, string kolom, object waarde)
    {
        ArgumentException.ThrowIfNullOrEmpty(ontvanger);
        return AntwoordToevoegen.Lees(sessie.Commando($"""
            SELECT {AntwoordToevoegen.Kolommen}
            FROM {AntwoordToevoegen.MetInhoud} WHERE {kolom} = @sleutel AND o.ontvanger = @ontvanger
            """).Met("@sleutel", waarde).Met("@ontvanger", ontvanger)).SingleOrDefault();
    }

    /// <summary>
    /// The outbox column berichtcode is the answer's slot key (JW316, JW301-2 …); the file name
    /// "ontvanger_SOORT_identificatie.xml" carries the message code itself.
    /// </summary>
    /// <param name="bestandsnaam">The answer's file name.</param>
    /// <returns>Its message code (JW301, JW316 …).</returns>
    public static string Berichtcode(string bestandsnaam)
    {
        var delen = bestandsnaam.Split('_');
        return delen.Length >= 3 ? delen[1] : bestandsnaam;
    }
}
