using System.Net;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Web.Components.Pages.Dossier;
using Jeugdhulp.Web.Tests.Infrastructuur;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>The privacy officer's audit view: who looked at which client when, masked, filtered, own municipality only.</summary>
public sealed class AuditpaginaTests : IDisposable
{
    private const string NopClient = "100003023";
    private const string UrkClient = "100003072";
    private readonly Webfabriek fabriek = new();

    public AuditpaginaTests()
    {
        Demodata.Laad(fabriek.Backoffice);
        Demodata.Account(fabriek.Backoffice, "nop-privacy", Demodata.Nop, Medewerkerrol.Privacy);
        Demodata.Account(fabriek.Backoffice, "urk-privacy", Demodata.Urk, Medewerkerrol.Privacy);
    }

    public void Dispose() => fabriek.Dispose();

    private async Task BekijkDossiers()
    {
        using var nop = await Sessie.Ingelogd(fabriek, "nop");
        await nop.Tekst("/dossier/" + Sleutel(NopClient));
        using var urk = await Sessie.Ingelogd(fabriek, "urk");
        await urk.Tekst("/dossier/" + Sleutel(UrkClient));
    }

    [Fact]
    public async Task De_privacyfunctionaris_ziet_wie_welke_client_bekeek_met_het_bsn_gemaskeerd()
    {
        await BekijkDossiers();
        using var p = await Sessie.Ingelogd(fabriek, "nop-privacy");

        var html = await p.Tekst("/audit");

        Assert.Contains("dossier bekeken", html, StringComparison.Ordinal);
        Assert.Contains("******023", html, StringComparison.Ordinal);
        Assert.DoesNotContain(NopClient, html, StringComparison.Ordinal);
        Assert.DoesNotContain("******072", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filteren_op_medewerker_en_periode()
    {
        await BekijkDossiers();
        using var p = await Sessie.Ingelogd(fabriek, "nop-privacy");

        Assert.Contains("******023", await p.Tekst("/audit?wie=nop"), StringComparison.Ordinal);
        Assert.DoesNotContain("******023", await p.Tekst("/audit?wie=nop-privacy"), StringComparison.Ordinal);
        Assert.DoesNotContain("******023", await p.Tekst("/audit?tot=2020-01-01"), StringComparison.Ordinal);
        var fout = await p.Get("/audit?van=gisteren");
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        Assert.Contains("geen datum", await fout.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zoeken_op_bsn_gaat_per_post_en_het_bsn_staat_nergens_in_de_url()
    {
        await BekijkDossiers();
        using var p = await Sessie.Ingelogd(fabriek, "nop-privacy");

        var antwoord = await p.Post("/audit/zoeken", "/audit", ("bsn", NopClient));
        Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
        var doel = antwoord.Headers.Location!.OriginalString;
        Assert.StartsWith("/audit?client=", doel, StringComparison.Ordinal);
        Assert.DoesNotContain(NopClient, doel, StringComparison.Ordinal);
        var html = await p.Tekst(doel);
        Assert.Contains("Alleen regels over cliënt ******023", html, StringComparison.Ordinal);
        Assert.Contains("dossier bekeken", html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await p.Post("/audit/zoeken", "/audit", ("bsn", "123456789"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await p.Get("/audit?client=zelfgemaakt")).StatusCode);
    }

    [Fact]
    public async Task Een_privacyfunctionaris_ziet_alleen_het_auditlog_van_de_eigen_gemeente()
    {
        await BekijkDossiers();
        using var urk = await Sessie.Ingelogd(fabriek, "urk-privacy");

        var html = await urk.Tekst("/audit");
        Assert.Contains("******072", html, StringComparison.Ordinal);
        Assert.DoesNotContain("******023", html, StringComparison.Ordinal);

        var gezocht = await urk.Post("/audit/zoeken", "/audit", ("bsn", NopClient));
        Assert.DoesNotContain("dossier bekeken", await urk.Tekst(gezocht.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    private string Sleutel(string bsn) =>
        DossierEindpunten.Sleutel(fabriek.Services.GetRequiredService<IDataProtectionProvider>(), Bsn.Parse(bsn).Waarde);
}
