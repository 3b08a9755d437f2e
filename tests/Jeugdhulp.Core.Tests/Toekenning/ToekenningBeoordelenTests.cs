using Jeugdhulp.Core.Toekenning;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using static Jeugdhulp.Core.Tests.Toewijzing.FlevolandRegels;
using static Jeugdhulp.Core.Tests.Toewijzing.Omgeving;

namespace Jeugdhulp.Core.Tests.Toekenning;

/// <summary>Issuing an own allocation: one test per rule, each failing when the rule is broken.</summary>
public sealed class ToekenningBeoordelenTests
{
    private static readonly Toewijzingsmoment Moment = new(Vandaag, new TimeOnly(14, 5, 9));

    private static Toekenningsopdracht Opdracht(Bsn? client, string product = "45F21", int minuten = 3000, DateOnly? einde = null,
        AgbCode? aanbieder = null, Gemeentecode? gemeente = null, Toegangsroute route = Toegangsroute.LokaleToegang, string? verwijzer = "Wijkteam",
        IReadOnlyList<Bsn>? gezin = null, string? motivering = null) =>
        new(gemeente ?? Almere, client, route, verwijzer, aanbieder ?? Aanbieder, P(product), Ingang, einde ?? Einde, Minuten(minuten), gezin ?? [],
            null, motivering);

    private static Toekenningsbesluit Beslis(Toekenningsopdracht o, params VastgelegdeToewijzing[] lopend) =>
        new ToekenningBeoordelen(Bronnen()).Beoordeel(o, null,
            new Dictionary<Bsn, Clienttoestand> { [o.Client ?? Kind] = Toestand(lopend) }, VolgendNummer, Moment);

    private static void AssertGeblokkeerd(Toekenningsbesluit b, string regelId)
    {
        Assert.True(b.Status == Toekenningsstatus.Geblokkeerd, $"Verwacht geblokkeerd op {regelId}:\n{b.Toelichting}");
        Assert.Equal(regelId, b.Reden!.RegelId);
        Assert.Empty(b.Regels);
    }

    [Fact]
    public void Alles_in_orde_geeft_een_JW301_regel_met_de_opgegeven_toewijzingstijd_en_zonder_reden()
    {
        var b = Beslis(Opdracht(Kind));

        Assert.True(b.Status == Toekenningsstatus.Toegekend, b.Toelichting);
        var r = Assert.Single(b.Regels);
        Assert.Equal((VolgendNummer, Vandaag, new TimeOnly(14, 5, 9)), (r.ToewijzingNummer, r.Toewijzingsdatum, r.Toewijzingstijd));
        Assert.Null(r.RedenWijziging);
        Assert.Null(r.ReferentieAanbieder); // TR379: no request answered
        Assert.Equal(["HK-ROUTE-2", "HK-315-4", "HK-PER-5", "HK-301-4", "HK-301-7", "HK-PRD-6", "HK-PRD-1", "HK-PRD-3", "OP259"], b.RegelIds);
        Assert.Equal(VerwijzerType.Gemeente, b.Herkomst);
    }

    [Fact]
    public void Zonder_contract_blokkeert_HK_301_4() => AssertGeblokkeerd(Beslis(Opdracht(Kind, aanbieder: AndereAanbieder)), "HK-301-4");

    [Fact]
    public void Een_GI_bepaling_toetst_het_contract_onder_HK_301_3_en_wordt_herkomst_04()
    {
        AssertGeblokkeerd(Beslis(Opdracht(Kind, aanbieder: AndereAanbieder, route: Toegangsroute.GecertificeerdeInstelling)), "HK-301-3");
        Assert.Equal(VerwijzerType.GecertificeerdeInstelling, Beslis(Opdracht(Kind, route: Toegangsroute.GecertificeerdeInstelling)).Herkomst);
    }

    [Fact]
    public void Een_GI_bepaling_zonder_de_GI_blokkeert_HK_ROUTE_3() =>
        AssertGeblokkeerd(Beslis(Opdracht(Kind, route: Toegangsroute.GecertificeerdeInstelling, verwijzer: null)), "HK-ROUTE-3");

    [Fact]
    public void Een_perceel_waaraan_de_gemeente_niet_deelneemt_blokkeert_HK_PER_5() =>
        AssertGeblokkeerd(Beslis(Opdracht(Kind, "45F01")), "HK-PER-5"); // Basis Begeleiding: only Noordoostpolder and Urk

    [Fact]
    public void Boven_de_leeftijdsgrens_blokkeert_HK_PRD_6() => AssertGeblokkeerd(Beslis(Opdracht(Achttienjarige)), "HK-PRD-6");

    [Fact]
    public void Een_client_van_een_andere_gemeente_blokkeert_op_het_woonplaatsbeginsel() =>
        AssertGeblokkeerd(Beslis(Opdracht(ZeewoldeKind)), "HK-315-4");

    [Fact]
    public void Hetzelfde_product_lopend_blokkeert_OP259() =>
        AssertGeblokkeerd(Beslis(Opdracht(Kind), Tw(1, Kind, "45F21")), "OP259");

    [Fact]
    public void Diagnostiek_langer_dan_12_maanden_blokkeert_HK_PRD_2() =>
        AssertGeblokkeerd(Beslis(Opdracht(Kind, "45F11", 1800, einde: Ingang.AddMonths(18))), "HK-PRD-2");

    [Fact]
    public void Langer_dan_de_standaardduur_vraagt_een_motivering_HK_PRD_1()
    {
        var b = Beslis(Opdracht(Kind, einde: Ingang.AddMonths(15)));

        Assert.Equal(Toekenningsstatus.MotiveringNodig, b.Status);
        Assert.Equal("HK-PRD-1", b.Reden!.RegelId);
    }

    [Fact]
    public void Boven_de_richtlijnintensiteit_vraagt_een_motivering_die_bij_het_besluit_blijft_HK_PRD_3()
    {
        var kort = Ingang.AddMonths(3).AddDays(-1);
        var zonder = Beslis(Opdracht(Kind, minuten: 11520, einde: kort));
        var met = Beslis(Opdracht(Kind, minuten: 11520, einde: kort, motivering: "Na crisisopname drie maanden intensief"));

        Assert.Equal(Toekenningsstatus.MotiveringNodig, zonder.Status);
        Assert.Equal("HK-PRD-3", zonder.Reden!.RegelId);
        Assert.Empty(zonder.Regels);
        Assert.Equal(Toekenningsstatus.Toegekend, met.Status);
        Assert.Single(met.Regels);
        Assert.Equal("Na crisisopname drie maanden intensief", met.Motivering);
        Assert.Contains("Motivering: Na crisisopname", met.Toelichting, StringComparison.Ordinal);
        Assert.Contains(met.Richtlijnafwijkingen, r => r.RegelId == "HK-PRD-3");
    }

    [Fact]
    public void Een_harde_regel_blokkeert_ook_met_motivering() =>
        AssertGeblokkeerd(Beslis(Opdracht(Kind, aanbieder: AndereAanbieder, motivering: "graag toch")), "HK-301-4");

    [Fact]
    public void Een_gezinsproduct_zet_de_omvang_op_het_jongste_kind_en_een_dummy_op_de_anderen_HK_PRD_4()
    {
        var b = new ToekenningBeoordelen(Bronnen()).Beoordeel(Opdracht(Kind, "45F23", 6000, gezin: [JongsteKind]), null,
            new Dictionary<Bsn, Clienttoestand>(), VolgendNummer, Moment);

        Assert.True(b.Status == Toekenningsstatus.Toegekend, b.Toelichting);
        Assert.Collection(b.Regels,
            r => Assert.Equal((JongsteKind, P("45F23"), 6000, VolgendNummer), (r.Client, r.Product, r.Omvang!.Volume, r.ToewijzingNummer)),
            r => Assert.Equal((Kind, P("45F24"), 1, "84", VolgendNummer + 1), (r.Client, r.Product, r.Omvang!.Volume, r.Omvang.Eenheid, r.ToewijzingNummer)));
    }

    [Fact]
    public void Gezinsleden_buiten_het_huishouden_of_bij_een_ander_product_blokkeren_HK_PRD_4()
    {
        AssertGeblokkeerd(Beslis(Opdracht(Kind, "45F23", gezin: [NopKind])), "HK-PRD-4");
        AssertGeblokkeerd(Beslis(Opdracht(Kind, "45F21", gezin: [JongsteKind])), "HK-PRD-4");
        AssertGeblokkeerd(Beslis(Opdracht(Kind, "45F24")), "HK-PRD-4");
    }

    [Fact]
    public void Een_ouder_kan_een_toewijzing_krijgen_met_een_motivering_HK_PRD_5()
    {
        var zonder = Beslis(Opdracht(Ouder, "45F23"));
        var met = Beslis(Opdracht(Ouder, "45F23", motivering: "Doel: opvoedvaardigheden"));

        Assert.Equal(Toekenningsstatus.MotiveringNodig, zonder.Status);
        Assert.Equal("HK-PRD-5", zonder.Reden!.RegelId);
        Assert.Equal(Toekenningsstatus.Toegekend, met.Status);
    }

    [Fact]
    public void Zonder_BSN_geen_berichtenverkeer_HK_ROUTE_4()
    {
        var b = Beslis(Opdracht(null));

        Assert.Equal(Toekenningsstatus.GeenBerichtenverkeer, b.Status);
        Assert.True(b.MagSchrijven);
        Assert.Empty(b.Regels);
        Assert.Equal(["HK-ROUTE-4"], b.RegelIds);
        Assert.Contains("landelijk protocol", b.Toelichting, StringComparison.Ordinal);
    }
}
