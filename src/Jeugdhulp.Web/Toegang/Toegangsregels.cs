using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Jeugdhulp.Web.Toegang;

/// <summary>The claims an API token carries and the two policies: provider endpoints and municipality endpoints.</summary>
internal static class Toegangsregels
{
    public const string Soort = "jeugdhulp:soort";
    public const string Code = "jeugdhulp:code";
    public const string TokenId = "jeugdhulp:token";

    /// <summary>Policy and claim value: a provider's token.</summary>
    public const string Aanbieder = "aanbieder";

    /// <summary>Policy and claim value: a municipality's token.</summary>
    public const string Gemeente = "gemeente";

    public static void Voeg(AuthorizationBuilder builder)
    {
        builder.AddPolicy(Aanbieder, p => p.AddAuthenticationSchemes(TokenAuthenticatie.Schema).RequireAuthenticatedUser().RequireClaim(Soort, Aanbieder));
        builder.AddPolicy(Gemeente, p => p.AddAuthenticationSchemes(TokenAuthenticatie.Schema).RequireAuthenticatedUser().RequireClaim(Soort, Gemeente));
    }

    /// <summary>The AGB or CBS code the request acts for (the policies guarantee it is there).</summary>
    public static string CodeVan(ClaimsPrincipal gebruiker) =>
        gebruiker.FindFirst(Code)?.Value ?? throw new InvalidOperationException("Geen token-code: het eindpunt mist zijn toegangsregel.");

    /// <summary>Who, for the audit log: "gemeente 0034 (token 5)".</summary>
    public static string WieVan(ClaimsPrincipal gebruiker) =>
        gebruiker.Identity?.Name ?? throw new InvalidOperationException("Geen token: het eindpunt mist zijn toegangsregel.");
}
