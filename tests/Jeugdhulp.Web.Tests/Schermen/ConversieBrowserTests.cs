using Jeugdhulp.Core.Conversie;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Conversie;
using Jeugdhulp.Web.Tests.Infrastructuur;
using Microsoft.Playwright;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>
/// The conversion page in Debian's Chromium: a staff member of Almere filters the work the run left, opens the
/// HK-CONV-3 item, closes it through the confirmation step (going back once), and finds it under "afgehandeld".
/// Every page is checked with axe; screenshots go to TestResults/screenshots/conversie-*.png.
/// </summary>
// Slow lane: a real Chromium (README, "Tests").
[Trait("Baan", "Traag")]
public sealed class ConversieBrowserTests : IAsyncLifetime
{
    private Kestrelhost? host;


    public async Task InitializeAsync()
    {
        host = await Kestrelhost.Start(Conversiedata.Laad);
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    [BrowserFact]
    public async Task Conversiewerk_filteren_openen_en_afhandelen_met_bevestiging()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Kestrelhost.Chromium(playwright);
        var page = await Kestrelhost.NieuwePagina(browser);
        await page.GotoAsync(host!.Basis + "/inloggen");
        await page.GetByLabel("Gebruikersnaam").FillAsync("almere");
        await page.GetByLabel("Wachtwoord").FillAsync(Demodata.Wachtwoord);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.WaitForURLAsync("**/werkvoorraad");

        await page.GetByRole(AriaRole.Link, new() { Name = "Conversie" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Conversie naar de regionale contracten" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("progress")).ToBeVisibleAsync();
        await Foto(page, "conversie-01-overzicht");

        await page.GetByLabel("Soort").SelectOptionAsync(ConversiewerkAfhandelen.ZonderContract);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
        await page.WaitForURLAsync("**/conversie?werk=HK-CONV-3*");
        await Foto(page, "conversie-02-gefilterd");

        await page.GetByRole(AriaRole.Link, new() { Name = Conversiedata.ZonderContract.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Conversie van toewijzing {Conversiedata.ZonderContract}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("geen regionaal contract voor 45F21");
        await Foto(page, "conversie-03-werkitem");

        // Without a note the form says what is missing.
        await page.GetByLabel("cliënt stapt over naar een gecontracteerde aanbieder").CheckAsync();
        await page.Locator("#toelichting").EvaluateAsync("t => t.removeAttribute('required')");
        await page.GetByRole(AriaRole.Button, new() { Name = "Controleren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Schrijf een toelichting");
        await Foto(page, "conversie-04-fout");

        await page.GetByLabel("cliënt stapt over naar een gecontracteerde aanbieder").CheckAsync();
        await page.GetByLabel("Toelichting (verplicht)").FillAsync("Cliënt gaat per 1 februari naar een gecontracteerde aanbieder.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Controleren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Controleer en bevestig" })).ToBeVisibleAsync();
        await Foto(page, "conversie-05-bevestigen");

        // Back keeps what was typed; then confirm.
        await page.GetByRole(AriaRole.Button, new() { Name = "Terug, aanpassen" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Toelichting (verplicht)")).ToHaveValueAsync("Cliënt gaat per 1 februari naar een gecontracteerde aanbieder.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Controleren" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bevestigen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Afgehandeld" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Cliënt gaat per 1 februari naar een gecontracteerde aanbieder.");
        await Foto(page, "conversie-06-afgehandeld");

        var stap = host.Backoffice.Store.LeesConversiewerkitem(Gemeentecode.Parse(Conversiedata.Almere).Waarde, Conversiedata.ZonderContract)!;
        Assert.Equal((Afhandeling.Overstap, "almere"), (stap.Afgehandeld!.Keuze, stap.Afgehandeld.Door));

        await page.GotoAsync(host.Basis + "/conversie?status=afgehandeld");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("cliënt stapt over naar een gecontracteerde aanbieder");
        await Foto(page, "conversie-07-afgehandeld-lijst");
    }

    /// <summary>A screenshot for review, and the axe check of the page as shown.</summary>
    private static Task Foto(IPage page, string naam) => Toegankelijkheid.FotoEnControle(page, naam);
}
