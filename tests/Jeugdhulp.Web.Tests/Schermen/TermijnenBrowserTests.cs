using System.Text;
using ClosedXML.Excel;
using Jeugdhulp.Web.Tests.Infrastructuur;
using Microsoft.Playwright;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>
/// The Termijnen page and the exports in a real Chromium: filter the deadlines with the form and the split,
/// download a list as CSV and as Excel and open the files. Every page is checked with axe and photographed
/// (tests/Jeugdhulp.Web.Tests/TestResults/screenshots/termijnen-*.png).
/// </summary>
// Slow lane: a real Chromium (README, "Tests").
[Trait("Baan", "Traag")]
public sealed class TermijnenBrowserTests : IAsyncLifetime
{
    private Kestrelhost? host;


    public async Task InitializeAsync()
    {
        host = await Kestrelhost.Start(Demodata.Laad);
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    [BrowserFact]
    public async Task Termijnen_filteren_en_de_lijst_als_csv_en_excel_downloaden_en_openen()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Kestrelhost.Chromium(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "nl-NL", AcceptDownloads = true });
        var page = await context.NewPageAsync();

        // A loaded machine (8 parallel builds) makes 30 s too short for a navigation now and then.
        page.SetDefaultTimeout(120_000);
        page.SetDefaultNavigationTimeout(120_000);
        await page.GotoAsync(host!.Basis + "/inloggen");
        await page.GetByLabel("Gebruikersnaam").FillAsync("urk");
        await page.GetByLabel("Wachtwoord").FillAsync(Demodata.Wachtwoord);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.WaitForURLAsync("**/werkvoorraad");

        await page.GetByRole(AriaRole.Link, new() { Name = "Termijnen" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Termijnen" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("DEMO-0003");
        await Foto(page, "termijnen-01-alles");

        // The split: one click shows only what falls due later, the count on the link is the rows shown.
        var later = page.Locator(".vak-later a");
        var aantal = int.Parse(await later.Locator(".aantal").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await later.ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/termijnen?vak=later", StringComparison.Ordinal));
        if (aantal == 0)
        {
            await Assertions.Expect(page.GetByText("Geen open verplichtingen met deze filters.")).ToBeVisibleAsync();
        }
        else
        {
            Assert.Equal(Math.Min(aantal, 50), await page.Locator("main table:last-of-type tbody tr").CountAsync());
        }

        await Foto(page, "termijnen-02-later");

        // The form: filter on the reference, the choice stays in the URL.
        await page.GotoAsync(host.Basis + "/termijnen");
        await page.GetByLabel("Referentie").FillAsync("DEMO-0003");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/termijnen?", StringComparison.Ordinal) && u.Contains("zoek=DEMO-0003", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("DEMO-0003");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("DEMO-0009");
        await Foto(page, "termijnen-03-gefilterd");

        // The filtered list as files: CSV and Excel, each opened.
        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "CSV" }).ClickAsync());
        var csvTekst = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await csv.PathAsync())!));
        Assert.EndsWith(".csv", csv.SuggestedFilename, StringComparison.Ordinal);
        Assert.Contains("Uiterlijk;Stand;Dagen over", csvTekst, StringComparison.Ordinal);
        Assert.Contains("DEMO-0003", csvTekst, StringComparison.Ordinal);
        Assert.DoesNotContain("DEMO-0009", csvTekst, StringComparison.Ordinal);

        var excel = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Excel" }).ClickAsync());
        Assert.EndsWith(".xlsx", excel.SuggestedFilename, StringComparison.Ordinal);
        using (var boek = new XLWorkbook(new MemoryStream(await File.ReadAllBytesAsync((await excel.PathAsync())!))))
        {
            var blad = boek.Worksheets.Single();
            Assert.Equal("Uiterlijk", blad.Cell(1, 1).GetString());
            Assert.Contains(blad.CellsUsed(), c => c.GetString() == "DEMO-0003");
            Assert.DoesNotContain(blad.CellsUsed(), c => c.GetString() == "DEMO-0009");
        }

        // The work queue's export too: the same helper, from its own page.
        await page.GotoAsync(host.Basis + "/werkvoorraad");
        var werk = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Excel" }).ClickAsync());
        using (var boek = new XLWorkbook(new MemoryStream(await File.ReadAllBytesAsync((await werk.PathAsync())!))))
        {
            Assert.Contains(boek.Worksheets.Single().CellsUsed(), c => c.GetString() == "DEMO-0009");
        }

        await context.CloseAsync();
    }

    /// <summary>A screenshot for review, and the axe check of the page as shown.</summary>
    private static Task Foto(IPage page, string naam) => Toegankelijkheid.FotoEnControle(page, naam);
}
