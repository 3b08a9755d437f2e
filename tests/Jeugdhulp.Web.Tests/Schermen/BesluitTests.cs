using System.Net;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store.Audit;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Web.Api;
using Jeugdhulp.Web.Tests.Infrastructuur;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>Decisions in the werkvoorraad write the same answers as <c>jeugdhulp besluit</c>, audited on the staff member's name.</summary>
/// <remarks>
/// One host for the class (<see cref="Demohost"/>) for the incomplete decisions, which record nothing; a test that
/// decides Noordoostpolder's one item (or reads the writer or the log lines) calls <see cref="EigenHost"/> first, as
/// the others read that item as open.
/// </remarks>
public sealed class BesluitTests(Demohost gedeeld) : IClassFixture<Demohost>, IDisposable
{
    private const string Client = "100003023";
    private readonly Logvanger logs = new();
    private Webfabriek fabriek = gedeeld.Fabriek;
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host = gedeeld.Fabriek;
    private Webfabriek? eigen;

    public void Dispose()
    {
        if (eigen is not null)
        {
            host.Dispose();
            eigen.Dispose();
        }
    }

    /// <summary>From here on this test works on a host of its own with the demo and a log catcher (xunit makes a new instance per test).</summary>
    private void EigenHost()
    {
        eigen = new Webfabriek();
        Demodata.Laad(eigen.Backoffice);
        fabriek = eigen;
        host = eigen.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));
    }

    private static Gemeentecode Nop => Gemeentecode.Parse(Demodata.Nop).Waarde;

    [Fact]
    public async Task Toekennen_schrijft_een_geldige_JW301_en_legt_het_besluit_vast_in_het_auditlog()
    {
        EigenHost();
        using var s = await Ingelogd();
        var id = fabriek.Backoffice.Store.LeesWerkvoorraad(Nop).Single().Id;
        var voor = Directory.GetFiles(fabriek.Backoffice.OutboxMap!).ToHashSet();

        var antwoord = await s.Post($"/werkvoorraad/{id}", $"/werkvoorraad/{id}", ("besluit", "toekennen"), ("toelichting", "Past binnen het plan."));

        Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
        var nieuw = Directory.GetFiles(fabriek.Backoffice.OutboxMap!).Except(voor).ToList();
        var jw301 = Assert.Single(nieuw);
        Assert.Contains("_JW301_", Path.GetFileName(jw301), StringComparison.Ordinal);
        Assert.Empty(XsdValidatie.Fouten(File.ReadAllBytes(jw301)));
        Assert.Empty(fabriek.Backoffice.Store.LeesWerkvoorraad(Nop));
        // The decided item keeps its page: the confirmation once, then who decided what and why.
        Assert.Equal($"/werkvoorraad/{id}/besluit", antwoord.Headers.Location!.OriginalString);
        Assert.Contains("DEMO-0002 is toegekend", await s.Tekst($"/werkvoorraad/{id}/besluit"), StringComparison.Ordinal);
        var besluit = await s.Tekst($"/werkvoorraad/{id}/besluit");
        Assert.DoesNotContain("is toegekend;", besluit, StringComparison.Ordinal);
        Assert.Contains("Past binnen het plan.", besluit, StringComparison.Ordinal);
        Assert.Contains(fabriek.Backoffice.Store.AuditVoorClient(Bsn.Parse(Client).Waarde), r => r.Wie == "nop" && r.Actie == "besluit approved op verzoek DEMO-0002");
    }

    [Fact]
    public async Task Afwijzen_met_reden_schrijft_een_geldige_JW319()
    {
        EigenHost();
        using var s = await Ingelogd();
        var id = fabriek.Backoffice.Store.LeesWerkvoorraad(Nop).Single().Id;
        var voor = Directory.GetFiles(fabriek.Backoffice.OutboxMap!).ToHashSet();

        var antwoord = await s.Post($"/werkvoorraad/{id}", $"/werkvoorraad/{id}", ("besluit", "afwijzen"), ("reden", "7"));

        Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
        var jw319 = Assert.Single(Directory.GetFiles(fabriek.Backoffice.OutboxMap!).Except(voor));
        Assert.Contains("_JW319_", Path.GetFileName(jw319), StringComparison.Ordinal);
        Assert.Empty(XsdValidatie.Fouten(File.ReadAllBytes(jw319)));
        Assert.Contains(fabriek.Backoffice.Store.AuditVoorClient(Bsn.Parse(Client).Waarde), r => r.Wie == "nop" && r.Actie == "besluit rejected op verzoek DEMO-0002");
    }

    [Fact]
    public async Task Besluit_van_de_pagina_gaat_door_de_ene_schrijver()
    {
        EigenHost();
        using var s = await Ingelogd();
        var id = fabriek.Backoffice.Store.LeesWerkvoorraad(Nop).Single().Id;
        var rij = host.Services.GetRequiredService<Verwerkingsrij>();
        using var poort = new ManualResetEventSlim();

        // Hold the writer: a decision that goes through it waits in its queue and decides nothing meanwhile.
        var bezet = rij.Exclusief(() => poort.Wait(TimeSpan.FromSeconds(30)), CancellationToken.None);
        var post = s.Post($"/werkvoorraad/{id}", $"/werkvoorraad/{id}", ("besluit", "toekennen"));
        var tot = DateTime.UtcNow.AddSeconds(30);
        while (rij.Wachtend == 0 && !post.IsCompleted && DateTime.UtcNow < tot)
        {
            await Task.Delay(10);
        }

        Assert.False(post.IsCompleted);
        Assert.Equal(1, rij.Wachtend);
        Assert.Single(fabriek.Backoffice.Store.LeesWerkvoorraad(Nop));

        poort.Set();
        Assert.True(await bezet);
        Assert.Equal(HttpStatusCode.Redirect, (await post).StatusCode);
        Assert.Empty(fabriek.Backoffice.Store.LeesWerkvoorraad(Nop));
    }

    [Theory]
    [InlineData("afwijzen", "", "Kies een reden van afwijzing.")]
    [InlineData("afwijzen", "12", "Kies een reden van afwijzing.")]
    [InlineData("", "", "Kies toekennen of afwijzen.")]
    public async Task Onvolledig_besluit_wordt_uitgelegd_en_niet_genomen(string besluit, string reden, string melding)
    {
        using var s = await Ingelogd();
        var id = fabriek.Backoffice.Store.LeesWerkvoorraad(Nop).Single().Id;
        var antwoord = await s.Post($"/werkvoorraad/{id}", $"/werkvoorraad/{id}", ("besluit", besluit), ("reden", reden));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, antwoord.StatusCode);
        Assert.Contains(melding, await antwoord.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(fabriek.Backoffice.Store.LeesWerkvoorraad(Nop));
    }

    [Fact]
    public async Task Al_genomen_besluit_kan_niet_nog_eens()
    {
        EigenHost();
        using var s = await Ingelogd();
        var id = fabriek.Backoffice.Store.LeesWerkvoorraad(Nop).Single().Id;
        Assert.Equal(HttpStatusCode.Redirect, (await s.Post($"/werkvoorraad/{id}", $"/werkvoorraad/{id}", ("besluit", "toekennen"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Post($"/werkvoorraad/{id}", "/werkvoorraad", ("besluit", "toekennen"))).StatusCode);
    }

    [Fact]
    public async Task Geen_BSN_in_de_logregels_bij_inloggen_bekijken_en_besluiten()
    {
        EigenHost();
        using var s = await Ingelogd();
        var id = fabriek.Backoffice.Store.LeesWerkvoorraad(Nop).Single().Id;
        var lijst = await s.Tekst("/clienten");
        foreach (var d in Sessie.Links(lijst, "/dossier/"))
        {
            await s.Tekst(d);
        }

        await s.Post("/clienten", "/clienten", ("bsn", Client));
        await s.Post($"/werkvoorraad/{id}", $"/werkvoorraad/{id}", ("besluit", "toekennen"));

        Assert.NotEmpty(logs.Regels);
        var bsns = File.ReadLines(Path.Combine(Paden.RepoRoot, "demo", "inwoners.csv")).Skip(1).Select(r => r.Split(',')[0]).ToList();
        foreach (var regel in logs.Regels)
        {
            Assert.DoesNotContain(bsns, regel.Contains);
        }
    }

    private async Task<Sessie> Ingelogd()
    {
        var s = Sessie.Anoniem(host);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Post("/inloggen", "/inloggen", ("gebruiker", "nop"), ("wachtwoord", Demodata.Wachtwoord))).StatusCode);
        return s;
    }
}
