using System.Net;
using System.Text.RegularExpressions;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Web.Tests.Infrastructuur;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>
/// The Toewijzen form over HTTP: the checks come before anything is sent, a hard rule blocks, a guideline needs a
/// written reason, a client without a BSN gets no message and the page points to the national protocol.
/// The tests that record nothing for a client share one host (<see cref="Demohost"/>); a test that records an allocation
/// keeps a host of its own (<see cref="EigenHost"/>): the stacking check (OP259) would refuse the others' same product.
/// </summary>
public sealed partial class ToekenningPaginaTests(Demohost demo) : IClassFixture<Demohost>
{
    private readonly Webfabriek fabriek = demo.Fabriek;

    private static Webfabriek EigenHost()
    {
        var f = new Webfabriek();
        Demodata.Laad(f.Backoffice);
        return f;
    }

    private static (string, string)[] Formulier(string stap, string bsn = "100002183", string aanbieder = "01234567", string volume = "5760",
        string einde = "2028-03-07", string motivering = "", string product = "45F21", string gezinsleden = "") =>
    [
        ("stap", stap), ("bsn", bsn), ("route", "lokale-toegang"), ("verwijzer", "Team Emmeloord"), ("aanbieder", aanbieder), ("product", product),
        ("ingangsdatum", "2027-03-08"), ("einddatum", einde), ("volume", volume), ("eenheid", "01"), ("frequentie", "6"), ("gezinsleden", gezinsleden),
        ("achternaam", "Vries"), ("geslacht", "1"), ("motivering", motivering),
    ];

    [GeneratedRegex("<(/?)[a-z0-9]+:")]
    private static partial Regex Prefix();

    private static string[] Outbox(Webfabriek f) => Directory.Exists(f.Backoffice.OutboxMap) ? Directory.GetFiles(f.Backoffice.OutboxMap!) : [];

    [Fact]
    public async Task Controleren_toont_elke_controle_met_regel_en_schrijft_niets()
    {
        using var s = await Sessie.Ingelogd(fabriek, "nop");
        var voor = Outbox(fabriek);

        var antwoord = await s.Post("/toewijzingen", "/toewijzingen", Formulier("controleren"));
        var html = await antwoord.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        Assert.Contains("Bevestigen en versturen", html, StringComparison.Ordinal);
        foreach (var regel in new[] { "HK-315-4", "HK-PER-5", "HK-301-4", "HK-PRD-6", "HK-PRD-1", "HK-PRD-3" })
        {
            Assert.Contains($"href=\"/regels#{regel}\"", html, StringComparison.Ordinal);
        }

        Assert.Equal(voor, Outbox(fabriek));
    }

    [Fact]
    public async Task Een_gezinsproduct_zet_de_omvang_op_het_jongste_kind_en_een_dummy_op_het_andere_kind()
    {
        // HK-PRD-4: entered on the older brother (100002195, born 2012) with his younger brother (100002183, 2016) taking part
        // (same household, demo/inwoners.csv): the minutes go to the youngest, the brother gets dummy 45F24 (1 stuks, no minutes).
        using var eigen = EigenHost();
        using var s = await Sessie.Ingelogd(eigen, "nop");
        var voor = Outbox(eigen);
        (string, string)[] Gezin(string stap) => Formulier(stap, bsn: "100002195", product: "45F23", volume: "6000", gezinsleden: "100002183");

        var controle = await s.Post("/toewijzingen", "/toewijzingen", Gezin("controleren"));
        var html = await controle.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, controle.StatusCode);
        Assert.Contains("href=\"/regels#HK-PRD-4\"", html, StringComparison.Ordinal);
        Assert.Contains("de omvang komt op het jongste kind", html, StringComparison.Ordinal);
        Assert.Contains("krijgen dummy 45F24", html, StringComparison.Ordinal);
        Assert.Contains("Bevestigen en versturen", html, StringComparison.Ordinal);
        Assert.Equal(voor, Outbox(eigen));

        var verstuurd = await s.Post("/toewijzingen", "/toewijzingen", Gezin("versturen"));
        Assert.Equal(HttpStatusCode.Redirect, verstuurd.StatusCode);
        var pagina = verstuurd.Headers.Location!.OriginalString;
        Assert.Matches("^/toewijzingen/[0-9]+$", pagina);
        var nieuw = Outbox(eigen).Except(voor).ToList();
        Assert.Equal(2, nieuw.Count);
        Assert.All(nieuw, f => Assert.Empty(XsdValidatie.Fouten(File.ReadAllBytes(f))));
        var xml = nieuw.Select(f => Prefix().Replace(File.ReadAllText(f), "<$1")).ToList();
        var jongste = Assert.Single(xml, x => x.Contains("<Code>45F23</Code>", StringComparison.Ordinal));
        Assert.Contains("<Bsn>100002183</Bsn>", jongste, StringComparison.Ordinal);
        Assert.Contains("<Volume>6000</Volume>", jongste, StringComparison.Ordinal);
        var dummy = Assert.Single(xml, x => x.Contains("<Code>45F24</Code>", StringComparison.Ordinal));
        Assert.Contains("<Bsn>100002195</Bsn>", dummy, StringComparison.Ordinal);
        Assert.Contains("<Volume>1</Volume><Eenheid>84</Eenheid>", Regex.Replace(dummy, @"\s", ""), StringComparison.Ordinal);

        // The page of the allocation (the youngest child's: the first number) shows the family product.
        var toewijzing = await s.Tekst(pagina);
        Assert.Contains("is vastgelegd", toewijzing, StringComparison.Ordinal);
        Assert.Contains("45F23", toewijzing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_harde_regel_blokkeert_en_biedt_geen_versturen()
    {
        using var s = await Sessie.Ingelogd(fabriek, "nop");
        var voor = Outbox(fabriek);

        var antwoord = await s.Post("/toewijzingen", "/toewijzingen", Formulier("versturen", aanbieder: "03456789"));
        var html = await antwoord.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, antwoord.StatusCode);
        Assert.Contains("Geblokkeerd door het Handelingskader (HK-301-4)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Bevestigen en versturen", html, StringComparison.Ordinal);
        Assert.Equal(voor, Outbox(fabriek));
    }

    [Fact]
    public async Task Een_richtlijnafwijking_vraagt_een_motivering_die_bij_het_besluit_bewaard_wordt()
    {
        using var eigen = EigenHost();
        using var s = await Sessie.Ingelogd(eigen, "nop");
        var voor = Outbox(eigen);

        var zonder = await s.Post("/toewijzingen", "/toewijzingen", Formulier("versturen", volume: "11520", einde: "2027-06-07"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, zonder.StatusCode);
        Assert.Contains("Afwijking van de richtlijn (HK-PRD-3)", await zonder.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(voor, Outbox(eigen));

        var met = await s.Post("/toewijzingen", "/toewijzingen", Formulier("versturen", volume: "11520", einde: "2027-06-07", motivering: "Intensieve start na crisis"));
        Assert.Equal(HttpStatusCode.Redirect, met.StatusCode);
        var pagina = met.Headers.Location!.OriginalString;
        Assert.Matches("^/toewijzingen/[0-9]+$", pagina);
        Assert.Single(Outbox(eigen).Except(voor), f => f.Contains("_JW301_", StringComparison.Ordinal));
        var html = await s.Tekst(pagina);
        Assert.Contains("is vastgelegd", html, StringComparison.Ordinal);
        Assert.Contains("<td>Intensieve start na crisis</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zonder_BSN_gaat_er_geen_bericht_uit_en_wijst_de_pagina_naar_het_landelijk_protocol()
    {
        using var s = await Sessie.Ingelogd(fabriek, "nop");
        var voor = Outbox(fabriek);

        var controle = await s.Post("/toewijzingen", "/toewijzingen", Formulier("controleren", bsn: ""));
        var html = await controle.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, controle.StatusCode);
        Assert.Contains("HK-ROUTE-4", html, StringComparison.Ordinal);
        Assert.Contains("landelijk protocol", html, StringComparison.Ordinal);

        var verstuurd = await s.Post("/toewijzingen", "/toewijzingen", Formulier("versturen", bsn: ""));
        Assert.Equal(HttpStatusCode.Redirect, verstuurd.StatusCode);
        Assert.Contains("landelijk protocol", await s.Tekst(verstuurd.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(voor, Outbox(fabriek));
    }

    [Fact]
    public async Task Een_ongeldig_BSN_krijgt_een_Nederlandse_melding_en_het_BSN_komt_nooit_in_een_URL()
    {
        using var eigen = EigenHost();
        using var s = await Sessie.Ingelogd(eigen, "nop");

        var antwoord = await s.Post("/toewijzingen", "/toewijzingen", Formulier("controleren", bsn: "123456789"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, antwoord.StatusCode);
        Assert.Contains("Het BSN is geen geldig BSN", await antwoord.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var verstuurd = await s.Post("/toewijzingen", "/toewijzingen", Formulier("versturen"));
        Assert.DoesNotContain("100002183", verstuurd.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_andere_gemeente_ziet_de_toewijzing_niet()
    {
        using var eigen = EigenHost();
        using var nop = await Sessie.Ingelogd(eigen, "nop");
        var pagina = (await nop.Post("/toewijzingen", "/toewijzingen", Formulier("versturen"))).Headers.Location!.OriginalString;
        using var urk = await Sessie.Ingelogd(eigen, "urk");

        Assert.Equal(HttpStatusCode.NotFound, (await urk.Get(pagina)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await urk.Post(pagina + "/intrekken", "/toewijzingen", ("stap", "versturen"), ("motivering", "x"))).StatusCode);
    }
}
