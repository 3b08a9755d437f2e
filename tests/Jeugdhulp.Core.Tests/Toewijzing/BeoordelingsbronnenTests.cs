using Jeugdhulp.Core.Regels;
using static Jeugdhulp.Core.Tests.Toewijzing.FlevolandRegels;

namespace Jeugdhulp.Core.Tests.Toewijzing;

public class BeoordelingsbronnenTests
{
    [Fact]
    public void Regels_per_datum_worden_een_keer_gebouwd_en_daarna_hergebruikt()
    {
        var bronnen = Omgeving.Bronnen();
        var dag = new DateOnly(2027, 4, 1);

        Assert.Same(bronnen.Regels(dag), bronnen.Regels(dag));
        Assert.NotSame(bronnen.Regels(dag), bronnen.Regels(dag.AddDays(1)));
    }

    [Fact]
    public void De_gecachte_regels_zijn_die_van_de_catalogus_op_die_datum()
    {
        // 2027-06-30 and 2027-07-01 differ in the shipped data (max group size of a product changes).
        var bronnen = Omgeving.Bronnen();
        foreach (var dag in new[] { new DateOnly(2026, 12, 31), new DateOnly(2027, 6, 30), new DateOnly(2027, 7, 1), new DateOnly(2028, 1, 1) })
        {
            var verwacht = Catalogus.OpDatum(dag);
            var gecacht = bronnen.Regels(dag);
            Assert.Equal(dag, gecacht.Datum);
            Assert.Equal(Codes(verwacht), Codes(gecacht));
            Assert.Equal(verwacht.Beleid, gecacht.Beleid);
            Assert.Equal(verwacht.Stapeling, gecacht.Stapeling);
        }
    }

    [Fact]
    public void Een_andere_catalogus_geeft_andere_bronnen_en_dus_geen_oude_regels()
    {
        var dag = new DateOnly(2027, 4, 1);
        var zonderBeleid = Catalogus with { Beleid = [] };

        Assert.NotNull(Omgeving.Bronnen().Regels(dag).Beleid);
        Assert.Null(Omgeving.Bronnen(zonderBeleid).Regels(dag).Beleid);
    }

    private static string[] Codes(Regelset r) => [.. r.Producten.Select(p => $"{p.Code.Waarde}:{p.MaxGroepsgrootte}").Order(StringComparer.Ordinal)];
}
