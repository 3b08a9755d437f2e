using System.Security.Cryptography;
using Jeugdhulp.Store.Inhoud;
using Jeugdhulp.Store.Outbox;

namespace Jeugdhulp.Store.Journaal;

/// <summary>
/// Records an inbound message before anything else happens to it (nothing lost), and recognises
/// re-deliveries (nothing twice). One original per (afzender, Identificatie); other content under the same
/// Identificatie is journalled as a deviation of it, so that its 9056 answer is itself found again when
/// that exact message comes back.
/// </summary>
public static class Journaliseren
{
    private const string VoegOrigineelToe = """
        INSERT INTO journaal (afzender, ontvanger, berichtcode, identificatie, sha256, ontvangen_op)
        VALUES (@afzender, @ontvanger, @berichtcode, @identificatie, @sha256, @ontvangen_op)
        ON CONFLICT DO NOTHING
        RETURNING id
        """;

    private const string VoegAfwijkingToe = """
        INSERT INTO journaal (afzender, ontvanger, berichtcode, identificatie, sha256, ontvangen_op, origineel_id)
        VALUES (@afzender, @ontvanger, @berichtcode, @identificatie, @sha256, @ontvangen_op, @origineel_id)
        ON CONFLICT DO NOTHING
        RETURNING id
        """;

    /// <summary>
    /// The received bytes, in a table of their own: the journal row is updated after processing (status),
    /// and SQLite rewrites a whole row on update — an 85 MB JW323 inside it would be written twice. With the message's
    /// municipality (its receiver; a municipality's own message: the sender): PostgreSQL partitions the table by it (migration
    /// 0039), a code without a partition in DEFAULT.
    /// </summary>
    internal const string VoegInhoudToe =
        "INSERT INTO journaalinhoud (journaal_id, inhoud, gemeente) VALUES (@journaal_id, @inhoud, @gemeente)";

    private const string Eerder = """
        SELECT id, sha256, origineel_id FROM journaal WHERE afzender = @afzender AND identificatie = @identificatie
        """;

    /// <summary>
    /// Journals the message inside <paramref name="tx"/>. The common case (a new message) is a single
    /// insert; only a conflict looks further. <paramref name="inhoud"/> is stored as received; whether a
    /// message with a known Identificatie is a re-delivery is decided on <paramref name="sha256"/> when
    /// given (the pipeline passes <see cref="Vergelijkvorm.Sha256"/>, the hash of the message as our writer
    /// writes it, so other prefixes or line ends are the same content), else on the SHA-256 of the received bytes.
    /// </summary>
    /// <paramref name="gemeente"/>: the municipality the message belongs to, when that is not its receiver (a municipality's
    /// own message, sent by it: an allocation it grants); the content is stored under it (the partition key on PostgreSQL,
    /// migration 0039).
    public static JournaalUitkomst Journaliseer(this StoreTransactie tx, string afzender, string ontvanger,
        string identificatie, string berichtcode, byte[] inhoud, byte[]? sha256 = null, string? gemeente = null)
    {
        ArgumentNullException.ThrowIfNull(inhoud);
        return tx.Journaliseer(afzender, ontvanger, identificatie, berichtcode, inhoud, Task.FromResult(sha256 ?? SHA256.HashData(inhoud)),
            gemeente: gemeente);
    }

    /// <summary>
    /// As above, with the content hash possibly still being computed (the pipeline hashes a large message on
    /// the other core). A new original does not need it: the row is inserted with a random provisional
    /// hash, and the real one is filled in before the transaction commits (<see cref="VulHashesIn"/>), so
    /// no other transaction ever sees the provisional one. Only a conflict waits for the hash.
    /// <paramref name="opgeslagen"/>: <paramref name="inhoud"/>'s stored form (<see cref="Inhoudsvorm.Pak"/>) when
    /// the caller made it already (the pipeline, on its check worker).
    /// </summary>
    internal static JournaalUitkomst Journaliseer(this StoreTransactie tx, string afzender, string ontvanger,
        string identificatie, string berichtcode, byte[] inhoud, Task<byte[]> sha256, byte[]? opgeslagen = null, string? gemeente = null)
    {
        Controleer(tx, afzender, ontvanger, identificatie, berichtcode, inhoud, sha256);
        gemeente ??= ontvanger;

        var voorlopig = sha256.IsCompletedSuccessfully ? null : RandomNumberGenerator.GetBytes(SHA256.HashSizeInBytes);
        var nu = tx.Nu;

        // A concurrent writer (PostgreSQL) may insert the same key between our insert and our look-up;
        // the second round then sees its committed row.
        for (var poging = 0; poging < 3; poging++)
        {
            // With the writes still queued (the previous message's), one round trip on PostgreSQL.
            var id = Vul(tx.Uitgesteld(VoegOrigineelToe), afzender, ontvanger, identificatie, berichtcode, voorlopig ?? Hash(sha256), nu)
                .LeesLongOfNull(tx);
            if (id is { } nieuw)
            {
                BewaarInhoud(tx, nieuw, gemeente, opgeslagen ?? Inhoudsvorm.Pak(inhoud));
                if (voorlopig is not null)
                {
                    tx.VoorlopigeHashes.Add((nieuw, voorlopig, sha256));
                }

                return new JournaalUitkomst.Nieuw(nieuw);
            }

            // Compare with final hashes only: earlier messages of this transaction may still have a provisional one.
            var sha = Hash(sha256);
            VulHashesIn(tx);
            long? origineel = null;
            var cmd = tx.Commando(Eerder).Met("@afzender", afzender).Met("@identificatie", identificatie);
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    var eerderId = r.GetInt64(0);
                    if (((byte[])r.GetValue(1)).AsSpan().SequenceEqual(sha))
                    {
                        r.Close();
                        return new JournaalUitkomst.ExacteHerhaling(eerderId, tx.Antwoorden(eerderId));
                    }

                    if (r.IsDBNull(2))
                    {
                        origineel = eerderId;
                    }
                }
            }

            if (origineel is null)
            {
                continue;
            }

            var afwijking = Vul(tx.Uitgesteld(VoegAfwijkingToe), afzender, ontvanger, identificatie, berichtcode, sha, nu)
                .Met("@origineel_id", origineel.Value)
                .LeesLongOfNull(tx);
            if (afwijking is { } a)
            {
                BewaarInhoud(tx, a, gemeente, opgeslagen ?? Inhoudsvorm.Pak(inhoud));
                return new JournaalUitkomst.ZelfdeIdentificatieAndereInhoud(a, origineel.Value);
            }
        }

        throw new InvalidOperationException("Journaliseren bleef botsen met gelijktijdige schrijvers.");
    }

    /// <summary>
    /// Replaces the provisional hashes of this transaction's journal rows by the real ones (waiting for
    /// them). Runs before every commit and before any comparison. Idempotent, and the entries are kept until
    /// the transaction ends: an update made inside a message's savepoint that is later rolled back is
    /// simply made again. A row whose savepoint was rolled back is gone; its provisional hash (random)
    /// matches nothing.
    /// </summary>
    internal static void VulHashesIn(StoreTransactie tx)
    {
        foreach (var (id, voorlopig, sha256) in tx.VoorlopigeHashes)
        {
            tx.Uitgesteld("UPDATE journaal SET sha256 = @sha256 WHERE id = @id AND sha256 = @voorlopig")
                .Met("@sha256", Hash(sha256)).Met("@id", id).Met("@voorlopig", voorlopig).Later(tx);
        }
    }

    internal static byte[] Hash(Task<byte[]> sha256)
    {
        var sha = sha256.GetAwaiter().GetResult();
        if (sha.Length != SHA256.HashSizeInBytes)
        {
            throw new ArgumentException("Een SHA-256 is 32 bytes.", nameof(sha256));
        }

        return sha;
    }

    /// <summary>
    /// Stores <paramref name="opgeslagen"/>, the stored form (<see cref="Inhoudsvorm"/>) of the received bytes, under the
    /// journal row's municipality <paramref name="gemeente"/> (its receiver, or the municipality that sent it; the partition
    /// key on PostgreSQL).
    /// </summary>
    internal static void BewaarInhoud(StoreTransactie tx, long journaalId, string gemeente, byte[] opgeslagen) =>
        tx.Uitgesteld(VoegInhoudToe).Met("@journaal_id", journaalId).Met("@inhoud", opgeslagen).Met("@gemeente", gemeente).Later(tx);

    private static System.Data.Common.DbCommand Vul(System.Data.Common.DbCommand cmd, string afzender, string ontvanger,
        string identificatie, string berichtcode, byte[] sha, DateTimeOffset nu) =>
        cmd.Met("@afzender", afzender)
            .Met("@ontvanger", ontvanger)
            .Met("@berichtcode", berichtcode)
            .Met("@identificatie", identificatie)
            .Met("@sha256", sha)
            .Met("@ontvangen_op", nu);

    /// <summary>
    /// What a message needs to be journalled at all, checked the same way on the one-by-one path and in a group
    /// (<see cref="Groepsjournaal"/>), so a message one refuses the other refuses too.
    /// </summary>
    internal static void Controleer(StoreTransactie tx, string afzender, string ontvanger, string identificatie, string berichtcode,
        byte[] inhoud, Task<byte[]> sha256)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentException.ThrowIfNullOrEmpty(afzender);
        ArgumentException.ThrowIfNullOrEmpty(ontvanger);
        ArgumentException.ThrowIfNullOrEmpty(identificatie);
        ArgumentException.ThrowIfNullOrEmpty(berichtcode);
        ArgumentNullException.ThrowIfNull(inhoud);
        ArgumentNullException.ThrowIfNull(sha256);
    }
}
