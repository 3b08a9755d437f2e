using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Web.Tests.Infrastructuur;
using Microsoft.Playwright;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>
/// End to end in a real browser: the host as <c>jeugdhulp serve</c> builds it, on Kestrel on a free
/// 127.0.0.1 port, driven by Playwright in Debian's Chromium. Screenshots go to
/// tests/Jeugdhulp.Web.Tests/TestResults/screenshots/.
/// </summary>
// Slow lane: a real Chromium (README, "Tests").
[Trait("Baan", "Traag")]
public sealed class BrowserTests : IAsyncLifetime
{
    private Kestrelhost? host;

    private static string Screenshots => Path.Combine(Paden.RepoRoot, "tests", "Jeugdhulp.Web.Tests", "TestResults", "screenshots");

    private string basis => host!.Basis;

    public async Task InitializeAsync()
    {
        host = await Kestrelhost.Start(Demodata.Laad);
        Directory.CreateDirectory(Screenshots);
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    [BrowserFact]
    public async Task Inloggen_met_het_toetsenbord_verzoek_toekennen_en_dossier_openen()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Kestrelhost.Chromium(playwright);
        var page = await Kestrelhost.NieuwePagina(browser);

        // A page behind the login leads to the login form; log in with the keyboard only.
        await page.GotoAsync(basis + "/werkvoorraad");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inloggen" })).ToBeVisibleAsync();
        await Foto(page, "01-inloggen");
        await page.Keyboard.TypeAsync("nop");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(Demodata.Wachtwoord);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/werkvoorraad");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Werkvoorraad" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("DEMO-0003");
        await Foto(page, "02-werkvoorraad");

        // The queue's filter form: search by reference, the choice stays in the URL.
        await page.GetByLabel("Naam of referentie").FillAsync("DEMO-0002");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).ClickAsync();
        await page.WaitForURLAsync("**/werkvoorraad?zoek=DEMO-0002*");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "DEMO-0002" })).ToBeVisibleAsync();
        await Foto(page, "02b-werkvoorraad-gefilterd");

        // Open the review item: the engine's explanation and rule ids; approve.
        await page.GetByRole(AriaRole.Link, new() { Name = "DEMO-0002" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Verzoek DEMO-0002" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".toelichting")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator(".regel").First).ToBeVisibleAsync();
        await Foto(page, "03-verzoek");

        // Claim it: the item page says who handles it.
        await page.GetByLabel("Toewijzen aan").SelectOptionAsync("nop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Behandelaar vastleggen" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("U behandelt dit verzoek.");
        await Foto(page, "03b-verzoek-opgepakt");
        var voor = Directory.GetFiles(host!.Backoffice.OutboxMap!).ToHashSet();
        await page.GetByLabel("Toekennen (JW301)").CheckAsync();
        await page.GetByLabel("Toelichting voor het dossier").FillAsync("Akkoord na overleg met de aanbieder.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verder naar bevestigen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Besluit bevestigen" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bevestigen en versturen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("DEMO-0002 is toegekend");
        await Foto(page, "04-besluit-vastgelegd");

        var jw301 = Assert.Single(Directory.GetFiles(host.Backoffice.OutboxMap!).Except(voor));
        Assert.Contains("_JW301_", Path.GetFileName(jw301), StringComparison.Ordinal);
        Assert.Empty(XsdValidatie.Fouten(File.ReadAllBytes(jw301)));

        // The dossier shows the request, the decision and the new allocation.
        await page.GetByRole(AriaRole.Link, new() { Name = "Cliënten" }).ClickAsync();
        await Foto(page, "05-clienten");
        await page.GetByRole(AriaRole.Link, new() { Name = "Bakker" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dossier Bakker" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Toewijzing (JW301)");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("toegekend door nop");
        Assert.DoesNotContain("100003023", page.Url, StringComparison.Ordinal);
        await Foto(page, "06-dossier");

        // The other pages render for this municipality (screenshots for review).
        foreach (var (pad, kop, naam) in new[]
        {
            ("/termijnen", "Termijnen", "07-termijnen"),
            ("/declaraties", "Declaraties", "08-declaraties"),
            ("/regels?datum=2027-03-05", "Regels op 05-03-2027", "09-regels"),
            ("/grafieken?jaar=2027", "Toegewezen en gedeclareerde minuten 2027", "10-grafieken"),
        })
        {
            await page.GotoAsync(basis + pad);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = kop, Exact = true })).ToBeVisibleAsync();
            await Foto(page, naam);
        }

        // The skip link is the first stop of the keyboard and is visible when focused.
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Naar de inhoud" })).ToBeFocusedAsync();
    }

    /// <summary>A screenshot for review, and the axe check of the page as shown.</summary>
    private static Task Foto(IPage page, string naam) => Toegankelijkheid.FotoEnControle(page, naam);
}
