using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Declaratie;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Retour;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Watals;

/// <summary>
/// The what-if replay (<c>jeugdhulp watals</c>, issue 20): every JW315, JW317 and JW323 of the period is decided
/// again, in memory, under the rules in force and under the draft, on the state it met in reality
/// (<see cref="Momentopname"/>: the store's recorded state read once, never written), with the pipeline's own
/// conversion of the message and the pure Core engine; the two outcomes are compared. A flip therefore is exactly
/// a decision the draft alone would change, not a knock-on effect. Nothing is journalled, stored or sent, and the
/// decisions are independent of each other, so they run in parallel.
/// </summary>
public static class WatalsAfspelen
{
    /// <summary>
    /// Replays the period [<paramref name="van"/>, <paramref name="tot"/>] of <paramref name="bron"/> under
    /// <paramref name="concept"/> against <paramref name="huidig"/>.
    /// </summary>
    public static Resultaat<Watalsverslag> Speel(this Datastore bron, Regelcatalogus huidig, Regelcatalogus concept, DateOnly van, DateOnly tot, bool hergebruik = true)
    {
        ArgumentNullException.ThrowIfNull(bron);
        return tot < van ? Periodefout(van, tot) : Momentopname.Laad(bron).Speel(huidig, concept, van, tot, hergebruik);
    }

    /// <summary>As <see cref="Speel(Datastore, Regelcatalogus, Regelcatalogus, DateOnly, DateOnly, bool)"/> on a snapshot already read (the bench times the two apart).</summary>
    /// <param name="opname">The snapshot.</param>
    /// <param name="huidig">The rules in force.</param>
    /// <param name="concept">The draft.</param>
    /// <param name="van">First day of the period.</param>
    /// <param name="tot">Last day of the period.</param>
    /// <param name="hergebruik">
    /// True (the default): a decision that read no rule item the draft changes on the date it read it
    /// (<see cref="Regelgebruik"/>) is taken once and counts for both (<see cref="Regelverschil"/>; exact, since the
    /// engine is pure). False: every decision is taken under both rule sets (the tests that check the replay itself, and
    /// the bench's worst case: a draft that differs in every item read).
    /// </param>
    public static Resultaat<Watalsverslag> Speel(this Momentopname opname, Regelcatalogus huidig, Regelcatalogus concept, DateOnly van, DateOnly tot, bool hergebruik = true) =>
        opname.Speel(huidig, concept, van, tot, hergebruik, perGemeente: true);

    /// <summary>As <see cref="Speel(Momentopname, Regelcatalogus, Regelcatalogus, DateOnly, DateOnly, bool)"/>, choosing how the state is held.</summary>
    /// <param name="opname">The snapshot.</param>
    /// <param name="huidig">The rules in force.</param>
    /// <param name="concept">The draft.</param>
    /// <param name="van">First day of the period.</param>
    /// <param name="tot">Last day of the period.</param>
    /// <param name="hergebruik">See <see cref="Speel(Momentopname, Regelcatalogus, Regelcatalogus, DateOnly, DateOnly, bool)"/>.</param>
    /// <param name="perGemeente">
    /// True (what <c>watals</c>, the backoffice and the bench run): one municipality at a time — its state read, its
    /// messages replayed, its state released; the next one's read meanwhile — so memory holds at most two
    /// municipalities' states (the largest consecutive pair), not the region's.
    /// False: the whole region's state at once (the tests compare the two reports byte for byte).
    /// </param>
    public static Resultaat<Watalsverslag> Speel(this Momentopname opname, Regelcatalogus huidig, Regelcatalogus concept, DateOnly van, DateOnly tot, bool hergebruik, bool perGemeente)
    {
        ArgumentNullException.ThrowIfNull(opname);
        ArgumentNullException.ThrowIfNull(huidig);
        ArgumentNullException.ThrowIfNull(concept);
        if (tot < van)
        {
            return Periodefout(van, tot);
        }

        var afspelen = new Afspelen(opname, huidig, concept, hergebruik ? new Regelverschil(huidig, concept) : null);
        var opgeteld = new Opgeteld();
        IReadOnlyList<string?> gemeenten = perGemeente ? opname.Gemeenten() : new string?[] { null };
        // The next municipality's state is read while this one's messages are decided (reading is one thread, deciding
        // all cores), so at most two municipalities' states are held at once: the one replayed and the next. Its message
        // stream is started with it (its ids and first part read), so a municipality's deciding starts without waiting
        // for a read.
        Task<(Gemeentestaat, IEnumerable<Opgeslagen[]>)> Vooruit(string? gemeente) => Task.Run(() => (opname.Staat(gemeente), opname.Berichten(van, tot, gemeente)));
        var volgende = gemeenten.Count > 0 ? Vooruit(gemeenten[0]) : null;
        long vorige = 0;
        for (var i = 0; volgende is not null; i++)
        {
            var (staat, berichten) = volgende.GetAwaiter().GetResult();
            opgeteld.HoogsteStaat = Math.Max(opgeteld.HoogsteStaat, vorige + staat.Rijen);
            var na = i + 1;
            volgende = na < gemeenten.Count ? Vooruit(gemeenten[na]) : null;
            SpeelGemeente(afspelen, staat, berichten, opgeteld);
            vorige = staat.Rijen;
        }

        // The changes in journal order (a message's own in line order), as one pass over the region lists them: the
        // report does not depend on how the state was held.
        var gewijzigd = opgeteld.Gewijzigd.OrderBy(g => g.JournaalId).Select(g => g.Vergelijking).ToList();
        return Resultaat<Watalsverslag>.Ok(new Watalsverslag(van, tot, opgeteld.Besluiten, opgeteld.Prestaties, opgeteld.Berichten,
            [.. gewijzigd.SelectMany(v => v.Omslagen)], [.. gewijzigd.SelectMany(v => v.Declaratieomslagen)])
        {
            Hergebruikt = afspelen.Hergebruikt,
            HoogsteStaat = opgeteld.HoogsteStaat,
        });
    }

    /// <summary>One municipality's messages of the period (of its state's <see cref="Gemeentestaat.Gemeente"/>; null: every message) replayed on its state.</summary>
    private static void SpeelGemeente(Afspelen afspelen, Gemeentestaat staat, IEnumerable<Opgeslagen[]> berichten, Opgeteld opgeteld)
    {
        foreach (var partij in berichten)
        {
            var uitkomsten = new Vergelijking[partij.Length];
            // Reading and deciding a message in one loop: no barrier between the two, and the next part is read from
            // the store meanwhile.
            Parallel.For(0, partij.Length, i => uitkomsten[i] = afspelen.Vergelijk(staat, Momentopname.Lees(partij[i])));
            opgeteld.Berichten += partij.Length;
            for (var i = 0; i < partij.Length; i++)
            {
                var u = uitkomsten[i];
                opgeteld.Besluiten += u.Besluiten;
                opgeteld.Prestaties += u.Prestaties;
                if (u.Omslagen.Count + u.Declaratieomslagen.Count > 0)
                {
                    opgeteld.Gewijzigd.Add((partij[i].JournaalId, u));
                }
            }
        }
    }

    /// <summary>
    /// The replay's own decision on every JW315 line and JW317 of the period under <paramref name="regels"/>, as
    /// (journal id, line, outcome), one municipality's state at a time: under the rules in force these must be the
    /// decisions the real run recorded — the parity of the in-memory replay with the pipeline.
    /// </summary>
    public static List<(long JournaalId, int Volgnummer, Uitkomst Uitkomst)> Herbeslis(this Momentopname opname, Regelcatalogus regels, DateOnly van, DateOnly tot)
    {
        ArgumentNullException.ThrowIfNull(opname);
        var afspelen = new Afspelen(opname, regels, regels, null);
        return [.. opname.Gemeenten().SelectMany(g => HerbeslisGemeente(opname, afspelen, g, van, tot)).Order()];
    }

    private static List<(long JournaalId, int Volgnummer, Uitkomst Uitkomst)> HerbeslisGemeente(Momentopname opname, Afspelen afspelen, string gemeente, DateOnly van, DateOnly tot)
    {
        var staat = opname.Staat(gemeente);
        return [.. opname.Berichten(van, tot, gemeente).SelectMany(partij => partij).Select(Momentopname.Lees)
            .SelectMany(b => afspelen.Besluiten(staat, b).Select((besluit, i) => (b.JournaalId, i + 1, besluit.Uitkomst)))];
    }

    private static Resultaat<Watalsverslag> Periodefout(DateOnly van, DateOnly tot) =>
        Resultaat<Watalsverslag>.Mislukt("WATALS-PERIODE", $"de periode eindigt ({tot:yyyy-MM-dd}) voor ze begint ({van:yyyy-MM-dd})");

    /// <summary>What one message gave: decisions and prestaties compared, and what flipped.</summary>
    /// <remarks>
    /// Read-only lists: most messages flip nothing, and <c>[]</c> as a read-only list is the runtime's one shared empty
    /// array, so they cost no list of their own (and nothing can add to a list another message shares).
    /// </remarks>
    private sealed record Vergelijking(int Besluiten, int Prestaties, IReadOnlyList<Omslag> Omslagen, IReadOnlyList<Declaratieomslag> Declaratieomslagen)
    {
        public static readonly Vergelijking Leeg = new(0, 0, [], []);
    }

    /// <summary>The report's figures as the municipalities add to them: counts, the messages that changed something, the most state rows held at once.</summary>
    private sealed class Opgeteld
    {
        public int Besluiten { get; set; }

        public int Prestaties { get; set; }

        public int Berichten { get; set; }

        /// <summary>The most state rows held at once: a municipality's plus the next one's, read while it is replayed.</summary>
        public long HoogsteStaat { get; set; }

        public List<(long JournaalId, Vergelijking Vergelijking)> Gewijzigd { get; } = [];
    }

    /// <summary>Both rule sets over one snapshot; the engine's sources per day are built once and shared by the threads.</summary>
    /// <param name="opname">The snapshot.</param>
    /// <param name="huidig">The rules in force.</param>
    /// <param name="concept">The draft.</param>
    /// <param name="verschil">Where the draft differs from the rules in force; null: every decision is taken under both.</param>
    private sealed class Afspelen(Momentopname opname, Regelcatalogus huidig, Regelcatalogus concept, Regelverschil? verschil)
    {
        private readonly Dictionary<(string, string, string), List<Contract>> tarieven = opname.Contracten
            .GroupBy(c => (c.Gemeente.Waarde, c.Aanbieder.Waarde, c.Product.Waarde)).ToDictionary(g => g.Key, g => g.ToList());

        private readonly System.Collections.Concurrent.ConcurrentDictionary<DateOnly, (Beoordelingsbronnen Nu, Beoordelingsbronnen Straks)> bronnen = new();

        // One set of sources per rule set, so the rule sets per date and the contract lookups are built once per run.
        private readonly Beoordelingsbronnen basisNu = new(huidig, opname.Contracten, opname.Inwoners, TimeProvider.System);
        private readonly Beoordelingsbronnen basisStraks = new(concept, opname.Contracten, opname.Inwoners, TimeProvider.System);

        /// <summary>The decisions under the rules in force alone (for <see cref="Herbeslis"/>).</summary>
        public Besluit[] Besluiten(Gemeentestaat staat, Afgespeeld a)
        {
            if (!a.Validatie.IsGeldig || a.Validatie.Bericht is not { } bericht || Gemeentecode.Parse(bericht.Header.Ontvanger).TryGet(out var g) is false
                || huidig.OpDatum(a.Dag).Gemeente(g) is null)
            {
                return [];
            }

            var nu = Bronnen(a.Dag).Nu;
            switch (bericht)
            {
                case VerzoekOmToewijzingBericht b:
                    var (t1, v1) = staat.Toestand(b.Header.Ontvanger, Bsn.Parse(b.Client!.Bsn).Waarde, a.JournaalId);
                    return Jw315Verwerken.Beslis(b, a.Dag, v => new VerzoekOmToewijzingBeoordelen(nu).Beoordeel(v, t1, v1));
                case VerzoekOmWijzigingBericht b:
                    var (t2, v2) = staat.Toestand(b.Header.Ontvanger, Bsn.Parse(b.Client!.Bsn).Waarde, a.JournaalId);
                    return [Jw317Verwerken.Beslis(b, a.Dag, v => new VerzoekOmWijzigingBeoordelen(nu).Beoordeel(v, t2, v2))];
                default:
                    return [];
            }
        }

        private (Beoordelingsbronnen Nu, Beoordelingsbronnen Straks) Bronnen(DateOnly dag) =>
            bronnen.GetOrAdd(dag, d => (basisNu.MetKlok(new VasteKlok(d)), basisStraks.MetKlok(new VasteKlok(d))));

        /// <summary>A witness for the decision under the rules in force, when the draft's decision may be reused.</summary>
        private Regelgebruik? Getuige() => verschil is { AlgemeenGelijk: true } ? verschil.Getuige() : null;

        /// <summary>True when the decision just taken read no rule item the draft changes: it is the draft's decision too.</summary>
        private bool Zelfde(Regelgebruik? getuige)
        {
            if (getuige is null || getuige.Verschilt)
            {
                return false;
            }

            Interlocked.Increment(ref hergebruikt);
            return true;
        }

        private int hergebruikt;

        /// <summary>Messages whose draft decision was the decision under the rules in force (taken once).</summary>
        public int Hergebruikt => hergebruikt;

        public Vergelijking Vergelijk(Gemeentestaat staat, Afgespeeld a)
        {
            var leeg = Vergelijking.Leeg;
            var dag = a.Dag;
            if (!a.Validatie.IsGeldig || a.Validatie.Bericht is not { } bericht
                || !Gemeentecode.Parse(bericht.Header.Ontvanger).TryGet(out var ontvanger) || huidig.OpDatum(dag).Gemeente(ontvanger) is null)
            {
                return leeg;
            }

            var (nu, straks) = Bronnen(dag);
            switch (bericht)
            {
                case VerzoekOmToewijzingBericht b:
                {
                    var (toestand, volgend) = staat.Toestand(b.Header.Ontvanger, Bsn.Parse(b.Client!.Bsn).Waarde, a.JournaalId);
                    var getuige = Getuige();
                    var bron = getuige is null ? nu : nu.MetGetuige(getuige);
                    var x = Jw315Verwerken.Beslis(b, dag, v => new VerzoekOmToewijzingBeoordelen(bron).Beoordeel(v, toestand, volgend));
                    var y = Zelfde(getuige) ? x : Jw315Verwerken.Beslis(b, dag, v => new VerzoekOmToewijzingBeoordelen(straks).Beoordeel(v, toestand, volgend));
                    // A list only for a message that flips (most do not; no iterators per message either).
                    List<Omslag>? omslagen = null;
                    for (var i = 0; i < x.Length; i++)
                    {
                        if (x[i].Uitkomst != y[i].Uitkomst)
                        {
                            (omslagen ??= []).Add(Omslag(dag, b, i, x[i], y[i], toestand));
                        }
                    }

                    return new Vergelijking(x.Length, 0, omslagen ?? (IReadOnlyList<Omslag>)[], []);
                }

                case VerzoekOmWijzigingBericht b:
                {
                    var (toestand, volgend) = staat.Toestand(b.Header.Ontvanger, Bsn.Parse(b.Client!.Bsn).Waarde, a.JournaalId);
                    var getuige = Getuige();
                    var bron = getuige is null ? nu : nu.MetGetuige(getuige);
                    var x = Jw317Verwerken.Beslis(b, dag, v => new VerzoekOmWijzigingBeoordelen(bron).Beoordeel(v, toestand, volgend));
                    var y = Zelfde(getuige) ? x : Jw317Verwerken.Beslis(b, dag, v => new VerzoekOmWijzigingBeoordelen(straks).Beoordeel(v, toestand, volgend));
                    return new Vergelijking(1, 0, x.Uitkomst == y.Uitkomst ? [] : [Omslag(dag, b, 0, x, y, toestand)], []);
                }

                case Declaratiebericht b:
                {
                    var invoer = DeclaratieKern.NaarInvoer(b);
                    // The state is the same under both rule sets: selected once, only the catalogue differs.
                    var getuige = Getuige();
                    var bronnenNu = staat.Declaratiebronnen(invoer, a.JournaalId, huidig, dag) with { Getuige = getuige };
                    var x = DeclaratieBeoordelen.Beoordeel(invoer, bronnenNu);
                    var y = Zelfde(getuige) ? x : DeclaratieBeoordelen.Beoordeel(invoer, bronnenNu with { Catalogus = concept, Getuige = null });
                    var omslagen = new List<Declaratieomslag>();
                    var prestaties = VergelijkDeclaratie(dag, b.Header, x, y, omslagen);
                    return new Vergelijking(0, prestaties, [], omslagen);
                }

                default:
                    return leeg;
            }
        }

        private Omslag Omslag(DateOnly dag, IjwBericht bericht, int regel, Besluit was, Besluit wordt, Clienttoestand toestand)
        {
            var h = bericht.Header;
            var (bsn, gevraagd) = bericht switch
            {
                VerzoekOmToewijzingBericht b => (b.Client!.Bsn, b.Client.AangevraagdeProducten[regel].Product?.Code),
                VerzoekOmWijzigingBericht b => (b.Client!.Bsn, b.Client.Verzoek.NieuweProducten is [var eerste, ..] ? eerste.Product?.Code : null),
                _ => throw new ArgumentException($"Geen verzoek: {bericht.Soort}.", nameof(bericht)),
            };

            // The client's allocations as they stood before this message: what an approved change replaces.
            var huidig = toestand.Toewijzingen.ToDictionary(t => t.Nummer);
            var (mWas, cWas, pWas) = Waarde(was, h.Ontvanger, h.Afzender, huidig);
            var (mWordt, cWordt, pWordt) = Waarde(wordt, h.Ontvanger, h.Afzender, huidig);
            return new Omslag(dag, bericht.Soort.ToString(), was.ReferentieAanbieder, h.Ontvanger, h.Afzender, gevraagd ?? pWas ?? pWordt ?? "wijziging",
                was.Uitkomst, wordt.Uitkomst,
                Verschil(was.Bevindingen.Select(f => (f.RegelId, f.Uitkomst.ToString())), wordt.Bevindingen.Select(f => (f.RegelId, f.Uitkomst.ToString()))),
                mWordt - mWas, cWordt - cWas);
        }

        /// <summary>The rule ids whose findings differ; a flip always has at least one (else "onbekend", which would be a bug to look at).</summary>
        private static List<string> Verschil(IEnumerable<(string Regel, string Uitkomst)> a, IEnumerable<(string Regel, string Uitkomst)> b)
        {
            var x = a.ToHashSet();
            x.SymmetricExceptWith(b);
            List<string> ids = [.. x.Select(v => v.Regel).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            return ids.Count > 0 ? ids : ["onbekend"];
        }

        /// <summary>
        /// The minutes an approved decision adds — each line of its JW301 against the version of that number it
        /// replaces (a new number against nothing; a line re-sent unchanged adds nothing) — their value at the contract
        /// tariff, and the product of the first line that changes anything.
        /// </summary>
        private (long Minuten, long Cent, string? Product) Waarde(Besluit besluit, string gemeente, string aanbieder, Dictionary<int, VastgelegdeToewijzing> huidig)
        {
            long minuten = 0, cent = 0;
            string? product = null;
            foreach (var t in besluit.Uitkomst == Uitkomst.Toegekend ? besluit.Toewijzingen : [])
            {
                var oud = huidig.TryGetValue(t.ToewijzingNummer, out var v) ? Toewijzingsminuten.Totaal(v) ?? 0 : 0;
                var verschil = (Toewijzingsminuten.Totaal(t) ?? 0) - oud;
                if (verschil == 0)
                {
                    continue;
                }

                product ??= t.Product.Waarde;
                minuten += verschil;
                var tarief = tarieven.GetValueOrDefault((gemeente, aanbieder, t.Product.Waarde))?
                    .OpDag(t.Ingangsdatum)?.TariefCent ?? 0;
                cent += verschil * tarief;
            }

            return (minuten, cent, product);
        }

        private static int VergelijkDeclaratie(DateOnly dag, Header h, Declaratieoordeel was, Declaratieoordeel wordt, List<Declaratieomslag> omslagen)
        {
            // A refusal on the Declaratie class refuses every prestatie (IV087); then the prestaties were not assessed.
            var regels = was.Prestaties.Count > 0 ? was.Prestaties.Select(p => p.Prestatie).ToList() : wordt.Prestaties.Select(p => p.Prestatie).ToList();
            for (var i = 0; i < regels.Count; i++)
            {
                var a = Afkeuren(was, i);
                var b = Afkeuren(wordt, i);
                if ((a.Count == 0) == (b.Count == 0))
                {
                    continue;
                }

                var p = regels[i];
                omslagen.Add(new Declaratieomslag(dag, p.ReferentieNummer, h.Ontvanger, h.Afzender, p.ProductCode, b.Count > 0,
                    Verschil(a.Select(f => (f.Regel, f.Code)), b.Select(f => (f.Regel, f.Code))), p.Saldo));
            }

            return regels.Count;
        }

        private static IReadOnlyList<Afkeur> Afkeuren(Declaratieoordeel o, int i) =>
            o.IsAfgewezen ? o.DeclaratieAfkeuren : i < o.Prestaties.Count ? o.Prestaties[i].Afkeuren : [];
    }
}
