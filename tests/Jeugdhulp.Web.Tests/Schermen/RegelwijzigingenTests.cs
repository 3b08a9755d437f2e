using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Jeugdhulp.Core.Regelversies;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Regelversies;
using Jeugdhulp.Web.Tests.Infrastructuur;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>
/// The rule-change pages (issue 20, item 3) for the policy role: list, draft form, a refused draft, the what-if page and
/// its downloads, publication refused for the author and done by a second policy user; refused for a medewerker. One host
/// for the class (<see cref="Demohost"/>): every test drafts a version of its own, and none asserts the exact label in force.
/// </summary>
public sealed partial class RegelwijzigingenTests : IClassFixture<Demohost>
{
    private readonly Webfabriek fabriek;

    public RegelwijzigingenTests(Demohost demo)
    {
        fabriek = demo.Fabriek;
        Demodata.Account(fabriek.Backoffice, "nop-beleid", Demodata.Nop, Medewerkerrol.Beleid);
        Demodata.Account(fabriek.Backoffice, "urk-beleid", Demodata.Urk, Medewerkerrol.Beleid);
    }

    private string Vanaf => fabriek.Backoffice.Vandaag.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Product 45F11 as in force, with every guideline maximum set to <paramref name="maxUren"/>.</summary>
    private string Diagnostiek(string maxUren) =>
        GrensPatroon().Replace(Regellagen.Item(fabriek.Backoffice.Basisregels, [], Regelsoort.Product, "45F11", fabriek.Backoffice.Vandaag)!, $"\"maxUren\": {maxUren}");

    /// <summary>Saves a draft of 45F11 through the JSON form; the response (a redirect to the draft when it loads).</summary>
    private static Task<HttpResponseMessage> BewaarJson(Sessie s, string inhoud, string vanaf) =>
        s.Post("/regelwijzigingen/nieuw", "/regelwijzigingen/nieuw?soort=product&sleutel=45F11",
            ("soort", "product"), ("sleutel", "45F11"), ("inhoud", inhoud), ("geldigVanaf", vanaf), ("toelichting", "test"));

    private static long Id(HttpResponseMessage antwoord)
    {
        Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
        var pad = antwoord.Headers.Location!.OriginalString;
        Assert.StartsWith("/regelwijzigingen/", pad, StringComparison.Ordinal);
        return long.Parse(pad["/regelwijzigingen/".Length..], CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task De_lijst_toont_de_regelset_in_gebruik_en_de_versies_met_auteur()
    {
        using var beleid = await Sessie.Ingelogd(fabriek, "nop-beleid");
        var id = Id(await BewaarJson(beleid, Diagnostiek("25"), Vanaf));

        var html = WebUtility.HtmlDecode(await beleid.Tekst("/regelwijzigingen"));

        Assert.Contains($"Regelset in gebruik: {fabriek.Backoffice.Regels.Versie}.", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/regelwijzigingen/{id}\">{id}</a>", html, StringComparison.Ordinal);
        Assert.Contains("<td>nop-beleid</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Het_conceptformulier_van_een_product_heeft_de_grenzen_getypt_en_als_json()
    {
        using var beleid = await Sessie.Ingelogd(fabriek, "nop-beleid");

        var html = WebUtility.HtmlDecode(await beleid.Tekst("/regelwijzigingen/nieuw?soort=product&sleutel=45F11"));

        Assert.Contains("Grenzen van het product", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"maxUren-0\">Maximum uren, richtlijn", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"maxDuurMaanden\">Maximale duur (maanden)</label>", html, StringComparison.Ordinal);
        Assert.Contains("\"code\": \"45F11\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Vanaf}\"", html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(html, "name=\"__formulier\"", RegexOptions.None) - 1);
    }

    [Fact]
    public async Task Een_kapot_concept_wordt_geweigerd_met_regel_en_veld_en_niet_bewaard()
    {
        using var beleid = await Sessie.Ingelogd(fabriek, "nop-beleid");
        var voor = fabriek.Backoffice.Store.LeesRegelversies().Count;

        var antwoord = await BewaarJson(beleid, Diagnostiek("-3"), Vanaf);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, antwoord.StatusCode);
        var html = WebUtility.HtmlDecode(await antwoord.Content.ReadAsStringAsync());
        Assert.Contains("Het concept is niet bewaard", html, StringComparison.Ordinal);
        Assert.Matches(@"concept \(producten\.json, 45F11\), regel \d+: REGEL-[A-Z]+: [^<]*maxUren", html);
        Assert.Equal(voor, fabriek.Backoffice.Store.LeesRegelversies().Count);
    }

    [Fact]
    public async Task Het_getypte_formulier_weigert_een_grens_die_geen_heel_getal_is()
    {
        using var beleid = await Sessie.Ingelogd(fabriek, "nop-beleid");

        var antwoord = await beleid.Post("/regelwijzigingen/nieuw", "/regelwijzigingen/nieuw?soort=product&sleutel=45F11",
            ("soort", "product"), ("sleutel", "45F11"), ("vorm", "grenzen"), ("inhoud", Diagnostiek("30")), ("maxUren-0", "twee"),
            ("geldigVanaf", Vanaf));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, antwoord.StatusCode);
        Assert.Contains("'twee' bij maximum uren is geen heel getal groter dan 0.", WebUtility.HtmlDecode(await antwoord.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wat_als_toont_de_besluiten_die_de_lagere_grens_kruisen_met_csv_en_excel()
    {
        using var beleid = await Sessie.Ingelogd(fabriek, "nop-beleid");
        const string Pagina = "/regelwijzigingen/nieuw?soort=product&sleutel=45F11";
        var bevestiging = await Regelconcepten.Controleer(beleid, Pagina,
            ("soort", "product"), ("sleutel", "45F11"), ("vorm", "grenzen"), ("inhoud", Diagnostiek("30")), ("maxUren-0", "1"),
            ("maxUren-1", "1"), ("geldigVanaf", Vanaf));
        var id = await Regelconcepten.Bevestig(beleid, Pagina, bevestiging);
        Assert.Contains("\"maxUren\": 1", fabriek.Backoffice.Store.LeesRegelversie(id)!.Inhoud, StringComparison.Ordinal);

        var html = WebUtility.HtmlDecode(await beleid.Tekst($"/regelwijzigingen/{id}/watals"));
        var csv = await beleid.Get($"/regelwijzigingen/{id}/watals.csv");
        var xlsx = await beleid.Get($"/regelwijzigingen/{id}/watals.xlsx");

        Assert.Contains("<h2>Samenvatting</h2>", html, StringComparison.Ordinal);
        Assert.Contains("45F11", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Het concept verandert geen besluit", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains("45F11", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync())[..2]);
    }

    [Fact]
    public async Task De_auteur_kan_niet_publiceren_een_tweede_beleidsmedewerker_wel_na_bevestiging()
    {
        using var auteur = await Sessie.Ingelogd(fabriek, "nop-beleid");
        var id = Id(await BewaarJson(auteur, Diagnostiek("28"), "2099-01-01"));
        var pagina = $"/regelwijzigingen/{id}";

        var zelf = await auteur.Post($"{pagina}/publiceren", pagina, ("stap", "bevestigen"));
        Assert.Equal(HttpStatusCode.Conflict, zelf.StatusCode);
        Assert.Contains("REGEL-VIEROGEN", await zelf.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(fabriek.Backoffice.Store.LeesRegelversie(id)!.IsGepubliceerd);
        Assert.Contains("U heeft dit concept zelf opgesteld", WebUtility.HtmlDecode(await auteur.Tekst(pagina)), StringComparison.Ordinal);

        using var collega = await Sessie.Ingelogd(fabriek, "urk-beleid");
        var controle = WebUtility.HtmlDecode(await (await collega.Post($"{pagina}/publiceren", pagina, ("stap", "controleren"))).Content.ReadAsStringAsync());
        Assert.Contains("Bevestigen en publiceren", controle, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{pagina}\" class=\"knop secundair\">Terug</a>", controle, StringComparison.Ordinal);
        Assert.False(fabriek.Backoffice.Store.LeesRegelversie(id)!.IsGepubliceerd);

        var bevestigd = await collega.Post($"{pagina}/publiceren", pagina, ("stap", "bevestigen"));

        Assert.Equal(HttpStatusCode.Redirect, bevestigd.StatusCode);
        var versie = fabriek.Backoffice.Store.LeesRegelversie(id)!;
        Assert.Equal(("urk-beleid", "nop-beleid"), (versie.GepubliceerdDoor, versie.Auteur));
        Assert.EndsWith(string.Create(CultureInfo.InvariantCulture, $"+v{id}"), fabriek.Backoffice.Regels.Versie, StringComparison.Ordinal);
        Assert.Contains("<dt>Status</dt><dd>gepubliceerd</dd>", await collega.Tekst(pagina), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zonder_formuliertoken_wordt_niets_bewaard()
    {
        using var beleid = await Sessie.Ingelogd(fabriek, "nop-beleid");
        var voor = fabriek.Backoffice.Store.LeesRegelversies().Count;

        var antwoord = await beleid.PostZonderToken("/regelwijzigingen/nieuw", ("soort", "product"), ("inhoud", Diagnostiek("20")), ("geldigVanaf", Vanaf));

        Assert.NotEqual(HttpStatusCode.Redirect, antwoord.StatusCode);
        Assert.Equal(voor, fabriek.Backoffice.Store.LeesRegelversies().Count);
    }

    [Fact]
    public async Task Een_medewerker_mag_geen_concept_zien_opstellen_afspelen_of_publiceren()
    {
        using var beleid = await Sessie.Ingelogd(fabriek, "nop-beleid");
        var id = Id(await BewaarJson(beleid, Diagnostiek("27"), Vanaf));
        using var nop = await Sessie.Ingelogd(fabriek, "nop");

        foreach (var pad in new[] { "/regelwijzigingen", "/regelwijzigingen/nieuw?soort=product", $"/regelwijzigingen/{id}", $"/regelwijzigingen/{id}/watals", $"/regelwijzigingen/{id}/watals.csv" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await nop.Get(pad)).StatusCode);
        }

        var post = await nop.PostZonderToken($"/regelwijzigingen/{id}/publiceren", ("stap", "bevestigen"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.False(fabriek.Backoffice.Store.LeesRegelversie(id)!.IsGepubliceerd);
    }

    [GeneratedRegex("\"maxUren\": \\d+")]
    private static partial Regex GrensPatroon();
}
