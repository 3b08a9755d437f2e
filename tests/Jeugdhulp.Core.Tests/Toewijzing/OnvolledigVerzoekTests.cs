using Jeugdhulp.Core.Toewijzing;

namespace Jeugdhulp.Core.Tests.Toewijzing;

public class OnvolledigVerzoekTests
{
    [Fact]
    public void Een_productverzoek_zonder_bekende_productcode_wordt_afgewezen_op_HK_315_5_met_reden_4()
    {
        var besluit = OnvolledigVerzoek.ZonderProduct("REF-1");

        Assert.Equal("REF-1", besluit.ReferentieAanbieder);
        Assert.Equal(Uitkomst.Afgewezen, besluit.Uitkomst);
        Assert.Equal(RedenAfwijzing.PastNietBinnenContract, besluit.Reden);
        var bevinding = Assert.Single(besluit.Bevindingen);
        Assert.Equal(("HK-315-5", "geen-product"), (bevinding.RegelId, bevinding.Code));
        Assert.Contains("geen contract om aan te toetsen", bevinding.Melding, StringComparison.Ordinal);
        Assert.Empty(besluit.Toewijzingen);
        Assert.Empty(besluit.NieuweNummers);
        Assert.StartsWith("Afgewezen, reden 4 (past niet binnen contract).\nAfgewezen op HK-315-5: ", besluit.Toelichting, StringComparison.Ordinal);
    }

    [Fact]
    public void Een_wijziging_met_een_nieuw_product_zonder_productcode_wordt_afgewezen_op_HK_317_3_met_reden_4()
    {
        var besluit = OnvolledigVerzoek.NieuwProductZonderCode("REF-2");

        Assert.Equal(Uitkomst.Afgewezen, besluit.Uitkomst);
        Assert.Equal(RedenAfwijzing.PastNietBinnenContract, besluit.Reden);
        var bevinding = Assert.Single(besluit.Bevindingen);
        Assert.Equal(("HK-317-3", "nieuw-product-zonder-code"), (bevinding.RegelId, bevinding.Code));
        Assert.Equal("Een nieuw product zonder (geldige) productcode.", bevinding.Melding);
        Assert.Equal(["HK-317-3"], besluit.RegelIds);
    }
}
