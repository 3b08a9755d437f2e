using System.Net;
using System.Text;
using System.Text.Json;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store;
using Jeugdhulp.Store.Toegang;
using Jeugdhulp.Store.Verwerking;
using Jeugdhulp.Store.Import;
using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Web.Tests.Infrastructuur;
using static Jeugdhulp.Web.Tests.Api.ApiOmgeving;

namespace Jeugdhulp.Web.Tests.Api;

public sealed class BerichtenApiTests(Apihost api) : IClassFixture<Apihost>
{
    [Fact]
    public async Task Het_verouderde_pad_geeft_nog_dezelfde_json_als_een_regel_van_process_json_met_deprecation_koppen()
    {
        using var omgeving = new ApiOmgeving();
        using var client = omgeving.Aanbieder();
        var bericht = Demobericht("001");

        var antwoord = await client.PostAsync(Pad("/api/berichten"), Xml(bericht));

        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        Assert.Equal("@1796083200", antwoord.Headers.GetValues("Deprecation").Single());
        Assert.Equal("Thu, 01 Jul 2027 00:00:00 GMT", antwoord.Headers.GetValues("Sunset").Single());
        Assert.Equal("</api/v1/berichten>; rel=\"successor-version\"", antwoord.Headers.GetValues("Link").Single());
        Assert.Equal("application/json", antwoord.Content.Headers.ContentType?.MediaType);
        var json = await antwoord.Content.ReadAsStringAsync();

        // The same message through the pipeline as 'process' runs it, on a second store with the same data and date.
        var map = Directory.CreateTempSubdirectory("jeugdhulp-api-vergelijk-").FullName;
        try
        {
            var store = Datastore.Open(StoreOpties.Kies(map, null, _ => null).Waarde, new VasteKlok(new DateOnly(2027, 3, 5))).Waarde;
            using (store)
            {
                store.ImporteerContracten(ContractenCsv.Lees(File.ReadAllText(Demo("contracten.csv"))).Waarde);
                store.ImporteerInwoners(InwonersCsv.Lees(File.ReadAllText(Demo("inwoners.csv"))).Waarde);
                var outbox = Path.Combine(map, "outbox");
                var verslag = new BerichtVerwerken(store, omgeving.Fabriek.Backoffice.Regels, new DateOnly(2027, 3, 5), outbox)
                    .Verwerk([new Invoer("api", bericht)]).Single();
                // The same object, except that the API names the answers without the server's folder.
                Assert.Equal(VerslagJson.Schrijf(verslag with { Outbox = [.. verslag.Outbox.Select(o => Path.GetFileName(o))] }), json);
                Assert.DoesNotContain(JsonEncodedText.Encode(omgeving.Fabriek.Backoffice.OutboxMap!).Value, json, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(map, recursive: true);
        }

        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal("approved", root.GetProperty("outcome").GetString());
        Assert.Equal("JW315", root.GetProperty("bericht").GetString());
        Assert.Equal("DEMO-001", root.GetProperty("identificatie").GetString());
    }

    [Fact]
    public async Task Zonder_token_is_het_401_met_bearer_challenge()
    {
        var omgeving = api.Omgeving;
        using var client = omgeving.Client(null);

        var antwoord = await Stuur(client, Demobericht("001"));

        var detail = await Probleem(antwoord, HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", antwoord.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains("token", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jh_dit-token-bestaat-niet")]
    [InlineData("iets-anders")]
    public async Task Een_onbekend_token_is_401(string token)
    {
        var omgeving = api.Omgeving;
        using var client = omgeving.Client(token);

        var detail = await Probleem(await client.GetAsync(Pad("/api/v1/berichten/uitgaand")), HttpStatusCode.Unauthorized);

        Assert.Contains("onbekend of ingetrokken", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_ingetrokken_token_is_vanaf_het_volgende_verzoek_401()
    {
        var omgeving = api.Omgeving;
        var (token, geheim) = omgeving.Fabriek.Backoffice.Store.MaakApiToken(Tokensoort.Aanbieder, AanbiederA, null);
        using var client = omgeving.Client(geheim);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Pad("/api/v1/berichten/uitgaand"))).StatusCode);

        omgeving.Fabriek.Backoffice.Store.TrekApiTokenIn(token.Id);

        await Probleem(await client.GetAsync(Pad("/api/v1/berichten/uitgaand")), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Een_bericht_met_de_AGB_van_een_andere_aanbieder_is_403_en_wordt_niet_verwerkt()
    {
        using var omgeving = new ApiOmgeving();
        using var b = omgeving.Aanbieder(AanbiederB);

        var detail = await Probleem(await Stuur(b, Demobericht("001")), HttpStatusCode.Forbidden);

        Assert.Contains(AanbiederA, detail, StringComparison.Ordinal);
        // Not journalled: the real sender's first delivery is new, not a repeat.
        using var a = omgeving.Aanbieder(AanbiederA);
        var json = await Json(await Stuur(a, Demobericht("001")));
        Assert.Equal("approved", json.GetProperty("outcome").GetString());
        Assert.Empty(json.GetProperty("reasons").EnumerateArray());
    }

    [Fact]
    public async Task Een_gemeentetoken_mag_geen_berichten_sturen()
    {
        var omgeving = api.Omgeving;
        using var client = omgeving.Gemeente();

        var detail = await Probleem(await Stuur(client, Demobericht("001")), HttpStatusCode.Forbidden);

        Assert.Contains("alleen voor een aanbieder", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dit is geen xml")]
    [InlineData("<?xml version=\"1.0\"?><brief><Header><Afzender>01234567</Afzender></Header></brief>")]
    [InlineData("<?xml version=\"1.0\"?><Bericht xmlns=\"http://www.istandaarden.nl/ijw/3_2/jw315/schema\"><Client/></Bericht>")]
    public async Task Een_body_die_geen_iJw_bericht_is_krijgt_400_met_de_reden(string body)
    {
        var omgeving = api.Omgeving;
        using var client = omgeving.Aanbieder();

        var antwoord = await Stuur(client, Encoding.UTF8.GetBytes(body));

        var detail = await Probleem(antwoord, HttpStatusCode.BadRequest);
        var json = await Json(antwoord);
        Assert.NotEmpty(json.GetProperty("reasons").EnumerateArray());
        Assert.DoesNotContain("Exception", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_bericht_voor_een_gemeente_buiten_de_regio_krijgt_400()
    {
        var omgeving = api.Omgeving;
        using var client = omgeving.Aanbieder();
        var bericht = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Demobericht("001")).Replace("<Ontvanger>0171</Ontvanger>", "<Ontvanger>0363</Ontvanger>", StringComparison.Ordinal));

        var detail = await Probleem(await Stuur(client, bericht), HttpStatusCode.BadRequest);

        Assert.Contains("ONTVANGER", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_ander_inhoudstype_dan_xml_is_415()
    {
        var omgeving = api.Omgeving;
        using var client = omgeving.Aanbieder();

        var antwoord = await client.PostAsync(Pad("/api/v1/berichten"), Xml(Demobericht("001"), "text/plain"));

        Assert.Contains("XML", await Probleem(antwoord, HttpStatusCode.UnsupportedMediaType), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_body_boven_25_MB_is_413_met_de_code_GROOTTE()
    {
        var omgeving = api.Omgeving;
        using var client = omgeving.Aanbieder();

        var antwoord = await client.PostAsync(Pad("/api/v1/berichten"), Xml(new byte[(25 * 1024 * 1024) + 1]));

        Assert.Contains("hoogstens 25 MB", await Probleem(antwoord, HttpStatusCode.RequestEntityTooLarge), StringComparison.Ordinal);
    }

    [Fact]
    public async Task De_grens_is_in_te_stellen_en_geldt_ook_zonder_Content_Length()
    {
        using var omgeving = new ApiOmgeving(new Webfabriek(maxBericht: 1024 * 1024));
        using var client = omgeving.Aanbieder();
        var groot = Demobericht("001").Concat(Encoding.UTF8.GetBytes(new string(' ', 1024 * 1024))).ToArray();
        using var zonderLengte = new StreamContent(new NietZoekbareStroom(groot));
        zonderLengte.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/xml");

        var metLengte = await client.PostAsync(Pad("/api/berichten"), Xml(groot));
        var gestroomd = await client.PostAsync(Pad("/api/berichten"), zonderLengte);

        foreach (var antwoord in new[] { metLengte, gestroomd })
        {
            Assert.Contains("hoogstens 1 MB", await Probleem(antwoord, HttpStatusCode.RequestEntityTooLarge), StringComparison.Ordinal);
            Assert.StartsWith("GROOTTE: ", (await Json(antwoord)).GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Created, (await Stuur(client, Demobericht("001"))).StatusCode);
    }

    /// <summary>Issue 17: this body made the reader throw, and the API answered 500 with an empty body.</summary>
    [Fact]
    public async Task Een_EBCDIC_body_is_400_met_de_code_XML()
    {
        var omgeving = api.Omgeving;
        using var client = omgeving.Aanbieder();

        var antwoord = await Stuur(client, [0x4C, 0x6F, 0xA7, 0x94]);

        Assert.Contains("tekencodering", await Probleem(antwoord, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains(": XML: ", (await Json(antwoord)).GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
    }

    /// <summary>A request body of unknown length, as a client sends it with chunked transfer encoding.</summary>
    private sealed class NietZoekbareStroom(byte[] inhoud) : MemoryStream(inhoud)
    {
        public override bool CanSeek => false;
    }

    [Fact]
    public async Task Een_exacte_herhaling_krijgt_200_met_dezelfde_ids_en_links()
    {
        using var omgeving = new ApiOmgeving();
        using var client = omgeving.Aanbieder();
        var eersteAntwoord = await Stuur(client, Demobericht("001"));
        var eerste = await Json(eersteAntwoord);

        var tweedeAntwoord = await Stuur(client, Demobericht("001"));
        var tweede = await Json(tweedeAntwoord);

        Assert.Equal(HttpStatusCode.Created, eersteAntwoord.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tweedeAntwoord.StatusCode);
        Assert.Equal(eersteAntwoord.Headers.Location, tweedeAntwoord.Headers.Location);
        Assert.Equal(eerste.GetProperty("id").GetInt64(), tweede.GetProperty("id").GetInt64());
        Assert.Equal(eerste.GetProperty("outcome").GetString(), tweede.GetProperty("outcome").GetString());
        Assert.Equal(eerste.GetProperty("antwoorden").ToString(), tweede.GetProperty("antwoorden").ToString());
        Assert.False(eerste.GetProperty("herhaling").GetBoolean());
        Assert.True(tweede.GetProperty("herhaling").GetBoolean());
        Assert.Contains("Exacte herhaling", tweede.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Het_antwoord_is_201_met_location_van_het_bericht_en_per_antwoord_id_en_link()
    {
        using var omgeving = new ApiOmgeving();
        using var client = omgeving.Aanbieder();

        var antwoord = await Stuur(client, Demobericht("001"));

        Assert.Equal(HttpStatusCode.Created, antwoord.StatusCode);
        var json = await Json(antwoord);
        var id = json.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/berichten/{id}", antwoord.Headers.Location?.OriginalString);
        Assert.Equal("approved", json.GetProperty("outcome").GetString());
        var antwoorden = json.GetProperty("antwoorden").EnumerateArray().ToList();
        Assert.Contains(antwoorden, a => a.GetProperty("bericht").GetString() == "JW301");
        foreach (var a in antwoorden)
        {
            Assert.Equal($"/api/v1/berichten/uitgaand/{a.GetProperty("id").GetInt64()}", a.GetProperty("href").GetString());
            var xml = await client.GetAsync(Pad(a.GetProperty("href").GetString()!));
            Assert.Equal(HttpStatusCode.OK, xml.StatusCode);
            Assert.Contains($"_{a.GetProperty("bericht").GetString()}_", a.GetProperty("bestand").GetString(), StringComparison.Ordinal);
            Assert.Empty(a.GetProperty("retourcodes").EnumerateArray());
        }

        // The message resource says the same, now from the store.
        var opnieuw = await client.GetAsync(antwoord.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, opnieuw.StatusCode);
        var bericht = await Json(opnieuw);
        Assert.Equal(id, bericht.GetProperty("id").GetInt64());
        Assert.Equal(json.GetProperty("antwoorden").ToString(), bericht.GetProperty("antwoorden").ToString());
        Assert.Equal(json.GetProperty("decisions").ToString(), bericht.GetProperty("decisions").ToString());
    }

    [Fact]
    public async Task Een_technisch_afgekeurd_bericht_is_422_met_de_retourcodes_en_de_link_naar_de_retour()
    {
        using var omgeving = new ApiOmgeving();
        using var client = omgeving.Aanbieder();
        // Valid against the XSD, but dated after the day it is received: level-2 rule TR134, answered with a retour.
        var tekst = Encoding.UTF8.GetString(Demobericht("001"))
            .Replace("<ijw:Dagtekening>2027-03-01</ijw:Dagtekening>", "<ijw:Dagtekening>2027-03-20</ijw:Dagtekening>", StringComparison.Ordinal);

        var antwoord = await Stuur(client, Encoding.UTF8.GetBytes(tekst));

        await Probleem(antwoord, HttpStatusCode.UnprocessableEntity);
        var json = await Json(antwoord);
        Assert.Equal("urn:jeugdhulp:probleem:ijw-retour", json.GetProperty("type").GetString());
        var codes = json.GetProperty("retourcodes").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.NotEmpty(codes);
        var id = json.GetProperty("bericht").GetInt64();
        Assert.Equal($"/api/v1/berichten/{id}", antwoord.Headers.Location?.OriginalString);
        var retour = Assert.Single(json.GetProperty("antwoorden").EnumerateArray());
        var xml = await (await client.GetAsync(Pad(retour.GetProperty("href").GetString()!))).Content.ReadAsStringAsync();
        Assert.All(codes, c => Assert.Contains($"<RetourCode>{c}</RetourCode>", xml, StringComparison.Ordinal));

        // A re-delivery is refused the same way, with the same ids.
        var opnieuw = await Json(await Stuur(client, Encoding.UTF8.GetBytes(tekst)));
        Assert.Equal(id, opnieuw.GetProperty("bericht").GetInt64());
        Assert.Equal(json.GetProperty("antwoorden").ToString(), opnieuw.GetProperty("antwoorden").ToString());
    }

    [Fact]
    public async Task Een_bericht_van_een_andere_aanbieder_is_404_ook_met_zijn_id()
    {
        using var omgeving = new ApiOmgeving();
        using var a = omgeving.Aanbieder(AanbiederA);
        using var b = omgeving.Aanbieder(AanbiederB);
        var locatie = (await Stuur(a, Demobericht("001"))).Headers.Location;

        await Probleem(await b.GetAsync(locatie), HttpStatusCode.NotFound);
        await Probleem(await b.GetAsync(Pad("/api/v1/berichten/999999")), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task De_antwoorden_staan_in_de_lijst_en_zijn_als_geldige_xml_op_te_halen()
    {
        using var omgeving = new ApiOmgeving();
        using var client = omgeving.Aanbieder();
        var verslag = await Json(await Stuur(client, Demobericht("001")));
        var bestanden = verslag.GetProperty("antwoorden").EnumerateArray().Select(o => o.GetProperty("bestand").GetString()!).ToList();

        var lijst = await Json(await client.GetAsync(Pad("/api/v1/berichten/uitgaand")));

        var items = lijst.EnumerateArray().ToList();
        Assert.Equal(bestanden.Order(StringComparer.Ordinal), items.Select(i => i.GetProperty("bestand").GetString()!).Order(StringComparer.Ordinal));
        Assert.Contains(items, i => i.GetProperty("bericht").GetString() == "JW301");
        foreach (var item in items)
        {
            Assert.True(item.TryGetProperty("created", out _));
            var xml = await client.GetAsync(Pad($"/api/v1/berichten/uitgaand/{item.GetProperty("id").GetInt64()}"));
            Assert.Equal(HttpStatusCode.OK, xml.StatusCode);
            Assert.Equal("application/xml", xml.Content.Headers.ContentType?.MediaType);
            var inhoud = await xml.Content.ReadAsByteArrayAsync();
            Assert.Equal(File.ReadAllBytes(Path.Combine(omgeving.Fabriek.Backoffice.OutboxMap!, item.GetProperty("bestand").GetString()!)), inhoud);
            Assert.Empty(XsdValidatie.Fouten(inhoud));
        }
    }

    [Fact]
    public async Task Zonder_bestanden_komen_de_antwoorden_alleen_via_de_api()
    {
        using var omgeving = new ApiOmgeving(new Webfabriek(zonderBestanden: true));
        using var client = omgeving.Aanbieder();
        var verslag = await Json(await Stuur(client, Demobericht("001")));
        var bestanden = verslag.GetProperty("antwoorden").EnumerateArray().Select(o => o.GetProperty("bestand").GetString()!).ToList();

        var items = (await Json(await client.GetAsync(Pad("/api/v1/berichten/uitgaand")))).EnumerateArray().ToList();

        Assert.Null(omgeving.Fabriek.Backoffice.OutboxMap);
        Assert.False(Directory.Exists(Path.Combine(omgeving.Fabriek.DataMap, "outbox")));
        Assert.Equal(bestanden.Order(StringComparer.Ordinal), items.Select(i => i.GetProperty("bestand").GetString()!).Order(StringComparer.Ordinal));
        foreach (var item in items)
        {
            var inhoud = await (await client.GetAsync(Pad($"/api/v1/berichten/uitgaand/{item.GetProperty("id").GetInt64()}"))).Content.ReadAsByteArrayAsync();
            Assert.Empty(XsdValidatie.Fouten(inhoud));
        }
    }

    [Fact]
    public async Task Een_aanbieder_ziet_de_antwoorden_van_een_ander_niet_ook_niet_met_hun_id()
    {
        using var omgeving = new ApiOmgeving();
        using var a = omgeving.Aanbieder(AanbiederA);
        using var b = omgeving.Aanbieder(AanbiederB);
        await Stuur(a, Demobericht("001"));
        var vanA = (await Json(await a.GetAsync(Pad("/api/v1/berichten/uitgaand")))).EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.NotEmpty(vanA);

        Assert.Empty((await Json(await b.GetAsync(Pad("/api/v1/berichten/uitgaand")))).EnumerateArray());
        foreach (var id in vanA)
        {
            await Probleem(await b.GetAsync(Pad($"/api/v1/berichten/uitgaand/{id}")), HttpStatusCode.NotFound);
        }

        // The same answer as a nonexistent id: nothing tells B that the id exists.
        var bestaatNiet = await Json(await b.GetAsync(Pad("/api/v1/berichten/uitgaand/999999")));
        var bestaatWel = await Json(await b.GetAsync(Pad($"/api/v1/berichten/uitgaand/{vanA[0]}")));
        Assert.Equal(bestaatNiet.GetProperty("title").GetString(), bestaatWel.GetProperty("title").GetString());
        Assert.Equal(
            bestaatNiet.GetProperty("detail").GetString()!.Replace("999999", "ID", StringComparison.Ordinal),
            bestaatWel.GetProperty("detail").GetString()!.Replace($" {vanA[0]} ", " ID ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task De_lijst_bladert_met_na_en_max()
    {
        using var omgeving = new ApiOmgeving();
        using var client = omgeving.Aanbieder();
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await Stuur(client, Variant(i))).StatusCode);
        }

        var alles = (await Json(await client.GetAsync(Pad("/api/v1/berichten/uitgaand")))).EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        var eerste = (await Json(await client.GetAsync(Pad("/api/v1/berichten/uitgaand?max=2")))).EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        var rest = (await Json(await client.GetAsync(Pad($"/api/v1/berichten/uitgaand?na={eerste[^1]}")))).EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();

        Assert.True(alles.Count >= 3);
        Assert.Equal(alles.Take(2), eerste);
        Assert.Equal(alles.Skip(2), rest);
        await Probleem(await client.GetAsync(Pad("/api/v1/berichten/uitgaand?max=0")), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Gelijktijdige_berichten_krijgen_elk_hun_eigen_verslag()
    {
        using var omgeving = new ApiOmgeving();
        using var client = omgeving.Aanbieder();

        var antwoorden = await Task.WhenAll(Enumerable.Range(1, 40).Select(async i => (i, await Stuur(client, Variant(i)))));

        foreach (var (i, antwoord) in antwoorden)
        {
            Assert.Equal(HttpStatusCode.Created, antwoord.StatusCode);
            var json = await Json(antwoord);
            Assert.Equal($"T{i}-001", json.GetProperty("identificatie").GetString());
            Assert.Equal($"T{i}-0001", json.GetProperty("decisions")[0].GetProperty("referentie").GetString());
        }
    }
}
