using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Regelversies;

/// <summary>
/// Whether a draft rule version may be published by <c>publiceerder</c> (issue 20, item 3): never by its author
/// (four eyes), never twice, and only when it still loads on top of every version published since it was drafted.
/// The result is the catalogue the service swaps to.
/// </summary>
public static class Publiceren
{
    /// <summary>
    /// The rule set after publishing <paramref name="concept"/> at <paramref name="op"/>, or why not: <c>REGEL-VIEROGEN</c>
    /// (the publisher drafted it), <c>REGEL-GEPUBLICEERD</c> (already published), or the loader's errors naming the
    /// draft's field.
    /// </summary>
    public static Resultaat<Regelcatalogus> Beoordeel(Regelversie concept, string publiceerder, DateTimeOffset op,
        IReadOnlyList<RegelBestand> basis, IReadOnlyList<Regelversie> gepubliceerd)
    {
        ArgumentNullException.ThrowIfNull(concept);
        ArgumentException.ThrowIfNullOrWhiteSpace(publiceerder);
        ArgumentNullException.ThrowIfNull(gepubliceerd);
        if (concept.IsGepubliceerd)
        {
            return Resultaat<Regelcatalogus>.Mislukt("REGEL-GEPUBLICEERD",
                $"concept {concept.Id} is al gepubliceerd door {concept.GepubliceerdDoor}", $"concept {concept.Id}");
        }

        if (string.Equals(concept.Auteur, publiceerder, StringComparison.OrdinalIgnoreCase))
        {
            return Resultaat<Regelcatalogus>.Mislukt("REGEL-VIEROGEN",
                "wie een concept opstelt, publiceert het niet zelf: een tweede medewerker van beleid kijkt het na en publiceert (vier ogen)", $"concept {concept.Id}");
        }

        return Regellagen.Laad(basis, [.. gepubliceerd.OrderBy(v => v.Id), concept with { GepubliceerdDoor = publiceerder, GepubliceerdOp = op }]);
    }
}
