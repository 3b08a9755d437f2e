using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Berichten;

namespace Jeugdhulp.Store.Verwerking;

/// <summary>
/// PostgreSQL: the state of every client a group's JW315s name, read before the group is processed — one command per
/// municipality, or one for all when the group spans more than <see cref="VeelGemeenten"/> (<see cref="Staat.LaadToestanden(StoreTransactie, IReadOnlyDictionary{string, List{string}}, bool)"/>), so a JW315 decides without a round trip for its client's state
/// (issue 21 point 1; docs/POSTGRESQL.md). What the group itself writes is not in that read, so it is followed here: the
/// allocations an accepted JW315 made are added to the state of its client's household members (whose state holds them,
/// as the group path of the own allocations does with <c>nieuw</c>); the client itself, whose open requests changed too,
/// and the household of a JW315 that failed (its savepoint rolled back) are read per message from then on; and once a
/// message of another kind was processed (JW317, start/stop and declarations change allocations and declared minutes of
/// clients this class does not follow) every client is read per message. The counter's next number is followed in memory after each reservation;
/// should it be off (a message's savepoint rolled back its reservation), <see cref="Nummers.Beslis"/> decides again from
/// the number actually reserved, as it does for a concurrent writer. On SQLite (no round trips) nothing is read ahead.
/// </summary>
internal sealed class Groepsvoorraad
{
    private readonly IInwonersBron inwoners;
    private readonly Dictionary<string, Groepstoestand> perGemeente = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> volgend = new(StringComparer.Ordinal);
    private readonly HashSet<(string Gemeente, string Bsn)> geraakt = [];

    /// <summary>Per municipality, the allocations accepted messages of this group made, per client.</summary>
    private readonly Dictionary<string, Dictionary<string, List<VastgelegdeToewijzing>>> nieuw = new(StringComparer.Ordinal);

    /// <summary>The allocations of the message being processed, kept until it is known to be accepted.</summary>
    private readonly List<VastgelegdeToewijzing> lopend = [];
    private bool alles;

    /// <summary>Above this many municipalities in one group, their states are read in one command for all (not measured in between: 6 and 335 were).</summary>
    internal const int VeelGemeenten = 8;

    private Groepsvoorraad(IInwonersBron inwoners) => this.inwoners = inwoners;

    /// <summary>
    /// Reads the state of the clients of the valid JW315s in <paramref name="blok"/> (and their households), one command per
    /// municipality or, beyond <see cref="VeelGemeenten"/>, one for all; null on SQLite, or when the group holds no JW315.
    /// <paramref name="tellersVasthouden"/> (the fast pass: no savepoint per message): each municipality's counter is locked
    /// with the read and its numbers handed out in memory for the group (<see cref="Staat.LaadToestanden(StoreTransactie, IReadOnlyDictionary{string, List{string}}, bool)"/>).
    /// </summary>
    public static Groepsvoorraad? Lees(StoreTransactie tx, IReadOnlyList<Gecontroleerd> blok, IInwonersBron inwoners, bool tellersVasthouden)
    {
        if (!tx.Store.Provider.IsPostgres)
        {
            return null;
        }

        var perGemeente = new Dictionary<string, List<Bsn>>(StringComparer.Ordinal);
        foreach (var g in blok)
        {
            if (g.Validatie is { IsGeldig: true, Bericht: VerzoekOmToewijzingBericht { Client: { } k } b } && Bsn.Parse(k.Bsn).TryGet(out var bsn))
            {
                Groepstoestand.Van(perGemeente, b.Header.Ontvanger).Add(bsn);
            }
        }

        if (perGemeente.Count == 0)
        {
            return null;
        }

        var voorraad = new Groepsvoorraad(inwoners);
        var bsns = perGemeente.ToDictionary(p => p.Key,
            p => p.Value.SelectMany(voorraad.MetHuishouden).Select(b => b.Waarde).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        // A few municipalities: one read each, its plans pruned to the municipality's own partitions. Many (a national stream
        // spread over ~340): one read for all of them — one command per municipality cost a round trip each, and each
        // municipality's statements are planned five times before their generic plan is kept (bench/RESULTS.md, session 16 h21m).
        var standen = bsns.Count <= VeelGemeenten
            ? bsns.ToDictionary(p => p.Key, p => Staat.LaadToestanden(tx, p.Key, p.Value, tellersVasthouden), StringComparer.Ordinal)
            : Staat.LaadToestanden(tx, bsns, tellersVasthouden);
        foreach (var (gemeente, stand) in standen)
        {
            voorraad.perGemeente[gemeente] = stand;
            voorraad.volgend[gemeente] = stand.VolgendNummer;
        }

        return voorraad;
    }

    /// <summary>
    /// The state of <paramref name="client"/> and the counter's next number as read for the group, when nothing the group
    /// did since can have changed them; otherwise null (read it per message).
    /// </summary>
    public (Clienttoestand Toestand, int VolgendNummer)? Toestand(string gemeente, Bsn client)
    {
        if (alles || geraakt.Contains((gemeente, client.Waarde)) || !perGemeente.TryGetValue(gemeente, out var stand))
        {
            return null;
        }

        return (stand.Toestand(client, MetHuishouden(client), Groepstoestand.Van(nieuw, gemeente)), volgend[gemeente]);
    }

    /// <summary>The message being processed stored <paramref name="toewijzing"/> (counted once the message is accepted).</summary>
    public void Vastgelegd(VastgelegdeToewijzing toewijzing) => lopend.Add(toewijzing);

    /// <summary>The counter of <paramref name="gemeente"/> now hands out <paramref name="nummer"/> next (after a reservation).</summary>
    public void Volgend(string gemeente, int nummer)
    {
        if (volgend.ContainsKey(gemeente))
        {
            volgend[gemeente] = nummer;
        }
    }

    /// <summary>
    /// A JW315 of <paramref name="client"/> was processed: its own state (open requests) is no longer taken from the read.
    /// <paramref name="aangenomen"/>: its allocations now count for its household; otherwise (rolled back) what it stored is
    /// forgotten and its household, too, is read per message from here on.
    /// </summary>
    public void Geraakt(string gemeente, Bsn client, bool aangenomen)
    {
        geraakt.Add((gemeente, client.Waarde));
        if (aangenomen)
        {
            foreach (var t in lopend)
            {
                Groepstoestand.Van(Groepstoestand.Van(nieuw, gemeente), t.Client.Waarde).Add(t);
            }
        }
        else
        {
            foreach (var b in MetHuishouden(client))
            {
                geraakt.Add((gemeente, b.Waarde));
            }
        }

        lopend.Clear();
    }

    /// <summary>A message of another kind was processed: from here on every client is read per message.</summary>
    public void AllesGeraakt()
    {
        alles = true;
        lopend.Clear();
    }

    /// <summary>The client and the members of its household in the group's residents (as the per-message read finds them).</summary>
    private IEnumerable<Bsn> MetHuishouden(Bsn client) =>
        inwoners.Zoek(client)?.Huishouden is { } h ? inwoners.Huishouden(h).Select(i => i.Bsn).Prepend(client).Distinct() : [client];
}
