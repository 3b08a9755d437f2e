using Jeugdhulp.Store.Inhoud;

namespace Jeugdhulp.Store.Journaal;

/// <summary>A journalled inbound message.</summary>
public sealed record JournaalRegel(
    long Id,
    string Afzender,
    string Ontvanger,
    string Berichtcode,
    string Identificatie,
    byte[] Inhoud,
    DateTimeOffset OntvangenOp,
    string Status,
    long? OrigineelId);

/// <summary>Reads journal rows and records how processing ended.</summary>
public static class JournaalLezen
{
    /// <summary>Status of a message that is journalled and not yet decided.</summary>
    public const string Ontvangen = "ontvangen";

    /// <summary>
    /// A journal row with its content, by id. The content is found under the row's own municipality (its ontvanger, the
    /// partition key on PostgreSQL, migration 0039): the read does not know the municipality, the journal row tells it.
    /// A subquery, not a join: joined, PostgreSQL derives <c>i.journaal_id = @id</c> and probes that key in every partition
    /// (one index probe per municipality, a lock on each with a generic plan); correlated, the journal row's ontvanger is a
    /// parameter of the subplan and the executor reads that one partition (Provider/GemeentepartitiesTests). A municipality's
    /// own message (an allocation it grants) is stored under its sender: looked for there only when the receiver has none.
    /// NULL content: no content row (never committed without one).
    /// </summary>
    internal const string LeesSql = """
        SELECT j.id, j.afzender, j.ontvanger, j.berichtcode, j.identificatie,
            COALESCE((SELECT i.inhoud FROM journaalinhoud i WHERE i.journaal_id = j.id AND i.gemeente = j.ontvanger),
                (SELECT i.inhoud FROM journaalinhoud i WHERE i.journaal_id = j.id AND i.gemeente = j.afzender)),
            j.ontvangen_op, j.status, j.origineel_id
        FROM journaal j WHERE j.id = @id
        """;

    /// <summary>The journal row, or null when there is none with that id.</summary>
    public static JournaalRegel? LeesJournaal(this StoreTransactie tx, long id)
    {
        ArgumentNullException.ThrowIfNull(tx);
        using var r = tx.Commando(LeesSql).Met("@id", id).ExecuteReader();
        return r.Read() && !r.IsDBNull(5)
            ? new JournaalRegel(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
                Inhoudsvorm.Lees(r, 5), r.GetFieldValue<DateTimeOffset>(6), r.GetString(7), r.IsDBNull(8) ? null : r.GetInt64(8))
            : null;
    }

    /// <summary>Sets the status of many journal rows at once (a group of the municipality's own actions): one statement.</summary>
    internal static void ZetJournaalStatus(this StoreTransactie tx, IReadOnlyList<long> ids, string status)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        var n = tx.Commando($"UPDATE journaal SET status = @status WHERE {tx.In("id", "ids")}").Met("@status", status).MetLijst(tx, "ids", ids).ExecuteNonQuery();
        if (n != ids.Distinct().Count())
        {
            throw new InvalidOperationException("Een journaalregel van de groep bestaat niet.");
        }
    }

    /// <summary>Records the outcome of processing (e.g. "verwerkt", "afgewezen"); the pipeline owns the words.</summary>
    public static void ZetJournaalStatus(this StoreTransactie tx, long id, string status)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        var n = tx.Commando("UPDATE journaal SET status = @status WHERE id = @id").Met("@status", status).Met("@id", id).ExecuteNonQuery();
        if (n != 1)
        {
            throw new InvalidOperationException($"Journaalregel {id} bestaat niet.");
        }
    }
}
