using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Web.Api;
using Jeugdhulp.Web.Tests.Infrastructuur;
using Microsoft.Playwright;

namespace Jeugdhulp.Web.Tests.Api;

/// <summary>
/// The interactive API reference in a real browser: the host as <c>jeugdhulp serve</c> builds it in the Development
/// environment, on Kestrel, in Debian's Chromium. The page must render the operations under the site's
/// Content-Security-Policy without a single violation.
/// </summary>
// Slow lane: a real Chromium (README, "Tests").
[Trait("Baan", "Traag")]
public sealed class ReferentiepaginaTests
{
    [BrowserFact]
    public async Task De_referentiepagina_toont_de_operaties_zonder_csp_schending()
    {
        await using var host = await Kestrelhost.Start(omgeving: "Development");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Kestrelhost.Chromium(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var schendingen = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                schendingen.Add(m.Text);
            }
        };

        var antwoord = await page.GotoAsync(host.Basis + ApiDiensten.Referentiepagina);

        Assert.Equal(ApiDiensten.ReferentiepaginaCsp, await antwoord!.HeaderValueAsync("content-security-policy"));
        await Assertions.Expect(page.GetByText("Een iJw-bericht (JW315, JW317, JW305, JW307, JW323) aanbieden").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Jeugdhulp API" }).First).ToBeVisibleAsync();
        var screenshots = Path.Combine(Paden.RepoRoot, "tests", "Jeugdhulp.Web.Tests", "TestResults", "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "scalar.png") });
        Assert.True(schendingen.Count == 0, string.Join("\n", schendingen));
    }
}
