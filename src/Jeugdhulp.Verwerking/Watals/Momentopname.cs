using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Declaratie;
using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
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
/// <param name="Inhoud">Its bytes.</param>
/// <param name="Geaccepteerd">The real run found it valid (levels 1 and 2): its journal status is an outcome.</param>
public sealed record Opgeslagen(long JournaalId, DateOnly Dag, byte[] Inhoud, bool Geaccepteerd);

/// <summary>
/// The what-if's snapshot, read once from the store and never written (issue 20, item 4): every version of every
/// allocation, every request line, every booked prestatie and declaration, the contracts and residents; the period's
/// messages are streamed from the store in parts (<see cref="Berichten"/>), so a national year replays in the memory
/// of its state, not of its messages. Each recorded row carries the moment it was written — the journal id of the
/// last message processed by then (a running maximum in insertion order, so a staff decision taken between two
/// messages gets the earlier one) — and <see cref="Toestand"/> / <see cref="Declaratiebronnen"/> give exactly what a
/// message met: the rows written before it. The store's own state is the real run's, so the state a replayed
/// decision meets is the one the real decision met (staff decisions included), and since a decision only reads
/// that state, every decision of the period can be taken independently — in parallel.
/// </summary>
public sealed class Momentopname
{
    private readonly Dictionary<(string Gemeente, string Bsn), List<Versie>> perClient = [];
    private readonly Dictionary<(string Gemeente, string Aanbieder), List<Versie>> perAanbieder = [];
    private readonly Dictionary<(string Gemeente, long Nummer), List<Versie>> perNummer = [];
    private readonly Dictionary<string, List<(long Moment, int Hoogste)>> nummers = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Gemeente, string Bsn), List<Open>> open = [];
    private readonly Dictionary<(string Gemeente, string Aanbieder), List<(long JournaalId, Prestatie P)>> prestaties = [];
    private readonly Dictionary<(string Gemeente, string Aanbieder, long Nummer), List<(long JournaalId, Prestatie P)>> goedgekeurd = [];
    private readonly Dictionary<(string Gemeente, string Aanbieder, string Nummer), long> declaratienummers = [];
    private readonly Dictionary<string, string> huishoudenVan = new(StringComparer.Ordinal);
    private readonly ILookup<string, string> leden;
    private readonly Dictionary<(string Gemeente, string Aanbieder), List<Contract>> contractenPer;

    private readonly Datastore bron;
    private readonly long hoogste;
    private readonly int partijgrootte;

    private Momentopname(Datastore bron, long hoogste, int partijgrootte, List<Contract> contracten, List<Inwoner> inwoners)
    {
        this.bron = bron;
        this.hoogste = hoogste;
        this.partijgrootte = partijgrootte;
        Contracten = contracten;
        Inwoners = new Inwonersregister(inwoners);
        foreach (var i in inwoners.Where(i => i.Huishouden is not null))
        {
            huishoudenVan[i.Bsn.Waarde] = i.Huishouden!;
        }

        leden = huishoudenVan.ToLookup(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);
        contractenPer = contracten.GroupBy(c => (c.Gemeente.Waarde, c.Aanbieder.Waarde)).ToDictionary(c => c.Key, c => c.ToList());
    }

    /// <summary>Messages read from the store at a time: the replay streams them, so memory holds the state, never a year's messages.</summary>
    public const int StandaardPartij = 2_000;

    /// <summary>Every contract (the tariffs and HK-contract checks).</summary>
    public List<Contract> Contracten { get; }

    /// <summary>The residents' register.</summary>
    public Inwonersregister Inwoners { get; }

    /// <summary>
    /// Reads the snapshot of <paramref name="bron"/> (read-only: sessions that only read): the recorded state up to the
    /// last message journalled now. The period's messages are not held: <see cref="Berichten"/> streams them,
    /// <paramref name="partijgrootte"/> at a time.
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

        var m = new Momentopname(bron, hoogste, partijgrootte, Bronnen.AlleContracten(bron), Bronnen.Inwonerlijst(bron));
        using (var sessie = bron.OpenSessie())
        {
            m.LeesToewijzingen(sessie);
            m.LeesVerzoeken(sessie);
            m.LeesPrestaties(sessie);
        }

        return m;
    }

    /// <summary>
    /// The JW315, JW317 and JW323 messages (originals) received in [<paramref name="van"/>, <paramref name="tot"/>], in
    /// journal order, as stored, in parts (<see cref="StandaardPartij"/> unless the snapshot was loaded with another
    /// size); the next part is read from the store while the caller reads, checks and decides the current one
    /// (<see cref="Lees"/>, in the same parallel loop as the decisions, so both cores stay busy).
    /// </summary>
    public IEnumerable<Opgeslagen[]> Berichten(DateOnly van, DateOnly tot)
    {
        var volgende = Task.Run(() => LeesPartij(0, van, tot));
        while (true)
        {
            var (ruw, laatste) = volgende.GetAwaiter().GetResult();
            if (laatste == 0)
            {
                yield break;
            }

            volgende = Task.Run(() => LeesPartij(laatste, van, tot));
            yield return ruw;
        }
    }

    /// <summary>
    /// A stored message read and checked as the pipeline checked it on its day (levels 1 and 2, <c>IjwValidatie</c>);
    /// one the real run accepted (its journal status is an outcome, not "invalid") is mapped without running the
    /// checks again (<see cref="IjwValidatie.Geaccepteerd"/>: neither level depends on the rules, so the result is
    /// the same).
    /// </summary>
    public static Afgespeeld Lees(Opgeslagen bericht)
    {
        ArgumentNullException.ThrowIfNull(bericht);
        var validatie = bericht.Geaccepteerd ? IjwValidatie.Geaccepteerd(bericht.Inhoud, bericht.Dag) : IjwValidatie.Valideer(bericht.Inhoud, bericht.Dag);
        return new Afgespeeld(bericht.JournaalId, bericht.Dag, validatie);
    }

    /// <summary>The journal statuses of a message that passed levels 1 and 2 (the pipeline's outcomes; "invalid" and "error" are not among them).</summary>
    private const string Geaccepteerd = "('approved', 'rejected', 'review', 'mixed', 'accepted')";

    /// <summary>The next part after journal id <paramref name="na"/>, and the last id it looked at (0: none left).</summary>
    private (Opgeslagen[] Ruw, long Laatste) LeesPartij(long na, DateOnly van, DateOnly tot)
    {
        var ruw = new List<Opgeslagen>();
        long laatste = 0;
        using var sessie = bron.OpenSessie();
        using var r = sessie.Commando($"""
            SELECT j.id, j.ontvangen_op, ji.inhoud, CASE WHEN j.status IN {Geaccepteerd} THEN 1 ELSE 0 END
            FROM journaal j JOIN journaalinhoud ji ON ji.journaal_id = j.id
            WHERE j.id > @na AND j.id <= @hoogste AND j.origineel_id IS NULL AND j.berichtcode IN ('JW315', 'JW317', 'JW323')
            ORDER BY j.id LIMIT @aantal
            """).Met("@na", na).Met("@hoogste", hoogste).Met("@aantal", partijgrootte).ExecuteReader();
        while (r.Read())
        {
            laatste = r.GetInt64(0);
            var dag = DateOnly.FromDateTime(r.GetFieldValue<DateTimeOffset>(1).UtcDateTime);
            if (dag >= van && dag <= tot)
            {
                ruw.Add(new Opgeslagen(laatste, dag, Inhoudsvorm.Lees(r, 2), Convert.ToInt64(r.GetValue(3), System.Globalization.CultureInfo.InvariantCulture) == 1));
            }
        }

        return ([.. ruw], laatste);
    }

    /// <summary>
    /// What the engine knew of the client when message <paramref name="journaalId"/> was decided (as
    /// <c>Staat.LaadToestand</c> reads it then): the client's and the household's current allocations, open
    /// requests, declared minutes, and the next ToewijzingNummer.
    /// </summary>
    public (Clienttoestand Toestand, int VolgendNummer) Toestand(string gemeente, Bsn client, long journaalId)
    {
        var eigen = Actueel(perClient.GetValueOrDefault((gemeente, client.Waarde)), journaalId);
        var huishouden = new List<VastgelegdeToewijzing>();
        if (huishoudenVan.TryGetValue(client.Waarde, out var h))
        {
            foreach (var lid in leden[h].Where(l => l != client.Waarde))
            {
                huishouden.AddRange(Actueel(perClient.GetValueOrDefault((gemeente, lid)), journaalId));
            }
        }

        var openstaand = open.GetValueOrDefault((gemeente, client.Waarde))?
            .Where(o => o.JournaalId < journaalId && o.Gesloten >= journaalId).Select(o => o.Verzoek).ToList() ?? [];

        // HK-317-5: approved debet minus credit per own allocation, in minutes; units that are no time do not count.
        var gedeclareerd = new Dictionary<int, long>();
        foreach (var t in eigen)
        {
            foreach (var (id, p) in goedgekeurd.GetValueOrDefault((gemeente, t.Aanbieder.Waarde, t.Nummer)) ?? [])
            {
                if (id < journaalId && Omvang.MinutenPer(p.Eenheid) is { } factor)
                {
                    gedeclareerd[t.Nummer] = gedeclareerd.GetValueOrDefault(t.Nummer) + ((p.Geboekt.IsCredit ? -p.Geboekt.Volume : p.Geboekt.Volume) * factor);
                }
            }
        }

        // The highest number written before the message: moments grow with insertion, so a binary search on the
        // running maximum (the counter's "laatste"; it only moves by numbers actually used).
        var laatste = 0;
        if (nummers.TryGetValue(gemeente, out var lijst) && Voor(lijst, journaalId, static n => n.Moment) is var voor and > 0)
        {
            laatste = lijst[voor - 1].Hoogste;
        }

        return (new Clienttoestand(eigen, huishouden, openstaand, gedeclareerd), laatste + 1);
    }

    /// <summary>
    /// What the declaration checks read for <paramref name="invoer"/> when message <paramref name="journaalId"/> was
    /// assessed, selected as <c>Declaratiestand.Laad</c> selects it from the store.
    /// </summary>
    public Declaratiebronnen Declaratiebronnen(Declaratieinvoer invoer, long journaalId, Core.Regels.Regelcatalogus catalogus, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        var (g, a) = (invoer.Gemeente, invoer.Aanbieder);
        // The provider's latest version per number, straight into the table the checks read (the provider's versions
        // of a year are long: one pass over those written before, no list in between).
        var versies = perAanbieder.GetValueOrDefault((g, a));
        var voor = Voor(versies, journaalId);
        var toewijzingen = new Dictionary<long, VastgelegdeToewijzing>(voor);
        for (var i = 0; i < voor; i++)
        {
            toewijzingen[versies![i].Toewijzing.Nummer] = versies[i].Toewijzing; // a later version replaces an earlier one
        }

        var genoemd = invoer.Prestaties.Select(p => p.ToewijzingNummer).Distinct().ToList();
        var anderen = genoemd.Where(n => !toewijzingen.ContainsKey(n) && Voor(perNummer.GetValueOrDefault((g, n)), journaalId) > 0).ToHashSet();
        var opNummer = genoemd.Where(toewijzingen.ContainsKey).ToHashSet();
        var referenties = invoer.Prestaties.Select(p => p.ReferentieNummer)
            .Concat(invoer.Prestaties.Where(p => p.VorigReferentieNummer is not null).Select(p => p.VorigReferentieNummer!))
            .ToHashSet(StringComparer.Ordinal);
        // The approved ones on the named allocations, then those the message's references name (one pass over the
        // provider's prestaties: a year of them is long, and this runs twice per declaration).
        var eerdere = new List<GeboektePrestatie>();
        var genoemdeReferenties = new List<GeboektePrestatie>();
        foreach (var (id, p) in prestaties.GetValueOrDefault((g, a)) ?? [])
        {
            if (id < journaalId)
            {
                if (p.Geboekt.Goedgekeurd && opNummer.Contains(p.Geboekt.ToewijzingNummer))
                {
                    eerdere.Add(p.Geboekt);
                }

                if (referenties.Contains(p.Geboekt.ReferentieNummer))
                {
                    genoemdeReferenties.Add(p.Geboekt);
                }
            }
        }

        eerdere.AddRange(genoemdeReferenties);
        var bekend = declaratienummers.TryGetValue((g, a, invoer.DeclaratieNummer), out var dj) && dj < journaalId;
        return new Declaratiebronnen(toewijzingen, anderen, eerdere, contractenPer.GetValueOrDefault((g, a)) ?? [], catalogus, bekend, vandaag);
    }

    /// <summary>The latest version per number among <paramref name="versies"/> written before <paramref name="journaalId"/> (IV013).</summary>
    private static List<VastgelegdeToewijzing> Actueel(List<Versie>? versies, long journaalId)
    {
        var voor = Voor(versies, journaalId);
        if (voor == 0)
        {
            return [];
        }

        var laatste = new Dictionary<int, VastgelegdeToewijzing>(voor);
        for (var i = 0; i < voor; i++)
        {
            laatste[versies![i].Toewijzing.Nummer] = versies[i].Toewijzing; // in insertion order: a later version replaces an earlier one
        }

        return [.. laatste.Values];
    }

    /// <summary>
    /// How many of <paramref name="versies"/> were written before message <paramref name="journaalId"/>: they are the
    /// first ones, since a list holds its rows in insertion order and a row's moment is the running maximum over that
    /// order (<see cref="LeesToewijzingen"/>), so moments never fall along a list — a binary search, instead of looking
    /// at (and growing a table for) every version of the year for each message.
    /// </summary>
    private static int Voor(List<Versie>? versies, long journaalId) => versies is null ? 0 : Voor(versies, journaalId, static v => v.Moment);

    /// <summary>How many of <paramref name="rijen"/>, whose moments never fall, were written before message <paramref name="journaalId"/>.</summary>
    private static int Voor<T>(List<T> rijen, long journaalId, Func<T, long> moment)
    {
        int lo = 0, hi = rijen.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (moment(rijen[mid]) < journaalId)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private void LeesToewijzingen(StoreSessie sessie)
    {
        using var r = sessie.Commando("""
            SELECT gemeente, journaal_id, nummer, client_bsn, aanbieder, productcode, categorie, ingangsdatum, einddatum, volume, eenheid, frequentie, budget,
                toewijzingsdatum, toewijzingstijd, referentie, herkomst, keren_verschoven, reden_wijziging, oorspronkelijke_einddatum
            FROM toewijzingen ORDER BY id
            """).ExecuteReader();
        long moment = 0;
        while (r.Read())
        {
            moment = Math.Max(moment, r.IsDBNull(1) ? 0 : r.GetInt64(1));
            var gemeente = r.GetString(0);
            var t = new VastgelegdeToewijzing(
                checked((int)r.GetInt64(2)), Bsn.Parse(r.GetString(3)).Waarde, AgbCode.Parse(r.GetString(4)).Waarde, ProductCode.Parse(r.GetString(5)).Waarde,
                r.GetString(6), r.GetFieldValue<DateOnly>(7), r.DatumOfNull(8),
                r.IsDBNull(9) ? null : new Omvang(checked((int)r.GetInt64(9)), r.GetString(10), r.GetString(11)),
                r.IsDBNull(12) ? null : r.GetInt64(12), r.GetFieldValue<DateOnly>(13), r.GetFieldValue<TimeOnly>(14), r.TekstOfNull(15),
                (VerwijzerType)r.GetInt64(16), checked((int)r.GetInt64(17)), r.TekstOfNull(18), r.DatumOfNull(19));
            var v = new Versie(moment, t);
            Voeg(perClient, (gemeente, t.Client.Waarde), v);
            Voeg(perAanbieder, (gemeente, t.Aanbieder.Waarde), v);
            Voeg(perNummer, (gemeente, (long)t.Nummer), v);
            var hoogste = nummers.TryGetValue(gemeente, out var n) && n.Count > 0 ? Math.Max(n[^1].Hoogste, t.Nummer) : t.Nummer;
            Voeg(nummers, gemeente, (moment, hoogste));
        }
    }

    private void LeesVerzoeken(StoreSessie sessie)
    {
        // When a person decided a request in review: the moment of the last answer written for its message (the
        // outbox's running maximum of journal ids in insertion order, as for the allocations).
        var beantwoord = new Dictionary<long, long>();
        using (var r = sessie.Commando("SELECT journaal_id FROM outbox ORDER BY id").ExecuteReader())
        {
            long moment = 0;
            while (r.Read())
            {
                var j = r.GetInt64(0);
                moment = Math.Max(moment, j);
                beantwoord[j] = moment;
            }
        }

        using var v = sessie.Commando("""
            SELECT journaal_id, gemeente, client_bsn, aanbieder, referentie, productcode, ingangsdatum, einddatum, status, besloten_door FROM verzoeken
            WHERE berichtcode = 'JW315' AND productcode IS NOT NULL AND ingangsdatum IS NOT NULL AND (status = 'review' OR besloten_door IS NOT NULL)
            ORDER BY id
            """).ExecuteReader();
        while (v.Read())
        {
            var periode = Periode.Maak(v.GetFieldValue<DateOnly>(6), v.DatumOfNull(7));
            var product = ProductCode.Parse(v.GetString(5));
            if (!periode.IsGeldig || !product.IsGeldig)
            {
                continue;
            }

            var j = v.GetInt64(0);
            var gesloten = v.GetString(8) == Staat.StatusReview ? long.MaxValue : beantwoord.GetValueOrDefault(j, long.MaxValue);
            Voeg(open, (v.GetString(1), v.GetString(2)), new Open(j, gesloten,
                new OpenVerzoek(AgbCode.Parse(v.GetString(3)).Waarde, v.GetString(4), product.Waarde, periode.Waarde)));
        }
    }

    private void LeesPrestaties(StoreSessie sessie)
    {
        using (var r = sessie.Commando("SELECT gemeente, aanbieder, declaratienummer, journaal_id FROM declaraties").ExecuteReader())
        {
            while (r.Read())
            {
                declaratienummers[(r.GetString(0), r.GetString(1), r.GetString(2))] = r.GetInt64(3);
            }
        }

        using var p = sessie.Commando("""
            SELECT d.journaal_id, p.gemeente, p.aanbieder, p.referentienummer, p.vorig_referentienummer, p.nummer, p.categorie, p.productcode,
                p.begindatum, p.einddatum, p.volume, p.bedrag, p.credit, p.goedgekeurd, p.eenheid
            FROM declaratieprestaties p JOIN declaraties d ON d.id = p.declaratie_id ORDER BY p.id
            """).ExecuteReader();
        while (p.Read())
        {
            var geboekt = new GeboektePrestatie(p.GetString(3), p.TekstOfNull(4), p.GetInt64(5), p.GetString(6), p.GetString(7),
                p.GetFieldValue<DateOnly>(8), p.GetFieldValue<DateOnly>(9), p.GetInt64(10), p.GetInt64(11), p.GetInt64(12) == 1, p.GetInt64(13) == 1);
            var x = (p.GetInt64(0), new Prestatie(geboekt, p.GetString(14)));
            Voeg(prestaties, (p.GetString(1), p.GetString(2)), x);
            if (geboekt.Goedgekeurd)
            {
                Voeg(goedgekeurd, (p.GetString(1), p.GetString(2), geboekt.ToewijzingNummer), x);
            }
        }
    }

    private static void Voeg<TSleutel, TWaarde>(Dictionary<TSleutel, List<TWaarde>> d, TSleutel sleutel, TWaarde waarde)
        where TSleutel : notnull
    {
        if (!d.TryGetValue(sleutel, out var lijst))
        {
            d[sleutel] = lijst = [];
        }

        lijst.Add(waarde);
    }

    /// <summary>An allocation version and the moment it was written.</summary>
    private sealed record Versie(long Moment, VastgelegdeToewijzing Toewijzing);

    /// <summary>A request line in review from its message until a person decided it (<see cref="long.MaxValue"/>: still open).</summary>
    private sealed record Open(long JournaalId, long Gesloten, OpenVerzoek Verzoek);

    /// <summary>A booked prestatie with its unit (for the declared minutes).</summary>
    private sealed record Prestatie(GeboektePrestatie Geboekt, string Eenheid);
}
