using System.Net;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store.Audit;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Web.Tests.Infrastructuur;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>
/// The staff decisions of issue 18 point 3 over HTTP: the confirmation step, approving and refusing a whole
/// JW317, "aanvraag in onderzoek", the decided item's page and the no-show decision. Every answer written
/// validates against the official XSDs.
/// </summary>
/// <remarks>
/// One host for the class (<see cref="Demohost"/>) for the tests that only read DEMO-0002 and record nothing; a test
/// that decides an item, adds a JW317 or no-shows to DEMO-0001's allocation calls <see cref="EigenHost"/> first, as
/// the others count Noordoostpolder's queue and the outbox.
/// </remarks>
public sealed class BesluitenTests(Demohost gedeeld) : IClassFixture<Demohost>, IDisposable
{
    private Webfabriek fabriek = gedeeld.Fabriek;
    private Webfabriek? eigen;

    public void Dispose() => eigen?.Dispose();

    /// <summary>From here on this test works on a host of its own with the demo (xunit makes a new instance per test).</summary>
    private void EigenHost()
    {
        eigen = new Webfabriek();
        Demodata.Laad(eigen.Backoffice);
        fabriek = eigen;
    }

    private static Gemeentecode Nop => Gemeentecode.Parse(Demodata.Nop).Waarde;

    private long Demo0002 => fabriek.Backoffice.Store.LeesWerkvoorraad(Nop).Single(w => w.Referentie == "DEMO-0002").Id;

    private List<string> Nieuw(HashSet<string> voor) => [.. Directory.GetFiles(fabriek.Backoffice.OutboxMap!).Except(voor)];

    private HashSet<string> Outbox() => [.. Directory.GetFiles(fabriek.Backoffice.OutboxMap!)];

    [Fact]
    public async Task Bevestigen_toont_het_besluit_en_de_toelichting_en_legt_nog_niets_vast()
    {
        using var s = await Sessie.Ingelogd(fabriek, "nop");
        var voor = Outbox();

        var antwoord = await s.Post($"/werkvoorraad/{Demo0002}/bevestigen", $"/werkvoorraad/{Demo0002}", ("besluit", "afwijzen"), ("reden", "7"), ("toelichting", "Zorginhoudelijk niet passend."));

        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        var html = await antwoord.Content.ReadAsStringAsync();
        Assert.Contains("Besluit bevestigen", html, StringComparison.Ordinal);
        Assert.Contains("Zorginhoudelijk niet passend.", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/werkvoorraad/{Demo0002}\"", html, StringComparison.Ordinal);
        Assert.Empty(Nieuw(voor));
        Assert.Single(fabriek.Backoffice.Store.LeesWerkvoorraad(Nop));
    }

    [Fact]
    public async Task Onvolledig_besluit_wordt_bij_bevestigen_al_uitgelegd()
    {
        using var s = await Sessie.Ingelogd(fabriek, "nop");
        var antwoord = await s.Post($"/werkvoorraad/{Demo0002}/bevestigen", $"/werkvoorraad/{Demo0002}", ("besluit", "afwijzen"), ("reden", ""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, antwoord.StatusCode);
        Assert.Contains("Kies een reden van afwijzing.", await antwoord.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Besloten_verzoek_toont_wie_wat_wanneer_en_waarom_met_het_verstuurde_antwoord()
    {
        EigenHost();
        using var s = await Sessie.Ingelogd(fabriek, "nop");
        var id = Demo0002;
        var antwoord = await s.Post($"/werkvoorraad/{id}", $"/werkvoorraad/{id}", ("besluit", "afwijzen"), ("reden", "7"), ("toelichting", "Zorginhoudelijk niet passend."));
        Assert.Equal($"/werkvoorraad/{id}/besluit", antwoord.Headers.Location!.OriginalString);

        var html = await s.Tekst($"/werkvoorraad/{id}/besluit");
        Assert.Contains("is afgewezen", html, StringComparison.Ordinal);
        Assert.Contains("<dd>nop</dd>", html, StringComparison.Ordinal);
        Assert.Contains("Zorginhoudelijk niet passend.", html, StringComparison.Ordinal);
        Assert.Contains("7 – Zorginhoudelijke afkeur", html, StringComparison.Ordinal);
        Assert.Contains("_JW319_", html, StringComparison.Ordinal);
        Assert.Contains("&lt;VerzoekAntwoord&gt;1&lt;/VerzoekAntwoord&gt;", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/regels#", html, StringComparison.Ordinal);
        Assert.Contains(fabriek.Backoffice.Store.AuditVoorClient(Bsn.Parse("100003023").Waarde), r => r.Wie == "nop" && r.Actie == "besluit op verzoek DEMO-0002 bekeken");

        // Another municipality's staff does not find it.
        using var urk = await Sessie.Ingelogd(fabriek, "urk");
        Assert.Equal(HttpStatusCode.NotFound, (await urk.Get($"/werkvoorraad/{id}/besluit")).StatusCode);
    }

    [Fact]
    public async Task JW317_in_beoordeling_toont_oud_naast_gevraagd_en_wordt_als_geheel_toegekend_met_een_geldige_JW301()
    {
        EigenHost();
        var id = Besluitdata.Jw317(fabriek.Backoffice, "VOW-A", 2400);
        using var s = await Sessie.Ingelogd(fabriek, "nop");

        var item = await s.Tekst($"/werkvoorraad/{id}");
        Assert.Contains("Wat het verzoek om wijziging vraagt", item, StringComparison.Ordinal);
        Assert.Contains("1.800 minuten", item, StringComparison.Ordinal);
        Assert.Contains("2.400 minuten", item, StringComparison.Ordinal);
        Assert.Contains("De toewijzing (JW301) bij toekennen", item, StringComparison.Ordinal);
        Assert.Contains("04 herbeoordeling: verlenging", item, StringComparison.Ordinal); // the code with its meaning
        Assert.Contains("Het hele verzoek toekennen", item, StringComparison.Ordinal); // Razor encodes the é

        var voor = Outbox();
        var antwoord = await s.Post($"/werkvoorraad/{id}", $"/werkvoorraad/{id}", ("besluit", "toekennen"), ("toelichting", "Meer minuten nodig volgens het zorgplan."));
        Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
        var jw301 = Assert.Single(Nieuw(voor));
        Assert.Contains("_JW301_", Path.GetFileName(jw301), StringComparison.Ordinal);
        Assert.Empty(XsdValidatie.Fouten(File.ReadAllBytes(jw301)));
        Assert.Contains("<Volume>2400</Volume>", File.ReadAllText(jw301).Replace("ijw:", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(fabriek.Backoffice.Store.LeesWerkvoorraad(Nop), w => w.Id == id);

        var besluit = await s.Tekst($"/werkvoorraad/{id}/besluit");
        Assert.Contains("HK-301-2", besluit, StringComparison.Ordinal);
        Assert.Contains("Meer minuten nodig volgens het zorgplan.", besluit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JW317_afwijzen_blijft_werken_en_schrijft_een_geldige_JW319()
    {
        EigenHost();
        var id = Besluitdata.Jw317(fabriek.Backoffice, "VOW-B", 2400);
        using var s = await Sessie.Ingelogd(fabriek, "nop");
        var voor = Outbox();

        var antwoord = await s.Post($"/werkvoorraad/{id}", $"/werkvoorraad/{id}", ("besluit", "afwijzen"), ("reden", "4"));

        Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
        var jw319 = Assert.Single(Nieuw(voor));
        Assert.Contains("_JW319_", Path.GetFileName(jw319), StringComparison.Ordinal);
        Assert.Empty(XsdValidatie.Fouten(File.ReadAllBytes(jw319)));
    }

    [Fact]
    public async Task In_onderzoek_stuurt_een_geldige_JW319_met_VerzoekAntwoord_2_en_het_verzoek_blijft_open_met_de_nieuwe_termijn()
    {
        EigenHost();
        using var s = await Sessie.Ingelogd(fabriek, "nop");
        var id = Demo0002;
        var pagina = await s.Tekst($"/werkvoorraad/{id}/onderzoek");
        Assert.Contains("Nieuwe termijn na verzenden", pagina, StringComparison.Ordinal);
        var voor = Outbox();

        var antwoord = await s.Post($"/werkvoorraad/{id}/onderzoek", $"/werkvoorraad/{id}/onderzoek", ("toelichting", "Wacht op advies van de jeugdarts."));

        Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
        var jw319 = Assert.Single(Nieuw(voor));
        var xml = File.ReadAllText(jw319);
        Assert.Empty(XsdValidatie.Fouten(File.ReadAllBytes(jw319)));
        Assert.Contains("<VerzoekAntwoord>2</VerzoekAntwoord>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("RedenAfwijzingVerzoek", xml, StringComparison.Ordinal);
        Assert.Single(fabriek.Backoffice.Store.LeesWerkvoorraad(Nop));
        var onderzoek = fabriek.Backoffice.Store.LeesOnderzoek(Nop, id);
        Assert.NotNull(onderzoek);
        Assert.Equal(("nop", "Wacht op advies van de jeugdarts."), (onderzoek.Door, onderzoek.Notitie));

        var item = await s.Tekst($"/werkvoorraad/{id}");
        Assert.Contains("aanvraag in onderzoek", item, StringComparison.Ordinal);
        Assert.Contains(Weergave(onderzoek.Tot), item, StringComparison.Ordinal);

        // TR360: only once. The final answer still goes out afterwards.
        var tweede = await s.Post($"/werkvoorraad/{id}/onderzoek", $"/werkvoorraad/{id}", ("toelichting", ""));
        Assert.Equal(HttpStatusCode.Conflict, tweede.StatusCode);
        Assert.Contains("TR360", await tweede.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Post($"/werkvoorraad/{id}", $"/werkvoorraad/{id}", ("besluit", "toekennen"))).StatusCode);
        Assert.Equal(2, Nieuw(voor).Count);
    }

    [Fact]
    public async Task Derde_no_show_beeindigen_schrijft_een_geldige_JW301_met_de_nieuwe_einddatum()
    {
        EigenHost();
        var id = Besluitdata.DerdeNoShow(fabriek.Backoffice);
        using var s = await Sessie.Ingelogd(fabriek, "nop");
        Assert.Contains($"href=\"/noshows/{id}\"", await s.Tekst("/noshows"), StringComparison.Ordinal);

        var bevestig = await s.Post($"/noshows/{id}/bevestigen", $"/noshows/{id}", ("besluit", "beeindigen"), ("einddatum", "2027-03-31"));
        Assert.Equal(HttpStatusCode.OK, bevestig.StatusCode);
        Assert.Contains("per 31-03-2027", await bevestig.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var voor = Outbox();

        var antwoord = await s.Post($"/noshows/{id}", $"/noshows/{id}", ("besluit", "beeindigen"), ("einddatum", "2027-03-31"));

        Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
        var jw301 = Assert.Single(Nieuw(voor));
        Assert.Empty(XsdValidatie.Fouten(File.ReadAllBytes(jw301)));
        Assert.Contains("2027-03-31", File.ReadAllText(jw301), StringComparison.Ordinal);
        Assert.Contains("per 31-03-2027", await s.Tekst("/noshows"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Get($"/noshows/{id}")).StatusCode);
    }

    [Fact]
    public async Task No_show_besluit_zonder_keuze_wordt_uitgelegd()
    {
        EigenHost();
        var id = Besluitdata.DerdeNoShow(fabriek.Backoffice);
        using var s = await Sessie.Ingelogd(fabriek, "nop");
        var antwoord = await s.Post($"/noshows/{id}/bevestigen", $"/noshows/{id}", ("besluit", "beeindigen"), ("einddatum", ""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, antwoord.StatusCode);
        Assert.Contains("Geef de einddatum", await antwoord.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Weergave(DateOnly d) => d.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
