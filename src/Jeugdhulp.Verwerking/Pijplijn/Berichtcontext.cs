using System.Globalization;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Retour;
using Jeugdhulp.Ijw.Schema;
using Jeugdhulp.Ijw.Schrijven;
using Jeugdhulp.Store.Outbox;
using IjwOmvang = Jeugdhulp.Ijw.Berichten.Omvang;
using IjwProduct = Jeugdhulp.Ijw.Berichten.ToegewezenProduct;
using UitgaandAntwoord = Jeugdhulp.Store.Outbox.Antwoord;

namespace Jeugdhulp.Store.Verwerking;

/// <summary>
/// One message being processed inside the batch transaction: where its answers go and what is reported.
/// Answers are stored in the outbox under a slot key per journal row ("JW316", "antwoord 2", "stop 1"), so
/// the database itself refuses a second answer to the same request (the outbox is unique per journal row
/// and key). A pre-check (<paramref name="proef"/>, <see cref="Proefnemen"/>) runs the same handlers with a
/// context that keeps its answers in memory and tells them to store nothing.
/// </summary>
internal sealed class Berichtcontext(StoreTransactie tx, long journaalId, DateOnly vandaag, TimeOnly tijd, string? outboxMap, bool proef = false)
{
    /// <summary>XsltVersie we report in a 0001 retour (the level-2 rules as implemented by Jeugdhulp.Ijw).</summary>
    public const string XsltVersie = "1.0.0";

    public StoreTransactie Tx { get; } = tx;

    public long JournaalId { get; } = journaalId;

    /// <summary>
    /// True when the journal row was written in this transaction (the pipeline's new message): its answers cannot exist
    /// yet, so on PostgreSQL they are deferred writes without a round trip of their own. A staff decision answers an older
    /// row and keeps the idempotent <see cref="AntwoordToevoegen.VoegAntwoordToe"/> (the identical answer again is a no-op).
    /// </summary>
    public bool NieuwJournaal { get; init; }

    /// <summary>PostgreSQL: the client states read for the whole group (<see cref="Groepsvoorraad"/>); null: read per message.</summary>
    public Groepsvoorraad? Voorraad { get; init; }

    public DateOnly Vandaag { get; } = vandaag;

    public TimeOnly Tijd { get; } = tijd;

    public List<string> Outbox { get; } = [];

    public List<Beslissing> Besluiten { get; } = [];

    public List<string> Meldingen { get; } = [];

    /// <summary>The retour codes given per product (JW306/JW308), as data beside the Dutch report lines.</summary>
    public List<string> Retourcodes { get; } = [];

    /// <summary>The engine's decisions on this message (JW315 per request line, JW317 one), as the engine gave them.</summary>
    public List<Besluit> Genomen { get; } = [];

    /// <summary>A pre-check: the handlers decide and build their answers as always, but store no state and send nothing.</summary>
    public bool Proef { get; } = proef;

    /// <summary>In a pre-check, the answers that would have been sent, in order (slot 0 is the retour); otherwise empty.</summary>
    public List<Proefantwoord> Proefantwoorden { get; } = [];

    /// <summary>The answers stored for this message (outbox id, file name, content): written as files after the commit.</summary>
    public List<(long Id, string Naam, byte[] Inhoud)> Nieuw { get; } = [];

    /// <summary>
    /// The batch runner's fast pass: answers to a new message are stored as their outbox row here and written and compressed
    /// on this worker (their content follows before the commit); null: written here, on the database thread.
    /// </summary>
    public Antwoordwerker? Werker { get; init; }

    /// <summary>This message's answers handed to <see cref="Werker"/>, in order.</summary>
    public List<Antwoordwerker.Opdracht> Opdrachten { get; } = [];

    /// <summary>Our Identificatie for answer slot <paramref name="slot"/> of this journal row (0 = the retour): "journaalId-slot".</summary>
    public string Identificatie(int slot)
    {
        // A pre-check has no journal row: its answers are marked as never sent.
        var id = string.Create(CultureInfo.InvariantCulture, $"{(Proef ? "PROEF" : JournaalId)}-{slot}");
        return id.Length <= 12 ? id : throw new InvalidOperationException($"Identificatie {id} is langer dan 12 tekens.");
    }

    public Retourgegevens Retourgegevens => new(Identificatie(0), Vandaag, XsltVersie);

    /// <summary>Writes <paramref name="bericht"/> and stores it in the outbox under <paramref name="sleutel"/>.</summary>
    /// <remarks>
    /// The file is named "ontvanger_berichtcode_identificatie.xml" from our side of the exchange: a retour
    /// copies the heenbericht's Afzender/Ontvanger (IV028), so the receiver and our Identificatie are passed in.
    /// </remarks>
    public void Stuur(string sleutel, IjwBericht bericht, string ontvanger, int slot)
    {
        var naam = Bestandsnaam(bericht, ontvanger, slot);
        if (Proef)
        {
            Proefantwoorden.Add(new Proefantwoord(slot, naam, bericht));
            Outbox.Add(naam);
            return;
        }

        if (Werker is not null && NieuwJournaal)
        {
            Opdrachten.Add(Werker.Voeg(Tx.VoegAntwoordRijToe(JournaalId, sleutel, ontvanger, naam), naam, bericht));
            Outbox.Add(Pad(outboxMap, naam));
            return;
        }

        var inhoud = IjwSchrijver.Schrijf(bericht);
        var id = NieuwJournaal
            ? Tx.VoegNieuwAntwoordToe(JournaalId, sleutel, ontvanger, naam, inhoud)
            : Tx.VoegAntwoordToe(JournaalId, sleutel, ontvanger, naam, inhoud);
        Nieuw.Add((id, naam, inhoud));
        Outbox.Add(Pad(outboxMap, naam));
    }

    /// <summary>
    /// The outbox row of a JW301 for <paramref name="regels"/> (all for one client) without storing it: for a writer that
    /// stores a whole group's answers in one go (<see cref="BatchAntwoordenToevoegen"/>). Same name and content as
    /// <see cref="StuurToewijzing"/>.
    /// </summary>
    public UitgaandAntwoord MaakToewijzing(string sleutel, int slot, string gemeente, string aanbieder, Clientgegevens client,
        IReadOnlyList<Core.Toewijzing.ToegewezenProduct> regels)
    {
        var bericht = Toewijzing(Header(Berichtsoort.JW301, gemeente, aanbieder, slot), client, regels);
        return new UitgaandAntwoord(JournaalId, sleutel, aanbieder, Bestandsnaam(bericht, aanbieder, slot), IjwSchrijver.Schrijf(bericht));
    }

    private string Bestandsnaam(IjwBericht bericht, string ontvanger, int slot) => $"{ontvanger}_{bericht.Soort}_{Identificatie(slot)}.xml";

    /// <summary>Where an answer is reported: its file in the outbox folder, or just its name when answers are not written as files.</summary>
    public static string Pad(string? outboxMap, string naam) => outboxMap is null ? naam : Path.Combine(outboxMap, naam);

    /// <summary>The retour (or JW325) to <paramref name="heen"/>: slot 0, to the heenbericht's sender.</summary>
    /// <remarks>Reported first, whatever was sent before it (a stop's new JW301 is decided before its JW308 is built).</remarks>
    public void StuurRetour(string sleutel, IjwBericht heen, IjwBericht retour)
    {
        Stuur(sleutel, retour, heen.Header.Afzender, 0);
        Outbox.Insert(0, Outbox[^1]);
        Outbox.RemoveAt(Outbox.Count - 1);
    }

    public Header Header(Berichtsoort soort, string gemeente, string aanbieder, int slot) =>
        Ijw.Berichten.Header.Voor(soort, gemeente, aanbieder, new BerichtIdentificatie(Identificatie(slot), Vandaag));

    /// <summary>
    /// The XSD requires at least one Contact in a JW301. The pipeline has no address source (the residents
    /// file holds none), so it names the kind only: 01 BRP-adres, which the provider already knows.
    /// </summary>
    private static readonly Contact GeenAdres = new("01", null, null, null, null, null);

    /// <summary>The JW301 for <paramref name="regels"/> (all for one client).</summary>
    public void StuurToewijzing(string sleutel, int slot, string gemeente, string aanbieder, Clientgegevens client,
        IReadOnlyList<Core.Toewijzing.ToegewezenProduct> regels) =>
        Stuur(sleutel, Toewijzing(Header(Berichtsoort.JW301, gemeente, aanbieder, slot), client, regels), aanbieder, slot);

    /// <summary>A JW301 with <paramref name="regels"/> (all for one client) under <paramref name="header"/>.</summary>
    public static Toewijzingbericht Toewijzing(Header header, Clientgegevens client, IReadOnlyList<Core.Toewijzing.ToegewezenProduct> regels)
    {
        var naam = new VolledigeNaam(new Achternaam(client.Achternaam, client.Voorvoegsel), null, client.Voornamen, client.Voorletters, "1");
        var k = new ToewijzingClient(client.Bsn, new Geboortedatum(client.Geboortedatum, client.DatumGebruik), client.Geslacht, naam,
            null, null, null, null, [], [GeenAdres], [.. regels.Select(NaarIjw)]);
        return new Toewijzingbericht(Berichtsoort.JW301, header, k);
    }

    /// <summary>The JW319: VerzoekAntwoord 1 with the reason; the Woonplaatsbeginsel block exactly for reason 8 (TR377).</summary>
    public void StuurAfwijzing(string sleutel, int slot, string gemeente, string aanbieder, string referentie, int reden, string? verantwoordelijk)
    {
        var antwoord = new Ijw.Berichten.Antwoord(referentie, "1", reden.ToString(CultureInfo.InvariantCulture),
            reden == (int)RedenAfwijzing.Woonplaatsbeginsel && verantwoordelijk is not null ? new Woonplaatsbeginsel(verantwoordelijk) : null);
        Stuur(sleutel, new Antwoordbericht(Berichtsoort.JW319, Header(Berichtsoort.JW319, gemeente, aanbieder, slot), antwoord), aanbieder, slot);
    }

    public static IjwProduct NaarIjw(Core.Toewijzing.ToegewezenProduct r) => new(
        r.ToewijzingNummer, r.ReferentieAanbieder, new Product(r.Categorie, r.Product.Waarde), r.Toewijzingsdatum, r.Toewijzingstijd,
        r.Ingangsdatum, r.Einddatum, r.RedenWijziging, r.Omvang is { } o ? new IjwOmvang(o.Volume, o.Eenheid, o.Frequentie) : null,
        r.Budget, null);

    public static string Woord(Uitkomst u) => Uitkomsten.Van(u);

    /// <summary>The file outcome of a request message: the common word of its decisions, else "mixed".</summary>
    public static string Samen(IEnumerable<string> uitkomsten)
    {
        var verschillend = uitkomsten.Distinct(StringComparer.Ordinal).ToList();
        return verschillend.Count == 1 ? verschillend[0] : verschillend.Count == 0 ? Uitkomsten.Rejected : Uitkomsten.Mixed;
    }

    public static Beslissing Verslag(Besluit b) =>
        new(b.ReferentieAanbieder, Woord(b.Uitkomst), (int?)b.Reden, b.RegelIds, () => b.Toelichting,
        [.. b.Bevindingen.Where(x => x.Uitkomst == Uitkomst.Beoordelen).Select(x => x.RegelId).Distinct(StringComparer.Ordinal)]);
}
