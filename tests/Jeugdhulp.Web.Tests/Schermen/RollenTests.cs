using System.Net;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Web.Components.Pages.Dossier;
using Jeugdhulp.Web.Schermen;
using Jeugdhulp.Web.Tests.Infrastructuur;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>
/// Roles of staff accounts: every page × role is allowed (200) or refused (403 with a Dutch page), and the menu agrees.
/// One host for the class (<see cref="Demohost"/>); the test that changes a role does so on an account of its own.
/// </summary>
public sealed class RollenTests : IClassFixture<Demohost>
{
    private const string NopClient = "100003023";
    private readonly Webfabriek fabriek;

    public RollenTests(Demohost demo)
    {
        fabriek = demo.Fabriek;
        Demodata.Account(fabriek.Backoffice, "nop-teamleider", Demodata.Nop, Medewerkerrol.Teamleider);
        Demodata.Account(fabriek.Backoffice, "nop-privacy", Demodata.Nop, Medewerkerrol.Privacy);
        Demodata.Account(fabriek.Backoffice, "nop-beleid", Demodata.Nop, Medewerkerrol.Beleid);
    }

    /// <summary>Every backoffice page and who may open it: M = medewerker, T = teamleider, P = privacy, B = beleid.</summary>
    private static readonly (string Pad, string Mag)[] Paginas =
    [
        ("/werkvoorraad", "MT"),
        ("/werkvoorraad/{item}", "MT"),
        ("/clienten", "MT"),
        ("/dossier/{dossier}", "MT"),
        ("/termijnen", "MT"),
        ("/declaraties", "MT"),
        ("/verblijf", "MT"),
        ("/regels", "MTPB"),
        ("/regelwijzigingen", "B"),
        ("/grafieken", "MTB"),
        ("/overzicht", "MTB"),
        ("/audit", "P"),
    ];

    public static TheoryData<string, string> Rollen => new()
    {
        { "nop", "M" }, { "nop-teamleider", "T" }, { "nop-privacy", "P" }, { "nop-beleid", "B" },
    };

    [Theory]
    [MemberData(nameof(Rollen))]
    public async Task Elke_pagina_is_toegestaan_of_geweigerd_met_403_naar_de_rol(string gebruiker, string letter)
    {
        using var s = await Sessie.Ingelogd(fabriek, gebruiker);
        foreach (var (sjabloon, mag) in Paginas)
        {
            var antwoord = await s.Get(Pad(sjabloon));
            var html = await antwoord.Content.ReadAsStringAsync();
            if (mag.Contains(letter, StringComparison.Ordinal))
            {
                Assert.True(antwoord.StatusCode == HttpStatusCode.OK, $"{gebruiker} {sjabloon}: {antwoord.StatusCode}");
            }
            else
            {
                Assert.True(antwoord.StatusCode == HttpStatusCode.Forbidden, $"{gebruiker} {sjabloon}: {antwoord.StatusCode}");
                Assert.Contains("<h1>Geen toegang</h1>", html, StringComparison.Ordinal);
                Assert.Contains("lang=\"nl\"", html, StringComparison.Ordinal);
                Assert.DoesNotContain("******023", html, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Rollen))]
    public async Task Het_menu_toont_alleen_paginas_die_de_rol_mag_openen(string gebruiker, string letter)
    {
        using var s = await Sessie.Ingelogd(fabriek, gebruiker);
        var html = await s.Tekst("/regels");
        foreach (var (pad, mag) in Paginas.Where(p => !p.Pad.Contains('{', StringComparison.Ordinal)))
        {
            Assert.True(mag.Contains(letter, StringComparison.Ordinal) == html.Contains($"<li><a href=\"{pad}\"", StringComparison.Ordinal), $"{gebruiker} menu {pad}");
        }
    }

    [Theory]
    [InlineData("nop", "/werkvoorraad")]
    [InlineData("nop-teamleider", "/werkvoorraad")]
    [InlineData("nop-privacy", "/audit")]
    [InlineData("nop-beleid", "/regels")]
    public async Task Na_inloggen_en_op_de_hoofdpagina_komt_elke_rol_op_een_eigen_startpagina(string gebruiker, string start)
    {
        using var s = Sessie.Anoniem(fabriek);
        var login = await s.Post("/inloggen", "/inloggen", ("gebruiker", gebruiker), ("wachtwoord", Demodata.Wachtwoord));
        Assert.Equal(start, login.Headers.Location!.OriginalString);
        var thuis = await s.Get("/");
        Assert.Equal(start, thuis.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await s.Get(start)).StatusCode);
    }

    [Fact]
    public async Task Alleen_een_teamleider_geeft_werk_aan_een_collega_oppakken_mag_iedereen()
    {
        var item = Werkitem("DEMO-0002");
        using var nop = await Sessie.Ingelogd(fabriek, "nop");
        Assert.DoesNotContain("<option value=\"nop-teamleider\"", await nop.Tekst($"/werkvoorraad/{item}"), StringComparison.Ordinal);
        var geweigerd = await nop.Post($"/werkvoorraad/{item}/behandelaar", $"/werkvoorraad/{item}", ("aan", "nop-teamleider"));
        Assert.Equal(HttpStatusCode.Forbidden, geweigerd.StatusCode);
        Assert.Null(fabriek.Backoffice.Store.LeesBehandelaar(item));
        Assert.Equal(HttpStatusCode.Redirect, (await nop.Post($"/werkvoorraad/{item}/behandelaar", $"/werkvoorraad/{item}", ("aan", "nop"))).StatusCode);
        Assert.Equal("nop", fabriek.Backoffice.Store.LeesBehandelaar(item));

        using var leider = await Sessie.Ingelogd(fabriek, "nop-teamleider");
        Assert.Contains("<option value=\"nop\"", await leider.Tekst($"/werkvoorraad/{item}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect,
            (await leider.Post($"/werkvoorraad/{item}/behandelaar", $"/werkvoorraad/{item}", ("aan", "nop-teamleider"))).StatusCode);
        Assert.Equal("nop-teamleider", fabriek.Backoffice.Store.LeesBehandelaar(item));

        // The privacy officer and the policy team handle no requests: not a colleague to give work to.
        var privacy = await leider.Post($"/werkvoorraad/{item}/behandelaar", $"/werkvoorraad/{item}", ("aan", "nop-privacy"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, privacy.StatusCode);
    }

    [Fact]
    public async Task Een_nieuwe_rol_beeindigt_de_sessie_met_de_oude()
    {
        Demodata.Account(fabriek.Backoffice, "nop-beleid-wordt-privacy", Demodata.Nop, Medewerkerrol.Beleid);
        using var s = await Sessie.Ingelogd(fabriek, "nop-beleid-wordt-privacy");
        Assert.Equal(HttpStatusCode.OK, (await s.Get("/grafieken")).StatusCode);
        Demodata.Account(fabriek.Backoffice, "nop-beleid-wordt-privacy", Demodata.Nop, Medewerkerrol.Privacy);

        var antwoord = await s.Get("/grafieken");
        Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
        Assert.StartsWith("/inloggen", antwoord.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public void Elk_beleid_kent_zijn_rollen_en_een_onbekend_beleid_is_een_fout()
    {
        Assert.True(BackofficeWebapp.Rollen.Mag(Medewerkerrol.Teamleider, BackofficeWebapp.Rollen.Medewerker));
        Assert.False(BackofficeWebapp.Rollen.Mag(Medewerkerrol.Medewerker, BackofficeWebapp.Rollen.Teamleider));
        Assert.False(BackofficeWebapp.Rollen.Mag(Medewerkerrol.Privacy, BackofficeWebapp.Rollen.Medewerker));
        Assert.True(BackofficeWebapp.Rollen.Mag(Medewerkerrol.Beleid, BackofficeWebapp.Rollen.Beleid));
        Assert.Throws<ArgumentException>(() => BackofficeWebapp.Rollen.Mag(Medewerkerrol.Beleid, "rol:onbekend"));
    }

    private string Pad(string sjabloon) => sjabloon
        .Replace("{item}", Werkitem("DEMO-0002").ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{dossier}", DossierEindpunten.Sleutel(fabriek.Services.GetRequiredService<IDataProtectionProvider>(), Bsn.Parse(NopClient).Waarde), StringComparison.Ordinal);

    private long Werkitem(string referentie) =>
        Werkvoorraad.LeesWerkvoorraad(fabriek.Backoffice.Store, Gemeentecode.Parse(Demodata.Nop).Waarde).Single(w => w.Referentie == referentie).Id;
}
