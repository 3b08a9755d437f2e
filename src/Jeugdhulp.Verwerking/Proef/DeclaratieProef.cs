using Jeugdhulp.Core.Declaratie;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Controles;
using Jeugdhulp.Ijw.Retour;

namespace Jeugdhulp.Store.Verwerking;

/// <summary>What a JW323 would get, without anything being booked.</summary>
/// <param name="Fouten">Level 1/2 errors (schema, rules within the message); empty when the message got to level 3.</param>
/// <param name="Oordeel">The assessment of every prestatie; null when the message did not get to level 3.</param>
/// <param name="Jw325">
/// The JW325 the municipality would send (Identificatie "PROEF"); null when the file is no valid iJw
/// message at all (IV032 level 1: no answer is sent).
/// </param>
public sealed record Declaratieproef(IReadOnlyList<Fout> Fouten, Declaratieoordeel? Oordeel, DeclaratieAntwoordbericht? Jw325)
{
    /// <summary>Dutch lines for people: the refusals with code, rule and reason, the summary and the signals.</summary>
    public IEnumerable<string> Meldingen => Oordeel is { } o ? DeclaratieRouteren.Meldingen(o, int.MaxValue) : Fouten.Select(f => f.ToString());

    /// <summary>
    /// The file outcome as <c>process</c> reports a JW323 (<see cref="Uitkomsten"/>): <c>invalid</c> when the
    /// message did not get to level 3, <c>accepted</c> when every prestatie would be approved, otherwise <c>rejected</c>.
    /// </summary>
    public string Uitkomst => Oordeel is null ? Uitkomsten.Invalid : Oordeel.IsVolledigToegekend ? Uitkomsten.Accepted : Uitkomsten.Rejected;

    /// <summary>
    /// The pre-check as a <see cref="Bestandsverslag"/> for <paramref name="bestand"/> (the shape of
    /// <c>process --json</c>): outcome, the Dutch lines as reasons and an empty outbox, since nothing is sent.
    /// </summary>
    public Bestandsverslag Verslag(string bestand) =>
        new(bestand, Jw325 is null ? null : "JW323", Jw325?.Header.DeclaratieIdentificatie?.Identificatie, Uitkomst, [], [], [.. Meldingen]);
}

/// <summary>
/// The provider's pre-check (issue 5, item 5): the same checks as <see cref="BerichtVerwerken"/> applies to a
/// JW323, on the same stored state, but nothing is journalled, booked or sent. The state is read inside a
/// transaction that is always rolled back, so not even a bug can leave anything behind. Meant for the CLI
/// (<c>process --proef</c>) and the web API (<c>POST /api/declaraties/proef</c>) alike: message bytes in, assessment out.
/// </summary>
public static class DeclaratieProefnemen
{
    /// <summary>Identificatie of the JW325 of a pre-check: it is never sent.</summary>
    public const string Identificatie = "PROEF";

    /// <summary>Checks <paramref name="inhoud"/> (a JW323) as if received on <paramref name="vandaag"/>.</summary>
    public static Declaratieproef Proef(this Datastore store, byte[] inhoud, Regelcatalogus catalogus, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(inhoud);
        ArgumentNullException.ThrowIfNull(catalogus);
        return Proef(store, IjwValidatie.Valideer(inhoud, vandaag), catalogus, vandaag);
    }

    /// <summary>As <see cref="Proef(Datastore, byte[], Regelcatalogus, DateOnly)"/> on a message already read and checked.</summary>
    internal static Declaratieproef Proef(Datastore store, Validatie validatie, Regelcatalogus catalogus, DateOnly vandaag)
    {
        if (validatie.Bericht is not { } bericht)
        {
            return new Declaratieproef(validatie.Fouten, null, null);
        }

        if (bericht is not Declaratiebericht jw323)
        {
            return new Declaratieproef([new Fout("PROEF", $"Een proefdeclaratie is een JW323, geen {bericht.Soort}.")], null, null);
        }

        var gegevens = new Retourgegevens(Identificatie, vandaag, Berichtcontext.XsltVersie);
        if (!validatie.IsGeldig)
        {
            return new Declaratieproef(validatie.Fouten, null, Declaratieantwoordbouwer.Technisch(jw323, gegevens));
        }

        using var tx = store.BeginTransactie();
        var (_, oordeel) = DeclaratieRouteren.Beoordeel(tx, jw323, catalogus, vandaag);

        // Disposing without Commit rolls back: the pre-check never changes the store.
        return new Declaratieproef([], oordeel, Declaratieantwoordbouwer.Bouw(jw323, gegevens, DeclaratieKern.NaarBeoordeling(oordeel)));
    }
}
