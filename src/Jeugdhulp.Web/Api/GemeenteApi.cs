using System.Security.Claims;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Audit;
using Jeugdhulp.Store.Clienten;
using Jeugdhulp.Store.Verwerking;
using Jeugdhulp.Web.Toegang;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Jeugdhulp.Web.Api;

/// <summary>A municipality's decision on a request waiting for review.</summary>
/// <param name="Besluit">"toekennen" or "afwijzen".</param>
/// <param name="Reden">RedenAfwijzingVerzoek 1–9, required for "afwijzen".</param>
/// <param name="Toelichting">Free text added to the explanation.</param>
internal sealed record BeoordelingBesluit(string? Besluit, int? Reden, string? Toelichting);

/// <summary>The body of <c>POST /api/v1/clienten/zoeken</c>: the BSN travels in the body, never in the URL.</summary>
/// <param name="Bsn">The client's BSN (9 digits, 11-proef).</param>
internal sealed record ClientZoekvraag(string? Bsn);

/// <summary>What a decision did: the outcome and the answer it sent (JW301 or JW319).</summary>
/// <param name="Referentie">ReferentieAanbieder.</param>
/// <param name="Outcome">approved or rejected.</param>
/// <param name="Outbox">The answer file names.</param>
internal sealed record BeoordelingUitkomst(string Referentie, string Outcome, string[] Outbox);

/// <summary>
/// The municipality API: one client's file in this municipality, the requests waiting for a person, and the
/// decision on one of them. Every look at a client and every decision is in the audit log with the token.
/// A municipality sees only its own: a child known only to another municipality is "not found".
/// </summary>
internal static class GemeenteApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/clienten/zoeken", Client)
            .RequireAuthorization(Toegangsregels.Gemeente).WithTags("Gemeente")
            .WithName("Clientdossier")
            .WithSummary("De verzoeken en toewijzingen van één cliënt in deze gemeente")
            .WithDescription("""
                Body: {"bsn": "..."}. Het BSN staat in de body, niet in het adres: adressen komen in proxy- en toegangslogs en
                in de browsergeschiedenis. 404 als de gemeente de cliënt niet kent (geen verzoek, geen toewijzing, geen
                inwoner). Elke opvraging staat in het auditlog, ook een onbekende.
                """)
            .JsonBody<ClientZoekvraag>(Voorbeelden.ClientZoekvraag)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/beoordelingen", TeBeoordelen)
            .RequireAuthorization(Toegangsregels.Gemeente).WithTags("Gemeente")
            .WithName("Beoordelingen")
            .WithSummary("De verzoeken van deze gemeente die op een besluit van een medewerker wachten")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("/beoordelingen/{referentie}", Besluit)
            .RequireAuthorization(Toegangsregels.Gemeente).WithTags("Gemeente")
            .WithName("Beoordelen")
            .WithSummary("Besluit over een verzoek ter beoordeling: toekennen (JW301) of afwijzen met reden (JW319)")
            .WithDescription("""
                Body: {"besluit": "toekennen" | "afwijzen", "reden": 1-9 (bij afwijzen), "toelichting": "..."}. Zoals
                `jeugdhulp besluit`; de medewerker in het auditlog is het token. 404 als er bij deze gemeente geen verzoek
                met die referentie ter beoordeling staat, 409 als er intussen al over besloten is.
                """)
            .JsonBody<BeoordelingBesluit>(Voorbeelden.Besluit)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>
    /// The paths before /api/v1 (deprecated, see <see cref="Verouderd"/>). GET /api/clienten/{bsn} is not kept: it put
    /// the BSN in the URL. It answers 410 without reading anything, so the number is not even looked up.
    /// </summary>
    public static void MapVerouderd(RouteGroupBuilder oud)
    {
        oud.MapGet("/clienten/{**rest}", () => Problemen.Maak(Problemen.Verwijderd,
            "Een cliënt opvragen met het BSN in het adres kan niet meer; gebruik POST /api/v1/clienten/zoeken met {\"bsn\": \"...\"} in de body."))
            .RequireAuthorization(Toegangsregels.Gemeente);
        oud.MapGet("/beoordelingen", TeBeoordelen).RequireAuthorization(Toegangsregels.Gemeente);
        oud.MapPost("/beoordelingen/{referentie}", Besluit).RequireAuthorization(Toegangsregels.Gemeente);
    }

    private static async Task<Results<Ok<Clientoverzicht>, ProblemHttpResult>> Client(HttpRequest request, ClaimsPrincipal gebruiker, Backoffice backoffice,
        CancellationToken ct)
    {
        var (vraag, weigering) = await Jsonbody.Lees<ClientZoekvraag>(request, "{\"bsn\": \"...\"}", ct).ConfigureAwait(false);
        if (vraag is null)
        {
            return weigering!;
        }

        // The BSN is never echoed: a typo'd number can still be someone's.
        if (!Bsn.Parse(vraag.Bsn ?? "").TryGet(out var client))
        {
            return Problemen.OngeldigeInvoer("Dit is geen geldig BSN (9 cijfers en de 11-proef).");
        }

        var gemeente = GemeenteVan(gebruiker);
        var overzicht = backoffice.Store.LeesClientoverzicht(gemeente, client);
        using (var tx = backoffice.Store.BeginTransactie())
        {
            tx.Audit(Toegangsregels.WieVan(gebruiker), gemeente, overzicht is null ? "api: cliëntdossier opgevraagd (niet bekend)" : "api: cliëntdossier bekeken", client);
            tx.Commit();
        }

        return overzicht is null
            ? Problemen.NietGevonden($"Cliënt {client.Gemaskeerd} is bij gemeente {gemeente.Waarde} niet bekend.")
            : TypedResults.Ok(overzicht);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<IReadOnlyList<Verzoekregel>> TeBeoordelen(ClaimsPrincipal gebruiker, Backoffice backoffice)
    {
        var gemeente = GemeenteVan(gebruiker);
        var lijst = backoffice.Store.TeBeoordelenVoor(gemeente);
        if (lijst.Count > 0)
        {
            using var tx = backoffice.Store.BeginTransactie();
            foreach (var bsn in lijst.Select(v => v.Bsn).Distinct(StringComparer.Ordinal))
            {
                tx.Audit(Toegangsregels.WieVan(gebruiker), gemeente, "api: in lijst ter beoordeling getoond", Bsn.Parse(bsn).Waarde);
            }

            tx.Commit();
        }

        return TypedResults.Ok(lijst);
    }

    private static async Task<Results<Ok<BeoordelingUitkomst>, ProblemHttpResult>> Besluit(string referentie, HttpRequest request, ClaimsPrincipal gebruiker, Backoffice backoffice,
        Verwerkingsrij rij, CancellationToken ct)
    {
        var (besluit, weigering) = await Jsonbody.Lees<BeoordelingBesluit>(request,
            "{\"besluit\": \"toekennen\" | \"afwijzen\", \"reden\": 1-9, \"toelichting\": \"...\"}", ct).ConfigureAwait(false);
        if (besluit is null)
        {
            return weigering!;
        }

        var toekennen = besluit.Besluit switch
        {
            "toekennen" => true,
            "afwijzen" => false,
            _ => (bool?)null,
        };
        if (toekennen is null)
        {
            return Problemen.OngeldigeInvoer("'besluit' is \"toekennen\" of \"afwijzen\".");
        }

        if (toekennen == false && besluit.Reden is not (>= 1 and <= 9))
        {
            return Problemen.OngeldigeInvoer("Een afwijzing heeft een 'reden' 1 t/m 9 (RedenAfwijzingVerzoek).");
        }

        if (toekennen == true && besluit.Reden is not null)
        {
            return Problemen.OngeldigeInvoer("Een toekenning heeft geen 'reden'.");
        }

        var gemeente = GemeenteVan(gebruiker);
        var handbesluit = new Handbesluit(referentie, toekennen.Value, besluit.Reden, besluit.Toelichting, Toegangsregels.WieVan(gebruiker));

        // On the writer: between the check that the request is this municipality's and the decision no
        // message can be processed that adds a second request with the same reference.
        Resultaat<Bestandsverslag>? resultaat;
        try
        {
            resultaat = await rij.Exclusief<Resultaat<Bestandsverslag>?>(() =>
                backoffice.Store.TeBeoordelenVoor(gemeente).Any(v => v.Referentie == referentie)
                    ? BesluitNemen.Neem(backoffice.Store, handbesluit, backoffice.Vandaag, backoffice.OutboxMap)
                    : null, ct).ConfigureAwait(false);
        }
        catch (OpslagFout e)
        {
            return Problemen.Maak(Problemen.NietBeschikbaar, e.Message + " Probeer het later opnieuw.");
        }

        if (resultaat is null)
        {
            return Problemen.NietGevonden($"Bij gemeente {gemeente.Waarde} staat geen verzoek met referentie '{referentie}' ter beoordeling.");
        }

        if (!resultaat.Value.TryGet(out var verslag))
        {
            var fout = resultaat.Value.Fouten[0];
            var soort = fout.Code switch
            {
                "BESLUIT-ONBEKEND" => Problemen.Onbekend,
                "BESLUIT-AL-GENOMEN" or "BESLUIT-DUBBEL" => Problemen.AlBesloten,
                _ => Problemen.BesluitOngeldig,
            };
            var detail = fout.Code == "BESLUIT-DUBBEL"
                ? $"Referentie '{referentie}' hoort bij meer dan één verzoek ter beoordeling; besluit via de backoffice."
                : fout.Melding;
            return Problemen.Maak(soort, detail, new Dictionary<string, object?> { ["code"] = fout.Code });
        }

        return TypedResults.Ok(new BeoordelingUitkomst(referentie, verslag.Uitkomst, [.. verslag.Outbox.Select(Path.GetFileName).OfType<string>()]));
    }

    private static Gemeentecode GemeenteVan(ClaimsPrincipal gebruiker) => Gemeentecode.Parse(Toegangsregels.CodeVan(gebruiker)).Waarde;
}
