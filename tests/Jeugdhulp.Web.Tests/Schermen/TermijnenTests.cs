using System.Net;
using System.Text;
using ClosedXML.Excel;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Audit;
using Jeugdhulp.Store.Termijnen;
using Jeugdhulp.Web.Tests.Infrastructuur;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>
/// The Termijnen page and the list exports through the host: filters, split, counts, files with the page's filters, audit.
/// One host for the class (<see cref="Demohost"/>): every test only reads (an export adds an audit row, which no test counts).
/// </summary>
public sealed class TermijnenTests(Demohost demo) : IClassFixture<Demohost>
{
    private const string UrkClient = "100003072";
    private readonly Webfabriek fabriek = demo.Fabriek;

    private IReadOnlyList<Verplichting> Urk => fabriek.Backoffice.Store.LeesOpenVerplichtingen(fabriek.Backoffice.Regels, fabriek.Backoffice.Vandaag, Gemeentecode.Parse(Demodata.Urk).Waarde);

    [Fact]
    public async Task De_pagina_toont_elke_open_termijn_van_de_gemeente_met_de_verdeling_en_de_tellingen_per_soort()
    {
        using var urk = await Sessie.Ingelogd(fabriek, "urk");
        var html = await urk.Tekst("/termijnen");
        var open = Urk;
        Assert.NotEmpty(open);
        Assert.Contains($"{open.Count} in totaal", html, StringComparison.Ordinal);
        foreach (var v in open.Where(v => v.Referentie.Length > 0))
        {
            Assert.Contains(v.Referentie, html, StringComparison.Ordinal);
        }

        foreach (var (sleutel, naam, vak) in Web.Components.Pages.Termijnen.Termijnenvraag.Vakken)
        {
            Assert.Contains($"<span class=\"aantal\">{open.Count(v => v.Vak(fabriek.Backoffice.Vandaag) == vak)}</span> {naam}", html, StringComparison.Ordinal);
            Assert.Contains($"href=\"/termijnen?vak={sleutel}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("DEMO-0003", html, StringComparison.Ordinal);
        Assert.DoesNotContain("DEMO-0002", html, StringComparison.Ordinal);
        Assert.DoesNotContain(UrkClient, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filteren_op_soort_en_moment_laat_alleen_die_termijnen_zien()
    {
        using var urk = await Sessie.Ingelogd(fabriek, "urk");
        var vandaag = fabriek.Backoffice.Vandaag;
        var regel = Urk.GroupBy(v => v.Regel).OrderByDescending(g => g.Count()).First();
        var html = await urk.Tekst($"/termijnen?regel={regel.Key}");
        Assert.Contains($"{regel.Count()} met deze filters", html, StringComparison.Ordinal);

        var vak = Urk[0].Vak(vandaag);
        var sleutel = Web.Components.Pages.Termijnen.Termijnenvraag.Vakken.Single(x => x.Vak == vak).Sleutel;
        html = await urk.Tekst($"/termijnen?vak={sleutel}");
        Assert.Contains($"{Urk.Count(v => v.Vak(vandaag) == vak)} met deze filters", html, StringComparison.Ordinal);

        html = await urk.Tekst("/termijnen?zoek=bestaat-niet");
        Assert.Contains("Geen open verplichtingen met deze filters.", html, StringComparison.Ordinal);
        Assert.Contains("0 met deze filters", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_csv_heeft_nederlandse_koppen_de_filters_van_de_pagina_geen_bsn_en_staat_in_het_auditlog()
    {
        using var urk = await Sessie.Ingelogd(fabriek, "urk");
        var antwoord = await urk.Get("/termijnen/export.csv");
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        Assert.Equal("text/csv", antwoord.Content.Headers.ContentType!.MediaType);
        Assert.Contains("termijnen-", antwoord.Content.Headers.ContentDisposition!.FileName, StringComparison.Ordinal);
        var bytes = await antwoord.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var regels = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Uiterlijk;Stand;Dagen over;Wie moet iets doen;Wat;Referentie of toewijzing;Product;Cliënt (gemaskeerd);Regel;Soort", regels[0], StringComparison.Ordinal);
        Assert.Equal(Urk.Count, regels.Length - 1);
        Assert.DoesNotContain(UrkClient, string.Join("\n", regels), StringComparison.Ordinal);
        Assert.Contains(regels, r => r.Contains(";******072;", StringComparison.Ordinal));

        var gefilterd = Encoding.UTF8.GetString(await urk.Client.GetByteArrayAsync(new Uri("/termijnen/export.csv?zoek=bestaat-niet", UriKind.Relative)));
        Assert.Single(gefilterd.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));

        var audit = fabriek.Backoffice.Store.AuditVoorClient(Bsn.Parse(UrkClient).Waarde);
        Assert.Contains(audit, a => a.Wie == "urk" && a.Actie.StartsWith("export termijnen (csv", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/termijnen", "Uiterlijk")]
    [InlineData("/werkvoorraad", "Ontvangen")]
    [InlineData("/declaraties", "Ontvangen")]
    [InlineData("/clienten", "Achternaam")]
    public async Task Elke_lijst_is_als_excel_te_openen_met_nederlandse_koppen(string lijst, string eersteKop)
    {
        using var urk = await Sessie.Ingelogd(fabriek, "urk");
        Assert.Contains($"href=\"{lijst}/export.xlsx\"", await urk.Tekst(lijst), StringComparison.Ordinal);
        var antwoord = await urk.Get(lijst + "/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        using var boek = new XLWorkbook(new MemoryStream(await antwoord.Content.ReadAsByteArrayAsync()));
        var blad = boek.Worksheets.Single();
        Assert.Equal(eersteKop, blad.Cell(1, 1).GetString());
        Assert.DoesNotContain(blad.CellsUsed(), c => c.GetString().Contains(UrkClient, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Een_onbekend_formaat_bestaat_niet_en_zonder_inloggen_geen_bestand()
    {
        using var urk = await Sessie.Ingelogd(fabriek, "urk");
        Assert.Equal(HttpStatusCode.NotFound, (await urk.Get("/termijnen/export.pdf")).StatusCode);
        using var anoniem = Sessie.Anoniem(fabriek);
        Assert.NotEqual(HttpStatusCode.OK, (await anoniem.Get("/termijnen/export.csv")).StatusCode);
    }

    [Fact]
    public async Task Een_gemeente_exporteert_alleen_haar_eigen_werkvoorraad()
    {
        using var nop = await Sessie.Ingelogd(fabriek, "nop");
        var csv = Encoding.UTF8.GetString(await nop.Client.GetByteArrayAsync(new Uri("/werkvoorraad/export.csv", UriKind.Relative)));
        Assert.Contains("DEMO-0002", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("DEMO-0003", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("DEMO-0009", csv, StringComparison.Ordinal);
    }
}
