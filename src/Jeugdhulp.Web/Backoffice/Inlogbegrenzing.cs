using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Jeugdhulp.Web.Schermen;

/// <summary>
/// ASP.NET Core's rate limiter in front of the login form (POST <c>/inloggen</c>; nothing else is limited):
/// per client address at most <see cref="PogingenPerAdresPerMinuut"/> attempts a minute — so a stream of
/// fresh user names, which the per-name <see cref="Inlogremming"/> never sees twice, is slowed too — and
/// globally at most <see cref="PogingenPerMinuut"/> (many addresses at once). Neither queues: a refusal is
/// 429 with <c>Retry-After</c> and a Dutch page at once. How many password checks run at once is bounded by
/// <see cref="Hashslot"/>. Behind a reverse proxy the client address comes from X-Forwarded-For (see
/// docs/SECURITY.md).
/// </summary>
internal static class Inlogbegrenzing
{
    /// <summary>Staff of one municipality share its network address: generous for people, slow for a script.</summary>
    public const int PogingenPerAdresPerMinuut = 20;

    /// <summary>All addresses together: far above what the region's staff need, far below what the CPU would do.</summary>
    public const int PogingenPerMinuut = 600;

    public static IServiceCollection AddInlogbegrenzing(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = Maak(PogingenPerMinuut);
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = Weiger;
        });

    /// <summary>A login attempt over the limit: the login page's own refusal, in Dutch.</summary>
    internal static async ValueTask Weiger(OnRejectedContext ctx, CancellationToken ct)
    {
        ctx.HttpContext.Response.Headers.RetryAfter = "60";
        await Inloggen.Geweigerd(
            "Te veel inlogpogingen vanaf dit adres of in totaal. Probeer het over een minuut opnieuw.").ExecuteAsync(ctx.HttpContext);
    }

    /// <summary>
    /// The chained limiter: per address, then for all, each a fixed one-minute window without a queue (with a
    /// queue, the middleware's second try after a failed first one would count a request twice).
    /// </summary>
    internal static PartitionedRateLimiter<HttpContext> Maak(int pogingenPerMinuut) =>
        PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(ctx => IsInlogpoging(ctx)
                ? RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "onbekend", _ => Minuut(PogingenPerAdresPerMinuut))
                : RateLimitPartition.GetNoLimiter("")),
            PartitionedRateLimiter.Create<HttpContext, string>(ctx => IsInlogpoging(ctx)
                ? RateLimitPartition.GetFixedWindowLimiter("alle", _ => Minuut(pogingenPerMinuut))
                : RateLimitPartition.GetNoLimiter("")));

    private static FixedWindowRateLimiterOptions Minuut(int pogingen) =>
        new() { PermitLimit = pogingen, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };

    internal static bool IsInlogpoging(HttpContext ctx) =>
        HttpMethods.IsPost(ctx.Request.Method) && ctx.Request.Path.Equals("/inloggen", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Applies the one rate limiter of the host: these login limits (global) and the API's per-token policy
    /// (endpoint metadata), so after routing and before the endpoints. Only once: a second middleware would count
    /// every login attempt twice.
    /// </summary>
    public static IApplicationBuilder UseInlogbegrenzing(this IApplicationBuilder app) => app.UseRateLimiter();
}
