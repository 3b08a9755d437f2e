using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Tests.Verwerking;

/// <summary>
/// A decision as reported by the pipeline renders its explanation when first read, not when it is reported: the pipeline
/// stores no explanation (migration 0037), and a report that is only counted should not pay for the text.
/// </summary>
public sealed class BeslissingTests
{
    [Fact]
    public void De_toelichting_van_een_net_genomen_besluit_wordt_pas_bij_het_lezen_gemaakt_en_eenmaal()
    {
        var gemaakt = 0;
        var b = new Beslissing("R1", Uitkomsten.Approved, null, ["HK-315-4"], () => $"Toegekend {++gemaakt}.", []);
        Assert.Equal(0, gemaakt);
        Assert.Equal("Toegekend 1.", b.Toelichting);
        Assert.Equal("Toegekend 1.", b.Toelichting);
        Assert.Equal(1, gemaakt);
    }

    [Fact]
    public void Een_besluit_met_een_later_gemaakte_toelichting_is_gelijk_aan_hetzelfde_besluit_met_de_tekst()
    {
        string[] regels = ["HK-315-4"];
        string[] beoordeling = [];
        var later = new Beslissing("R1", Uitkomsten.Review, null, regels, () => "Ter beoordeling.", beoordeling);
        var tekst = new Beslissing("R1", Uitkomsten.Review, null, regels, "Ter beoordeling.", beoordeling);
        Assert.Equal(tekst, later);
        Assert.Equal(tekst.GetHashCode(), later.GetHashCode());
        Assert.NotEqual(tekst, later with { Toelichting = "Anders." });
        Assert.Equal("Anders.", (later with { Toelichting = "Anders." }).Toelichting);
    }
}
