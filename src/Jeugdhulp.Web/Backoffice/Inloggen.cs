using System.Globalization;
using System.Security.Claims;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Web.Components;
using Jeugdhulp.Web.Components.Pages.Inloggen;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jeugdhulp.Web.Schermen;

/// <summary>The logged-in staff member: the account's name and municipality (every query filters on it) and role.</summary>
public sealed record Ingelogd(string Gebruiker, Gemeentecode Gemeente, Medewerkerrol Rol)
{
    /// <summary>Whether this staff member may do what <paramref name="beleid"/> (a <see cref="BackofficeWebapp.Rollen"/> constant) guards.</summary>
    public bool Mag(string beleid) => BackofficeWebapp.Rollen.Mag(Rol, beleid);
}

/// <summary>Staff login with a per-municipality account and a cookie; the account is checked again on every request.</summary>
internal static partial class Inloggen
{
    public const string GemeenteClaim = "jeugdhulp:gemeente";

    /// <summary>The claim with the account's role code (<see cref="Medewerkerrollen.Code"/>), checked on every request.</summary>
    public const string RolClaim = "jeugdhulp:rol";

    /// <summary>The claim with the server-side session key (<see cref="Medewerkersessies"/>).</summary>
    public const string SessieClaim = "jeugdhulp:sessie";

    /// <summary>
    /// How long a login lasts at most on the server, also while it is used (the cookie itself slides: 8 hours
    /// after the last request). A working day and some: a stolen cookie does not live on for days.
    /// </summary>
    public static readonly TimeSpan Sessieduur = TimeSpan.FromHours(12);

    public static Ingelogd Medewerker(this HttpContext ctx)
    {
        var naam = ctx.User.Identity?.Name;
        var gemeente = ctx.User.FindFirst(GemeenteClaim)?.Value;
        return naam is not null && gemeente is not null && Gemeentecode.Parse(gemeente).TryGet(out var g)
            && Medewerkerrollen.Lees(ctx.User.FindFirst(RolClaim)?.Value) is { } rol
            ? new Ingelogd(naam, g, rol)
            : throw new InvalidOperationException("Pagina zonder ingelogde medewerker: de route mist RequireAuthorization.");
    }

    public static IResult Formulier(string? terug) =>
        Pagina(null, terug, null, StatusCodes.Status200OK);

    public static async Task<IResult> Verwerk(HttpContext ctx, Backoffice b, ILoggerFactory logs)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var form = await BackofficeWebapp.LeesFormulier(ctx);
        if (form is null)
        {
            return Pagina(null, null, "Het formulier was verlopen. Probeer het opnieuw.", StatusCodes.Status400BadRequest);
        }

        var gebruiker = form["gebruiker"].ToString().Trim();
        var wachtwoord = form["wachtwoord"].ToString();
        var terug = form["terug"].ToString();
        var log = logs.CreateLogger("Jeugdhulp.Web.Inloggen");
        var remming = ctx.RequestServices.GetRequiredService<Inlogremming>();
        var remsleutel = Apparaat.Remsleutel(ctx, gebruiker);
        if (remming.Probeer(remsleutel) is { } wacht)
        {
            LogGeremd(log, Logwaarde.Schoon(gebruiker));
            ctx.Response.Headers.RetryAfter = ((int)Math.Ceiling(wacht.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Pagina(gebruiker, terug,
                $"Te veel mislukte pogingen voor deze gebruikersnaam. Probeer het over {Wachttekst(wacht)} opnieuw.",
                StatusCodes.Status429TooManyRequests);
        }

        var account = gebruiker.Length is > 0 and <= 100 ? b.Store.ZoekMedewerker(gebruiker) : null;

        // Always one hash computation, so the response time does not reveal which user names exist; in one of
        // the few hash slots, so logins cannot take the CPU from the API.
        var (gedaan, klopt) = await ctx.RequestServices.GetRequiredService<Hashslot>()
            .Voer(() => Wachtwoorden.Klopt(wachtwoord, account?.WachtwoordHash ?? Wachtwoorden.Lokaas), ctx.RequestAborted);
        if (!gedaan)
        {
            ctx.Response.Headers.RetryAfter = "5";
            return Pagina(gebruiker, terug, "Er wordt nu op veel plaatsen tegelijk ingelogd. Probeer het over enkele seconden opnieuw.",
                StatusCodes.Status429TooManyRequests);
        }

        if (!klopt || account is not { Actief: true })
        {
            LogMislukt(log, Logwaarde.Schoon(gebruiker));
            return Pagina(gebruiker, terug, "Gebruikersnaam of wachtwoord is onjuist.", StatusCodes.Status401Unauthorized);
        }

        remming.Gelukt(remsleutel);
        var sessie = b.Store.StartMedewerkersessie(account.Gebruiker, Sessieduur);
        var identiteit = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, account.Gebruiker), new Claim(GemeenteClaim, account.Gemeente.Waarde),
             new Claim(RolClaim, account.Rol.Code()), new Claim(SessieClaim, sessie)],
            BackofficeWebapp.Schema);
        await ctx.SignInAsync(BackofficeWebapp.Schema, new ClaimsPrincipal(identiteit));
        Apparaat.Onthoud(ctx, account.Gebruiker);
        var naam = Logwaarde.Schoon(account.Gebruiker);
        LogGelukt(log, naam, account.Gemeente.Waarde);
        return Results.Redirect(IsLokaal(terug) ? terug : BackofficeWebapp.Rollen.Startpagina(account.Rol));
    }

    /// <summary>Ends the session on the server too: a copy of the cookie taken before gives no access after.</summary>
    public static async Task<IResult> Uitloggen(HttpContext ctx, Backoffice b)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(b);
        if (await BackofficeWebapp.LeesFormulier(ctx) is null)
        {
            return Results.BadRequest();
        }

        if (ctx.User.FindFirst(SessieClaim)?.Value is { } sessie)
        {
            b.Store.BeeindigMedewerkersessie(sessie);
        }

        await ctx.SignOutAsync(BackofficeWebapp.Schema);
        return Results.Redirect("/inloggen");
    }

    /// <summary>
    /// On every request: the cookie's session must still run on the server (not logged out, no new password,
    /// not expired), and the account must still be active in the same municipality with the same role;
    /// otherwise the cookie is rejected and cleared.
    /// </summary>
    public static async Task ControleerAccount(CookieValidatePrincipalContext ctx)
    {
        var naam = ctx.Principal?.Identity?.Name;
        var gemeente = ctx.Principal?.FindFirst(GemeenteClaim)?.Value;
        var sessie = ctx.Principal?.FindFirst(SessieClaim)?.Value;
        var b = ctx.HttpContext.RequestServices.GetRequiredService<Backoffice>();
        var account = sessie is null ? null : b.Store.ZoekMedewerkersessie(sessie);
        if (account is not { Actief: true } || account.Gebruiker != naam || account.Gemeente.Waarde != gemeente
            || account.Rol.Code() != ctx.Principal?.FindFirst(RolClaim)?.Value)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(BackofficeWebapp.Schema);
        }
    }

    /// <summary>
    /// Only a path on this site, by the framework's <c>Url.IsLocalUrl</c> rules and stricter: it starts with one
    /// '/', not "//" or "/\" (protocol-relative), and holds only printable ASCII without a backslash: no
    /// whitespace or control character anywhere (browsers drop a tab or line feed, so "/\t/evil.example" would
    /// become "//evil.example"), and nothing a Location header cannot carry (a line feed or non-ASCII there is
    /// a server error). A path with other characters is percent-encoded by whoever made the link.
    /// </summary>
    internal static bool IsLokaal(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2000 && url[0] == '/' && (url.Length == 1 || url[1] != '/')
        && url.All(c => c is > ' ' and < '\u007f' and not '\\');

    /// <summary>
    /// A signed-in staff member on a page their role may not open: 403 with a Dutch page that says so and links
    /// to their own start page (the cookie handler's default would redirect to a login that is already done).
    /// </summary>
    public static Task Geweigerd(RedirectContext<CookieAuthenticationOptions> ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var rol = Medewerkerrollen.Lees(ctx.HttpContext.User.FindFirst(RolClaim)?.Value) ?? Medewerkerrol.Medewerker;
        return Scherm.Geweigerd(rol).ExecuteAsync(ctx.HttpContext);
    }

    /// <summary>The login form with a refusal of the rate limiter (429): too many attempts from one address or at once.</summary>
    internal static IResult Geweigerd(string melding) =>
        Pagina(null, null, melding, StatusCodes.Status429TooManyRequests);

    private static string Wachttekst(TimeSpan wacht)
    {
        if (wacht < TimeSpan.FromMinutes(1))
        {
            var seconden = Math.Max(1, (int)Math.Ceiling(wacht.TotalSeconds));
            return $"{seconden} {(seconden == 1 ? "seconde" : "seconden")}";
        }

        var minuten = (int)Math.Ceiling(wacht.TotalMinutes);
        return $"{minuten} {(minuten == 1 ? "minuut" : "minuten")}";
    }

    private static IResult Pagina(string? gebruiker, string? terug, string? fout, int status) =>
        Scherm.Toon<Inlogpagina>(new { Gebruiker = gebruiker, Terug = terug, Fout = fout }, status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inloggen mislukt voor gebruiker '{Gebruiker}'")]
    private static partial void LogMislukt(ILogger log, string gebruiker);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inloggen geweigerd voor gebruiker '{Gebruiker}': te veel mislukte pogingen")]
    private static partial void LogGeremd(ILogger log, string gebruiker);

    [LoggerMessage(Level = LogLevel.Information, Message = "Medewerker '{Gebruiker}' van gemeente {Gemeente} is ingelogd")]
    private static partial void LogGelukt(ILogger log, string gebruiker, string gemeente);
}
