using Jeugdhulp.Core.Regels;

namespace Jeugdhulp.Core.Tests.Regels;

/// <summary>The rule sets in force per date, built once per catalogue (issue 20, item 4: the what-if's speed).</summary>
public class RegelcatalogusTests
{
    private static Regelcatalogus Flevoland() => RegelLader.Laad(RegelData.Flevoland()).Waarde;

    private static readonly DateOnly Dag = new(2027, 3, 8);

    [Fact]
    public void De_regels_op_een_datum_worden_eenmaal_gebouwd_en_daarna_gedeeld()
    {
        var catalogus = Flevoland();

        var eerst = catalogus.OpDatum(Dag);

        Assert.Same(eerst, catalogus.OpDatum(Dag));
        Assert.NotSame(eerst, catalogus.OpDatum(Dag.AddDays(1)));
        Assert.Equal(Dag, eerst.Datum);
        Assert.Equal($"flevoland {catalogus.Versie} op 2027-03-08", eerst.Label);
    }

    [Fact]
    public void Een_gewijzigde_catalogus_krijgt_eigen_regels_en_nooit_die_van_de_vorige()
    {
        var oud = Flevoland();
        var oudeSet = oud.OpDatum(Dag);

        var nieuw = oud with { Versie = "concept" };

        Assert.NotSame(oudeSet, nieuw.OpDatum(Dag));
        Assert.Same(nieuw, nieuw.OpDatum(Dag).Catalogus);
        Assert.EndsWith("concept op 2027-03-08", nieuw.OpDatum(Dag).Label, StringComparison.Ordinal);
    }

    [Fact]
    public void Het_bewaren_van_regels_verandert_de_gelijkheid_van_catalogi_niet()
    {
        var a = Flevoland();
        var b = a with { };
        _ = a.OpDatum(Dag);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }
}
