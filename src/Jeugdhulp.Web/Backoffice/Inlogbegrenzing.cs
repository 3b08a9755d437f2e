using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Jeugdhulp.Web.Schermen;

/// <summary>
/// ASP.NET Core's rate limiter in front of the login form (POST <c>/inloggen</c>; nothing else is limited):
/// per client address at most <see cref="PogingenPerAdresPerMinuut"/> attempts a minute — so a stream of
/// fresh user names, which the per-name <see cref="Inlogremming"/> never sees twice, is slowed too — and
/// globally at most half the cores computing a password hash at once, with a short queue. A password check
/// costs ~0.1 s of CPU by design (PBKDF2, 210,000 iterations); without the global bound sixteen parallel
/// logins took every core and the API with them. Refusals are 429 with <c>Retry-After</c> and a Dutch page.
/// Behind a reverse proxy the client address comes from X-Forwarded-For (see docs/SECURITY.md).
/// </summary>
internal static class Inlogbegrenzing
{
    /// <summary>Staff of one municipality share its network address: generous for people, slow for a script.</summary>
    public const int PogingenPerAdresPerMinuut = 20;

    /// <summary>Attempts that may wait for a free hash slot; beyond that they are refused at once.</summary>
    public const int Wachtrij = 32;

    /// <summary>How many password hashes may run at once: half the cores, at least one.</summary>
    public static int Gelijktijdig => Math.Max(1, Environment.ProcessorCount / 2);

    public static IServiceCollection AddInlogbegrenzing(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = Maak(Gelijktijdig, Wachtrij);
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.Headers.RetryAfter = "60";
                await Inloggen.Geweigerd(ctx.HttpContext,
                    "Te veel inlogpogingen vanaf dit adres of tegelijk. Probeer het over een minuut opnieuw.").ExecuteAsync(ctx.HttpContext);
            };
        });

    /// <summary>The chained limiter: per address (fixed one-minute window), then the global bound on concurrent password checks.</summary>
    internal static PartitionedRateLimiter<HttpContext> Maak(int gelijktijdig, int wachtrij) =>
        PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(ctx => IsInlogpoging(ctx)
                ? RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "onbekend", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = PogingenPerAdresPerMinuut,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("")),
            PartitionedRateLimiter.Create<HttpContext, string>(ctx => IsInlogpoging(ctx)
                ? RateLimitPartition.GetConcurrencyLimiter("hash", _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = gelijktijdig,
                    QueueLimit = wachtrij,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                })
                : RateLimitPartition.GetNoLimiter("")));

    private static bool IsInlogpoging(HttpContext ctx) =>
        HttpMethods.IsPost(ctx.Request.Method) && ctx.Request.Path.Equals("/inloggen", StringComparison.OrdinalIgnoreCase);

    /// <summary>Applies the limiter; after routing, before the endpoints.</summary>
    public static IApplicationBuilder UseInlogbegrenzing(this IApplicationBuilder app) => app.UseRateLimiter();
}
