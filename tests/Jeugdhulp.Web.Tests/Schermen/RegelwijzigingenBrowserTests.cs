using System.Text.RegularExpressions;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Web.Tests.Infrastructuur;
using Microsoft.Playwright;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>
/// Issue 20, item 3 in a real Chromium: a policy user drafts a lower limit for product 45F11, is refused a broken edit
/// (rule and field named), fixes it in the typed form, replays the what-if (the demo's approved 45F11 requests now cross
/// the limit), and a second policy user publishes it after a confirmation step. Screenshot and axe check on every page.
/// </summary>
[Trait("Baan", "Traag")]
public sealed partial class RegelwijzigingenBrowserTests : IAsyncLifetime
{
    private Kestrelhost? host;

    public async Task InitializeAsync() => host = await Kestrelhost.Start(b =>
    {
        Demodata.Laad(b);
        Demodata.Account(b, "nop-beleid", Demodata.Nop, Medewerkerrol.Beleid);
        Demodata.Account(b, "urk-beleid", Demodata.Urk, Medewerkerrol.Beleid);
    });

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    // The host's login (120 s for the first navigation: a CI run of 2026-12-06 passed Playwright's 30 s here while the
    // other browser classes started their hosts), then the policy role's start page.
    private async Task<IPage> Ingelogd(IBrowser browser, string gebruiker)
    {
        var page = await host!.Inloggen(browser, gebruiker);
        await page.WaitForURLAsync("**/regels");
        return page;
    }

    [BrowserFact]
    public async Task Concept_wat_als_en_publicatie_door_een_tweede_beleidsmedewerker()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Kestrelhost.Chromium(playwright);

        // The author opens the rule changes from the menu and starts a draft of product 45F11.
        var auteur = await Ingelogd(browser, "nop-beleid");
        await auteur.GetByRole(AriaRole.Link, new() { Name = "Regelwijzigingen" }).ClickAsync();
        await Assertions.Expect(auteur.GetByRole(AriaRole.Heading, new() { Name = "Regelwijzigingen", Exact = true })).ToBeVisibleAsync();
        await Toegankelijkheid.FotoEnControle(auteur, "regelwijzigingen-00-lijst");
        await auteur.GetByLabel("Soort regel").SelectOptionAsync("product");
        await auteur.GetByLabel("Welke (code, id of paar; leeg voor een nieuwe)").FillAsync("45F11");
        await auteur.GetByRole(AriaRole.Button, new() { Name = "Concept opstellen" }).ClickAsync();
        await Assertions.Expect(auteur.GetByRole(AriaRole.Heading, new() { Name = "Grenzen van het product" })).ToBeVisibleAsync();
        await Toegankelijkheid.FotoEnControle(auteur, "regelwijzigingen-01-conceptformulier");

        // A broken edit in the JSON: refused, naming the draft's file, key, line, the loader's rule and the field.
        var json = auteur.Locator("textarea#inhoud");
        await json.FillAsync(GrensPatroon().Replace(await json.InputValueAsync(), "\"maxUren\": -3"));
        await auteur.Locator("form[aria-labelledby=json-kop]").GetByRole(AriaRole.Button, new() { Name = "Concept bewaren" }).ClickAsync();
        var fout = auteur.GetByRole(AriaRole.Alert);
        await Assertions.Expect(fout).ToContainTextAsync("Het concept is niet bewaard");
        await Assertions.Expect(fout).ToContainTextAsync(new Regex(@"concept \(producten\.json, 45F11\), regel \d+: REGEL-[A-Z]+: .*maxUren"));
        await Toegankelijkheid.FotoEnControle(auteur, "regelwijzigingen-02-geweigerd");

        // Fixed in the typed form: every guideline maximum 1 hour.
        var velden = auteur.Locator("input[name^=maxUren-]");
        Assert.True(await velden.CountAsync() > 0);
        for (var i = 0; i < await velden.CountAsync(); i++)
        {
            await velden.Nth(i).FillAsync("1");
        }

        await auteur.GetByLabel("Toelichting").First.FillAsync("Lagere grens voor diagnostiek");
        await auteur.Locator("form[aria-labelledby=grenzen-kop]").GetByRole(AriaRole.Button, new() { Name = "Controleren…" }).ClickAsync();
        await Assertions.Expect(auteur.GetByRole(AriaRole.Heading, new() { Name = "Controleren en bewaren" })).ToBeVisibleAsync();
        await Assertions.Expect(auteur.Locator("pre.json")).ToContainTextAsync("\"maxUren\": 1");
        await Assertions.Expect(auteur.GetByRole(AriaRole.Button, new() { Name = "Terug naar het formulier" })).ToBeVisibleAsync();
        await Toegankelijkheid.FotoEnControle(auteur, "regelwijzigingen-03-controleren");
        await auteur.GetByRole(AriaRole.Button, new() { Name = "Bevestigen en bewaren" }).ClickAsync();
        await auteur.WaitForURLAsync(new Regex(@"/regelwijzigingen/\d+$"));
        var conceptpagina = auteur.Url;
        await Assertions.Expect(auteur.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Concept \\d+") })).ToBeVisibleAsync();
        await Assertions.Expect(auteur.GetByRole(AriaRole.Status)).ToContainTextAsync("U heeft dit concept zelf opgesteld");
        await Toegankelijkheid.FotoEnControle(auteur, "regelwijzigingen-04-concept");

        // The what-if: the demo's approved 45F11 requests cross the lower limit (approved → review, HK-PRD-3).
        await auteur.GetByRole(AriaRole.Button, new() { Name = "Wat als afspelen" }).ClickAsync();
        await Assertions.Expect(auteur.GetByRole(AriaRole.Heading, new() { Name = "Samenvatting" })).ToBeVisibleAsync();
        var tabel = auteur.Locator("main table");
        await Assertions.Expect(tabel).ToContainTextAsync("HK-PRD-3");
        await Assertions.Expect(tabel).ToContainTextAsync("45F11");
        await Assertions.Expect(auteur.GetByRole(AriaRole.Link, new() { Name = "Download CSV" })).ToBeVisibleAsync();
        await Toegankelijkheid.FotoEnControle(auteur, "regelwijzigingen-05-watals");

        // A second policy user publishes it, after a confirmation step with a way back.
        var collega = await Ingelogd(browser, "urk-beleid");
        await collega.GotoAsync(conceptpagina);
        await collega.GetByRole(AriaRole.Button, new() { Name = "Publiceren…" }).ClickAsync();
        await Assertions.Expect(collega.GetByRole(AriaRole.Link, new() { Name = "Terug" })).ToBeVisibleAsync();
        await Toegankelijkheid.FotoEnControle(collega, "regelwijzigingen-06-publiceren-bevestigen");
        await collega.GetByRole(AriaRole.Button, new() { Name = "Bevestigen en publiceren" }).ClickAsync();
        await Assertions.Expect(collega.Locator("dl.gegevens")).ToContainTextAsync("gepubliceerd");
        await Assertions.Expect(collega.Locator("dl.gegevens")).ToContainTextAsync("urk-beleid");
        await Toegankelijkheid.FotoEnControle(collega, "regelwijzigingen-07-gepubliceerd");
        var id = conceptpagina[(conceptpagina.LastIndexOf('/') + 1)..];
        await collega.GetByRole(AriaRole.Link, new() { Name = "← Regelwijzigingen" }).ClickAsync();
        await Assertions.Expect(collega.GetByText("Regelset in gebruik:")).ToContainTextAsync($"+v{id}.");
        await Toegankelijkheid.FotoEnControle(collega, "regelwijzigingen-08-lijst-gepubliceerd");

        // The typed forms of the policy parameters and of an age limit (its exceptions as checkboxes), a refused age limit.
        await auteur.GotoAsync(host!.Basis + "/regelwijzigingen/nieuw?soort=beleid&sleutel=beleid");
        await Assertions.Expect(auteur.GetByRole(AriaRole.Heading, new() { Name = "Beleidsparameters", Exact = true })).ToBeVisibleAsync();
        await Toegankelijkheid.FotoEnControle(auteur, "regelwijzigingen-09-beleid");
        await auteur.GotoAsync(host!.Basis + "/regelwijzigingen/nieuw?soort=leeftijd&sleutel=MULTI");
        await auteur.GetByRole(AriaRole.Checkbox, new() { Name = "ouderMetOpvoedvraag" }).UncheckAsync();
        await auteur.GetByLabel("Maximumleeftijd (de eerste leeftijd die niet meer mag)").FillAsync("0");
        await auteur.Locator("form[aria-labelledby=velden-kop]").GetByRole(AriaRole.Button, new() { Name = "Controleren…" }).ClickAsync();
        await Assertions.Expect(auteur.GetByRole(AriaRole.Alert)).ToContainTextAsync(new Regex(@"concept \(leeftijd\.json, MULTI\), regel \d+: REGEL-WAARDE: maxLeeftijd 0"));
        await Assertions.Expect(auteur.GetByRole(AriaRole.Checkbox, new() { Name = "ouderMetOpvoedvraag" })).Not.ToBeCheckedAsync();
        await Toegankelijkheid.FotoEnControle(auteur, "regelwijzigingen-10-leeftijd-geweigerd");
    }

    [GeneratedRegex("\"maxUren\": \\d+")]
    private static partial Regex GrensPatroon();
}
