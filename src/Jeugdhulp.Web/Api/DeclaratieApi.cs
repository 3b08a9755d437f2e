using System.Security.Claims;
using System.Text.Json;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Verwerking;
using Jeugdhulp.Web.Toegang;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jeugdhulp.Web.Api;

/// <summary>The body of <c>POST /api/noshows</c>.</summary>
/// <param name="Gemeente">CBS code of the allocation's municipality.</param>
/// <param name="Toewijzingnummer">ToewijzingNummer.</param>
/// <param name="Bsn">The client's BSN.</param>
/// <param name="Datum">The day of the missed appointment (yyyy-mm-dd).</param>
internal sealed record NoshowVerzoek(string? Gemeente, long? Toewijzingnummer, string? Bsn, DateOnly? Datum);

/// <summary>
/// Provider endpoints for declarations: the JW323 pre-check and no-show registration. Their store logic
/// comes from other branches through <see cref="IDeclaratieproef"/> and <see cref="INoshowregistratie"/>;
/// without it they answer 501 with the reason, never a made-up success.
/// </summary>
internal static class DeclaratieApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/declaraties/proef", Proef)
            .RequireAuthorization(Toegangsregels.Aanbieder).WithTags("Aanbieder")
            .WithName("DeclaratieProef")
            .WithSummary("Een JW323 vooraf laten controleren, zonder iets vast te leggen of te versturen")
            .WithDescription("""
                De body is een JW323 als XML (hoogstens 50 MB); Afzender moet de AGB-code van het token zijn. Het antwoord is
                hetzelfde JSON-object als bij POST /api/berichten, met de uitkomst die de declaratie nu zou krijgen en een
                lege 'outbox': er is niets vastgelegd en geen JW325 gestuurd. 501 zolang de proefcontrole niet is gekoppeld.
                """)
            .XmlBody("Eén JW323 (XML, hoogstens 50 MB).")
            .Produces<VerslagDocument>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status501NotImplemented)
            .WithMetadata(new RequestSizeLimitAttribute(Berichtbody.MaxBytes));

        api.MapPost("/noshows", Noshow)
            .RequireAuthorization(Toegangsregels.Aanbieder).WithTags("Aanbieder")
            .WithName("NoshowMelden")
            .WithSummary("Een no-show (ongeplande afwezigheid) registreren (HK-NS-1 t/m 4)")
            .WithDescription("""
                Body: {"gemeente": "0034", "toewijzingnummer": 12, "bsn": "...", "datum": "2027-03-01"}. Alleen feiten, geen
                behandelinhoud (HK-NS-4). De toewijzing moet van de aanbieder van het token zijn. Antwoord 201 met het
                volgnummer van deze no-show in het kalenderjaar en wat er volgt. 501 zolang de registratie niet is gekoppeld.
                """)
            .JsonBody<NoshowVerzoek>()
            .Produces<Noshowverslag>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status501NotImplemented);
    }

    private static async Task<IResult> Proef(HttpRequest request, ClaimsPrincipal gebruiker, Backoffice backoffice, CancellationToken ct)
    {
        var (inhoud, weigering) = await BerichtenApi.LeesEigenBericht(request, gebruiker, ct).ConfigureAwait(false);
        if (inhoud is null)
        {
            return weigering!;
        }

        if (request.HttpContext.RequestServices.GetService<IDeclaratieproef>() is not { } proef)
        {
            return NietGekoppeld("De proefcontrole van declaraties (JW323) is in deze versie nog niet aan de API gekoppeld; stuur de JW323 via POST /api/berichten.");
        }

        var verslag = proef.Proef(inhoud, Toegangsregels.CodeVan(gebruiker), backoffice.Vandaag);
        return Results.Text(VerslagJson.Schrijf(verslag), "application/json", System.Text.Encoding.UTF8);
    }

    private static async Task<IResult> Noshow(HttpRequest request, ClaimsPrincipal gebruiker, Backoffice backoffice, Verwerkingsrij rij, CancellationToken ct)
    {
        NoshowVerzoek? v;
        try
        {
            v = await request.ReadFromJsonAsync<NoshowVerzoek>(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or BadHttpRequestException)
        {
            return Problemen.OngeldigeInvoer("De body is geen JSON-object {\"gemeente\", \"toewijzingnummer\", \"bsn\", \"datum\"} (Content-Type: application/json).");
        }

        var fouten = new List<string>();
        var gemeente = Gemeentecode.Parse(v?.Gemeente ?? "");
        var bsn = Bsn.Parse(v?.Bsn ?? "");
        if (!gemeente.IsGeldig)
        {
            fouten.Add("'gemeente' is geen CBS-gemeentecode van 4 cijfers.");
        }

        if (!bsn.IsGeldig)
        {
            fouten.Add("'bsn' is geen geldig BSN.");
        }

        if (v?.Toewijzingnummer is not > 0)
        {
            fouten.Add("'toewijzingnummer' ontbreekt.");
        }

        if (v?.Datum is null)
        {
            fouten.Add("'datum' (jjjj-mm-dd) ontbreekt.");
        }

        if (fouten.Count > 0)
        {
            return Problemen.OngeldigeInvoer(string.Join(" ", fouten));
        }

        if (request.HttpContext.RequestServices.GetService<INoshowregistratie>() is not { } registratie)
        {
            return NietGekoppeld("Het registreren van no-shows is in deze versie nog niet aan de API gekoppeld; er is niets vastgelegd.");
        }

        var melding = new Noshowmelding(AgbCode.Parse(Toegangsregels.CodeVan(gebruiker)).Waarde, gemeente.Waarde, v!.Toewijzingnummer!.Value, bsn.Waarde, v.Datum!.Value);
        Resultaat<Noshowverslag> resultaat;
        try
        {
            // A write: on the one writer, like every other change the API makes.
            resultaat = await rij.Exclusief(() => registratie.Registreer(melding, backoffice.Vandaag), ct).ConfigureAwait(false);
        }
        catch (OpslagFout e)
        {
            return Problemen.Maak(StatusCodes.Status503ServiceUnavailable, "Niet verwerkt", e.Message + " Probeer het later opnieuw.");
        }

        return resultaat.TryGet(out var verslag)
            ? TypedResults.Created($"/api/noshows/{verslag.Id}", verslag)
            : Problemen.Maak(StatusCodes.Status422UnprocessableEntity, "No-show niet geregistreerd", string.Join(" ", resultaat.Fouten.Select(f => f.Melding)),
                new Dictionary<string, object?> { ["code"] = resultaat.Fouten[0].Code });
    }

    private static IResult NietGekoppeld(string detail) => Problemen.Maak(StatusCodes.Status501NotImplemented, "Nog niet beschikbaar", detail);
}
