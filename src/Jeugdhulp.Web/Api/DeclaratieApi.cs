using System.Security.Claims;
using System.Text.Json;
using Jeugdhulp.Core.NoShow;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Schrijven;
using Jeugdhulp.Store.NoShow;
using Jeugdhulp.Store.Verwerking;
using Jeugdhulp.Web.Toegang;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jeugdhulp.Web.Api;

/// <summary>The body of <c>POST /api/noshows</c>: facts only, never treatment content (HK-NS-4).</summary>
/// <param name="Gemeente">CBS code of the allocation's municipality; may be left out when the number identifies one allocation of this provider and client.</param>
/// <param name="Toewijzingnummer">ToewijzingNummer.</param>
/// <param name="Bsn">The client's BSN.</param>
/// <param name="Datum">The day of the missed appointment (yyyy-mm-dd).</param>
/// <param name="Product">Optional: the product of the sub-product; when given it must be the allocation's.</param>
internal sealed record NoshowVerzoek(string? Gemeente, long? Toewijzingnummer, string? Bsn, DateOnly? Datum, string? Product);

/// <summary>A registered no-show (201).</summary>
/// <param name="Id">The stored registration.</param>
/// <param name="Gemeente">The municipality of the allocation.</param>
/// <param name="Aantal">Which no-show this is for the client and product in <paramref name="Jaar"/> (this one included).</param>
/// <param name="Jaar">The calendar year it counts in.</param>
/// <param name="Product">The allocation's product it counts on.</param>
/// <param name="Regel">The rule of the follow-up step (HK-NS-1, HK-NS-2, HK-NS-3).</param>
/// <param name="Toelichting">Dutch: what follows.</param>
/// <param name="BesluitUiterlijk">For the third: the day the municipality's decision is due (HK-NS-3); otherwise null.</param>
internal sealed record Noshowverslag(long Id, string Gemeente, int Aantal, int Jaar, string Product, string Regel, string Toelichting, DateOnly? BesluitUiterlijk);

/// <summary>
/// Provider endpoints for declarations: the JW323 pre-check (<see cref="DeclaratieProefnemen"/>) and no-show
/// registration (<see cref="NoShowVastleggen"/>), both on the one writer like every other store transaction of the API.
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
                De body is een JW323 als XML (hoogstens 25 MB, instelbaar); Afzender moet de AGB-code van het token zijn. Het antwoord is
                hetzelfde JSON-object als bij POST /api/berichten (file = "proef"), met de uitkomst die de declaratie nu zou
                krijgen (accepted, rejected of invalid), per afgekeurde prestatie de retourcode, regel en reden in 'reasons',
                en een lege 'outbox': er is niets vastgelegd en geen JW325 gestuurd. Met ?xml=true is het antwoord de JW325
                die de gemeente zou sturen (Identificatie PROEF), als XML; 422 als het bestand geen iJw-bericht is.
                """)
            .XmlBody("Eén JW323 (XML, hoogstens 25 MB, instelbaar).")
            .Produces<VerslagDocument>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPost("/noshows", Noshow)
            .RequireAuthorization(Toegangsregels.Aanbieder).WithTags("Aanbieder")
            .WithName("NoshowMelden")
            .WithSummary("Een no-show (ongeplande afwezigheid) registreren (HK-323-4, HK-NS-1 t/m 4)")
            .WithDescription("""
                Body: {"gemeente": "0034", "toewijzingnummer": 12, "bsn": "...", "datum": "2027-03-01"} ("product" mag erbij).
                Alleen feiten, geen behandelinhoud (HK-NS-4). De toewijzing moet van de aanbieder van het token zijn. Antwoord
                201 met het volgnummer van deze no-show in het kalenderjaar, wat er volgt met de regel, en bij de derde de
                datum waarop de gemeente uiterlijk besluit (HK-NS-3). Geweigerd: 422 met de code (NS-…) en de reden.
                """)
            .JsonBody<NoshowVerzoek>()
            .Produces<Noshowverslag>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> Proef(HttpRequest request, ClaimsPrincipal gebruiker, Backoffice backoffice, Verwerkingsrij rij, bool? xml,
        CancellationToken ct)
    {
        var (inhoud, weigering) = await BerichtenApi.LeesEigenBericht(request, gebruiker, ct).ConfigureAwait(false);
        if (inhoud is null)
        {
            return weigering!;
        }

        Declaratieproef proef;
        try
        {
            // Only reads, in a transaction that is always rolled back; still on the writer, so it never waits on
            // (or makes wait) a batch that holds the database.
            proef = await rij.Exclusief(() => backoffice.Store.Proef(inhoud, backoffice.Regels, backoffice.Vandaag), ct).ConfigureAwait(false);
        }
        catch (OpslagFout e)
        {
            return Problemen.Maak(StatusCodes.Status503ServiceUnavailable, "Niet gecontroleerd", e.Message + " Probeer het later opnieuw.");
        }

        if (xml is true)
        {
            return proef.Jw325 is { } jw325
                ? Results.Bytes(IjwSchrijver.Schrijf(jw325), "application/xml")
                : Problemen.Maak(StatusCodes.Status422UnprocessableEntity, "Geen JW325", string.Join(" ", proef.Meldingen),
                    new Dictionary<string, object?> { ["reasons"] = proef.Meldingen.ToList() });
        }

        return Results.Text(VerslagJson.Schrijf(proef.Verslag("proef")), "application/json", System.Text.Encoding.UTF8);
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
        Gemeentecode? gemeente = null;
        if (!string.IsNullOrEmpty(v?.Gemeente))
        {
            var g = Gemeentecode.Parse(v.Gemeente);
            if (g.TryGet(out var code))
            {
                gemeente = code;
            }
            else
            {
                fouten.Add("'gemeente' is geen CBS-gemeentecode van 4 cijfers.");
            }
        }

        ProductCode? product = null;
        if (!string.IsNullOrEmpty(v?.Product))
        {
            var p = ProductCode.Parse(v.Product);
            if (p.TryGet(out var code))
            {
                product = code;
            }
            else
            {
                fouten.Add("'product' is geen productcode.");
            }
        }

        var bsn = Bsn.Parse(v?.Bsn ?? "");
        if (!bsn.IsGeldig)
        {
            fouten.Add("'bsn' is geen geldig BSN.");
        }

        if (v?.Toewijzingnummer is not (> 0 and <= int.MaxValue))
        {
            fouten.Add("'toewijzingnummer' ontbreekt of is geen ToewijzingNummer.");
        }

        if (v?.Datum is null)
        {
            fouten.Add("'datum' (jjjj-mm-dd) ontbreekt.");
        }

        if (fouten.Count > 0)
        {
            return Problemen.OngeldigeInvoer(string.Join(" ", fouten));
        }

        var nummer = (int)v!.Toewijzingnummer!.Value;
        var melding = new NoShowMelding(AgbCode.Parse(Toegangsregels.CodeVan(gebruiker)).Waarde, bsn.Waarde, nummer, v.Datum!.Value, product);
        Resultaat<NoShowRegistratie> resultaat;
        try
        {
            // A write: on the one writer, like every other change the API makes.
            resultaat = await rij.Exclusief(() => backoffice.Store.RegistreerNoShow(melding, gemeente, backoffice.Regels, backoffice.Vandaag), ct)
                .ConfigureAwait(false);
        }
        catch (OpslagFout e)
        {
            return Problemen.Maak(StatusCodes.Status503ServiceUnavailable, "Niet verwerkt", e.Message + " Probeer het later opnieuw.");
        }

        if (!resultaat.TryGet(out var r))
        {
            return Problemen.Maak(StatusCodes.Status422UnprocessableEntity, "No-show niet geregistreerd", string.Join(" ", resultaat.Fouten.Select(f => f.Melding)),
                new Dictionary<string, object?> { ["code"] = resultaat.Fouten[0].Code });
        }

        var u = r.Uitslag;
        return TypedResults.Created($"/api/noshows/{r.Id}",
            new Noshowverslag(r.Id, r.Gemeente, u.Volgnummer, u.Jaar, u.Product.Waarde, u.Regel, u.Vervolg, u.BesluitUiterlijk));
    }
}
