using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Jeugdhulp.Web.Api;

/// <summary>
/// The OpenAPI document of the provider and municipality APIs: only <c>/api/v1</c> (not the staff pages, not the
/// deprecated paths), the bearer scheme on every operation that needs a token, and the refusals every such
/// operation can give (401, 403, 429, 500) next to the ones each endpoint names itself.
/// </summary>
internal static class OpenApiDocument
{
    public const string Bearer = "bearer";

    public static void Configureer(OpenApiOptions opties)
    {
        // OpenAPI 3.0: the version the client generators of provider software vendors read (NSwag, AutoRest,
        // older openapi-generator); nothing in this API needs 3.1.
        opties.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
        opties.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
        opties.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Jeugdhulp API",
                Version = "v1",
                Description = """
                    De API van de Jeugdhulp-backoffice van Regio Flevoland. Aanbieders sturen iJw 3.2-berichten en halen de
                    antwoorden op; gemeenten bekijken cliëntdossiers en besluiten over verzoeken ter beoordeling. Elk verzoek
                    heeft een token: `Authorization: Bearer <token>`, aan te maken met `jeugdhulp token --aanbieder AGB` of
                    `--gemeente CBS`. Een aanbieder ziet alleen zijn eigen berichten en antwoorden. Een BSN staat nooit in een
                    adres, alleen in een body. Fouten zijn ProblemDetails (`application/problem+json`) met de reden in `detail`
                    en een vaste `type` per soort fout (`urn:jeugdhulp:probleem:...`). De paden zonder /v1 werken nog tot de
                    datum in de Sunset-header, met een Deprecation-header.
                    """,
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "Een API-token van 'jeugdhulp token' (begint met 'jh_').",
            };
            return Task.CompletedTask;
        });
        opties.AddOperationTransformer((operatie, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var probleem = operatie.Responses?.Values
                .SelectMany(r => r.Content ?? new Dictionary<string, OpenApiMediaType>())
                .FirstOrDefault(c => c.Key == "application/problem+json").Value?.Schema;
            if (probleem is null || operatie.Responses is null)
            {
                // No refusal named at all: left as it is, the document test names the endpoint.
                return Task.CompletedTask;
            }

            var statussen = new List<int> { StatusCodes.Status429TooManyRequests, StatusCodes.Status500InternalServerError };
            if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
            {
                operatie.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] }];
                statussen.AddRange([StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden]);
            }

            foreach (var status in statussen)
            {
                var sleutel = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!operatie.Responses.ContainsKey(sleutel))
                {
                    operatie.Responses[sleutel] = new OpenApiResponse
                    {
                        Description = Problemen.Standaard(status).Titel,
                        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = probleem } },
                    };
                }
            }

            return Task.CompletedTask;
        });
    }
}

/// <summary>
/// Request and response bodies the endpoints read or write themselves, for the OpenAPI document. <c>Accepts&lt;T&gt;</c>
/// would also make routing refuse any other content type with a bare 415 before the endpoint runs; the endpoints
/// check the type themselves and answer with ProblemDetails in Dutch.
/// </summary>
internal static class Aanvraagbody
{
    /// <summary>
    /// An iJw message as the body: a string of XML (generators send it as it is with the XML content type; as
    /// format binary NSwag makes a file upload of it that does not compile for an XML body).
    /// </summary>
    public static RouteHandlerBuilder XmlBody(this RouteHandlerBuilder builder, string beschrijving, string? voorbeeld = null) =>
        builder.AddOpenApiOperationTransformer((operatie, _, _) =>
        {
            var schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = beschrijving };
            operatie.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = beschrijving,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/xml"] = new() { Schema = schema, Example = voorbeeld is null ? null : JsonValue.Create(voorbeeld) },
                    ["text/xml"] = new() { Schema = schema },
                },
            };
            return Task.CompletedTask;
        });

    /// <summary>An iJw message as the 200 answer (next to JSON, when the endpoint has both): binary, so clients get the bytes as they are.</summary>
    public static RouteHandlerBuilder XmlAntwoord(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operatie, _, _) =>
        {
            operatie.Responses ??= [];
            if (!operatie.Responses.TryGetValue("200", out var antwoord) || antwoord is not OpenApiResponse ok)
            {
                ok = new OpenApiResponse { Description = "OK" };
                operatie.Responses["200"] = ok;
            }

            ok.Content ??= new Dictionary<string, OpenApiMediaType>();
            ok.Content.Remove("application/octet-stream");
            ok.Content["application/xml"] = new() { Schema = Binair("Een iJw 3.2-bericht (XML).") };
            return Task.CompletedTask;
        });

    /// <summary>A JSON body of type <typeparamref name="T"/> with an example.</summary>
    public static RouteHandlerBuilder JsonBody<T>(this RouteHandlerBuilder builder, string voorbeeld) =>
        builder.AddOpenApiOperationTransformer(async (operatie, context, ct) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, ct).ConfigureAwait(false);
            operatie.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema, Example = JsonNode.Parse(voorbeeld) } },
            };
        });

    /// <summary>An example of the JSON answer with <paramref name="status"/>.</summary>
    public static RouteHandlerBuilder Voorbeeld(this RouteHandlerBuilder builder, int status, string voorbeeld) =>
        builder.AddOpenApiOperationTransformer((operatie, _, _) =>
        {
            var sleutel = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operatie.Responses?.TryGetValue(sleutel, out var antwoord) == true && antwoord.Content?.TryGetValue("application/json", out var inhoud) == true)
            {
                inhoud.Example = JsonNode.Parse(voorbeeld);
            }

            return Task.CompletedTask;
        });

    private static OpenApiSchema Binair(string beschrijving) => new() { Type = JsonSchemaType.String, Format = "binary", Description = beschrijving };
}
