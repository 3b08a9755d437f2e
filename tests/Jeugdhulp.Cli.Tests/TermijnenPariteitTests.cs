using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Termijnen;
using Jeugdhulp.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Jeugdhulp.Cli.Tests;

/// <summary>
/// Issue 18's parity test: in the demo region of <c>serve --demo</c>, for each of the five municipalities, the
/// Termijnen page (walked page by page, as a person sees it) and its CSV export list exactly the obligations
/// of <c>jeugdhulp termijnen --gemeente</c> — no kind dropped (no-show decisions, JW317 lead times,
/// unanswered messages), none added; and those rows are <c>TermijnenBewaken.Open</c> on the municipality's whole state.
/// </summary>
// Slow lane: generates the demo region and runs the web host on Kestrel.
[Trait("Baan", "Traag")]
public sealed partial class TermijnenPariteitTests(ServeDemoregio demo) : IClassFixture<ServeDemoregio>
{
    private static string Datum => ServeOpdracht.Demodatum.ToString("yyyy-MM-dd");

    [Fact]
    public async Task Per_gemeente_toont_de_pagina_en_haar_export_precies_de_termijnen_van_de_cli()
    {
        Assert.Equal(0, demo.Code);
        var app = Webapp.Bouw("http://127.0.0.1:0", Hostopties.AlsConfiguratie(new Webopties(demo.Data, null, Path.Combine(Paden.RepoRoot, "rules", "flevoland"), ServeOpdracht.Demodatum)));
        await using var _ = app;
        var accounts = ServeOpdracht.MaakDemoAccounts(app.Services.GetRequiredService<Backoffice>());
        await app.StartAsync();
        var basis = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        try
        {
            Assert.Equal(5, accounts.Count);
            var soorten = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (_, gebruiker) in accounts)
            {
                using var http = await Ingelogd(basis, gebruiker);
                var gemeente = app.Services.GetRequiredService<Backoffice>().Store.ZoekMedewerker(gebruiker)!.Gemeente.Waarde;

                var (code, uit, fout) = Pijplijn.Run("termijnen", "--data", demo.Data, "--today", Datum, "--gemeente", gemeente, "--json");
                Assert.True(code == 0, fout);
                var cli = uit.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(r => JsonDocument.Parse(r).RootElement).ToList();
                soorten.UnionWith(cli.Select(e => e.GetProperty("regel").GetString()!));

                // The page, every page of it: date, reference, client and rule of each row.
                var verwacht = cli.Select(e => string.Join("|",
                    DateOnly.ParseExact(e.GetProperty("vervaldatum").GetString()!, "yyyy-MM-dd").ToString("dd-MM-yyyy"),
                    e.GetProperty("referentie").GetString() is { Length: > 0 } r ? r : "—",
                    e.GetProperty("client").ValueKind == JsonValueKind.Null ? "-" : e.GetProperty("client").GetString(),
                    e.GetProperty("regel").GetString())).Order(StringComparer.Ordinal).ToList();
                var pagina = await Rijen(http, $"/termijnen?datum={Datum}");
                Assert.Equal(verwacht, pagina.Order(StringComparer.Ordinal).ToList());

                // The export: the same rows with the CLI's own fields.
                var csv = Encoding.UTF8.GetString(await http.GetByteArrayAsync(new Uri($"/termijnen/export.csv?datum={Datum}", UriKind.Relative))).TrimStart('\uFEFF');
                var export = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(r => r.Split(';'))
                    .Select(c => string.Join("|", c[0], c[5], c[7], c[8], c[9] == "signaal")).Order(StringComparer.Ordinal).ToList();
                var verwachtExport = cli.Select(e => string.Join("|", e.GetProperty("vervaldatum").GetString(), e.GetProperty("referentie").GetString(),
                    e.GetProperty("client").ValueKind == JsonValueKind.Null ? "" : e.GetProperty("client").GetString(), e.GetProperty("regel").GetString(),
                    e.GetProperty("advies").GetBoolean())).Order(StringComparer.Ordinal).ToList();
                Assert.Equal(verwachtExport, export);

                // Page, export and CLI read the deadline rows (issue 18); the rows are the computation on the whole state.
                var b = app.Services.GetRequiredService<Backoffice>();
                var berekend = b.Store.LeesOpenVerplichtingen(b.Regels, ServeOpdracht.Demodatum, Core.Waarden.Gemeentecode.Parse(gemeente).Waarde)
                    .Select(v => string.Join("|", v.Vervaldatum.ToString("yyyy-MM-dd"), v.Referentie, v.Client?.Gemaskeerd ?? "", v.Regel, v.Advies))
                    .Order(StringComparer.Ordinal).ToList();
                Assert.Equal(berekend, verwachtExport);
            }

            // The region has several kinds, so the parity is not about one list shape.
            Assert.True(soorten.Count >= 3, string.Join(", ", soorten));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    /// <summary>Follows the pager from <paramref name="pad"/> to the last page; one "date|reference|client|rule" per row.</summary>
    private static async Task<List<string>> Rijen(HttpClient http, string pad)
    {
        var rijen = new List<string>();
        string? volgende = pad;
        var paginas = 0;
        while (volgende is not null)
        {
            var html = await http.GetStringAsync(new Uri(volgende, UriKind.Relative));
            paginas++;
            var tabel = html[html.LastIndexOf("<table>", StringComparison.Ordinal)..];
            foreach (Match rij in RijPatroon().Matches(tabel[tabel.IndexOf("<tbody>", StringComparison.Ordinal)..]))
            {
                var cellen = CelPatroon().Matches(rij.Groups[1].Value).Select(c => WebUtility.HtmlDecode(TagPatroon().Replace(c.Groups[1].Value, "")).Trim()).ToList();
                rijen.Add(string.Join("|", cellen[0], cellen[4], cellen[6], cellen[7].Replace(" signaal", "", StringComparison.Ordinal).Trim()));
            }

            volgende = VolgendePatroon().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
            Assert.True(paginas < 100, "de pager houdt niet op");
        }

        return rijen;
    }

    private static async Task<HttpClient> Ingelogd(Uri basis, string gebruiker)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = basis };
        var formulier = await http.GetStringAsync(new Uri("/inloggen", UriKind.Relative));
        var token = WebUtility.HtmlDecode(TokenPatroon().Match(formulier).Groups[1].Value);
        using var inhoud = new FormUrlEncodedContent([KeyValuePair.Create("gebruiker", gebruiker), KeyValuePair.Create("wachtwoord", ServeOpdracht.DemoWachtwoord(gebruiker)),
            KeyValuePair.Create("__formulier", token)]);
        var antwoord = await http.PostAsync(new Uri("/inloggen", UriKind.Relative), inhoud);
        Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
        return http;
    }

    [GeneratedRegex("name=\"__formulier\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPatroon();

    [GeneratedRegex("<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RijPatroon();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CelPatroon();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPatroon();

    [GeneratedRegex("<a href=\"([^\"]+)\" rel=\"next\"")]
    private static partial Regex VolgendePatroon();
}
