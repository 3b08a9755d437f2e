using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Jeugdhulp.Web.Schermen;

namespace Jeugdhulp.Web.Components.Shared;

/// <summary>
/// Post/redirect/get: a confirmation for the page after the redirect travels in a short-lived, encrypted cookie bound
/// to the staff member, so a crafted link cannot show a decision that was never taken. Read once, then deleted.
/// Each feature keeps its own cookie name, data-protection purpose and path.
/// </summary>
internal static class Doorgeefmelding
{
    public static void Zet(HttpContext ctx, IDataProtectionProvider dp, string cookie, string doel, string pad, string tekst) =>
        ctx.Response.Cookies.Append(cookie, dp.CreateProtector(doel).Protect(ctx.Medewerker().Gebruiker + "\n" + tekst), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = ctx.Request.IsHttps,
            Path = pad,
            MaxAge = TimeSpan.FromMinutes(1),
        });

    /// <summary>The confirmation, when one was set for this staff member; null otherwise (also for a damaged or foreign cookie).</summary>
    public static string? Lees(HttpContext ctx, IDataProtectionProvider dp, string cookie, string doel, string pad)
    {
        if (ctx.Request.Cookies[cookie] is not { } waarde)
        {
            return null;
        }

        ctx.Response.Cookies.Delete(cookie, new CookieOptions { Path = pad });
        try
        {
            var delen = dp.CreateProtector(doel).Unprotect(waarde).Split('\n', 2);
            return delen.Length == 2 && delen[0] == ctx.Medewerker().Gebruiker ? delen[1] : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
