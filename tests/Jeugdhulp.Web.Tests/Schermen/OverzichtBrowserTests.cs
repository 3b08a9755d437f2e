using System.Text;
using ClosedXML.Excel;
using Jeugdhulp.Web.Tests.Infrastructuur;
using Microsoft.Playwright;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>
/// The Overzicht in a real Chromium on the demo: open it from the menu, change the year, download the Excel
/// workbook and a table as CSV and open them. Each state is checked with axe and photographed
/// (tests/Jeugdhulp.Web.Tests/TestResults/screenshots/overzicht-*.png).
/// </summary>
// Slow lane: a real Chromium (README, "Tests").
[Trait("Baan", "Traag")]
public sealed class OverzichtBrowserTests : IAsyncLifetime
{
    private Kestrelhost? host;

    public async Task InitializeAsync() => host = await Kestrelhost.Start(Demodata.Laad);

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    [BrowserFact]
    public async Task Overzicht_openen_een_ander_jaar_kiezen_en_exporteren()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Kestrelhost.Chromium(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "nl-NL", AcceptDownloads = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(120_000);
        page.SetDefaultNavigationTimeout(120_000);
        await page.GotoAsync(host!.Basis + "/inloggen");
        await page.GetByLabel("Gebruikersnaam").FillAsync("nop");
        await page.GetByLabel("Wachtwoord").FillAsync(Demodata.Wachtwoord);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.WaitForURLAsync("**/werkvoorraad");

        await page.GetByRole(AriaRole.Link, new() { Name = "Overzicht", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overzicht 2027" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Geld per maand 2027" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Wachtend: 1");
        await Toegankelijkheid.FotoEnControle(page, "overzicht-01-2027");

        await page.GetByRole(AriaRole.Spinbutton, new() { Name = "Jaar" }).FillAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/overzicht?jaar=2026", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overzicht 2026" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Geen verzoeken ontvangen in 2026.");
        await Toegankelijkheid.FotoEnControle(page, "overzicht-02-2026");

        await page.GetByRole(AriaRole.Spinbutton, new() { Name = "Jaar" }).FillAsync("2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/overzicht?jaar=2027", StringComparison.Ordinal));
        var excel = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "alle tabellen als Excel" }).ClickAsync());
        Assert.Equal("overzicht-2027-2027-03-05.xlsx", excel.SuggestedFilename);
        using (var boek = new XLWorkbook(new MemoryStream(await File.ReadAllBytesAsync((await excel.PathAsync())!))))
        {
            Assert.Equal(6, boek.Worksheets.Count);
            var wacht = boek.Worksheet("wachttijd-werkvoorraad-2027");
            Assert.Equal(1, wacht.RowsUsed().Single(r => r.Cell(1).GetString() == "Totaal wachtend").Cell(2).GetValue<int>());
        }

        var csv = await page.RunAndWaitForDownloadAsync(() => page.Locator("a[href*='tabel=termijntrouw']").ClickAsync());
        var tekst = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await csv.PathAsync())!));
        Assert.Contains("Termijn;Omschrijving;Op tijd;Te laat;Lopend;Op tijd (%)", tekst, StringComparison.Ordinal);
        Assert.Contains("HK-315-3;", tekst, StringComparison.Ordinal);

        await context.CloseAsync();
    }
}
