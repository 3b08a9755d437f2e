using System.Net;
using System.Net.Http.Json;
using System.Text;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Schema;
using Jeugdhulp.Ijw.Schrijven;
using Jeugdhulp.Store.Verwerking;
using Jeugdhulp.Web.Tests.Infrastructuur;
using static Jeugdhulp.Web.Tests.Api.ApiOmgeving;

namespace Jeugdhulp.Web.Tests.Api;

/// <summary>
/// The JW323 pre-check and no-show registration on the real store. Allocation 1 (45F11, contract tariff 175,
/// 2027-03-08..2027-09-07, 1800 minutes, provider A, client <see cref="Bsn"/>) is made by the pipeline on
/// 2027-03-02; the service runs on 2027-05-03. One host for the class (<see cref="Host"/>): a test counts what it adds
/// itself (rows before and after), the real declarations have identifications of their own, and only one test
/// registers no-shows on the allocation.
/// </summary>
public sealed class DeclaratieApiTests(DeclaratieApiTests.Host host) : IClassFixture<DeclaratieApiTests.Host>
{
    private const string Bsn = "100002183";
    private static readonly string[] Tabellen = ["journaal", "outbox", "declaraties", "declaratieprestaties", "noshows"];
    private readonly ApiOmgeving omgeving = host.Omgeving;

    /// <summary>The API on 2027-05-03 with allocation 1 made by the pipeline.</summary>
    public sealed class Host : IDisposable
    {
        public Host()
        {
                var jw315 = IjwSchrijver.Schrijf(new VerzoekOmToewijzingBericht(Berichtsoort.JW315, Kop(Berichtsoort.JW315, "T-1", new DateOnly(2027, 3, 1)),
                    new VerzoekOmToewijzingClient(Bsn, new Geboortedatum(new DateOnly(2016, 9, 12), null), "1",
                        new VerkorteNaam(new Achternaam("Vries", "de"), null, "J"), null, null,
                        [new AangevraagdProduct("R-T", null, new Product("45", "45F11"), null, new DateOnly(2027, 3, 8), new DateOnly(2027, 9, 7),
                            new Omvang(1800, "01", "6"), null, new Verwijzer("02", null, "01999999"), null, null)])));
                var backoffice = Omgeving.Fabriek.Backoffice;
                var verslag = new BerichtVerwerken(backoffice.Store, backoffice.Regels, new DateOnly(2027, 3, 2), backoffice.OutboxMap)
                    .Verwerk([new Invoer("jw315", jw315)]).Single();
        Assert.Equal(Uitkomsten.Approved, verslag.Uitkomst);
        }

        internal ApiOmgeving Omgeving { get; } = new(new Webfabriek(new DateOnly(2027, 5, 3)));

        public void Dispose() => Omgeving.Dispose();
    }

    private static Header Kop(Berichtsoort soort, string identificatie, DateOnly dagtekening) =>
        Header.Voor(soort, AanbiederA, Noordoostpolder, new BerichtIdentificatie(identificatie, dagtekening));

    private static Prestatie Prestatie(string referentie, string product, long tarief) =>
        new(new ProductReferentie(referentie, null), 1, "45", product, new GeslotenPeriode(new(2027, 4, 1), new(2027, 4, 30)), 300, "01", tarief,
            new BedragMetDc(300 * tarief, "D"));

    private static byte[] Jw323(string identificatie, Prestatie prestatie) =>
        IjwSchrijver.Schrijf(new Declaratiebericht(Kop(Berichtsoort.JW323, identificatie, new(2027, 5, 2)),
            new Declaratie("DN" + identificatie.Replace("-", "", StringComparison.Ordinal), new GeslotenPeriode(new(2027, 4, 1), new(2027, 4, 30)),
                new(2027, 5, 2), prestatie.IngediendBedrag, [new DeclaratieClient(Bsn, [prestatie])])));

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

    [Fact]
    public async Task De_proefcontrole_van_een_juiste_declaratie_is_accepted_en_boekt_niets()
    {
        using var client = omgeving.Aanbieder();
        var voor = Tel();

        var antwoord = await client.PostAsync(Pad("/api/v1/declaraties/proef"), Xml(Jw323("D-1", Prestatie("P-1", "45F11", 175))));

        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        var json = await Json(antwoord);
        Assert.Equal("accepted", json.GetProperty("outcome").GetString());
        Assert.Equal("JW323", json.GetProperty("bericht").GetString());
        Assert.Equal("D-1", json.GetProperty("identificatie").GetString());
        Assert.Empty(json.GetProperty("outbox").EnumerateArray());
        Assert.Equal(voor, Tel());
    }

    [Theory]
    [InlineData("45F11", 170, "retourcode 0611 (TR418)")]
    [InlineData("45F21", 175, "retourcode 9340 (TR340)")]
    public async Task De_proefcontrole_van_een_foute_declaratie_is_rejected_met_de_code_en_boekt_niets(string product, long tarief, string reden)
    {
        using var client = omgeving.Aanbieder();
        var voor = Tel();

        // Each case sends the real message too, so each has an identification of its own on the shared host.
        var identificatie = "D-2-" + product;
        var antwoord = await client.PostAsync(Pad("/api/v1/declaraties/proef"), Xml(Jw323(identificatie, Prestatie("P-2", product, tarief))));

        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        var json = await Json(antwoord);
        Assert.Equal("rejected", json.GetProperty("outcome").GetString());
        Assert.Contains(json.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("Prestatie P-2: " + reden, StringComparison.Ordinal));
        Assert.Empty(json.GetProperty("outbox").EnumerateArray());
        Assert.Equal(voor, Tel());

        // The real message afterwards is still new and gets the same outcome, now booked and answered.
        var echt = await Json(await Stuur(client, Jw323(identificatie, Prestatie("P-2", product, tarief))));
        Assert.Equal("rejected", echt.GetProperty("outcome").GetString());
        var jw325 = Assert.Single(echt.GetProperty("antwoorden").EnumerateArray());
        Assert.Contains(reden[11..15], jw325.GetProperty("retourcodes").EnumerateArray().Select(c => c.GetString()));
        Assert.NotEqual(voor, Tel());
    }

    [Fact]
    public async Task De_proefcontrole_geeft_met_xml_het_JW325_dat_de_gemeente_zou_sturen()
    {
        using var client = omgeving.Aanbieder();

        var antwoord = await client.PostAsync(Pad("/api/v1/declaraties/proef?xml=true"), Xml(Jw323("D-3", Prestatie("P-1", "45F11", 170))));

        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        Assert.Equal("application/xml", antwoord.Content.Headers.ContentType?.MediaType);
        var xml = await antwoord.Content.ReadAsStringAsync();
        Assert.Contains("<ijw:Identificatie>PROEF</ijw:Identificatie>", xml, StringComparison.Ordinal);
        Assert.Contains("<RetourCode>0611</RetourCode>", xml, StringComparison.Ordinal);
        var validatie = Ijw.Controles.IjwValidatie.Valideer(Encoding.UTF8.GetBytes(xml), new DateOnly(2099, 12, 31));
        Assert.True(validatie.IsGeldig, string.Join("; ", validatie.Fouten));
    }

    [Fact]
    public async Task De_proefcontrole_weigert_een_bericht_van_een_andere_aanbieder()
    {
        using var client = omgeving.Aanbieder(AanbiederB);

        await Probleem(await client.PostAsync(Pad("/api/v1/declaraties/proef"), Xml(Jw323("D-4", Prestatie("P-1", "45F11", 175)))), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Zonder_token_zijn_proef_en_noshow_401()
    {
        using var client = omgeving.Client(null);
        var voor = Tel()[Array.IndexOf(Tabellen, "noshows")];

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync(Pad("/api/v1/declaraties/proef"), Xml(Jw323("D-5", Prestatie("P-1", "45F11", 175))))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync(Pad("/api/v1/noshows"), Melding("2027-03-10"))).StatusCode);
        Assert.Equal(voor, Tel()[Array.IndexOf(Tabellen, "noshows")]);
    }

    private static object Melding(string datum) => new { gemeente = Noordoostpolder, toewijzingnummer = 1, bsn = Bsn, datum };

    [Fact]
    public async Task Drie_noshows_krijgen_hun_volgnummer_en_de_derde_een_besluittermijn_een_vierde_wordt_geweigerd()
    {
        using var client = omgeving.Aanbieder();
        var noshows = Tel()[Array.IndexOf(Tabellen, "noshows")];

        var verslagen = new List<System.Text.Json.JsonElement>();
        foreach (var datum in new[] { "2027-03-10", "2027-03-17", "2027-03-24" })
        {
            var antwoord = await client.PostAsJsonAsync(Pad("/api/v1/noshows"), Melding(datum));
            Assert.Equal(HttpStatusCode.Created, antwoord.StatusCode);
            Assert.Equal($"/api/v1/noshows/{(await Json(antwoord)).GetProperty("id").GetInt64()}", antwoord.Headers.Location?.OriginalString);
            verslagen.Add(await Json(antwoord));
        }

        Assert.Equal([1, 2, 3], verslagen.Select(v => v.GetProperty("aantal").GetInt32()));
        Assert.Equal(["HK-NS-1", "HK-NS-2", "HK-NS-3"], verslagen.Select(v => v.GetProperty("regel").GetString()));
        Assert.All(verslagen, v => Assert.Equal("45F11", v.GetProperty("product").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, verslagen[1].GetProperty("besluitUiterlijk").ValueKind);
        var uiterlijk = DateOnly.Parse(verslagen[2].GetProperty("besluitUiterlijk").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(uiterlijk > new DateOnly(2027, 5, 3));
        Assert.Contains(uiterlijk.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture), verslagen[2].GetProperty("toelichting").GetString(), StringComparison.Ordinal);

        var vierde = await client.PostAsJsonAsync(Pad("/api/v1/noshows"), Melding("2027-03-31"));
        var detail = await Probleem(vierde, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("NS-MAXIMUM", (await Json(vierde)).GetProperty("code").GetString());
        Assert.Contains("HK-323-4", detail, StringComparison.Ordinal);
        Assert.Equal(noshows + 3, Tel()[Array.IndexOf(Tabellen, "noshows")]);
    }

    [Fact]
    public async Task Een_noshow_op_de_toewijzing_van_een_andere_aanbieder_wordt_geweigerd()
    {
        using var client = omgeving.Aanbieder(AanbiederB);
        var voor = Tel()[Array.IndexOf(Tabellen, "noshows")];

        var antwoord = await client.PostAsJsonAsync(Pad("/api/v1/noshows"), Melding("2027-03-10"));

        var detail = await Probleem(antwoord, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("NS-TOEWIJZING", (await Json(antwoord)).GetProperty("code").GetString());
        Assert.Contains(AanbiederB, detail, StringComparison.Ordinal);
        Assert.Equal(voor, Tel()[Array.IndexOf(Tabellen, "noshows")]);
    }

    [Fact]
    public async Task Een_onvolledige_noshow_is_400()
    {
        using var client = omgeving.Aanbieder();

        var detail = await Probleem(await client.PostAsJsonAsync(Pad("/api/v1/noshows"), new { gemeente = "abc", bsn = "123" }), HttpStatusCode.BadRequest);

        Assert.Contains("'gemeente'", detail, StringComparison.Ordinal);
        Assert.Contains("'datum'", detail, StringComparison.Ordinal);
    }
}
