using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Web.Tests.Infrastructuur;
using Microsoft.Playwright;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>
/// The staff decisions of issue 18 point 3 in a real Chromium: decide a JW315 with the confirmation step and
/// a way back, approve and refuse a JW317, send "aanvraag in onderzoek", decide a third no-show. A
/// screenshot and the axe check on every page these decisions add.
/// </summary>
// Slow lane: a real Chromium (README, "Tests").
[Trait("Baan", "Traag")]
public sealed class BesluitenBrowserTests : IAsyncLifetime
{
    private Kestrelhost? host;
    private long jw317Toekennen;
    private long noShow;


    public async Task InitializeAsync()
    {
        host = await Kestrelhost.Start(b =>
        {
            Demodata.Laad(b);
            jw317Toekennen = Besluitdata.Jw317(b, "VOW-A", 2400);
            noShow = Besluitdata.DerdeNoShow(b);
        });
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    [BrowserFact]
    public async Task Besluiten_van_een_werkdag_met_bevestiging_en_een_weg_terug()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Kestrelhost.Chromium(playwright);
        var page = await Kestrelhost.NieuwePagina(browser);
        await page.GotoAsync(host!.Basis + "/inloggen");
        await page.GetByLabel("Gebruikersnaam").FillAsync("nop");
        await page.GetByLabel("Wachtwoord").FillAsync(Demodata.Wachtwoord);
        await page.Keyboard.PressAsync("Enter");
        // Alone this login answers in 0.4–0.5 s (measured 2026-12-06 at load 17–23, the same before and after migrations
        // 0033/0034); in the full suite every browser class starts its own host and Chromium on two cores at once, and this
        // first navigation passed Playwright's 30 s twice. The other browser classes wait 120 s for the same reason.
        await page.WaitForURLAsync("**/werkvoorraad", new() { Timeout = 120_000 });

        // 'Aanvraag in onderzoek' for DEMO-0002 (JW315): the page is the confirmation; the item stays open.
        await page.GetByRole(AriaRole.Link, new() { Name = "DEMO-0002" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Aanvraag in onderzoek sturen (JW319)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aanvraag in onderzoek: verzoek DEMO-0002" })).ToBeVisibleAsync();
        await Foto(page, "b01-in-onderzoek");
        var voor = Outbox();
        await page.GetByLabel("Toelichting voor het dossier").FillAsync("Wacht op advies van de jeugdarts.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bevestigen: JW319 'aanvraag in onderzoek' versturen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("aanvraag in onderzoek");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Het definitieve antwoord moet uiterlijk");
        await Foto(page, "b02-verzoek-in-onderzoek");
        Valideer(Assert.Single(Nieuw(voor)), "_JW319_");

        // Decide the same JW315: confirmation step, first back (nothing recorded), then confirm.
        await page.GetByLabel("Afwijzen (JW319)").CheckAsync();
        await page.GetByLabel("Reden van afwijzing").SelectOptionAsync("7");
        await page.GetByLabel("Toelichting voor het dossier").FillAsync("Zorginhoudelijk niet passend.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verder naar bevestigen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Besluit bevestigen" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Zorginhoudelijk niet passend.");
        await Foto(page, "b03-besluit-bevestigen");
        voor = Outbox();
        await page.GetByRole(AriaRole.Link, new() { Name = "Terug: besluit aanpassen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Verzoek DEMO-0002" })).ToBeVisibleAsync();
        Assert.Empty(Nieuw(voor));
        await page.GetByLabel("Afwijzen (JW319)").CheckAsync();
        await page.GetByLabel("Reden van afwijzing").SelectOptionAsync("7");
        await page.GetByLabel("Toelichting voor het dossier").FillAsync("Zorginhoudelijk niet passend.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verder naar bevestigen" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bevestigen en versturen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Besluit op verzoek DEMO-0002" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Zorginhoudelijk niet passend.");
        await Foto(page, "b04-besloten-verzoek");
        Valideer(Assert.Single(Nieuw(voor)), "_JW319_");

        // Approve a JW317 as a whole: old beside requested, the JW301 it sends.
        await page.GotoAsync(host.Basis + $"/werkvoorraad/{jw317Toekennen}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Wat het verzoek om wijziging vraagt" })).ToBeVisibleAsync();
        await Foto(page, "b05-jw317");
        await page.GetByLabel("Het hele verzoek toekennen (één JW301)").CheckAsync();
        await page.GetByLabel("Toelichting voor het dossier").FillAsync("Meer minuten volgens het zorgplan.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verder naar bevestigen" }).ClickAsync();
        await Foto(page, "b06-jw317-bevestigen");
        voor = Outbox();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bevestigen en versturen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("VOW-A is toegekend");
        await Foto(page, "b07-jw317-toegekend");
        Valideer(Assert.Single(Nieuw(voor)), "_JW301_");

        // Refuse the next JW317.
        var weigeren = Besluitdata.Jw317(host.Backoffice, "VOW-B", 2600);
        await page.GotoAsync(host.Basis + $"/werkvoorraad/{weigeren}");
        await page.GetByLabel("Afwijzen (JW319)").CheckAsync();
        await page.GetByLabel("Reden van afwijzing").SelectOptionAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verder naar bevestigen" }).ClickAsync();
        voor = Outbox();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bevestigen en versturen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("VOW-B is afgewezen");
        Valideer(Assert.Single(Nieuw(voor)), "_JW319_");

        // The third no-show: list, form, confirmation, decided.
        await page.GetByRole(AriaRole.Link, new() { Name = "No-shows" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Besluiten na een derde no-show" })).ToBeVisibleAsync();
        await Foto(page, "b08-noshows");
        await page.GetByRole(AriaRole.Link, new() { Name = "besluit nemen" }).ClickAsync();
        await page.WaitForURLAsync($"**/noshows/{noShow}");
        await Foto(page, "b09-noshow-besluit");
        await page.GetByLabel("Beëindigen (JW301 met nieuwe einddatum)").CheckAsync();
        await page.GetByLabel("Einddatum (alleen bij beëindigen)").FillAsync("2027-03-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verder naar bevestigen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No-showbesluit bevestigen" })).ToBeVisibleAsync();
        await Foto(page, "b10-noshow-bevestigen");
        voor = Outbox();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bevestigen en vastleggen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("eindigt per 31-03-2027");
        await Foto(page, "b11-noshow-vastgelegd");
        Valideer(Assert.Single(Nieuw(voor)), "_JW301_");
    }

    private HashSet<string> Outbox() => [.. Directory.GetFiles(host!.Backoffice.OutboxMap!)];

    private List<string> Nieuw(HashSet<string> voor) => [.. Directory.GetFiles(host!.Backoffice.OutboxMap!).Except(voor)];

    private static void Valideer(string pad, string soort)
    {
        Assert.Contains(soort, Path.GetFileName(pad), StringComparison.Ordinal);
        Assert.Empty(XsdValidatie.Fouten(File.ReadAllBytes(pad)));
    }

    /// <summary>A screenshot for review, and the axe check of the page as shown.</summary>
    private static Task Foto(IPage page, string naam) => Toegankelijkheid.FotoEnControle(page, naam);
}
