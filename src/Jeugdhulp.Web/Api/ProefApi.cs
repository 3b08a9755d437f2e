using System.Security.Claims;
using Jeugdhulp.Ijw.Schrijven;
using Jeugdhulp.Store.Verwerking;
using Jeugdhulp.Web.Toegang;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Jeugdhulp.Web.Api;

/// <summary>The pre-check of one request, as <c>POST /api/v1/proef</c> answers it.</summary>
/// <param name="Referentie">ReferentieAanbieder.</param>
/// <param name="Outcome">approved, rejected or review.</param>
/// <param name="Reden">RedenAfwijzingVerzoek when rejected.</param>
/// <param name="Rules">The rule ids applied, in order.</param>
/// <param name="Toelichting">The engine's Dutch explanation, signals included.</param>
/// <param name="Antwoord">The message the real run would send for it (JW301 or JW319; null while in review); <c>?xml=true&amp;regel=N</c> gives it.</param>
internal sealed record Proefbesluit(string Referentie, string Outcome, int? Reden, string[] Rules, string Toelichting, string? Antwoord);

/// <summary>What a message would get, without anything being stored or sent.</summary>
/// <param name="Bericht">JW315, JW317 or JW323 (empty when the body is no iJw message).</param>
/// <param name="Outcome">As <c>POST /berichten</c> would report it: approved, rejected, review, mixed, accepted or invalid.</param>
/// <param name="Decisions">One per request line (JW315) or one (JW317); empty for a JW323.</param>
/// <param name="Reasons">Dutch lines: the explanations, or for a JW323 the refused prestaties with code and rule, or the errors.</param>
internal sealed record Proefverslag(string Bericht, string Outcome, Proefbesluit[] Decisions, string[] Reasons);

/// <summary>
/// <c>POST /api/v1/proef</c>: the provider's pre-check of a JW315, JW317 or JW323 (<see cref="Proefnemen"/>): the same
/// engine, state and answer builders as the real run, nothing journalled, allocated, booked or sent.
/// </summary>
internal static class ProefApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/proef", Proef)
            .RequireAuthorization(Toegangsregels.Aanbieder).WithTags("Aanbieder")
            .WithName("Proef")
            .WithSummary("Een JW315, JW317 of JW323 vooraf laten beoordelen: wat zou de gemeente antwoorden, en waarom?")
            .WithDescription("""
                De body is één iJw-bericht als XML (hoogstens 25 MB, instelbaar); Afzender moet de AGB-code van het token zijn. Het
                antwoord zegt per verzoek wat de gemeente nu zou besluiten, met de regels en de Nederlandse toelichting, en welk
                antwoordbericht zou volgen (JW301 of JW319; geen bij beoordeling door een medewerker). Dezelfde beoordeling, toestand
                en antwoordopbouw als bij het echte versturen, maar er wordt niets vastgelegd, toegewezen of verstuurd. Met
                ?xml=true&regel=N (standaard 1) is het antwoord het JW301 of JW319 op verzoekregel N als XML (Identificatie PROEF-N);
                bij een JW323 de JW325. 422 als er voor die regel geen antwoord zou zijn of het bestand geen geldig bericht is.
                """)
            .XmlBody("Eén JW315, JW317 of JW323 (XML, hoogstens 25 MB, instelbaar).", Voorbeelden.Jw315)
            .Voorbeeld(StatusCodes.Status200OK, Voorbeelden.Proefverslag)
            .XmlAntwoord()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<Results<Ok<Proefverslag>, FileContentHttpResult, ProblemHttpResult>> Proef(HttpRequest request, ClaimsPrincipal gebruiker,
        Backoffice backoffice, Verwerkingsrij rij, bool? xml, int? regel, CancellationToken ct)
    {
        var (inhoud, weigering) = await BerichtenApi.LeesEigenBericht(request, gebruiker, ct).ConfigureAwait(false);
        if (inhoud is null)
        {
            return weigering!;
        }

        (Verzoekproef? Verzoek, Declaratieproef? Declaratie) proef;
        try
        {
            // Only reads, in a transaction that is always rolled back; on the writer, so it sees the state a message
            // sent now would meet, and never waits on (or makes wait) a batch that holds the database.
            proef = await rij.Exclusief(() => backoffice.Store.ProefBestand(inhoud, backoffice.Regels, backoffice.Vandaag), ct).ConfigureAwait(false);
        }
        catch (OpslagFout e)
        {
            return Problemen.Maak(Problemen.NietBeschikbaar, e.Message + " Probeer het later opnieuw.");
        }

        if (proef.Verzoek is { } verzoek)
        {
            if (xml is true)
            {
                var n = regel ?? 1;
                return verzoek.Antwoord(n) is { } antwoord
                    ? TypedResults.File(IjwSchrijver.Schrijf(antwoord), "application/xml")
                    : Problemen.Maak(Problemen.NietVerwerkbaar, verzoek.Fouten.Count > 0
                        ? string.Join(" ", verzoek.Meldingen)
                        : FormattableString.Invariant($"Op verzoekregel {n} zou geen JW301 of JW319 volgen (het bericht heeft {verzoek.Besluiten.Count} verzoek(en); een verzoek in beoordeling krijgt later antwoord)."),
                        new Dictionary<string, object?> { ["reasons"] = verzoek.Meldingen.ToList() });
            }

            return TypedResults.Ok(new Proefverslag(verzoek.Soort, verzoek.Uitkomst,
                [.. verzoek.Verslag("proef").Besluiten.Select((b, i) => new Proefbesluit(b.Referentie, b.Uitkomst, b.Reden, [.. b.Regels],
                    b.Toelichting, verzoek.Antwoord(i + 1)?.Soort.ToString()))],
                [.. verzoek.Meldingen]));
        }

        var declaratie = proef.Declaratie!;
        if (xml is true)
        {
            return declaratie.Jw325 is { } jw325
                ? TypedResults.File(IjwSchrijver.Schrijf(jw325), "application/xml")
                : Problemen.Maak(Problemen.NietVerwerkbaar, string.Join(" ", declaratie.Meldingen),
                    new Dictionary<string, object?> { ["reasons"] = declaratie.Meldingen.ToList() });
        }

        return TypedResults.Ok(new Proefverslag(declaratie.Jw325 is null ? "" : "JW323", declaratie.Uitkomst, [], [.. declaratie.Meldingen]));
    }
}
