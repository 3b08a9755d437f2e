using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jeugdhulp.Web.Api;

/// <summary>
/// One kind of refusal: its status, its Dutch title and a stable <c>type</c> (<c>urn:jeugdhulp:probleem:{code}</c>),
/// so a client can tell the kinds apart without reading the Dutch text. docs/API.md lists them all.
/// </summary>
/// <param name="Code">The last part of the type; never changes once published.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Titel">Short Dutch title.</param>
internal sealed record Probleemsoort(string Code, int Status, string Titel)
{
    public const string Voorvoegsel = "urn:jeugdhulp:probleem:";

    public string Type => Voorvoegsel + Code;
}

/// <summary>Every refusal of the APIs as RFC 9457 ProblemDetails (application/problem+json) with a Dutch <c>detail</c>.</summary>
internal static class Problemen
{
    public static readonly Probleemsoort OngeldigVerzoek = new("ongeldige-invoer", StatusCodes.Status400BadRequest, "Ongeldige invoer");
    public static readonly Probleemsoort GeenIjwBericht = new("geen-ijw-bericht", StatusCodes.Status400BadRequest, "Geen iJw-bericht");
    public static readonly Probleemsoort NietVoorDezeBackoffice = new("niet-verwerkt", StatusCodes.Status400BadRequest, "Bericht niet verwerkt");
    public static readonly Probleemsoort NietAangemeld = new("niet-aangemeld", StatusCodes.Status401Unauthorized, "Niet aangemeld");
    public static readonly Probleemsoort GeenToegang = new("geen-toegang", StatusCodes.Status403Forbidden, "Geen toegang");
    public static readonly Probleemsoort AndereAfzender = new("andere-afzender", StatusCodes.Status403Forbidden, "Geen toegang");
    public static readonly Probleemsoort Onbekend = new("niet-gevonden", StatusCodes.Status404NotFound, "Niet gevonden");
    public static readonly Probleemsoort MethodeNietToegestaan = new("methode-niet-toegestaan", StatusCodes.Status405MethodNotAllowed, "Methode niet toegestaan");
    public static readonly Probleemsoort AlBesloten = new("al-besloten", StatusCodes.Status409Conflict, "Besluit niet genomen");
    public static readonly Probleemsoort Verwijderd = new("verwijderd", StatusCodes.Status410Gone, "Niet meer beschikbaar");
    public static readonly Probleemsoort TeGroot = new("te-groot", StatusCodes.Status413PayloadTooLarge, "Bericht te groot");
    public static readonly Probleemsoort VerkeerdInhoudstype = new("inhoudstype", StatusCodes.Status415UnsupportedMediaType, "Verkeerd inhoudstype");
    public static readonly Probleemsoort NietVerwerkbaar = new("niet-verwerkbaar", StatusCodes.Status422UnprocessableEntity, "Niet verwerkbaar");
    public static readonly Probleemsoort NoshowGeweigerd = new("noshow-geweigerd", StatusCodes.Status422UnprocessableEntity, "No-show niet geregistreerd");
    public static readonly Probleemsoort BesluitOngeldig = new("besluit-ongeldig", StatusCodes.Status422UnprocessableEntity, "Besluit niet genomen");
    public static readonly Probleemsoort IjwRetour = new("ijw-retour", StatusCodes.Status422UnprocessableEntity, "Bericht geweigerd met een iJw-retour");
    public static readonly Probleemsoort TeVeelVerzoeken = new("te-veel-verzoeken", StatusCodes.Status429TooManyRequests, "Te veel verzoeken");
    public static readonly Probleemsoort InterneFout = new("interne-fout", StatusCodes.Status500InternalServerError, "Interne fout");
    public static readonly Probleemsoort NietBeschikbaar = new("niet-beschikbaar", StatusCodes.Status503ServiceUnavailable, "Niet verwerkt");

    /// <summary>The kind for a status when a more precise one is not named, and the kind of a framework's own refusal.</summary>
    public static Probleemsoort Standaard(int status) => status switch
    {
        StatusCodes.Status400BadRequest => OngeldigVerzoek,
        StatusCodes.Status401Unauthorized => NietAangemeld,
        StatusCodes.Status403Forbidden => GeenToegang,
        StatusCodes.Status404NotFound => Onbekend,
        StatusCodes.Status405MethodNotAllowed => MethodeNietToegestaan,
        StatusCodes.Status409Conflict => AlBesloten,
        StatusCodes.Status410Gone => Verwijderd,
        StatusCodes.Status413PayloadTooLarge => TeGroot,
        StatusCodes.Status415UnsupportedMediaType => VerkeerdInhoudstype,
        StatusCodes.Status422UnprocessableEntity => NietVerwerkbaar,
        StatusCodes.Status429TooManyRequests => TeVeelVerzoeken,
        StatusCodes.Status503ServiceUnavailable => NietBeschikbaar,
        _ when status >= 500 => InterneFout,
        _ => OngeldigVerzoek,
    };

    /// <summary>The Dutch detail of a refusal the framework answers by itself (no route, rate limit, unhandled error).</summary>
    public static string StandaardDetail(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "Deze functie vraagt een API-token: 'Authorization: Bearer <token>' (aan te maken met 'jeugdhulp token').",
        StatusCodes.Status403Forbidden => "Dit token geeft geen toegang tot deze functie.",
        StatusCodes.Status404NotFound => "Deze API kent dit adres niet; zie /openapi/v1.json voor de functies.",
        StatusCodes.Status405MethodNotAllowed => "Deze HTTP-methode is hier niet toegestaan; zie /openapi/v1.json.",
        StatusCodes.Status413PayloadTooLarge => "Het verzoek is te groot.",
        StatusCodes.Status415UnsupportedMediaType => "Dit inhoudstype wordt hier niet aangenomen.",
        StatusCodes.Status429TooManyRequests => "Te veel verzoeken met dit token in korte tijd; wacht even (zie Retry-After) en probeer het opnieuw.",
        >= 500 => "Er ging iets mis in de backoffice; het verzoek is niet verwerkt. Bied het later opnieuw aan en meld het met de traceId als het blijft gebeuren.",
        _ => "Het verzoek is niet geldig.",
    };

    public static ProblemHttpResult Maak(Probleemsoort soort, string detail, IDictionary<string, object?>? extra = null) =>
        TypedResults.Problem(detail: detail, statusCode: soort.Status, title: soort.Titel, type: soort.Type, extensions: extra);

    public static ProblemHttpResult Maak(int status, string titel, string detail, IDictionary<string, object?>? extra = null)
    {
        var soort = Standaard(status);
        return TypedResults.Problem(detail: detail, statusCode: status, title: titel, type: soort.Type, extensions: extra);
    }

    public static Task Schrijf(HttpContext context, Probleemsoort soort, string detail) => Maak(soort, detail).ExecuteAsync(context);

    public static Task Schrijf(HttpContext context, int status, string titel, string detail) =>
        Maak(status, titel, detail).ExecuteAsync(context);

    public static ProblemHttpResult NietGevonden(string detail) => Maak(Onbekend, detail);

    public static ProblemHttpResult OngeldigeInvoer(string detail, IDictionary<string, object?>? extra = null) => Maak(OngeldigVerzoek, detail, extra);

    /// <summary>
    /// Fills what a ProblemDetails written by the framework itself lacks (status-code pages, the exception handler):
    /// a stable type, a Dutch title and a Dutch detail. Our own problems already carry all three.
    /// </summary>
    public static void Vul(ProblemDetailsContext context)
    {
        var p = context.ProblemDetails;
        var status = p.Status ?? context.HttpContext.Response.StatusCode;
        if (p.Type?.StartsWith(Probleemsoort.Voorvoegsel, StringComparison.Ordinal) == true)
        {
            return;
        }

        var soort = Standaard(status);
        p.Type = soort.Type;
        p.Title = soort.Titel;
        p.Detail = StandaardDetail(status);
    }
}
