using System.Net;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Schema;
using Jeugdhulp.Ijw.Schrijven;
using Jeugdhulp.Store.Clienten;
using Jeugdhulp.Store.Contracten;
using Jeugdhulp.Store.Termijnen;
using Jeugdhulp.Store.Verwerking;
using Jeugdhulp.Web.Components.Pages.Dossier;
using Jeugdhulp.Web.Tests.Infrastructuur;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>
/// The dossier of DEMO-0001's client (Noordoostpolder) after a JW323 of 30 lines on its allocation, one at the
/// contract tariff and 29 refused: provider names from the contracts, paid and refused per month, the
/// declared lines paged, and the client's open deadlines from the Termijnen computation.
/// </summary>
public sealed class DossierBetaaldTests(DossierBetaaldTests.Host host) : IClassFixture<DossierBetaaldTests.Host>
{
    private const string Client = "100002183";
    private const int Regels = 30;
    private readonly Webfabriek fabriek = host.Fabriek;
    private readonly long nummer = host.Nummer;
    private readonly long tarief = host.Tarief;

    /// <summary>One host for the class: the demo and the JW323 on 2027-04-10. Every test only reads (a dossier view adds an audit row, which no test counts).</summary>
    public sealed class Host : IDisposable
    {
        public Host()
        {
            Demodata.Laad(Fabriek.Backoffice);
            var b = Fabriek.Backoffice;
            var t = Assert.Single(b.Store.LeesClientoverzicht(Nop, Bsn.Parse(Client).Waarde)!.Toewijzingen);
            (Nummer, Tarief) = (t.Nummer, b.Store.Contracten(Nop).Single(c => c.Aanbieder.Waarde == t.Aanbieder && c.Product.Waarde == t.Productcode).TariefCent);
            var (nummer, tarief) = (Nummer, Tarief);
            // Line 1 at the contract tariff; lines 2.. at a wrong tariff, refused (their amounts count as refused).
            var prestaties = Enumerable.Range(1, Regels).Select(i => new Prestatie(new ProductReferentie($"P-{i:D2}", null), nummer, "45", t.Productcode,
                new GeslotenPeriode(new(2027, 3, 8), new(2027, 3, 31)), 60, "01", i == 1 ? tarief : tarief + 1, new BedragMetDc(60 * (i == 1 ? tarief : tarief + 1), "D"))).ToList();
            var jw323 = IjwSchrijver.Schrijf(new Declaratiebericht(
                Header.Voor(Berichtsoort.JW323, t.Aanbieder, Demodata.Nop, new BerichtIdentificatie("DEC-DOSSIER", new(2027, 4, 2))),
                new Declaratie("D2027DOSSIER", new GeslotenPeriode(new(2027, 3, 1), new(2027, 3, 31)), new(2027, 4, 2),
                    new BedragMetDc(prestaties.Sum(p => p.IngediendBedrag.Bedrag), "D"), [new DeclaratieClient(Client, prestaties)])));
            _ = new BerichtVerwerken(b.Store, b.Regels, new DateOnly(2027, 4, 10), b.OutboxMap).Verwerk([new Invoer("jw323", jw323)]).ToList();
        }

        public Webfabriek Fabriek { get; } = new(new DateOnly(2027, 4, 10));

        public long Nummer { get; }

        public long Tarief { get; }

        public void Dispose() => Fabriek.Dispose();
    }

    private static Gemeentecode Nop => Gemeentecode.Parse(Demodata.Nop).Waarde;

    [Fact]
    public async Task De_aanbieder_staat_er_met_de_naam_uit_de_contracten_en_het_agb()
    {
        using var nop = await Sessie.Ingelogd(fabriek, "nop");

        var html = WebUtility.HtmlDecode(await nop.Tekst(Dossier()));

        Assert.Contains("<td>Jeugdhulp De Horizon (AGB 01234567)</td>", html, StringComparison.Ordinal);
        Assert.Contains("DEMO-0001 van aanbieder Jeugdhulp De Horizon (AGB 01234567)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("van aanbieder 01234567", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Het_werkitem_en_de_declaratiespagina_tonen_de_aanbiedernaam()
    {
        var item = Store.Backoffice.Werkvoorraad.LeesWerkvoorraad(fabriek.Backoffice.Store, Nop).Single(w => w.Referentie == "DEMO-0002");
        using var nop = await Sessie.Ingelogd(fabriek, "nop");

        var werkitem = WebUtility.HtmlDecode(await nop.Tekst($"/werkvoorraad/{item.Id}"));
        var declaraties = WebUtility.HtmlDecode(await nop.Tekst("/declaraties"));

        Assert.Contains($"<dd>{Components.Weergave.Aanbieder(fabriek.Backoffice.Store.LeesAanbiedernamen(Nop), item.Aanbieder)}</dd>", werkitem, StringComparison.Ordinal);
        Assert.Contains("(AGB ", werkitem, StringComparison.Ordinal);
        Assert.Contains("<td>Jeugdhulp De Horizon (AGB 01234567)</td><td>D2027DOSSIER</td>", declaraties, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Per_maand_staan_het_betaalde_en_het_afgewezen_bedrag_en_het_gebruikte_volume()
    {
        using var nop = await Sessie.Ingelogd(fabriek, "nop");

        var html = WebUtility.HtmlDecode(await nop.Tekst(Dossier()));

        var betaald = Components.Weergave.Euro(60 * tarief);
        var afgewezen = Components.Weergave.Euro((Regels - 1) * 60 * (tarief + 1));
        Assert.Contains($"<td>03-2027</td><td>{nummer}</td><td>60 minuten</td>", html, StringComparison.Ordinal);
        Assert.Contains($"<td>{betaald}</td><td>{afgewezen}</td>", html, StringComparison.Ordinal);
        // The accepted line is the oldest of the message: on the second page of the newest-first timeline.
        Assert.Contains($"goedgekeurd, betaald {betaald}", WebUtility.HtmlDecode(await nop.Tekst(Dossier() + "?declaraties=2")), StringComparison.Ordinal);
        Assert.Contains("60 van 1.800 minuten", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task De_declaratieregels_zijn_begrensd_en_de_rest_staat_op_een_volgende_pagina()
    {
        using var nop = await Sessie.Ingelogd(fabriek, "nop");

        var eerste = await nop.Tekst(Dossier());
        var tweede = await nop.Tekst(Dossier() + "?declaraties=2");

        var perPagina = Store.Backoffice.Dossier.DeclaratiesPerPagina;
        Assert.Equal(perPagina, Tel(eerste, "Declaratie (JW323)"));
        Assert.Equal(Regels - perPagina, Tel(tweede, "Declaratie (JW323)"));
        Assert.Contains($"declaratieregels 1–{perPagina} van {Regels}", WebUtility.HtmlDecode(eerste), StringComparison.Ordinal);
        Assert.Contains("Pagina 1 van 2", eerste, StringComparison.Ordinal);
        Assert.Contains("?declaraties=2#declaraties", WebUtility.HtmlDecode(eerste), StringComparison.Ordinal);
        Assert.Contains("Pagina 2 van 2", tweede, StringComparison.Ordinal);
    }

    [Fact]
    public async Task De_open_termijnen_van_de_client_staan_in_de_tijdlijn_zoals_op_de_termijnenpagina()
    {
        var b = fabriek.Backoffice;
        var bsn = Bsn.Parse(Client).Waarde;
        var vanClient = b.Store.LeesOpenVerplichtingen(b.Regels, b.Vandaag, Nop, bsn);
        using var nop = await Sessie.Ingelogd(fabriek, "nop");

        var html = WebUtility.HtmlDecode(await nop.Tekst(Dossier()));

        Assert.NotEmpty(vanClient);
        Assert.Equal(b.Store.LeesOpenVerplichtingen(b.Regels, b.Vandaag, Nop).Where(v => v.Client == bsn), vanClient);
        Assert.Equal(vanClient.Count, Tel(html, "<td>Termijn</td>"));
        Assert.Contains("startbericht (JW305)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_andere_gemeente_ziet_dit_dossier_niet_en_andere_clienten_komen_er_niet_in()
    {
        using var urk = await Sessie.Ingelogd(fabriek, "urk");
        using var nop = await Sessie.Ingelogd(fabriek, "nop");

        var bijUrk = await urk.Get(Dossier());
        var html = await nop.Tekst(Dossier());

        Assert.Equal(HttpStatusCode.NotFound, bijUrk.StatusCode);
        Assert.DoesNotContain("DEMO-0002", html, StringComparison.Ordinal); // another Noordoostpolder client
        Assert.DoesNotContain("DEMO-0003", html, StringComparison.Ordinal); // Urk's
    }

    private static int Tel(string html, string wat) => (html.Length - html.Replace(wat, "", StringComparison.Ordinal).Length) / wat.Length;

    private string Dossier() =>
        "/dossier/" + DossierEindpunten.Sleutel(fabriek.Services.GetRequiredService<IDataProtectionProvider>(), Bsn.Parse(Client).Waarde);
}
