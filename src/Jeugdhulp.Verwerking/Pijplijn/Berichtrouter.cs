using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Tijd;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Controles;
using Jeugdhulp.Ijw.Retour;
using Jeugdhulp.Ijw.Schema;
using Jeugdhulp.Store.Journaal;
using Jeugdhulp.Store.Outbox;

namespace Jeugdhulp.Store.Verwerking;

/// <summary>
/// The one router of the pipeline: takes a checked message inside the batch's transaction, refuses what is not
/// for this backoffice, journals it in a savepoint, recognises a re-delivery (exact, or 9056), and hands a new
/// message to the use case of its kind (<see cref="Jw315Verwerken"/>, <see cref="Jw317Verwerken"/>,
/// <see cref="StartStopVerwerken"/>, <see cref="DeclaratieRouteren"/>) or answers it with a technical retour.
/// Every message kind the municipality receives, and the retour each one gets, is in this file.
/// </summary>
internal sealed class Berichtrouter
{
    private readonly Regelcatalogus catalogus;
    private readonly Regelset regelsVandaag;
    private readonly DateOnly vandaag;
    private readonly TimeProvider klok;
    private readonly string? outboxMap;
    private readonly Beoordelingsbronnen bronnen;

    /// <summary>The current group's deciders, on the sources with the residents its requests name (<see cref="BeginGroep"/>).</summary>
    private VerzoekOmToewijzingBeoordelen jw315;
    private VerzoekOmWijzigingBeoordelen jw317;
    private Beoordelingsbronnen groepsbronnen;

    /// <summary>The current group's client states read ahead (PostgreSQL), or null.</summary>
    private Groepsvoorraad? voorraad;

    /// <summary>
    /// A router for messages received on <paramref name="vandaag"/>, deciding with <paramref name="bronnen"/>; each message's
    /// decision time is read from the sources' clock when it is decided.
    /// </summary>
    public Berichtrouter(Regelcatalogus catalogus, Beoordelingsbronnen bronnen, DateOnly vandaag, string? outboxMap)
    {
        this.catalogus = catalogus;
        regelsVandaag = catalogus.OpDatum(vandaag);
        this.vandaag = vandaag;
        klok = bronnen.Klok;
        this.outboxMap = outboxMap;
        this.bronnen = bronnen;
        groepsbronnen = bronnen;
        jw315 = new VerzoekOmToewijzingBeoordelen(bronnen);
        jw317 = new VerzoekOmWijzigingBeoordelen(bronnen);
    }

    /// <summary>The current group's journal (PostgreSQL, fast pass), or null: messages are journalled one by one.</summary>
    private Groepsjournaal? groepsjournaal;

    /// <summary>
    /// Starts a group in <paramref name="tx"/>: on PostgreSQL the states of its JW315s' clients are read in one go, and in the
    /// fast pass (<paramref name="snel"/>: no savepoint per message) the counters are held for the group and the messages'
    /// earlier journal rows read and their journal ids taken in one more round trip (<see cref="Groepsjournaal"/>).
    /// </summary>
    public void BeginGroep(StoreTransactie tx, IReadOnlyList<Gecontroleerd> blok, bool snel)
    {
        var t0 = Fasetijden.Start();
        // The residents the group's requests name, with their households, in one read: what the engine and the state read
        // ahead look up (the register is not held in memory: bench/RESULTS.md, session 21).
        var metInwoners = bronnen.Voor(tx, blok.Select(Clientbsn));
        if (!ReferenceEquals(metInwoners, groepsbronnen))
        {
            groepsbronnen = metInwoners;
            jw315 = new VerzoekOmToewijzingBeoordelen(groepsbronnen);
            jw317 = new VerzoekOmWijzigingBeoordelen(groepsbronnen);
        }

        voorraad = Groepsvoorraad.Lees(tx, blok, groepsbronnen.Inwoners, snel);
        Fasetijden.Stop(Fasetijden.Fase.Toestand, t0);
        t0 = Fasetijden.Start();
        // SQLite has no round trip to save: its path stays the one-by-one journal, without building the keys.
        groepsjournaal = snel && tx.Store.Provider.IsPostgres ? Groepsjournaal.Lees(tx, [.. blok.Select(Journaalsleutel).OfType<(string, string)>()]) : null;
        Fasetijden.Stop(Fasetijden.Fase.Journaal, t0);
    }

    /// <summary>
    /// The client's BSN of a JW315 or JW317, else null. Read whether or not the message passed every check: a resident read
    /// that is not needed costs nothing, one missed would change a decision.
    /// </summary>
    private static string? Clientbsn(Gecontroleerd g) => g.Validatie?.Bericht is { } b ? Bronnen.Clientbsn(b) : null;

    /// <summary>
    /// The (afzender, Identificatie) under which <see cref="Verwerk"/> journals <paramref name="g"/>, or null when it refuses
    /// the message before that (the same tests, in the same order).
    /// </summary>
    private (string Afzender, string Identificatie)? Journaalsleutel(Gecontroleerd g) =>
        g is { Interne: null, Validatie.Bericht: { } bericht } && Retoursleutel(bericht.Soort) is not null
            && Gemeentecode.Parse(bericht.Header.Ontvanger).TryGet(out var ontvanger) && regelsVandaag.Gemeente(ontvanger) is not null
            ? (bericht.Header.Afzender, bericht.Header.BerichtIdentificatie.Identificatie)
            : null;

    /// <summary>
    /// Processes one checked message in <paramref name="tx"/>; the answers of an accepted message are added to
    /// <paramref name="nieuw"/> (written as files after the batch's commit). With <paramref name="werker"/> (the batch
    /// runner's fast pass) the message runs without a savepoint of its own and its answers are handed to the worker; an
    /// exception then escapes, and the runner repeats the whole batch in the safe pass (null), where each message has its
    /// savepoint and a bug fails that message only.
    /// </summary>
    public Bestandsverslag Verwerk(StoreTransactie tx, Gecontroleerd g, List<(long Id, string Naam, byte[] Inhoud)> nieuw, Antwoordwerker? werker = null)
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
        if (werker is null)
        {
            tx.Uitgesteld("SAVEPOINT bericht").Later(tx);
        }

        Fasetijden.Stop(Fasetijden.Fase.Savepoint, t0);
        t0 = Fasetijden.Start();
        var journaal = werker is not null && groepsjournaal is { } groep
            ? groep.Journaliseer(tx, h.Afzender, h.Ontvanger, identificatie, soort, invoer.Inhoud!, g.Vergelijk!, g.Opgeslagen)
            : tx.Journaliseer(h.Afzender, h.Ontvanger, identificatie, soort, invoer.Inhoud!, g.Vergelijk!, g.Opgeslagen);
        Fasetijden.Stop(Fasetijden.Fase.Journaal, t0);
        switch (journaal)
        {
            case JournaalUitkomst.ExacteHerhaling herhaling:
                if (werker is null)
                {
                    tx.Commando("RELEASE SAVEPOINT bericht").ExecuteNonQuery();
                }
                else if (werker.Bewaar(tx))
                {
                    // The fast pass: the original may be earlier in this batch, its answers' contents still on the worker.
                    herhaling = herhaling with { Antwoorden = tx.Antwoorden(herhaling.JournaalId) };
                }

                return Herhaling(tx, invoer, soort, identificatie, herhaling);

            case JournaalUitkomst.ZelfdeIdentificatieAndereInhoud afwijking:
                return Bewaakt(tx, invoer, bericht, afwijking.JournaalId, nieuw, werker, ctx =>
                {
                    if (!validatie.IsGeldig)
                    {
                        return Technisch(ctx, bericht, validatie, retour);
                    }

                    ctx.StuurRetour(retour, bericht, Retour9056(bericht, ctx.Retourgegevens));
                    ctx.Meldingen.Add($"Retourcode 9056: Identificatie {identificatie} is eerder door deze afzender gebruikt voor een ander bericht; niets verwerkt.");
                    return Uitkomsten.Rejected;
                });

            case JournaalUitkomst.Nieuw nieuwBericht:
                var verslag = Bewaakt(tx, invoer, bericht, nieuwBericht.JournaalId, nieuw, werker, ctx => validatie.IsGeldig
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

                // What this message may have changed is no longer taken from the group's read state (failed or not).
                if (validatie.IsGeldig && bericht is VerzoekOmToewijzingBericht { Client: { } k } && Bsn.Parse(k.Bsn).TryGet(out var client))
                {
                    voorraad?.Geraakt(h.Ontvanger, client, verslag.Uitkomst != Uitkomsten.Error);
                }
                else if (validatie.IsGeldig)
                {
                    voorraad?.AllesGeraakt();
                }

                return verslag;

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
    private Bestandsverslag Bewaakt(StoreTransactie tx, Invoer invoer, IjwBericht bericht, long journaalId,
        List<(long Id, string Naam, byte[] Inhoud)> nieuw, Antwoordwerker? werker, Func<Berichtcontext, string> werk)
    {
        var soort = bericht.Soort.ToString();
        var identificatie = bericht.Header.BerichtIdentificatie.Identificatie;
        var ctx = new Berichtcontext(tx, journaalId, vandaag, Bedrijfstijd.Tijd(klok), outboxMap) { NieuwJournaal = true, Werker = werker, Voorraad = voorraad };
        if (werker is not null)
        {
            // The fast pass: no savepoint to release, and an exception is the batch's (the runner repeats it safely).
            var snel = werk(ctx);
            var t1 = Fasetijden.Start();
            tx.Uitgesteld("UPDATE journaal SET status = @status WHERE id = @id").Met("@status", snel).Met("@id", journaalId).Later(tx);
            Fasetijden.Stop(Fasetijden.Fase.Savepoint, t1);
            nieuw.AddRange(ctx.Nieuw);
            return Verslag(invoer, soort, identificatie, snel, ctx, journaalId);
        }

        try
        {
            var uitkomst = werk(ctx);
            var t0 = Fasetijden.Start();
            // Status and release go with the message's deferred writes (one round trip on PostgreSQL), sent here, inside
            // the savepoint: a write that fails, fails this message (the catch below), not a later one.
            tx.Uitgesteld("UPDATE journaal SET status = @status WHERE id = @id").Met("@status", uitkomst).Met("@id", journaalId).Later(tx);
            tx.Uitgesteld("RELEASE SAVEPOINT bericht").Later(tx);
            tx.VerstuurUitgesteld();
            Fasetijden.Stop(Fasetijden.Fase.Savepoint, t0);
            nieuw.AddRange(ctx.Nieuw);
            return Verslag(invoer, soort, identificatie, uitkomst, ctx, journaalId);
        }
#pragma warning disable CA1031 // The message boundary: a bug in one message must not stop or lose the others.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            // Writes still queued (the bug came before they were sent) go first: they may include the savepoint itself. If
            // one of them fails, the transaction is in error until the rollback to the savepoint, which comes next.
            try
            {
                tx.VerstuurUitgesteld();
            }
            catch (System.Data.Common.DbException)
            {
            }

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

    private static Bestandsverslag Verslag(Invoer invoer, string soort, string identificatie, string uitkomst, Berichtcontext ctx, long journaalId) =>
        new(invoer.Bestand, soort, identificatie, uitkomst, ctx.Besluiten, ctx.Outbox, ctx.Meldingen, journaalId,
            Antwoorden: [.. ctx.Nieuw.Select(n => new OpgeslagenAntwoord(n.Id, n.Naam, n.Inhoud))], Retourcodes: ctx.Retourcodes);

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
