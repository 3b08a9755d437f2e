using System.Net;
using Jeugdhulp.Core.Waarden;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>The addresses in <paramref name="waarde"/> (comma-separated; empty or null: none), or a coded error naming the one that is not an IP address.</summary>
    public static Resultaat<IReadOnlyList<IPAddress>> Lees(string? waarde)
    {
        var adressen = new List<IPAddress>();
        foreach (var deel in (waarde ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!IPAddress.TryParse(deel, out var ip))
            {
                return Resultaat<IReadOnlyList<IPAddress>>.Mislukt("WEB-PROXY", $"'{deel}' is geen IP-adres van een vertrouwde proxy.", Variabele);
            }

            adressen.Add(ip);
        }

        return Resultaat<IReadOnlyList<IPAddress>>.Ok(adressen);
    }

    public static IApplicationBuilder UseProxykoppen(this IApplicationBuilder app)
    {
        var opties = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        foreach (var ip in app.ApplicationServices.GetRequiredService<Backoffice>().Proxies)
        {
            opties.KnownProxies.Add(ip);
        }

        return app.UseForwardedHeaders(opties);
    }
}
