using System.Security.Claims;
using System.Text.Encodings.Web;
using Jeugdhulp.Store.Toegang;
using Jeugdhulp.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jeugdhulp.Web.Toegang;

/// <summary>
/// Bearer authentication with the API tokens of <c>jeugdhulp token</c>: <c>Authorization: Bearer jh_…</c>.
/// The token is looked up by its hash on every request, so a revocation (from the command line, another
/// process) counts from the next request. Refusals are ProblemDetails with a Dutch reason.
/// </summary>
internal sealed class TokenAuthenticatie(IOptionsMonitor<AuthenticationSchemeOptions> opties, ILoggerFactory logger, UrlEncoder encoder, Backoffice backoffice)
    : AuthenticationHandler<AuthenticationSchemeOptions>(opties, logger, encoder)
{
    public const string Schema = "ApiToken";

    private const string FoutSleutel = "jeugdhulp.tokenfout";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? kop = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(kop))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!kop.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(Fout("De Authorization-header is geen 'Bearer <token>'."));
        }

        var token = backoffice.Store.ZoekApiToken(kop["Bearer ".Length..].Trim());
        if (token is null)
        {
            return Task.FromResult(Fout("Het token is onbekend of ingetrokken, of verlopen (een nieuw maakt u met 'jeugdhulp token')."));
        }

        var identiteit = new ClaimsIdentity(
            [
                new Claim(Toegangsregels.TokenId, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(Toegangsregels.Soort, token.Soort == Tokensoort.Aanbieder ? Toegangsregels.Aanbieder : Toegangsregels.Gemeente),
                new Claim(Toegangsregels.Code, token.Code),
                new Claim(ClaimTypes.Name, token.Wie),
            ], Schema);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identiteit), Schema)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var reden = Context.Items[FoutSleutel] as string;
        Response.Headers.WWWAuthenticate = reden is null ? "Bearer realm=\"jeugdhulp\"" : "Bearer realm=\"jeugdhulp\", error=\"invalid_token\"";
        return Problemen.Schrijf(Context, StatusCodes.Status401Unauthorized, "Niet aangemeld",
            reden ?? "Deze functie vraagt een API-token: 'Authorization: Bearer <token>' (aan te maken met 'jeugdhulp token').");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var soort = Context.User.FindFirst(Toegangsregels.Soort)?.Value;
        return Problemen.Schrijf(Context, StatusCodes.Status403Forbidden, "Geen toegang",
            soort == Toegangsregels.Aanbieder
                ? "Dit is een token van een aanbieder; deze functie is alleen voor een gemeente."
                : "Dit is een token van een gemeente; deze functie is alleen voor een aanbieder.");
    }

    private AuthenticateResult Fout(string reden)
    {
        Context.Items[FoutSleutel] = reden;
        return AuthenticateResult.Fail(reden);
    }
}
