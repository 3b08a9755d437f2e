using System.Security.Claims;
using Jeugdhulp.Ijw.Lezen;
using Jeugdhulp.Store.Outbox;
using Jeugdhulp.Store.Verwerking;
using Jeugdhulp.Web.Toegang;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jeugdhulp.Web.Api;

/// <summary>One answer in the provider's list.</summary>
/// <param name="Id">Outbox id: <c>GET /api/berichten/uitgaand/{id}</c> gives the XML.</param>
/// <param name="Bericht">The answer's message code (JW301, JW316, JW319, JW325 …).</param>
/// <param name="Bestand">The file name the answer has in the outbox.</param>
/// <param name="Created">When it was committed (UTC).</param>
internal sealed record UitgaandItem(long Id, string Bericht, string Bestand, DateTimeOffset Created);

/// <summary>
/// The provider API: send a message, list and fetch the answers. A provider only ever sees what is its own:
/// the Afzender of what it sends must be its AGB code, and every read filters on it as Ontvanger, so
/// another provider's answer id is "not found", exactly as one that does not exist.
/// </summary>
internal static class BerichtenApi
{
    public const int MaxLijst = 1000;

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/berichten").RequireAuthorization(Toegangsregels.Aanbieder).WithTags("Aanbieder");

        g.MapPost("/", Stuur)
            .WithName("BerichtVersturen")
            .WithSummary("Een iJw-bericht (JW315, JW317, JW305, JW307, JW323) aanbieden")
            .WithDescription("""
                De body is één iJw 3.2-bericht als XML. Het wordt verwerkt zoals `jeugdhulp process` het doet: technisch
                gecontroleerd, vastgelegd, beoordeeld en beantwoord. Het antwoord komt pas als het bericht is vastgelegd
                en geeft hetzelfde JSON-object als één regel van `jeugdhulp process --json` (file = "api"): uitkomst,
                besluiten met toegepaste regels en de antwoordberichten. Een exacte herhaling krijgt de eerdere uitkomst.
                Afzender in de Header moet de AGB-code van het token zijn (anders 403). Een body die geen iJw-bericht is,
                of een bericht dat niet voor deze backoffice is, krijgt 400 met de redenen; er is dan niets vastgelegd.
                """)
            .XmlBody("Eén iJw 3.2-bericht (XML, hoogstens 25 MB, instelbaar).")
            .Produces<VerslagDocument>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        g.MapGet("/uitgaand", Lijst)
            .WithName("AntwoordenLijst")
            .WithSummary("De antwoorden aan deze aanbieder")
            .WithDescription($"""
                Op id oplopend, hoogstens `max` (standaard en hoogstens {MaxLijst}) met een id groter dan `na` (standaard 0).
                Haal de volgende bladzijde op met `na` = het laatste id; een kortere lijst dan `max` is de laatste.
                """)
            .Produces<UitgaandItem[]>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        g.MapGet("/uitgaand/{id:long}", Haal)
            .WithName("AntwoordOphalen")
            .WithSummary("Eén antwoord als iJw-XML")
            .Produces(StatusCodes.Status200OK, contentType: "application/xml")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Stuur(HttpRequest request, ClaimsPrincipal gebruiker, Verwerkingsrij rij, CancellationToken ct)
    {
        var (inhoud, weigering) = await LeesEigenBericht(request, gebruiker, ct).ConfigureAwait(false);
        if (inhoud is null)
        {
            return weigering!;
        }

        Bestandsverslag verslag;
        try
        {
            verslag = await rij.Verwerk(new Invoer("api", inhoud), ct).ConfigureAwait(false);
        }
        catch (OpslagFout e)
        {
            return Problemen.Maak(StatusCodes.Status503ServiceUnavailable, "Niet verwerkt", e.Message + " Bied het bericht later opnieuw aan.");
        }

        if (verslag.Uitkomst == Uitkomsten.Invalid && verslag.Outbox.Count == 0)
        {
            // Nothing journalled and nothing to answer in iJw: the reasons go back to the sender here.
            return Problemen.OngeldigeInvoer(Samenvatting(verslag.Meldingen), new Dictionary<string, object?> { ["reasons"] = verslag.Meldingen });
        }

        if (verslag.Uitkomst == Uitkomsten.Error)
        {
            return Problemen.Maak(StatusCodes.Status500InternalServerError, "Interne fout", Samenvatting(verslag.Meldingen),
                new Dictionary<string, object?> { ["reasons"] = verslag.Meldingen });
        }

        // File names only: the server's folders are none of the provider's business; the id list and
        // GET /api/berichten/uitgaand/{id} are how a provider fetches them.
        return Results.Text(VerslagJson.Schrijf(verslag with { Outbox = [.. verslag.Outbox.Select(Path.GetFileName).OfType<string>()] }),
            "application/json", System.Text.Encoding.UTF8);
    }

    /// <summary>
    /// The body, when it is XML within the size limit and its Afzender is the token's AGB code; otherwise the
    /// refusal. A body that is not an iJw message at all gets the reader's coded reasons.
    /// </summary>
    public static async Task<(byte[]? Inhoud, IResult? Weigering)> LeesEigenBericht(HttpRequest request, ClaimsPrincipal gebruiker, CancellationToken ct)
    {
        var (inhoud, weigering) = await Berichtbody.Lees(request, ct).ConfigureAwait(false);
        if (inhoud is null)
        {
            return (null, weigering);
        }

        var afzender = Afzenderlezer.Lees(inhoud);
        if (afzender is null)
        {
            var redenen = IjwLezer.Lees(inhoud).Fouten.Take(20).Select(f => f.ToString()).ToList();
            if (redenen.Count == 0)
            {
                redenen.Add("Het bericht heeft geen Header met Afzender.");
            }

            return (null, Problemen.OngeldigeInvoer("Dit is geen iJw 3.2-bericht: " + Samenvatting(redenen),
                new Dictionary<string, object?> { ["reasons"] = redenen }));
        }

        var agb = Toegangsregels.CodeVan(gebruiker);
        if (!string.Equals(afzender, agb, StringComparison.Ordinal))
        {
            return (null, Problemen.Maak(StatusCodes.Status403Forbidden, "Geen toegang",
                $"Afzender '{afzender}' in de Header is niet de AGB-code van dit token ({agb}); een aanbieder stuurt alleen eigen berichten."));
        }

        return (inhoud, null);
    }

    private static IResult Lijst(ClaimsPrincipal gebruiker, Backoffice backoffice, long? na, int? max)
    {
        if (na is < 0 || max is < 1 or > MaxLijst)
        {
            return Problemen.OngeldigeInvoer($"'na' is een id vanaf 0 en 'max' een aantal van 1 tot en met {MaxLijst}.");
        }

        var lijst = backoffice.Store.UitgaandVoor(Toegangsregels.CodeVan(gebruiker), na ?? 0, max ?? MaxLijst);
        return TypedResults.Ok(lijst.Select(u => new UitgaandItem(u.Id, u.Bericht, u.Bestandsnaam, u.AangemaaktOp)).ToList());
    }

    private static IResult Haal(long id, ClaimsPrincipal gebruiker, Backoffice backoffice) =>
        backoffice.Store.UitgaandBericht(Toegangsregels.CodeVan(gebruiker), id) is { } b
            ? Results.File(b.Inhoud, "application/xml", b.Bestandsnaam)
            : Problemen.NietGevonden($"Er is geen antwoord {id} aan deze aanbieder.");

    private static string Samenvatting(IReadOnlyList<string> meldingen) =>
        meldingen.Count == 0 ? "Geen reden gemeld." : meldingen.Count == 1 ? meldingen[0] : $"{meldingen[0]} (en {meldingen.Count - 1} andere, zie 'reasons')";
}

/// <summary>The report of one processed message, as documented in the OpenAPI document (written by <see cref="VerslagJson"/>).</summary>
/// <param name="File">"api" for a message sent through the API.</param>
/// <param name="Bericht">The message code, when it could be read.</param>
/// <param name="Identificatie">Its BerichtIdentificatie.</param>
/// <param name="Outcome">approved, rejected, review, mixed, accepted or invalid.</param>
/// <param name="Decisions">One per request line.</param>
/// <param name="Outbox">The answers' file names (no server folder).</param>
/// <param name="Reasons">Dutch reasons, when the outcome needs one.</param>
internal sealed record VerslagDocument(string File, string? Bericht, string? Identificatie, string Outcome, BesluitDocument[] Decisions, string[] Outbox, string[] Reasons);

/// <summary>One decision in <see cref="VerslagDocument"/>.</summary>
/// <param name="Referentie">ReferentieAanbieder.</param>
/// <param name="Outcome">approved, rejected or review.</param>
/// <param name="Reden">RedenAfwijzingVerzoek when rejected.</param>
/// <param name="Rules">Rule ids applied (HK-…).</param>
/// <param name="Toelichting">The Dutch explanation.</param>
internal sealed record BesluitDocument(string Referentie, string Outcome, int? Reden, string[] Rules, string Toelichting);
