using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Web.Tests.Infrastructuur;
using Microsoft.Playwright;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>Roles in a real Chromium: the privacy officer filters the audit view; a medewerker is refused it with a Dutch 403 page.</summary>
[Trait("Baan", "Traag")]
public sealed class RollenBrowserTests : IAsyncLifetime
{
    private Kestrelhost? host;

    public async Task InitializeAsync() => host = await Kestrelhost.Start(b =>
    {
        Demodata.Laad(b);
        Demodata.Account(b, "nop-privacy", Demodata.Nop, Medewerkerrol.Privacy);
    });

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    private static Task<IPage> Pagina(IBrowser browser) => Kestrelhost.NieuwePagina(browser);

    private async Task Inloggen(IPage page, string gebruiker)
    {
        await page.GotoAsync(host!.Basis + "/inloggen");
        await page.GetByLabel("Gebruikersnaam").FillAsync(gebruiker);
        await page.GetByLabel("Wachtwoord").FillAsync(Demodata.Wachtwoord);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
    }

    [BrowserFact]
    public async Task De_privacyfunctionaris_filtert_het_auditlog_en_een_medewerker_krijgt_geen_toegang()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Kestrelhost.Chromium(playwright);

        // A medewerker opens a dossier (audited), then tries the audit view: 403, a Dutch page, no menu entry.
        var medewerker = await Pagina(browser);
        await Inloggen(medewerker, "nop");
        await medewerker.WaitForURLAsync("**/werkvoorraad");
        await medewerker.GetByRole(AriaRole.Link, new() { Name = "Cliënten" }).ClickAsync();
        await medewerker.GetByRole(AriaRole.Link, new() { Name = "Bakker" }).ClickAsync();
        await Assertions.Expect(medewerker.GetByRole(AriaRole.Heading, new() { Name = "Dossier Bakker" })).ToBeVisibleAsync();
        await Assertions.Expect(medewerker.GetByRole(AriaRole.Heading, new() { Name = "Tijdlijn" })).ToBeVisibleAsync();
        await Assertions.Expect(medewerker.Locator("main table").Last).ToContainTextAsync("DEMO-0002");
        await Toegankelijkheid.FotoEnControle(medewerker, "rollen-00-dossier-tijdlijn");
        await Assertions.Expect(medewerker.GetByRole(AriaRole.Link, new() { Name = "Audit" })).ToHaveCountAsync(0);
        var geweigerd = await medewerker.GotoAsync(host!.Basis + "/audit");
        Assert.Equal(403, geweigerd!.Status);
        await Assertions.Expect(medewerker.GetByRole(AriaRole.Heading, new() { Name = "Geen toegang" })).ToBeVisibleAsync();
        await Toegankelijkheid.FotoEnControle(medewerker, "rollen-01-medewerker-geen-toegang");

        // The privacy officer lands on the audit view and filters it on that medewerker and on the client's BSN.
        var privacy = await Pagina(browser);
        await Inloggen(privacy, "nop-privacy");
        await privacy.WaitForURLAsync("**/audit");
        await Assertions.Expect(privacy.GetByRole(AriaRole.Heading, new() { Name = "Auditlog van gemeente Noordoostpolder" })).ToBeVisibleAsync();
        await Assertions.Expect(privacy.GetByRole(AriaRole.Link, new() { Name = "Cliënten" })).ToHaveCountAsync(0);
        await Toegankelijkheid.FotoEnControle(privacy, "rollen-02-auditlog");
        await privacy.GetByLabel("Medewerker").SelectOptionAsync("nop");
        await privacy.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).ClickAsync();
        await privacy.WaitForURLAsync("**/audit?wie=nop*");
        await Assertions.Expect(privacy.Locator("tbody")).ToContainTextAsync("dossier bekeken");
        await Assertions.Expect(privacy.Locator("tbody")).ToContainTextAsync("******023");
        await Toegankelijkheid.FotoEnControle(privacy, "rollen-03-auditlog-medewerker");

        await privacy.GetByLabel("BSN van de cliënt").FillAsync("100003023");
        await privacy.GetByRole(AriaRole.Button, new() { Name = "Zoeken op cliënt" }).ClickAsync();
        await Assertions.Expect(privacy.GetByRole(AriaRole.Status)).ToContainTextAsync("Alleen regels over cliënt ******023");
        Assert.DoesNotContain("100003023", privacy.Url, StringComparison.Ordinal);
        await Assertions.Expect(privacy.Locator("main")).Not.ToContainTextAsync("100003023");
        await Toegankelijkheid.FotoEnControle(privacy, "rollen-04-auditlog-client");
    }
}
