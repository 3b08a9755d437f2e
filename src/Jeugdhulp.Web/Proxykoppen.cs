using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;

namespace Jeugdhulp.Web;

/// <summary>
/// Behind a reverse proxy that terminates TLS: the scheme (X-Forwarded-Proto) and client address
/// (X-Forwarded-For) the proxy reports are taken over, so the login cookie gets its Secure flag, HSTS is sent
/// and the login rate limiter counts the real client. Only from trusted proxies: loopback (a proxy on the same
/// host) and the addresses in <c>JEUGDHULP_PROXY</c> (comma-separated); from anyone else the headers are
/// ignored, or a client could pick its own address. See docs/SECURITY.md.
/// </summary>
public static class Proxykoppen
{
    /// <summary>Environment variable with the addresses of trusted reverse proxies besides loopback.</summary>
    public const string Variabele = "JEUGDHULP_PROXY";

    public static IApplicationBuilder UseProxykoppen(this IApplicationBuilder app)
    {
        var opties = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        foreach (var adres in (Environment.GetEnvironmentVariable(Variabele) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (IPAddress.TryParse(adres, out var ip))
            {
                opties.KnownProxies.Add(ip);
            }
        }

        return app.UseForwardedHeaders(opties);
    }
}
