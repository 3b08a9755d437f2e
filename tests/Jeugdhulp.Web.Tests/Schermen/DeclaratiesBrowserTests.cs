using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Lezen;
using Jeugdhulp.Ijw.Schrijven;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store.Verwerking;
using Jeugdhulp.Web.Tests.Infrastructuur;
using Microsoft.Playwright;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>
/// The Declaraties page in a real Chromium with more refused lines than fit on a page: page through them with the pager,
/// filter on a rule id and page on with the filter kept. Every page is checked with axe and photographed
/// (tests/Jeugdhulp.Web.Tests/TestResults/screenshots/declaraties-*.png).
/// </summary>
// Slow lane: a real Chromium (README, "Tests").
[Trait("Baan", "Traag")]
public sealed class DeclaratiesBrowserTests : IAsyncLifetime
{
    // Two and a half pages of 50 (DeclaratiesEindpunten.PerPagina).
    private const int Prestaties = 120;

    private Kestrelhost? host;

    public async Task InitializeAsync() => host = await Kestrelhost.Start(MetVeelAfgewezenPrestaties);

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>
    /// The demo data, and the shared example JW323 to Noordoostpolder with its one line repeated as <see cref="Prestaties"/>
    /// lines: all declared on ToewijzingNummer 100001, never allocated, so all refused (TR338).
    /// </summary>
    private static void MetVeelAfgewezenPrestaties(Backoffice b)
    {
        Demodata.Laad(b);
        var jw323 = (Declaratiebericht)IjwLezer.Lees(File.ReadAllBytes(Path.Combine(Paden.VoorbeeldenMap, "jw323-maand.xml"))).Waarde;
        var client = jw323.Declaratie.Clienten[0];
        var prestatie = client.Prestaties[0];
        var regels = Enumerable.Range(1, Prestaties)
            .Select(i => prestatie with { ProductReferentie = new ProductReferentie($"P-2027-03-{i:D4}", null) })
            .ToList();
        var veel = jw323 with
        {
            Declaratie = jw323.Declaratie with
            {
                TotaalIngediendBedrag = new BedragMetDc(prestatie.IngediendBedrag.Bedrag * Prestaties, "D"),
                Clienten = [client with { Prestaties = regels }],
            },
        };
        var verslag = Assert.Single(new BerichtVerwerken(b.Store, b.Regels, new DateOnly(2027, 4, 10), b.OutboxMap)
            .Verwerk([new Invoer("jw323-veel.xml", IjwSchrijver.Schrijf(veel))]));
        Assert.True(verslag.Uitkomst == Uitkomsten.Rejected, string.Join("; ", verslag.Meldingen));
    }

    [BrowserFact]
    public async Task Door_de_afgewezen_prestaties_bladeren_ook_gefilterd_op_een_regel()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Kestrelhost.Chromium(playwright);
        var page = await host!.Inloggen(browser, "nop");

        // Page 1: the caption counts every refused line, the table holds the first 50, the pager says where we are.
        await page.GetByRole(AriaRole.Link, new() { Name = "Declaraties" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Declaraties", Exact = true })).ToBeVisibleAsync();
        var afgewezen = page.Locator("main table").First;
        await Assertions.Expect(afgewezen.Locator("caption")).ToContainTextAsync($"{Prestaties} afgewezen prestaties");
        await Assertions.Expect(afgewezen.Locator("tbody tr")).ToHaveCountAsync(50);
        await Assertions.Expect(afgewezen.Locator("tbody tr").First).ToContainTextAsync("TR338");
        await Assertions.Expect(afgewezen.Locator("tbody tr").First).ToContainTextAsync("prestatie P-2027-03-0001");
        var pager = page.GetByRole(AriaRole.Navigation, new() { Name = "Pagina's van de afgewezen prestaties" });
        await Assertions.Expect(pager).ToContainTextAsync("Pagina 1 van 3");
        await Assertions.Expect(pager.GetByRole(AriaRole.Link, new() { Name = "← Vorige" })).ToHaveCountAsync(0);
        await Foto(page, "declaraties-01-pagina-1");

        // Next: page 2 in the URL, the next 50.
        await pager.GetByRole(AriaRole.Link, new() { Name = "Volgende →" }).ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/declaraties?pagina=2", StringComparison.Ordinal));
        await Assertions.Expect(pager).ToContainTextAsync("Pagina 2 van 3");
        await Assertions.Expect(afgewezen.Locator("tbody tr")).ToHaveCountAsync(50);
        await Foto(page, "declaraties-02-pagina-2");

        // The last page holds the rest and has no next link; the declaration itself is listed once, with every line.
        await pager.GetByRole(AriaRole.Link, new() { Name = "Volgende →" }).ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/declaraties?pagina=3", StringComparison.Ordinal));
        await Assertions.Expect(afgewezen.Locator("tbody tr")).ToHaveCountAsync(Prestaties - 100);
        await Assertions.Expect(afgewezen.Locator("tbody tr").First).ToContainTextAsync("prestatie P-2027-03-0101");
        await Assertions.Expect(pager.GetByRole(AriaRole.Link, new() { Name = "Volgende →" })).ToHaveCountAsync(0);
        var declaraties = page.Locator("main table").Last;
        await Assertions.Expect(declaraties.Locator("tbody tr", new() { HasText = "D2027030001" })).ToHaveCountAsync(1);
        await Assertions.Expect(declaraties.Locator("tbody tr", new() { HasText = "D2027030001" })).ToContainTextAsync($"{Prestaties}");
        await Foto(page, "declaraties-03-pagina-3");

        // Filtered on the rule: the same lines, and the pager keeps the filter.
        await page.GetByLabel("Regel").FillAsync("TR338");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("regel=TR338", StringComparison.Ordinal));
        await Assertions.Expect(afgewezen.Locator("caption")).ToContainTextAsync($"{Prestaties} afgewezen prestaties");
        await pager.GetByRole(AriaRole.Link, new() { Name = "Volgende →" }).ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/declaraties?pagina=2&regel=TR338", StringComparison.Ordinal));
        await Assertions.Expect(pager).ToContainTextAsync("Pagina 2 van 3");
        await Foto(page, "declaraties-04-gefilterd-pagina-2");

        // A rule no line was refused on: nothing to page.
        await page.GotoAsync(host.Basis + "/declaraties?regel=HK-323-8");
        await Assertions.Expect(page.GetByText("Er zijn geen afgewezen prestaties.")).ToBeVisibleAsync();
        await Assertions.Expect(pager).ToHaveCountAsync(0);
        await Foto(page, "declaraties-05-geen");
    }

    private static Task Foto(IPage page, string naam) => Toegankelijkheid.FotoEnControle(page, naam);
}
