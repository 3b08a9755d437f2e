using Jeugdhulp.Core.Regels;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Web.Api;
using Jeugdhulp.Web.Tests.Infrastructuur;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jeugdhulp.Web.Tests.Api;

/// <summary>
/// The interactive API reference in a real browser: the host as <c>jeugdhulp serve</c> builds it in the Development
/// environment, on Kestrel, in Debian's Chromium. The page must render the operations under the site's
/// Content-Security-Policy without a single violation.
/// </summary>
public sealed class ReferentiepaginaTests : IAsyncLifetime
{
    private readonly string data = Directory.CreateTempSubdirectory("jeugdhulp-scalar-").FullName;
    private Backoffice? backoffice;
    private WebApplication? app;
    private string basis = "";

    public async Task InitializeAsync()
    {
        var regelmap = Path.Combine(Paden.RepoRoot, "rules", "flevoland");
        var regels = Directory.GetFiles(regelmap, "*.json").Order(StringComparer.Ordinal)
            .Select(p => new RegelBestand(Path.GetFileName(p), File.ReadAllText(p))).ToList();
        backoffice = Backoffice.Open(new Webopties(data, null, regelmap, new DateOnly(2027, 3, 5)), regels).Waarde;
        app = new Webapp(backoffice).Bouw("http://127.0.0.1:0", "Development");
        await app.StartAsync();
        basis = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        backoffice?.Dispose();
        Directory.Delete(data, recursive: true);
    }

    [BrowserFact]
    public async Task De_referentiepagina_toont_de_operaties_zonder_csp_schending()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.Chromium,
            Headless = true,

            // Root in a container has no user namespaces for Chromium's sandbox.
            Args = ["--no-sandbox"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var schendingen = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                schendingen.Add(m.Text);
            }
        };

        var antwoord = await page.GotoAsync(basis + ApiDiensten.Referentiepagina);

        Assert.Equal(ApiDiensten.ReferentiepaginaCsp, await antwoord!.HeaderValueAsync("content-security-policy"));
        await Assertions.Expect(page.GetByText("Een iJw-bericht (JW315, JW317, JW305, JW307, JW323) aanbieden").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Jeugdhulp API" }).First).ToBeVisibleAsync();
        Directory.CreateDirectory(Path.Combine(Paden.RepoRoot, "tests", "Jeugdhulp.Web.Tests", "TestResults", "screenshots"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Paden.RepoRoot, "tests", "Jeugdhulp.Web.Tests", "TestResults", "screenshots", "scalar.png") });
        Assert.True(schendingen.Count == 0, string.Join("\n", schendingen));
    }
}
