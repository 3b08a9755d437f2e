using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Lezen;
using Jeugdhulp.Store.Outbox;
using Jeugdhulp.Store.Provider;

namespace Jeugdhulp.Store.Verwerking;

/// <summary>
/// The batch runner of the inbound pipeline: per message technical check (<see cref="Invoercontrole"/>) →
/// journal, decide, answers and new state (<see cref="Berichtrouter"/>) → answer files. Messages
/// are processed in batches, one transaction per batch (group commit); each message runs inside a
/// savepoint, so a bug in one message rolls back only that message's state, which is then recorded as
/// failed while the batch goes on. The answers are committed to the outbox table with the decisions (the
/// API delivers them from there); when an outbox folder is given they are also written as files after each
/// commit (outbox materialisation), so a crash at any point leaves either a committed batch whose files the
/// next run writes, or a rolled-back batch that the next run processes again: one answer per request either way.
/// </summary>
public sealed class BerichtVerwerken
{
    /// <summary>Messages per transaction.</summary>
    public const int StandaardBatch = 500;

    private readonly Datastore store;
    private readonly DateOnly vandaag;
    private readonly string? outboxMap;
    private readonly int batch;
    private readonly long maxBericht;
    private readonly Berichtrouter router;

    /// <summary>The answers of the current batch's accepted messages, written as files after its commit.</summary>
    private readonly List<(long Id, string Naam, byte[] Inhoud)> nieuw = [];

    /// <summary>
    /// Prepares a run: loads every contract once (the engine reads them in memory; the residents each group's requests
    /// name are read with the group, <see cref="Bronnen.Voor"/>) and fixes
    /// the processing date for the whole run (deadlines, "not in the future", Toewijzingsdatum).
    /// <paramref name="outboxMap"/> null: no answer files — the answers stay in the outbox table only, for a
    /// deployment whose providers fetch them over the API (<c>GET /api/berichten/uitgaand</c>); a later run
    /// with a folder still writes them, nothing is lost. A message above <paramref name="maxBericht"/> bytes is
    /// refused (<c>GROOTTE</c>) without being read or journalled. The time of day of each decision (Toewijzingstijd)
    /// is <paramref name="klok"/>'s in Europe/Amsterdam (null: the store's clock), on the date <paramref name="vandaag"/>.
    /// <paramref name="gelezen"/>: the contracts and residents read earlier (<see cref="Toekenning.ToekenningVastleggen.LeesBronnen"/>,
    /// for <paramref name="catalogus"/>), for a caller that runs the pipeline many times while it knows neither changes (the
    /// demo generator, once per simulated day); null reads them now, as <c>process</c> and the API do.
    /// </summary>
    public BerichtVerwerken(Datastore store, Regelcatalogus catalogus, DateOnly vandaag, string? outboxMap, int batch = StandaardBatch,
        long maxBericht = Berichtgrootte.Standaard, TimeProvider? klok = null, Beoordelingsbronnen? gelezen = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalogus);
        if (outboxMap is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(outboxMap);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBericht, 1);
        this.store = store;
        this.maxBericht = maxBericht;
        this.vandaag = vandaag;
        this.outboxMap = outboxMap;
        this.batch = batch;
        if (gelezen is not null && !ReferenceEquals(gelezen.Catalogus, catalogus))
        {
            throw new ArgumentException("The sources read belong to another rule catalogue.", nameof(gelezen));
        }

        var beslisklok = new Beslisklok(vandaag, klok ?? store.Klok);
        router = new Berichtrouter(catalogus, gelezen?.MetKlok(beslisklok) ?? Bronnen.Laad(store, catalogus, beslisklok), vandaag, outboxMap);
    }

    /// <summary>Problems writing answer files (left in the outbox table; the next run tries again).</summary>
    public List<Fout> Materialisatiefouten { get; } = [];

    /// <summary>
    /// Processes <paramref name="invoer"/> in order; one report per input, yielded once its batch is committed
    /// and its answer files are written. Three stages overlap, one batch apart, so both cores work: the
    /// technical check of batch k+1 (pure), the database work of batch k (one transaction), the answer files
    /// of batch k−1 (no database). Batch k−1's files are marked written inside batch k's transaction: a crash
    /// before that commit leaves complete files the next run recognises, never a lost or second answer.
    /// </summary>
    public IEnumerable<Bestandsverslag> Verwerk(IEnumerable<Invoer> invoer)
    {
        ArgumentNullException.ThrowIfNull(invoer);

        // Answers a crashed earlier run committed but did not write; from here on each batch writes its own.
        Materialisatiefouten.AddRange(store.Materialiseer(outboxMap).Fouten);
        using var sessie = store.OpenSessie();
        Planstatistiek.HoudBij(sessie);
        using var blokken = invoer.Chunk(batch).GetEnumerator();
        var volgende = blokken.MoveNext() ? Controleer(blokken.Current) : null;
        (Task<Bestandsblok> Taak, List<Bestandsverslag> Verslagen)? schrijvend = null;
        while (volgende is not null)
        {
            var gecontroleerd = volgende.GetAwaiter().GetResult();
            volgende = blokken.MoveNext() ? Controleer(blokken.Current) : null;
            var (verslagen, antwoorden) = VerwerkBlok(sessie, gecontroleerd, schrijvend?.Taak);
            if (schrijvend is { } vorige)
            {
                foreach (var v in vorige.Verslagen)
                {
                    yield return v;
                }
            }

            schrijvend = (Task.Run(() => Schrijf(antwoorden)), verslagen);
        }

        if (schrijvend is { } laatste)
        {
            var klaar = Klaar(laatste.Taak);
            using (var tx = sessie.BeginTransactie())
            {
                tx.MarkeerGeschreven(klaar);
                tx.Commit();
            }

            foreach (var v in laatste.Verslagen)
            {
                yield return v;
            }
        }
    }

    /// <summary>The technical check of a batch (level 1 + 2, and the journal's content hash of the message as our writer writes it), on a worker.</summary>
    private Task<Gecontroleerd[]> Controleer(Invoer[] blok) => Task.Run(() =>
    {
        var uit = new Gecontroleerd[blok.Length];
        for (var i = 0; i < blok.Length; i++)
        {
            var t0 = Fasetijden.Start();
            uit[i] = Invoercontrole.Controleer(blok[i], vandaag, maxBericht);
            Fasetijden.Stop(Fasetijden.Fase.Controle, t0);
        }

        return uit;
    });

    private Bestandsblok Schrijf(List<(long Id, string Naam, byte[] Inhoud)> antwoorden)
    {
        var t0 = Fasetijden.Start();
        var b = Materialiseren.SchrijfBestanden(outboxMap, antwoorden);
        Fasetijden.Stop(Fasetijden.Fase.Bestanden, t0);
        return b;
    }

    private List<long> Klaar(Task<Bestandsblok> taak)
    {
        var b = taak.GetAwaiter().GetResult();
        Materialisatiefouten.AddRange(b.Fouten);
        return b.Klaar;
    }

    /// <summary>
    /// One batch in one transaction. First the fast pass: no savepoint per message, answers written on a worker
    /// (<see cref="Antwoordwerker"/>). Should anything in it throw — a bug in one message, a failing write — the whole
    /// transaction is rolled back (nothing of it was committed or written as a file) and the batch is done again in the
    /// safe pass, where each message runs in its own savepoint and a bug fails only that message (reported as
    /// <c>error</c>, not accepted) while the others go on. So the fast pass changes what a batch costs, never what it leaves.
    /// </summary>
    private (List<Bestandsverslag> Verslagen, List<(long Id, string Naam, byte[] Inhoud)> Antwoorden) VerwerkBlok(
        StoreSessie sessie, Gecontroleerd[] blok, Task<Bestandsblok>? vorige)
    {
        // The previous batch's files are awaited once, whichever pass commits their mark.
        List<long>? klaar = null;
        List<long>? Vorige() => vorige is null ? null : klaar ??= Klaar(vorige);
        vastgelegd = false;
        try
        {
            return VerwerkBlok(sessie, blok, Vorige, new Antwoordwerker());
        }
#pragma warning disable CA1031 // Any failure of the fast pass before its commit is answered by the safe pass, which reports it per message.
        catch (Exception e) when (e is not OutOfMemoryException && !vastgelegd)
#pragma warning restore CA1031
        {
            Terugvallen++;
            return VerwerkBlok(sessie, blok, Vorige, null);
        }
    }

    /// <summary>Whether the current batch has committed: a failure after that is not the fast pass's to repeat.</summary>
    private bool vastgelegd;

    /// <summary>Batches the fast pass gave back to the safe pass (a message failed in them); for tests and the bench.</summary>
    public int Terugvallen { get; private set; }

    private (List<Bestandsverslag> Verslagen, List<(long Id, string Naam, byte[] Inhoud)> Antwoorden) VerwerkBlok(
        StoreSessie sessie, Gecontroleerd[] blok, Func<List<long>?> vorige, Antwoordwerker? werker)
    {
        var verslagen = new List<Bestandsverslag>(blok.Length);
        var vanWerker = new List<(int Verslag, int Van, int Tot)>();
        nieuw.Clear();
        using (var tx = sessie.BeginTransactie())
        {
            router.BeginGroep(tx, blok, snel: werker is not null);
            foreach (var g in blok)
            {
                var van = werker?.Aantal ?? 0;
                verslagen.Add(router.Verwerk(tx, g, nieuw, werker));
                if (werker is not null && werker.Aantal > van)
                {
                    vanWerker.Add((verslagen.Count - 1, van, werker.Aantal));
                }
            }

            // The answers written on the worker: their contents go in before the commit, then into the reports and files.
            if (werker is not null)
            {
                werker.Bewaar(tx);
                foreach (var (i, van, tot) in vanWerker)
                {
                    var opdrachten = werker.Alle.Skip(van).Take(tot - van).ToList();
                    nieuw.AddRange(opdrachten.Select(o => (o.Id, o.Naam, o.Ruw!)));
                    verslagen[i] = verslagen[i] with
                    {
                        Antwoorden = [.. verslagen[i].Antwoorden ?? [], .. opdrachten.Select(o => new OpgeslagenAntwoord(o.Id, o.Naam, o.Ruw!))],
                    };
                }
            }

            // The previous batch's files are on disk by now (or we wait for them): say so in this commit.
            if (vorige() is { } klaar)
            {
                tx.MarkeerGeschreven(klaar);
            }

            var t0 = Fasetijden.Start();
            tx.Commit();
            vastgelegd = true;
            Fasetijden.Stop(Fasetijden.Fase.Commit, t0);
        }

        // PostgreSQL: statistics renewed as the tables double, so the cached plans stay right (Planstatistiek).
        Planstatistiek.HoudBij(sessie);

        List<(long Id, string Naam, byte[] Inhoud)> antwoorden = [.. nieuw];
        nieuw.Clear();
        return (verslagen, antwoorden);
    }
}
