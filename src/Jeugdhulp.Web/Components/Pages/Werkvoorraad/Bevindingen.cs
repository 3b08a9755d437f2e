namespace Jeugdhulp.Web.Components.Pages.Werkvoorraad;

/// <summary>One of the engine's review points on a request: the rule that asked for a person and why, in Dutch.</summary>
public sealed record Bevinding(string? Regel, string Tekst);

/// <summary>
/// The one place the pages read the engine's findings from. Today the engine leaves them in its explanation
/// as lines "Beoordelen op HK-…: text" (Core <c>Beoordeling</c>); when findings are stored as data (rule id,
/// outcome, parameters rendered by one Dutch text table) only this adapter changes.
/// </summary>
public static class Bevindingen
{
    private const string Beoordelen = "Beoordelen op ";

    public static IReadOnlyList<Bevinding> Uit(string toelichting)
    {
        ArgumentNullException.ThrowIfNull(toelichting);
        return [.. toelichting.Split('\n')
            .Where(r => r.StartsWith(Beoordelen, StringComparison.Ordinal))
            .Select(r => r[Beoordelen.Length..].Trim())
            .Select(r => r.IndexOf(": ", StringComparison.Ordinal) is var i and > 0 && r.StartsWith("HK-", StringComparison.Ordinal)
                ? new Bevinding(r[..i], r[(i + 2)..])
                : new Bevinding(null, r))];
    }
}
