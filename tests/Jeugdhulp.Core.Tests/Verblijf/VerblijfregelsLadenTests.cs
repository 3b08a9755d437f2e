using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Tests.Regels;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Tests.Verblijf;

public sealed class VerblijfregelsLadenTests
{
    [Fact]
    public void De_24_uurs_regels_laden_met_hun_getallen_uit_de_seed()
    {
        var v = RegelLader.Laad(RegelData.Flevoland()).Waarde.OpDatum(new DateOnly(2019, 10, 31)).Verblijf!;

        Assert.Equal(4m, v.MinEtmalenPerWeek);
        Assert.Equal(new BegeleidWonenLeeftijd(17, 18, 22), v.BegeleidWonen);
        Assert.Equal(84.03m, v.Tarief(2019)!.BedragPerEtmaal);
        Assert.Equal(VerblijfSoort.Crisis, v.Soort(ProductCode.Parse("46R01").Waarde));
    }

    [Fact]
    public void Voor_de_versie_van_de_seed_zijn_er_geen_24_uurs_regels()
    {
        Assert.Null(RegelLader.Laad(RegelData.Flevoland()).Waarde.OpDatum(new DateOnly(2019, 10, 30)).Verblijf);
    }

    [Fact]
    public void HK_24_8_het_crisisproduct_heeft_een_maximum_van_28_dagen_als_data()
    {
        var p = RegelLader.Laad(RegelData.Flevoland()).Waarde.OpDatum(new DateOnly(2027, 1, 1)).Product(ProductCode.Parse("46R01").Waarde)!;

        Assert.Equal((28, "HK-24-8"), (p.MaxDuurDagen, p.DuurRegel));
    }

    [Fact]
    public void Een_onbekend_product_in_verblijf_json_noemt_bestand_en_veld()
    {
        var fouten = RegelLader.Laad(RegelData.Bewerkt("verblijf.json", t => t.Replace("\"43R05\"", "\"43X99\"", StringComparison.Ordinal))).Fouten;

        var fout = Assert.Single(fouten);
        Assert.Equal("REGEL-VERWIJZING", fout.Code);
        Assert.StartsWith("verblijf.json: verblijf[0]", fout.Plaats, StringComparison.Ordinal);
        Assert.Contains("producten[7].code '43X99'", fout.Melding, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"minEtmalenPerWeek\": 4", "\"minEtmalenPerWeek\": 0", "minEtmalenPerWeek")]
    [InlineData("\"jaar\": 2019, \"bedragPerEtmaal\": 84.03", "\"jaar\": 2019, \"bedragPerEtmaal\": 84.031", "bedragPerEtmaal")]
    [InlineData("\"maxLeeftijdJeugd\": 17", "\"maxLeeftijdJeugd\": 19", "begeleidWonen")]
    [InlineData("\"begeleidingUren\": 11.57, \"behandelingUren\": 2.15 },\n          { \"naam\": \"LVG2\"", "\"begeleidingUren\": -1, \"behandelingUren\": 2.15 },\n          { \"naam\": \"LVG2\"", "meerzorg.zzp[0]")]
    [InlineData("\"soort\": \"crisis\"", "\"soort\": \"kortVerblijf\"", "soort")]
    public void Foute_24_uurs_regeldata_wordt_geweigerd_met_het_veld(string oud, string nieuw, string veld)
    {
        var fouten = RegelLader.Laad(RegelData.Bewerkt("verblijf.json", t => t.Replace(oud, nieuw, StringComparison.Ordinal))).Fouten;

        var fout = Assert.Single(fouten);
        Assert.StartsWith("verblijf.json", fout.Plaats, StringComparison.Ordinal);
        Assert.Contains(veld, fout.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public void Een_maximum_in_dagen_zonder_regel_wordt_geweigerd()
    {
        var fouten = RegelLader.Laad(RegelData.Bewerkt("producten.json", t => t.Replace("\"duurRegel\": \"HK-24-8\",", "", StringComparison.Ordinal))).Fouten;

        var fout = Assert.Single(fouten);
        Assert.Equal(("REGEL-VELD", "producten.json: producten[21] (46R01)"), (fout.Code, fout.Plaats));
    }
}
