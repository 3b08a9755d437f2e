using Microsoft.AspNetCore.Http;

namespace Jeugdhulp.Web.Api;

/// <summary>Every refusal of the APIs as RFC 9457 ProblemDetails (application/problem+json) with a Dutch <c>detail</c>.</summary>
internal static class Problemen
{
    public static IResult Maak(int status, string titel, string detail, IDictionary<string, object?>? extra = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: titel, extensions: extra);

    public static Task Schrijf(HttpContext context, int status, string titel, string detail) =>
        Maak(status, titel, detail).ExecuteAsync(context);

    public static IResult NietGevonden(string detail) => Maak(StatusCodes.Status404NotFound, "Niet gevonden", detail);

    public static IResult OngeldigeInvoer(string detail, IDictionary<string, object?>? extra = null) =>
        Maak(StatusCodes.Status400BadRequest, "Ongeldige invoer", detail, extra);
}
