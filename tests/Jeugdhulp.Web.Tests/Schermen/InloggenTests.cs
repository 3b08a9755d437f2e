using System.Net;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Web.Schermen;
using Jeugdhulp.Web.Tests.Infrastructuur;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>Staff login: cookie, antiforgery, security headers, and an account that changes loses its sessions.</summary>
public sealed class InloggenTests : IDisposable
{
    private readonly Webfabriek fabriek = new();

    public InloggenTests() => Demodata.Laad(fabriek.Backoffice);

    public void Dispose() => fabriek.Dispose();

    [Theory]
    [InlineData("/werkvoorraad")]
    [InlineData("/clienten")]
    [InlineData("/termijnen")]
    [InlineData("/declaraties")]
    [InlineData("/regels")]
    [InlineData("/grafieken")]
    [InlineData("/werkvoorraad/1")]
    public async Task Zonder_inloggen_gaat_elke_pagina_naar_het_inlogscherm(string pad)
    {
        using var s = Sessie.Anoniem(fabriek);
        var antwoord = await s.Get(pad);
        Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
        var doel = antwoord.Headers.Location!;
        Assert.Equal("/inloggen", doel.IsAbsoluteUri ? doel.AbsolutePath : doel.OriginalString.Split('?')[0]);
    }

    [Theory]
    [InlineData("nop", "verkeerd-wachtwoord")]
    [InlineData("bestaat-niet", Demodata.Wachtwoord)]
    public async Task Verkeerd_wachtwoord_of_onbekende_gebruiker_geeft_dezelfde_melding_en_geen_sessie(string gebruiker, string wachtwoord)
    {
        using var s = Sessie.Anoniem(fabriek);
        var antwoord = await s.Post("/inloggen", "/inloggen", ("gebruiker", gebruiker), ("wachtwoord", wachtwoord));
        Assert.Equal(HttpStatusCode.Unauthorized, antwoord.StatusCode);
        Assert.Contains("Gebruikersnaam of wachtwoord is onjuist.", await antwoord.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(antwoord.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("jeugdhulp-medewerker=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, (await s.Get("/werkvoorraad")).StatusCode);
    }

    [Fact]
    public async Task Na_vijf_mislukte_pogingen_wordt_ook_het_goede_wachtwoord_even_geweigerd()
    {
        using var s = Sessie.Anoniem(fabriek);
        for (var i = 0; i < Inlogremming.MaxPogingen; i++)
        {
            var fout = await s.Post("/inloggen", "/inloggen", ("gebruiker", "nop"), ("wachtwoord", "raden-" + i));
            Assert.Equal(HttpStatusCode.Unauthorized, fout.StatusCode);
        }

        var antwoord = await s.Post("/inloggen", "/inloggen", ("gebruiker", "nop"), ("wachtwoord", Demodata.Wachtwoord));

        Assert.Equal(HttpStatusCode.TooManyRequests, antwoord.StatusCode);
        Assert.Contains("Te veel mislukte pogingen voor deze gebruikersnaam. Probeer het over 15 minuten opnieuw.",
            await antwoord.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Get("/werkvoorraad")).StatusCode);

        // Another account is not affected.
        using var ander = await Sessie.Ingelogd(fabriek, "urk");
        Assert.Equal(HttpStatusCode.OK, (await ander.Get("/werkvoorraad")).StatusCode);
    }

    [Fact]
    public async Task Sessiecookie_is_httponly_en_samesite_strict()
    {
        using var s = Sessie.Anoniem(fabriek);
        var antwoord = await s.Post("/inloggen", "/inloggen", ("gebruiker", "nop"), ("wachtwoord", Demodata.Wachtwoord));
        var cookie = antwoord.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("jeugdhulp-medewerker=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("/werkvoorraad", antwoord.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Inloggen_zonder_formuliertoken_wordt_geweigerd()
    {
        using var s = Sessie.Anoniem(fabriek);
        var antwoord = await s.PostZonderToken("/inloggen", ("gebruiker", "nop"), ("wachtwoord", Demodata.Wachtwoord));
        Assert.Equal(HttpStatusCode.BadRequest, antwoord.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Get("/werkvoorraad")).StatusCode);
    }

    [Fact]
    public async Task Besluit_zonder_formuliertoken_wordt_niet_genomen()
    {
        using var s = await Sessie.Ingelogd(fabriek, "nop");
        var id = Werkvoorraad.LeesWerkvoorraad(fabriek.Backoffice.Store, Gemeentecode.Parse(Demodata.Nop).Waarde).Single().Id;
        var antwoord = await s.PostZonderToken($"/werkvoorraad/{id}", ("besluit", "toekennen"));
        Assert.Equal(HttpStatusCode.BadRequest, antwoord.StatusCode);
        Assert.Single(Werkvoorraad.LeesWerkvoorraad(fabriek.Backoffice.Store, Gemeentecode.Parse(Demodata.Nop).Waarde));
    }

    [Theory]
    [InlineData("/inloggen", false)]
    [InlineData("/werkvoorraad", true)]
    [InlineData("/stijl.css", false)]
    public async Task Beveiligingskoppen_staan_op_elke_pagina(string pad, bool ingelogd)
    {
        using var s = ingelogd ? await Sessie.Ingelogd(fabriek, "nop") : Sessie.Anoniem(fabriek);
        var antwoord = await s.Get(pad);
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        var csp = antwoord.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", antwoord.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", antwoord.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", antwoord.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Pagina_bevat_geen_inline_script_of_stijl()
    {
        using var s = await Sessie.Ingelogd(fabriek, "nop");
        foreach (var pad in new[] { "/werkvoorraad", "/clienten", "/termijnen", "/declaraties", "/regels", "/grafieken" })
        {
            var html = await s.Tekst(pad);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("<html lang=\"nl\">", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Terugadres_naar_een_andere_site_wordt_genegeerd()
    {
        using var s = Sessie.Anoniem(fabriek);
        var antwoord = await s.Post("/inloggen", "/inloggen", ("gebruiker", "nop"), ("wachtwoord", Demodata.Wachtwoord), ("terug", "//kwaad.example/"));
        Assert.Equal("/werkvoorraad", antwoord.Headers.Location!.OriginalString);
        Assert.False(Inloggen.IsLokaal("/\\kwaad.example"));
        Assert.True(Inloggen.IsLokaal("/termijnen"));
    }

    [Fact]
    public async Task Account_dat_naar_een_andere_gemeente_gaat_verliest_zijn_open_sessie()
    {
        using var s = await Sessie.Ingelogd(fabriek, "nop");
        Assert.Equal(HttpStatusCode.OK, (await s.Get("/werkvoorraad")).StatusCode);
        fabriek.Backoffice.Store.BewaarMedewerker("nop", Gemeentecode.Parse(Demodata.Urk).Waarde, Wachtwoorden.Hash("iets-anders-dan-eerst"));
        Assert.Equal(HttpStatusCode.Redirect, (await s.Get("/werkvoorraad")).StatusCode);
    }

    [Fact]
    public async Task Uitloggen_beeindigt_de_sessie()
    {
        using var s = await Sessie.Ingelogd(fabriek, "nop");
        var antwoord = await s.Post("/uitloggen", "/werkvoorraad");
        Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Get("/werkvoorraad")).StatusCode);
    }

    [Theory]
    [InlineData("100003023", "*********")]
    [InlineData("bsn 100003023!", "bsn *********!")]
    [InlineData("a.jansen", "a.jansen")]
    public void Een_als_gebruikersnaam_getypt_BSN_komt_gemaskeerd_in_het_log(string getypt, string gelogd) =>
        Assert.Equal(gelogd, Inloggen.VoorLog(getypt));

    [Fact]
    public void Wachtwoordhash_is_gezouten_en_controleerbaar()
    {
        var a = Wachtwoorden.Hash("geheim-wachtwoord");
        var b = Wachtwoorden.Hash("geheim-wachtwoord");
        Assert.NotEqual(a, b);
        Assert.StartsWith($"pbkdf2-sha256${Wachtwoorden.Iteraties}$", a, StringComparison.Ordinal);
        Assert.True(Wachtwoorden.Iteraties >= 100_000);
        Assert.True(Wachtwoorden.Klopt("geheim-wachtwoord", a));
        Assert.False(Wachtwoorden.Klopt("geheim-wachtwoorD", a));
        Assert.False(Wachtwoorden.Klopt("geheim-wachtwoord", "onzin"));
        Assert.False(Wachtwoorden.Klopt("geheim-wachtwoord", "pbkdf2-sha256$1000$niet-base64$x"));
    }
}
