using Jeugdhulp.Core.Toekenning;
using Jeugdhulp.Core.Toewijzing;
using static Jeugdhulp.Core.Tests.Toewijzing.FlevolandRegels;
using static Jeugdhulp.Core.Tests.Toewijzing.Omgeving;

namespace Jeugdhulp.Core.Tests.Toekenning;

/// <summary>Changing, ending early and withdrawing an allocation (HK-301-5, HK-301-6, HK-317-7).</summary>
public sealed class ToekenningWijzigenTests
{
    private static readonly Toewijzingsmoment Moment = new(Vandaag, new TimeOnly(9, 30, 0));

    private static Toekenningsbesluit Wijzig(VastgelegdeToewijzing t, Wijzigingssoort soort, DateOnly? einde = null, Omvang? omvang = null,
        string? reden = null, Procesregie? regie = null) =>
        new ToekenningWijzigen(Bronnen()).Beoordeel(new Wijzigingsopdracht(Almere, t.Nummer, soort, einde, omvang, reden), t, Toestand(t), regie, null, Moment);

    [Theory]
    [InlineData(Wijzigingssoort.Beeindigen, "05")]
    [InlineData(Wijzigingssoort.BeeindigenNaStopbericht, "12")]
    public void Eerder_beeindigen_geeft_een_nieuwe_versie_met_de_juiste_reden_HK_301_5(Wijzigingssoort soort, string reden)
    {
        var b = Wijzig(Tw(7, Kind, "45F21"), soort, new DateOnly(2027, 6, 30));

        Assert.True(b.Status == Toekenningsstatus.Toegekend, b.Toelichting);
        var r = Assert.Single(b.Regels);
        Assert.Equal((7, new DateOnly(2027, 6, 30), reden, Vandaag), (r.ToewijzingNummer, r.Einddatum!.Value, r.RedenWijziging!, r.Toewijzingsdatum));
    }

    [Fact]
    public void Beeindigen_met_een_latere_einddatum_blokkeert_HK_301_5()
    {
        var b = Wijzig(Tw(7, Kind, "45F21"), Wijzigingssoort.Beeindigen, Einde.AddDays(10));

        Assert.Equal(Toekenningsstatus.Geblokkeerd, b.Status);
        Assert.Equal("HK-301-5", b.Reden!.RegelId);
    }

    [Fact]
    public void Verlengen_is_reden_04_en_toetst_dezelfde_regels_als_een_nieuwe_toewijzing()
    {
        var langer = Wijzig(Tw(7, Kind, "45F21", einde: Ingang.AddMonths(6)), Wijzigingssoort.Wijzigen, Ingang.AddMonths(9));
        var teLang = Wijzig(Tw(7, Kind, "45F11", einde: Ingang.AddMonths(6), minuten: 1800), Wijzigingssoort.Wijzigen, Ingang.AddMonths(18));

        Assert.Equal("04", Assert.Single(langer.Regels).RedenWijziging);
        Assert.Contains("HK-301-4", langer.RegelIds);
        Assert.Equal(Toekenningsstatus.Geblokkeerd, teLang.Status);
        Assert.Equal("HK-PRD-2", teLang.Reden!.RegelId);
    }

    [Fact]
    public void Alleen_het_volume_van_een_totaal_mag_wijzigen_IV066()
    {
        var minder = Wijzig(Tw(7, Kind, "45F21"), Wijzigingssoort.Wijzigen, omvang: Minuten(2000));
        var andereEenheid = Wijzig(Tw(7, Kind, "45F21"), Wijzigingssoort.Wijzigen, omvang: new Omvang(40, Omvang.Uur, Omvang.Totaal));

        Assert.Equal("05", Assert.Single(minder.Regels).RedenWijziging);
        Assert.Equal(Toekenningsstatus.Geblokkeerd, andereEenheid.Status);
        Assert.Equal("IV066", andereEenheid.Reden!.RegelId);
    }

    [Theory]
    [InlineData("01", "CS336")]
    [InlineData("13", "HK-301-6")]
    [InlineData("99", "IV099")]
    public void Een_ongeldige_reden_wijziging_blokkeert(string reden, string regelId)
    {
        var b = Wijzig(Tw(7, Kind, "45F21"), Wijzigingssoort.Beeindigen, new DateOnly(2027, 6, 30), reden: reden);

        Assert.Equal(Toekenningsstatus.Geblokkeerd, b.Status);
        Assert.Equal(regelId, b.Reden!.RegelId);
    }

    [Fact]
    public void Een_wijziging_met_procesregie_bij_de_gemeente_zet_een_medisch_traject_op_de_lokale_toegang_HK_317_7()
    {
        var medisch = Tw(7, Kind, "45F21", herkomst: VerwijzerType.Huisarts);

        var metRegie = Wijzig(medisch, Wijzigingssoort.Beeindigen, new DateOnly(2027, 6, 30), regie: new Procesregie(Procesregiehouder.Gemeente, "Team Noord"));
        var zonderRegie = Wijzig(medisch, Wijzigingssoort.Beeindigen, new DateOnly(2027, 6, 30), regie: new Procesregie(Procesregiehouder.MedischeVerwijzer, null));

        Assert.Equal(VerwijzerType.Gemeente, metRegie.Herkomst);
        Assert.Contains("HK-317-7", metRegie.RegelIds);
        Assert.Equal(VerwijzerType.Huisarts, zonderRegie.Herkomst);
    }

    [Fact]
    public void Intrekken_stuurt_de_toewijzing_opnieuw_met_ingangsdatum_is_einddatum_en_reden_13_HK_301_6()
    {
        var b = new ToekenningIntrekken(Bronnen()).Beoordeel(Tw(7, Kind, "45F21"), Toestand(Tw(7, Kind, "45F21")), "Verkeerde aanbieder", Moment);

        var r = Assert.Single(b.Regels);
        Assert.Equal((Ingang, Ingang, "13"), (r.Ingangsdatum, r.Einddatum!.Value, r.RedenWijziging!));
        Assert.Equal("Verkeerde aanbieder", b.Motivering);
    }

    [Fact]
    public void Intrekken_met_goedgekeurde_declaraties_blokkeert_OP362_en_nogmaals_intrekken_HK_301_6()
    {
        var t = Tw(7, Kind, "45F21");
        var gedeclareerd = new Clienttoestand([t], [], [], new Dictionary<int, long> { [7] = 120 });
        var ingetrokken = t with { RedenWijziging = VastgelegdeToewijzing.Verwijderd };

        var metDeclaraties = new ToekenningIntrekken(Bronnen()).Beoordeel(t, gedeclareerd, null, Moment);
        var nogmaals = new ToekenningIntrekken(Bronnen()).Beoordeel(ingetrokken, Toestand(ingetrokken), null, Moment);

        Assert.Equal("OP362", metDeclaraties.Reden!.RegelId);
        Assert.Equal("HK-301-6", nogmaals.Reden!.RegelId);
        Assert.Equal("HK-301-6", Wijzig(ingetrokken, Wijzigingssoort.Wijzigen, Einde.AddDays(-30)).Reden!.RegelId);
    }
}
