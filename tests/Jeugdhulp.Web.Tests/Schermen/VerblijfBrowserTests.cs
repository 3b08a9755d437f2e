using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Web.Tests.Infrastructuur;
using Microsoft.Playwright;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>
/// The 24-uurs zorg pages in a real Chromium: record a crisis (checks first, then confirmed), see its deadlines, record
/// a meerzorg request and grant it, and see the Begeleiding Individueel allocation; its JW301 is XSD-valid. Screenshots
/// and the axe check of every page on the way.
/// </summary>
[Trait("Baan", "Traag")]
public sealed class VerblijfBrowserTests : IAsyncLifetime
{
    private Kestrelhost? host;

    public async Task InitializeAsync() =>
        host = await Kestrelhost.Start(b =>
        {
            Demodata.Laad(b);
            Verblijfdata.Contracten(b);
        }, regels: Verblijfdata.Regels);

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    [BrowserFact]
    public async Task Crisis_vastleggen_termijnen_zien_meerzorg_toekennen_en_de_toewijzing_zien()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Kestrelhost.Chromium(playwright);
        var page = await host!.Inloggen(browser, "nop");

        await page.GetByRole(AriaRole.Link, new() { Name = "24-uurs zorg", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "24-uurs zorg", Exact = true })).ToBeVisibleAsync();
        await Toegankelijkheid.FotoEnControle(page, "v01-verblijf-leeg");

        // A crisis via Veilig Thuis: the checks and the deadlines first, then confirmed.
        await page.GetByRole(AriaRole.Link, new() { Name = "Plaatsing of crisisplaatsing vastleggen" }).ClickAsync();
        await page.GetByLabel("Referentie").FillAsync("CR-2027-001");
        await page.GetByLabel("BSN van de jeugdige").FillAsync("100003023");
        await page.GetByLabel("Product").SelectOptionAsync("46R01");
        await page.GetByLabel("crisis via Veilig Thuis").CheckAsync();
        await page.GetByLabel("Eerste dag (dag 1)").FillAsync("2027-03-01");
        await page.GetByLabel("Laatste dag").FillAsync("2027-03-28");
        await Toegankelijkheid.FotoEnControle(page, "v02-crisis-formulier");
        await page.GetByRole(AriaRole.Button, new() { Name = "Controleren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Plaatsing of crisisplaatsing vastleggen" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("ul.controles")).ToContainTextAsync("HK-24-8");
        await Assertions.Expect(page.Locator("ul.verblijf-termijnen")).ToContainTextAsync("HK-24-8-VT-EVALUATIE");
        await Toegankelijkheid.FotoEnControle(page, "v03-crisis-bevestigen");
        Assert.DoesNotContain("100003023", page.Url, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Bevestigen en vastleggen" }).ClickAsync();

        await Naar(page, "**/verblijf/plaatsingen/CR-2027-001");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is vastgelegd");
        await Assertions.Expect(page.Locator("dl.gegevens")).ToContainTextAsync("dag 5 van 28");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("vervolgperspectief crisisplaatsing");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("14-03-2027");
        await Toegankelijkheid.FotoEnControle(page, "v04-crisis-termijnen");

        // A meerzorg request with help plan and both checks positive, then granted.
        await page.GotoAsync(host.Basis + "/verblijf/nieuw/meerzorg");
        await page.GetByLabel("Referentie").FillAsync("MZ-2027-001");
        await page.GetByLabel("BSN van de jeugdige").FillAsync("100002183");
        await page.GetByLabel("Aanbieder (AGB-code)").FillAsync(Verblijfdata.Aanbieder);
        await page.GetByLabel("ZZP").SelectOptionAsync("LVG4");
        await page.GetByLabel("Extra uren per week").FillAsync("6");
        await page.GetByLabel("Van", new() { Exact = true }).FillAsync("2027-03-01");
        await page.GetByLabel("Tot en met").FillAsync("2027-08-31");
        await page.GetByLabel("Aanvraag ontvangen op").FillAsync("2027-03-03");
        await page.GetByLabel("Hulpplan bijgevoegd").CheckAsync();
        await page.Locator("#onafhankelijk-positief").CheckAsync();
        await page.Locator("#financieel-positief").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Controleren" }).ClickAsync();
        await Assertions.Expect(page.Locator("ul.controles")).ToContainTextAsync("HK-24-10");
        await Toegankelijkheid.FotoEnControle(page, "v05-meerzorg-bevestigen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bevestigen en vastleggen" }).ClickAsync();
        await Naar(page, "**/verblijf/meerzorg/MZ-2027-001");
        await Toegankelijkheid.FotoEnControle(page, "v06-meerzorg-aanvraag");

        var outbox = host.Backoffice.OutboxMap!;
        var voor = Directory.GetFiles(outbox).ToHashSet();
        await page.GetByLabel("Toekennen").CheckAsync();
        await page.GetByLabel("Motivering (verplicht bij afwijzen; wordt bij het besluit bewaard)").FillAsync("Hulpplan en beide toetsen positief.");
        await page.GetByLabel("Achternaam").FillAsync("Vries");
        await page.GetByLabel("Geslacht").SelectOptionAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Besluit controleren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Controles van de toewijzing Begeleiding Individueel" })).ToBeVisibleAsync();
        await Toegankelijkheid.FotoEnControle(page, "v07-meerzorg-besluit-bevestigen");
        Assert.Equal(voor, Directory.GetFiles(outbox).ToHashSet());
        await page.GetByRole(AriaRole.Button, new() { Name = "Bevestigen en vastleggen" }).ClickAsync();

        await Naar(page, "**/verblijf/meerzorg/MZ-2027-001");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is toegekend");
        var jw301 = Assert.Single(Directory.GetFiles(outbox).Except(voor));
        Assert.Empty(XsdValidatie.Fouten(File.ReadAllBytes(jw301)));
        await Toegankelijkheid.FotoEnControle(page, "v08-meerzorg-toegekend");

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Toewijzing [0-9]+ \\(Begeleiding Individueel\\)$") }).ClickAsync();
        await Assertions.Expect(page.Locator("dl.gegevens")).ToContainTextAsync("45R02");
        await Toegankelijkheid.FotoEnControle(page, "v09-toewijzing-meerzorg");

        await page.GotoAsync(host.Basis + "/verblijf");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("CR-2027-001");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("MZ-2027-001");
        await Toegankelijkheid.FotoEnControle(page, "v10-verblijf-overzicht");
    }

    /// <summary>Waits for the page after a redirect; on a timeout the test names where the browser is and what it shows.</summary>
    private static async Task Naar(IPage page, string url)
    {
        try
        {
            await page.WaitForURLAsync(url, new() { Timeout = 90_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Niet op {url} maar op {page.Url}: {await page.Locator("main").InnerTextAsync()}");
        }
    }
}
