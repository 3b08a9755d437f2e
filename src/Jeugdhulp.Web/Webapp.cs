using Jeugdhulp.Web.Api;
using Jeugdhulp.Web.Schermen;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Jeugdhulp.Web;

/// <summary>
/// The web host: the provider API, the municipality API and the backoffice pages on one Kestrel server.
/// <c>jeugdhulp serve</c> and the tests' WebApplicationFactory both configure the host through
/// <see cref="Configureer"/>, so what is tested is what runs.
/// </summary>
public sealed class Webapp
{
    private readonly Backoffice backoffice;

    public Webapp(Backoffice backoffice)
    {
        ArgumentNullException.ThrowIfNull(backoffice);
        this.backoffice = backoffice;
    }

    /// <summary>A Kestrel host listening on <paramref name="urls"/>; <paramref name="omgeving"/> overrides ASPNETCORE_ENVIRONMENT (tests).</summary>
    public WebApplication Bouw(string urls, string? omgeving = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = omgeving });
        builder.WebHost.UseUrls(urls);
        ConfigureerDiensten(builder.Services);
        var app = builder.Build();
        ConfigureerPijplijn(app);
        return app;
    }

    /// <summary>Applies services and middleware to a host builder (used by the tests' factory).</summary>
    public void Configureer(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureServices(ConfigureerDiensten);
        builder.Configure(ConfigureerPijplijn);
    }

    private void ConfigureerDiensten(IServiceCollection services)
    {
        services.AddSingleton(backoffice);
        services.AddRouting();

        // No default scheme: the provider and municipality APIs use bearer tokens, the backoffice pages a
        // cookie; each endpoint group names its own scheme and policy.
        services.AddAuthentication();
        services.AddAuthorization();
        services.AddJeugdhulpApi();
        services.AddBackofficeWebapp(backoffice);

        // Both parts configure the one rate limiter; its refusal is the login page's for a login attempt and the
        // API's (Retry-After, ProblemDetails) for the rest. Set last, so neither part's handler overwrites the other.
        services.Configure<RateLimiterOptions>(o => o.OnRejected = (context, ct) =>
            Inlogbegrenzing.IsInlogpoging(context.HttpContext) ? Inlogbegrenzing.Weiger(context, ct) : ApiDiensten.Weiger(context, ct));
    }

    private static void ConfigureerPijplijn(IApplicationBuilder app)
    {
        // Forwarded headers first, so the access log and the rate limits see the client's own address.
        app.UseProxykoppen();
        app.UseJeugdhulpApi();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseBackofficeWebapp();
        app.UseEndpoints(e =>
        {
            e.MapGet("/gezondheid", () => Results.Text("ok"));
            e.MapJeugdhulpApi();
        });
    }
}
