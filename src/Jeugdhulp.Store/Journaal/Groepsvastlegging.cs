using System.Security.Cryptography;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Inhoud;
using Jeugdhulp.Store.Outbox;
using Jeugdhulp.Store.Toewijzingnummers;

namespace Jeugdhulp.Store.Journaal;

/// <summary>
/// PostgreSQL, the pipeline's fast pass (issue 21 point 1; docs/POSTGRESQL.md): what the journal and the number counter
/// answer per message is decided in memory, so a group of messages costs one round trip at its commit instead of three
/// per message. Before the group, one command finds every journal row under the group's (afzender, Identificatie) keys —
/// the re-deliveries — and locks the counter row of each municipality the group may number (<c>FOR UPDATE</c>: no other
/// writer moves it until this transaction ends, so the counter kept here is exact). Then a new message's journal row gets
/// its id from the transaction's block of the journal sequence (<see cref="StoreTransactie.NieuwId"/>) and is inserted as
/// a deferred write, and a reservation moves the counter here and queues its update; every deferred write of the group
/// goes to the server as one batch at the commit.
/// <para>
/// Only valid without savepoints (a rolled-back savepoint would undo a write this class has counted), so only the fast pass
/// uses it; a failing write fails the whole group at its commit, and the batch runner repeats the group message by message
/// in the safe pass, which journals and reserves through the server as before. A concurrent writer that journals the same
/// key after the look-up makes the plain insert fail on the unique index: the group is repeated, never journalled twice.
/// </para>
/// </summary>
internal sealed class Groepsvastlegging
{
    private const string Lees = """
        SELECT gemeente, laatste FROM toewijzingnummers WHERE gemeente = ANY(@gemeenten) ORDER BY gemeente FOR UPDATE;
        SELECT j.id, j.afzender, j.identificatie, j.sha256, j.origineel_id
        FROM journaal j JOIN unnest(@afzenders, @identificaties) AS s (afzender, identificatie)
          ON j.afzender = s.afzender AND j.identificatie = s.identificatie
        ORDER BY j.id
        """;

    private const string VoegToe = """
        INSERT INTO journaal (id, afzender, ontvanger, berichtcode, identificatie, sha256, ontvangen_op, origineel_id)
        VALUES (@id, @afzender, @ontvanger, @berichtcode, @identificatie, @sha256, @ontvangen_op, @origineel_id)
        """;

    private const string ZetTeller = "UPDATE toewijzingnummers SET laatste = @laatste WHERE gemeente = @gemeente";

    /// <summary>Journal rows per (afzender, Identificatie): those read before the group and those the group added, in id order.</summary>
    private readonly Dictionary<(string Afzender, string Identificatie), List<Rij>> rijen = [];

    /// <summary>The last number handed out, per municipality whose counter row this transaction holds locked.</summary>
    private readonly Dictionary<string, long> tellers = new(StringComparer.Ordinal);

    private Groepsvastlegging()
    {
    }

    private sealed record Rij(long Id, Task<byte[]> Sha256, long? Origineel);

    /// <summary>
    /// Starts a group in <paramref name="tx"/> on PostgreSQL: reads the journal rows under <paramref name="sleutels"/> and locks
    /// the counters of <paramref name="gemeenten"/> (one round trip); from here until the transaction ends, <see cref="Journaliseren"/>
    /// and <see cref="NummersReserveren"/> answer from memory. A municipality without a counter row yet reserves through the
    /// server (its first reservation inserts the row). Nothing on SQLite (no round trips to save).
    /// </summary>
    internal static void Begin(StoreTransactie tx, IEnumerable<(string Afzender, string Identificatie)> sleutels, IEnumerable<string> gemeenten)
    {
        ArgumentNullException.ThrowIfNull(tx);
        if (tx.Store.Provider is not Provider.PostgresProvider)
        {
            return;
        }

        var groep = new Groepsvastlegging();
        var uniek = sleutels.Distinct().ToList();
        // Sorted: two writers lock counters in the same order, so they wait for each other instead of deadlocking.
        var g = gemeenten.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        using (var r = tx.Commando(Lees)
            .Met("@gemeenten", g)
            .Met("@afzenders", uniek.Select(s => s.Afzender).ToArray())
            .Met("@identificaties", uniek.Select(s => s.Identificatie).ToArray())
            .ExecuteReader())
        {
            while (r.Read())
            {
                groep.tellers[r.GetString(0)] = r.GetInt64(1);
            }

            r.NextResult();
            while (r.Read())
            {
                groep.Van((r.GetString(1), r.GetString(2))).Add(
                    new Rij(r.GetInt64(0), Task.FromResult((byte[])r.GetValue(3)), r.IsDBNull(4) ? null : r.GetInt64(4)));
            }
        }

        tx.Groep = groep;
    }

    /// <summary>As <see cref="Journaliseren.Journaliseer(StoreTransactie, string, string, string, string, byte[], Task{byte[]}, byte[])"/>, decided in memory.</summary>
    internal JournaalUitkomst Journaliseer(StoreTransactie tx, string afzender, string ontvanger, string identificatie, string berichtcode,
        byte[] inhoud, Task<byte[]> sha256, byte[]? opgeslagen)
    {
        var eerder = Van((afzender, identificatie));
        long? origineel = null;
        if (eerder.Count > 0)
        {
            var sha = Journaliseren.Hash(sha256);
            foreach (var rij in eerder)
            {
                if (Journaliseren.Hash(rij.Sha256).AsSpan().SequenceEqual(sha))
                {
                    return new JournaalUitkomst.ExacteHerhaling(rij.Id, tx.Antwoorden(rij.Id));
                }

                if (rij.Origineel is null)
                {
                    origineel = rij.Id;
                }
            }

            // Rows under this key without an original cannot exist (the deviation's key refers to it): let the safe pass decide.
            _ = origineel ?? throw new InvalidOperationException($"Journaal: geen origineel onder {afzender}/{identificatie}.");
        }

        // A new original does not wait for a large message's hash: a random provisional one, replaced before the commit.
        var voorlopig = origineel is null && !sha256.IsCompletedSuccessfully ? RandomNumberGenerator.GetBytes(SHA256.HashSizeInBytes) : null;
        var id = tx.NieuwId("journaal");
        tx.Uitgesteld(VoegToe)
            .Met("@id", id)
            .Met("@afzender", afzender)
            .Met("@ontvanger", ontvanger)
            .Met("@berichtcode", berichtcode)
            .Met("@identificatie", identificatie)
            .Met("@sha256", voorlopig ?? Journaliseren.Hash(sha256))
            .Met("@ontvangen_op", tx.Nu)
            .Met("@origineel_id", origineel)
            .Later(tx);
        tx.Uitgesteld(Journaliseren.VoegInhoudToe).Met("@journaal_id", id).Met("@inhoud", opgeslagen ?? Inhoudsvorm.Pak(inhoud)).Later(tx);
        if (voorlopig is not null)
        {
            tx.VoorlopigeHashes.Add((id, voorlopig, sha256));
        }

        eerder.Add(new Rij(id, sha256, origineel));
        return origineel is { } o ? new JournaalUitkomst.ZelfdeIdentificatieAndereInhoud(id, o) : new JournaalUitkomst.Nieuw(id);
    }

    /// <summary>
    /// As <see cref="NummersReserveren.ReserveerToewijzingnummers"/> from the locked counter, its update deferred; null when this
    /// transaction does not hold <paramref name="gemeente"/>'s counter (then the server reserves).
    /// </summary>
    internal Resultaat<NummerReeks>? Reserveer(StoreTransactie tx, string gemeente, int aantal)
    {
        if (!tellers.TryGetValue(gemeente, out var laatste))
        {
            return null;
        }

        if (laatste + aantal > NummersReserveren.Hoogste)
        {
            return NummersReserveren.Uitgeput(gemeente, aantal);
        }

        laatste += aantal;
        tellers[gemeente] = laatste;
        tx.Uitgesteld(ZetTeller).Met("@laatste", laatste).Met("@gemeente", gemeente).Later(tx);
        return Resultaat<NummerReeks>.Ok(new NummerReeks(laatste - aantal + 1, laatste));
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
