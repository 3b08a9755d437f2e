using System.Net;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Web.Components.Pages.Werkvoorraad;
using Jeugdhulp.Web.Tests.Infrastructuur;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>The work queue through the pages: filters in the URL, the BSN search as a POST, claiming and assigning within the municipality.</summary>
/// <remarks>
/// One host for the class (<see cref="Demohost"/>): the tests only read the queue or are refused; the one that claims and
/// assigns DEMO-0003 (and adds accounts) does so on a host of its own, so the others still find it without a handler.
/// </remarks>
public sealed class WerkvoorraadTests(Demohost host) : IClassFixture<Demohost>
{
    private const string UrkClient = "100003072";
    private readonly Webfabriek fabriek = host.Fabriek;

    private static long Id(Webfabriek fabriek, string referentie) =>
        Werkvoorraad.LeesWerkvoorraad(fabriek.Backoffice.Store, Gemeentecode.Parse(Demodata.Urk).Waarde).Single(w => w.Referentie == referentie).Id;

    [Fact]
    public async Task Zoeken_op_referentie_en_filteren_op_soort_staan_in_de_url()
    {
        using var urk = await Sessie.Ingelogd(fabriek, "urk");
        var html = await urk.Tekst("/werkvoorraad?zoek=DEMO-0009");
        Assert.Contains(">DEMO-0009</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">DEMO-0003</a>", html, StringComparison.Ordinal);
        Assert.Contains("Er wachten geen verzoeken op een besluit die aan deze filters voldoen.", await urk.Tekst("/werkvoorraad?soort=JW317"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_pagina_voorbij_het_einde_toont_de_laatste_pagina_en_niet_een_lege_lijst()
    {
        using var urk = await Sessie.Ingelogd(fabriek, "urk");

        // Items decided since the link was made, or a bookmark: the queue still shows what waits.
        var html = await urk.Tekst("/werkvoorraad?pagina=99");

        Assert.Contains(">DEMO-0003</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Er wachten geen verzoeken", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zoeken_op_bsn_is_een_post_en_het_bsn_komt_niet_in_de_url()
    {
        using var urk = await Sessie.Ingelogd(fabriek, "urk");
        var antwoord = await urk.Post("/werkvoorraad/zoeken", "/werkvoorraad", ("bsn", UrkClient));
        Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
        var naar = antwoord.Headers.Location!.OriginalString;
        Assert.DoesNotContain(UrkClient, naar, StringComparison.Ordinal);
        var html = await urk.Tekst(naar);
        Assert.Contains(">DEMO-0003</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">DEMO-0009</a>", html, StringComparison.Ordinal);

        var fout = await urk.Post("/werkvoorraad/zoeken", "/werkvoorraad", ("bsn", "123456789"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fout.StatusCode);
        Assert.Contains("geen geldig BSN", await fout.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bsn_van_een_client_van_een_andere_gemeente_vindt_niets()
    {
        using var nop = await Sessie.Ingelogd(fabriek, "nop");
        var antwoord = await nop.Post("/werkvoorraad/zoeken", "/werkvoorraad", ("bsn", UrkClient));
        var html = await nop.Tekst(antwoord.Headers.Location!.OriginalString);
        Assert.DoesNotContain("DEMO-0003", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">DEMO-0002</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oppakken_en_toewijzen_aan_een_collega_alleen_binnen_de_eigen_gemeente()
    {
        // Gives DEMO-0003 a handler the other tests read as unassigned: a host of its own.
        using var fabriek = new Webfabriek();
        Demodata.Laad(fabriek.Backoffice);
        var id = Id(fabriek, "DEMO-0003");
        fabriek.Backoffice.Store.BewaarMedewerker("urk2", Gemeentecode.Parse(Demodata.Urk).Waarde, "x");
        // Giving work to a colleague is the teamleider's (RollenTests); claiming it is everyone's.
        Demodata.Account(fabriek.Backoffice, "urk-teamleider", Demodata.Urk, Store.Backoffice.Medewerkerrol.Teamleider);
        using var urk = await Sessie.Ingelogd(fabriek, "urk-teamleider");

        var opgepakt = await urk.Post($"/werkvoorraad/{id}/behandelaar", $"/werkvoorraad/{id}", ("aan", "urk-teamleider"));
        Assert.Equal(HttpStatusCode.Redirect, opgepakt.StatusCode);
        Assert.Contains("U behandelt dit verzoek.", await urk.Tekst($"/werkvoorraad/{id}"), StringComparison.Ordinal);
        var mijn = await urk.Tekst("/werkvoorraad?behandelaar=mij");
        Assert.Contains(">DEMO-0003</a>", mijn, StringComparison.Ordinal);
        Assert.DoesNotContain(">DEMO-0009</a>", mijn, StringComparison.Ordinal);
        Assert.Contains(">DEMO-0009</a>", await urk.Tekst("/werkvoorraad?behandelaar=niemand"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await urk.Post($"/werkvoorraad/{id}/behandelaar", $"/werkvoorraad/{id}", ("aan", "urk2"))).StatusCode);
        Assert.Contains("urk2 behandelt dit verzoek.", await urk.Tekst($"/werkvoorraad/{id}"), StringComparison.Ordinal);

        // A colleague of another municipality cannot be given the item; another municipality cannot touch it.
        var vreemd = await urk.Post($"/werkvoorraad/{id}/behandelaar", $"/werkvoorraad/{id}", ("aan", "nop"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, vreemd.StatusCode);
        using var nop = await Sessie.Ingelogd(fabriek, "nop");
        var anders = await nop.Post($"/werkvoorraad/{id}/behandelaar", "/werkvoorraad", ("aan", "nop"));
        Assert.Equal(HttpStatusCode.NotFound, anders.StatusCode);
        Assert.Equal("urk2", fabriek.Backoffice.Store.LeesBehandelaar(id));
    }

    [Fact]
    public async Task Te_laat_toont_geen_verzoek_waarvan_de_antwoordtermijn_nog_loopt()
    {
        // Received 2027-03-05, the processing date: the answer is due 2027-03-12 (HK-315-3).
        using var urk = await Sessie.Ingelogd(fabriek, "urk");
        Assert.DoesNotContain(">DEMO-0003</a>", await urk.Tekst("/werkvoorraad?telaat=1"), StringComparison.Ordinal);
    }

    [Fact]
    public void Te_laat_grens_is_het_begin_van_de_eerste_ontvangstdag_die_nog_op_tijd_is()
    {
        // On Monday 2027-03-15 an answer is late for a request received up to and including the weekend of
        // 6-7 March (due by Friday 12 or 13 March at the latest); one received Monday 8 March is due today.
        using var later = new Webfabriek(new DateOnly(2027, 3, 15));
        var grens = WerkvoorraadEindpunten.TeLaatVoor(later.Backoffice);
        Assert.Equal(new DateTimeOffset(2027, 3, 7, 23, 0, 0, TimeSpan.Zero), grens);
    }

    [Fact]
    public async Task Behandelaar_vastleggen_zonder_formuliertoken_wordt_geweigerd()
    {
        var id = Id(fabriek, "DEMO-0003");
        using var urk = await Sessie.Ingelogd(fabriek, "urk");
        var antwoord = await urk.PostZonderToken($"/werkvoorraad/{id}/behandelaar", ("aan", "urk"));
        Assert.Equal(HttpStatusCode.BadRequest, antwoord.StatusCode);
        Assert.Null(fabriek.Backoffice.Store.LeesBehandelaar(id));
    }
}
