using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Ijw.Controles;
using Jeugdhulp.Store.Inhoud;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Watals;

/// <summary>A message of the period, read and checked once: the what-if decides on it under both rule sets.</summary>
/// <param name="JournaalId">Its journal id: the state it met is everything recorded before it.</param>
/// <param name="Dag">The day it was processed.</param>
/// <param name="Validatie">The message as read and checked (levels 1 and 2).</param>
public sealed record Afgespeeld(long JournaalId, DateOnly Dag, Validatie Validatie);

/// <summary>A message of the period as stored, not yet read.</summary>
/// <param name="JournaalId">Its journal id.</param>
/// <param name="Dag">The day it was processed.</param>
/// <param name="Blob">Its bytes as stored (<see cref="Inhoudsvorm"/>: compressed, unpacked only when it is read, on the
/// thread that reads it, into that thread's reused buffer).</param>
/// <param name="Geaccepteerd">The real run found it valid (levels 1 and 2): its journal status is an outcome.</param>
public sealed record Opgeslagen(long JournaalId, DateOnly Dag, byte[] Blob, bool Geaccepteerd)
{
    /// <summary>Its bytes as received, in an array of their own.</summary>
    public byte[] Inhoud => Inhoudsvorm.Uitpak(Blob);
}

/// <summary>
/// The what-if's snapshot of the store, never written (issue 20, item 4): the last message journalled when it was
/// taken, the contracts and the residents, read once; the recorded state (every version of every allocation, every
/// request line, every booked prestatie and declaration) is read per municipality (<see cref="Staat"/>, a
/// <see cref="Gemeentestaat"/>) and the period's messages are streamed per municipality in parts
/// (<see cref="Berichten"/>), so a national year replays in the memory of its largest municipality's state, not of the
/// region's, and never of its messages. That is exact because a decision only reads its own municipality's state: a
/// message's municipality is its receiver (the journal's <c>ontvanger</c> is the header's), and every state row is
/// kept and looked up by municipality (<see cref="Gemeentestaat"/> refuses a lookup for another one). Each recorded
/// row carries the moment it was written — the journal id of the last message processed by then (a running maximum
/// in insertion order, so a staff decision taken between two messages gets the earlier one) — and
/// <see cref="Gemeentestaat.Toestand"/> / <see cref="Gemeentestaat.Declaratiebronnen"/> give exactly what a message
/// met: the rows written before it. The store's own state is the real run's, so the state a replayed decision meets
/// is the one the real decision met (staff decisions included), and since a decision only reads that state, every
/// decision of the period can be taken independently — in parallel.
/// </summary>
public sealed class Momentopname
{
    private readonly Datastore bron;
    private readonly long hoogste;
    private readonly int partijgrootte;
    private readonly Dictionary<long, long> beantwoord;
    private readonly Dictionary<long, long> verschoven;

    private Momentopname(Datastore bron, long hoogste, int partijgrootte, List<Contract> contracten, List<Inwoner> inwoners,
        Dictionary<long, long> beantwoord, Dictionary<long, long> verschoven)
    {
        this.bron = bron;
        this.hoogste = hoogste;
        this.partijgrootte = partijgrootte;
        this.beantwoord = beantwoord;
        this.verschoven = verschoven;
        Contracten = contracten;
        Inwoners = new Inwonersregister(inwoners);
        var huishoudenVan = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var i in inwoners.Where(i => i.Huishouden is not null))
        {
            huishoudenVan[i.Bsn.Waarde] = i.Huishouden!;
        }

        Huishoudens = new Huishoudens(huishoudenVan, huishoudenVan.ToLookup(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal));
        ContractenPer = contracten.GroupBy(c => (c.Gemeente.Waarde, c.Aanbieder.Waarde)).ToDictionary(c => c.Key, c => c.ToList());
    }

    /// <summary>Messages read from the store at a time: the replay streams them, so memory holds the state, never a year's messages.</summary>
    public const int StandaardPartij = 2_000;

    /// <summary>Every contract (the tariffs and HK-contract checks).</summary>
    public List<Contract> Contracten { get; }

    /// <summary>The residents' register (whole: the woonplaatsbeginsel check looks a client up wherever they live).</summary>
    public Inwonersregister Inwoners { get; }

    /// <summary>The residents' households (BSN → household, household → members).</summary>
    internal Huishoudens Huishoudens { get; }

    /// <summary>The contracts per municipality and provider (the declaration checks).</summary>
    internal Dictionary<(string Gemeente, string Aanbieder), List<Contract>> ContractenPer { get; }

    /// <summary>
    /// Reads the snapshot of <paramref name="bron"/> (read-only: sessions that only read): the last message journalled
    /// now, the contracts, the residents, and when each request a person decided was answered. The recorded state is
    /// read per municipality (<see cref="Staat"/>); the period's messages are not held: <see cref="Berichten"/> streams
    /// them, <paramref name="partijgrootte"/> at a time.
    /// </summary>
    public static Momentopname Laad(Datastore bron, int partijgrootte = StandaardPartij)
    {
        ArgumentNullException.ThrowIfNull(bron);
        ArgumentOutOfRangeException.ThrowIfLessThan(partijgrootte, 1);
        // The last message now: journal row and state commit together, so every row a message up to here wrote is
        // visible to the reads below; messages after it (a service still running) are not replayed.
        long hoogste;
        using (var sessie = bron.OpenSessie())
        {
            hoogste = Convert.ToInt64(sessie.Commando("SELECT COALESCE(MAX(id), 0) FROM journaal").ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
        }

        Dictionary<long, long> beantwoord, verschoven;
        using (var sessie = bron.OpenSessie())
        {
            beantwoord = Beantwoord(sessie);
            verschoven = Verschoven(sessie);
        }

        return new Momentopname(bron, hoogste, partijgrootte, Bronnen.AlleContracten(bron), Bronnen.Inwonerlijst(bron), beantwoord, verschoven);
    }

    /// <summary>
    /// The recorded state of municipality <paramref name="gemeente"/> (null: of every municipality at once, the whole
    /// region's state as one), read from the store now; the replay holds one at a time.
    /// </summary>
    public Gemeentestaat Staat(string? gemeente) => Gemeentestaat.Lees(bron, gemeente, this);

    /// <summary>
    /// The municipalities that received a JW315, JW317 or JW323 (original) up to the snapshot, in code order: every
    /// message of a period is one of exactly one of them.
    /// </summary>
    public List<string> Gemeenten()
    {
        var gemeenten = new List<string>();
        using var sessie = bron.OpenSessie();
        using var r = sessie.Commando($"""
            SELECT DISTINCT j.ontvanger FROM journaal j WHERE {Afspeelbaar}
            """).Met("@hoogste", hoogste).ExecuteReader();
        while (r.Read())
        {
            gemeenten.Add(r.GetString(0));
        }

        gemeenten.Sort(StringComparer.Ordinal);
        return gemeenten;
    }

    /// <summary>
    /// The moment allocation row <paramref name="id"/> (journal id <paramref name="journaalId"/>, null for none) was
    /// written: the running maximum of journal ids over the whole table in insertion order — not over its municipality's
    /// rows alone, which would date a staff decision taken after another municipality's message too early.
    /// </summary>
    internal long Moment(long id, long? journaalId) => verschoven.TryGetValue(id, out var m) ? m : journaalId ?? 0;

    /// <summary>When a person decided a request in review: the moment of the last answer written for its message.</summary>
    internal long Gesloten(long journaalId) => beantwoord.GetValueOrDefault(journaalId, long.MaxValue);

    /// <summary>
    /// The JW315, JW317 and JW323 messages (originals) received in [<paramref name="van"/>, <paramref name="tot"/>] — of
    /// <paramref name="gemeente"/> only, or of all when null — in journal order, as stored, in parts
    /// (<see cref="StandaardPartij"/> unless the snapshot was loaded with another size); the next part is read from the
    /// store while the caller reads, checks and decides the current one (<see cref="Lees"/>, in the same parallel loop as
    /// the decisions, so both cores stay busy).
    /// </summary>
    public IEnumerable<Opgeslagen[]> Berichten(DateOnly van, DateOnly tot, string? gemeente = null)
    {
        if (gemeente is null)
        {
            return Partijen(na => LeesPartij(na, van, tot));
        }

        // A municipality's messages: their ids first (the journal's index on the receiver), then each part by its ids,
        // so a municipality reads its own messages and not the whole journal's range between them.
        var ids = Ids(gemeente);
        return Partijen(na =>
        {
            var begin = na == 0 ? 0 : ids.BinarySearch(na) + 1;
            return begin >= ids.Count ? ([], 0) : LeesPartij(ids.GetRange(begin, Math.Min(partijgrootte, ids.Count - begin)), van, tot);
        });
    }

    /// <summary>The parts <paramref name="lees"/> reads, the first one's read started now (not at the first step), so a caller can start a stream ahead of using it.</summary>
    private static IEnumerable<Opgeslagen[]> Partijen(Func<long, (Opgeslagen[] Ruw, long Laatste)> lees) => Partijen(Task.Run(() => lees(0)), lees);

    private static IEnumerable<Opgeslagen[]> Partijen(Task<(Opgeslagen[] Ruw, long Laatste)> volgende, Func<long, (Opgeslagen[] Ruw, long Laatste)> lees)
    {
        while (true)
        {
            var (ruw, laatste) = volgende.GetAwaiter().GetResult();
            if (laatste == 0)
            {
                yield break;
            }

            volgende = Task.Run(() => lees(laatste));
            yield return ruw;
        }
    }

    /// <summary>
    /// A stored message read and checked as the pipeline checked it on its day (levels 1 and 2, <c>IjwValidatie</c>);
    /// one the real run accepted (its journal status is an outcome, not "invalid") is mapped without running the
    /// checks again (<see cref="IjwValidatie.Geaccepteerd(ReadOnlySpan{byte}, DateOnly)"/>: neither level depends on the rules, so the result is
    /// the same).
    /// </summary>
    public static Afgespeeld Lees(Opgeslagen bericht)
    {
        ArgumentNullException.ThrowIfNull(bericht);
        // An accepted message is parsed from the thread's reused buffer (the reader keeps no byte of it); the others,
        // rare, get the full check on an array of their own.
        var validatie = bericht.Geaccepteerd
            ? IjwValidatie.Geaccepteerd(Inhoudsvorm.UitpakInBuffer(bericht.Blob), bericht.Dag)
            : IjwValidatie.Valideer(bericht.Inhoud, bericht.Dag);
        return new Afgespeeld(bericht.JournaalId, bericht.Dag, validatie);
    }

    /// <summary>
    /// The messages the replay replays, as a condition on the journal <c>j</c>: JW315, JW317 and JW323 originals (a 9056
    /// changes no state) up to the snapshot (<c>@hoogste</c>). The municipalities, the whole stream and a municipality's ids
    /// all select by it, so every message of the period belongs to exactly one listed municipality.
    /// </summary>
    private const string Afspeelbaar = "j.id <= @hoogste AND j.origineel_id IS NULL AND j.berichtcode IN ('JW315', 'JW317', 'JW323')";

    /// <summary>The journal statuses of a message that passed levels 1 and 2 (the pipeline's outcomes; "invalid" and "error" are not among them).</summary>
    private const string Geaccepteerd = "('approved', 'rejected', 'review', 'mixed', 'accepted')";

    private const string Kolommen = $"SELECT j.id, j.ontvangen_op, ji.inhoud, CASE WHEN j.status IN {Geaccepteerd} THEN 1 ELSE 0 END FROM journaal j JOIN journaalinhoud ji ON ji.journaal_id = j.id AND ji.gemeente = j.ontvanger";

    /// <summary>The next part after journal id <paramref name="na"/>, and the last id it looked at (0: none left).</summary>
    private (Opgeslagen[] Ruw, long Laatste) LeesPartij(long na, DateOnly van, DateOnly tot)
    {
        using var sessie = bron.OpenSessie();
        using var r = sessie.Commando($"""
            {Kolommen}
            WHERE j.id > @na AND {Afspeelbaar}
            ORDER BY j.id LIMIT @aantal
            """).Met("@na", na).Met("@hoogste", hoogste).Met("@aantal", partijgrootte).ExecuteReader();
        return LeesRijen(r, van, tot);
    }

    /// <summary>The messages with these ids (ascending), and the last id (0: none).</summary>
    private (Opgeslagen[] Ruw, long Laatste) LeesPartij(List<long> ids, DateOnly van, DateOnly tot)
    {
        using var sessie = bron.OpenSessie();
        // The ids are the store's own integers, written as literals: one statement per part on either engine.
        var lijst = string.Join(',', ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var r = sessie.Commando($"{Kolommen} WHERE j.id IN ({lijst}) ORDER BY j.id").ExecuteReader();
        return (LeesRijen(r, van, tot).Ruw, ids[^1]);
    }

    private static (Opgeslagen[] Ruw, long Laatste) LeesRijen(System.Data.Common.DbDataReader r, DateOnly van, DateOnly tot)
    {
        var ruw = new List<Opgeslagen>();
        long laatste = 0;
        while (r.Read())
        {
            laatste = r.GetInt64(0);
            var dag = DateOnly.FromDateTime(r.GetFieldValue<DateTimeOffset>(1).UtcDateTime);
            if (dag >= van && dag <= tot)
            {
                ruw.Add(new Opgeslagen(laatste, dag, (byte[])r.GetValue(2), Convert.ToInt64(r.GetValue(3), System.Globalization.CultureInfo.InvariantCulture) == 1));
            }
        }

        return ([.. ruw], laatste);
    }

    /// <summary>The ids of <paramref name="gemeente"/>'s JW315, JW317 and JW323 messages (originals) up to the snapshot, ascending.</summary>
    private List<long> Ids(string gemeente)
    {
        var ids = new List<long>();
        using var sessie = bron.OpenSessie();
        using var r = sessie.Commando($"""
            SELECT j.id FROM journaal j WHERE j.ontvanger = @gemeente AND {Afspeelbaar}
            """).Met("@gemeente", gemeente).Met("@hoogste", hoogste).ExecuteReader();
        while (r.Read())
        {
            ids.Add(r.GetInt64(0));
        }

        ids.Sort();
        return ids;
    }

    /// <summary>
    /// The allocation rows whose moment is not their own journal id (<see cref="Moment"/>): a row without one, or written
    /// after a later message (a staff decision), gets the running maximum over the whole table in insertion order. The
    /// others — most rows — need nothing held: their moment is their journal id.
    /// </summary>
    private static Dictionary<long, long> Verschoven(StoreSessie sessie)
    {
        var verschoven = new Dictionary<long, long>();
        using var r = sessie.Commando("SELECT id, journaal_id FROM toewijzingen ORDER BY id").ExecuteReader();
        long moment = 0;
        while (r.Read())
        {
            long? j = r.IsDBNull(1) ? null : r.GetInt64(1);
            moment = Math.Max(moment, j ?? 0);
            if (j != moment)
            {
                verschoven[r.GetInt64(0)] = moment;
            }
        }

        return verschoven;
    }

    /// <summary>
    /// When a person decided a request in review: the moment of the last answer written for its message (the outbox's
    /// running maximum of journal ids in insertion order, as for the allocations). Kept only for the messages with a
    /// request a person decided, so the whole region's outbox is read once but not held.
    /// </summary>
    private static Dictionary<long, long> Beantwoord(StoreSessie sessie)
    {
        var besloten = new HashSet<long>();
        using (var r = sessie.Commando("SELECT DISTINCT journaal_id FROM verzoeken WHERE besloten_door IS NOT NULL").ExecuteReader())
        {
            while (r.Read())
            {
                besloten.Add(r.GetInt64(0));
            }
        }

        var beantwoord = new Dictionary<long, long>();
        using (var r = sessie.Commando("SELECT journaal_id FROM outbox ORDER BY id").ExecuteReader())
        {
            long moment = 0;
            while (r.Read())
            {
                var j = r.GetInt64(0);
                moment = Math.Max(moment, j);
                if (besloten.Contains(j))
                {
                    beantwoord[j] = moment;
                }
            }
        }

        return beantwoord;
    }
}

/// <summary>The residents' households, as the client state reads them (a household's allocations count in HK-PRD-4 and the stacking checks).</summary>
/// <param name="Van">BSN → household.</param>
/// <param name="Leden">Household → members' BSNs.</param>
internal sealed record Huishoudens(Dictionary<string, string> Van, ILookup<string, string> Leden);
