using System.Security.Cryptography;
using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Declaratie;
using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Controles;
using Jeugdhulp.Store.Import;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Watals;

/// <summary>
/// The what-if replay (<c>jeugdhulp watals</c>): every message the store received up to the end of the period is
/// processed again, in the order received and on the day it was processed, into a snapshot — a fresh SQLite store
/// in a work folder of its own, with the contracts and residents copied — so the store itself is only read. Before
/// each JW315, JW317 and JW323 of the period the snapshot's state is pre-checked (<see cref="Proefnemen"/>,
/// <see cref="DeclaratieProefnemen"/>) twice, under the rules in force and under the draft, and the two outcomes
/// are compared; then the message is processed under the rules in force, so every later decision meets the state
/// it met in reality. A flip therefore is exactly a decision the draft alone would change, not a knock-on effect.
/// Staff decisions on reviews are not in the journal: in the snapshot those requests stay in review.
/// </summary>
public static class WatalsAfspelen
{
    /// <summary>
    /// Replays the period [<paramref name="van"/>, <paramref name="tot"/>] of <paramref name="bron"/> under
    /// <paramref name="concept"/> against <paramref name="huidig"/>. <paramref name="werkmap"/> holds the snapshot
    /// while it runs and is removed afterwards (it must not exist yet, or be empty).
    /// </summary>
    public static Resultaat<Watalsverslag> Speel(this Datastore bron, Regelcatalogus huidig, Regelcatalogus concept, DateOnly van, DateOnly tot, string werkmap)
    {
        ArgumentNullException.ThrowIfNull(bron);
        ArgumentNullException.ThrowIfNull(huidig);
        ArgumentNullException.ThrowIfNull(concept);
        ArgumentException.ThrowIfNullOrWhiteSpace(werkmap);
        if (tot < van)
        {
            return Resultaat<Watalsverslag>.Mislukt("WATALS-PERIODE", $"de periode eindigt ({tot:yyyy-MM-dd}) voor ze begint ({van:yyyy-MM-dd})");
        }

        if (Directory.Exists(werkmap) && Directory.EnumerateFileSystemEntries(werkmap).Any())
        {
            return Resultaat<Watalsverslag>.Mislukt("WATALS-MAP", "de werkmap voor de momentopname is niet leeg", werkmap);
        }

        var contracten = Bronnen.AlleContracten(bron);
        var inwoners = Bronnen.Inwonerlijst(bron);
        var klok = new Afspeelklok();
        var geopend = Datastore.Open(new StoreOpties(werkmap, null, RandomNumberGenerator.GetBytes(32)), klok, klok);
        if (!geopend.TryGet(out var snapshot))
        {
            return Resultaat<Watalsverslag>.Mislukt(geopend.Fouten);
        }

        try
        {
            using (snapshot)
            {
                var ic = snapshot.ImporteerContracten(contracten);
                var ii = snapshot.ImporteerInwoners(inwoners);
                if (!ic.IsGeldig || !ii.IsGeldig)
                {
                    return Resultaat<Watalsverslag>.Mislukt([.. ic.Fouten, .. ii.Fouten]);
                }

                var afspelen = new Afspelen(snapshot, huidig, concept, contracten, new Inwonersregister(inwoners), van);
                foreach (var dag in Journaaldagen(bron, tot))
                {
                    klok.Datum = dag.Dag;
                    afspelen.Dag(dag.Dag, dag.Berichten);
                }

                return Resultaat<Watalsverslag>.Ok(new Watalsverslag(van, tot, afspelen.Besluiten, afspelen.Prestaties, afspelen.Berichten,
                    afspelen.Omslagen, afspelen.Declaratieomslagen));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(werkmap, recursive: true);
        }
    }

    /// <summary>The accepted journal (originals only: a 9056 changes no state) up to <paramref name="tot"/>, per processing day, in order.</summary>
    private static IEnumerable<(DateOnly Dag, List<Invoer> Berichten)> Journaaldagen(Datastore bron, DateOnly tot)
    {
        using var sessie = bron.OpenSessie();
        using var r = sessie.Commando("""
            SELECT j.id, j.ontvangen_op, ji.inhoud FROM journaal j JOIN journaalinhoud ji ON ji.journaal_id = j.id
            WHERE j.origineel_id IS NULL ORDER BY j.id
            """).ExecuteReader();
        DateOnly? dag = null;
        var berichten = new List<Invoer>();
        while (r.Read())
        {
            var ontvangen = DateOnly.FromDateTime(r.GetFieldValue<DateTimeOffset>(1).UtcDateTime);
            if (ontvangen > tot)
            {
                break;
            }

            if (dag is { } d && d != ontvangen && berichten.Count > 0)
            {
                yield return (d, berichten);
                berichten = [];
            }

            dag = ontvangen;
            berichten.Add(new Invoer($"journaal {r.GetInt64(0)}", (byte[])r.GetValue(2)));
        }

        if (dag is { } laatste && berichten.Count > 0)
        {
            yield return (laatste, berichten);
        }
    }

    /// <summary>The snapshot's clock: the processing day of the messages being replayed (journal times, audit).</summary>
    private sealed class Afspeelklok : TimeProvider
    {
        public DateOnly Datum { get; set; } = DateOnly.MinValue;

        public override DateTimeOffset GetUtcNow() => new(Datum.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    /// <summary>The replay's running state: the snapshot, both rule sets and what changed so far.</summary>
    private sealed class Afspelen(Datastore snapshot, Regelcatalogus huidig, Regelcatalogus concept, List<Contract> contracten, Inwonersregister inwoners, DateOnly van)
    {
        private readonly Dictionary<(string, string, string), List<Contract>> tarieven = contracten
            .GroupBy(c => (c.Gemeente.Waarde, c.Aanbieder.Waarde, c.Product.Waarde)).ToDictionary(g => g.Key, g => g.ToList());

        public int Besluiten { get; private set; }

        public int Prestaties { get; private set; }

        public int Berichten { get; private set; }

        public List<Omslag> Omslagen { get; } = [];

        public List<Declaratieomslag> Declaratieomslagen { get; } = [];

        public void Dag(DateOnly dag, List<Invoer> berichten)
        {
            Berichten += berichten.Count;
            var verwerken = new BerichtVerwerken(snapshot, huidig, dag, null);
            if (dag < van)
            {
                // Before the period the messages only build the state: one run, in batches, as the pipeline does.
                foreach (var _ in verwerken.Verwerk(berichten))
                {
                }

                return;
            }

            var klok = new VasteKlok(dag);
            var nu = new Beoordelingsbronnen(huidig, contracten, inwoners, klok);
            var straks = new Beoordelingsbronnen(concept, contracten, inwoners, klok);
            foreach (var invoer in berichten)
            {
                Vergelijk(dag, invoer.Inhoud!, nu, straks);
                foreach (var _ in verwerken.Verwerk([invoer]))
                {
                }
            }
        }

        private void Vergelijk(DateOnly dag, byte[] inhoud, Beoordelingsbronnen nu, Beoordelingsbronnen straks)
        {
            var validatie = IjwValidatie.Valideer(inhoud, dag);
            if (!validatie.IsGeldig || validatie.Bericht is not { } bericht
                || !Gemeentecode.Parse(bericht.Header.Ontvanger).TryGet(out var ontvanger) || huidig.OpDatum(dag).Gemeente(ontvanger) is null)
            {
                return;
            }

            switch (bericht)
            {
                case VerzoekOmToewijzingBericht or VerzoekOmWijzigingBericht:
                    var a = Proefnemen.Proef(snapshot, bericht, nu, dag).Besluiten;
                    var b = Proefnemen.Proef(snapshot, bericht, straks, dag).Besluiten;
                    Besluiten += a.Count;
                    for (var i = 0; i < a.Count; i++)
                    {
                        if (a[i].Uitkomst != b[i].Uitkomst)
                        {
                            Omslagen.Add(Omslag(dag, bericht, i, a[i], b[i]));
                        }
                    }

                    break;
                case Declaratiebericht:
                    var x = DeclaratieProefnemen.Proef(snapshot, validatie, huidig, dag).Oordeel;
                    var y = DeclaratieProefnemen.Proef(snapshot, validatie, concept, dag).Oordeel;
                    if (x is not null && y is not null)
                    {
                        VergelijkDeclaratie(dag, bericht.Header, x, y);
                    }

                    break;
                default:
                    break;
            }
        }

        private Omslag Omslag(DateOnly dag, IjwBericht bericht, int regel, Besluit was, Besluit wordt)
        {
            var h = bericht.Header;
            var (bsn, gevraagd) = bericht switch
            {
                VerzoekOmToewijzingBericht b => (b.Client!.Bsn, b.Client.AangevraagdeProducten[regel].Product?.Code),
                VerzoekOmWijzigingBericht b => (b.Client!.Bsn, b.Client.Verzoek.NieuweProducten is [var eerste, ..] ? eerste.Product?.Code : null),
                _ => throw new ArgumentException($"Geen verzoek: {bericht.Soort}.", nameof(bericht)),
            };

            // The client's allocations as they stand before this message: what an approved change replaces.
            var huidig = new Dictionary<int, VastgelegdeToewijzing>();
            using (var tx = snapshot.BeginTransactie())
            {
                foreach (var t in Staat.LaadToestand(tx, h.Ontvanger, Bsn.Parse(bsn).Waarde).Toestand.Toewijzingen)
                {
                    huidig[t.Nummer] = t;
                }
            }

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
                    .FirstOrDefault(c => c.Geldigheid.Bevat(t.Ingangsdatum))?.TariefCent ?? 0;
                cent += verschil * tarief;
            }

            return (minuten, cent, product);
        }

        private void VergelijkDeclaratie(DateOnly dag, Header h, Declaratieoordeel was, Declaratieoordeel wordt)
        {
            // A refusal on the Declaratie class refuses every prestatie (IV087); then the prestaties were not assessed.
            var regels = was.Prestaties.Count > 0 ? was.Prestaties.Select(p => p.Prestatie).ToList() : wordt.Prestaties.Select(p => p.Prestatie).ToList();
            Prestaties += regels.Count;
            for (var i = 0; i < regels.Count; i++)
            {
                var a = Afkeuren(was, i);
                var b = Afkeuren(wordt, i);
                if ((a.Count == 0) == (b.Count == 0))
                {
                    continue;
                }

                var p = regels[i];
                Declaratieomslagen.Add(new Declaratieomslag(dag, p.ReferentieNummer, h.Ontvanger, h.Afzender, p.ProductCode, b.Count > 0,
                    Verschil(a.Select(f => (f.Regel, f.Code)), b.Select(f => (f.Regel, f.Code))), p.Saldo));
            }
        }

        private static IReadOnlyList<Afkeur> Afkeuren(Declaratieoordeel o, int i) =>
            o.IsAfgewezen ? o.DeclaratieAfkeuren : i < o.Prestaties.Count ? o.Prestaties[i].Afkeuren : [];
    }
}
