using System.Security.Cryptography;
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
        INSERT INTO journaal (afzender, ontvanger, berichtcode, identificatie, sha256, inhoud, ontvangen_op)
        VALUES (@afzender, @ontvanger, @berichtcode, @identificatie, @sha256, @inhoud, @ontvangen_op)
        ON CONFLICT DO NOTHING
        RETURNING id
        """;

    private const string VoegAfwijkingToe = """
        INSERT INTO journaal (afzender, ontvanger, berichtcode, identificatie, sha256, inhoud, ontvangen_op, origineel_id)
        VALUES (@afzender, @ontvanger, @berichtcode, @identificatie, @sha256, @inhoud, @ontvangen_op, @origineel_id)
        ON CONFLICT DO NOTHING
        RETURNING id
        """;

    private const string Eerder = """
        SELECT id, sha256, origineel_id FROM journaal WHERE afzender = @afzender AND identificatie = @identificatie
        """;

    /// <summary>
    /// Journals the message inside <paramref name="tx"/>. The common case (a new message) is a single
    /// insert; only a conflict looks further. <paramref name="inhoud"/> is stored as received; whether a
    /// message with a known Identificatie is a re-delivery is decided on <paramref name="vergelijkOp"/> when
    /// given (the pipeline passes the message as our writer writes it, so other prefixes or line ends are
    /// the same content), else on the received bytes.
    /// </summary>
    public static JournaalUitkomst Journaliseer(this StoreTransactie tx, string afzender, string ontvanger,
        string identificatie, string berichtcode, byte[] inhoud, byte[]? vergelijkOp = null)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentException.ThrowIfNullOrEmpty(afzender);
        ArgumentException.ThrowIfNullOrEmpty(ontvanger);
        ArgumentException.ThrowIfNullOrEmpty(identificatie);
        ArgumentException.ThrowIfNullOrEmpty(berichtcode);
        ArgumentNullException.ThrowIfNull(inhoud);

        var sha = SHA256.HashData(vergelijkOp ?? inhoud);
        var nu = tx.Nu;

        // A concurrent writer (PostgreSQL) may insert the same key between our insert and our look-up;
        // the second round then sees its committed row.
        for (var poging = 0; poging < 3; poging++)
        {
            var id = Vul(tx.Commando(VoegOrigineelToe), afzender, ontvanger, identificatie, berichtcode, sha, inhoud, nu)
                .LeesLongOfNull();
            if (id is { } nieuw)
            {
                return new JournaalUitkomst.Nieuw(nieuw);
            }

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

            var afwijking = Vul(tx.Commando(VoegAfwijkingToe), afzender, ontvanger, identificatie, berichtcode, sha, inhoud, nu)
                .Met("@origineel_id", origineel.Value)
                .LeesLongOfNull();
            if (afwijking is { } a)
            {
                return new JournaalUitkomst.ZelfdeIdentificatieAndereInhoud(a, origineel.Value);
            }
        }

        throw new InvalidOperationException("Journaliseren bleef botsen met gelijktijdige schrijvers.");
    }

    private static System.Data.Common.DbCommand Vul(System.Data.Common.DbCommand cmd, string afzender, string ontvanger,
        string identificatie, string berichtcode, byte[] sha, byte[] inhoud, DateTimeOffset nu) =>
        cmd.Met("@afzender", afzender)
            .Met("@ontvanger", ontvanger)
            .Met("@berichtcode", berichtcode)
            .Met("@identificatie", identificatie)
            .Met("@sha256", sha)
            .Met("@inhoud", inhoud)
            .Met("@ontvangen_op", nu);
}
