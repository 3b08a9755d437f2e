using System.Net;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Web.Schermen;
using Jeugdhulp.Web.Tests.Infrastructuur;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>
/// Staff login: cookie, antiforgery, security headers, and an account that changes loses its sessions. One host for
/// the class (<see cref="Demohost"/>): each session has its own address, and a test that throttles or changes an
/// account does so on an account of its own.
/// </summary>
public sealed class InloggenTests(Demohost demo) : IClassFixture<Demohost>
{
    private static int accounts;
    private readonly Webfabriek fabriek = demo.Fabriek;

    /// <summary>A fresh Noordoostpolder account (password <see cref="Demodata.Wachtwoord"/>) that no other test uses.</summary>
    private string EigenAccount()
    {
        var naam = "nop-" + Interlocked.Increment(ref accounts);
        Demodata.Account(fabriek.Backoffice, naam, Demodata.Nop, Medewerkerrol.Medewerker);
        return naam;
    }

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
        var naam = EigenAccount();
        using var host = MetStilstaandeRemming();
        using var s = Sessie.Anoniem(host);
        for (var i = 0; i < Inlogremming.MaxPogingen; i++)
        {
            var fout = await s.Post("/inloggen", "/inloggen", ("gebruiker", naam), ("wachtwoord", "raden-" + i));
            Assert.Equal(HttpStatusCode.Unauthorized, fout.StatusCode);
        }

        var antwoord = await s.Post("/inloggen", "/inloggen", ("gebruiker", naam), ("wachtwoord", Demodata.Wachtwoord));

        Assert.Equal(HttpStatusCode.TooManyRequests, antwoord.StatusCode);
        Assert.Contains("Te veel mislukte pogingen voor deze gebruikersnaam. Probeer het over 1 seconde opnieuw.",
            await antwoord.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("1", antwoord.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.Redirect, (await s.Get("/werkvoorraad")).StatusCode);

        // Another account is not affected.
        using var ander = await Sessie.Ingelogd(host, "urk");
        Assert.Equal(HttpStatusCode.OK, (await ander.Get("/werkvoorraad")).StatusCode);
    }

    [Fact]
    public async Task Wie_een_naam_raadt_houdt_de_medewerker_op_zijn_eigen_browser_niet_buiten()
    {
        var naam = EigenAccount();
        using var host = MetStilstaandeRemming();
        using var medewerker = await Sessie.Ingelogd(host, naam);
        Assert.Equal(HttpStatusCode.Redirect, (await medewerker.Post("/uitloggen", "/werkvoorraad")).StatusCode);
        using var aanvaller = Sessie.Anoniem(host);
        HttpStatusCode laatste = default;
        for (var i = 0; i < Inlogremming.MaxPogingen + 3; i++)
        {
            laatste = (await aanvaller.Post("/inloggen", "/inloggen", ("gebruiker", naam), ("wachtwoord", "raden-" + i))).StatusCode;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, laatste);
        var antwoord = await medewerker.Post("/inloggen", "/inloggen", ("gebruiker", naam), ("wachtwoord", Demodata.Wachtwoord));
        Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await medewerker.Get("/werkvoorraad")).StatusCode);
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
    [InlineData("/css/jeugdhulp.css", false)]
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
    public async Task Een_getypte_gebruikersnaam_komt_gecodeerd_terug_in_het_formulier()
    {
        using var s = Sessie.Anoniem(fabriek);
        var antwoord = await s.Post("/inloggen", "/inloggen", ("gebruiker", "<b>x</b>\" onfocus=\"y"), ("wachtwoord", "fout"));
        var html = await antwoord.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, antwoord.StatusCode);
        Assert.DoesNotContain("<b>x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\" onfocus=\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;x&lt;/b&gt;&quot; onfocus=&quot;y", html, StringComparison.Ordinal);
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
        var naam = EigenAccount();
        using var s = await Sessie.Ingelogd(fabriek, naam);
        Assert.Equal(HttpStatusCode.OK, (await s.Get("/werkvoorraad")).StatusCode);
        fabriek.Backoffice.Store.BewaarMedewerker(naam, Gemeentecode.Parse(Demodata.Urk).Waarde, Wachtwoorden.Hash("iets-anders-dan-eerst"));
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
    [InlineData("/\t/kwaad.example/")]
    [InlineData("/\n/kwaad.example/")]
    [InlineData("/\r\nSet-Cookie: x=1")]
    [InlineData("/ /kwaad.example/")]
    [InlineData("/\u00a0/kwaad.example/")]
    [InlineData("/werkvoorraad\\..\\/kwaad.example")]
    [InlineData("https://kwaad.example/")]
    [InlineData("/dossier/\u00e9")]
    [InlineData("/\u202e/kwaad.example")]
    public async Task Terugadres_met_tab_regeleinde_of_backslash_gaat_naar_de_werkvoorraad(string terug)
    {
        using var s = Sessie.Anoniem(fabriek);
        var antwoord = await s.Post("/inloggen", "/inloggen", ("gebruiker", "nop"), ("wachtwoord", Demodata.Wachtwoord), ("terug", terug));
        Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
        Assert.Equal("/werkvoorraad", antwoord.Headers.Location!.OriginalString);
        Assert.False(Inloggen.IsLokaal(terug));
    }

    [Theory]
    [InlineData("/%09/kwaad.example/")]
    [InlineData("/%0a/kwaad.example/")]
    [InlineData("%2f%2fkwaad.example/")]
    public async Task Inlogscherm_met_een_vreemd_terugadres_neemt_het_niet_over(string terug)
    {
        using var s = Sessie.Anoniem(fabriek);
        var antwoord = await s.Get("/inloggen?terug=" + terug);
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        Assert.Contains("name=\"terug\" value=\"\"", await antwoord.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_lokaal_terugadres_met_zoekvraag_blijft_bewaard()
    {
        using var s = Sessie.Anoniem(fabriek);
        var antwoord = await s.Post("/inloggen", "/inloggen", ("gebruiker", "nop"), ("wachtwoord", Demodata.Wachtwoord), ("terug", "/termijnen?datum=2027-03-05"));
        Assert.Equal("/termijnen?datum=2027-03-05", antwoord.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Een_kopie_van_het_cookie_van_voor_het_uitloggen_geeft_daarna_geen_toegang()
    {
        using var s = Sessie.Anoniem(fabriek);
        var login = await s.Post("/inloggen", "/inloggen", ("gebruiker", "nop"), ("wachtwoord", Demodata.Wachtwoord));
        var kopie = Sessiecookie(login);
        using var dief = Kaal();
        Assert.Equal(HttpStatusCode.OK, (await MetCookie(dief, "/werkvoorraad", kopie)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await s.Post("/uitloggen", "/werkvoorraad")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await MetCookie(dief, "/werkvoorraad", kopie)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Get("/werkvoorraad")).StatusCode);
    }

    [Fact]
    public async Task Uitloggen_beeindigt_alleen_die_sessie()
    {
        using var eerste = await Sessie.Ingelogd(fabriek, "nop");
        using var tweede = await Sessie.Ingelogd(fabriek, "nop");

        Assert.Equal(HttpStatusCode.Redirect, (await eerste.Post("/uitloggen", "/werkvoorraad")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await tweede.Get("/werkvoorraad")).StatusCode);
    }

    [Fact]
    public async Task Een_nieuw_wachtwoord_beeindigt_de_open_sessies_van_dat_account()
    {
        var naam = EigenAccount();
        using var s = await Sessie.Ingelogd(fabriek, naam);
        using var ander = await Sessie.Ingelogd(fabriek, "urk");
        Assert.Equal(HttpStatusCode.OK, (await s.Get("/werkvoorraad")).StatusCode);

        fabriek.Backoffice.Store.BewaarMedewerker(naam, Gemeentecode.Parse(Demodata.Nop).Waarde, Wachtwoorden.Hash("een-nieuw-wachtwoord"));

        Assert.Equal(HttpStatusCode.Redirect, (await s.Get("/werkvoorraad")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ander.Get("/werkvoorraad")).StatusCode);
        using var opnieuw = await Sessie.Ingelogd(fabriek, naam, "een-nieuw-wachtwoord");
        Assert.Equal(HttpStatusCode.OK, (await opnieuw.Get("/werkvoorraad")).StatusCode);
    }

    [Fact]
    public async Task Veertig_gelijktijdige_pogingen_op_een_naam_laten_hoogstens_vijf_wachtwoorden_controleren()
    {
        // "At once": the throttle's clock stands still, so no backoff runs out while the forty wait for the
        // hash slot (under load the checks are spread over seconds, and after 1, 2, 4 … s the schedule would
        // rightly allow one more). Each attempt has its own client and form token, as forty browsers would.
        using var host = fabriek.WithWebHostBuilder(b => b.ConfigureServices(d => d.AddSingleton(new Inlogremming(new StilstaandeKlok()))));
        var sessies = new List<Sessie>();
        var formulieren = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var s = Sessie.Anoniem(host);
            sessies.Add(s);
            formulieren.Add(await s.Formuliertoken("/inloggen"));
        }

        try
        {
            var antwoorden = await Task.WhenAll(sessies.Select((s, i) =>
                s.PostZonderToken("/inloggen", ("gebruiker", "nop"), ("wachtwoord", "raden-" + i), ("__formulier", formulieren[i]))));

            var gecontroleerd = antwoorden.Count(a => a.StatusCode == HttpStatusCode.Unauthorized);
            Assert.True(gecontroleerd <= Inlogremming.MaxPogingen, $"{gecontroleerd} wachtwoorden gecontroleerd");
            Assert.All(antwoorden, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
        }
        finally
        {
            sessies.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task Steeds_nieuwe_namen_vanaf_een_adres_worden_ook_geremd()
    {
        // Sent together, so all fall in one minute of the per-address window however slow the machine is.
        using var s = Sessie.Anoniem(fabriek);
        var token = await s.Formuliertoken("/inloggen");
        var antwoorden = await Task.WhenAll(Enumerable.Range(0, Inlogbegrenzing.PogingenPerAdresPerMinuut + 5).Select(i =>
            s.PostZonderToken("/inloggen", ("gebruiker", $"naam-{i}"), ("wachtwoord", "raden"), ("__formulier", token))));

        Assert.Equal(Inlogbegrenzing.PogingenPerAdresPerMinuut, antwoorden.Count(a => a.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(5, antwoorden.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.All(antwoorden.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests), a => Assert.Equal("60", a.Headers.GetValues("Retry-After").Single()));
        var laatste = await s.Post("/inloggen", "/inloggen", ("gebruiker", "nop"), ("wachtwoord", Demodata.Wachtwoord));
        Assert.Equal(HttpStatusCode.TooManyRequests, laatste.StatusCode);
        Assert.Contains("Te veel inlogpogingen", await laatste.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_BSN_met_punten_en_een_regeleinde_in_de_gebruikersnaam_komen_niet_in_het_log()
    {
        var logs = new Logvanger();
        using var host = fabriek.WithWebHostBuilder(b => b.ConfigureServices(d => d.AddSingleton<ILoggerProvider>(logs)));
        using var s = Sessie.Anoniem(host);

        await s.Post("/inloggen", "/inloggen", ("gebruiker", "100.003.023\nInformation Jeugdhulp: Medewerker 'x' is ingelogd"), ("wachtwoord", "fout"));
        await s.Post("/inloggen", "/inloggen", ("gebruiker", "100 003 023"), ("wachtwoord", "fout"));

        var regels = logs.Regels.ToList();
        Assert.Contains(regels, r => r.Contains("Inloggen mislukt", StringComparison.Ordinal));
        Assert.All(regels, r =>
        {
            Assert.DoesNotContain("100.003.023", r, StringComparison.Ordinal);
            Assert.DoesNotContain("100 003 023", r, StringComparison.Ordinal);

            // The access log (ASP.NET Core's HTTP logging) writes one field per line by design, each value masked;
            // every other entry is one line, so a line feed typed by a user can never start a forged entry.
            if (!r.Contains("Microsoft.AspNetCore.HttpLogging", StringComparison.Ordinal))
            {
                Assert.DoesNotContain('\n', r.TrimEnd());
            }

            Assert.DoesNotContain("\nInformation Jeugdhulp", r, StringComparison.Ordinal);
        });
    }

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
    /// <summary>
    /// The host with a login throttle whose clock stands still: on a busy machine the attempts after the fifth came
    /// more than the 1, 2, 4 … s apart that the throttle asks for, and were rightly let through.
    /// </summary>
    private WebApplicationFactory<Program> MetStilstaandeRemming() =>
        fabriek.WithWebHostBuilder(b => b.ConfigureServices(d => d.AddSingleton(new Inlogremming(new StilstaandeKlok()))));

    private HttpClient Kaal() =>
        fabriek.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static string Sessiecookie(HttpResponseMessage login) =>
        login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("jeugdhulp-medewerker=", StringComparison.Ordinal)).Split(';')[0];

    private static Task<HttpResponseMessage> MetCookie(HttpClient client, string pad, string cookie)
    {
        var vraag = new HttpRequestMessage(HttpMethod.Get, new Uri(pad, UriKind.Relative));
        vraag.Headers.Add("Cookie", cookie);
        return client.SendAsync(vraag);
    }

    private sealed class StilstaandeKlok : TimeProvider
    {
        private readonly DateTimeOffset nu = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => nu;
    }
}
