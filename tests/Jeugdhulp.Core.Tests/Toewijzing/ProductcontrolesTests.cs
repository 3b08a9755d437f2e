using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using static Jeugdhulp.Core.Tests.Toewijzing.FlevolandRegels;

namespace Jeugdhulp.Core.Tests.Toewijzing;

public class ProductcontrolesTests
{
    private static readonly Regelset Regels = Catalogus.OpDatum(new DateOnly(2027, 4, 1));

    [Theory]
    [InlineData("45F32", "41K01", StapelingUitkomst.Verboden)]   // product:45F32 × perceel:KDC beats perceel:MULTI × perceel:KDC
    [InlineData("41K01", "45F32", StapelingUitkomst.Verboden)]   // symmetric
    [InlineData("45F31", "41K01", StapelingUitkomst.Toegestaan)]
    [InlineData("45F11", "54B01", StapelingUitkomst.Toegestaan)]
    [InlineData("45F21", "54B01", StapelingUitkomst.Beoordelen)]
    public void Meest_specifieke_stapelingscel_wint(string a, string b, StapelingUitkomst verwacht)
    {
        var pa = Regels.Product(P(a))!;
        var pb = Regels.Product(P(b))!;
        Assert.Equal(verwacht, Productcontroles.Cel(Regels, pa.Code, pa.Perceel, pb.Code, pb.Perceel)!.Uitkomst);
    }

    [Fact]
    public void Bij_gelijke_specificiteit_wint_de_strengste_uitkomst()
    {
        var altijd = Periode.Vanaf(Begin);
        var extra = new StapelingsRegel(new("perceel", "MULTI"), new("perceel", "KDC"), StapelingUitkomst.Beoordelen, "HK-10-EXTRA", "dubbel", altijd);
        var regels = (Catalogus with { Stapeling = [.. Catalogus.Stapeling, extra] }).OpDatum(new DateOnly(2027, 4, 1));

        var cel = Productcontroles.Cel(regels, P("45F31"), "MULTI", P("41K01"), "KDC");

        Assert.Equal(StapelingUitkomst.Beoordelen, cel!.Uitkomst);
    }

    [Fact]
    public void Product_buiten_de_catalogus_valt_alleen_onder_productcellen()
    {
        Assert.Null(Productcontroles.Cel(Regels, P("45F31"), "MULTI", P("99X99"), null));
    }

    [Theory]
    [InlineData("2009-09-01", "2027-08-31", 17)]
    [InlineData("2009-09-01", "2027-09-01", 18)]
    [InlineData("2008-02-29", "2026-02-27", 17)]
    [InlineData("2008-02-29", "2026-02-28", 18)] // same as Inwoner.LeeftijdOp: AddYears clamps to 28 February
    public void Leeftijd_op_een_dag(string geboren, string dag, int leeftijd) =>
        Assert.Equal(leeftijd, Productcontroles.LeeftijdOp(DateOnly.Parse(geboren), DateOnly.Parse(dag)));
}
