using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Jeugdhulp.Web.Schermen;

namespace Jeugdhulp.Web.Tests.Infrastructuur;

/// <summary>
/// A browser-like client of the test host: keeps cookies, does not follow redirects, posts forms with their antiforgery
/// token, and comes from an address of its own (198.18.x.y, the benchmarking range) as a browser on another desk would. The test
/// server gives every request no address at all, so without one all sessions of a host would share one per-address
/// login limit (<see cref="Inlogbegrenzing"/>): the classes that share one host across their tests could not log in
/// more than twenty times a minute. A test of the per-address limit sends its attempts from one session.
/// </summary>
internal sealed partial class Sessie : IDisposable
{
    private static int volgende;

    private Sessie(HttpClient client) => Client = client;

    public HttpClient Client { get; }

    public static Sessie Anoniem(WebApplicationFactory<Program> fabriek)
    {
        ArgumentNullException.ThrowIfNull(fabriek);
        var n = Interlocked.Increment(ref volgende);
        var adres = new IPAddress([198, (byte)(18 + ((n >> 16) & 1)), (byte)(n >> 8), (byte)n]);
        var server = fabriek.Server.CreateHandler(ctx => ctx.Connection.RemoteIpAddress = adres);
        return new(new HttpClient(new CookieContainerHandler { InnerHandler = server }) { BaseAddress = fabriek.Server.BaseAddress });
    }

    public static async Task<Sessie> Ingelogd(WebApplicationFactory<Program> fabriek, string gebruiker, string wachtwoord = Demodata.Wachtwoord)
    {
        var s = Anoniem(fabriek);
        var antwoord = await s.Post("/inloggen", "/inloggen", ("gebruiker", gebruiker), ("wachtwoord", wachtwoord));
        Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
        return s;
    }

    public Task<HttpResponseMessage> Get(string pad) => Client.GetAsync(new Uri(pad, UriKind.Relative));

    public async Task<string> Tekst(string pad)
    {
        var antwoord = await Get(pad);
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        return await antwoord.Content.ReadAsStringAsync();
    }

    /// <summary>Posts to <paramref name="pad"/> with the form token of the page at <paramref name="formulierPagina"/>.</summary>
    public async Task<HttpResponseMessage> Post(string pad, string formulierPagina, params (string Naam, string Waarde)[] velden) =>
        await PostZonderToken(pad, [.. velden, ("__formulier", await Formuliertoken(formulierPagina))]);

    /// <summary>The antiforgery token of the form on the page at <paramref name="formulierPagina"/>.</summary>
    public async Task<string> Formuliertoken(string formulierPagina)
    {
        var pagina = await (await Get(formulierPagina)).Content.ReadAsStringAsync();
        var token = TokenPatroon().Match(pagina);
        Assert.True(token.Success, $"geen formuliertoken op {formulierPagina}");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    public Task<HttpResponseMessage> PostZonderToken(string pad, params (string Naam, string Waarde)[] velden) =>
        Client.PostAsync(new Uri(pad, UriKind.Relative), new FormUrlEncodedContent(velden.Select(v => KeyValuePair.Create(v.Naam, v.Waarde))));

    public static IEnumerable<string> Links(string html, string prefix) =>
        LinkPatroon().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Where(h => h.StartsWith(prefix, StringComparison.Ordinal));

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__formulier\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPatroon();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex LinkPatroon();
}
