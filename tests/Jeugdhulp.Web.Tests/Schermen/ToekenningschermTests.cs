using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Web.Tests.Infrastructuur;
using Microsoft.Playwright;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>
/// The Toewijzen pages in a real Chromium: issue an allocation (checks shown first, then confirmed), change its end
/// date, withdraw it; every JW301 written is XSD-valid. Screenshots (and the axe check) of every page on the way.
/// </summary>
[Trait("Baan", "Traag")]
public sealed class ToekenningschermTests : IAsyncLifetime
{
    private Kestrelhost? host;

    private static string Screenshots => Path.Combine(Paden.RepoRoot, "tests", "Jeugdhulp.Web.Tests", "TestResults", "screenshots");

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
    public async Task Toewijzing_toekennen_wijzigen_en_intrekken_via_de_schermen()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Kestrelhost.Chromium(playwright);
        var page = await Kestrelhost.NieuwePagina(browser);
        await page.GotoAsync(host!.Basis + "/inloggen");
        await page.GetByLabel("Gebruikersnaam").FillAsync("nop");
        await page.GetByLabel("Wachtwoord").FillAsync(Demodata.Wachtwoord);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.WaitForURLAsync("**/werkvoorraad");

        await page.GetByRole(AriaRole.Link, new() { Name = "Toewijzen", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Toewijzen", Exact = true })).ToBeVisibleAsync();
        await Foto(page, "t01-toewijzen-formulier");

        // A guideline exceeded without a written reason: the checks are shown, nothing is sent.
        var outbox = host.Backoffice.OutboxMap!;
        var voor = Directory.GetFiles(outbox).ToHashSet();
        await page.GetByLabel("BSN", new() { Exact = true }).FillAsync("100002183");
        await page.GetByLabel("Achternaam (als de cliënt nog niet bekend is)").FillAsync("Vries");
        await page.GetByLabel("Voorvoegsel").FillAsync("de");
        await page.GetByLabel("Geslacht").SelectOptionAsync("1");
        await page.GetByLabel("Lokale toegang (maatwerkrapportage)").CheckAsync();
        await page.GetByLabel("Verwijzer (team of GI)").FillAsync("Team Emmeloord");
        await page.GetByLabel("Aanbieder (AGB-code)").FillAsync("01234567");
        await page.GetByLabel("Productcode").FillAsync("45F21");
        await page.GetByLabel("Ingangsdatum").FillAsync("2027-03-08");
        await page.GetByLabel("Einddatum").FillAsync("2027-06-07");
        await page.GetByLabel("Volume").FillAsync("11520");
        await page.GetByLabel("Eenheid").SelectOptionAsync("01");
        await page.GetByLabel("Frequentie").SelectOptionAsync("6");
        await page.GetByLabel("Commentaar (bijv. kenmerk van de maatwerkrapportage)").FillAsync("Maatwerkrapportage MR-2027-014");
        await page.GetByRole(AriaRole.Button, new() { Name = "Controleren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("vul een schriftelijke motivering in");
        await Assertions.Expect(page.Locator("li.controle-richtlijn").First).ToContainTextAsync("HK-PRD-3");
        await Foto(page, "t02-richtlijn-motivering-nodig");
        Assert.Equal(voor, Directory.GetFiles(outbox).ToHashSet());

        // With the reason: the confirmation step lists every check with its rule id; go back once, then send.
        await page.GetByLabel("Motivering (nodig bij een afwijking van de richtlijn; wordt bij het besluit bewaard)").FillAsync("Intensieve start na crisis.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Controleren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Toewijzing controleren en versturen" })).ToBeVisibleAsync();
        foreach (var regel in new[] { "HK-315-4", "HK-PER-5", "HK-301-4", "HK-PRD-3" })
        {
            await Assertions.Expect(page.Locator("ul.controles")).ToContainTextAsync(regel);
        }

        Assert.DoesNotContain("100002183", page.Url, StringComparison.Ordinal);
        await Foto(page, "t03-bevestigen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Terug, niet versturen" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("BSN", new() { Exact = true })).ToHaveValueAsync("100002183");
        await page.GetByRole(AriaRole.Button, new() { Name = "Controleren" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bevestigen en versturen" }).ClickAsync();
        await page.WaitForURLAsync("**/toewijzingen/*");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is vastgelegd");
        Assert.DoesNotContain("100002183", page.Url, StringComparison.Ordinal);
        await Foto(page, "t04-toewijzing");
        AssertEenGeldigeJw301(outbox, voor);

        // Change: a shorter end date with the same minutes is still above the guideline, so the reason goes along.
        voor = Directory.GetFiles(outbox).ToHashSet();
        await page.GetByLabel("Wijzigen (volume of einddatum)").CheckAsync();
        await page.GetByLabel("Nieuwe einddatum").FillAsync("2027-05-31");
        await page.GetByLabel("Motivering (nodig bij een afwijking van de richtlijn)").FillAsync("Afronding eerder dan gepland.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Wijziging controleren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "wijzigen" })).ToBeVisibleAsync();
        await Foto(page, "t05-wijziging-bevestigen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bevestigen en versturen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("vastgelegd");
        await Assertions.Expect(page.Locator("dl.gegevens")).ToContainTextAsync("31-05-2027");
        AssertEenGeldigeJw301(outbox, voor);

        // Procesregie: the gemeente with a team.
        await page.GetByLabel("Wie voert procesregie (HK-317-7)").SelectOptionAsync("gemeente");
        await page.GetByLabel("Team van de procesregisseur").FillAsync("Team Emmeloord");
        await page.GetByRole(AriaRole.Button, new() { Name = "Procesregie vastleggen" }).ClickAsync();
        await Assertions.Expect(page.Locator("dl.gegevens")).ToContainTextAsync("team Team Emmeloord");

        // Withdraw.
        voor = Directory.GetFiles(outbox).ToHashSet();
        await page.GetByLabel("Waarom wordt de toewijzing ingetrokken?").FillAsync("Verkeerde aanbieder gekozen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Intrekken controleren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "intrekken" })).ToBeVisibleAsync();
        await Foto(page, "t06-intrekken-bevestigen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bevestigen en versturen" }).ClickAsync();
        await Assertions.Expect(page.Locator("dl.gegevens")).ToContainTextAsync("ingetrokken (HK-301-6)");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Intrekken controleren" })).ToHaveCountAsync(0);
        await Foto(page, "t07-ingetrokken");
        var jw301 = AssertEenGeldigeJw301(outbox, voor);
        Assert.Contains("13</", File.ReadAllText(jw301), StringComparison.Ordinal);
    }

    private static string AssertEenGeldigeJw301(string outbox, HashSet<string> voor)
    {
        var nieuw = Assert.Single(Directory.GetFiles(outbox), f => !voor.Contains(f) && f.Contains("_JW301_", StringComparison.Ordinal));
        var fouten = XsdValidatie.Fouten(File.ReadAllBytes(nieuw));
        Assert.True(fouten.Count == 0, string.Join("\n", fouten));
        return nieuw;
    }

    /// <summary>A screenshot for review, and the axe check of the page as shown.</summary>
    private static Task Foto(IPage page, string naam) => Toegankelijkheid.FotoEnControle(page, naam);
}
