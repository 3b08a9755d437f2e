using Jeugdhulp.Store;
using Jeugdhulp.Web.Api;
using Jeugdhulp.Web.Schermen;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Jeugdhulp.Web;

/// <summary>
/// The web host's composition: the provider API, the municipality API and the backoffice pages on one
/// Kestrel server. <c>Program.cs</c> (the host on its own), <c>jeugdhulp serve</c> and the tests'
/// <c>WebApplicationFactory&lt;Program&gt;</c> all build it with <see cref="AddJeugdhulp"/> and
/// <see cref="UseJeugdhulp"/>, so what is tested is what runs.
/// </summary>
public static class Webapp
{
    /// <summary>
    /// Binds <see cref="Hostopties"/> from the configuration and checks them at start, opens the backoffice
    /// (rules and store) once for the process, and registers the APIs and the backoffice pages.
    /// </summary>
    public static WebApplicationBuilder AddJeugdhulp(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<Hostopties>()
            .Bind(builder.Configuration.GetSection(Hostopties.Sectie))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<Hostopties>, Hostoptiecontrole>();

        // The one clock: the business date and time of day in Europe/Amsterdam come from it (tests replace it).
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => OpenBackoffice(sp.GetRequiredService<IOptions<Hostopties>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddRouting();

        // No default scheme: the provider and municipality APIs use bearer tokens, the backoffice pages a
        // cookie; each endpoint group names its own scheme and policy.
        services.AddAuthentication();
        services.AddAuthorization();
        services.AddJeugdhulpApi();
        services.AddBackofficeWebapp();

        // Both parts configure the one rate limiter; its refusal is the login page's for a login attempt and the
        // API's (Retry-After, ProblemDetails) for the rest. Set last, so neither part's handler overwrites the other.
        services.Configure<RateLimiterOptions>(o => o.OnRejected = (context, ct) =>
            Inlogbegrenzing.IsInlogpoging(context.HttpContext) ? Inlogbegrenzing.Weiger(context, ct) : ApiDiensten.Weiger(context, ct));
        return builder;
    }

    /// <summary>The middleware and endpoints, in order.</summary>
    public static WebApplication UseJeugdhulp(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Forwarded headers first, so the access log and the rate limits see the client's own address.
        app.UseProxykoppen();
        app.UseJeugdhulpApi();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseBackofficeWebapp();
        app.MapGet("/gezondheid", () => Results.Text("ok"));
        app.MapJeugdhulpApi();
        return app;
    }

    /// <summary>
    /// The host as <c>Program.cs</c> builds it, with <paramref name="instellingen"/> over its configuration and
    /// listening on <paramref name="urls"/>: what <c>jeugdhulp serve</c> runs. The content root is the program's
    /// folder, so its <c>appsettings.json</c> is read whatever the current folder.
    /// </summary>
    public static WebApplication Bouw(string urls, IEnumerable<KeyValuePair<string, string?>> instellingen, string? omgeving = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = omgeving });
        builder.Configuration.AddInMemoryCollection(instellingen);
        builder.WebHost.UseUrls(urls);
        builder.AddJeugdhulp();
        var app = builder.Build();
        app.UseJeugdhulp();
        return app;
    }

    private static Backoffice OpenBackoffice(Hostopties opties, TimeProvider klok)
    {
        // The options were checked at start (Hostoptiecontrole): what fails here is the disk or the database.
        var regels = RegelMap.Lees(opties.Regelmap!);
        var geopend = regels.TryGet(out var bestanden) ? Backoffice.Open(opties.Webopties(), bestanden, klok) : Core.Waarden.Resultaat<Backoffice>.Mislukt(regels.Fouten);
        return geopend.TryGet(out var backoffice)
            ? backoffice
            : throw new OptionsValidationException(Hostopties.Sectie, typeof(Hostopties), [.. geopend.Fouten.Select(f => f.ToString())]);
    }
}
