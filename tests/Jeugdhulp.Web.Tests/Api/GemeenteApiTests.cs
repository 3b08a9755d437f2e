using System.Net;
using System.Net.Http.Json;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Audit;
using static Jeugdhulp.Web.Tests.Api.ApiOmgeving;

namespace Jeugdhulp.Web.Tests.Api;

public sealed class GemeenteApiTests(Apihost api) : IClassFixture<Apihost>
{
    private const string ClientNoordoostpolder = "100002183";

    private static Task<HttpResponseMessage> Zoek(HttpClient client, string bsn) =>
        client.PostAsJsonAsync(Pad("/api/v1/clienten/zoeken"), new { bsn });

    [Fact]
    public async Task Het_clientdossier_toont_verzoeken_en_toewijzingen_van_deze_gemeente_en_wordt_geaudit()
    {
        using var omgeving = new ApiOmgeving();
        using var aanbieder = omgeving.Aanbieder();
        await Stuur(aanbieder, Demobericht("001"));
        using var gemeente = omgeving.Gemeente(Noordoostpolder);

        var antwoord = await Zoek(gemeente, ClientNoordoostpolder);

        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        var json = await Json(antwoord);
        var verzoek = Assert.Single(json.GetProperty("verzoeken").EnumerateArray());
        Assert.Equal("DEMO-0001", verzoek.GetProperty("referentie").GetString());
        Assert.Equal("approved", verzoek.GetProperty("uitkomst").GetString());
        var toewijzing = Assert.Single(json.GetProperty("toewijzingen").EnumerateArray());
        Assert.Equal("45F11", toewijzing.GetProperty("productcode").GetString());
        Assert.Equal(AanbiederA, toewijzing.GetProperty("aanbieder").GetString());

        var audit = omgeving.Fabriek.Backoffice.Store.AuditVoorClient(Bsn.Parse(ClientNoordoostpolder).Waarde);
        var regel = Assert.Single(audit, a => a.Actie.StartsWith("api:", StringComparison.Ordinal));
        Assert.StartsWith($"gemeente {Noordoostpolder} (token ", regel.Wie, StringComparison.Ordinal);
        Assert.Equal("api: cliëntdossier bekeken", regel.Actie);
    }

    [Fact]
    public async Task Een_andere_gemeente_kent_de_client_niet_en_de_opvraging_staat_toch_in_het_auditlog()
    {
        using var omgeving = new ApiOmgeving();
        using var aanbieder = omgeving.Aanbieder();
        await Stuur(aanbieder, Demobericht("001"));
        using var almere = omgeving.Gemeente(Almere);

        var antwoord = await Zoek(almere, ClientNoordoostpolder);

        var detail = await Probleem(antwoord, HttpStatusCode.NotFound);
        Assert.DoesNotContain(ClientNoordoostpolder, detail, StringComparison.Ordinal);
        var audit = omgeving.Fabriek.Backoffice.Store.AuditVoorClient(Bsn.Parse(ClientNoordoostpolder).Waarde);
        Assert.Contains(audit, a => a.Gemeente == Almere && a.Actie.Contains("niet bekend", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Een_inwoner_zonder_verzoeken_is_bekend_met_lege_lijsten()
    {
        using var omgeving = new ApiOmgeving();
        using var gemeente = omgeving.Gemeente(Noordoostpolder);

        var json = await Json(await Zoek(gemeente, ClientNoordoostpolder));

        Assert.Empty(json.GetProperty("verzoeken").EnumerateArray());
        Assert.Empty(json.GetProperty("toewijzingen").EnumerateArray());
    }

    [Theory]
    [InlineData("123456789")]
    [InlineData("12345")]
    public async Task Een_ongeldig_bsn_is_400_zonder_het_nummer_te_herhalen(string bsn)
    {
        var omgeving = api.Omgeving;
        using var gemeente = omgeving.Gemeente();

        var detail = await Probleem(await Zoek(gemeente, bsn), HttpStatusCode.BadRequest);

        Assert.DoesNotContain(bsn, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_aanbieder_mag_geen_clientdossier_opvragen()
    {
        var omgeving = api.Omgeving;
        using var aanbieder = omgeving.Aanbieder();

        var detail = await Probleem(await Zoek(aanbieder, ClientNoordoostpolder), HttpStatusCode.Forbidden);

        Assert.Contains("alleen voor een gemeente", detail, StringComparison.Ordinal);
        Assert.Empty(omgeving.Fabriek.Backoffice.Store.AuditVoorClient(Bsn.Parse(ClientNoordoostpolder).Waarde));
    }

    [Fact]
    public async Task Een_gemeente_ziet_alleen_haar_eigen_verzoeken_ter_beoordeling_en_besluit_erover()
    {
        using var omgeving = new ApiOmgeving();
        using var aanbieder = omgeving.Aanbieder();
        Assert.Equal("review", (await Json(await Stuur(aanbieder, Demobericht("002")))).GetProperty("outcome").GetString());
        using var nop = omgeving.Gemeente(Noordoostpolder);
        using var almere = omgeving.Gemeente(Almere);

        var lijst = (await Json(await nop.GetAsync(Pad("/api/v1/beoordelingen")))).EnumerateArray().ToList();
        var verzoek = Assert.Single(lijst);
        var referentie = verzoek.GetProperty("referentie").GetString()!;
        Assert.Empty((await Json(await almere.GetAsync(Pad("/api/v1/beoordelingen")))).EnumerateArray());

        // Almere cannot decide Noordoostpolder's request, not even knowing the reference.
        await Probleem(await almere.PostAsJsonAsync(Pad($"/api/v1/beoordelingen/{referentie}"), new { besluit = "toekennen" }), HttpStatusCode.NotFound);

        var besluit = await nop.PostAsJsonAsync(Pad($"/api/v1/beoordelingen/{referentie}"), new { besluit = "afwijzen", reden = 4, toelichting = "Eerst diagnostiek." });

        Assert.Equal(HttpStatusCode.OK, besluit.StatusCode);
        var json = await Json(besluit);
        Assert.Equal("rejected", json.GetProperty("outcome").GetString());
        var bestand = Assert.Single(json.GetProperty("outbox").EnumerateArray()).GetString()!;
        Assert.Contains("_JW319_", bestand, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(omgeving.Fabriek.Backoffice.OutboxMap!, bestand)));
        Assert.Empty((await Json(await nop.GetAsync(Pad("/api/v1/beoordelingen")))).EnumerateArray());
        var audit = omgeving.Fabriek.Backoffice.Store.AuditVoorClient(Bsn.Parse(verzoek.GetProperty("bsn").GetString()!).Waarde);
        Assert.Contains(audit, a => a.Actie.StartsWith("besluit rejected", StringComparison.Ordinal) && a.Wie.StartsWith($"gemeente {Noordoostpolder}", StringComparison.Ordinal));

        // Decided: a second decision finds nothing waiting.
        await Probleem(await nop.PostAsJsonAsync(Pad($"/api/v1/beoordelingen/{referentie}"), new { besluit = "toekennen" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Het_oude_adres_met_het_bsn_erin_is_410_en_zoekt_niets_op()
    {
        var omgeving = api.Omgeving;
        using var gemeente = omgeving.Gemeente(Noordoostpolder);

        var antwoord = await gemeente.GetAsync(Pad($"/api/clienten/{ClientNoordoostpolder}"));

        var detail = await Probleem(antwoord, HttpStatusCode.Gone);
        Assert.Contains("POST /api/v1/clienten/zoeken", detail, StringComparison.Ordinal);
        Assert.Equal("</api/v1/clienten/zoeken>; rel=\"successor-version\"", antwoord.Headers.GetValues("Link").Single());
        Assert.Empty(omgeving.Fabriek.Backoffice.Store.AuditVoorClient(Bsn.Parse(ClientNoordoostpolder).Waarde));
    }

    [Theory]
    [InlineData("geen json")]
    [InlineData("{\"bsn\": 100002183}")]
    [InlineData("null")]
    public async Task Een_zoekvraag_die_geen_json_met_bsn_is_is_400(string body)
    {
        var omgeving = api.Omgeving;
        using var gemeente = omgeving.Gemeente();

        var antwoord = await gemeente.PostAsync(Pad("/api/v1/clienten/zoeken"), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Contains("{\"bsn\"", await Probleem(antwoord, HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"besluit\": \"misschien\"}")]
    [InlineData("{\"besluit\": \"afwijzen\"}")]
    [InlineData("{\"besluit\": \"afwijzen\", \"reden\": 12}")]
    [InlineData("{\"besluit\": \"toekennen\", \"reden\": 4}")]
    [InlineData("geen json")]
    public async Task Een_onvolledig_besluit_is_400(string body)
    {
        var omgeving = api.Omgeving;
        using var nop = omgeving.Gemeente(Noordoostpolder);

        var antwoord = await nop.PostAsync(Pad("/api/v1/beoordelingen/DEMO-0002"), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await Probleem(antwoord, HttpStatusCode.BadRequest);
    }
}
