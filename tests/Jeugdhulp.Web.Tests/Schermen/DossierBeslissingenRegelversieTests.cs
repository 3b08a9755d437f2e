using System.Net;
using System.Text.RegularExpressions;
using Jeugdhulp.Core.NoShow;
using Jeugdhulp.Core.Regelversies;
using Jeugdhulp.Core.Toekenning;
using Jeugdhulp.Core.Verblijf;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Schema;
using Jeugdhulp.Ijw.Schrijven;
using Jeugdhulp.Store.Clienten;
using Jeugdhulp.Store.Contracten;
using Jeugdhulp.Store.NoShow;
using Jeugdhulp.Store.Regelversies;
using Jeugdhulp.Store.Toekenning;
using Jeugdhulp.Store.Verblijf;
using Jeugdhulp.Store.Verwerking;
using Jeugdhulp.Web.Components.Pages.Dossier;
using Jeugdhulp.Web.Tests.Infrastructuur;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>
/// The dossier names the rule-set version of every kind of decision (issue 20, item 3), besides the requests that
/// <see cref="DossierRegelversieTests"/> covers: a JW325 judgement, a no-show report, the municipality's own allocation and
/// 24-hour care records (shown in the timeline with a link to their record). A version is published before anything is
/// decided, so each decision took it. One host: every test only reads.
/// </summary>
public sealed class DossierBeslissingenRegelversieTests(DossierBeslissingenRegelversieTests.Host host) : IClassFixture<DossierBeslissingenRegelversieTests.Host>
{
    private const string Client = "100002183";   // DEMO-0001, Noordoostpolder: an approved allocation

    /// <summary>The demo under a published version, then a JW323, a no-show, an own allocation, a crisis placement and a moeder-kindtoeslag of the client.</summary>
    public sealed class Host : IDisposable
    {
        public Host()
        {
            var b = Fabriek.Backoffice;
            var nop = Gemeentecode.Parse(Demodata.Nop).Waarde;
            var client = Bsn.Parse(Client).Waarde;
            var item = Regellagen.Item(b.Basisregels, [], Regelsoort.Product, "45F11", b.Vandaag)!;
            Versie = b.Store.BewaarConcept(b.Basisregels, new Regelversie(0, "product", "", item, new DateOnly(2099, 1, 1), "nop-beleid", DateTimeOffset.MinValue), nop).Waarde.Id;
            b.VervangRegels(b.Store.PubliceerRegelversie(b.Basisregels, Versie, "urk-beleid", nop).Waarde);
            Demodata.Laad(b);

            var t = Assert.Single(b.Store.LeesClientoverzicht(nop, client)!.Toewijzingen);
            var tarief = b.Store.Contracten(nop).Single(c => c.Aanbieder.Waarde == t.Aanbieder && c.Product.Waarde == t.Productcode).TariefCent;
            var prestatie = new Prestatie(new ProductReferentie("P-RV", null), t.Nummer, "45", t.Productcode, new GeslotenPeriode(new(2027, 3, 8), new(2027, 3, 31)),
                60, "01", tarief, new BedragMetDc(60 * tarief, "D"));
            var jw323 = IjwSchrijver.Schrijf(new Declaratiebericht(
                Header.Voor(Berichtsoort.JW323, t.Aanbieder, Demodata.Nop, new BerichtIdentificatie("DEC-RV", new(2027, 4, 2))),
                new Declaratie("D2027RV", new GeslotenPeriode(new(2027, 3, 1), new(2027, 3, 31)), new(2027, 4, 2), new BedragMetDc(60 * tarief, "D"),
                    [new DeclaratieClient(Client, [prestatie])])));
            _ = new BerichtVerwerken(b.Store, b.Regels, b.Vandaag, b.OutboxMap).Verwerk([new Invoer("jw323", jw323)]).ToList();

            var aanbieder = AgbCode.Parse(t.Aanbieder).Waarde;
            Assert.True(b.Store.RegistreerNoShow(new NoShowMelding(aanbieder, client, checked((int)t.Nummer), new DateOnly(2027, 4, 1)), nop, b.Regels, b.Vandaag).IsGeldig);
            var opdracht = new Toekenningsopdracht(nop, client, Toegangsroute.LokaleToegang, "Team Emmeloord", aanbieder, ProductCode.Parse("45F21").Waarde,
                new DateOnly(2027, 4, 12), new DateOnly(2027, 10, 11), new Core.Toewijzing.Omvang(600, "01", "6"), [], Motivering: "Regelversie in het dossier");
            var toekenning = b.Store.Verwerk(b.Regels, [new Toekenningsactie.Toekennen(opdracht, new Clientpersoon("Vries", "de", "J", "1", null))], "nop",
                new Toewijzingsmoment(b.Vandaag, new TimeOnly(10, 0)), b.OutboxMap)[0];
            Assert.True(toekenning.Geschreven, toekenning.Fout?.Melding ?? toekenning.Besluit?.Toelichting);
            var ingang = new DateOnly(2027, 4, 1);
            Assert.True(b.Store.LegPlaatsingVast(b.Regels, new Verblijfplaatsing(Demodata.Nop, "CR-RV", client, ProductCode.Parse("46R01").Waarde,
                Plaatsingsroute.Crisis, ingang, ingang.AddDays(9)) { Beschikking = ingang }, "nop").Geschreven);
            Assert.True(b.Store.LegMoederKindVast(b.Regels, new MoederKindgebruik(Demodata.Nop, "MK-RV", client, t.Aanbieder, "B-77", ingang, ingang.AddDays(9), null), "nop")
                .Geschreven);
        }

        public Webfabriek Fabriek { get; } = new(new DateOnly(2027, 4, 10));

        public long Versie { get; }

        public void Dispose() => Fabriek.Dispose();
    }

    [Theory]
    [InlineData("Declaratie (JW323)", "D2027RV")]
    [InlineData("No-show", "1e no-show dit jaar")]
    [InlineData("Gemeente: toewijzing afgegeven", "Team Emmeloord")]
    [InlineData("24-uurs zorg: plaatsing", "<a href=\"/verblijf/plaatsingen/CR-RV\">CR-RV</a>")]
    [InlineData("24-uurs zorg: moeder-kindtoeslag", "<a href=\"/verblijf/moederkind/MK-RV\">MK-RV</a>")]
    public async Task Elke_soort_besluit_in_de_tijdlijn_toont_zijn_regelversie_met_een_link_naar_die_versie(string gebeurtenis, string kenmerk)
    {
        using var nop = await Sessie.Ingelogd(host.Fabriek, "nop");
        var label = host.Fabriek.Backoffice.Regels.Versie;
        Assert.EndsWith($"+v{host.Versie}", label, StringComparison.Ordinal);

        var html = WebUtility.HtmlDecode(await nop.Tekst("/dossier/" + Sleutel()));

        var rij = Assert.Single(Regex.Matches(html, @"<tr><td>[^<]*</td><td>([^<]*)</td><td>(.*?)</td></tr>", RegexOptions.Singleline),
            m => m.Groups[1].Value == gebeurtenis && m.Groups[2].Value.Contains(kenmerk, StringComparison.Ordinal)).Groups[2].Value;
        Assert.Contains($"regels <a href=\"/regelwijzigingen/{host.Versie}\">{label}</a>", rij, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_verblijfrecord_in_de_tijdlijn_noemt_route_product_en_de_gecontroleerde_regels()
    {
        using var nop = await Sessie.Ingelogd(host.Fabriek, "nop");

        var html = WebUtility.HtmlDecode(await nop.Tekst("/dossier/" + Sleutel()));

        Assert.Contains("route crisis (vrijwillig)", html, StringComparison.Ordinal);
        Assert.Matches(@"CR-RV</a>: [^<]*46R01[^<]*, 01-04-2027", html);
        Assert.Equal(HttpStatusCode.OK, (await nop.Get("/verblijf/plaatsingen/CR-RV")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nop.Get("/verblijf/moederkind/MK-RV")).StatusCode);
    }

    private string Sleutel() =>
        DossierEindpunten.Sleutel(host.Fabriek.Services.GetRequiredService<IDataProtectionProvider>(), Bsn.Parse(Client).Waarde);
}
