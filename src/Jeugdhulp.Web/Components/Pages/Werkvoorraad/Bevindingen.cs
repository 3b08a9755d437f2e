using Jeugdhulp.Store.Bevindingen;

namespace Jeugdhulp.Web.Components.Pages.Werkvoorraad;

/// <summary>One of the engine's review points on a request: the rule that asked for a person and why, in Dutch.</summary>
public sealed record Bevinding(string? Regel, string Tekst);

/// <summary>
/// The one place the pages read the engine's review points from: the findings stored with the decision
/// (rule id, outcome, parameters; the Dutch text rendered from Core's one text table), never the explanation's text.
/// </summary>
public static class Bevindingen
{
    public static IReadOnlyList<Bevinding> Van(IEnumerable<OpgeslagenBevinding> opgeslagen) =>
        [.. opgeslagen.Where(b => b.Soort == "bevinding" && b.Uitkomst == "review").Select(b => new Bevinding(b.RegelId, b.Tekst))];
}
