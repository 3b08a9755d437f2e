using System.Runtime.InteropServices;
using Jeugdhulp.Core.Declaratie;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Watals;

/// <summary>
/// The recorded state of one municipality (or of all at once), read from the store for the what-if replay and never
/// written (<see cref="Momentopname.Staat"/>): every version of its allocations, its request lines in review, its
/// booked prestaties and declaration numbers, each row with the moment it was written. Every row is keyed by its
/// municipality, and so is every lookup a decision makes (the client's and the household's allocations, the open
/// requests, the declared minutes, the ToewijzingNummer counter, a provider's allocations and prestaties for a
/// declaration — <c>Staat.LaadToestand</c> and <c>Declaratiestand.Laad</c> select by municipality too): a decision
/// reads its own municipality's state only, so the replay can hold one municipality's state at a time. A lookup for
/// another municipality than the one read throws, so a decision that crossed would fail loudly, not decide on a
/// missing state.
/// </summary>
public sealed class Gemeentestaat
{
    private readonly Dictionary<(string Gemeente, string Bsn), List<Versie>> perClient = [];
    private readonly Dictionary<(string Gemeente, string Aanbieder), List<Versie>> perAanbieder = [];
    private readonly Dictionary<(string Gemeente, long Nummer), List<Versie>> perNummer = [];
    private readonly Dictionary<string, (long Moment, int Hoogste)[]> nummers = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Gemeente, string Bsn), List<Open>> open = [];
    private readonly Dictionary<(string Gemeente, string Aanbieder), List<Prestatie>> prestaties = [];
    private readonly Dictionary<(string Gemeente, string Aanbieder, long Nummer), List<Prestatie>> goedgekeurd = [];
    private readonly Dictionary<(string Gemeente, string Aanbieder, string Nummer), long> declaratienummers = [];
    private readonly Momentopname opname;
    private readonly Huishoudens huishoudens;

    private Gemeentestaat(string? gemeente, Momentopname opname)
    {
        Gemeente = gemeente;
        this.opname = opname;
        huishoudens = opname.Huishoudens;
    }

    /// <summary>The municipality whose state this is; null: every municipality's.</summary>
    public string? Gemeente { get; }

    /// <summary>The rows held: allocation versions, request lines in review, declaration numbers and prestaties.</summary>
    public long Rijen { get; private set; }

    /// <summary>The moments of each allocation number's versions, in insertion order (the tests compare a municipality's with the region's).</summary>
    internal Dictionary<(string Gemeente, long Nummer), long[]> Versiemomenten() =>
        perNummer.ToDictionary(kv => kv.Key, kv => kv.Value.Select(v => v.Moment).ToArray());

    /// <summary>
    /// Reads the state of <paramref name="gemeente"/> (null: all) up to now from <paramref name="bron"/>: its three
    /// tables at once, each in its own session (each fills its own tables here), so the first municipality's read, which
    /// nothing overlaps, takes the longest table's time rather than the three's.
    /// </summary>
    internal static Gemeentestaat Lees(Datastore bron, string? gemeente, Momentopname opname)
    {
        var s = new Gemeentestaat(gemeente, opname);
        long toewijzingen = 0, verzoeken = 0, prestaties = 0;
        Parallel.Invoke(
            () => toewijzingen = Met(bron, s.LeesToewijzingen),
            () => verzoeken = Met(bron, s.LeesVerzoeken),
            () => prestaties = Met(bron, s.LeesPrestaties));
        s.Rijen = toewijzingen + verzoeken + prestaties;
        return s;
    }

    private static long Met(Datastore bron, Func<StoreSessie, long> lees)
    {
        using var sessie = bron.OpenSessie();
        return lees(sessie);
    }

    /// <summary>Refuses a lookup in another municipality's state than the one read: the replay would decide on an empty state.</summary>
    private void Eigen(string gemeente)
    {
        if (Gemeente is not null && !string.Equals(gemeente, Gemeente, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"De toestand van gemeente {gemeente} is gevraagd terwijl die van {Gemeente} is gelezen.");
        }
    }

    /// <summary>"WHERE kolom = @gemeente" when one municipality is read, else nothing.</summary>
    private string Waar(string kolom) => Gemeente is null ? "" : $"WHERE {kolom} = @gemeente";

    /// <summary>"AND kolom = @gemeente" when one municipality is read, else nothing.</summary>
    private string En(string kolom) => Gemeente is null ? "" : $"AND {kolom} = @gemeente";

    /// <summary>
    /// What the engine knew of the client when message <paramref name="journaalId"/> was decided (as
    /// <c>Staat.LaadToestand</c> reads it then): the client's and the household's current allocations, open
    /// requests, declared minutes, and the next ToewijzingNummer.
    /// </summary>
    public (Clienttoestand Toestand, int VolgendNummer) Toestand(string gemeente, Bsn client, long journaalId)
    {
        Eigen(gemeente);
        var eigen = Actueel(perClient.GetValueOrDefault((gemeente, client.Waarde)), journaalId);
        var huishouden = new List<VastgelegdeToewijzing>();
        if (huishoudens.Van.TryGetValue(client.Waarde, out var h))
        {
            foreach (var lid in huishoudens.Leden[h].Where(l => l != client.Waarde))
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
            foreach (var p in goedgekeurd.GetValueOrDefault((gemeente, t.Aanbieder.Waarde, t.Nummer)) ?? [])
            {
                if (p.JournaalId < journaalId && Omvang.MinutenPer(p.Eenheid) is { } factor)
                {
                    gedeclareerd[t.Nummer] = gedeclareerd.GetValueOrDefault(t.Nummer) + ((p.Geboekt.IsCredit ? -p.Geboekt.Volume : p.Geboekt.Volume) * factor);
                }
            }
        }

        // The highest number written before the message (the counter's "laatste"; it only moves by numbers actually
        // used): a binary search on the running maximum over the numbers in the order they were first written.
        var laatste = 0;
        if (nummers.TryGetValue(gemeente, out var lijst) && Voor<(long Moment, int Hoogste)>(lijst, journaalId, static n => n.Moment) is var voor and > 0)
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
        Eigen(g);
        // The provider's latest version of each number the message names, straight into the table the checks read (the
        // provider's versions of a year are long: one pass over those written before, no list in between). Only the named
        // numbers: the checks look an allocation up by a prestatie's number and nothing else (DeclaratieBeoordelen's
        // Koppel), and a table of every allocation of the provider was built for every JW323.
        var genoemd = invoer.Prestaties.Select(p => p.ToewijzingNummer).ToHashSet();
        var versies = perAanbieder.GetValueOrDefault((g, a));
        var voor = Voor(versies, journaalId);
        var toewijzingen = new Dictionary<long, VastgelegdeToewijzing>(genoemd.Count);
        for (var i = 0; i < voor; i++)
        {
            var t = versies![i].Toewijzing;
            if (genoemd.Contains(t.Nummer))
            {
                toewijzingen[t.Nummer] = t; // a later version replaces an earlier one
            }
        }

        var anderen = genoemd.Where(n => !toewijzingen.ContainsKey(n) && Voor(perNummer.GetValueOrDefault((g, n)), journaalId) > 0).ToHashSet();
        var opNummer = genoemd.Where(toewijzingen.ContainsKey).ToHashSet();
        var referenties = invoer.Prestaties.Select(p => p.ReferentieNummer)
            .Concat(invoer.Prestaties.Where(p => p.VorigReferentieNummer is not null).Select(p => p.VorigReferentieNummer!))
            .ToHashSet(StringComparer.Ordinal);
        // The approved ones on the named allocations, then those the message's references name (one pass over the
        // provider's prestaties: a year of them is long, and this runs twice per declaration).
        var eerdere = new List<GeboektePrestatie>();
        var genoemdeReferenties = new List<GeboektePrestatie>();
        foreach (var p in prestaties.GetValueOrDefault((g, a)) ?? [])
        {
            if (p.JournaalId < journaalId)
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
        return new Declaratiebronnen(toewijzingen, anderen, eerdere, opname.ContractenPer.GetValueOrDefault((g, a)) ?? [], catalogus, bekend, vandaag);
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
    /// first ones, since a list holds its rows in insertion order and a row's moment is the running maximum over the
    /// table's order (<see cref="Momentopname.Moment"/>), so moments never fall along a list — a binary search, instead of looking
    /// at (and growing a table for) every version of the year for each message.
    /// </summary>
    private static int Voor(List<Versie>? versies, long journaalId) =>
        versies is null ? 0 : Voor<Versie>(CollectionsMarshal.AsSpan(versies), journaalId, static v => v.Moment);

    /// <summary>How many of <paramref name="rijen"/>, whose moments never fall, were written before message <paramref name="journaalId"/>.</summary>
    private static int Voor<T>(ReadOnlySpan<T> rijen, long journaalId, Func<T, long> moment)
    {
        int lo = 0, hi = rijen.Length;
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

    /// <summary>
    /// The parameters of a read: the municipality's code when one is read. The state is read by column position
    /// (<see cref="Provider.Rijen"/>: on SQLite straight from SQLitePCL, its codes and dates without a new string per
    /// value — through Microsoft.Data.Sqlite's reader, its string reads and date parsing were most of the read), so the
    /// state repeats no code string either.
    /// </summary>
    private (string Naam, string Waarde)[] Parameters() => Gemeente is null ? [] : [("@gemeente", Gemeente)];

    // The three reads put each row straight into the lists it belongs in, as it comes: no list of the municipality's
    // rows in between (that list, doubling as it grew, was most of the large objects a pass allocated, and each large
    // object counts towards a full collection). The queries do not sort (a municipality's rows come through its index,
    // and sorting them in SQLite copied every row into a sorter), so a list the index filled out of insertion order is
    // put in order afterwards, each list on its own (InVolgorde).
    private long LeesToewijzingen(StoreSessie sessie)
    {
        long rijen = 0, vorige = long.MinValue;
        var geordend = true;
        using var r = Provider.Rijen.Lees(sessie, $"""
            SELECT gemeente, journaal_id, nummer, client_bsn, aanbieder, productcode, categorie, ingangsdatum, einddatum, volume, eenheid, frequentie, budget,
                toewijzingsdatum, toewijzingstijd, referentie, herkomst, keren_verschoven, reden_wijziging, oorspronkelijke_einddatum, id
            FROM toewijzingen {Waar("gemeente")}
            """, Parameters());
        while (r.Volgende())
        {
            var id = r.Getal(20);
            var moment = opname.Moment(id, r.IsNull(1) ? null : r.Getal(1));
            var gemeente = r.Code(0);
            var t = new VastgelegdeToewijzing(
                checked((int)r.Getal(2)), Bsn.Parse(r.Code(3)).Waarde, AgbCode.Parse(r.Code(4)).Waarde, ProductCode.Parse(r.Code(5)).Waarde,
                r.Code(6), r.Datum(7), r.DatumOfNull(8),
                r.IsNull(9) ? null : new Omvang(checked((int)r.Getal(9)), r.Code(10), r.Code(11)),
                r.IsNull(12) ? null : r.Getal(12), r.Datum(13), r.Tijd(14), r.TekstOfNull(15),
                (VerwijzerType)r.Getal(16), checked((int)r.Getal(17)), r.TekstOfNull(18), r.DatumOfNull(19));
            var v = new Versie(id, moment, t);
            Voeg(perClient, (gemeente, t.Client.Waarde), v);
            Voeg(perAanbieder, (gemeente, t.Aanbieder.Waarde), v);
            Voeg(perNummer, (gemeente, (long)t.Nummer), v);
            geordend &= id > vorige;
            vorige = id;
            rijen++;
        }

        if (!geordend)
        {
            InVolgorde(perClient, static v => v.Id);
            InVolgorde(perAanbieder, static v => v.Id);
            InVolgorde(perNummer, static v => v.Id);
        }

        // The ToewijzingNummer counter before a message is the highest number written before it, and a number was first
        // written by its first version (the earliest: moments never fall along the table): per municipality the numbers
        // in the order they were first written with the running maximum, one entry per number rather than per version.
        // Each array sized from a count first (one municipality's: one array of its numbers, no list grown to it).
        var aantal = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (gemeente, _) in perNummer.Keys)
        {
            aantal[gemeente] = aantal.GetValueOrDefault(gemeente) + 1;
        }

        var gevuld = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ((gemeente, nummer), versies) in perNummer)
        {
            if (!nummers.TryGetValue(gemeente, out var eerst))
            {
                nummers[gemeente] = eerst = new (long, int)[aantal[gemeente]];
            }

            var i = gevuld.GetValueOrDefault(gemeente);
            eerst[i] = (versies[0].Moment, checked((int)nummer));
            gevuld[gemeente] = i + 1;
        }

        foreach (var eerst in nummers.Values)
        {
            Array.Sort(eerst);
            for (var i = 1; i < eerst.Length; i++)
            {
                eerst[i].Hoogste = Math.Max(eerst[i].Hoogste, eerst[i - 1].Hoogste);
            }
        }

        return rijen;
    }

    private long LeesVerzoeken(StoreSessie sessie)
    {
        long rijen = 0, vorige = long.MinValue;
        var geordend = true;
        using var v = Provider.Rijen.Lees(sessie, $"""
            SELECT journaal_id, gemeente, client_bsn, aanbieder, referentie, productcode, ingangsdatum, einddatum, status, besloten_door, id FROM verzoeken
            WHERE berichtcode = 'JW315' AND productcode IS NOT NULL AND ingangsdatum IS NOT NULL AND (status = 'review' OR besloten_door IS NOT NULL)
                {En("gemeente")}
            """, Parameters());
        while (v.Volgende())
        {
            var periode = Periode.Maak(v.Datum(6), v.DatumOfNull(7));
            var product = ProductCode.Parse(v.Code(5));
            if (!periode.IsGeldig || !product.IsGeldig)
            {
                continue;
            }

            var j = v.Getal(0);
            var id = v.Getal(10);
            var gesloten = v.Code(8) == Staat.StatusReview ? long.MaxValue : opname.Gesloten(j);
            Voeg(open, (v.Code(1), v.Code(2)), new Open(id, j, gesloten, new OpenVerzoek(AgbCode.Parse(v.Code(3)).Waarde, v.Tekst(4), product.Waarde, periode.Waarde)));
            geordend &= id > vorige;
            vorige = id;
            rijen++;
        }

        if (!geordend)
        {
            InVolgorde(open, static o => o.Id);
        }

        return rijen;
    }

    private long LeesPrestaties(StoreSessie sessie)
    {
        long rijen = 0, vorige = long.MinValue;
        var geordend = true;
        using (var r = Provider.Rijen.Lees(sessie, $"SELECT gemeente, aanbieder, declaratienummer, journaal_id FROM declaraties {Waar("gemeente")}", Parameters()))
        {
            while (r.Volgende())
            {
                declaratienummers[(r.Code(0), r.Code(1), r.Tekst(2))] = r.Getal(3);
                rijen++;
            }
        }

        using var p = Provider.Rijen.Lees(sessie, $"""
            SELECT d.journaal_id, p.gemeente, p.aanbieder, p.referentienummer, p.vorig_referentienummer, p.nummer, p.categorie, p.productcode,
                p.begindatum, p.einddatum, p.volume, p.bedrag, p.credit, p.goedgekeurd, p.eenheid, p.id
            FROM declaratieprestaties p JOIN declaraties d ON d.gemeente = p.gemeente AND d.id = p.declaratie_id {Waar("p.gemeente")}
            """, Parameters());
        while (p.Volgende())
        {
            var geboekt = new GeboektePrestatie(p.Tekst(3), p.TekstOfNull(4), p.Getal(5), p.Code(6), p.Code(7),
                p.Datum(8), p.Datum(9), p.Getal(10), p.Getal(11), p.Getal(12) == 1, p.Getal(13) == 1);
            var id = p.Getal(15);
            var (gemeente, aanbieder) = (p.Code(1), p.Code(2));
            var x = new Prestatie(id, p.Getal(0), geboekt, p.Code(14));
            Voeg(prestaties, (gemeente, aanbieder), x);
            if (geboekt.Goedgekeurd)
            {
                Voeg(goedgekeurd, (gemeente, aanbieder, geboekt.ToewijzingNummer), x);
            }

            geordend &= id > vorige;
            vorige = id;
            rijen++;
        }

        if (!geordend)
        {
            InVolgorde(prestaties, static x => x.Id);
            InVolgorde(goedgekeurd, static x => x.Id);
        }

        return rijen;
    }

    /// <summary>
    /// Each list in insertion order (by id), as the binary searches on moments and the "later version replaces an
    /// earlier one" need them; a list already in order (a client's versions through an index on the client, say) is left
    /// as it is. Only called when the rows came out of order at all (a table scan, the region's at once, is in order).
    /// </summary>
    private static void InVolgorde<TSleutel, TWaarde>(Dictionary<TSleutel, List<TWaarde>> lijsten, Func<TWaarde, long> id)
        where TSleutel : notnull
    {
        foreach (var lijst in lijsten.Values)
        {
            for (var i = 1; i < lijst.Count; i++)
            {
                if (id(lijst[i]) < id(lijst[i - 1]))
                {
                    lijst.Sort((a, b) => id(a).CompareTo(id(b)));
                    break;
                }
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
    private sealed record Versie(long Id, long Moment, VastgelegdeToewijzing Toewijzing);

    /// <summary>A request line in review from its message until a person decided it (<see cref="long.MaxValue"/>: still open).</summary>
    private sealed record Open(long Id, long JournaalId, long Gesloten, OpenVerzoek Verzoek);

    /// <summary>A booked prestatie (row <paramref name="Id"/>) of declaration message <paramref name="JournaalId"/>, with its unit (for the declared minutes).</summary>
    private sealed record Prestatie(long Id, long JournaalId, GeboektePrestatie Geboekt, string Eenheid);
}
