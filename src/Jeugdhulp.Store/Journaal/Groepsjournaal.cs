using System.Security.Cryptography;
using Jeugdhulp.Store.Outbox;

namespace Jeugdhulp.Store.Journaal;

/// <summary>
/// PostgreSQL, the pipeline's fast pass (no savepoint per message): journals the messages of one group commit without a
/// round trip per message (issue 21 point 1). Before the group is processed, one command finds every journal row already
/// stored under the group's (afzender, Identificatie) keys and takes a block of journal ids from the sequence, one per
/// message to journal, into the transaction's id blocks (<see cref="StoreTransactie.NieuwId"/>). Each message is then journalled in memory, in order, with exactly the outcomes of
/// <see cref="Journaliseren.Journaliseer(StoreTransactie, string, string, string, string, byte[], byte[], string)"/> one by one — a
/// new original, an exact re-delivery (of a stored message or of an earlier one in this group), or other content under a
/// known Identificatie (9056, journalled as a deviation of the original) — and its rows are deferred writes carrying their
/// id (<see cref="StoreTransactie.Later"/>), sent with the group's other writes.
/// Why the look-up and not the insert's <c>ON CONFLICT … RETURNING</c> for the whole group (<see cref="BatchJournaliseren"/>):
/// the answers of that insert are needed before the first message is decided, and every message after a conflict would
/// still go one by one; with the keys known, nothing per message waits for the server. The guarantee stays the
/// database's: the inserts are plain (no <c>ON CONFLICT</c>), so a row a concurrent writer committed under the same key
/// after the look-up makes the insert fail on the unique index, the fast pass fails and the group is processed again in
/// the safe pass, message by message, on the one-by-one path. Not used in the safe pass: a message whose savepoint is
/// rolled back would take its row with it, which this memory would not know.
/// </summary>
internal sealed class Groepsjournaal
{
    private const string VoegOrigineelToe = """
        INSERT INTO journaal (id, afzender, ontvanger, berichtcode, identificatie, sha256, ontvangen_op)
        VALUES (@id, @afzender, @ontvanger, @berichtcode, @identificatie, @sha256, @ontvangen_op)
        """;

    private const string VoegAfwijkingToe = """
        INSERT INTO journaal (id, afzender, ontvanger, berichtcode, identificatie, sha256, ontvangen_op, origineel_id)
        VALUES (@id, @afzender, @ontvanger, @berichtcode, @identificatie, @sha256, @ontvangen_op, @origineel_id)
        """;

    /// <summary>
    /// Outbox ids taken with the look-up, per message (a JW315 with two request lines answers three times): the group's
    /// answers then take their ids without a round trip of their own (<see cref="StoreTransactie.NieuwId"/>, which takes
    /// blocks of 500 when these run out). What is left at the commit is a gap, as NieuwId's blocks leave.
    /// </summary>
    private const int AntwoordenPerBericht = 4;

    /// <summary>Per key, the journal rows under it: stored before the group, then the group's own, in order.</summary>
    private readonly Dictionary<(string Afzender, string Identificatie), List<Rij>> rijen = [];

    private sealed record Rij(long Id, Task<byte[]> Sha256, bool Origineel);

    private Groepsjournaal()
    {
    }

    /// <summary>
    /// Reads the stored rows under <paramref name="sleutels"/> (the (afzender, Identificatie) of each message of the group
    /// that will be journalled, in order, repeats included) and takes that many journal ids, and outbox ids for their answers,
    /// in one round trip; null on
    /// SQLite (nothing to save there) or for an empty group.
    /// </summary>
    public static Groepsjournaal? Lees(StoreTransactie tx, IReadOnlyList<(string Afzender, string Identificatie)> sleutels)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(sleutels);
        if (!tx.Store.Provider.IsPostgres || sleutels.Count == 0)
        {
            return null;
        }

        var uniek = sleutels.Distinct().ToArray();
        var journaal = new Groepsjournaal();
        using var r = tx.Commando("""
            SELECT j.id, j.afzender, j.identificatie, j.sha256, j.origineel_id IS NULL
            FROM unnest(@afzenders::text[], @identificaties::text[]) AS s (afzender, identificatie)
            JOIN journaal j ON j.afzender = s.afzender AND j.identificatie = s.identificatie
            ORDER BY j.id;
            SELECT nextval(pg_get_serial_sequence('journaal', 'id')) FROM generate_series(1, @aantal);
            SELECT nextval(pg_get_serial_sequence('outbox', 'id')) FROM generate_series(1, @antwoorden)
            """)
            .Met("@afzenders", uniek.Select(s => s.Afzender).ToArray())
            .Met("@identificaties", uniek.Select(s => s.Identificatie).ToArray())
            .Met("@aantal", sleutels.Count)
            .Met("@antwoorden", Math.Max(500, AntwoordenPerBericht * sleutels.Count))
            .ExecuteReader();
        while (r.Read())
        {
            journaal.Van((r.GetString(1), r.GetString(2))).Add(new Rij(r.GetInt64(0), Task.FromResult((byte[])r.GetValue(3)), r.GetBoolean(4)));
        }

        // The ids go to the transaction's blocks (NieuwId hands them out, in increasing order, before it takes more).
        r.NextResult();
        tx.VoegIdsToe("journaal", Gesorteerd(r));
        r.NextResult();
        tx.VoegIdsToe("outbox", Gesorteerd(r));
        return journaal;
    }

    /// <summary>The ids of the reader's current result, in increasing order.</summary>
    private static List<long> Gesorteerd(System.Data.Common.DbDataReader r)
    {
        var lijst = new List<long>();
        while (r.Read())
        {
            lijst.Add(r.GetInt64(0));
        }

        lijst.Sort();
        return lijst;
    }

    /// <summary>
    /// Journals one message of the group, as <see cref="Journaliseren"/> would one by one at this point of the group, without a
    /// round trip (only an exact re-delivery reads its earlier answers). The arguments are those of the one-by-one path.
    /// </summary>
    public JournaalUitkomst Journaliseer(StoreTransactie tx, string afzender, string ontvanger, string identificatie, string berichtcode,
        byte[] inhoud, Task<byte[]> sha256, byte[]? opgeslagen)
    {
        Journaliseren.Controleer(tx, afzender, ontvanger, identificatie, berichtcode, inhoud, sha256);
        var onder = Van((afzender, identificatie));
        if (onder.Count == 0)
        {
            // A new original: as on the one-by-one path, inserted with a provisional hash when the real one is not ready yet.
            var voorlopig = sha256.IsCompletedSuccessfully ? null : RandomNumberGenerator.GetBytes(SHA256.HashSizeInBytes);
            var id = Voeg(tx, afzender, ontvanger, identificatie, berichtcode, voorlopig ?? Journaliseren.Hash(sha256), null, inhoud, opgeslagen);
            if (voorlopig is not null)
            {
                tx.VoorlopigeHashes.Add((id, voorlopig, sha256));
            }

            onder.Add(new Rij(id, sha256, Origineel: true));
            return new JournaalUitkomst.Nieuw(id);
        }

        // Compared on the real hashes (the group's own rows may still carry a provisional one in the table).
        var sha = Journaliseren.Hash(sha256);
        long? origineel = null;
        foreach (var rij in onder)
        {
            if (Journaliseren.Hash(rij.Sha256).AsSpan().SequenceEqual(sha))
            {
                return new JournaalUitkomst.ExacteHerhaling(rij.Id, tx.Antwoorden(rij.Id));
            }

            if (rij.Origineel)
            {
                origineel = rij.Id;
            }
        }

        // Every deviation points at an original that exists (the foreign key); none found is not this class's case.
        var o = origineel ?? throw new InvalidOperationException($"Geen origineel onder {afzender}/{identificatie} in het journaal.");
        var afwijking = Voeg(tx, afzender, ontvanger, identificatie, berichtcode, sha, o, inhoud, opgeslagen);
        onder.Add(new Rij(afwijking, Task.FromResult(sha), Origineel: false));
        return new JournaalUitkomst.ZelfdeIdentificatieAndereInhoud(afwijking, o);
    }

    private static long Voeg(StoreTransactie tx, string afzender, string ontvanger, string identificatie, string berichtcode, byte[] sha,
        long? origineel, byte[] inhoud, byte[]? opgeslagen)
    {
        // One of the ids taken with the look-up; should more messages come than were counted, NieuwId takes a block.
        var id = tx.NieuwId("journaal");
        var cmd = tx.Uitgesteld(origineel is null ? VoegOrigineelToe : VoegAfwijkingToe)
            .Met("@id", id)
            .Met("@afzender", afzender)
            .Met("@ontvanger", ontvanger)
            .Met("@berichtcode", berichtcode)
            .Met("@identificatie", identificatie)
            .Met("@sha256", sha)
            .Met("@ontvangen_op", tx.Nu);
        if (origineel is { } o)
        {
            cmd.Met("@origineel_id", o);
        }

        cmd.Later(tx);
        Journaliseren.BewaarInhoud(tx, id, ontvanger, opgeslagen ?? Inhoud.Inhoudsvorm.Pak(inhoud));
        return id;
    }

    private List<Rij> Van((string, string) sleutel)
    {
        if (!rijen.TryGetValue(sleutel, out var lijst))
        {
            lijst = [];
            rijen.Add(sleutel, lijst);
        }

        return lijst;
    }
}
