using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Jeugdhulp.Web.Toegang;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Jeugdhulp.Web.Api;

/// <summary>Settings of the APIs (configuration section <c>Api</c>, e.g. the environment variable <c>Api__VerzoekenPerMinuut</c>).</summary>
public sealed class ApiOpties
{
    /// <summary>Requests per token (or, without one, per address) per minute; 0 (the default) is no limit. Above it: 429.</summary>
    public int VerzoekenPerMinuut { get; set; }
}

/// <summary>
/// The provider and municipality APIs in one call each for <see cref="Webapp"/>: services
/// (<see cref="AddJeugdhulpApi"/>), middleware (<see cref="UseJeugdhulpApi"/>) and endpoints (<see cref="MapJeugdhulpApi"/>).
/// </summary>
public static class ApiDiensten
{
    private const string Verzoeklimiet = "api";

    /// <summary>Where the interactive API reference (Scalar) is served in development.</summary>
    public const string Referentiepagina = "/scalar";

    /// <summary>
    /// Own scripts and styles plus Scalar's inline start-up script and styles; requests only to this host (the
    /// document and "test request"), no fonts or scripts from elsewhere.
    /// </summary>
    internal const string ReferentiepaginaCsp =
        "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>Bearer-token authentication, the two policies, the one writer, ProblemDetails, the access log, the rate limit and the OpenAPI document.</summary>
    public static IServiceCollection AddJeugdhulpApi(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TokenAuthenticatie>(TokenAuthenticatie.Schema, null);
        Toegangsregels.Voeg(services.AddAuthorizationBuilder());
        services.AddSingleton<Verwerkingsrij>();
        services.AddHostedService(sp => sp.GetRequiredService<Verwerkingsrij>());
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problemen.Vul);

        // Numbers are numbers: the default (also from strings) makes every integer in the OpenAPI document
        // "integer or string with a pattern", which client generators turn into odd wrapper types.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        services.AddOpenApi("v1", OpenApiDocument.Configureer);
        services.AddOptions<ApiOpties>().BindConfiguration("Api");
        services.AddRateLimiter(o =>
        {
            // The body is written by the status-code pages of UseJeugdhulpApi (ProblemDetails in Dutch).
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = Weiger;
            o.AddPolicy(Verzoeklimiet, Limiet);
        });

        // The access log: one entry per request (method, path, query, status, duration). Paths and queries are
        // masked by Toegangslog, so a BSN typed into an address never reaches the log.
        services.AddHttpLogging(o =>
        {
            o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.RequestQuery
                | HttpLoggingFields.RequestProtocol | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            o.CombineLogs = true;
        });
        services.AddHttpLoggingInterceptor<Toegangslog>();

        // The host's own request lines (Hosting.Diagnostics) carry the full path unmasked (Information), routing every
        // matched path (Debug), Kestrel a refused request line (Debug): those categories log above that level only;
        // the access log above is the masked one. Besides, ASP.NET Core's own Information lines (several per request)
        // cost more than the request itself under load; as in the ASP.NET Core templates it logs from Warning.
        services.Configure<LoggerFilterOptions>(o =>
        {
            o.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            o.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
            o.AddFilter("Microsoft.AspNetCore.Routing.Matching", LogLevel.Information);
            o.AddFilter("Microsoft.AspNetCore.Server.Kestrel.BadRequests", LogLevel.Information);
            o.AddFilter(Toegangslog.Categorie, LogLevel.Information);
        });
        return services;
    }

    /// <summary>
    /// The access log for every request, and for <c>/api</c>: ProblemDetails for an unhandled error (500) and for every
    /// refusal the framework answers without a body (no route 404, 405, 429). Before routing; the rate limiter after.
    /// </summary>
    public static IApplicationBuilder UseJeugdhulpApi(this IApplicationBuilder app)
    {
        app.UseHttpLogging();
        if (app.ApplicationServices.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            // The reference page is a script application; the pages' policy (no scripts at all) would leave it blank.
            // Registered before the pages' own header callback, so it runs after it (OnStarting runs last-in, first-out).
            app.UseWhen(c => c.Request.Path.StartsWithSegments(Referentiepagina, StringComparison.Ordinal), r => r.Use((ctx, next) =>
            {
                ctx.Response.OnStarting(() =>
                {
                    ctx.Response.Headers.ContentSecurityPolicy = ReferentiepaginaCsp;
                    return Task.CompletedTask;
                });
                return next(ctx);
            }));
        }

        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal), api =>
        {
            // A request the framework refuses while binding (in Development it throws instead of answering 400) keeps
            // its own status; anything else is a 500.
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = e => e is BadHttpRequestException b ? b.StatusCode : StatusCodes.Status500InternalServerError,
            });
            api.UseStatusCodePages();
        });
        return app;
    }

    /// <summary>
    /// A request refused by the per-token limit: its Retry-After; the body comes from the status-code pages of
    /// <see cref="UseJeugdhulpApi"/>. (The one rate-limiter middleware runs in the backoffice's part of the
    /// pipeline, after routing, where endpoint policies apply; see <c>Webapp</c> for the one OnRejected.)
    /// </summary>
    internal static ValueTask Weiger(OnRejectedContext context, CancellationToken _)
    {
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wacht))
        {
            context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wacht.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The endpoints under <c>/api/v1</c>, the deprecated ones under <c>/api</c>, the OpenAPI document at
    /// <c>/openapi/v1.json</c> and, in development, the reference page at <c>/scalar</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapJeugdhulpApi(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/api/v1").RequireRateLimiting(Verzoeklimiet);
        BerichtenApi.Map(v1);
        DeclaratieApi.Map(v1);
        GemeenteApi.Map(v1);
        ToekenningApi.Map(v1);
        VerblijfApi.Map(v1);
        ProefApi.Map(v1);

        var oud = endpoints.MapGroup("/api").RequireRateLimiting(Verzoeklimiet).ExcludeFromDescription().AddEndpointFilter(Verouderd.Meld);
        BerichtenApi.MapVerouderd(oud);
        DeclaratieApi.MapVerouderd(oud);
        GemeenteApi.MapVerouderd(oud);

        endpoints.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        if (endpoints.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            // Nothing from elsewhere: no fonts from Scalar's servers, no telemetry, no AI agent; the token goes in the bearer field.
            endpoints.MapScalarApiReference(Referentiepagina, o => o.WithTitle("Jeugdhulp API").DisableDefaultFonts().DisableTelemetry()
                .DisableAgent().DisableMcp().HideDeveloperTools().AddPreferredSecuritySchemes(OpenApiDocument.Bearer)).AllowAnonymous();
        }

        return endpoints;
    }

    private static RateLimitPartition<string> Limiet(HttpContext http)
    {
        var perMinuut = http.RequestServices.GetRequiredService<IOptionsMonitor<ApiOpties>>().CurrentValue.VerzoekenPerMinuut;
        if (perMinuut <= 0)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        // Per token (hashed: the limiter keeps its keys in memory), or per address for requests without one.
        string? kop = http.Request.Headers.Authorization;
        var sleutel = string.IsNullOrEmpty(kop)
            ? "ip:" + http.Connection.RemoteIpAddress
            : "token:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(kop)));
        return RateLimitPartition.GetFixedWindowLimiter(sleutel, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinuut,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}
