using System.Net;
using static Jeugdhulp.Web.Tests.Api.ApiOmgeving;

namespace Jeugdhulp.Web.Tests.Api;

public sealed class OpenApiTests
{
    [Fact]
    public async Task Het_openapi_document_beschrijft_elk_eindpunt_met_bearer_token()
    {
        using var omgeving = new ApiOmgeving();
        using var client = omgeving.Client(null);

        var antwoord = await client.GetAsync(Pad("/openapi/v1.json"));

        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        var json = await Json(antwoord);
        var paden = json.GetProperty("paths");
        foreach (var pad in new[]
                 {
                     "/api/berichten", "/api/berichten/uitgaand", "/api/berichten/uitgaand/{id}", "/api/declaraties/proef", "/api/noshows",
                     "/api/clienten/{bsn}", "/api/beoordelingen", "/api/beoordelingen/{referentie}",
                 })
        {
            Assert.True(paden.TryGetProperty(pad, out _), $"{pad} ontbreekt in het OpenAPI-document");
        }

        Assert.True(paden.GetProperty("/api/berichten").GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("application/xml", out _));
        foreach (var pad in new[] { "/api/noshows", "/api/declaraties/proef" })
        {
            var antwoorden = paden.GetProperty(pad).GetProperty("post").GetProperty("responses");
            Assert.False(antwoorden.TryGetProperty("501", out _), $"{pad} belooft nog een 501");
            Assert.True(antwoorden.TryGetProperty("422", out _), $"{pad} noemt 422 niet");
        }

        Assert.True(paden.GetProperty("/api/noshows").GetProperty("post").GetProperty("responses").TryGetProperty("201", out _));
        Assert.Equal("bearer", json.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
    }
}
