using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Regelversies;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Watals;

namespace Jeugdhulp.Store.Regelversies;

/// <summary>
/// The what-if replay of one draft rule version (issue 20, items 2 and 3): the rules in force are the rule folder with
/// every published version; the draft rule set is the same with the draft laid on top. A draft whose own
/// <c>geldigVanaf</c> lies after the period's first day is tried as if in force from that day: the question is what it
/// would have done to the period's decisions, and a start date in the future would otherwise answer "nothing".
/// </summary>
public static class ConceptAfspelen
{
    /// <summary>The replay's report, or why it could not run (the draft no longer loads, the period is wrong).</summary>
    public static Resultaat<Watalsverslag> SpeelConcept(this Datastore store, IReadOnlyList<RegelBestand> basis, Regelversie concept, DateOnly van, DateOnly tot)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(concept);
        var gepubliceerd = store.GepubliceerdeRegelversies();
        var huidig = Regellagen.Laad(basis, gepubliceerd);
        if (!huidig.TryGet(out var geldend))
        {
            return Resultaat<Watalsverslag>.Mislukt(huidig.Fouten);
        }

        var vanaf = concept.GeldigVanaf > van ? van : concept.GeldigVanaf;
        var metConcept = Regellagen.Laad(basis, [.. gepubliceerd.Where(v => v.Id != concept.Id), concept with { GeldigVanaf = vanaf, GepubliceerdOp = null, GepubliceerdDoor = null }]);
        return metConcept.TryGet(out var conceptregels)
            ? store.Speel(geldend, conceptregels, van, tot)
            : Resultaat<Watalsverslag>.Mislukt(metConcept.Fouten);
    }
}
