using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store.Import;
using Jeugdhulp.Store.Toegang;
using Jeugdhulp.Web.Tests.Infrastructuur;

namespace Jeugdhulp.Web.Tests.Api;

/// <summary>The real host with the demo contracts and residents, tokens and helpers to send messages.</summary>
internal sealed class ApiOmgeving : IDisposable
{
    public const string AanbiederA = "01234567";
    public const string AanbiederB = "02345678";
    public const string Noordoostpolder = "0171";
    public const string Almere = "0034";

    public ApiOmgeving(Webfabriek? fabriek = null)
    {
        Fabriek = fabriek ?? new Webfabriek();
        var store = Fabriek.Backoffice.Store;
        Assert.True(store.ImporteerContracten(ContractenCsv.Lees(File.ReadAllText(Demo("contracten.csv"))).Waarde).IsGeldig);
        Assert.True(store.ImporteerInwoners(InwonersCsv.Lees(File.ReadAllText(Demo("inwoners.csv"))).Waarde).IsGeldig);
    }

    public Webfabriek Fabriek { get; }

    public static string Demo(string naam) => Path.Combine(Paden.RepoRoot, "demo", naam);

    public static byte[] Demobericht(string voorvoegsel) =>
        File.ReadAllBytes(Directory.GetFiles(Path.Combine(Paden.RepoRoot, "demo", "berichten"), voorvoegsel + "*.xml").Single());

    /// <summary>Demo message 001 with its own Identificatie and ReferentieAanbieder: a new, distinct request.</summary>
    public static byte[] Variant(int n, string voorvoegsel = "001")
    {
        var tekst = Encoding.UTF8.GetString(Demobericht(voorvoegsel));
        tekst = tekst.Replace("<ijw:Identificatie>DEMO-", $"<ijw:Identificatie>T{n}-", StringComparison.Ordinal)
            .Replace("<ReferentieAanbieder>DEMO-", $"<ReferentieAanbieder>T{n}-", StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(tekst);
    }

    public string Token(Tokensoort soort, string code) => Fabriek.Backoffice.Store.MaakApiToken(soort, code, "test").Geheim;

    public HttpClient Client(string? token)
    {
        var c = Fabriek.CreateClient();
        if (token is not null)
        {
            c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return c;
    }

    public HttpClient Aanbieder(string agb = AanbiederA) => Client(Token(Tokensoort.Aanbieder, agb));

    public HttpClient Gemeente(string cbs = Noordoostpolder) => Client(Token(Tokensoort.Gemeente, cbs));

    public static Uri Pad(string pad) => new(pad, UriKind.Relative);

    public static ByteArrayContent Xml(byte[] inhoud, string type = "application/xml")
    {
        var c = new ByteArrayContent(inhoud);
        c.Headers.ContentType = new MediaTypeHeaderValue(type);
        return c;
    }

    public static async Task<HttpResponseMessage> Stuur(HttpClient client, byte[] bericht) =>
        await client.PostAsync(Pad("/api/v1/berichten"), Xml(bericht));

    public static async Task<JsonElement> Json(HttpResponseMessage antwoord) =>
        JsonDocument.Parse(await antwoord.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>A refusal is ProblemDetails with the status and a Dutch detail.</summary>
    public static async Task<string> Probleem(HttpResponseMessage antwoord, System.Net.HttpStatusCode status)
    {
        Assert.Equal(status, antwoord.StatusCode);
        Assert.Equal("application/problem+json", antwoord.Content.Headers.ContentType?.MediaType);
        var json = await Json(antwoord);
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        var detail = json.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail));
        return detail!;
    }

    /// <summary>
    /// Every API test ends by reading the service's access log: no request line may hold 8 or 9 digits in a row (a
    /// BSN in any spelling; the log masks them) nor any demo resident's BSN.
    /// </summary>
    public void Dispose()
    {
        var regels = Fabriek.Toegangslog;
        Fabriek.Dispose();
        ToegangslogTests.GeenBsn(regels);
    }
}
