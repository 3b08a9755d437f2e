using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jeugdhulp.Ijw.Tests;
using static Jeugdhulp.Web.Tests.Api.ApiOmgeving;

namespace Jeugdhulp.Web.Tests.Api;

/// <summary>Issue 20, item 1: <c>POST /api/v1/proef</c>, the pre-check of a JW315/JW317 on the real store.</summary>
public sealed class ProefApiTests : IDisposable
{
    private static readonly string[] Tabellen = ["journaal", "outbox", "verzoeken", "toewijzingen", "clienten", "toewijzingnummers"];
    // A clock that stands still: the pre-check and the real sending a moment later write the same Toewijzingstijd
    // (on a busy machine they fell in different seconds).
    private readonly ApiOmgeving omgeving = new(new Infrastructuur.Webfabriek(klok: new StilstaandeKlok()));

    public void Dispose() => omgeving.Dispose();

    private long[] Tel()
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(omgeving.Fabriek.DataMap, "jeugdhulp.db")};Pooling=False");
        c.Open();
        return [.. Tabellen.Select(t =>
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT COUNT(*) FROM {t}";
            return (long)cmd.ExecuteScalar()!;
        })];
    }

    private static async Task<HttpResponseMessage> Proef(HttpClient client, byte[] bericht, string query = "") =>
        await client.PostAsync(Pad("/api/v1/proef" + query), Xml(bericht));

    [Fact]
    public async Task Het_voorbeeldantwoord_in_het_openapi_document_is_de_echte_proef_en_er_wordt_niets_vastgelegd()
    {
        using var anoniem = omgeving.Client(null);
        var document = JsonDocument.Parse(await anoniem.GetStringAsync(Pad("/openapi/v1.json"))).RootElement;
        var proef = document.GetProperty("paths").GetProperty("/api/v1/proef").GetProperty("post");
        var bericht = proef.GetProperty("requestBody").GetProperty("content").GetProperty("application/xml").GetProperty("example").GetString()!;
        var voorbeeld = proef.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("example");
        using var client = omgeving.Aanbieder();
        var voor = Tel();

        var antwoord = await Proef(client, Encoding.UTF8.GetBytes(bericht));

        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        var echt = await Json(antwoord);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(echt.GetRawText()), JsonNode.Parse(voorbeeld.GetRawText())), echt.GetRawText());
        Assert.Equal(voor, Tel());
    }

    [Fact]
    public async Task Met_xml_is_het_antwoord_het_JW301_dat_het_echte_versturen_daarna_stuurt()
    {
        using var client = omgeving.Aanbieder();

        var proef = await Proef(client, Demobericht("001"), "?xml=true");
        var verstuurd = await Json(await Stuur(client, Demobericht("001")));

        Assert.Equal(HttpStatusCode.OK, proef.StatusCode);
        Assert.Equal("application/xml", proef.Content.Headers.ContentType?.MediaType);
        var xml = await proef.Content.ReadAsByteArrayAsync();
        Assert.Empty(XsdValidatie.Fouten(xml));
        var jw301 = verstuurd.GetProperty("antwoorden").EnumerateArray().Single(a => a.GetProperty("bericht").GetString() == "JW301");
        var echt = await client.GetStringAsync(Pad(jw301.GetProperty("href").GetString()!));
        Assert.Equal(echt, Encoding.UTF8.GetString(xml).Replace("PROEF-1", "1-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Een_verzoek_voor_een_medewerker_heeft_geen_antwoordbericht_en_xml_geeft_422()
    {
        using var client = omgeving.Aanbieder();

        var json = await Json(await Proef(client, Demobericht("002")));
        var xml = await Probleem(await Proef(client, Demobericht("002"), "?xml=true"), HttpStatusCode.UnprocessableEntity);
        var regel2 = await Probleem(await Proef(client, Demobericht("001"), "?xml=true&regel=2"), HttpStatusCode.UnprocessableEntity);

        Assert.Equal("review", json.GetProperty("outcome").GetString());
        var besluit = json.GetProperty("decisions").EnumerateArray().Single();
        Assert.Equal(JsonValueKind.Null, besluit.GetProperty("antwoord").ValueKind);
        Assert.Contains("HK-315-11", besluit.GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("regel 1", xml, StringComparison.Ordinal);
        Assert.Contains("regel 2", regel2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_bericht_van_een_andere_aanbieder_wordt_geweigerd()
    {
        using var client = omgeving.Aanbieder(AanbiederB);

        var antwoord = await Proef(client, Demobericht("001"));

        Assert.Equal(HttpStatusCode.Forbidden, antwoord.StatusCode);
    }

    private sealed class StilstaandeKlok : TimeProvider
    {
        private readonly DateTimeOffset nu = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => nu;
    }
}
