using System.Security.Claims;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Backoffice;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jeugdhulp.Web.Schermen;

/// <summary>The logged-in staff member: the account's name and municipality (every query filters on it).</summary>
public sealed record Ingelogd(string Gebruiker, Gemeentecode Gemeente);

/// <summary>Staff login with a per-municipality account and a cookie; the account is checked again on every request.</summary>
internal static partial class Inloggen
{
    public const string GemeenteClaim = "jeugdhulp:gemeente";

    public static Ingelogd Medewerker(this HttpContext ctx)
    {
        var naam = ctx.User.Identity?.Name;
        var gemeente = ctx.User.FindFirst(GemeenteClaim)?.Value;
        return naam is not null && gemeente is not null && Gemeentecode.Parse(gemeente).TryGet(out var g)
            ? new Ingelogd(naam, g)
            : throw new InvalidOperationException("Pagina zonder ingelogde medewerker: de route mist RequireAuthorization.");
    }

    public static IResult Formulier(HttpContext ctx, Backoffice b, string? terug) =>
        Pagina(ctx, b, null, terug, null, StatusCodes.Status200OK);

    public static async Task<IResult> Verwerk(HttpContext ctx, Backoffice b, ILoggerFactory logs)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var form = await BackofficeWebapp.LeesFormulier(ctx);
        if (form is null)
        {
            return Pagina(ctx, b, null, null, "Het formulier was verlopen. Probeer het opnieuw.", StatusCodes.Status400BadRequest);
        }

        var gebruiker = form["gebruiker"].ToString().Trim();
        var wachtwoord = form["wachtwoord"].ToString();
        var terug = form["terug"].ToString();
        var log = logs.CreateLogger("Jeugdhulp.Web.Inloggen");
        var remming = ctx.RequestServices.GetRequiredService<Inlogremming>();
        if (remming.Wachttijd(gebruiker) is { } wacht && wacht > TimeSpan.Zero)
        {
            LogGeremd(log, VoorLog(gebruiker));
            var minuten = (int)Math.Ceiling(wacht.TotalMinutes);
            return Pagina(ctx, b, gebruiker, terug,
                $"Te veel mislukte pogingen voor deze gebruikersnaam. Probeer het over {minuten} {(minuten == 1 ? "minuut" : "minuten")} opnieuw.",
                StatusCodes.Status429TooManyRequests);
        }

        var account = gebruiker.Length is > 0 and <= 100 ? b.Store.ZoekMedewerker(gebruiker) : null;

        // Always one hash computation, so the response time does not reveal which user names exist.
        var klopt = Wachtwoorden.Klopt(wachtwoord, account?.WachtwoordHash ?? Wachtwoorden.Lokaas) && account is { Actief: true };
        if (!klopt || account is null)
        {
            remming.Mislukt(gebruiker);
            LogMislukt(log, VoorLog(gebruiker));
            return Pagina(ctx, b, gebruiker, terug, "Gebruikersnaam of wachtwoord is onjuist.", StatusCodes.Status401Unauthorized);
        }

        var identiteit = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, account.Gebruiker), new Claim(GemeenteClaim, account.Gemeente.Waarde)],
            BackofficeWebapp.Schema);
        remming.Gelukt(gebruiker);
        await ctx.SignInAsync(BackofficeWebapp.Schema, new ClaimsPrincipal(identiteit));
        LogGelukt(log, account.Gebruiker, account.Gemeente.Waarde);
        return Results.Redirect(IsLokaal(terug) ? terug : "/werkvoorraad");
    }

    public static async Task<IResult> Uitloggen(HttpContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (await BackofficeWebapp.LeesFormulier(ctx) is null)
        {
            return Results.BadRequest();
        }

        await ctx.SignOutAsync(BackofficeWebapp.Schema);
        return Results.Redirect("/inloggen");
    }

    /// <summary>A removed or deactivated account, or one moved to another municipality, loses its open sessions at once.</summary>
    public static async Task ControleerAccount(CookieValidatePrincipalContext ctx)
    {
        var naam = ctx.Principal?.Identity?.Name;
        var gemeente = ctx.Principal?.FindFirst(GemeenteClaim)?.Value;
        var b = ctx.HttpContext.RequestServices.GetRequiredService<Backoffice>();
        var account = naam is null ? null : b.Store.ZoekMedewerker(naam);
        if (account is not { Actief: true } || account.Gemeente.Waarde != gemeente)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(BackofficeWebapp.Schema);
        }
    }

    /// <summary>Only a path on this site: no scheme, no host, no protocol-relative "//" (open redirect).</summary>
    internal static bool IsLokaal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    private static IResult Pagina(HttpContext ctx, Backoffice b, string? gebruiker, string? terug, string? fout, int status)
    {
        var melding = fout is null ? Html.Leeg : Html.H($"""<p class="fout" role="alert" id="inlogfout">{fout}</p>""");
        var body = Html.H($"""
            <section class="inloggen">
            <h1>Inloggen</h1>
            <p>Log in met het account van uw gemeente. U ziet alleen cliënten en verzoeken van uw eigen gemeente.</p>
            {melding}
            <form method="post" action="/inloggen">
            {Opmaak.Formuliertoken(ctx)}
            <input type="hidden" name="terug" value="{(IsLokaal(terug) ? terug : "")}">
            <p><label for="gebruiker">Gebruikersnaam</label>
            <input id="gebruiker" name="gebruiker" autocomplete="username" required autofocus value="{gebruiker}"{(fout is null ? Html.Leeg : Html.Vertrouwd(" aria-describedby=\"inlogfout\""))}></p>
            <p><label for="wachtwoord">Wachtwoord</label>
            <input id="wachtwoord" name="wachtwoord" type="password" autocomplete="current-password" required></p>
            <p><button type="submit">Inloggen</button></p>
            </form>
            </section>
            """);
        return Opmaak.Pagina(ctx, b, "Inloggen", null, body, status);
    }

    /// <summary>
    /// The typed user name for the log, cut to 100 characters; digit runs of 8 or more are masked, in case
    /// someone typed a BSN into the user name field (a BSN never goes to a log in clear text).
    /// </summary>
    internal static string VoorLog(string gebruiker) =>
        Cijferreeks().Replace(gebruiker.Length > 100 ? gebruiker[..100] : gebruiker, m => new string('*', m.Length));

    [System.Text.RegularExpressions.GeneratedRegex("[0-9]{8,}")]
    private static partial System.Text.RegularExpressions.Regex Cijferreeks();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inloggen mislukt voor gebruiker '{Gebruiker}'")]
    private static partial void LogMislukt(ILogger log, string gebruiker);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inloggen geweigerd voor gebruiker '{Gebruiker}': te veel mislukte pogingen")]
    private static partial void LogGeremd(ILogger log, string gebruiker);

    [LoggerMessage(Level = LogLevel.Information, Message = "Medewerker '{Gebruiker}' van gemeente {Gemeente} is ingelogd")]
    private static partial void LogGelukt(ILogger log, string gebruiker, string gemeente);
}
