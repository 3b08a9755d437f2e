using System.Net;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Audit;
using Jeugdhulp.Web.Components.Pages.Dossier;
using Jeugdhulp.Web.Tests.Infrastructuur;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>
/// Staff of one municipality never see or change another's clients, also not by guessing URLs. One host for the class
/// (<see cref="Demohost"/>): every test only reads, or checks that nothing changed.
/// </summary>
public sealed class IsolatieTests(Demohost demo) : IClassFixture<Demohost>
{
    private const string UrkClient = "100003072";
    private const string NopClient = "100003023";
    private readonly Webfabriek fabriek = demo.Fabriek;

    [Fact]
    public async Task Werkvoorraad_toont_alleen_verzoeken_van_de_eigen_gemeente()
    {
        using var nop = await Sessie.Ingelogd(fabriek, "nop");
        var html = await nop.Tekst("/werkvoorraad");
        Assert.Contains("DEMO-0002", html, StringComparison.Ordinal);
        Assert.DoesNotContain("DEMO-0003", html, StringComparison.Ordinal);
        Assert.DoesNotContain("DEMO-0009", html, StringComparison.Ordinal);
        Assert.DoesNotContain("DEMO-0011", html, StringComparison.Ordinal);

        using var urk = await Sessie.Ingelogd(fabriek, "urk");
        var urkHtml = await urk.Tekst("/werkvoorraad");
        Assert.Contains("DEMO-0003", urkHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("DEMO-0002", urkHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verzoek_van_een_andere_gemeente_via_de_url_geeft_404()
    {
        using var nop = await Sessie.Ingelogd(fabriek, "nop");
        var urkItem = Werkitem(Demodata.Urk, "DEMO-0003");
        var antwoord = await nop.Get($"/werkvoorraad/{urkItem}");
        Assert.Equal(HttpStatusCode.NotFound, antwoord.StatusCode);
        Assert.DoesNotContain(UrkClient[6..], await antwoord.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await nop.Get("/werkvoorraad/999999")).StatusCode);
    }

    [Fact]
    public async Task Besluit_op_een_verzoek_van_een_andere_gemeente_wordt_niet_genomen()
    {
        using var nop = await Sessie.Ingelogd(fabriek, "nop");
        var urkItem = Werkitem(Demodata.Urk, "DEMO-0003");
        var eigenItem = Werkitem(Demodata.Nop, "DEMO-0002");
        var bestanden = Directory.GetFiles(fabriek.Backoffice.OutboxMap!).Length;

        // A valid form token (from an own page) posted to another municipality's item.
        var antwoord = await nop.Post($"/werkvoorraad/{urkItem}", $"/werkvoorraad/{eigenItem}", ("besluit", "toekennen"));
        Assert.Equal(HttpStatusCode.NotFound, antwoord.StatusCode);

        using var urk = await Sessie.Ingelogd(fabriek, "urk");
        Assert.Contains("DEMO-0003", await urk.Tekst("/werkvoorraad"), StringComparison.Ordinal);
        Assert.Equal(bestanden, Directory.GetFiles(fabriek.Backoffice.OutboxMap!).Length);
    }

    [Fact]
    public async Task Dossier_van_een_client_van_een_andere_gemeente_geeft_404_en_de_poging_staat_in_het_auditlog()
    {
        using var nop = await Sessie.Ingelogd(fabriek, "nop");
        var antwoord = await nop.Get("/dossier/" + Sleutel(UrkClient));
        Assert.Equal(HttpStatusCode.NotFound, antwoord.StatusCode);

        var audit = fabriek.Backoffice.Store.AuditVoorClient(Bsn.Parse(UrkClient).Waarde);
        Assert.Contains(audit, r => r.Wie == "nop" && r.Gemeente == Demodata.Nop && r.Actie == "dossier gezocht, niet gevonden");
        Assert.DoesNotContain(audit, r => r.Actie == "dossier bekeken");
    }

    [Fact]
    public async Task Dossier_via_een_zelfgemaakte_of_beschadigde_sleutel_geeft_404()
    {
        using var nop = await Sessie.Ingelogd(fabriek, "nop");
        Assert.Equal(HttpStatusCode.NotFound, (await nop.Get("/dossier/" + NopClient)).StatusCode);
        var sleutel = Sleutel(NopClient);
        Assert.Equal(HttpStatusCode.NotFound, (await nop.Get("/dossier/" + sleutel[..^4] + "AAAA")).StatusCode);
    }

    [Fact]
    public async Task Eigen_dossier_wordt_getoond_en_het_bekijken_staat_in_het_auditlog()
    {
        using var nop = await Sessie.Ingelogd(fabriek, "nop");
        var html = await nop.Tekst("/dossier/" + Sleutel(NopClient));
        Assert.Contains("DEMO-0002", html, StringComparison.Ordinal);
        Assert.Contains("Bakker", html, StringComparison.Ordinal);
        Assert.Contains(fabriek.Backoffice.Store.AuditVoorClient(Bsn.Parse(NopClient).Waarde),
            r => r.Wie == "nop" && r.Actie == "dossier bekeken" && r.ClientGemaskeerd == "******023");
    }

    [Fact]
    public async Task Clientenlijst_en_termijnen_tonen_geen_clienten_van_een_andere_gemeente()
    {
        using var nop = await Sessie.Ingelogd(fabriek, "nop");
        foreach (var pad in new[] { "/clienten", "/termijnen", "/declaraties", "/grafieken" })
        {
            var html = await nop.Tekst(pad);
            Assert.DoesNotContain("******072", html, StringComparison.Ordinal);
            Assert.DoesNotContain("DEMO-0003", html, StringComparison.Ordinal);
        }

        var dossiers = Sessie.Links(await nop.Tekst("/clienten"), "/dossier/").ToList();
        Assert.NotEmpty(dossiers);
        foreach (var d in dossiers)
        {
            Assert.Equal(HttpStatusCode.OK, (await nop.Get(d)).StatusCode);
        }
    }

    [Fact]
    public async Task Termijnen_van_de_eigen_gemeente_staan_erop()
    {
        using var urk = await Sessie.Ingelogd(fabriek, "urk");
        var html = await urk.Tekst("/termijnen");
        Assert.Contains("DEMO-0003", html, StringComparison.Ordinal);
        Assert.Contains("HK-315-3", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zoeken_op_bsn_van_een_andere_gemeente_leidt_naar_niet_gevonden()
    {
        using var nop = await Sessie.Ingelogd(fabriek, "nop");
        var antwoord = await nop.Post("/clienten", "/clienten", ("bsn", UrkClient));
        Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
        var doel = antwoord.Headers.Location!.OriginalString;
        Assert.DoesNotContain(UrkClient, doel, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await nop.Get(doel)).StatusCode);
    }

    private long Werkitem(string gemeente, string referentie) =>
        Store.Backoffice.Werkvoorraad.LeesWerkvoorraad(fabriek.Backoffice.Store, Gemeentecode.Parse(gemeente).Waarde).Single(w => w.Referentie == referentie).Id;

    private string Sleutel(string bsn) =>
        DossierEindpunten.Sleutel(fabriek.Services.GetRequiredService<IDataProtectionProvider>(), Bsn.Parse(bsn).Waarde);
}
