using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Jeugdhulp.Web.Tests.Api.ApiOmgeving;

namespace Jeugdhulp.Web.Tests.Api;

public sealed class OpenApiTests(Apihost api) : IClassFixture<Apihost>
{
    private static readonly string[] Methoden = ["get", "post", "put", "patch", "delete"];

    private static async Task<JsonElement> Document(ApiOmgeving omgeving)
    {
        using var client = omgeving.Client(null);
        var antwoord = await client.GetAsync(Pad("/openapi/v1.json"));
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        return await Json(antwoord);
    }

    private static IEnumerable<(string Pad, string Methode, JsonElement Operatie)> Operaties(JsonElement document) =>
        from pad in document.GetProperty("paths").EnumerateObject()
        from methode in pad.Value.EnumerateObject()
        where Methoden.Contains(methode.Name)
        select (pad.Name, methode.Name, methode.Value);

    [Fact]
    public async Task Het_document_beschrijft_alleen_de_api_onder_v1()
    {
        var omgeving = api.Omgeving;

        var document = await Document(omgeving);

        Assert.StartsWith("3.0", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paden = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(paden, p => Assert.StartsWith("/api/v1/", p, StringComparison.Ordinal));
        foreach (var pad in new[]
                 {
                     "/api/v1/berichten", "/api/v1/berichten/{id}", "/api/v1/berichten/uitgaand", "/api/v1/berichten/uitgaand/{id}",
                     "/api/v1/declaraties/proef", "/api/v1/noshows", "/api/v1/clienten/zoeken", "/api/v1/beoordelingen",
                     "/api/v1/beoordelingen/{referentie}",
                 })
        {
            Assert.Contains(pad, paden);
        }

        // No BSN in any address: no path or query parameter that carries one.
        Assert.DoesNotContain(Operaties(document), o => o.Pad.Contains("bsn", StringComparison.OrdinalIgnoreCase)
            || (o.Operatie.TryGetProperty("parameters", out var ps) && ps.EnumerateArray().Any(p => p.GetProperty("name").GetString()!.Contains("bsn", StringComparison.OrdinalIgnoreCase))));
    }

    [Fact]
    public async Task Elk_eindpunt_van_de_api_staat_in_het_document()
    {
        var omgeving = api.Omgeving;
        var document = await Document(omgeving);
        var beschreven = Operaties(document).Select(o => $"{o.Methode.ToUpperInvariant()} {o.Pad}").ToHashSet(StringComparer.Ordinal);

        var eindpunten = omgeving.Fabriek.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m =>
                $"{m} {System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!.TrimEnd('/'), @"\{(\w+)(:[^}]*)?\}", "{$1}")}"))
            .ToList();

        Assert.True(eindpunten.Count >= 9, string.Join(", ", eindpunten));
        Assert.All(eindpunten, e => Assert.Contains(e, beschreven));
    }

    /// <summary>
    /// The rule for every operation: an id, the bearer scheme, a typed success answer, a request body schema where
    /// there is a body, and the refusals as ProblemDetails (at least 401, 403, 429 and 500; OpenApiDocument adds those
    /// only to an operation that declares a refusal of its own, so one without any fails here).
    /// </summary>
    [Fact]
    public async Task Elk_eindpunt_heeft_schemas_voor_invoer_antwoord_en_fouten_en_het_bearer_schema()
    {
        var omgeving = api.Omgeving;
        var document = await Document(omgeving);
        var tekort = new List<string>();

        foreach (var (pad, methode, operatie) in Operaties(document))
        {
            tekort.AddRange(Tekort(document, operatie).Select(t => $"{methode.ToUpperInvariant()} {pad}: {t}"));
        }

        Assert.True(tekort.Count == 0, string.Join("\n", tekort));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
    }

    [Fact]
    public void De_regel_faalt_voor_een_eindpunt_zonder_schema_of_foutantwoord()
    {
        var document = JsonDocument.Parse("""{"components": {"schemas": {}}}""").RootElement;
        var kaal = JsonDocument.Parse("""
            {"operationId": "X", "responses": {"200": {"description": "OK"}}}
            """).RootElement;

        var tekort = Tekort(document, kaal);

        Assert.Contains(tekort, t => t.Contains("bearer", StringComparison.Ordinal));
        Assert.Contains(tekort, t => t.Contains("schema", StringComparison.Ordinal));
        Assert.Contains(tekort, t => t.Contains("401", StringComparison.Ordinal));
        Assert.Contains(tekort, t => t.Contains("500", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Het_document_heeft_voorbeelden_en_getypeerde_antwoorden()
    {
        var omgeving = api.Omgeving;
        var document = await Document(omgeving);
        var paden = document.GetProperty("paths");

        var sturen = paden.GetProperty("/api/v1/berichten").GetProperty("post");
        var xml = sturen.GetProperty("requestBody").GetProperty("content").GetProperty("application/xml");
        Assert.Equal("string", xml.GetProperty("schema").GetProperty("type").GetString());
        Assert.Contains("<Bericht", xml.GetProperty("example").GetString(), StringComparison.Ordinal);
        var gemaakt = sturen.GetProperty("responses").GetProperty("201").GetProperty("content").GetProperty("application/json");
        Assert.Equal("#/components/schemas/Berichtverslag", gemaakt.GetProperty("schema").GetProperty("$ref").GetString());
        Assert.True(gemaakt.GetProperty("example").GetProperty("antwoorden").GetArrayLength() > 0);
        var verslag = document.GetProperty("components").GetProperty("schemas").GetProperty("Berichtverslag").GetProperty("properties");
        Assert.True(verslag.TryGetProperty("antwoorden", out _));
        Assert.True(verslag.TryGetProperty("id", out _));

        var zoeken = paden.GetProperty("/api/v1/clienten/zoeken").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
        Assert.Equal("100002183", zoeken.GetProperty("example").GetProperty("bsn").GetString());
        Assert.True(paden.GetProperty("/api/v1/berichten/uitgaand/{id}").GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").TryGetProperty("application/xml", out _));
    }

    [Fact]
    public async Task Het_voorbeeldantwoord_is_het_echte_antwoord_op_het_voorbeeldbericht()
    {
        var omgeving = api.Omgeving;
        var document = await Document(omgeving);
        var sturen = document.GetProperty("paths").GetProperty("/api/v1/berichten").GetProperty("post");
        var voorbeeldbericht = sturen.GetProperty("requestBody").GetProperty("content").GetProperty("application/xml").GetProperty("example").GetString()!;
        var voorbeeldantwoord = sturen.GetProperty("responses").GetProperty("201").GetProperty("content").GetProperty("application/json").GetProperty("example");
        using var client = omgeving.Aanbieder();

        var echt = await Json(await Stuur(client, System.Text.Encoding.UTF8.GetBytes(voorbeeldbericht)));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(echt.GetRawText()), JsonNode.Parse(voorbeeldantwoord.GetRawText())), echt.GetRawText());
    }

    [Fact]
    public async Task De_referentiepagina_staat_er_alleen_in_development()
    {
        var omgeving = api.Omgeving;
        using var ontwikkeling = omgeving.Fabriek.WithWebHostBuilder(b => b.UseEnvironment("Development")).CreateClient();
        using var productie = omgeving.Fabriek.WithWebHostBuilder(b => b.UseEnvironment("Production")).CreateClient();

        var pagina = await ontwikkeling.GetAsync(Pad("/scalar"));
        var geen = await productie.GetAsync(Pad("/scalar"));

        Assert.Equal(HttpStatusCode.OK, pagina.StatusCode);
        Assert.Equal("text/html", pagina.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Jeugdhulp API", await pagina.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, geen.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await productie.GetAsync(Pad("/openapi/v1.json"))).StatusCode);
    }

    private static List<string> Tekort(JsonElement document, JsonElement operatie)
    {
        var tekort = new List<string>();
        if (!operatie.TryGetProperty("operationId", out _))
        {
            tekort.Add("geen operationId");
        }

        if (!operatie.TryGetProperty("security", out var security) || !security.EnumerateArray().Any(s => s.TryGetProperty("bearer", out _)))
        {
            tekort.Add("geen bearer-schema");
        }

        if (operatie.TryGetProperty("requestBody", out var body) && !body.GetProperty("content").EnumerateObject().All(c => HeeftSchema(document, c.Value)))
        {
            tekort.Add("body zonder schema");
        }

        var antwoorden = operatie.GetProperty("responses").EnumerateObject().ToList();
        var goed = antwoorden.Where(a => a.Name.StartsWith('2')).ToList();
        if (goed.Count == 0 || !goed.All(a => a.Value.TryGetProperty("content", out var c) && c.EnumerateObject().Any() && c.EnumerateObject().All(m => HeeftSchema(document, m.Value))))
        {
            tekort.Add("succesantwoord zonder schema");
        }

        var fouten = antwoorden.Where(a => a.Name[0] is '4' or '5').ToList();
        foreach (var fout in fouten)
        {
            if (!fout.Value.TryGetProperty("content", out var c) || !c.TryGetProperty("application/problem+json", out var p) || !HeeftSchema(document, p))
            {
                tekort.Add($"{fout.Name} is geen ProblemDetails");
            }
        }

        foreach (var status in new[] { "401", "403", "429", "500" })
        {
            if (!fouten.Any(f => f.Name == status))
            {
                tekort.Add($"{status} ontbreekt");
            }
        }

        return tekort;
    }

    private static bool HeeftSchema(JsonElement document, JsonElement media)
    {
        if (!media.TryGetProperty("schema", out var schema))
        {
            return false;
        }

        if (schema.TryGetProperty("$ref", out var verwijzing))
        {
            var naam = verwijzing.GetString()!.Split('/')[^1];
            return document.GetProperty("components").GetProperty("schemas").TryGetProperty(naam, out _);
        }

        return schema.TryGetProperty("type", out _) || schema.TryGetProperty("items", out _);
    }
}
