using Jeugdhulp.Ijw.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jeugdhulp.Web.Tests.Infrastructuur;

/// <summary>
/// The host as <c>jeugdhulp serve</c> builds it (<see cref="Webapp.Bouw"/>), on Kestrel on a free 127.0.0.1 port, over a fresh SQLite store
/// with the shipped rules and processing date 2027-03-05; and Debian's Chromium to drive it (end-to-end tests).
/// </summary>
internal sealed class Kestrelhost : IAsyncDisposable
{
    private readonly string data;
    private readonly WebApplication app;

    private Kestrelhost(string data, WebApplication app, string basis)
    {
        this.data = data;
        this.app = app;
        Basis = basis;
    }

    public Backoffice Backoffice => app.Services.GetRequiredService<Backoffice>();

    /// <summary>http://127.0.0.1:PORT.</summary>
    public string Basis { get; }

    /// <summary>Starts the host; <paramref name="vul"/> fills the store first, <paramref name="omgeving"/> names the environment.</summary>
    public static async Task<Kestrelhost> Start(Action<Backoffice>? vul = null, string? omgeving = null, string? regels = null)
    {
        var data = Directory.CreateTempSubdirectory("jeugdhulp-e2e-").FullName;
        var regelmap = regels ?? Path.Combine(Paden.RepoRoot, "rules", "flevoland");
        var app = Webapp.Bouw("http://127.0.0.1:0", Hostopties.AlsConfiguratie(new Webopties(data, null, regelmap, new DateOnly(2027, 3, 5))), omgeving);
        vul?.Invoke(app.Services.GetRequiredService<Backoffice>());
        await app.StartAsync();
        var basis = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new Kestrelhost(data, app, basis);
    }

    /// <summary>Headless Chromium from /usr/bin/chromium.</summary>
    public static Task<IBrowser> Chromium(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.Chromium,
            Headless = true,

            // Root in a container has no user namespaces for Chromium's sandbox.
            Args = ["--no-sandbox"],
        });
    }

    /// <summary>A new page, 1280×900, nl-NL, with the suite's timeouts.</summary>
    public static async Task<IPage> NieuwePagina(IBrowser browser)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "nl-NL" });
        // Alone a login answers in half a second; in the full suite every browser class starts its own host and Chromium
        // on two cores at once, and Playwright's 30 s was passed now and then (BesluitenBrowserTests; session 13
        // BrowserTests' keyboard login, whose page was made without these timeouts).
        page.SetDefaultTimeout(120_000);
        page.SetDefaultNavigationTimeout(120_000);
        return page;
    }

    /// <summary>A new page (1280×900, nl-NL) signed in as <paramref name="gebruiker"/> through the login form, on its start page.</summary>
    public async Task<IPage> Inloggen(IBrowser browser, string gebruiker)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var page = await NieuwePagina(browser);
        await page.GotoAsync(Basis + "/inloggen");
        await page.GetByLabel("Gebruikersnaam").FillAsync(gebruiker);
        await page.GetByLabel("Wachtwoord").FillAsync(Demodata.Wachtwoord);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.EndsWith("/inloggen", StringComparison.Ordinal));
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Directory.Delete(data, recursive: true);
    }
}
