using System.Globalization;
using System.Text;
using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store.Import;
using Jeugdhulp.Store.Verwerking;
using Jeugdhulp.Web.Tests.Infrastructuur;
using Microsoft.Playwright;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>
/// The work queue in a real Chromium with more waiting requests than fit on a page: page through it with the pager, filter
/// it with the form and page on with the filter kept. Every page is checked with axe and photographed
/// (tests/Jeugdhulp.Web.Tests/TestResults/screenshots/werkvoorraad-*.png).
/// </summary>
// Slow lane: a real Chromium (README, "Tests").
[Trait("Baan", "Traag")]
public sealed class WerkvoorraadBrowserTests : IAsyncLifetime
{
    // Two pages of 25 (Werkvoorraadvraag.PerPagina) with DEMO-0002 of the demo.
    private const int Wachtenden = 30;

    private Kestrelhost? host;

    public async Task InitializeAsync() => host = await Kestrelhost.Start(MetEenLangeWachtrij);

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>
    /// The demo data, and <see cref="Wachtenden"/> more residents of Noordoostpolder whose provider asks Begeleiding without
    /// Diagnostiek, as DEMO-0002 does (HK-315-11: the engine leaves it to a person): surnames Wachtrij01…30.
    /// </summary>
    private static void MetEenLangeWachtrij(Backoffice b)
    {
        Demodata.Laad(b);
        var bsns = Enumerable.Range(100_009_000, 2_000).Select(n => n.ToString(CultureInfo.InvariantCulture))
            .Where(s => Bsn.Parse(s).TryGet(out _)).Take(Wachtenden).ToList();
        var csv = new StringBuilder("bsn,gemeente,geboortedatum,huishouden,jeugdreclassering\n");
        foreach (var bsn in bsns)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{bsn},{Demodata.Nop},2014-11-20,WACHT-{bsn},nee\n");
        }

        Assert.True(b.Store.ImporteerInwoners(InwonersCsv.Lees(csv.ToString()).Waarde).IsGeldig);
        var sjabloon = File.ReadAllText(Path.Combine(Paden.RepoRoot, "demo", "berichten", "002-begeleiding-zonder-diagnostiek.xml"));
        var invoer = bsns.Select((bsn, i) => $"WACHT-{i + 1:D2}").Zip(bsns, (referentie, bsn) => new Invoer(referentie + ".xml", Encoding.UTF8.GetBytes(sjabloon
            .Replace("DEMO-002<", referentie + "<", StringComparison.Ordinal)
            .Replace("DEMO-0002", referentie, StringComparison.Ordinal)
            .Replace("100003023", bsn, StringComparison.Ordinal)
            .Replace("Bakker", "Wachtrij" + referentie[^2..], StringComparison.Ordinal))));
        var verslagen = new BerichtVerwerken(b.Store, b.Regels, b.Vandaag, b.OutboxMap).Verwerk(invoer).ToList();
        Assert.Equal(Wachtenden, verslagen.Count);
        Assert.All(verslagen, v => Assert.True(v.Uitkomst == Uitkomsten.Review, $"{v.Uitkomst}: {string.Join("; ", v.Meldingen)}"));
    }

    [BrowserFact]
    public async Task Door_de_werkvoorraad_bladeren_filteren_en_gefilterd_verder_bladeren()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Kestrelhost.Chromium(playwright);
        var page = await host!.Inloggen(browser, "nop");
        await page.WaitForURLAsync("**/werkvoorraad");

        // Page 1: the caption counts every waiting request, the table holds 25, the pager says where we are.
        var lijst = page.Locator("main table").First;
        var pager = page.GetByRole(AriaRole.Navigation, new() { Name = "Pagina's van de werkvoorraad" });
        await Assertions.Expect(lijst.Locator("caption")).ToContainTextAsync($"{Wachtenden + 1} verzoeken wachten op een besluit");
        await Assertions.Expect(lijst.Locator("tbody tr")).ToHaveCountAsync(25);
        await Assertions.Expect(pager).ToContainTextAsync("Pagina 1 van 2");
        await Foto(page, "werkvoorraad-01-pagina-1");

        // Next: the rest, and a way back.
        await pager.GetByRole(AriaRole.Link, new() { Name = "Volgende →" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("pagina=2", StringComparison.Ordinal));
        await Assertions.Expect(lijst.Locator("tbody tr")).ToHaveCountAsync(Wachtenden + 1 - 25);
        await Assertions.Expect(pager).ToContainTextAsync("Pagina 2 van 2");
        await Assertions.Expect(pager.GetByRole(AriaRole.Link, new() { Name = "← Vorige" })).ToBeVisibleAsync();
        await Foto(page, "werkvoorraad-02-pagina-2");

        // Filter on the start of a surname: Wachtrij1… is ten requests, one page, DEMO-0002 (Bakker) not among them.
        await page.GetByLabel("Naam of referentie").FillAsync("Wachtrij1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("zoek=Wachtrij1", StringComparison.Ordinal));
        await Assertions.Expect(lijst.Locator("caption")).ToContainTextAsync("10 verzoeken wachten op een besluit");
        await Assertions.Expect(lijst.Locator("tbody tr")).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("DEMO-0002");
        await Assertions.Expect(pager).ToHaveCountAsync(0);
        await Foto(page, "werkvoorraad-03-gefilterd");

        // Filter on all of them, newest first: two pages again, and the pager keeps the filter and the order.
        await page.GetByLabel("Naam of referentie").FillAsync("Wachtrij");
        await page.GetByLabel("Volgorde").SelectOptionAsync(new SelectOptionValue { Label = "aflopend" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("zoek=Wachtrij&", StringComparison.Ordinal) || u.EndsWith("zoek=Wachtrij", StringComparison.Ordinal));
        await Assertions.Expect(lijst.Locator("caption")).ToContainTextAsync($"{Wachtenden} verzoeken wachten op een besluit");
        await Assertions.Expect(pager).ToContainTextAsync("Pagina 1 van 2");
        await pager.GetByRole(AriaRole.Link, new() { Name = "Volgende →" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("pagina=2", StringComparison.Ordinal) && u.Contains("zoek=Wachtrij", StringComparison.Ordinal));
        await Assertions.Expect(lijst.Locator("tbody tr")).ToHaveCountAsync(Wachtenden - 25);
        await Assertions.Expect(lijst.Locator("tbody tr").First).ToContainTextAsync("WACHT-05");
        await Assertions.Expect(lijst.Locator("tbody tr").Last).ToContainTextAsync("WACHT-01");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("DEMO-0002");
        await Foto(page, "werkvoorraad-04-gefilterd-pagina-2");
    }

    private static Task Foto(IPage page, string naam) => Toegankelijkheid.FotoEnControle(page, naam);
}
