using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Jeugdhulp.Web.Schermen;

/// <summary>
/// A "known device" cookie (OWASP's device cookies): after a successful login the browser gets a cookie,
/// protected with the data protection keys, naming the account and a random device id. A later login for
/// that account from that browser is throttled on its own key instead of the user name's, so someone who
/// keeps guessing a known name slows down strangers only, and the staff member at their own desk can still
/// log in (no lockout). The cookie is no credential: the password is checked as always.
/// </summary>
internal static class Apparaat
{
    public const string Cookie = "jeugdhulp-apparaat";

    /// <summary>How long a browser stays known without a new login.</summary>
    public static readonly TimeSpan Geldigheid = TimeSpan.FromDays(90);

    private const string Doel = "Jeugdhulp.Inloggen.Apparaat";

    /// <summary>The key <see cref="Inlogremming"/> counts this attempt on: the device when it is known for this name, else the name.</summary>
    public static string Remsleutel(HttpContext ctx, string gebruiker)
    {
        var naam = Normaal(gebruiker);
        if (ctx.Request.Cookies[Cookie] is { Length: > 0 and < 1000 } waarde)
        {
            try
            {
                var inhoud = Beschermer(ctx).Unprotect(waarde);
                var scheiding = inhoud.IndexOf('\n', StringComparison.Ordinal);
                if (scheiding > 0 && inhoud[..scheiding] == naam)
                {
                    return "apparaat\n" + inhoud;
                }
            }
            catch (CryptographicException)
            {
                // Forged, from another key ring or expired: treated as an unknown browser.
            }
        }

        return "naam\n" + naam;
    }

    /// <summary>After a successful login: this browser is known for <paramref name="gebruiker"/>.</summary>
    public static void Onthoud(HttpContext ctx, string gebruiker)
    {
        var inhoud = Normaal(gebruiker) + "\n" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        ctx.Response.Cookies.Append(Cookie, Beschermer(ctx).Protect(inhoud, Geldigheid), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = ctx.Request.IsHttps,
            Path = "/inloggen",
            MaxAge = Geldigheid,
            IsEssential = true,
        });
    }

    private static ITimeLimitedDataProtector Beschermer(HttpContext ctx) =>
        ctx.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Doel).ToTimeLimitedDataProtector();

    private static string Normaal(string gebruiker) => gebruiker.Trim().ToUpperInvariant();
}
