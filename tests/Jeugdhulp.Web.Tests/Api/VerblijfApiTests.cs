using System.Net;
using System.Net.Http.Json;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Web.Tests.Infrastructuur;
using static Jeugdhulp.Web.Tests.Api.ApiOmgeving;

namespace Jeugdhulp.Web.Tests.Api;

/// <summary>
/// The municipality API for 24-hour care on a real host: the scenarios run on SQLite (<see cref="VerblijfApiTests"/>)
/// and on PostgreSQL (<see cref="VerblijfApiPostgresTests"/>).
/// </summary>
public abstract class VerblijfApiScenario : IDisposable
{
    private const string Jongere = "100003023";
    private const string Kind = "100002183";

    private readonly Lazy<ApiOmgeving> omgeving;

    protected VerblijfApiScenario() => omgeving = new(() =>
    {
        var o = new ApiOmgeving(new Webfabriek(db: Db, regels: Verblijfdata.Regels));
        Verblijfdata.Contracten(o.Fabriek.Backoffice);
        return o;
    });

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

    private static object Crisis(string eind = "2027-03-28", string referentie = "CR-1") => new
    {
        referentie, bsn = Jongere, product = "46R01", route = "gedwongen", start = "2027-03-01", eind,
    };

    private static object Meerzorg(string tot = "2027-08-31") => new
    {
        referentie = "MZ-1", bsn = Kind, aanbieder = AanbiederA, zzp = "LVG4", extraUrenPerWeek = 6, van = "2027-03-01", tot, ontvangen = "2027-03-03",
        hulpplan = true, onafhankelijkeToets = "positief", financieleToets = "positief",
    };

    protected async Task Crisis_termijnen_en_toegekende_meerzorg_met_een_XSD_geldige_JW301()
    {
        using var gemeente = Omgeving.Gemeente(Noordoostpolder);

        var te29 = await gemeente.PostAsJsonAsync(Pad("/api/v1/verblijf/plaatsingen"), Crisis(eind: "2027-03-29"));
        await Probleem(te29, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("HK-24-8", (await Json(te29)).GetProperty("regelId").GetString());
        var proef = await Json(await gemeente.PostAsJsonAsync(Pad("/api/v1/verblijf/plaatsingen"), new
        {
            referentie = "CR-1", bsn = Jongere, product = "46R01", route = "gedwongen", start = "2027-03-01", eind = "2027-03-29", alleenControleren = true,
        }));
        Assert.Equal("afgewezen", proef.GetProperty("uitkomst").GetString());
        Assert.False(proef.GetProperty("geschreven").GetBoolean());

        var crisis = await gemeente.PostAsJsonAsync(Pad("/api/v1/verblijf/plaatsingen"), Crisis());
        Assert.True(crisis.StatusCode == HttpStatusCode.OK, await crisis.Content.ReadAsStringAsync());
        var json = await Json(crisis);
        Assert.True(json.GetProperty("geschreven").GetBoolean());
        Assert.Contains(json.GetProperty("bevindingen").EnumerateArray(), b => b.GetProperty("regelId").GetString() == "HK-24-8");
        Assert.Contains(json.GetProperty("termijnen").EnumerateArray(), t => t.GetProperty("regel").GetString() == "HK-24-8-DWANG-EVALUATIE");

        var plaatsing = await Json(await gemeente.GetAsync(Pad("/api/v1/verblijf/plaatsingen/CR-1")));
        Assert.Equal(5, plaatsing.GetProperty("dag").GetInt32());
        Assert.Equal(28, plaatsing.GetProperty("maxDagen").GetInt32());
        Assert.Equal("*****3023".Length, plaatsing.GetProperty("client").GetString()!.Length);
        Assert.DoesNotContain(Jongere, plaatsing.ToString(), StringComparison.Ordinal);
        Assert.Contains(plaatsing.GetProperty("termijnen").EnumerateArray(), t => t.GetProperty("regel").GetString() == "HK-24-8-PERSPECTIEF"
            && t.GetProperty("vervaldatum").GetString() == "2027-03-14");

        var aanvraag = await gemeente.PostAsJsonAsync(Pad("/api/v1/verblijf/meerzorg"), Meerzorg());
        Assert.True(aanvraag.StatusCode == HttpStatusCode.OK, await aanvraag.Content.ReadAsStringAsync());
        var besluit = await gemeente.PostAsJsonAsync(Pad("/api/v1/verblijf/meerzorg/MZ-1/besluit"), new
        {
            besluit = "toekennen", motivering = "Hulpplan en toetsen positief", achternaam = "Vries", voorvoegsel = "de", geslacht = "1",
        });
        Assert.True(besluit.StatusCode == HttpStatusCode.OK, await besluit.Content.ReadAsStringAsync());
        var toegekend = await Json(besluit);
        Assert.True(toegekend.GetProperty("toewijzing").GetInt32() > 0);
        Assert.Contains(toegekend.GetProperty("bevindingen").EnumerateArray(), b => b.GetProperty("regelId").GetString() == "HK-PER-5");
        var jw301 = toegekend.GetProperty("outbox")[0].GetString()!;
        var pad = Path.Combine(Omgeving.Fabriek.DataMap, "outbox", jw301);
        Assert.Empty(XsdValidatie.Fouten(File.ReadAllBytes(pad)));
        Assert.Contains("45R02", File.ReadAllText(pad), StringComparison.Ordinal);

        var nogmaals = await gemeente.PostAsJsonAsync(Pad("/api/v1/verblijf/meerzorg/MZ-1/besluit"), new { besluit = "toekennen" });
        await Probleem(nogmaals, HttpStatusCode.Conflict);

        var overzicht = await Json(await gemeente.GetAsync(Pad("/api/v1/verblijf")));
        Assert.Equal("toegekend", overzicht.GetProperty("meerzorg")[0].GetProperty("besluit").GetString());
        Assert.Equal(toegekend.GetProperty("toewijzing").GetInt32(), overzicht.GetProperty("meerzorg")[0].GetProperty("toewijzing").GetInt32());
        Assert.Single(overzicht.GetProperty("plaatsingen").EnumerateArray());
    }

    protected async Task Consult_moederkind_en_escalatie_weigeren_met_de_regel_en_leggen_anders_vast()
    {
        using var gemeente = Omgeving.Gemeente(Noordoostpolder);

        var zonderVraag = await gemeente.PostAsJsonAsync(Pad("/api/v1/verblijf/consulten"), new { referentie = "CO-1", basisinformatie = "Jongen", ingediend = "2027-03-01", gewenst = "2027-03-22" });
        await Probleem(zonderVraag, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("HK-24-6", (await Json(zonderVraag)).GetProperty("regelId").GetString());
        Assert.Equal(HttpStatusCode.OK, (await gemeente.PostAsJsonAsync(Pad("/api/v1/verblijf/consulten"),
            new { referentie = "CO-1", basisinformatie = "Jongen", vraag = "Opschalen?", ingediend = "2027-03-01", gewenst = "2027-03-22" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await gemeente.PostAsJsonAsync(Pad("/api/v1/verblijf/consulten/CO-1/uitkomst"), new { uitkomst = "lokaal", datum = "2027-03-04" })).StatusCode);
        await Probleem(await gemeente.PostAsJsonAsync(Pad("/api/v1/verblijf/consulten/CO-1/uitkomst"), new { uitkomst = "lokaal", datum = "2027-03-04" }), HttpStatusCode.NotFound);

        var zonderBesluit = await gemeente.PostAsJsonAsync(Pad("/api/v1/verblijf/moederkind"),
            new { referentie = "MK-1", bsn = Kind, aanbieder = AanbiederA, van = "2027-03-01", tot = "2027-03-31" });
        await Probleem(zonderBesluit, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("HK-24-11", (await Json(zonderBesluit)).GetProperty("regelId").GetString());
        var moederKind = await Json(await gemeente.PostAsJsonAsync(Pad("/api/v1/verblijf/moederkind"),
            new { referentie = "MK-1", bsn = Kind, aanbieder = AanbiederA, besluitMoeder = "B-77", van = "2027-03-01", tot = "2027-03-31" }));
        Assert.Contains(moederKind.GetProperty("termijnen").EnumerateArray(), t => t.GetProperty("regel").GetString() == "HK-24-11");

        await Probleem(await gemeente.PostAsJsonAsync(Pad("/api/v1/verblijf/escalaties"), new { plaatsing = "ONBEKEND", onderwerp = "x" }), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await gemeente.PostAsJsonAsync(Pad("/api/v1/verblijf/plaatsingen"), Crisis())).StatusCode);
        var escalatie = await Json(await gemeente.PostAsJsonAsync(Pad("/api/v1/verblijf/escalaties"), new { plaatsing = "CR-1", onderwerp = "Geen vervolgplek" }));
        Assert.Equal("HK-24-12", escalatie.GetProperty("bevindingen")[0].GetProperty("regelId").GetString());
        var overzicht = await Json(await gemeente.GetAsync(Pad("/api/v1/verblijf")));
        var id = overzicht.GetProperty("escalaties")[0].GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await gemeente.PostAsJsonAsync(Pad($"/api/v1/verblijf/escalaties/{id}/besluit"), new { datum = "2027-03-05" })).StatusCode);
        Assert.Equal("lokaal", overzicht.GetProperty("consulten")[0].GetProperty("uitkomst").GetString());
    }

    protected async Task Het_overzicht_bladert_per_soort_met_totalen_en_de_termijnen_van_de_pagina()
    {
        using var gemeente = Omgeving.Gemeente(Noordoostpolder);
        foreach (var r in new[] { "CR-1", "CR-2", "CR-3" })
        {
            Assert.Equal(HttpStatusCode.OK, (await gemeente.PostAsJsonAsync(Pad("/api/v1/verblijf/plaatsingen"), Crisis(referentie: r))).StatusCode);
        }

        var eerste = await Json(await gemeente.GetAsync(Pad("/api/v1/verblijf?perPagina=2")));
        Assert.Equal(["CR-1", "CR-2"], eerste.GetProperty("plaatsingen").EnumerateArray().Select(p => p.GetProperty("referentie").GetString()));
        Assert.Equal(3, eerste.GetProperty("totalen").GetProperty("plaatsingen").GetInt32());
        Assert.Equal(2, eerste.GetProperty("perPagina").GetInt32());
        Assert.All(eerste.GetProperty("termijnen").EnumerateArray(), t => Assert.NotEqual("CR-3", t.GetProperty("referentie").GetString()));

        var tweede = await Json(await gemeente.GetAsync(Pad("/api/v1/verblijf?soort=plaatsingen&perPagina=2&pagina=2")));
        var cr3 = Assert.Single(tweede.GetProperty("plaatsingen").EnumerateArray());
        Assert.Equal("CR-3", cr3.GetProperty("referentie").GetString());
        Assert.Contains(tweede.GetProperty("termijnen").EnumerateArray(), t => t.GetProperty("referentie").GetString() == "CR-3");
        Assert.Equal(0, tweede.GetProperty("consulten").GetArrayLength());
        Assert.Equal(0, (await Json(await gemeente.GetAsync(Pad("/api/v1/verblijf?perPagina=2&pagina=3")))).GetProperty("plaatsingen").GetArrayLength());
        Assert.Equal(3, (await Json(await gemeente.GetAsync(Pad("/api/v1/verblijf")))).GetProperty("plaatsingen").GetArrayLength());

        foreach (var fout in new[] { "perPagina=0", "perPagina=1001", "pagina=0", "pagina=x", "soort=alle", "soort=iets" })
        {
            await Probleem(await gemeente.GetAsync(Pad("/api/v1/verblijf?" + fout)), HttpStatusCode.BadRequest);
        }
    }

    protected async Task Een_andere_gemeente_ziet_niets_en_een_aanbieder_wordt_geweigerd()
    {
        using var nop = Omgeving.Gemeente(Noordoostpolder);
        using var almere = Omgeving.Gemeente(Almere);
        using var aanbieder = Omgeving.Aanbieder();
        Assert.Equal(HttpStatusCode.OK, (await nop.PostAsJsonAsync(Pad("/api/v1/verblijf/plaatsingen"), Crisis())).StatusCode);

        await Probleem(await almere.GetAsync(Pad("/api/v1/verblijf/plaatsingen/CR-1")), HttpStatusCode.NotFound);
        Assert.Equal(0, (await Json(await almere.GetAsync(Pad("/api/v1/verblijf")))).GetProperty("plaatsingen").GetArrayLength());
        var vreemd = await almere.PostAsJsonAsync(Pad("/api/v1/verblijf/plaatsingen"), Crisis(referentie: "CR-ALM"));
        await Probleem(vreemd, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("VERBLIJF-GEEN-INWONER", (await Json(vreemd)).GetProperty("code").GetString());
        await Probleem(await almere.PostAsJsonAsync(Pad("/api/v1/verblijf/escalaties"), new { plaatsing = "CR-1", onderwerp = "x" }), HttpStatusCode.NotFound);

        await Probleem(await aanbieder.GetAsync(Pad("/api/v1/verblijf")), HttpStatusCode.Forbidden);
        await Probleem(await aanbieder.PostAsJsonAsync(Pad("/api/v1/verblijf/plaatsingen"), Crisis(referentie: "CR-AGB")), HttpStatusCode.Forbidden);
        using var anoniem = Omgeving.Client(null);
        await Probleem(await anoniem.GetAsync(Pad("/api/v1/verblijf")), HttpStatusCode.Unauthorized);
    }
}

public sealed class VerblijfApiTests : VerblijfApiScenario
{
    protected override string? Db => null;

    [Fact]
    public Task Crisis_en_meerzorg_op_SQLite() => Crisis_termijnen_en_toegekende_meerzorg_met_een_XSD_geldige_JW301();

    [Fact]
    public Task Consult_moederkind_escalatie_op_SQLite() => Consult_moederkind_en_escalatie_weigeren_met_de_regel_en_leggen_anders_vast();

    [Fact]
    public Task Andere_gemeente_en_aanbieder_op_SQLite() => Een_andere_gemeente_ziet_niets_en_een_aanbieder_wordt_geweigerd();

    [Fact]
    public Task Bladeren_op_SQLite() => Het_overzicht_bladert_per_soort_met_totalen_en_de_termijnen_van_de_pagina();

    [Fact]
    public async Task Het_OpenAPI_document_beschrijft_de_24_uurs_zorg()
    {
        using var omgeving = new ApiOmgeving();
        using var client = omgeving.Client(null);

        var tekst = await client.GetStringAsync(Pad("/openapi/v1.json"));

        foreach (var pad in new[]
        {
            "/api/v1/verblijf", "/api/v1/verblijf/plaatsingen", "/api/v1/verblijf/plaatsingen/{referentie}", "/api/v1/verblijf/consulten",
            "/api/v1/verblijf/consulten/{referentie}/uitkomst", "/api/v1/verblijf/meerzorg", "/api/v1/verblijf/meerzorg/{referentie}/besluit",
            "/api/v1/verblijf/moederkind", "/api/v1/verblijf/escalaties", "/api/v1/verblijf/escalaties/{id}/besluit",
        })
        {
            Assert.Contains($"\"{pad}\"", tekst, StringComparison.Ordinal);
        }
    }
}

// Slow lane with the other PostgreSQL runs of the same tests (README, "Tests").
[Trait("Baan", "Traag")]
[Trait("Database", "PostgreSQL")]
public sealed class VerblijfApiPostgresTests : VerblijfApiScenario
{
    private readonly Postgresschema schema = new();

    protected override string? Db => schema.Verbinding;

    [PostgresFact]
    public Task Crisis_en_meerzorg_op_PostgreSQL() => Crisis_termijnen_en_toegekende_meerzorg_met_een_XSD_geldige_JW301();

    [PostgresFact]
    public Task Consult_moederkind_escalatie_op_PostgreSQL() => Consult_moederkind_en_escalatie_weigeren_met_de_regel_en_leggen_anders_vast();

    [PostgresFact]
    public Task Andere_gemeente_en_aanbieder_op_PostgreSQL() => Een_andere_gemeente_ziet_niets_en_een_aanbieder_wordt_geweigerd();

    [PostgresFact]
    public Task Bladeren_op_PostgreSQL() => Het_overzicht_bladert_per_soort_met_totalen_en_de_termijnen_van_de_pagina();

    public override void Dispose()
    {
        base.Dispose();
        schema.Dispose();
    }
}
