using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Controles;
using Jeugdhulp.Ijw.Lezen;
using Jeugdhulp.Ijw.Retour;
using Jeugdhulp.Ijw.Schema;
using Jeugdhulp.Store.Journaal;
using Jeugdhulp.Store.Outbox;

namespace Jeugdhulp.Store.Verwerking;

/// <summary>
/// The inbound pipeline: per message technical check → journal → decide → answers and new state. Messages
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
    private readonly Regelcatalogus catalogus;
    private readonly Regelset regelsVandaag;
    private readonly DateOnly vandaag;
    private readonly TimeOnly tijd;
    private readonly string? outboxMap;
    private readonly int batch;
    private readonly long maxBericht;
    private readonly VerzoekOmToewijzingBeoordelen jw315;
    private readonly VerzoekOmWijzigingBeoordelen jw317;

    /// <summary>The answers of the current batch's accepted messages, written as files after its commit.</summary>
    private readonly List<(long Id, string Naam, byte[] Inhoud)> nieuw = [];

    /// <summary>
    /// Prepares a run: loads every contract and resident once (the engine reads them in memory) and fixes
    /// the processing date for the whole run (deadlines, "not in the future", Toewijzingsdatum).
    /// <paramref name="outboxMap"/> null: no answer files — the answers stay in the outbox table only, for a
    /// deployment whose providers fetch them over the API (<c>GET /api/berichten/uitgaand</c>); a later run
    /// with a folder still writes them, nothing is lost. A message above <paramref name="maxBericht"/> bytes is
    /// refused (<c>GROOTTE</c>) without being read or journalled.
    /// </summary>
    public BerichtVerwerken(Datastore store, Regelcatalogus catalogus, DateOnly vandaag, string? outboxMap, int batch = StandaardBatch,
        long maxBericht = Berichtgrootte.Standaard)
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
        this.catalogus = catalogus;
        regelsVandaag = catalogus.OpDatum(vandaag);
        this.vandaag = vandaag;
        this.outboxMap = outboxMap;
        this.batch = batch;
        var klok = new VasteKlok(vandaag);
        var nu = klok.GetUtcNow();
        tijd = new TimeOnly(nu.Hour, nu.Minute, nu.Second);
        var bronnen = new Beoordelingsbronnen(catalogus, Bronnen.AlleContracten(store), Bronnen.AlleInwoners(store), klok);
        jw315 = new VerzoekOmToewijzingBeoordelen(bronnen);
        jw317 = new VerzoekOmWijzigingBeoordelen(bronnen);
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
            uit[i] = Controleer(blok[i]);
            Fasetijden.Stop(Fasetijden.Fase.Controle, t0);
        }

        return uit;
    });

    /// <summary>
    /// One message's technical check. A bug in it (an exception) is that message's <c>error</c>: the worker
    /// would otherwise fault the whole batch and stop the run, losing the reports of what was committed.
    /// </summary>
    private Gecontroleerd Controleer(Invoer invoer)
    {
        if (invoer.Inhoud is not { } inhoud)
        {
            return new Gecontroleerd(invoer, null, null);
        }

        if (Berichtgrootte.Controleer(inhoud.Length, maxBericht) is { } teGroot)
        {
            return new Gecontroleerd(invoer, new Validatie(null, [teGroot], Controleniveau.GeenBericht), null);
        }

        try
        {
            // The content hash starts as soon as the message is read: a large one's runs beside the level-2 rules.
            Task<byte[]>? vergelijk = null;
            var validatie = IjwValidatie.Valideer(inhoud, vandaag, b => vergelijk = Vergelijkvorm.Bereken(b, inhoud.Length));
            return new Gecontroleerd(invoer, validatie, vergelijk);
        }
#pragma warning disable CA1031 // The message boundary: a bug in one message's check must not stop or lose the others.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return new Gecontroleerd(invoer, null, null, $"INTERN: interne fout bij de technische controle ({e.GetType().Name}: {e.Message}); het bericht is niet aangenomen. Bied het na herstel opnieuw aan.");
        }
    }

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

    private (List<Bestandsverslag> Verslagen, List<(long Id, string Naam, byte[] Inhoud)> Antwoorden) VerwerkBlok(
        StoreSessie sessie, Gecontroleerd[] blok, Task<Bestandsblok>? vorige)
    {
        var verslagen = new List<Bestandsverslag>(blok.Length);
        nieuw.Clear();
        using (var tx = sessie.BeginTransactie())
        {
            foreach (var g in blok)
            {
                verslagen.Add(VerwerkEen(tx, g));
            }

            // The previous batch's files are on disk by now (or we wait for them): say so in this commit.
            if (vorige is not null)
            {
                tx.MarkeerGeschreven(Klaar(vorige));
            }

            var t0 = Fasetijden.Start();
            tx.Commit();
            Fasetijden.Stop(Fasetijden.Fase.Commit, t0);
        }

        List<(long Id, string Naam, byte[] Inhoud)> antwoorden = [.. nieuw];
        nieuw.Clear();
        return (verslagen, antwoorden);
    }

    private Bestandsverslag VerwerkEen(StoreTransactie tx, Gecontroleerd g)
    {
        var invoer = g.Invoer;
        if (g.Interne is { } interne)
        {
            return new Bestandsverslag(invoer.Bestand, null, null, Uitkomsten.Error, [], [], [interne]);
        }

        if (g.Validatie is not { } validatie)
        {
            return Ongeldig(invoer, null, null, [invoer.Leesfout ?? "Het bestand is niet te lezen."]);
        }

        if (validatie.Bericht is not { } bericht)
        {
            // IV032 level 1: no retour; the reason is reported to the operator.
            return Ongeldig(invoer, null, null, [.. validatie.Fouten.Take(20).Select(f => f.ToString())]);
        }

        var h = bericht.Header;
        var identificatie = h.BerichtIdentificatie.Identificatie;
        if (Retoursleutel(bericht.Soort) is not { } retour)
        {
            return Ongeldig(invoer, h.BerichtCode, identificatie,
                [$"BERICHTSOORT: een {bericht.Soort} is geen bericht aan de gemeente; alleen JW315, JW317, JW305, JW307 en JW323 worden verwerkt."]);
        }

        // Only messages for a municipality this backoffice serves are accepted: answering for another
        // municipality would be an answer in its name.
        if (!Gemeentecode.Parse(h.Ontvanger).TryGet(out var ontvanger) || regelsVandaag.Gemeente(ontvanger) is null)
        {
            return Ongeldig(invoer, h.BerichtCode, identificatie,
                [$"ONTVANGER: gemeente {h.Ontvanger} hoort op {vandaag:yyyy-MM-dd} niet bij regio {catalogus.Regio}; dit bericht is niet voor deze backoffice en is niet verwerkt."]);
        }

        var soort = bericht.Soort.ToString();

        // The savepoint covers the journal row too: a message that fails on a bug is not accepted at all, so
        // after the fix the same file is processed as new instead of being reported as an old failure.
        var t0 = Fasetijden.Start();
        tx.Commando("SAVEPOINT bericht").ExecuteNonQuery();
        Fasetijden.Stop(Fasetijden.Fase.Savepoint, t0);
        t0 = Fasetijden.Start();
        var journaal = tx.Journaliseer(h.Afzender, h.Ontvanger, identificatie, soort, invoer.Inhoud!, g.Vergelijk!);
        Fasetijden.Stop(Fasetijden.Fase.Journaal, t0);
        switch (journaal)
        {
            case JournaalUitkomst.ExacteHerhaling herhaling:
                tx.Commando("RELEASE SAVEPOINT bericht").ExecuteNonQuery();
                return Herhaling(tx, invoer, soort, identificatie, herhaling);

            case JournaalUitkomst.ZelfdeIdentificatieAndereInhoud afwijking:
                return Bewaakt(tx, invoer, bericht, afwijking.JournaalId, ctx =>
                {
                    if (!validatie.IsGeldig)
                    {
                        return Technisch(ctx, bericht, validatie, retour);
                    }

                    ctx.StuurRetour(retour, bericht, Retour9056(bericht, ctx.Retourgegevens));
                    ctx.Meldingen.Add($"Retourcode 9056: Identificatie {identificatie} is eerder door deze afzender gebruikt voor een ander bericht; niets verwerkt.");
                    return Uitkomsten.Rejected;
                });

            case JournaalUitkomst.Nieuw nieuw:
                return Bewaakt(tx, invoer, bericht, nieuw.JournaalId, ctx => validatie.IsGeldig
                    ? bericht switch
                    {
                        VerzoekOmToewijzingBericht b => Jw315Verwerken.Verwerk(ctx, b, jw315),
                        VerzoekOmWijzigingBericht b => Jw317Verwerken.Verwerk(ctx, b, jw317),
                        StartBericht b => StartStopVerwerken.Verwerk(ctx, b),
                        StopBericht b => StartStopVerwerken.Verwerk(ctx, b),
                        Declaratiebericht b => DeclaratieRouteren.Verwerk(ctx, b, catalogus),
                        _ => throw new InvalidOperationException($"Geen verwerking voor {bericht.Soort}."),
                    }
                    : Technisch(ctx, bericht, validatie, retour));

            default:
                throw new InvalidOperationException("Onbekende journaaluitkomst.");
        }
    }

    /// <summary>IV032 level 2: a header-only retour with 0001; the errors are reported.</summary>
    private static string Technisch(Berichtcontext ctx, IjwBericht bericht, Validatie validatie, string retour)
    {
        ctx.StuurRetour(retour, bericht, Retourbouwer.Technisch(bericht, ctx.Retourgegevens));
        ctx.Meldingen.AddRange(validatie.Fouten.Select(f => f.ToString()));
        return Uitkomsten.Invalid;
    }

    /// <summary>
    /// Runs one message's work inside the savepoint its journal row was written in. A bug (exception) rolls
    /// back this message's journal row, state and answers — it is not accepted, nothing half-written stays —
    /// and the batch continues.
    /// </summary>
    private Bestandsverslag Bewaakt(StoreTransactie tx, Invoer invoer, IjwBericht bericht, long journaalId, Func<Berichtcontext, string> werk)
    {
        var soort = bericht.Soort.ToString();
        var identificatie = bericht.Header.BerichtIdentificatie.Identificatie;
        var ctx = Context(tx, journaalId);
        try
        {
            var uitkomst = werk(ctx);
            var t0 = Fasetijden.Start();
            // Status and release in one command (one round trip); the row was inserted in this savepoint.
            tx.Commando("UPDATE journaal SET status = @status WHERE id = @id; RELEASE SAVEPOINT bericht")
                .Met("@status", uitkomst).Met("@id", journaalId).ExecuteNonQuery();
            Fasetijden.Stop(Fasetijden.Fase.Savepoint, t0);
            nieuw.AddRange(ctx.Nieuw);
            return Verslag(invoer, soort, identificatie, uitkomst, ctx, journaalId);
        }
#pragma warning disable CA1031 // The message boundary: a bug in one message must not stop or lose the others.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            tx.Commando("ROLLBACK TO SAVEPOINT bericht").ExecuteNonQuery();
            tx.Commando("RELEASE SAVEPOINT bericht").ExecuteNonQuery();
            return new Bestandsverslag(invoer.Bestand, soort, identificatie, Uitkomsten.Error, [], [],
                [$"Interne fout bij het verwerken ({e.GetType().Name}: {e.Message}); het bericht is niet aangenomen en er is niets beslist of verstuurd. Bied het na herstel opnieuw aan."]);
        }
    }

    private Bestandsverslag Herhaling(StoreTransactie tx, Invoer invoer, string soort, string identificatie, JournaalUitkomst.ExacteHerhaling h)
    {
        var status = Staat.JournaalStatus(tx, h.JournaalId) ?? JournaalLezen.Ontvangen;
        var besluiten = Staat.BeslissingenVan(tx, h.JournaalId);
        return new Bestandsverslag(invoer.Bestand, soort, identificatie, status, besluiten,
            [.. h.Antwoorden.Select(a => Berichtcontext.Pad(outboxMap, a.Bestandsnaam))],
            ["HERHALING: Exacte herhaling van een eerder ontvangen bericht: niets gewijzigd; de eerdere uitkomst en antwoorden worden opnieuw gemeld."],
            h.JournaalId, Herhaling: true, Antwoorden: [.. h.Antwoorden.Select(a => new OpgeslagenAntwoord(a.Id, a.Bestandsnaam, a.Inhoud))]);
    }

    private static IjwBericht Retour9056(IjwBericht bericht, Retourgegevens gegevens)
    {
        if (bericht is Declaratiebericht d)
        {
            var beoordeling = new Declaratiebeoordeling();
            beoordeling.DeclaratieCodes.Add("9056");
            return Declaratieantwoordbouwer.Bouw(d, gegevens, beoordeling);
        }

        return Retourbouwer.Bouw(bericht, gegevens, new Klassecodes().Zet("/Bericht/Header", "9056"));
    }

    private Berichtcontext Context(StoreTransactie tx, long journaalId) => new(tx, journaalId, vandaag, tijd, outboxMap);

    private static Bestandsverslag Verslag(Invoer invoer, string soort, string identificatie, string uitkomst, Berichtcontext ctx, long journaalId) =>
        new(invoer.Bestand, soort, identificatie, uitkomst, ctx.Besluiten, ctx.Outbox, ctx.Meldingen, journaalId,
            Antwoorden: [.. ctx.Nieuw.Select(n => new OpgeslagenAntwoord(n.Id, n.Naam, n.Inhoud))]);

    private static Bestandsverslag Ongeldig(Invoer invoer, string? code, string? identificatie, IReadOnlyList<string> meldingen) =>
        new(invoer.Bestand, code, identificatie, Uitkomsten.Invalid, [], [], meldingen);

    /// <summary>The outbox key of the retour to a message the municipality receives; null for any other message.</summary>
    private static string? Retoursleutel(Berichtsoort soort) => soort switch
    {
        Berichtsoort.JW315 => "JW316",
        Berichtsoort.JW317 => "JW318",
        Berichtsoort.JW305 => "JW306",
        Berichtsoort.JW307 => "JW308",
        Berichtsoort.JW323 => "JW325",
        _ => null,
    };
}

/// <summary>Contracts and residents for the engine, loaded once per run.</summary>
internal static class Bronnen
{
    public static List<Contract> AlleContracten(Datastore store)
    {
        using var sessie = store.OpenSessie();
        using var r = sessie.Commando("SELECT gemeente, aanbieder, productcode, ingangsdatum, einddatum, tarief_cent FROM contracten").ExecuteReader();
        var lijst = new List<Contract>();
        while (r.Read())
        {
            lijst.Add(new Contract(Gemeentecode.Parse(r.GetString(0)).Waarde, AgbCode.Parse(r.GetString(1)).Waarde,
                ProductCode.Parse(r.GetString(2)).Waarde, Periode.Maak(r.GetFieldValue<DateOnly>(3), r.DatumOfNull(4)).Waarde, r.GetInt64(5)));
        }

        return lijst;
    }

    public static Inwonersregister AlleInwoners(Datastore store) => new(Inwonerlijst(store));

    /// <summary>The residents as stored (the what-if copies them into its snapshot).</summary>
    public static List<Inwoner> Inwonerlijst(Datastore store)
    {
        using var sessie = store.OpenSessie();
        using var r = sessie.Commando("SELECT bsn, gemeente, geboortedatum, huishouden, jeugdreclassering FROM inwoners").ExecuteReader();
        var lijst = new List<Inwoner>();
        while (r.Read())
        {
            lijst.Add(new Inwoner(Bsn.Parse(r.GetString(0)).Waarde, Gemeentecode.Parse(r.GetString(1)).Waarde, r.GetFieldValue<DateOnly>(2),
                r.TekstOfNull(3), r.GetBoolean(4)));
        }

        return lijst;
    }
}

/// <summary>
/// An input after the technical check: the check's result and the SHA-256 of the message as our writer writes
/// it (null when unreadable; a large message's may still be running), or the internal error the check hit.
/// </summary>
internal sealed record Gecontroleerd(Invoer Invoer, Validatie? Validatie, Task<byte[]>? Vergelijk, string? Interne = null);
