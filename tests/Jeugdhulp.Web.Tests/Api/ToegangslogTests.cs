using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jeugdhulp.Store.Toegang;
using Jeugdhulp.Web.Api;
using Jeugdhulp.Web.Tests.Infrastructuur;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Jeugdhulp.Web.Tests.Api.ApiOmgeving;

namespace Jeugdhulp.Web.Tests.Api;

public sealed partial class ToegangslogTests
{
    private const string Bsn = "100002183";

    private static readonly Lazy<string[]> DemoBsns = new(() =>
        [.. File.ReadAllLines(Demo("inwoners.csv")).Skip(1).Select(r => r.Split(',')[0]).Where(b => b.Length > 0)]);

    /// <summary>
    /// No access-log entry holds 8 or 9 digits in a row (in any spelling) or a demo resident's BSN. Called by every
    /// API test when its host stops (<see cref="ApiOmgeving.Dispose"/>), so the whole API suite is checked.
    /// </summary>
    internal static void GeenBsn(IEnumerable<string> regels)
    {
        // The request line: method, path and query (the entry's other fields are the protocol, status and duration).
        var verzoekregels = regels.SelectMany(r => r.Split('\n'))
            .Where(r => r.StartsWith("Path:", StringComparison.Ordinal) || r.StartsWith("QueryString:", StringComparison.Ordinal) || r.StartsWith("Method:", StringComparison.Ordinal));
        var lek = verzoekregels.Where(r => Cijferreeks().IsMatch(r) || DemoBsns.Value.Any(b => r.Contains(b, StringComparison.Ordinal))).ToList();
        Assert.True(lek.Count == 0, "Een BSN in het toegangslog:\n" + string.Join("\n", lek));
    }

    [Fact]
    public async Task Het_toegangslog_noemt_elk_verzoek_maar_maskeert_een_bsn_in_pad_of_query()
    {
        using var omgeving = new ApiOmgeving();
        IReadOnlyList<string> regels;
        using (var gemeente = omgeving.Gemeente())
        using (var aanbieder = omgeving.Aanbieder())
        {
            Assert.Equal(HttpStatusCode.Created, (await Stuur(aanbieder, Demobericht("001"))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await gemeente.PostAsJsonAsync(Pad("/api/v1/clienten/zoeken"), new { bsn = Bsn })).StatusCode);

            // What a client might still do: the removed address, a BSN in a query, with dots or spaces.
            Assert.Equal(HttpStatusCode.Gone, (await gemeente.GetAsync(Pad($"/api/clienten/{Bsn}"))).StatusCode);
            await aanbieder.GetAsync(Pad("/api/v1/berichten/uitgaand?bsn=1000.021.83"));
            await aanbieder.GetAsync(Pad("/api/v1/berichten/uitgaand?bsn=100%20002%20183"));
            await aanbieder.GetAsync(Pad($"/api/v1/bestaat-niet/{Bsn}"));
            regels = omgeving.Fabriek.Toegangslog;
        }

        Assert.True(regels.Count >= 6, string.Join("\n", regels));
        Assert.Contains(regels, r => r.Contains("Path: /api/v1/berichten", StringComparison.Ordinal) && r.Contains("StatusCode: 201", StringComparison.Ordinal));
        Assert.Contains(regels, r => r.Contains("Path: /api/v1/clienten/zoeken", StringComparison.Ordinal));
        Assert.Contains(regels, r => r.Contains("Path: /api/clienten/" + Toegangslog.Masker, StringComparison.Ordinal) && r.Contains("StatusCode: 410", StringComparison.Ordinal));
        Assert.Contains(regels, r => r.Contains("QueryString: ?bsn=" + Toegangslog.Masker, StringComparison.Ordinal));
        GeenBsn(regels);

        // The check ApiOmgeving runs at the end of every API test would fail on an unmasked line.
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => GeenBsn(["Path: /api/clienten/100002183"]));
    }

    [Fact]
    public async Task Geen_bsn_in_enige_logregel_van_de_host()
    {
        using var omgeving = new ApiOmgeving();
        var vanger = new Logvanger();
        using var fabriek = omgeving.Fabriek.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(vanger))));
        using var client = fabriek.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", omgeving.Token(Tokensoort.Gemeente, Noordoostpolder));

        await client.PostAsJsonAsync(Pad("/api/v1/clienten/zoeken"), new { bsn = Bsn });
        await client.PostAsJsonAsync(Pad("/api/v1/clienten/zoeken"), new { bsn = "100002195" });
        await client.GetAsync(Pad($"/api/clienten/{Bsn}"));

        Assert.NotEmpty(vanger.Regels);
        var lek = vanger.Regels.Where(r => r.Contains(Bsn, StringComparison.Ordinal) || r.Contains("100002195", StringComparison.Ordinal)).ToList();
        Assert.True(lek.Count == 0, string.Join("\n", lek));
    }

    [Theory]
    [InlineData("/api/clienten/100002183", "/api/clienten/*********")]
    [InlineData("?bsn=1000.021.83&x=1", "?bsn=*********&x=1")]
    [InlineData("?bsn=100%20002%20183", "?bsn=*********")]
    [InlineData("/x/100-002-183/y", "/x/*********/y")]
    [InlineData("/x/12345678", "/x/*********")]
    [InlineData("/api/v1/berichten/uitgaand/1234567", "/api/v1/berichten/uitgaand/1234567")]
    [InlineData("/api/v1/berichten/1234567890", "/api/v1/berichten/1234567890")]
    public void Maskeer_vervangt_acht_of_negen_cijfers_in_elke_schrijfwijze(string invoer, string verwacht) =>
        Assert.Equal(verwacht, Toegangslog.Maskeer(invoer));

    /// <summary>Kestrel decodes %0A in a path: logged as is, it would start a forged log line.</summary>
    [Theory]
    [InlineData("/api/x\nInformation Jeugdhulp: vals", "/api/x?Information Jeugdhulp: vals")]
    [InlineData("/api/x\r\u2028\u001b[31m", "/api/x???[31m")]
    public void Maskeer_maakt_stuurtekens_zichtbaar_zodat_geen_pad_een_logregel_vervalst(string invoer, string verwacht) =>
        Assert.Equal(verwacht, Toegangslog.Maskeer(invoer));

    [GeneratedRegex(@"(?<!\d)\d(?:(?:[ .\-+_]|%20)?\d){7,8}(?!\d)")]
    private static partial Regex Cijferreeks();
}
