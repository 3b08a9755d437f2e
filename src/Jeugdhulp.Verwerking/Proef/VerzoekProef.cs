using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Tijd;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Controles;

namespace Jeugdhulp.Store.Verwerking;

/// <summary>An answer a pre-check would have sent.</summary>
/// <param name="Slot">0 for the retour (JW316/JW318), otherwise the request line it answers (a JW317 has one).</param>
/// <param name="Bestandsnaam">The name the answer would have had ("ontvanger_SOORT_PROEF-slot.xml").</param>
/// <param name="Bericht">The JW316/JW318, JW301 or JW319.</param>
public sealed record Proefantwoord(int Slot, string Bestandsnaam, IjwBericht Bericht);

/// <summary>What a JW315 or JW317 would get, without anything being stored, allocated or sent.</summary>
/// <param name="Fouten">Level 1/2 errors (schema, rules within the message); empty when the engine decided.</param>
/// <param name="Besluiten">The decision per product request line (a JW317: one), in order; empty when the message is invalid.</param>
/// <param name="Soort">JW315 or JW317.</param>
/// <param name="Antwoorden">The answers the real run would send (retour, JW301/JW319 per decided line; none for review).</param>
public sealed record Verzoekproef(IReadOnlyList<Fout> Fouten, IReadOnlyList<Besluit> Besluiten, string Soort = "JW315",
    IReadOnlyList<Proefantwoord>? Antwoorden = null)
{
    /// <summary>The file outcome as <c>process</c> reports a JW315/JW317: invalid, or approved/rejected/review/mixed.</summary>
    public string Uitkomst => Fouten.Count > 0 ? Uitkomsten.Invalid : Berichtcontext.Samen(Besluiten.Select(b => Berichtcontext.Woord(b.Uitkomst)));

    /// <summary>Dutch lines for people: per request line its outcome and the engine's explanation, signals included.</summary>
    public IEnumerable<string> Meldingen => Fouten.Count > 0
        ? Fouten.Select(f => f.ToString())
        : Besluiten.SelectMany(b => b.Toelichting.Split('\n').Select((regel, i) => i == 0 ? $"Verzoek {b.ReferentieAanbieder}: {regel}" : "  " + regel));

    /// <summary>The JW301 or JW319 that would answer request line <paramref name="regel"/> (1-based); null for review or no such line.</summary>
    public IjwBericht? Antwoord(int regel) => Antwoorden?.FirstOrDefault(a => a.Slot == regel && regel > 0)?.Bericht;

    /// <summary>The pre-check as a <see cref="Bestandsverslag"/> (the shape of <c>process --json</c>), with the would-be answer names as outbox.</summary>
    public Bestandsverslag Verslag(string bestand) =>
        new(bestand, Soort, null, Uitkomst, [.. Besluiten.Select(Berichtcontext.Verslag)], [], [.. Meldingen]);
}

/// <summary>
/// The provider's pre-check of a file: a JW323 as <see cref="DeclaratieProefnemen"/>; a JW315 or JW317 through the
/// very handlers of <see cref="BerichtVerwerken"/> (the same engine, state, conventions such as the verwijsdatum in
/// the Commentaar, and answer builders), with a context that stores and sends nothing, in a transaction that is
/// always rolled back — so nothing is journalled, allocated or sent, and a pre-check and the real answer agree.
/// </summary>
public static class Proefnemen
{
    /// <summary>
    /// Checks <paramref name="inhoud"/> as if received on <paramref name="vandaag"/>: a JW315 or JW317 gives a
    /// <see cref="Verzoekproef"/>, anything else the <see cref="Declaratieproef"/> of a JW323 (which refuses other messages).
    /// </summary>
    public static (Verzoekproef? Verzoek, Declaratieproef? Declaratie) ProefBestand(this Datastore store, byte[] inhoud, Regelcatalogus catalogus, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(inhoud);
        ArgumentNullException.ThrowIfNull(catalogus);
        var validatie = IjwValidatie.Valideer(inhoud, vandaag);
        if (validatie.Bericht is not { } bericht || bericht is not (VerzoekOmToewijzingBericht or VerzoekOmWijzigingBericht))
        {
            return (null, DeclaratieProefnemen.Proef(store, validatie, catalogus, vandaag));
        }

        var soort = bericht.Soort.ToString();
        if (!validatie.IsGeldig)
        {
            return (new Verzoekproef(validatie.Fouten, [], soort), null);
        }

        // As the pipeline: a message for a municipality outside the region is not answered at all.
        if (!Gemeentecode.Parse(bericht.Header.Ontvanger).TryGet(out var ontvanger) || catalogus.OpDatum(vandaag).Gemeente(ontvanger) is null)
        {
            return (new Verzoekproef([new Fout("ONTVANGER", $"Gemeente {bericht.Header.Ontvanger} hoort op {vandaag:yyyy-MM-dd} niet bij regio {catalogus.Regio}; dit bericht zou niet worden verwerkt.")], [], soort), null);
        }

        var bronnen = Bronnen.Laad(store, catalogus, new Beslisklok(vandaag, store.Klok));
        return (Proef(store, bericht, bronnen, vandaag), null);
    }

    /// <summary>
    /// The pre-check of a valid JW315/JW317 with sources already loaded (the what-if replay loads them once per
    /// run): the pipeline's handler with a pre-check context, in a rolled-back transaction.
    /// </summary>
    internal static Verzoekproef Proef(Datastore store, IjwBericht bericht, Beoordelingsbronnen bronnen, DateOnly vandaag)
    {
        using var tx = store.BeginTransactie();
        bronnen = bronnen.Voor(tx, [Bronnen.Clientbsn(bericht)]);
        var ctx = new Berichtcontext(tx, 0, vandaag, Bedrijfstijd.Tijd(bronnen.Klok), null, proef: true);
        _ = bericht switch
        {
            VerzoekOmToewijzingBericht b => Jw315Verwerken.Verwerk(ctx, b, new VerzoekOmToewijzingBeoordelen(bronnen)),
            VerzoekOmWijzigingBericht b => Jw317Verwerken.Verwerk(ctx, b, new VerzoekOmWijzigingBeoordelen(bronnen)),
            _ => throw new ArgumentException($"Een proefverzoek is een JW315 of JW317, geen {bericht.Soort}.", nameof(bericht)),
        };

        // Disposing without Commit rolls back: the pre-check never changes the store.
        return new Verzoekproef([], [.. ctx.Genomen], bericht.Soort.ToString(), [.. ctx.Proefantwoorden]);
    }
}
