using Jeugdhulp.Core.Regelversies;
using Jeugdhulp.Core.Tests.Regels;
using static Jeugdhulp.Core.Tests.Regelversies.RegellagenTests;

namespace Jeugdhulp.Core.Tests.Regelversies;

/// <summary>Issue 20, item 3: who may publish a draft rule version, and on what.</summary>
public sealed class PublicerenTests
{
    private static readonly DateTimeOffset Op = new(2027, 6, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void De_auteur_kan_zijn_eigen_concept_niet_publiceren()
    {
        var concept = Versie(5, "product", Diagnostiek(20), "2027-07-01", auteur: "nop-beleid", gepubliceerd: false);

        var r = Publiceren.Beoordeel(concept, "NOP-beleid", Op, RegelData.Flevoland(), []);

        Assert.Equal("REGEL-VIEROGEN", Assert.Single(r.Fouten).Code);
    }

    [Fact]
    public void Een_tweede_persoon_publiceert_en_krijgt_de_regelset_met_de_nieuwe_versie()
    {
        var eerder = Versie(2, "product", Diagnostiek(40), "2027-02-01");
        var concept = Versie(5, "product", Diagnostiek(20), "2027-07-01", auteur: "nop-beleid", gepubliceerd: false);

        var c = Publiceren.Beoordeel(concept, "urk-beleid", Op, RegelData.Flevoland(), [eerder]).Waarde;

        Assert.Equal("2027.3+v5", c.Versie);
    }

    [Fact]
    public void Een_gepubliceerde_versie_wordt_niet_nog_eens_gepubliceerd()
    {
        var r = Publiceren.Beoordeel(Versie(5, "product", Diagnostiek(20), "2027-07-01"), "urk-beleid", Op, RegelData.Flevoland(), []);

        Assert.Equal("REGEL-GEPUBLICEERD", Assert.Single(r.Fouten).Code);
    }

    [Fact]
    public void Een_concept_dat_niet_meer_laadt_op_wat_sindsdien_gepubliceerd_is_wordt_geweigerd()
    {
        // Drafted while Diagnostiek was a Multi product: a Multi version that keeps "diagnostiekEerst": "45F11".
        var multi = Regellagen.Item(RegelData.Flevoland(), [], Regelsoort.Perceel, "MULTI", new DateOnly(2027, 3, 1))!;
        var concept = Versie(9, "perceel", multi, "2027-09-01", gepubliceerd: false);
        Assert.True(Regellagen.Laad(RegelData.Flevoland(), [concept]).IsGeldig);

        // Published since: Multi without diagnostiek-first, and Diagnostiek moved to Basis Begeleiding.
        var zonder = System.Text.RegularExpressions.Regex.Replace(multi, "\"diagnostiekEerst\": \"45F11\",?", "");
        var naarBasis = Diagnostiek(30).Replace("\"perceel\": \"MULTI\"", "\"perceel\": \"BASIS\"", StringComparison.Ordinal);
        IReadOnlyList<Regelversie> sindsdien = [Versie(6, "perceel", zonder, "2027-01-01"), Versie(7, "product", naarBasis, "2027-01-01")];
        Assert.True(Regellagen.Laad(RegelData.Flevoland(), sindsdien).IsGeldig, string.Join("; ", Regellagen.Laad(RegelData.Flevoland(), sindsdien).Fouten));

        var r = Publiceren.Beoordeel(concept, "urk-beleid", Op, RegelData.Flevoland(), sindsdien);

        var fout = Assert.Single(r.Fouten);
        Assert.True(fout.Code == "REGEL-VERWIJZING", fout.ToString());
        Assert.StartsWith("versie v9 (percelen.json, MULTI)", fout.Plaats, StringComparison.Ordinal);
    }
}
