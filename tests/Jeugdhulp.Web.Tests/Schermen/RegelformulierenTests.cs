using System.Net;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Regelversies;
using Jeugdhulp.Web.Tests.Infrastructuur;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>
/// The typed rule forms besides a product's limits (issue 20, item 3): stacking pair, deadline, lot participation and
/// tariff. Each has Dutch labels, a bad edit refused by the loader's checks with rule and field named in the form, a
/// confirmation step with a way back, and saves a draft only then. One host (<see cref="Demohost"/>): drafts only, none published.
/// </summary>
public sealed class RegelformulierenTests : IClassFixture<Demohost>
{
    private const string Stapeling = "/regelwijzigingen/nieuw?soort=stapeling&sleutel=perceel%3ABASIS%20%C3%97%20perceel%3AMULTI";
    private const string Termijn = "/regelwijzigingen/nieuw?soort=termijn&sleutel=HK-315-3";
    private const string Perceel = "/regelwijzigingen/nieuw?soort=perceel&sleutel=MULTI";
    private const string Tarief = "/regelwijzigingen/nieuw?soort=verblijf&sleutel=verblijf";
    private const string Beleid = "/regelwijzigingen/nieuw?soort=beleid&sleutel=beleid";
    private const string Leeftijd = "/regelwijzigingen/nieuw?soort=leeftijd&sleutel=MULTI";

    private readonly Webfabriek fabriek;

    public RegelformulierenTests(Demohost demo)
    {
        fabriek = demo.Fabriek;
        Demodata.Account(fabriek.Backoffice, "nop-beleid", Demodata.Nop, Medewerkerrol.Beleid);
    }

    /// <summary>The form as filled on <paramref name="pagina"/>: its hidden JSON and validity start, for a post with changed fields.</summary>
    private static async Task<(string Inhoud, string Vanaf)> Ingevuld(Sessie s, string pagina)
    {
        var html = await s.Tekst(pagina);
        var inhoud = System.Text.RegularExpressions.Regex.Match(html, "<input type=\"hidden\" name=\"inhoud\" value=\"([^\"]*)\"");
        var vanaf = System.Text.RegularExpressions.Regex.Match(html, "id=\"geldigVanaf-velden\" name=\"geldigVanaf\" type=\"date\" required value=\"([^\"]*)\"");
        Assert.True(inhoud.Success && vanaf.Success, $"geen getypt formulier op {pagina}");
        return (WebUtility.HtmlDecode(inhoud.Groups[1].Value), vanaf.Groups[1].Value);
    }

    [Theory]
    [InlineData(Stapeling, "Selector a", "Uitkomst", "Regel-id")]
    [InlineData(Termijn, "Omschrijving", "Wie moet het doen", "Adviestermijn")]
    [InlineData(Perceel, "Gemeente (CBS-code)", "Tot en met", "Alleen producten (codes, met komma's)")]
    [InlineData(Tarief, "Jaar", "Bedrag per etmaal (euro)", "Tarieven")]
    [InlineData(Beleid, "Terugval: minuten (HK-315-9)", "No-shows per kalenderjaar per product per cliënt, hoogstens (HK-323-4)", "Medische verwijzers")]
    [InlineData(Leeftijd, "Maximumleeftijd (de eerste leeftijd die niet meer mag)", "<legend>Uitzonderingen</legend>", "Signaal vooraf (maanden voor de verjaardag)")]
    public async Task Elk_getypt_formulier_heeft_nederlandse_velden_en_een_formuliertoken(string pagina, string een, string twee, string drie)
    {
        using var beleid = await Sessie.Ingelogd(fabriek, "nop-beleid");

        var html = WebUtility.HtmlDecode(await beleid.Tekst(pagina));

        Assert.Contains("id=\"velden-kop\"", html, StringComparison.Ordinal);
        Assert.Contains(een, html, StringComparison.Ordinal);
        Assert.Contains(twee, html, StringComparison.Ordinal);
        Assert.Contains(drie, html, StringComparison.Ordinal);
        Assert.Contains("Controleren…", html, StringComparison.Ordinal);
        var formulier = html[html.IndexOf("aria-labelledby=\"velden-kop\"", StringComparison.Ordinal)..];
        Assert.Contains("name=\"__formulier\"", formulier[..formulier.IndexOf("</form>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_stapelingspaar_wordt_na_bevestiging_bewaard_en_een_onbekend_product_geweigerd()
    {
        using var beleid = await Sessie.Ingelogd(fabriek, "nop-beleid");
        var (inhoud, vanaf) = await Ingevuld(beleid, Stapeling);
        (string, string)[] Velden(string a) =>
        [
            ("soort", "stapeling"), ("sleutel", "perceel:BASIS × perceel:MULTI"), ("vorm", "velden"), ("inhoud", inhoud), ("geldigVanaf", vanaf),
            ("veld-a", a), ("veld-b", "perceel:BASIS"), ("veld-uitkomst", "verboden"), ("veld-regelId", "HK-STAP-AFSCHALEN"),
            ("veld-toelichting", "Multi en Basis lopen niet samen."),
        ];

        var fout = await beleid.Post(Regelconcepten.Formulier, Stapeling, Velden("product:99999"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fout.StatusCode);
        var html = WebUtility.HtmlDecode(await fout.Content.ReadAsStringAsync());
        Assert.Contains("Het concept is niet bewaard", html, StringComparison.Ordinal);
        Assert.Matches(@"concept \(stapeling\.json, [^)]*\)[^:]*: REGEL-VERWIJZING: a 'product:99999'", html);
        Assert.Contains("value=\"product:99999\"", html, StringComparison.Ordinal);

        var bevestiging = await Regelconcepten.Controleer(beleid, Stapeling, Velden("perceel:MULTI"));
        var id = await Regelconcepten.Bevestig(beleid, Stapeling, bevestiging);

        var versie = fabriek.Backoffice.Store.LeesRegelversie(id)!;
        Assert.Equal(("stapeling", "perceel:BASIS × perceel:MULTI", false), (versie.Soort, versie.Sleutel, versie.IsGepubliceerd));
        Assert.Contains("\"uitkomst\": \"verboden\"", versie.Inhoud, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_termijn_met_aantal_nul_wordt_geweigerd_en_terug_toont_het_formulier_met_de_invoer()
    {
        using var beleid = await Sessie.Ingelogd(fabriek, "nop-beleid");
        var (inhoud, vanaf) = await Ingevuld(beleid, Termijn);
        (string, string)[] Velden(string aantal) =>
        [
            ("soort", "termijn"), ("sleutel", "HK-315-3"), ("vorm", "velden"), ("inhoud", inhoud), ("geldigVanaf", vanaf),
            ("veld-id", "HK-315-3"), ("veld-omschrijving", "Antwoord op JW315/JW317"), ("veld-partij", "gemeente"),
            ("veld-aantal", aantal), ("veld-eenheid", "werkdagen"),
        ];

        var nul = await beleid.Post(Regelconcepten.Formulier, Termijn, Velden("0"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nul.StatusCode);
        Assert.Matches(@"concept \(termijnen\.json, HK-315-3\), regel \d+: REGEL-[A-Z]+: [^<]*aantal", WebUtility.HtmlDecode(await nul.Content.ReadAsStringAsync()));
        var tekst = await beleid.Post(Regelconcepten.Formulier, Termijn, Velden("tien"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tekst.StatusCode);
        Assert.Contains("'tien' bij 'Aantal' is geen heel getal.", WebUtility.HtmlDecode(await tekst.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var bevestiging = await Regelconcepten.Controleer(beleid, Termijn, Velden("10"));
        var terug = await Regelconcepten.Terug(beleid, Termijn, bevestiging);
        Assert.Contains("id=\"veld-aantal\" name=\"veld-aantal\" type=\"text\" inputmode=\"numeric\" value=\"10\"", terug, StringComparison.Ordinal);
        Assert.DoesNotContain(fabriek.Backoffice.Store.LeesRegelversies(), v => v.Sleutel == "HK-315-3");

        var id = await Regelconcepten.Bevestig(beleid, Termijn, bevestiging);
        var versie = fabriek.Backoffice.Store.LeesRegelversie(id)!;
        Assert.Contains("\"aantal\": 10", versie.Inhoud, StringComparison.Ordinal);
        // Unchecked box: not advisory.
        Assert.Contains("\"advies\": false", versie.Inhoud, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_perceeldeelname_met_een_onbekende_gemeente_wordt_geweigerd_en_een_lege_regel_valt_weg()
    {
        using var beleid = await Sessie.Ingelogd(fabriek, "nop-beleid");
        var (inhoud, vanaf) = await Ingevuld(beleid, Perceel);
        var deelnames = System.Text.Json.Nodes.JsonNode.Parse(inhoud)!["deelnames"]!.AsArray();
        var urk = deelnames.Select((d, i) => (d, i)).Single(x => (string?)x.d!["gemeente"] == "0184").i;
        List<(string, string)> Velden(string nieuweGemeente)
        {
            var v = new List<(string, string)> { ("soort", "perceel"), ("sleutel", "MULTI"), ("vorm", "velden"), ("inhoud", inhoud), ("geldigVanaf", vanaf) };
            for (var i = 0; i < deelnames.Count; i++)
            {
                var d = deelnames[i]!;
                v.AddRange(i == urk
                    ? [($"deelnames-{i}-gemeente", ""), ($"deelnames-{i}-geldigVanaf", "")]
                    : [($"deelnames-{i}-gemeente", (string)d["gemeente"]!), ($"deelnames-{i}-geldigVanaf", (string)d["geldigVanaf"]!),
                        ($"deelnames-{i}-producten", string.Join(",", d["producten"]?.AsArray().Select(p => (string)p!) ?? []))]);
            }

            v.AddRange([($"deelnames-{deelnames.Count}-gemeente", nieuweGemeente), ($"deelnames-{deelnames.Count}-geldigVanaf", nieuweGemeente.Length > 0 ? "2027-04-01" : ""),
                ("deelnames-aantal", $"{deelnames.Count + 1}")]);
            return v;
        }

        var fout = await beleid.Post(Regelconcepten.Formulier, Perceel, [.. Velden("9999")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fout.StatusCode);
        Assert.Matches(@"concept \(percelen\.json, MULTI\)[^:]*: REGEL-[A-Z]+: [^<]*9999", WebUtility.HtmlDecode(await fout.Content.ReadAsStringAsync()));

        var bevestiging = await Regelconcepten.Controleer(beleid, Perceel, [.. Velden("")]);
        var id = await Regelconcepten.Bevestig(beleid, Perceel, bevestiging);

        var versie = fabriek.Backoffice.Store.LeesRegelversie(id)!;
        Assert.DoesNotContain("0184", versie.Inhoud, StringComparison.Ordinal);
        Assert.Contains("\"0995\"", versie.Inhoud, StringComparison.Ordinal);
        Assert.Contains("\"45F34\"", versie.Inhoud, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_tarief_wordt_als_bedrag_bewaard_en_een_negatief_bedrag_geweigerd()
    {
        using var beleid = await Sessie.Ingelogd(fabriek, "nop-beleid");
        var (inhoud, vanaf) = await Ingevuld(beleid, Tarief);
        (string, string)[] Velden(string bedrag) =>
        [
            ("soort", "verblijf"), ("sleutel", "verblijf"), ("vorm", "velden"), ("inhoud", inhoud), ("geldigVanaf", vanaf),
            ("moederKindtoeslag-0-jaar", "2019"), ("moederKindtoeslag-0-bedragPerEtmaal", "84,03"),
            ("moederKindtoeslag-1-jaar", "2027"), ("moederKindtoeslag-1-bedragPerEtmaal", bedrag), ("moederKindtoeslag-aantal", "2"),
        ];

        var fout = await beleid.Post(Regelconcepten.Formulier, Tarief, Velden("-5"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fout.StatusCode);
        Assert.Matches(@"concept \(verblijf\.json, verblijf\)[^:]*: REGEL-WAARDE: moederKindtoeslag\[1\]\.bedragPerEtmaal", WebUtility.HtmlDecode(await fout.Content.ReadAsStringAsync()));
        var cijfers = await beleid.Post(Regelconcepten.Formulier, Tarief, Velden("95,555"));
        Assert.Contains("'95,555' bij 'Bedrag per etmaal (euro) (regel 2)' is geen bedrag in euro met hoogstens twee decimalen.",
            WebUtility.HtmlDecode(await cijfers.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var id = await Regelconcepten.Bevestig(beleid, Tarief, await Regelconcepten.Controleer(beleid, Tarief, Velden("95,50")));

        var versie = fabriek.Backoffice.Store.LeesRegelversie(id)!;
        Assert.Contains("\"jaar\": 2027", versie.Inhoud, StringComparison.Ordinal);
        Assert.Contains("\"bedragPerEtmaal\": 95.50", versie.Inhoud, StringComparison.Ordinal);
        Assert.Contains("\"bedragPerEtmaal\": 84.03", versie.Inhoud, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Beleidsparameters_worden_getypt_bewaard_en_een_procent_boven_100_of_een_niet_medisch_verwijzertype_geweigerd()
    {
        using var beleid = await Sessie.Ingelogd(fabriek, "nop-beleid");
        var (inhoud, vanaf) = await Ingevuld(beleid, Beleid);
        (string, string)[] Velden(string procent, string type) =>
        [
            ("soort", "beleid"), ("sleutel", "beleid"), ("vorm", "velden"), ("inhoud", inhoud), ("geldigVanaf", vanaf),
            ("veld-terugval.vensterMaanden", "4"), ("veld-terugval.minuten", "1200"), ("veld-terugval.duurMaanden", "3"),
            ("veld-einddatumVerschuiven.maxKeren", "1"), ("veld-einddatumVerschuiven.maxProcentVanPeriode", procent), ("veld-einddatumVerschuiven.maxMaanden", "6"),
            ("veld-intakeNaVerwijzingMaanden", "12"), ("veld-noShowMaxPerKalenderjaar", "3"),
            ("medischeVerwijzers-0-type", "02"), ("medischeVerwijzers-0-omschrijving", "huisarts of POH"),
            ("medischeVerwijzers-1-type", type), ("medischeVerwijzers-1-omschrijving", "jeugdarts"),
            ("medischeVerwijzers-2-type", ""), ("medischeVerwijzers-2-omschrijving", ""), ("medischeVerwijzers-aantal", "3"),
        ];

        var procent = await beleid.Post(Regelconcepten.Formulier, Beleid, Velden("150", "03"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, procent.StatusCode);
        Assert.Matches(@"concept \(beleid\.json, beleid\), regel \d+: REGEL-WAARDE: einddatumVerschuiven\.maxProcentVanPeriode 150", WebUtility.HtmlDecode(await procent.Content.ReadAsStringAsync()));
        var verwijzer = await beleid.Post(Regelconcepten.Formulier, Beleid, Velden("50", "04"));
        Assert.Matches(@"concept \(beleid\.json, beleid\), regel \d+: REGEL-CODE: medischeVerwijzers\[1\]\.type '04'", WebUtility.HtmlDecode(await verwijzer.Content.ReadAsStringAsync()));
        var tekst = await beleid.Post(Regelconcepten.Formulier, Beleid, Velden("half", "03"));
        Assert.Contains("'half' bij 'Einddatum verschuiven: hoogstens procent van de oorspronkelijke periode (HK-317-5)' is geen heel getal.",
            WebUtility.HtmlDecode(await tekst.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var bevestiging = await Regelconcepten.Controleer(beleid, Beleid, Velden("50", "03"));
        var terug = await Regelconcepten.Terug(beleid, Beleid, bevestiging);
        Assert.Contains("id=\"veld-terugval.minuten\" name=\"veld-terugval.minuten\" type=\"text\" inputmode=\"numeric\" value=\"1200\"", terug, StringComparison.Ordinal);
        var id = await Regelconcepten.Bevestig(beleid, Beleid, bevestiging);

        var versie = fabriek.Backoffice.Store.LeesRegelversie(id)!;
        Assert.Equal(("beleid", "beleid", false), (versie.Soort, versie.Sleutel, versie.IsGepubliceerd));
        var json = System.Text.Json.Nodes.JsonNode.Parse(versie.Inhoud)!;
        Assert.Equal((1200, 4, 50), ((int)json["terugval"]!["minuten"]!, (int)json["terugval"]!["vensterMaanden"]!, (int)json["einddatumVerschuiven"]!["maxProcentVanPeriode"]!));
        Assert.Equal(["02", "03"], json["medischeVerwijzers"]!.AsArray().Select(m => (string)m!["type"]!));
    }

    [Fact]
    public async Task Een_leeftijdsgrens_van_nul_of_een_onbekende_uitzondering_wordt_geweigerd_en_de_aangevinkte_uitzonderingen_bewaard()
    {
        using var beleid = await Sessie.Ingelogd(fabriek, "nop-beleid");
        var (inhoud, vanaf) = await Ingevuld(beleid, Leeftijd);
        (string, string)[] Velden(string maximum, params string[] uitzonderingen) =>
        [
            ("soort", "leeftijd"), ("sleutel", "MULTI"), ("vorm", "velden"), ("inhoud", inhoud), ("geldigVanaf", vanaf),
            ("veld-perceel", "MULTI"), ("veld-maxLeeftijd", maximum), ("veld-signaalMaanden", "3"), .. uitzonderingen.Select(u => ("veld-uitzonderingen", u)),
        ];

        var nul = await beleid.Post(Regelconcepten.Formulier, Leeftijd, Velden("0", "jeugdreclassering"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nul.StatusCode);
        Assert.Matches(@"concept \(leeftijd\.json, MULTI\), regel \d+: REGEL-WAARDE: maxLeeftijd 0", WebUtility.HtmlDecode(await nul.Content.ReadAsStringAsync()));
        var onbekend = await beleid.Post(Regelconcepten.Formulier, Leeftijd, Velden("18", "volwassene"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, onbekend.StatusCode);
        Assert.Contains("'volwassene' bij 'Uitzonderingen' is geen keuze uit gezinslidInZelfdePerceel, ouderMetOpvoedvraag, jeugdreclassering.",
            WebUtility.HtmlDecode(await onbekend.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var bevestiging = await Regelconcepten.Controleer(beleid, Leeftijd, Velden("21", "jeugdreclassering", "gezinslidInZelfdePerceel"));
        var terug = await Regelconcepten.Terug(beleid, Leeftijd, bevestiging);
        Assert.Matches("value=\"jeugdreclassering\" checked", terug);
        Assert.DoesNotMatch("value=\"ouderMetOpvoedvraag\" checked", terug);
        var id = await Regelconcepten.Bevestig(beleid, Leeftijd, bevestiging);

        var json = System.Text.Json.Nodes.JsonNode.Parse(fabriek.Backoffice.Store.LeesRegelversie(id)!.Inhoud)!;
        Assert.Equal(21, (int)json["maxLeeftijd"]!);
        Assert.Equal(["gezinslidInZelfdePerceel", "jeugdreclassering"], json["uitzonderingen"]!.AsArray().Select(u => (string)u!));
    }

    [Fact]
    public async Task Zonder_formuliertoken_of_zonder_rol_beleid_wordt_geen_concept_bewaard()
    {
        using var beleid = await Sessie.Ingelogd(fabriek, "nop-beleid");
        var (inhoud, vanaf) = await Ingevuld(beleid, Termijn);
        var voor = fabriek.Backoffice.Store.LeesRegelversies().Count;
        (string, string)[] velden = [("soort", "termijn"), ("sleutel", "HK-315-3"), ("inhoud", inhoud), ("geldigVanaf", vanaf), ("stap", "bevestigen")];

        var zonderToken = await beleid.PostZonderToken(Regelconcepten.Formulier, velden);
        using var nop = await Sessie.Ingelogd(fabriek, "nop");
        var medewerker = await nop.PostZonderToken(Regelconcepten.Formulier, velden);

        Assert.Equal(HttpStatusCode.BadRequest, zonderToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, medewerker.StatusCode);
        foreach (var pagina in new[] { Stapeling, Termijn, Perceel, Tarief, Beleid, Leeftijd })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await nop.Get(pagina)).StatusCode);
        }

        Assert.Equal(voor, fabriek.Backoffice.Store.LeesRegelversies().Count);
    }
}
