using System.Security.Cryptography;
using System.Text;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Audit;

/// <summary>One audit entry as people read it: the client only masked.</summary>
public sealed record AuditRegel(DateTimeOffset Op, string Wie, string Gemeente, string Actie, string? ClientGemaskeerd);

/// <summary>
/// The audit log: who did what with whose data, when. The BSN is never stored in clear text: a keyed hash
/// (HMAC-SHA256 with the deployment's audit key) finds every entry about one client, and the masked form
/// tells a reader which client it was without disclosing the number. Without the key the hash cannot be
/// reversed by trying all 10⁹ BSNs.
/// </summary>
public static class Auditlog
{
    /// <summary>
    /// Writes an entry inside <paramref name="tx"/>, so it commits exactly when the audited work does. Stamped
    /// with the real time, not the processing date of <c>--today</c>: an audit log must say when someone
    /// really looked.
    /// </summary>
    public static void Audit(this StoreTransactie tx, string wie, Gemeentecode gemeente, string actie, Bsn? client)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentException.ThrowIfNullOrWhiteSpace(wie);
        ArgumentException.ThrowIfNullOrWhiteSpace(actie);
        tx.Commando("""
            INSERT INTO auditlog (op, wie, gemeente, actie, client_hash, client_gemaskeerd)
            VALUES (@op, @wie, @gemeente, @actie, @client_hash, @client_gemaskeerd)
            """)
            .Met("@op", tx.EchtNu)
            .Met("@wie", wie)
            .Met("@gemeente", gemeente.Waarde)
            .Met("@actie", actie)
            .Met("@client_hash", client is { } c ? ClientHash(tx.Store.AuditSleutel, c) : null)
            .Met("@client_gemaskeerd", client?.Gemaskeerd)
            .ExecuteNonQuery();
    }

    /// <summary>As <see cref="Audit(StoreTransactie, string, Gemeentecode, string, Bsn?)"/> for many entries at once (a group of lines), few round trips.</summary>
    internal static void Audit(this StoreTransactie tx, IReadOnlyList<(string Wie, Gemeentecode Gemeente, string Actie, Bsn? Client)> regels)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(regels);
        var op = tx.EchtNu;
        tx.VoegToe("INSERT INTO auditlog (op, wie, gemeente, actie, client_hash, client_gemaskeerd)", ["op", "wie", "gemeente", "actie", "hash", "masker"],
            [.. regels.Select(r =>
            {
                ArgumentException.ThrowIfNullOrWhiteSpace(r.Wie);
                ArgumentException.ThrowIfNullOrWhiteSpace(r.Actie);
                return new object?[] { op, r.Wie, r.Gemeente.Waarde, r.Actie, r.Client is { } c ? ClientHash(tx.Store.AuditSleutel, c) : null, r.Client?.Gemaskeerd };
            })]);
    }

    /// <summary>Every entry about <paramref name="client"/>, oldest first.</summary>
    public static IReadOnlyList<AuditRegel> AuditVoorClient(this Datastore store, Bsn client)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var sessie = store.OpenSessie();
        using var r = sessie.Commando("""
            SELECT op, wie, gemeente, actie, client_gemaskeerd FROM auditlog WHERE client_hash = @client_hash ORDER BY id
            """).Met("@client_hash", ClientHash(store.AuditSleutel, client)).ExecuteReader();
        var lijst = new List<AuditRegel>();
        while (r.Read())
        {
            lijst.Add(new AuditRegel(r.GetFieldValue<DateTimeOffset>(0), r.GetString(1), r.GetString(2), r.GetString(3), r.TekstOfNull(4)));
        }

        return lijst;
    }

    internal static string ClientHash(byte[] sleutel, Bsn bsn) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(sleutel, Encoding.ASCII.GetBytes(bsn.Waarde)));
}
