using System.Net;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Termijnen;
using Jeugdhulp.Web.Components;
using Jeugdhulp.Web.Tests.Infrastructuur;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>
/// The Termijnen page on the deadline rows (issue 18): a decision taken in the web app is on the page at the next
/// request (its client marked and recomputed), and rows of an earlier day are shown with a notice while the background
/// service recomputes the new day, then today's.
/// </summary>
public sealed class TermijnrijenTests : IDisposable
{
    private readonly Webfabriek fabriek = new();
    private readonly Gemeentecode nop = Gemeentecode.Parse(Demodata.Nop).Waarde;

    public TermijnrijenTests() => Demodata.Laad(fabriek.Backoffice);

    public void Dispose() => fabriek.Dispose();

    private IReadOnlyList<Verplichting> Berekend => fabriek.Backoffice.Store.LeesOpenVerplichtingen(fabriek.Backoffice.Regels, fabriek.Backoffice.Vandaag, nop);

    [Fact]
    public async Task Een_besluit_staat_bij_de_volgende_vraag_op_de_pagina_en_blijft_de_berekening()
    {
        using var s = await Sessie.Ingelogd(fabriek, "nop");
        var voor = WebUtility.HtmlDecode(await s.Tekst("/termijnen"));
        Assert.Contains("DEMO-0002", voor, StringComparison.Ordinal);
        Assert.Contains($"{Berekend.Count} in totaal", voor, StringComparison.Ordinal);

        var item = Store.Backoffice.Werkvoorraad.LeesWerkvoorraad(fabriek.Backoffice.Store, nop).Single(w => w.Referentie == "DEMO-0002").Id;
        Assert.Equal(HttpStatusCode.Redirect, (await s.Post($"/werkvoorraad/{item}", $"/werkvoorraad/{item}", ("besluit", "toekennen"), ("toelichting", "akkoord"))).StatusCode);

        var na = WebUtility.HtmlDecode(await s.Tekst("/termijnen?regel=" + TermijnenBewaken.Antwoord));
        Assert.DoesNotContain("DEMO-0002", na, StringComparison.Ordinal);
        Assert.Contains($"{Berekend.Count} in totaal", na, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rijen_van_gisteren_tonen_berekend_op_en_de_achtergrond_rekent_vandaag()
    {
        var store = fabriek.Backoffice.Store;
        var vandaag = fabriek.Backoffice.Vandaag;
        // Let the start-up round finish, then put the rows back one day, as after midnight.
        await Wacht(() => store.BerekendVoor(nop) == vandaag);
        store.Ververs(fabriek.Backoffice.Regels, vandaag.AddDays(-1), nop);

        using var s = await Sessie.Ingelogd(fabriek, "nop");
        var html = WebUtility.HtmlDecode(await s.Tekst("/termijnen"));
        Assert.Contains($"Berekend op {Weergave.Datum(vandaag.AddDays(-1))}: de termijnen van vandaag worden nu berekend.", html, StringComparison.Ordinal);

        // The page woke the background service: soon the rows are today's, without a notice.
        await Wacht(() => store.BerekendVoor(nop) == vandaag);
        var daarna = WebUtility.HtmlDecode(await s.Tekst("/termijnen"));
        Assert.DoesNotContain("Berekend op", daarna, StringComparison.Ordinal);
        Assert.Contains($"{Berekend.Count} in totaal", daarna, StringComparison.Ordinal);
    }

    private static async Task Wacht(Func<bool> klaar)
    {
        for (var i = 0; i < 300 && !klaar(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(klaar());
    }
}
