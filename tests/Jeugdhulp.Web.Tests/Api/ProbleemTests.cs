using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Store;
using Jeugdhulp.Store.Import;
using Jeugdhulp.Web.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static Jeugdhulp.Web.Tests.Api.ApiOmgeving;

namespace Jeugdhulp.Web.Tests.Api;

/// <summary>Every refusal of the API, one per status, is ProblemDetails with a Dutch detail and a stable type per kind.</summary>
public sealed class ProbleemTests(Apihost api) : IClassFixture<Apihost>
{
    /// <summary>The problem's type; asserts status, media type and a Dutch detail (via <see cref="ApiOmgeving.Probleem"/>).</summary>
    private static async Task<(string Type, JsonElement Json)> Soort(HttpResponseMessage antwoord, HttpStatusCode status)
    {
        var detail = await Probleem(antwoord, status);
        Assert.DoesNotContain("Exception", detail, StringComparison.Ordinal);
        var json = await Json(antwoord);
        var type = json.GetProperty("type").GetString()!;
        Assert.StartsWith("urn:jeugdhulp:probleem:", type, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("title").GetString()));
        return (type, json);
    }

    [Fact]
    public async Task Vierhonderd_geen_ijw_bericht_noemt_de_codes_van_de_lezer()
    {
        var omgeving = api.Omgeving;
        using var client = omgeving.Aanbieder();

        var (type, json) = await Soort(await Stuur(client, Encoding.UTF8.GetBytes("dit is geen xml")), HttpStatusCode.BadRequest);

        Assert.Equal("urn:jeugdhulp:probleem:geen-ijw-bericht", type);
        Assert.Contains("XML", json.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Vierhonderd_voor_een_parameter_die_de_framework_binding_weigert(string omgeving)
    {
        var omgeving_ = api.Omgeving;
        using var fabriek = omgeving_.Fabriek.WithWebHostBuilder(b => b.UseEnvironment(omgeving));
        using var client = fabriek.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", omgeving_.Token(Store.Toegang.Tokensoort.Aanbieder, AanbiederA));

        var antwoord = await client.GetAsync(Pad("/api/v1/berichten/uitgaand?na=geen-getal"));

        Assert.Equal("urn:jeugdhulp:probleem:ongeldige-invoer", (await Soort(antwoord, HttpStatusCode.BadRequest)).Type);
    }

    [Fact]
    public async Task Vierhonderdeen_vierhonderddrie_en_vierhonderdvier_hebben_elk_hun_type()
    {
        var omgeving = api.Omgeving;
        using var zonder = omgeving.Client(null);
        using var gemeente = omgeving.Gemeente();
        using var aanbieder = omgeving.Aanbieder();

        Assert.Equal("urn:jeugdhulp:probleem:niet-aangemeld", (await Soort(await zonder.GetAsync(Pad("/api/v1/berichten/uitgaand")), HttpStatusCode.Unauthorized)).Type);
        Assert.Equal("urn:jeugdhulp:probleem:geen-toegang", (await Soort(await Stuur(gemeente, Demobericht("001")), HttpStatusCode.Forbidden)).Type);
        Assert.Equal("urn:jeugdhulp:probleem:andere-afzender", (await Soort(await Stuur(omgeving.Aanbieder(AanbiederB), Demobericht("001")), HttpStatusCode.Forbidden)).Type);
        Assert.Equal("urn:jeugdhulp:probleem:niet-gevonden", (await Soort(await aanbieder.GetAsync(Pad("/api/v1/berichten/uitgaand/424242")), HttpStatusCode.NotFound)).Type);

        // No route at all, and a method the route does not take: the framework's own refusals, in the same shape.
        Assert.Equal("urn:jeugdhulp:probleem:niet-gevonden", (await Soort(await aanbieder.GetAsync(Pad("/api/v1/bestaat-niet")), HttpStatusCode.NotFound)).Type);
        Assert.Equal("urn:jeugdhulp:probleem:methode-niet-toegestaan",
            (await Soort(await aanbieder.DeleteAsync(Pad("/api/v1/berichten/uitgaand")), HttpStatusCode.MethodNotAllowed)).Type);
    }

    [Fact]
    public async Task Vierhonderdnegen_als_een_referentie_bij_twee_verzoeken_ter_beoordeling_hoort()
    {
        using var omgeving = new ApiOmgeving();
        // A second provider with a contract for the product in Noordoostpolder, before anything is processed.
        var contracten = File.ReadAllText(Demo("contracten.csv")).TrimEnd() + $"\n{Noordoostpolder},{AanbiederB},45F21,2027-01-01,,150,\n";
        Assert.True(omgeving.Fabriek.Backoffice.Store.ImporteerContracten(ContractenCsv.Lees(contracten).Waarde).IsGeldig);
        using var a = omgeving.Aanbieder(AanbiederA);
        using var b = omgeving.Aanbieder(AanbiederB);
        // Two providers happen to use the same ReferentieAanbieder (for two children of different families); both
        // requests wait for a person.
        var vanB = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Demobericht("002"))
            .Replace($"<Afzender>{AanbiederA}</Afzender>", $"<Afzender>{AanbiederB}</Afzender>", StringComparison.Ordinal)
            .Replace("<Bsn>100003023</Bsn>", "<Bsn>100003047</Bsn>", StringComparison.Ordinal)
            .Replace("<ijw:Datum>2014-11-20</ijw:Datum>", "<ijw:Datum>2009-06-15</ijw:Datum>", StringComparison.Ordinal));
        Assert.Equal("review", (await Json(await Stuur(a, Demobericht("002")))).GetProperty("outcome").GetString());
        var verslagB = await Json(await Stuur(b, vanB));
        Assert.True(verslagB.GetProperty("outcome").GetString() == "review", verslagB.ToString());
        using var gemeente = omgeving.Gemeente(Noordoostpolder);
        var referentie = (await Json(await gemeente.GetAsync(Pad("/api/v1/beoordelingen")))).EnumerateArray().First().GetProperty("referentie").GetString();

        var antwoord = await gemeente.PostAsJsonAsync(Pad($"/api/v1/beoordelingen/{referentie}"), new { besluit = "toekennen" });

        var (type, json) = await Soort(antwoord, HttpStatusCode.Conflict);
        Assert.Equal("urn:jeugdhulp:probleem:al-besloten", type);
        Assert.Equal("BESLUIT-DUBBEL", json.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Vierhonderddertien_en_vierhonderdvijftien_voor_een_te_groot_of_geen_xml_bericht()
    {
        var omgeving = api.Omgeving;
        using var client = omgeving.Aanbieder();

        var teGroot = await client.PostAsync(Pad("/api/v1/berichten"), Xml(new byte[(25 * 1024 * 1024) + 1]));
        var geenXml = await client.PostAsync(Pad("/api/v1/berichten"), Xml(Demobericht("001"), "application/json"));

        Assert.Equal("urn:jeugdhulp:probleem:te-groot", (await Soort(teGroot, HttpStatusCode.RequestEntityTooLarge)).Type);
        Assert.Equal("urn:jeugdhulp:probleem:inhoudstype", (await Soort(geenXml, HttpStatusCode.UnsupportedMediaType)).Type);
    }

    [Fact]
    public async Task Vierhonderdtweeentwintig_voor_een_geweigerde_noshow_en_voor_een_ijw_retour()
    {
        var omgeving = api.Omgeving;
        using var client = omgeving.Aanbieder();
        var retour = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Demobericht("001"))
            .Replace("<ijw:Dagtekening>2027-03-01</ijw:Dagtekening>", "<ijw:Dagtekening>2027-03-20</ijw:Dagtekening>", StringComparison.Ordinal));

        var noshow = await client.PostAsJsonAsync(Pad("/api/v1/noshows"),
            new { gemeente = Noordoostpolder, toewijzingnummer = 999, bsn = "100002183", datum = "2027-03-01" });

        Assert.Equal("urn:jeugdhulp:probleem:noshow-geweigerd", (await Soort(noshow, HttpStatusCode.UnprocessableEntity)).Type);
        var (type, json) = await Soort(await Stuur(client, retour), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("urn:jeugdhulp:probleem:ijw-retour", type);
        Assert.NotEmpty(json.GetProperty("retourcodes").EnumerateArray());
    }

    [Fact]
    public async Task Vierhonderdnegenentwintig_boven_de_verzoeklimiet_per_token_met_retry_after()
    {
        var omgeving = api.Omgeving;
        using var fabriek = omgeving.Fabriek.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.Configure<ApiOpties>(o => o.VerzoekenPerMinuut = 2)));
        using var a = fabriek.CreateClient();
        using var b = fabriek.CreateClient();
        a.DefaultRequestHeaders.Authorization = new("Bearer", omgeving.Token(Store.Toegang.Tokensoort.Aanbieder, AanbiederA));
        b.DefaultRequestHeaders.Authorization = new("Bearer", omgeving.Token(Store.Toegang.Tokensoort.Aanbieder, AanbiederB));

        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync(Pad("/api/v1/berichten/uitgaand"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync(Pad("/api/v1/berichten/uitgaand"))).StatusCode);
        var derde = await a.GetAsync(Pad("/api/v1/berichten/uitgaand"));

        Assert.Equal("urn:jeugdhulp:probleem:te-veel-verzoeken", (await Soort(derde, HttpStatusCode.TooManyRequests)).Type);
        Assert.True(derde.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        // Per token: another provider is not held up.
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync(Pad("/api/v1/berichten/uitgaand"))).StatusCode);
    }

    [Fact]
    public async Task Vijfhonderd_bij_een_kapotte_opslag_zonder_iets_van_de_fout_te_tonen()
    {
        using var omgeving = new ApiOmgeving();
        using var client = omgeving.Aanbieder();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Pad("/api/v1/berichten/uitgaand"))).StatusCode);

        // A real fault: the table the endpoint reads is gone (as after a botched manual repair).
        using (var verbinding = new SqliteConnection($"Data Source={Path.Combine(omgeving.Fabriek.DataMap, StoreOpties.SqliteBestand)};Pooling=False"))
        {
            verbinding.Open();
            using var opdracht = verbinding.CreateCommand();
            opdracht.CommandText = "ALTER TABLE outbox RENAME TO outbox_weg";
            opdracht.ExecuteNonQuery();
        }

        var antwoord = await client.GetAsync(Pad("/api/v1/berichten/uitgaand"));

        var (type, json) = await Soort(antwoord, HttpStatusCode.InternalServerError);
        Assert.Equal("urn:jeugdhulp:probleem:interne-fout", type);
        Assert.DoesNotContain("outbox", json.GetProperty("detail").GetString()!, StringComparison.Ordinal);
        Assert.DoesNotContain("Sqlite", await antwoord.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Elke_soort_heeft_een_eigen_type_en_de_status_van_zijn_naam()
    {
        var soorten = typeof(Problemen).GetFields().Where(f => f.FieldType == typeof(Probleemsoort)).Select(f => (Probleemsoort)f.GetValue(null)!).ToList();

        Assert.True(soorten.Count >= 15);
        Assert.Equal(soorten.Count, soorten.Select(s => s.Type).Distinct(StringComparer.Ordinal).Count());
        foreach (var status in new[] { 400, 401, 403, 404, 409, 413, 415, 422, 429, 500 })
        {
            Assert.Equal(status, Problemen.Standaard(status).Status);
        }
    }
}
