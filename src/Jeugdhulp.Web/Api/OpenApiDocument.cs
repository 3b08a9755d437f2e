using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.OpenApi;

namespace Jeugdhulp.Web.Api;

/// <summary>The OpenAPI document's title, description and the bearer scheme every /api operation needs.</summary>
internal static class OpenApiDocument
{
    public static void Configureer(OpenApiOptions opties)
    {
        opties.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Jeugdhulp API",
                Version = "v1",
                Description = """
                    De API van de Jeugdhulp-backoffice van Regio Flevoland. Aanbieders sturen iJw 3.2-berichten en halen de
                    antwoorden op; gemeenten bekijken cliëntdossiers en besluiten over verzoeken ter beoordeling. Elk verzoek
                    heeft een token: 'Authorization: Bearer <token>', aan te maken met 'jeugdhulp token --aanbieder AGB' of
                    '--gemeente CBS'. Een aanbieder ziet alleen zijn eigen berichten en antwoorden. Fouten zijn ProblemDetails
                    (application/problem+json) met de reden in 'detail'.
                    """,
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "Een API-token van 'jeugdhulp token' (begint met 'jh_').",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
            return Task.CompletedTask;
        });
    }
}

/// <summary>
/// Request bodies for the OpenAPI document only. <c>Accepts&lt;T&gt;</c> would also make routing refuse any
/// other content type with a bare 415 before the endpoint runs; the endpoints check the type themselves
/// and answer with ProblemDetails in Dutch.
/// </summary>
internal static class Aanvraagbody
{
    public static RouteHandlerBuilder XmlBody(this RouteHandlerBuilder builder, string beschrijving) =>
        builder.AddOpenApiOperationTransformer((operatie, _, _) =>
        {
            var schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = beschrijving };
            operatie.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = beschrijving,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/xml"] = new() { Schema = schema },
                    ["text/xml"] = new() { Schema = schema },
                },
            };
            return Task.CompletedTask;
        });

    public static RouteHandlerBuilder JsonBody<T>(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer(async (operatie, context, ct) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, ct).ConfigureAwait(false);
            operatie.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        });
}
