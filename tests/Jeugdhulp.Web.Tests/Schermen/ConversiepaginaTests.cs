using System.Net;
using ClosedXML.Excel;
using Jeugdhulp.Core.Conversie;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Audit;
using Jeugdhulp.Store.Conversie;
using Jeugdhulp.Web.Tests.Infrastructuur;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>The conversion page: plan, progress and the work that waits, closed with a confirmation step; only the own municipality's.</summary>
/// <remarks>
/// One host for the class (<see cref="Conversiehost"/>): every test but the one that closes the work item only reads it
/// or is refused; that one closes it on a host of its own, so the others still see it open whatever the order.
/// </remarks>
public sealed class ConversiepaginaTests(Conversiehost host) : IClassFixture<Conversiehost>
{
    private readonly Webfabriek fabriek = host.Fabriek;

    private static Gemeentecode Almere => Gemeentecode.Parse(Conversiedata.Almere).Waarde;

    private static string Item => $"/conversie/{Conversiedata.ZonderContract}";

    [Fact]
    public async Task De_pagina_toont_voortgang_plan_en_open_werk_van_de_eigen_gemeente()
    {
        using var s = await Sessie.Ingelogd(fabriek, "almere");
        var stand = fabriek.Backoffice.Store.Conversiestand(Almere);

        var html = WebUtility.HtmlDecode(await s.Tekst("/conversie"));

        Assert.Contains($"Uitgevoerd: {stand.Uitgevoerd} van {stand.Geimporteerd} geïmporteerde toewijzingen", html, StringComparison.Ordinal);
        Assert.Contains("Route per toewijzing (HK-CONV-2)", html, StringComparison.Ordinal);
        Assert.Contains($"{stand.Open.Count} toewijzingen wachten op een medewerker", html, StringComparison.Ordinal);
        Assert.All(stand.Open, o => Assert.Contains($"href=\"/conversie/{o.Nummer}\"", html, StringComparison.Ordinal));

        // Noordoostpolder's line (500011) and Dronten's (500008) are not Almere's.
        Assert.DoesNotContain("/conversie/500008", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/conversie/500011", html, StringComparison.Ordinal);
        Assert.DoesNotContain("200000287", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_pagina_voorbij_het_einde_toont_de_laatste_pagina_en_niet_een_lege_lijst()
    {
        using var s = await Sessie.Ingelogd(fabriek, "almere");
        var stand = fabriek.Backoffice.Store.Conversiestand(Almere);

        // Steps handled since the link was made, or a bookmark: the open work is still listed.
        var html = WebUtility.HtmlDecode(await s.Tekst("/conversie?pagina=99"));

        Assert.NotEmpty(stand.Open);
        Assert.All(stand.Open, o => Assert.Contains($"href=\"/conversie/{o.Nummer}\"", html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Filteren_op_soort_en_pagineren_tonen_alleen_dat_werk()
    {
        using var s = await Sessie.Ingelogd(fabriek, "almere");

        var html = await s.Tekst("/conversie?werk=HK-CONV-3&status=open");

        Assert.Contains($"href=\"{Item}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/conversie/500003\"", html, StringComparison.Ordinal);
        Assert.Contains("1 toewijzing wacht op een medewerker", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_werkitem_toont_de_bevindingen_in_het_Nederlands_met_regelids()
    {
        using var s = await Sessie.Ingelogd(fabriek, "almere");

        var html = WebUtility.HtmlDecode(await s.Tekst(Item));

        Assert.Contains("Aanbieder 04567890 heeft na de overgang geen regionaal contract voor 45F21", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/regels#HK-CONV-3\"", html, StringComparison.Ordinal);
        Assert.Contains("aanbieder rondt de zorg binnen de termijn af", html, StringComparison.Ordinal);
        Assert.Contains("BSN ******287", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Afhandelen_vraagt_eerst_bevestiging_en_legt_dan_keuze_toelichting_en_audit_vast()
    {
        // Closes the item the other tests read as open: a host of its own.
        using var fabriek = new Webfabriek();
        Conversiedata.Laad(fabriek.Backoffice);
        using var s = await Sessie.Ingelogd(fabriek, "almere");

        var controle = await s.Post(Item, Item, ("stap", "controleren"), ("keuze", "Overstap"), ("toelichting", "Overstap per 1 februari."));
        var bevestig = WebUtility.HtmlDecode(await controle.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, controle.StatusCode);
        Assert.Contains("Controleer en bevestig", bevestig, StringComparison.Ordinal);
        Assert.Null(fabriek.Backoffice.Store.LeesConversiewerkitem(Almere, Conversiedata.ZonderContract)!.Afgehandeld);

        var terug = WebUtility.HtmlDecode(await (await s.Post(Item, Item, ("stap", "terug"), ("keuze", "Overstap"), ("toelichting", "Overstap per 1 februari."))).Content.ReadAsStringAsync());
        Assert.Contains(">Overstap per 1 februari.</textarea>", terug, StringComparison.Ordinal);
        Assert.Null(fabriek.Backoffice.Store.LeesConversiewerkitem(Almere, Conversiedata.ZonderContract)!.Afgehandeld);

        var antwoord = await s.Post(Item, Item, ("stap", "bevestigen"), ("keuze", "Overstap"), ("toelichting", "Overstap per 1 februari."));

        Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
        Assert.Equal(Item, antwoord.Headers.Location!.OriginalString);
        var afgehandeld = fabriek.Backoffice.Store.LeesConversiewerkitem(Almere, Conversiedata.ZonderContract)!.Afgehandeld!;
        Assert.Equal((Afhandeling.Overstap, "almere", "Overstap per 1 februari."), (afgehandeld.Keuze, afgehandeld.Door, afgehandeld.Toelichting));
        var pagina = WebUtility.HtmlDecode(await s.Tekst(Item));
        Assert.Contains("cliënt stapt over naar een gecontracteerde aanbieder", pagina, StringComparison.Ordinal);
        Assert.Contains("Overstap per 1 februari.", pagina, StringComparison.Ordinal);
        Assert.Contains(fabriek.Backoffice.Store.AuditVoorClient(Bsn.Parse("200000287").Waarde),
            a => a.Wie == "almere" && a.Actie == $"conversiewerk {Conversiedata.ZonderContract} afgehandeld: Overstap");
        Assert.Contains($"href=\"{Item}\"", await s.Tekst("/conversie?status=afgehandeld"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Toelichting")]
    [InlineData("Toegewezen", "Toelichting")]
    [InlineData("Overstap", "")]
    public async Task Een_keuze_die_niet_bij_het_werk_hoort_of_een_lege_toelichting_wordt_geweigerd(string keuze, string toelichting)
    {
        using var s = await Sessie.Ingelogd(fabriek, "almere");

        var antwoord = await s.Post(Item, Item, ("stap", "bevestigen"), ("keuze", keuze), ("toelichting", toelichting));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, antwoord.StatusCode);
        Assert.Contains("role=\"alert\"", await antwoord.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(fabriek.Backoffice.Store.LeesConversiewerkitem(Almere, Conversiedata.ZonderContract)!.Afgehandeld);
    }

    [Fact]
    public async Task Zonder_geldig_formuliertoken_wordt_niets_afgehandeld()
    {
        using var s = await Sessie.Ingelogd(fabriek, "almere");

        var antwoord = await s.PostZonderToken(Item, ("stap", "bevestigen"), ("keuze", "Overstap"), ("toelichting", "x"));

        Assert.Equal(HttpStatusCode.BadRequest, antwoord.StatusCode);
        Assert.Null(fabriek.Backoffice.Store.LeesConversiewerkitem(Almere, Conversiedata.ZonderContract)!.Afgehandeld);
    }

    [Fact]
    public async Task Een_andere_gemeente_ziet_het_werkitem_niet_en_kan_het_niet_afhandelen()
    {
        using var s = await Sessie.Ingelogd(fabriek, "urk");

        Assert.Equal(HttpStatusCode.NotFound, (await s.Get(Item)).StatusCode);
        var token = await s.Formuliertoken("/werkvoorraad");
        var antwoord = await s.PostZonderToken(Item, ("stap", "bevestigen"), ("keuze", "Overstap"), ("toelichting", "x"), ("__formulier", token));

        Assert.Equal(HttpStatusCode.NotFound, antwoord.StatusCode);
        Assert.Null(fabriek.Backoffice.Store.LeesConversiewerkitem(Almere, Conversiedata.ZonderContract)!.Afgehandeld);
    }

    [Fact]
    public async Task Het_plan_van_de_eigen_gemeente_is_te_downloaden_als_CSV_en_Excel_zonder_volledig_BSN()
    {
        using var s = await Sessie.Ingelogd(fabriek, "almere");

        var csv = await (await s.Get("/conversie/plan.csv")).Content.ReadAsStringAsync();
        var regels = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ConversieplanCsv.Kop, regels[0].TrimEnd('\r'));
        Assert.Equal(8, regels.Length - 1);
        Assert.DoesNotContain("200000287", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("500008", csv, StringComparison.Ordinal);

        var xlsx = await s.Get("/conversie/plan.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var boek = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        Assert.Equal(9, boek.Worksheet("Plan").LastRowUsed()!.RowNumber());
        Assert.Equal("0034", boek.Worksheet("Totalen").Cell(2, 2).GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await s.Get("/conversie/plan.pdf")).StatusCode);
    }
}
