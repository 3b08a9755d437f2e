using System.Net;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Termijnen;
using Jeugdhulp.Web.Components;
using Jeugdhulp.Web.Components.Pages.Dossier;
using Jeugdhulp.Web.Tests.Infrastructuur;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>The dossier's timeline: the staff member's note and the rule set with a decision; who has a dossier at all.</summary>
public sealed class DossierTijdlijnTests : IDisposable
{
    private const string NopClient = "100003023";
    private readonly Webfabriek fabriek = new();

    public DossierTijdlijnTests() => Demodata.Laad(fabriek.Backoffice);

    public void Dispose() => fabriek.Dispose();

    [Fact]
    public async Task Een_besluit_staat_in_de_tijdlijn_met_de_toelichting_van_de_medewerker_en_de_regelset()
    {
        var item = Werkvoorraad.LeesWerkvoorraad(fabriek.Backoffice.Store, Gemeentecode.Parse(Demodata.Nop).Waarde).Single(w => w.Referentie == "DEMO-0002").Id;
        using var nop = await Sessie.Ingelogd(fabriek, "nop");
        var besluit = await nop.Post($"/werkvoorraad/{item}", $"/werkvoorraad/{item}", ("besluit", "toekennen"), ("toelichting", "Akkoord na overleg met de aanbieder."));
        Assert.Equal(HttpStatusCode.Redirect, besluit.StatusCode);

        var html = WebUtility.HtmlDecode(await nop.Tekst("/dossier/" + Sleutel(NopClient)));

        Assert.Contains("toegekend</strong> door nop", html, StringComparison.Ordinal);
        Assert.Contains("toelichting van de medewerker: <q>Akkoord na overleg met de aanbieder.</q>", html, StringComparison.Ordinal);
        // The label of the rule set the engine's decision used, from its column (migration 0019); no version published, so no link.
        Assert.Contains($"· regels {fabriek.Backoffice.Regels.Versie}", html, StringComparison.Ordinal);
        Assert.Contains("Gedeclareerd (goedgekeurd)", html, StringComparison.Ordinal);
        Assert.Contains("0 van ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_beantwoord_verzoek_staat_als_afgeronde_termijn_in_de_tijdlijn_op_tijd_of_te_laat()
    {
        var gemeente = Gemeentecode.Parse(Demodata.Nop).Waarde;
        var item = Werkvoorraad.LeesWerkvoorraad(fabriek.Backoffice.Store, gemeente).Single(w => w.Referentie == "DEMO-0002").Id;
        using var nop = await Sessie.Ingelogd(fabriek, "nop");
        var voor = WebUtility.HtmlDecode(await nop.Tekst("/dossier/" + Sleutel(NopClient)));
        Assert.DoesNotContain("Termijn afgerond", voor, StringComparison.Ordinal);
        var open = Assert.Single(fabriek.Backoffice.Store.LeesTermijnrijen(gemeente, Bsn.Parse(NopClient).Waarde),
            r => r.Verplichting.Referentie == "DEMO-0002" && r.Verplichting.Regel == Core.Termijnen.TermijnenBewaken.Antwoord);
        Assert.Null(open.GeslotenOp);

        await nop.Post($"/werkvoorraad/{item}", $"/werkvoorraad/{item}", ("besluit", "toekennen"), ("toelichting", "akkoord"));
        var na = WebUtility.HtmlDecode(await nop.Tekst("/dossier/" + Sleutel(NopClient)));

        var teLaat = fabriek.Backoffice.Vandaag > open.Verplichting.Vervaldatum;
        Assert.Contains(teLaat ? "Termijn afgerond, te laat" : "Termijn afgerond, op tijd", na, StringComparison.Ordinal);
        Assert.Contains($"(uiterlijk {Weergave.Datum(open.Verplichting.Vervaldatum)})", na, StringComparison.Ordinal);
        Assert.Matches(@"Termijn afgerond, [^<]*</[^\n]*\s*<span class=""status-[a-z-]+"">[a-z ]+</span>\s*\(uiterlijk [^)]+\) · [^:]+: besluit op verzoek \(JW301 of JW319\)\s*· DEMO-0002", na);
    }

    [Fact]
    public async Task Een_inwoner_zonder_jeugdhulp_in_de_gemeente_krijgt_hetzelfde_niet_gevonden()
    {
        using var nop = await Sessie.Ingelogd(fabriek, "nop");
        var zonder = await nop.Get("/dossier/" + Sleutel("100003011"));
        var onbekend = await nop.Get("/dossier/" + Sleutel("100003072"));

        Assert.Equal(HttpStatusCode.NotFound, zonder.StatusCode);
        // Equal apart from the logout form's antiforgery token, which is new on every page.
        static string ZonderToken(string html) => System.Text.RegularExpressions.Regex.Replace(html, "name=\"__formulier\" value=\"[^\"]+\"", "");
        Assert.Equal(ZonderToken(await onbekend.Content.ReadAsStringAsync()), ZonderToken(await zonder.Content.ReadAsStringAsync()));
    }

    private string Sleutel(string bsn) =>
        DossierEindpunten.Sleutel(fabriek.Services.GetRequiredService<IDataProtectionProvider>(), Bsn.Parse(bsn).Waarde);
}
