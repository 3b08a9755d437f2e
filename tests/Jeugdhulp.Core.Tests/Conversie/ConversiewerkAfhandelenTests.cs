using Jeugdhulp.Core.Conversie;
using Jeugdhulp.Core.Teksten;

namespace Jeugdhulp.Core.Tests.Conversie;

/// <summary>Closing a conversion work item: the choices per kind of work, and a note is required.</summary>
public class ConversiewerkAfhandelenTests
{
    [Fact]
    public void Een_aanbieder_zonder_contract_sluit_met_een_van_de_vier_opties_van_HK_CONV_3()
    {
        Assert.Equal([Afhandeling.Afronden, Afhandeling.Overstap, Afhandeling.Onderaanneming, Afhandeling.Maatwerkovereenkomst],
            ConversiewerkAfhandelen.Keuzes(ConversiewerkAfhandelen.ZonderContract));
        Assert.True(ConversiewerkAfhandelen.Beoordeel(ConversiewerkAfhandelen.ZonderContract, "onderaanneming", "Via aanbieder X.").IsGeldig);
        Assert.Equal("CONV-KEUZE", Assert.Single(ConversiewerkAfhandelen.Beoordeel(ConversiewerkAfhandelen.ZonderContract, "Toegewezen", "x").Fouten).Code);
    }

    [Fact]
    public void Een_lichte_toets_eindigt_in_een_toewijzing_een_herindicatie_of_het_einde_van_de_zorg()
    {
        Assert.Equal([Afhandeling.Toegewezen, Afhandeling.Herindicatie, Afhandeling.Beeindigd], ConversiewerkAfhandelen.Keuzes(ConversiewerkAfhandelen.LichteToets));
        Assert.Equal([Afhandeling.Toegewezen, Afhandeling.Beeindigd], ConversiewerkAfhandelen.Keuzes(ConversiewerkAfhandelen.Herindicatie));
        Assert.False(ConversiewerkAfhandelen.Beoordeel(ConversiewerkAfhandelen.Herindicatie, "Herindicatie", "x").IsGeldig);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Zonder_toelichting_is_het_werk_niet_af(string? toelichting)
    {
        var r = ConversiewerkAfhandelen.Beoordeel(ConversiewerkAfhandelen.LichteToets, "Toegewezen", toelichting);

        Assert.Equal(("CONV-TOELICHTING", "toelichting"), (Assert.Single(r.Fouten).Code, r.Fouten[0].Plaats));
    }

    [Fact]
    public void Een_te_lange_toelichting_en_een_onbekende_keuze_geven_beide_een_fout()
    {
        var r = ConversiewerkAfhandelen.Beoordeel(ConversiewerkAfhandelen.LichteToets, "99", new string('x', ConversiewerkAfhandelen.MaxToelichting + 1));

        Assert.Equal(["CONV-KEUZE", "CONV-TOELICHTING"], r.Fouten.Select(f => f.Code));
    }

    [Fact]
    public void De_toelichting_wordt_zonder_witruimte_eromheen_bewaard()
    {
        var r = ConversiewerkAfhandelen.Beoordeel(ConversiewerkAfhandelen.LichteToets, "toegewezen", "  Toewijzing 700123 afgegeven.  ").Waarde;

        Assert.Equal(new Conversieafhandeling(Afhandeling.Toegewezen, "Toewijzing 700123 afgegeven."), r);
    }

    [Fact]
    public void Elke_afhandeling_heeft_een_eigen_Nederlandse_tekst()
    {
        var teksten = Enum.GetValues<Afhandeling>().Select(Tekst.Afhandeling).ToList();

        Assert.Equal(teksten.Count, teksten.Distinct().Count());
        Assert.All(teksten, t => Assert.False(string.IsNullOrWhiteSpace(t)));
    }
}
