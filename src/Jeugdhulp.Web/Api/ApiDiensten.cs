using Jeugdhulp.Web.Toegang;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jeugdhulp.Web.Api;

/// <summary>
/// The provider and municipality APIs in one call each for <see cref="Webapp"/>: services
/// (<see cref="AddJeugdhulpApi"/>) and endpoints (<see cref="MapJeugdhulpApi"/>).
/// </summary>
public static class ApiDiensten
{
    /// <summary>Bearer-token authentication, the two policies, the one writer, ProblemDetails and the OpenAPI document.</summary>
    public static IServiceCollection AddJeugdhulpApi(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TokenAuthenticatie>(TokenAuthenticatie.Schema, null);
        Toegangsregels.Voeg(services.AddAuthorizationBuilder());
        services.AddSingleton<Verwerkingsrij>();
        services.AddHostedService(sp => sp.GetRequiredService<Verwerkingsrij>());
        services.AddProblemDetails();
        services.AddOpenApi("v1", OpenApiDocument.Configureer);

        // The host logs every request line with its full path (Information), routing every matched path
        // (Debug), Kestrel a refused request line (Debug); /api/clienten/{bsn} would put a BSN in the log in
        // clear text. Those categories log above that level only (warnings and errors still are logged).
        // Besides, ASP.NET Core's own Information lines (several per request) cost more than the request
        // itself under load; as in the ASP.NET Core templates it logs from Warning.
        services.Configure<LoggerFilterOptions>(o =>
        {
            o.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            o.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
            o.AddFilter("Microsoft.AspNetCore.Routing.Matching", LogLevel.Information);
            o.AddFilter("Microsoft.AspNetCore.Server.Kestrel.BadRequests", LogLevel.Information);
        });
        return services;
    }

    /// <summary>The endpoints under <c>/api</c> and the OpenAPI document at <c>/openapi/v1.json</c>.</summary>
    public static IEndpointRouteBuilder MapJeugdhulpApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        BerichtenApi.Map(api);
        DeclaratieApi.Map(api);
        GemeenteApi.Map(api);
        endpoints.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return endpoints;
    }
}
