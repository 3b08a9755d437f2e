using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Web.Components.Pages.Overzicht;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>The overzicht's figures from the store's aggregates: euros, routes and queue age, computed by hand.</summary>
public sealed class OverzichtcijfersTests
{
    private const string Aanbieder = "01234567";
    private static readonly DateOnly Vandaag = new(2027, 4, 10);

    private static readonly Lazy<Regelcatalogus> Regels = new(() =>
    {
        var map = Path.Combine(Paden.RepoRoot, "rules", "flevoland");
        return RegelLader.Laad(Directory.GetFiles(map, "*.json").Order(StringComparer.Ordinal)
            .Select(f => new RegelBestand(Path.GetFileName(f), File.ReadAllText(f)))).Waarde;
    });

    private static readonly Contract[] Contracten =
    [
        new(Gemeentecode.Parse("0171").Waarde, AgbCode.Parse(Aanbieder).Waarde, ProductCode.Parse("45F21").Waarde, Periode.Vanaf(new DateOnly(2027, 1, 1)), 150),
    ];

    private static Overzichtcijfers Bereken(Overzichtsdata data) => Overzichtcijfers.Bereken(data, 2027, Contracten, Regels.Value, Vandaag);

    private static Overzichtsdata Data(
        IReadOnlyList<Toewijzingsgroep>? toewijzingen = null, IReadOnlyList<Declaratiegroep>? declaraties = null,
        IReadOnlyList<Routegroep>? routes = null, IReadOnlyList<(DateOnly, int)>? wachtrij = null) =>
        new(toewijzingen ?? [], declaraties ?? [], routes ?? [], wachtrij ?? [], []);

    [Fact]
    public void Toegewezen_is_volume_in_de_producteenheid_maal_contracttarief_naar_dagen_verdeeld()
    {
        // 10 hours in January of 45F21 (priced per minute, 150 cent): 600 × 150 = 90,000 cent.
        // A budget of 59,000 cent over January and February (31 + 28 days): 31,000 and 28,000.
        var c = Bereken(Data(toewijzingen:
        [
            new Toewijzingsgroep(Aanbieder, "45F21", new(2027, 1, 1), new(2027, 1, 31), "04", "6", 10, 0, 1),
            new Toewijzingsgroep(Aanbieder, "45F22", new(2027, 1, 1), new(2027, 2, 28), null, null, 0, 59_000, 1),
        ]));

        Assert.Equal(121_000, c.PerMaand[0].ToegewezenCent);
        Assert.Equal(28_000, c.PerMaand[1].ToegewezenCent);
        Assert.Equal(149_000, c.Totaal.ToegewezenCent);
        Assert.Equal([("45F21", 90_000L), ("45F22", 59_000L)], c.PerProduct.Select(r => (r.Sleutel, r.ToegewezenCent)));
        Assert.Equal(Aanbieder, Assert.Single(c.PerAanbieder).Sleutel);
    }

    [Fact]
    public void Per_week_wordt_naar_dagen_verdeeld_en_een_totaal_zonder_einde_telt_niet_mee()
    {
        // 70 minutes a week over the 28 days of February: 4 weeks × 70 = 280 minutes × 150 = 42,000 cent.
        var c = Bereken(Data(toewijzingen:
        [
            new Toewijzingsgroep(Aanbieder, "45F21", new(2027, 2, 1), new(2027, 2, 28), "01", "2", 70, 0, 1),
            new Toewijzingsgroep(Aanbieder, "45F21", new(2027, 2, 1), null, "01", "6", 1000, 0, 3),
        ]));

        Assert.Equal(42_000, c.PerMaand[1].ToegewezenCent);
        Assert.Equal(42_000, c.Totaal.ToegewezenCent);
        Assert.Equal(3, c.NietTeVerdelen);
    }

    [Fact]
    public void Gedeclareerd_en_betaald_in_de_maand_waarin_de_periode_begint()
    {
        var c = Bereken(Data(declaraties:
        [
            new Declaratiegroep(Aanbieder, "45F21", new(2027, 2, 1), 4_000, 3_000),
            new Declaratiegroep(Aanbieder, "45F21", new(2027, 2, 15), 1_000, 1_000),
            new Declaratiegroep(Aanbieder, "45F22", new(2027, 12, 1), -500, -500),
        ]));

        Assert.Equal((5_000L, 4_000L), (c.PerMaand[1].GedeclareerdCent, c.PerMaand[1].BetaaldCent));
        Assert.Equal((-500L, -500L), (c.PerMaand[11].GedeclareerdCent, c.PerMaand[11].BetaaldCent));
        Assert.Equal((4_500L, 3_500L), (c.Totaal.GedeclareerdCent, c.Totaal.BetaaldCent));
        Assert.Equal("feb 2027", c.PerMaand[1].Naam);
    }

    [Fact]
    public void Routes_krijgen_een_naam_en_uitkomsten_een_kolom()
    {
        var c = Bereken(Data(routes:
        [
            new Routegroep("JW315-2", "approved", 3), new Routegroep("JW315-5", "rejected", 1), new Routegroep("JW315-4", "review", 2),
            new Routegroep("JW315-", "onderzoek", 1), new Routegroep("JW317", "approved", 1), new Routegroep("lokaal", "Toegekend", 4),
        ]));

        Assert.Equal(["toegekend", "afgewezen", "in beoordeling", "in onderzoek"], c.Uitkomsten);
        var medisch = c.Routes.Single(r => r.Route == "JW315 medische route");
        Assert.Equal((3, 1, 4), (medisch.PerUitkomst["toegekend"], medisch.PerUitkomst["afgewezen"], medisch.Totaal));
        Assert.Equal(2, c.Routes.Single(r => r.Route == "JW315 GI of justitie").PerUitkomst["in beoordeling"]);
        Assert.Equal(1, c.Routes.Single(r => r.Route == "JW315 verwijzer onbekend").PerUitkomst["in onderzoek"]);
        Assert.Equal(4, c.Routes.Single(r => r.Route == "Lokale toegang (gemeente wijst toe)").PerUitkomst["toegekend"]);
    }

    [Fact]
    public void Wachttijd_in_vakken_met_oudste_en_mediaan()
    {
        // Waiting 99, 68, 9 and 1 days on 10 April.
        var c = Bereken(Data(wachtrij: [(new(2027, 1, 1), 1), (new(2027, 2, 1), 1), (new(2027, 4, 1), 1), (new(2027, 4, 9), 1)]));

        Assert.Equal([1, 0, 1, 0, 2], c.Wachtrij.Select(v => v.Aantal));
        Assert.Equal((4, 99, 38.5), (c.Wachtend, c.Oudste!.Value, c.Mediaan!.Value));
        Assert.Equal(2, Bereken(Data(wachtrij: [(new(2027, 4, 8), 3)])).Mediaan);
        Assert.Null(Bereken(Data()).Mediaan);
    }
}
