using System.Security.Claims;
using Jeugdhulp.Ijw.Lezen;
using Jeugdhulp.Store.Journaal;
using Jeugdhulp.Store.Outbox;
using Jeugdhulp.Store.Verwerking;
using Jeugdhulp.Web.Toegang;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Jeugdhulp.Web.Api;

/// <summary>One answer in the provider's list.</summary>
/// <param name="Id">Outbox id: <c>GET /api/v1/berichten/uitgaand/{id}</c> gives the XML.</param>
/// <param name="Bericht">The answer's message code (JW301, JW316, JW319, JW325 …).</param>
/// <param name="Bestand">The file name the answer has in the outbox.</param>
/// <param name="Created">When it was committed (UTC).</param>
/// <param name="Href">Where to fetch its XML.</param>
internal sealed record UitgaandItem(long Id, string Bericht, string Bestand, DateTimeOffset Created, string Href);

/// <summary>
/// The provider API: send a message, look at it again, list and fetch the answers. A provider only ever sees what
/// is its own: the Afzender of what it sends must be its AGB code, and every read filters on it (as Afzender or
/// Ontvanger), so another provider's id is "not found", exactly as one that does not exist.
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
                gecontroleerd, vastgelegd, beoordeeld en beantwoord. Het antwoord komt pas als het bericht is vastgelegd:
                201 met `Location` = het bericht (`GET /api/v1/berichten/{id}`), de uitkomst, de besluiten met toegepaste
                regels en per antwoordbericht (JW301, JW316, JW319, JW325 …) het id en de link om het op te halen.
                Een exacte herhaling verandert niets en krijgt 200 met dezelfde ids. Een bericht dat met een iJw-retour
                geweigerd is (technisch afgekeurd, of Identificatie al gebruikt: 9056) krijgt 422 met de retourcodes en de
                ids van het bericht en de retour. Afzender in de Header moet de AGB-code van het token zijn (anders 403). Een
                body die geen iJw-bericht is, of een bericht dat niet voor deze backoffice is, krijgt 400 met de redenen;
                er is dan niets vastgelegd.
                """)
            .XmlBody("Eén iJw 3.2-bericht (XML, hoogstens 25 MB, instelbaar).", Voorbeelden.Jw315)
            .Voorbeeld(StatusCodes.Status201Created, Voorbeelden.Berichtverslag)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        g.MapGet("/{id:long}", Bericht)
            .WithName("BerichtOpvragen")
            .WithSummary("Een eerder aangeboden bericht: uitkomst, besluiten zoals ze nu staan, en de antwoorden")
            .WithDescription("Het adres uit `Location` van POST /api/v1/berichten. Een bericht van een andere aanbieder is 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        g.MapGet("/uitgaand", Lijst)
            .WithName("AntwoordenLijst")
            .WithSummary("De antwoorden aan deze aanbieder")
            .WithDescription($"""
                Op id oplopend, hoogstens `max` (standaard en hoogstens {MaxLijst}) met een id groter dan `na` (standaard 0).
                Haal de volgende bladzijde op met `na` = het laatste id; een kortere lijst dan `max` is de laatste.
                """)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        g.MapGet("/uitgaand/{id:long}", Haal)
            .WithName("AntwoordOphalen")
            .WithSummary("Eén antwoord als iJw-XML")
            .XmlAntwoord()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>
    /// The paths before /api/v1 (deprecated, see <see cref="Verouderd"/>). POST /api/berichten keeps its old answer,
    /// the <c>process --json</c> line with file names, so integrations built on it keep working until the sunset.
    /// </summary>
    public static void MapVerouderd(RouteGroupBuilder oud)
    {
        var g = oud.MapGroup("/berichten").RequireAuthorization(Toegangsregels.Aanbieder);
        g.MapPost("/", StuurVerouderd);
        g.MapGet("/uitgaand", Lijst);
        g.MapGet("/uitgaand/{id:long}", Haal);
    }

    private static async Task<Results<Created<Berichtverslag>, Ok<Berichtverslag>, ProblemHttpResult>> Stuur(
        HttpContext http, ClaimsPrincipal gebruiker, Verwerkingsrij rij, CancellationToken ct)
    {
        var (verslag, weigering) = await Verwerk(http.Request, gebruiker, rij, ct).ConfigureAwait(false);
        if (verslag is null)
        {
            return weigering!;
        }

        if (verslag.JournaalId is not { } id)
        {
            // Accepted without a journal row is a bug: the pipeline journals every message it answers.
            return Problemen.Maak(Problemen.InterneFout, "Het bericht is verwerkt maar niet terug te vinden; meld dit aan de beheerder.");
        }

        var document = Berichtverslag.Van(verslag, id, Toegangsregels.CodeVan(gebruiker));
        var pad = Berichtverslag.Pad(id);
        if (document.Geweigerd)
        {
            http.Response.Headers.Location = pad;
            var codes = document.Antwoorden.SelectMany(a => a.Retourcodes).Distinct(StringComparer.Ordinal).ToList();
            return Problemen.Maak(Problemen.IjwRetour,
                $"Het bericht is geweigerd met retourcode {string.Join(", ", codes)}: {Samenvatting(verslag.Meldingen)} Haal de retour op via 'antwoorden'.",
                new Dictionary<string, object?>
                {
                    ["retourcodes"] = codes,
                    ["bericht"] = document.Id,
                    ["antwoorden"] = document.Antwoorden,
                    ["reasons"] = verslag.Meldingen,
                });
        }

        if (verslag.Herhaling)
        {
            http.Response.Headers.Location = pad;
            return TypedResults.Ok(document);
        }

        return TypedResults.Created(pad, document);
    }

    private static async Task<IResult> StuurVerouderd(HttpRequest request, ClaimsPrincipal gebruiker, Verwerkingsrij rij, CancellationToken ct)
    {
        var (verslag, weigering) = await Verwerk(request, gebruiker, rij, ct).ConfigureAwait(false);

        // File names only: the server's folders are none of the provider's business.
        return verslag is null
            ? weigering!
            : Results.Text(VerslagJson.Schrijf(verslag with { Outbox = [.. verslag.Outbox.Select(Path.GetFileName).OfType<string>()] }),
                "application/json", System.Text.Encoding.UTF8);
    }

    /// <summary>The message processed and committed, or the refusal when nothing was accepted.</summary>
    private static async Task<(Bestandsverslag? Verslag, ProblemHttpResult? Weigering)> Verwerk(HttpRequest request, ClaimsPrincipal gebruiker,
        Verwerkingsrij rij, CancellationToken ct)
    {
        var (inhoud, weigering) = await LeesEigenBericht(request, gebruiker, ct).ConfigureAwait(false);
        if (inhoud is null)
        {
            return (null, weigering);
        }

        Bestandsverslag verslag;
        try
        {
            verslag = await rij.Verwerk(new Invoer("api", inhoud), ct).ConfigureAwait(false);
        }
        catch (OpslagFout e)
        {
            return (null, Problemen.Maak(Problemen.NietBeschikbaar, e.Message + " Bied het bericht later opnieuw aan."));
        }

        if (verslag.Uitkomst == Uitkomsten.Invalid && verslag.Outbox.Count == 0)
        {
            // Nothing journalled and nothing to answer in iJw: the reasons go back to the sender here.
            return (null, Problemen.Maak(Problemen.NietVoorDezeBackoffice, Samenvatting(verslag.Meldingen),
                new Dictionary<string, object?> { ["reasons"] = verslag.Meldingen }));
        }

        if (verslag.Uitkomst == Uitkomsten.Error)
        {
            return (null, Problemen.Maak(Problemen.InterneFout, Samenvatting(verslag.Meldingen), new Dictionary<string, object?> { ["reasons"] = verslag.Meldingen }));
        }

        return (verslag, null);
    }

    /// <summary>
    /// The body, when it is XML within the size limit and its Afzender is the token's AGB code; otherwise the
    /// refusal. A body that is not an iJw message at all gets the reader's coded reasons.
    /// </summary>
    public static async Task<(byte[]? Inhoud, ProblemHttpResult? Weigering)> LeesEigenBericht(HttpRequest request, ClaimsPrincipal gebruiker, CancellationToken ct)
    {
        var (inhoud, weigering) = await Berichtbody.Lees(request, ct).ConfigureAwait(false);
        if (inhoud is null)
        {
            return (null, weigering);
        }

        var afzender = Afzenderlezer.Lees(inhoud);
        if (afzender is null)
        {
            var fouten = IjwLezer.Lees(inhoud).Fouten.Take(20).ToList();
            var redenen = fouten.Select(f => f.ToString()).ToList();
            if (redenen.Count == 0)
            {
                redenen.Add("Het bericht heeft geen Header met Afzender.");
            }

            return (null, Problemen.Maak(Problemen.GeenIjwBericht, "Dit is geen iJw 3.2-bericht: " + Samenvatting(redenen),
                new Dictionary<string, object?> { ["reasons"] = redenen, ["codes"] = fouten.Select(f => f.Code).Distinct(StringComparer.Ordinal).ToList() }));
        }

        var agb = Toegangsregels.CodeVan(gebruiker);
        if (!string.Equals(afzender, agb, StringComparison.Ordinal))
        {
            return (null, Problemen.Maak(Problemen.AndereAfzender,
                $"Afzender '{afzender}' in de Header is niet de AGB-code van dit token ({agb}); een aanbieder stuurt alleen eigen berichten."));
        }

        return (inhoud, null);
    }

    private static Results<Ok<List<UitgaandItem>>, ProblemHttpResult> Lijst(ClaimsPrincipal gebruiker, Backoffice backoffice, long? na, int? max)
    {
        if (na is < 0 || max is < 1 or > MaxLijst)
        {
            return Problemen.OngeldigeInvoer($"'na' is een id vanaf 0 en 'max' een aantal van 1 tot en met {MaxLijst}.");
        }

        var lijst = backoffice.Store.UitgaandVoor(Toegangsregels.CodeVan(gebruiker), na ?? 0, max ?? MaxLijst);
        return TypedResults.Ok(lijst.Select(u => new UitgaandItem(u.Id, u.Bericht, u.Bestandsnaam, u.AangemaaktOp, Antwoordverwijzing.Pad(u.Id))).ToList());
    }

    private static Results<Ok<Berichtverslag>, ProblemHttpResult> Bericht(long id, ClaimsPrincipal gebruiker, Backoffice backoffice) =>
        backoffice.Store.OntvangenBericht(Toegangsregels.CodeVan(gebruiker), id) is { } bericht
            ? TypedResults.Ok(Berichtverslag.Van(bericht))
            : Problemen.NietGevonden($"Er is geen bericht {id} van deze aanbieder.");

    private static Results<FileContentHttpResult, ProblemHttpResult> Haal(long id, ClaimsPrincipal gebruiker, Backoffice backoffice) =>
        backoffice.Store.UitgaandBericht(Toegangsregels.CodeVan(gebruiker), id) is { } b
            ? TypedResults.File(b.Inhoud, "application/xml", b.Bestandsnaam)
            : Problemen.NietGevonden($"Er is geen antwoord {id} aan deze aanbieder.");

    private static string Samenvatting(IReadOnlyList<string> meldingen) =>
        meldingen.Count == 0 ? "Geen reden gemeld." : meldingen.Count == 1 ? meldingen[0] : $"{meldingen[0]} (en {meldingen.Count - 1} andere, zie 'reasons')";
}

/// <summary>The report of one processed message in the shape of <c>jeugdhulp process --json</c> (the JW323 pre-check answers with it).</summary>
/// <param name="File">"api" for a message sent through the API.</param>
/// <param name="Bericht">The message code, when it could be read.</param>
/// <param name="Identificatie">Its BerichtIdentificatie.</param>
/// <param name="Outcome">approved, rejected, review, mixed, accepted or invalid.</param>
/// <param name="Decisions">One per request line.</param>
/// <param name="Outbox">The answers' file names (no server folder).</param>
/// <param name="Reasons">Dutch reasons, when the outcome needs one.</param>
internal sealed record VerslagDocument(string File, string? Bericht, string? Identificatie, string Outcome, BesluitDocument[] Decisions, string[] Outbox, string[] Reasons)
{
    /// <summary>The same fields as <see cref="VerslagJson"/> writes, answers by file name only.</summary>
    public static VerslagDocument Van(Bestandsverslag v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new VerslagDocument(v.Bestand, v.Bericht, v.Identificatie, v.Uitkomst,
            [.. v.Besluiten.Select(BesluitDocument.Van)],
            [.. v.Outbox.Select(Path.GetFileName).OfType<string>()], [.. v.Meldingen]);
    }
}

/// <summary>One decision in <see cref="VerslagDocument"/>.</summary>
/// <param name="Referentie">ReferentieAanbieder.</param>
/// <param name="Outcome">approved, rejected or review.</param>
/// <param name="Reden">RedenAfwijzingVerzoek when rejected.</param>
/// <param name="Rules">Rule ids applied (HK-…).</param>
/// <param name="Toelichting">The Dutch explanation.</param>
internal sealed record BesluitDocument(string Referentie, string Outcome, int? Reden, string[] Rules, string Toelichting)
{
    public static BesluitDocument Van(Beslissing b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return new BesluitDocument(b.Referentie, b.Uitkomst, b.Reden, [.. b.Regels], b.Toelichting);
    }
}
