using Microsoft.AspNetCore.Http;

namespace Jeugdhulp.Web.Api;

/// <summary>
/// The paths before <c>/api/v1</c> stay for a deprecation period (docs/API.md): each answer says so with
/// <c>Deprecation</c> (RFC 9745), <c>Sunset</c> (RFC 8594) and a <c>Link</c> to its successor under <c>/api/v1</c>.
/// </summary>
internal static class Verouderd
{
    /// <summary>Deprecated since 1 December 2026.</summary>
    public static readonly DateTimeOffset Sinds = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Removed after 1 July 2027.</summary>
    public static readonly DateTimeOffset Einde = new(2027, 7, 1, 0, 0, 0, TimeSpan.Zero);

    public static async ValueTask<object?> Meld(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var koppen = http.Response.Headers;
        koppen["Deprecation"] = "@" + Sinds.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        koppen["Sunset"] = Einde.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        // The removed client look-up's successor is the POST, not the same path (which would echo the BSN).
        var opvolger = http.Request.Path.StartsWithSegments("/api/clienten", StringComparison.Ordinal)
            ? "/api/v1/clienten/zoeken"
            : "/api/v1" + http.Request.Path.Value?["/api".Length..];
        koppen.Link = $"<{opvolger}>; rel=\"successor-version\"";
        return await next(context).ConfigureAwait(false);
    }
}
