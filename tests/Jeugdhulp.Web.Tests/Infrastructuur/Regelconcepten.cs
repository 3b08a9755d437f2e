using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Jeugdhulp.Web.Tests.Infrastructuur;

/// <summary>The confirmation step of a typed rule form (issue 20, item 3), as a policy user goes through it.</summary>
internal static partial class Regelconcepten
{
    public const string Formulier = "/regelwijzigingen/nieuw";

    /// <summary>
    /// Posts a typed form of the draft page <paramref name="pagina"/>; asserts the confirmation step and returns its page
    /// as sent (HTML-encoded: <see cref="Bevestig"/> reads its hidden fields).
    /// </summary>
    public static async Task<string> Controleer(Sessie s, string pagina, params (string Naam, string Waarde)[] velden)
    {
        var antwoord = await s.Post(Formulier, pagina, velden);
        var html = await antwoord.Content.ReadAsStringAsync();
        Assert.True(antwoord.StatusCode == HttpStatusCode.OK, $"{antwoord.StatusCode}: {WebUtility.HtmlDecode(Regex.Match(html, "<div class=\"fout\"[\\s\\S]*?</div>").Value)}");
        Assert.Contains("Bevestigen en bewaren", html, StringComparison.Ordinal);
        Assert.Contains("Terug naar het formulier", html, StringComparison.Ordinal);
        return html;
    }

    /// <summary>Confirms the checked draft on <paramref name="bevestiging"/> (its hidden fields); the new version's id.</summary>
    public static async Task<long> Bevestig(Sessie s, string pagina, string bevestiging)
    {
        var antwoord = await s.Post(Formulier, pagina, [.. Velden(bevestiging), ("stap", "bevestigen")]);
        Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
        var pad = antwoord.Headers.Location!.OriginalString;
        return long.Parse(pad["/regelwijzigingen/".Length..], CultureInfo.InvariantCulture);
    }

    /// <summary>Takes "Terug naar het formulier" on <paramref name="bevestiging"/>: the form again (decoded), with what was entered.</summary>
    public static async Task<string> Terug(Sessie s, string pagina, string bevestiging)
    {
        var antwoord = await s.Post(Formulier, pagina, [.. Velden(bevestiging), ("stap", "terug")]);
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        return WebUtility.HtmlDecode(await antwoord.Content.ReadAsStringAsync());
    }

    /// <summary>The hidden fields of the confirmation form (the token excepted: a post brings its own).</summary>
    private static List<(string, string)> Velden(string bevestiging) =>
        [.. Verborgen().Matches(bevestiging.Split("id=\"bevestig-kop\"")[1])
            .Select(m => (m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value))).Where(v => v.Item1 != "__formulier")];

    [GeneratedRegex("<input type=\"hidden\" name=\"([a-zA-Z_]+)\" value=\"([^\"]*)\"")]
    private static partial Regex Verborgen();
}
