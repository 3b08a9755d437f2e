using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Controles;

namespace Jeugdhulp.Store.Verwerking;

/// <summary>What a JW315 would get, without anything being stored, allocated or sent.</summary>
/// <param name="Fouten">Level 1/2 errors (schema, rules within the message); empty when the engine decided.</param>
/// <param name="Besluiten">The decision per product request line, in order; empty when the message is invalid.</param>
public sealed record Verzoekproef(IReadOnlyList<Fout> Fouten, IReadOnlyList<Besluit> Besluiten)
{
    /// <summary>The file outcome as <c>process</c> reports a JW315: invalid, or approved/rejected/review/mixed.</summary>
    public string Uitkomst => Fouten.Count > 0 ? Uitkomsten.Invalid : Berichtcontext.Samen(Besluiten.Select(b => Berichtcontext.Woord(b.Uitkomst)));

    /// <summary>Dutch lines for people: per request line its outcome and the engine's explanation, signals included.</summary>
    public IEnumerable<string> Meldingen => Fouten.Count > 0
        ? Fouten.Select(f => f.ToString())
        : Besluiten.SelectMany(b => b.Toelichting.Split('\n').Select((regel, i) => i == 0 ? $"Verzoek {b.ReferentieAanbieder}: {regel}" : "  " + regel));

    /// <summary>The pre-check as a <see cref="Bestandsverslag"/> (the shape of <c>process --json</c>), with an empty outbox.</summary>
    public Bestandsverslag Verslag(string bestand) =>
        new(bestand, "JW315", null, Uitkomst, [.. Besluiten.Select(Berichtcontext.Verslag)], [], [.. Meldingen]);
}

/// <summary>
/// The provider's pre-check of a file: a JW323 as <see cref="DeclaratieProefnemen"/>, a JW315 through the same
/// engine, state and conventions as <see cref="BerichtVerwerken"/> (the verwijsdatum in the Commentaar, HK-ROUTE-1,
/// included) — in a transaction that is always rolled back, so nothing is journalled, allocated or sent.
/// </summary>
public static class Proefnemen
{
    /// <summary>
    /// Checks <paramref name="inhoud"/> as if received on <paramref name="vandaag"/>: a JW315 gives a
    /// <see cref="Verzoekproef"/>, anything else the <see cref="Declaratieproef"/> of a JW323 (which refuses other messages).
    /// </summary>
    public static (Verzoekproef? Verzoek, Declaratieproef? Declaratie) ProefBestand(this Datastore store, byte[] inhoud, Regelcatalogus catalogus, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(inhoud);
        ArgumentNullException.ThrowIfNull(catalogus);
        var validatie = IjwValidatie.Valideer(inhoud, vandaag);
        if (validatie.Bericht is not VerzoekOmToewijzingBericht jw315)
        {
            return (null, DeclaratieProefnemen.Proef(store, validatie, catalogus, vandaag));
        }

        if (!validatie.IsGeldig)
        {
            return (new Verzoekproef(validatie.Fouten, []), null);
        }

        var bronnen = Bronnen.Laad(store, catalogus, new VasteKlok(vandaag));
        using var tx = store.BeginTransactie();

        // Disposing without Commit rolls back: the pre-check never changes the store.
        return (new Verzoekproef([], Jw315Verwerken.Beslis(tx, jw315, new VerzoekOmToewijzingBeoordelen(bronnen), vandaag, proef: true)), null);
    }
}
