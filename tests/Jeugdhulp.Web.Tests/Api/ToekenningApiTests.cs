using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Web.Tests.Infrastructuur;
using static Jeugdhulp.Web.Tests.Api.ApiOmgeving;

namespace Jeugdhulp.Web.Tests.Api;

/// <summary>
/// The municipality API for its own allocations on a real host: the scenarios run on SQLite
/// (<see cref="ToekenningApiTests"/>) and on PostgreSQL (<see cref="ToekenningApiPostgresTests"/>).
/// </summary>
public abstract partial class ToekenningApiScenario : IDisposable
{
    private const string Kind = "100002183";

    private readonly Lazy<ApiOmgeving> omgeving;

    protected ToekenningApiScenario() => omgeving = new(() => new ApiOmgeving(new Webfabriek(db: Db)));

    /// <summary>The store's connection (null: SQLite in the data folder).</summary>
    protected abstract string? Db { get; }

    private ApiOmgeving Omgeving => omgeving.Value;

    public virtual void Dispose()
    {
        if (omgeving.IsValueCreated)
        {
            omgeving.Value.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    private static object Toekenning(string aanbieder = AanbiederA, int volume = 5760, string einde = "2028-03-07", string? motivering = null) => new
    {
        bsn = Kind, route = "lokale-toegang", verwijzer = "Team Emmeloord", aanbieder, product = "45F21", ingangsdatum = "2027-03-08",
        einddatum = einde, omvang = new { volume, eenheid = "01", frequentie = "6" }, achternaam = "Vries", voorvoegsel = "de", geslacht = "1",
        procesregie = new { houder = "gemeente", team = "Team Emmeloord" }, motivering,
    };

    private string Outbox(string naam) => Path.Combine(Omgeving.Fabriek.DataMap, "outbox", naam);

    private void AssertXsdGeldig(string naam)
    {
        var fouten = XsdValidatie.Fouten(File.ReadAllBytes(Outbox(naam)));
        Assert.True(fouten.Count == 0, string.Join("\n", fouten));
    }

    private string Xml(string naam) => Prefix().Replace(File.ReadAllText(Outbox(naam)), "<$1");

    [GeneratedRegex("<(/?)[a-z0-9]+:")]
    private static partial Regex Prefix();

    protected async Task Toekennen_wijzigen_en_intrekken_sturen_elk_een_XSD_geldige_JW301_en_een_herhaling_niets()
    {
        using var gemeente = Omgeving.Gemeente(Noordoostpolder);

        var toekenning = await gemeente.PostAsJsonAsync(Pad("/api/v1/toewijzingen"), Toekenning());
        Assert.True(toekenning.StatusCode == HttpStatusCode.OK, await toekenning.Content.ReadAsStringAsync());
        var json = await Json(toekenning);
        Assert.Equal("toegekend", json.GetProperty("status").GetString());
        var nummer = json.GetProperty("nummers")[0].GetInt32();
        var jw301 = json.GetProperty("outbox")[0].GetString()!;
        AssertXsdGeldig(jw301);
        Assert.Contains(json.GetProperty("bevindingen").EnumerateArray(), b => b.GetProperty("regelId").GetString() == "HK-301-4");

        var weer = await Json(await gemeente.PostAsJsonAsync(Pad("/api/v1/toewijzingen"), Toekenning()));
        Assert.True(weer.GetProperty("herhaling").GetBoolean());
        Assert.Single(Directory.GetFiles(Path.Combine(Omgeving.Fabriek.DataMap, "outbox")));

        var eind = await gemeente.PostAsJsonAsync(Pad($"/api/v1/toewijzingen/{nummer}/wijzigen"), new { soort = "beeindigen", einddatum = "2027-06-30" });
        Assert.True(eind.StatusCode == HttpStatusCode.OK, await eind.Content.ReadAsStringAsync());
        var eindBestand = (await Json(eind)).GetProperty("outbox")[0].GetString()!;
        AssertXsdGeldig(eindBestand);
        Assert.Contains("<RedenWijziging>05</RedenWijziging>", Xml(eindBestand), StringComparison.Ordinal);

        var intrek = await gemeente.PostAsJsonAsync(Pad($"/api/v1/toewijzingen/{nummer}/intrekken"), new { motivering = "Verkeerde aanbieder" });
        Assert.True(intrek.StatusCode == HttpStatusCode.OK, await intrek.Content.ReadAsStringAsync());
        var intrekBestand = (await Json(intrek)).GetProperty("outbox")[0].GetString()!;
        AssertXsdGeldig(intrekBestand);
        Assert.Contains("<RedenWijziging>13</RedenWijziging>", Xml(intrekBestand), StringComparison.Ordinal);

        var nogmaals = await gemeente.PostAsJsonAsync(Pad($"/api/v1/toewijzingen/{nummer}/intrekken"), new { motivering = "Nogmaals" });
        var probleem = await Json(nogmaals);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nogmaals.StatusCode);
        Assert.Equal("HK-301-6", probleem.GetProperty("regelId").GetString());
    }

    protected async Task Een_harde_regel_en_een_richtlijn_zonder_motivering_zijn_422_met_de_regel_en_schrijven_niets()
    {
        using var gemeente = Omgeving.Gemeente(Noordoostpolder);

        var zonderContract = await gemeente.PostAsJsonAsync(Pad("/api/v1/toewijzingen"), Toekenning(aanbieder: "03456789"));
        var teIntensief = await gemeente.PostAsJsonAsync(Pad("/api/v1/toewijzingen"), Toekenning(volume: 11520, einde: "2027-06-07"));
        var gemotiveerd = await gemeente.PostAsJsonAsync(Pad("/api/v1/toewijzingen"),
            Toekenning(volume: 11520, einde: "2027-06-07", motivering: "Na crisisopname drie maanden intensief"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, zonderContract.StatusCode);
        Assert.Equal("application/problem+json", zonderContract.Content.Headers.ContentType?.MediaType);
        Assert.Equal("HK-301-4", (await Json(zonderContract)).GetProperty("regelId").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, teIntensief.StatusCode);
        var richtlijn = await Json(teIntensief);
        Assert.Equal("HK-PRD-3", richtlijn.GetProperty("regelId").GetString());
        Assert.Equal("motivering-nodig", richtlijn.GetProperty("status").GetString());
        Assert.True(gemotiveerd.StatusCode == HttpStatusCode.OK, await gemotiveerd.Content.ReadAsStringAsync());
        Assert.Single(Directory.GetFiles(Path.Combine(Omgeving.Fabriek.DataMap, "outbox")));
    }

    protected async Task Zonder_BSN_gaat_er_geen_bericht_uit_en_het_antwoord_wijst_naar_het_landelijk_protocol()
    {
        using var gemeente = Omgeving.Gemeente(Noordoostpolder);

        var antwoord = await gemeente.PostAsJsonAsync(Pad("/api/v1/toewijzingen"), new
        {
            route = "lokale-toegang", aanbieder = AanbiederA, product = "45F21", ingangsdatum = "2027-03-08", einddatum = "2028-03-07",
            omvang = new { volume = 5760, eenheid = "01", frequentie = "6" }, commentaar = "Anoniem",
        });

        Assert.True(antwoord.StatusCode == HttpStatusCode.OK, await antwoord.Content.ReadAsStringAsync());
        var json = await Json(antwoord);
        Assert.Equal("geen-berichtenverkeer", json.GetProperty("status").GetString());
        Assert.Contains("landelijk protocol", json.GetProperty("toelichting").GetString(), StringComparison.Ordinal);
        Assert.Equal("HK-ROUTE-4", json.GetProperty("bevindingen")[0].GetProperty("regelId").GetString());
        Assert.Equal(0, json.GetProperty("outbox").GetArrayLength());
        Assert.False(Directory.Exists(Path.Combine(Omgeving.Fabriek.DataMap, "outbox")) && Directory.GetFiles(Path.Combine(Omgeving.Fabriek.DataMap, "outbox")).Length > 0);
    }

    protected async Task Een_andere_gemeente_kan_de_toewijzing_niet_intrekken()
    {
        using var nop = Omgeving.Gemeente(Noordoostpolder);
        using var almere = Omgeving.Gemeente(Almere);
        var nummer = (await Json(await nop.PostAsJsonAsync(Pad("/api/v1/toewijzingen"), Toekenning()))).GetProperty("nummers")[0].GetInt32();

        var antwoord = await almere.PostAsJsonAsync(Pad($"/api/v1/toewijzingen/{nummer}/intrekken"), new { motivering = "x" });

        Assert.Equal(HttpStatusCode.NotFound, antwoord.StatusCode);
    }
}

public sealed class ToekenningApiTests : ToekenningApiScenario
{
    protected override string? Db => null;

    [Fact]
    public Task Toekennen_wijzigen_intrekken_op_SQLite() => Toekennen_wijzigen_en_intrekken_sturen_elk_een_XSD_geldige_JW301_en_een_herhaling_niets();

    [Fact]
    public Task Weigeringen_op_SQLite() => Een_harde_regel_en_een_richtlijn_zonder_motivering_zijn_422_met_de_regel_en_schrijven_niets();

    [Fact]
    public Task Zonder_BSN_op_SQLite() => Zonder_BSN_gaat_er_geen_bericht_uit_en_het_antwoord_wijst_naar_het_landelijk_protocol();

    [Fact]
    public Task Andere_gemeente_op_SQLite() => Een_andere_gemeente_kan_de_toewijzing_niet_intrekken();

    [Fact]
    public async Task Het_OpenAPI_document_beschrijft_de_eigen_toewijzingen()
    {
        using var omgeving = new ApiOmgeving();
        using var client = omgeving.Client(null);

        var tekst = await client.GetStringAsync(Pad("/openapi/v1.json"));

        Assert.Contains("/api/v1/toewijzingen", tekst, StringComparison.Ordinal);
        Assert.Contains("/api/v1/toewijzingen/{nummer}/intrekken", tekst, StringComparison.Ordinal);
        Assert.Contains("/api/v1/toewijzingen/{nummer}/wijzigen", tekst, StringComparison.Ordinal);
    }
}

// Slow lane with the other PostgreSQL runs of the same tests (README, "Tests").
[Trait("Baan", "Traag")]
[Trait("Database", "PostgreSQL")]
public sealed class ToekenningApiPostgresTests : ToekenningApiScenario
{
    private readonly Postgresschema schema = new();

    protected override string? Db => schema.Verbinding;

    [PostgresFact]
    public Task Toekennen_wijzigen_intrekken_op_PostgreSQL() => Toekennen_wijzigen_en_intrekken_sturen_elk_een_XSD_geldige_JW301_en_een_herhaling_niets();

    [PostgresFact]
    public Task Zonder_BSN_op_PostgreSQL() => Zonder_BSN_gaat_er_geen_bericht_uit_en_het_antwoord_wijst_naar_het_landelijk_protocol();

    [PostgresFact]
    public Task Weigeringen_op_PostgreSQL() => Een_harde_regel_en_een_richtlijn_zonder_motivering_zijn_422_met_de_regel_en_schrijven_niets();

    public override void Dispose()
    {
        base.Dispose();
        schema.Dispose();
    }
}
