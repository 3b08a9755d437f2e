using System.Net;
using Jeugdhulp.Core.Regelversies;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Regelversies;
using Jeugdhulp.Web.Components.Pages.Dossier;
using Jeugdhulp.Web.Components.Pages.Regelwijzigingen;
using Jeugdhulp.Web.Tests.Infrastructuur;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>
/// The dossier names the rule-set version each decision used (issue 20, item 3) and links it to the published version's
/// page, which a medewerker may read (a draft not). The version is published before the demo's messages are processed,
/// so every decision took it.
/// </summary>
public sealed class DossierRegelversieTests : IDisposable
{
    private const string NopClient = "100003023";
    private readonly Webfabriek fabriek = new();
    private readonly long versie;
    private readonly long concept;

    public DossierRegelversieTests()
    {
        var b = fabriek.Backoffice;
        var gemeente = Gemeentecode.Parse(Demodata.Nop).Waarde;
        var item = Regellagen.Item(b.Basisregels, [], Regelsoort.Product, "45F11", b.Vandaag)!;
        versie = b.Store.BewaarConcept(b.Basisregels, new Regelversie(0, "product", "", item, new DateOnly(2099, 1, 1), "nop-beleid", DateTimeOffset.MinValue), gemeente).Waarde.Id;
        b.VervangRegels(b.Store.PubliceerRegelversie(b.Basisregels, versie, "urk-beleid", gemeente).Waarde);
        concept = b.Store.BewaarConcept(b.Basisregels, new Regelversie(0, "product", "", item, new DateOnly(2099, 2, 1), "nop-beleid", DateTimeOffset.MinValue), gemeente).Waarde.Id;
        Demodata.Laad(b);
    }

    public void Dispose() => fabriek.Dispose();

    [Fact]
    public async Task Een_besluit_toont_de_regelversie_die_het_gebruikte_met_een_link_naar_die_versie()
    {
        using var nop = await Sessie.Ingelogd(fabriek, "nop");
        var label = fabriek.Backoffice.Regels.Versie;
        Assert.EndsWith($"+v{versie}", label, StringComparison.Ordinal);

        var html = WebUtility.HtmlDecode(await nop.Tekst("/dossier/" + Sleutel(NopClient)));

        Assert.Contains($"regels <a href=\"/regelwijzigingen/{versie}\">{label}</a>", html, StringComparison.Ordinal);
        var pagina = WebUtility.HtmlDecode(await nop.Tekst($"/regelwijzigingen/{versie}"));
        Assert.Contains("<dt>Status</dt><dd>gepubliceerd</dd>", pagina, StringComparison.Ordinal);
        Assert.Contains("urk-beleid", pagina, StringComparison.Ordinal);
        Assert.DoesNotContain("Wat als", pagina, StringComparison.Ordinal);
        Assert.DoesNotContain("/publiceren", pagina, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await nop.Get($"/regelwijzigingen/{concept}")).StatusCode);
    }

    [Fact]
    public void Het_versienummer_komt_uit_het_label_en_alleen_de_regelmap_heeft_er_geen()
    {
        Assert.Equal(12, Regelversielabel.VersieId("2027.3+v12"));
        Assert.Null(Regelversielabel.VersieId("2027.3"));
        Assert.Null(Regelversielabel.VersieId("2027.3+vx"));
    }

    private string Sleutel(string bsn) =>
        DossierEindpunten.Sleutel(fabriek.Services.GetRequiredService<IDataProtectionProvider>(), Bsn.Parse(bsn).Waarde);
}
