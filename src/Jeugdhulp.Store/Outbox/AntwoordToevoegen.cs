using System.Data.Common;
using Jeugdhulp.Store.Inhoud;

namespace Jeugdhulp.Store.Outbox;

/// <summary>
/// Stores answers in the same transaction as the message they answer. An answer is stored at most once:
/// one per (journal row, berichtcode), and file names are unique.
/// </summary>
public static class AntwoordToevoegen
{
    internal const string Voeg = """
        INSERT INTO outbox (journaal_id, berichtcode, ontvanger, bestandsnaam, aangemaakt_op)
        VALUES (@journaal_id, @berichtcode, @ontvanger, @bestandsnaam, @aangemaakt_op)
        ON CONFLICT DO NOTHING
        RETURNING id
        """;

    /// <summary>
    /// The bytes live in outboxinhoud, written once and never updated: marking an answer written
    /// (<see cref="Materialiseren"/>) then rewrites only the narrow outbox row (migration 0009).
    /// </summary>
    internal const string VoegInhoudToe = "INSERT INTO outboxinhoud (outbox_id, inhoud) VALUES (@outbox_id, @inhoud)";

    /// <summary>The columns <see cref="Lees"/> reads, from outbox o joined to its content oi.</summary>
    internal const string Kolommen = "o.id, o.journaal_id, o.berichtcode, o.ontvanger, o.bestandsnaam, oi.inhoud, o.aangemaakt_op, o.geschreven_op";

    /// <summary>outbox o with its content oi, for <see cref="Kolommen"/>.</summary>
    internal const string MetInhoud = "outbox o JOIN outboxinhoud oi ON oi.outbox_id = o.id";

    /// <summary>
    /// Adds an answer to journal row <paramref name="journaalId"/> and returns its outbox id. Adding the
    /// identical answer again returns the existing id and stores nothing. A different answer under the
    /// same key (same journal row and berichtcode, or same file name) is a bug in the caller and throws.
    /// </summary>
    public static long VoegAntwoordToe(this StoreTransactie tx, long journaalId, string berichtcode, string ontvanger,
        string bestandsnaam, byte[] inhoud)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentException.ThrowIfNullOrEmpty(berichtcode);
        ArgumentException.ThrowIfNullOrEmpty(ontvanger);
        ArgumentNullException.ThrowIfNull(inhoud);
        ControleerBestandsnaam(bestandsnaam);

        var id = tx.Commando(Voeg)
            .Met("@journaal_id", journaalId)
            .Met("@berichtcode", berichtcode)
            .Met("@ontvanger", ontvanger)
            .Met("@bestandsnaam", bestandsnaam)
            .Met("@aangemaakt_op", tx.Nu)
            .LeesLongOfNull();
        if (id is { } nieuw)
        {
            tx.Uitgesteld(VoegInhoudToe).Met("@outbox_id", nieuw).Met("@inhoud", Inhoudsvorm.Pak(inhoud)).Later(tx);
            return nieuw;
        }

        var bestaand = Lees(tx.Commando($"""
            SELECT {Kolommen} FROM {MetInhoud}
            WHERE (o.journaal_id = @journaal_id AND o.berichtcode = @berichtcode) OR o.bestandsnaam = @bestandsnaam
            """).Met("@journaal_id", journaalId).Met("@berichtcode", berichtcode).Met("@bestandsnaam", bestandsnaam));
        if (bestaand is [var b] && b.JournaalId == journaalId && b.Berichtcode == berichtcode && b.Ontvanger == ontvanger
            && b.Bestandsnaam == bestandsnaam && b.Inhoud.AsSpan().SequenceEqual(inhoud))
        {
            return b.Id;
        }

        throw new InvalidOperationException(
            $"Er staat al een ander antwoord in de outbox voor journaalregel {journaalId} ({berichtcode}) of met bestandsnaam '{bestandsnaam}'.");
    }

    internal const string VoegMetId = """
        INSERT INTO outbox (id, journaal_id, berichtcode, ontvanger, bestandsnaam, aangemaakt_op)
        VALUES (@id, @journaal_id, @berichtcode, @ontvanger, @bestandsnaam, @aangemaakt_op)
        """;

    /// <summary>
    /// The pipeline's way to store a new message's answer: on PostgreSQL the outbox id is taken from the transaction's block of
    /// the outbox sequence (<see cref="StoreTransactie.NieuwId"/>) and both rows are deferred writes (<see cref="StoreTransactie.Later"/>),
    /// so an answer costs no round trip of its own. There is no existing answer to return: the journal row is new, and a second
    /// answer under the same key fails on the unique constraints when the message's writes are sent (inside its savepoint).
    /// On SQLite the same as <see cref="VoegAntwoordToe"/>.
    /// </summary>
    internal static long VoegNieuwAntwoordToe(this StoreTransactie tx, long journaalId, string berichtcode, string ontvanger,
        string bestandsnaam, byte[] inhoud)
    {
        if (!tx.Store.Provider.IsPostgres)
        {
            return tx.VoegAntwoordToe(journaalId, berichtcode, ontvanger, bestandsnaam, inhoud);
        }

        ArgumentException.ThrowIfNullOrEmpty(berichtcode);
        ArgumentException.ThrowIfNullOrEmpty(ontvanger);
        ArgumentNullException.ThrowIfNull(inhoud);
        ControleerBestandsnaam(bestandsnaam);
        var id = tx.NieuwId("outbox");
        tx.Uitgesteld(VoegMetId).Met("@id", id).Met("@journaal_id", journaalId).Met("@berichtcode", berichtcode)
            .Met("@ontvanger", ontvanger).Met("@bestandsnaam", bestandsnaam).Met("@aangemaakt_op", tx.Nu).Later(tx);
        tx.Uitgesteld(VoegInhoudToe).Met("@outbox_id", id).Met("@inhoud", Inhoudsvorm.Pak(inhoud)).Later(tx);
        return id;
    }

    /// <summary>The answers stored for journal row <paramref name="journaalId"/>, oldest first.</summary>
    public static IReadOnlyList<OutboxBericht> Antwoorden(this StoreTransactie tx, long journaalId)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return Lees(tx.Commando($"SELECT {Kolommen} FROM {MetInhoud} WHERE o.journaal_id = @journaal_id ORDER BY o.id")
            .Met("@journaal_id", journaalId));
    }

    /// <summary>
    /// A plain file name: no folder part, not hidden (a leading dot is reserved for the temporary files of
    /// <see cref="Materialiseren"/>), no characters the file system refuses.
    /// </summary>
    internal static void ControleerBestandsnaam(string bestandsnaam)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bestandsnaam);
        if (bestandsnaam.StartsWith('.') || bestandsnaam.Contains('/') || bestandsnaam.Contains('\\')
            || bestandsnaam.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new ArgumentException($"'{bestandsnaam}' is geen geldige bestandsnaam voor de outbox.", nameof(bestandsnaam));
        }
    }

    internal static List<OutboxBericht> Lees(DbCommand cmd)
    {
        var lijst = new List<OutboxBericht>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            lijst.Add(new OutboxBericht(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4),
                Inhoudsvorm.Lees(r, 5), r.GetFieldValue<DateTimeOffset>(6), r.DatumTijdOfNull(7)));
        }

        return lijst;
    }
}
