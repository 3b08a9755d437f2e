using System.Net;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store.Verblijf;
using Jeugdhulp.Web.Tests.Infrastructuur;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>
/// The 24-uurs zorg pages over HTTP: every form shows Core's checks with their rule ids before anything is written,
/// a rule that refuses writes nothing, "terug" keeps the values, a written record lands on its own page (post/redirect/get),
/// granted meerzorg becomes the Begeleiding Individueel allocation with an XSD-valid JW301, and another municipality
/// neither sees the records nor records for the first one's residents.
/// </summary>
public sealed class VerblijfPaginaTests : IDisposable
{
    private const string Jongere = "100003023";
    private const string Kind = "100002183";

    private readonly Webfabriek fabriek = new(regels: Verblijfdata.Regels);

    public VerblijfPaginaTests()
    {
        Demodata.Laad(fabriek.Backoffice);
        Verblijfdata.Contracten(fabriek.Backoffice);
    }

    public void Dispose() => fabriek.Dispose();

    private static (string, string)[] Crisis(string stap, string referentie = "CR-1", string eind = "2027-03-28", string bsn = Jongere) =>
    [
        ("stap", stap), ("referentie", referentie), ("bsn", bsn), ("product", "46R01"), ("route", "veiligthuis"), ("start", "2027-03-01"), ("eind", eind),
    ];

    private static (string, string)[] Meerzorg(string stap, string tot = "2027-08-31") =>
    [
        ("stap", stap), ("referentie", "MZ-1"), ("bsn", Kind), ("aanbieder", Verblijfdata.Aanbieder), ("zzp", "LVG4"), ("uren", "6"), ("van", "2027-03-01"),
        ("tot", tot), ("ontvangen", "2027-03-03"), ("hulpplan", "ja"), ("onafhankelijk", "positief"), ("financieel", "positief"),
    ];

    private Verblijfdossier Dossier(string gemeente = Demodata.Nop) =>
        fabriek.Backoffice.Store.LeesVerblijf(Core.Waarden.Gemeentecode.Parse(gemeente).Waarde);

    private string[] Outbox() => Directory.Exists(fabriek.Backoffice.OutboxMap) ? Directory.GetFiles(fabriek.Backoffice.OutboxMap!) : [];

    [Fact]
    public async Task HK_24_8_controleren_toont_de_regels_en_termijnen_en_pas_bevestigen_legt_de_crisis_vast()
    {
        using var s = await Sessie.Ingelogd(fabriek, "nop");

        var controle = await s.Post("/verblijf/nieuw/plaatsing", "/verblijf/nieuw/plaatsing", Crisis("controleren"));
        var html = await controle.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, controle.StatusCode);
        Assert.Contains("Bevestigen en vastleggen", html, StringComparison.Ordinal);
        Assert.Contains("Terug, niet vastleggen", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/regels#HK-24-8\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/regels#HK-24-8-PERSPECTIEF\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/regels#HK-24-8-VT-EVALUATIE\"", html, StringComparison.Ordinal);
        Assert.Contains("******023", html, StringComparison.Ordinal);
        Assert.Empty(Dossier().Plaatsingen);

        var terug = await s.Post("/verblijf/nieuw/plaatsing", "/verblijf/nieuw/plaatsing", Crisis("terug"));
        Assert.Equal(HttpStatusCode.OK, terug.StatusCode);
        Assert.Contains("value=\"CR-1\"", await terug.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Dossier().Plaatsingen);

        var vast = await s.Post("/verblijf/nieuw/plaatsing", "/verblijf/nieuw/plaatsing", Crisis("versturen"));
        Assert.Equal(HttpStatusCode.Redirect, vast.StatusCode);
        Assert.Equal("/verblijf/plaatsingen/CR-1", vast.Headers.Location!.OriginalString);
        var pagina = await s.Tekst("/verblijf/plaatsingen/CR-1");
        Assert.Contains("is vastgelegd", pagina, StringComparison.Ordinal);
        Assert.Contains("dag 5 van 28", pagina, StringComparison.Ordinal);
        Assert.Contains("vervolgperspectief crisisplaatsing", pagina, StringComparison.Ordinal);
        Assert.Contains("14-03-2027", pagina, StringComparison.Ordinal);
        Assert.Single(Dossier().Plaatsingen);
        var overzicht = await s.Tekst("/verblijf?soort=plaatsingen&open=ja");
        Assert.Contains("/verblijf/plaatsingen/CR-1", overzicht, StringComparison.Ordinal);
        Assert.Contains("5 van 28", overzicht, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HK_24_8_een_crisis_van_29_dagen_wordt_geblokkeerd_en_niets_vastgelegd()
    {
        using var s = await Sessie.Ingelogd(fabriek, "nop");

        var antwoord = await s.Post("/verblijf/nieuw/plaatsing", "/verblijf/nieuw/plaatsing", Crisis("versturen", eind: "2027-03-29"));
        var html = await antwoord.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, antwoord.StatusCode);
        Assert.Contains("controle-blokkeert", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/regels#HK-24-8\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Bevestigen en vastleggen", html, StringComparison.Ordinal);
        Assert.Empty(Dossier().Plaatsingen);
    }

    [Fact]
    public async Task HK_24_10_toegekende_meerzorg_wordt_de_toewijzing_Begeleiding_Individueel_met_een_XSD_geldige_JW301()
    {
        using var s = await Sessie.Ingelogd(fabriek, "nop");
        Assert.Equal(HttpStatusCode.Redirect, (await s.Post("/verblijf/nieuw/meerzorg", "/verblijf/nieuw/meerzorg", Meerzorg("versturen"))).StatusCode);
        Assert.Contains("HK-24-10", await s.Tekst("/verblijf/meerzorg/MZ-1"), StringComparison.Ordinal);
        var voor = Outbox();

        (string, string)[] besluit = [("besluit", "toekennen"), ("motivering", "Hulpplan en toetsen positief"), ("achternaam", "Vries"), ("geslacht", "1")];
        var controle = await s.Post("/verblijf/meerzorg/MZ-1/besluit", "/verblijf/meerzorg/MZ-1", [("stap", "controleren"), .. besluit]);
        var html = await controle.Content.ReadAsStringAsync();
        Assert.True(controle.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("Controles van de toewijzing Begeleiding Individueel", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/regels#HK-PER-5\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/regels#HK-24-10\"", html, StringComparison.Ordinal);
        Assert.Equal(voor, Outbox());

        var vast = await s.Post("/verblijf/meerzorg/MZ-1/besluit", "/verblijf/meerzorg/MZ-1", [("stap", "versturen"), .. besluit]);
        Assert.Equal(HttpStatusCode.Redirect, vast.StatusCode);
        var meerzorg = Assert.Single(Dossier().Meerzorg);
        Assert.Equal(MeerzorgBesluiten.Toegekend, meerzorg.Besluit);
        var jw301 = Assert.Single(Outbox().Except(voor));
        Assert.Empty(XsdValidatie.Fouten(File.ReadAllBytes(jw301)));
        Assert.Contains("45R02", File.ReadAllText(jw301), StringComparison.Ordinal);
        var pagina = await s.Tekst(vast.Headers.Location!.OriginalString);
        Assert.Contains($"toewijzing {meerzorg.Nummer}", pagina, StringComparison.Ordinal);
        Assert.Contains($"href=\"/toewijzingen/{meerzorg.Nummer}\"", pagina, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await s.Get($"/toewijzingen/{meerzorg.Nummer}")).StatusCode);
    }

    [Fact]
    public async Task HK_24_10_meer_dan_een_half_jaar_kan_niet_worden_toegekend_en_schrijft_geen_toewijzing()
    {
        using var s = await Sessie.Ingelogd(fabriek, "nop");
        Assert.Equal(HttpStatusCode.Redirect, (await s.Post("/verblijf/nieuw/meerzorg", "/verblijf/nieuw/meerzorg", Meerzorg("versturen", tot: "2027-09-01"))).StatusCode);
        var voor = Outbox();

        var antwoord = await s.Post("/verblijf/meerzorg/MZ-1/besluit", "/verblijf/meerzorg/MZ-1", ("stap", "versturen"), ("besluit", "toekennen"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, antwoord.StatusCode);
        Assert.Contains("href=\"/regels#HK-24-10\"", await antwoord.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(Assert.Single(Dossier().Meerzorg).Besluit);
        Assert.Equal(voor, Outbox());
    }

    [Fact]
    public async Task Consult_moederkindtoeslag_en_escalatie_worden_na_controle_vastgelegd_met_hun_regels()
    {
        using var s = await Sessie.Ingelogd(fabriek, "nop");

        (string, string)[] consult = [("referentie", "CO-1"), ("basisinformatie", "Jongen, 14"), ("ingediend", "2027-03-01"), ("gewenst", "2027-03-22")];
        var zonderVraag = await s.Post("/verblijf/nieuw/consult", "/verblijf/nieuw/consult", [("stap", "versturen"), .. consult]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, zonderVraag.StatusCode);
        Assert.Contains("href=\"/regels#HK-24-6\"", await zonderVraag.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect,
            (await s.Post("/verblijf/nieuw/consult", "/verblijf/nieuw/consult", [("stap", "versturen"), ("vraag", "Opschalen?"), .. consult])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Post("/verblijf/consulten/CO-1/uitkomst", "/verblijf/consulten/CO-1",
            ("stap", "versturen"), ("uitkomst", "opschalen"), ("datum", "2027-03-04"))).StatusCode);
        Assert.Contains("opschalen naar 24-uurs zorg", await s.Tekst("/verblijf/consulten/CO-1"), StringComparison.Ordinal);

        (string, string)[] moederKind = [("referentie", "MK-1"), ("bsn", Kind), ("aanbieder", Verblijfdata.Aanbieder), ("van", "2027-03-01"), ("tot", "2027-03-31")];
        var zonderBesluit = await s.Post("/verblijf/nieuw/moederkind", "/verblijf/nieuw/moederkind", [("stap", "versturen"), .. moederKind]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, zonderBesluit.StatusCode);
        Assert.Contains("href=\"/regels#HK-24-11\"", await zonderBesluit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var metBesluit = await s.Post("/verblijf/nieuw/moederkind", "/verblijf/nieuw/moederkind", [("stap", "controleren"), ("besluitmoeder", "B-77"), .. moederKind]);
        Assert.Contains("href=\"/regels#HK-24-11\"", await metBesluit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect,
            (await s.Post("/verblijf/nieuw/moederkind", "/verblijf/nieuw/moederkind", [("stap", "versturen"), ("besluitmoeder", "B-77"), .. moederKind])).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await s.Post("/verblijf/nieuw/plaatsing", "/verblijf/nieuw/plaatsing", Crisis("versturen"))).StatusCode);
        var escalatie = await s.Post("/verblijf/plaatsingen/CR-1/escalatie", "/verblijf/plaatsingen/CR-1", ("stap", "controleren"), ("onderwerp", "Geen vervolgplek"));
        var html = await escalatie.Content.ReadAsStringAsync();
        Assert.Contains("href=\"/regels#HK-24-12\"", html, StringComparison.Ordinal);
        Assert.Contains("Veilig Thuis", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect,
            (await s.Post("/verblijf/plaatsingen/CR-1/escalatie", "/verblijf/plaatsingen/CR-1", ("stap", "versturen"), ("onderwerp", "Geen vervolgplek"))).StatusCode);

        var d = Dossier();
        Assert.Single(d.Consulten);
        Assert.Single(d.MoederKind);
        var e = Assert.Single(d.Escalaties);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Post($"/verblijf/plaatsingen/CR-1/escalaties/{e.Id}", "/verblijf/plaatsingen/CR-1",
            ("stap", "versturen"), ("datum", "2027-03-05"))).StatusCode);
        Assert.NotNull(Assert.Single(Dossier().Escalaties).Besloten);
        var overzicht = await s.Tekst("/verblijf");
        foreach (var r in new[] { "CO-1", "MK-1", "CR-1" })
        {
            Assert.Contains(r, overzicht, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Het_overzicht_toont_van_elke_soort_de_eerste_50_en_bladert_per_soort_door_de_rest()
    {
        var regels = fabriek.Backoffice.Regels;
        for (var i = 0; i < 60; i++)
        {
            var p = new Core.Verblijf.Verblijfplaatsing("0171", $"PL-{i:00}", Core.Waarden.Bsn.Parse(Jongere).Waarde, Core.Waarden.ProductCode.Parse("44R03").Waarde,
                Core.Verblijf.Plaatsingsroute.Regulier, new DateOnly(2027, 2, 1), null) { Beschikking = new DateOnly(2027, 2, 1) };
            Assert.True(fabriek.Backoffice.Store.LegPlaatsingVast(regels, p, "test").Geschreven);
        }

        using var s = await Sessie.Ingelogd(fabriek, "nop");

        var alle = await s.Tekst("/verblijf");
        Assert.Contains("60 plaatsingen", alle, StringComparison.Ordinal);
        Assert.Contains("href=\"/verblijf/plaatsingen/PL-49\"", alle, StringComparison.Ordinal);
        Assert.DoesNotContain("/verblijf/plaatsingen/PL-50", alle, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/verblijf?soort=plaatsingen\">Alle 60 tonen</a>", alle, StringComparison.Ordinal);

        var tweede = await s.Tekst("/verblijf?soort=plaatsingen&pagina=2");
        Assert.Contains("51–60 van 60", tweede, StringComparison.Ordinal);
        Assert.Contains("Pagina 2 van 2", tweede, StringComparison.Ordinal);
        Assert.Contains("href=\"/verblijf?soort=plaatsingen\" rel=\"prev\"", tweede, StringComparison.Ordinal);
        Assert.Contains("/verblijf/plaatsingen/PL-59", tweede, StringComparison.Ordinal);
        Assert.DoesNotContain("/verblijf/plaatsingen/PL-49\"", tweede, StringComparison.Ordinal);

        // A page past the end (a bookmark) shows the last one; the filters travel in the page links.
        Assert.Contains("/verblijf/plaatsingen/PL-59", await s.Tekst("/verblijf?soort=plaatsingen&pagina=9"), StringComparison.Ordinal);
        var gefilterd = await s.Tekst("/verblijf?soort=plaatsingen&open=ja&route=regulier&zoek=pl-");
        Assert.Contains("href=\"/verblijf?soort=plaatsingen&amp;open=ja&amp;route=regulier&amp;zoek=pl-&amp;pagina=2\" rel=\"next\"", gefilterd, StringComparison.Ordinal);
        Assert.Contains("Geen plaatsingen bij deze filters.", await s.Tekst("/verblijf?soort=plaatsingen&zoek=_"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_andere_gemeente_ziet_de_records_niet_en_legt_niets_vast_voor_andermans_inwoners()
    {
        using var nop = await Sessie.Ingelogd(fabriek, "nop");
        Assert.Equal(HttpStatusCode.Redirect, (await nop.Post("/verblijf/nieuw/plaatsing", "/verblijf/nieuw/plaatsing", Crisis("versturen"))).StatusCode);
        using var urk = await Sessie.Ingelogd(fabriek, "urk");

        Assert.Equal(HttpStatusCode.NotFound, (await urk.Get("/verblijf/plaatsingen/CR-1")).StatusCode);
        Assert.DoesNotContain("CR-1", await urk.Tekst("/verblijf"), StringComparison.Ordinal);
        var vreemd = await urk.Post("/verblijf/nieuw/plaatsing", "/verblijf/nieuw/plaatsing", Crisis("versturen", referentie: "CR-URK"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, vreemd.StatusCode);
        Assert.Contains("van gemeente 0184: alleen eigen inwoners", await vreemd.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Dossier(Demodata.Urk).Plaatsingen);
        Assert.Equal(HttpStatusCode.NotFound,
            (await urk.Post("/verblijf/plaatsingen/CR-1/escalatie", "/verblijf/nieuw/plaatsing", ("stap", "versturen"), ("onderwerp", "x"))).StatusCode);
    }

    [Fact]
    public async Task Zonder_formuliertoken_wordt_niets_vastgelegd_en_het_BSN_staat_nooit_in_een_adres()
    {
        using var s = await Sessie.Ingelogd(fabriek, "nop");

        var zonder = await s.PostZonderToken("/verblijf/nieuw/plaatsing", Crisis("versturen"));
        Assert.Equal(HttpStatusCode.BadRequest, zonder.StatusCode);
        Assert.Empty(Dossier().Plaatsingen);

        var met = await s.Post("/verblijf/nieuw/plaatsing", "/verblijf/nieuw/plaatsing", Crisis("versturen"));
        Assert.DoesNotContain(Jongere, met.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain(Jongere, string.Join(' ', Sessie.Links(await s.Tekst("/verblijf"), "/")), StringComparison.Ordinal);
    }
}
