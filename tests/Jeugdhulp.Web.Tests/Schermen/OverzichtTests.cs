using System.Net;
using ClosedXML.Excel;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Contracten;
using Jeugdhulp.Web.Components;
using Jeugdhulp.Web.Components.Pages.Overzicht;
using Jeugdhulp.Web.Tests.Infrastructuur;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>
/// One host for <see cref="OverzichtTests"/>: the demo with Noordoostpolder's request in review approved, so it has
/// allocated euros and a decided request. The tests only read (the role test saves the same accounts each time).
/// </summary>
public sealed class Overzichthost : IDisposable
{
    public Overzichthost()
    {
        Demodata.Laad(Fabriek.Backoffice);
        var b = Fabriek.Backoffice;
        var r = Jeugdhulp.Store.Verwerking.BesluitNemen.Neem(b.Store, new Jeugdhulp.Store.Verwerking.Handbesluit("DEMO-0002", true, null, null, "nop", Demodata.Nop), b.Vandaag, b.OutboxMap);
        Assert.True(r.IsGeldig, string.Join("; ", r.Fouten));
    }

    public Webfabriek Fabriek { get; } = new();

    public void Dispose() => Fabriek.Dispose();
}

/// <summary>The Overzicht page and its export on the demo: the municipality's own figures, never another's.</summary>
public sealed class OverzichtTests(Overzichthost host) : IClassFixture<Overzichthost>
{
    private readonly Webfabriek fabriek = host.Fabriek;

    private Overzichtcijfers Cijfers(string gemeente, int jaar = 2027)
    {
        var b = fabriek.Backoffice;
        var g = Gemeentecode.Parse(gemeente).Waarde;
        return Overzichtcijfers.Bereken(b.Store.LeesOverzicht(g, jaar), jaar, b.Store.Contracten(g), b.Regels, b.Vandaag);
    }

    /// <summary>The page as text (entities decoded: the euro sign and the non-breaking space).</summary>
    private static async Task<string> Pagina(Sessie s, string pad) => WebUtility.HtmlDecode(await s.Tekst(pad));

    [Fact]
    public async Task Toont_geld_routes_wachttijd_en_termijntrouw_van_de_eigen_gemeente()
    {
        using var nop = await Sessie.Ingelogd(fabriek, "nop");
        var html = await Pagina(nop, "/overzicht?jaar=2027");
        var c = Cijfers(Demodata.Nop);

        Assert.True(c.Totaal.ToegewezenCent > 0);
        Assert.Contains("<h1>Overzicht 2027</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"toegewezen <strong>{Weergave.Euro(c.Totaal.ToegewezenCent)}</strong>", html, StringComparison.Ordinal);
        Assert.Contains("JW315 ", html, StringComparison.Ordinal);
        Assert.Contains("Antwoord op JW315/JW317", html, StringComparison.Ordinal);
        Assert.Contains("<svg role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Geld per maand 2027</caption>", html, StringComparison.Ordinal);
        Assert.Contains("Er wacht nu niets.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_andere_gemeente_ziet_alleen_haar_eigen_cijfers()
    {
        var nop = Cijfers(Demodata.Nop);
        var urk = Cijfers(Demodata.Urk);
        Assert.NotEqual(nop.Totaal.ToegewezenCent, urk.Totaal.ToegewezenCent);
        Assert.Equal(2, urk.Wachtend);

        using var s = await Sessie.Ingelogd(fabriek, "urk");
        var html = await Pagina(s, "/overzicht?jaar=2027");

        Assert.Contains($"toegewezen <strong>{Weergave.Euro(urk.Totaal.ToegewezenCent)}</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Weergave.Euro(nop.Totaal.ToegewezenCent), html, StringComparison.Ordinal);
        Assert.Contains("Wachtend: <strong>2</strong>", html, StringComparison.Ordinal);
        var boek = new XLWorkbook(new MemoryStream(await (await s.Get("/overzicht/export.xlsx?jaar=2027")).Content.ReadAsByteArrayAsync()));
        Assert.Equal(urk.Totaal.ToegewezenCent / 100m, boek.Worksheet("geld-per-maand-2027").Cell(14, 2).GetValue<decimal>());
    }

    [Fact]
    public async Task Aanbiedertabel_toont_de_naam_uit_de_contracten_ook_in_de_export()
    {
        using var nop = await Sessie.Ingelogd(fabriek, "nop");
        var namen = fabriek.Backoffice.Store.LeesAanbiedernamen(Gemeentecode.Parse(Demodata.Nop).Waarde);
        var agb = Assert.Single(Cijfers(Demodata.Nop).PerAanbieder).Sleutel;
        Assert.True(namen.TryGetValue(agb, out var naam));

        var html = await Pagina(nop, "/overzicht?jaar=2027");
        var csv = await nop.Tekst("/overzicht/export.csv?jaar=2027&tabel=geld-per-aanbieder");

        Assert.Contains($"<th scope=\"row\">{naam} (AGB {agb})</th>", html, StringComparison.Ordinal);
        Assert.StartsWith("Aanbieder;Naam;Toegewezen (euro);", csv, StringComparison.Ordinal);
        Assert.Contains($"\r\n{agb};{naam};", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_ander_jaar_kiezen_toont_dat_jaar()
    {
        using var nop = await Sessie.Ingelogd(fabriek, "nop");
        var html = await Pagina(nop, "/overzicht?jaar=2026");

        Assert.Contains("<h1>Overzicht 2026</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"toegewezen <strong>{Weergave.Euro(0)}</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Geen verzoeken ontvangen in 2026.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Excel_export_is_een_werkboek_met_een_tabblad_per_tabel_en_de_cijfers_van_de_pagina()
    {
        using var nop = await Sessie.Ingelogd(fabriek, "nop");
        var antwoord = await nop.Get("/overzicht/export.xlsx?jaar=2027");
        var c = Cijfers(Demodata.Nop);

        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        Assert.Equal("overzicht-2027-2027-03-05.xlsx", antwoord.Content.Headers.ContentDisposition?.FileNameStar ?? antwoord.Content.Headers.ContentDisposition?.FileName);
        using var boek = new XLWorkbook(new MemoryStream(await antwoord.Content.ReadAsByteArrayAsync()));
        Assert.Equal(
            ["geld-per-maand-2027", "geld-per-product-2027", "geld-per-aanbieder-2027", "verzoeken-per-route-2027", "wachttijd-werkvoorraad-2027", "termijntrouw-2027"],
            boek.Worksheets.Select(w => w.Name));
        var maand = boek.Worksheet("geld-per-maand-2027");
        Assert.Equal(["Maand", "Toegewezen (euro)", "Gedeclareerd (euro)", "Betaald (euro)"], Enumerable.Range(1, 4).Select(k => maand.Cell(1, k).GetString()));
        Assert.Equal("mrt 2027", maand.Cell(4, 1).GetString());
        Assert.Equal(c.PerMaand[2].ToegewezenCent / 100m, maand.Cell(4, 2).GetValue<decimal>());
        Assert.Equal("Totaal 2027", maand.Cell(14, 1).GetString());
        Assert.Equal(c.Totaal.ToegewezenCent / 100m, maand.Cell(14, 2).GetValue<decimal>());
        var trouw = boek.Worksheet("termijntrouw-2027");
        var antwoordtermijn = c.Termijntrouw.Single(t => t.Termijn == "HK-315-3");
        var rij = trouw.RowsUsed().Single(r => r.Cell(1).GetString() == "HK-315-3");
        Assert.Equal(antwoordtermijn.OpTijd, rij.Cell(3).GetValue<int>());
        Assert.Equal(antwoordtermijn.Percentage!.Value, rij.Cell(6).GetValue<decimal>());
    }

    [Fact]
    public async Task Csv_export_per_tabel_en_een_onbekende_tabel_is_404()
    {
        using var nop = await Sessie.Ingelogd(fabriek, "nop");
        var csv = await nop.Tekst("/overzicht/export.csv?jaar=2027&tabel=wachttijd-werkvoorraad");

        Assert.StartsWith("Wachttijd;Aantal\r\n0–2 dagen;0\r\n", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await nop.Get("/overzicht/export.csv?jaar=2027&tabel=clienten")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nop.Get("/overzicht/export.pdf?jaar=2027")).StatusCode);
    }

    [Theory]
    [InlineData("nop", HttpStatusCode.OK)]
    [InlineData("nop-beleid", HttpStatusCode.OK)]
    [InlineData("nop-teamleider", HttpStatusCode.OK)]
    [InlineData("nop-privacy", HttpStatusCode.Forbidden)]
    public async Task Pagina_en_export_voor_medewerker_teamleider_en_beleid_niet_voor_privacy(string gebruiker, HttpStatusCode verwacht)
    {
        Demodata.Account(fabriek.Backoffice, "nop-beleid", Demodata.Nop, Medewerkerrol.Beleid);
        Demodata.Account(fabriek.Backoffice, "nop-teamleider", Demodata.Nop, Medewerkerrol.Teamleider);
        Demodata.Account(fabriek.Backoffice, "nop-privacy", Demodata.Nop, Medewerkerrol.Privacy);
        using var s = await Sessie.Ingelogd(fabriek, gebruiker);

        Assert.Equal(verwacht, (await s.Get("/overzicht")).StatusCode);
        Assert.Equal(verwacht, (await s.Get("/overzicht/export.xlsx?jaar=2027")).StatusCode);
        Assert.Equal(verwacht, (await s.Get("/overzicht/export.csv?jaar=2027&tabel=geld-per-maand")).StatusCode);
    }
}
