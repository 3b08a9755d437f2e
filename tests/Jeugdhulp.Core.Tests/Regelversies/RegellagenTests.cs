using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Regelversies;
using Jeugdhulp.Core.Tests.Regels;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Tests.Regelversies;

/// <summary>Issue 20, item 3: published rule versions laid on the rule folder.</summary>
public sealed class RegellagenTests
{
    private static readonly DateTimeOffset Nu = new(2027, 6, 1, 10, 0, 0, TimeSpan.Zero);

    internal static Regelversie Versie(long id, string soort, string inhoud, string vanaf, string auteur = "nop-beleid", bool gepubliceerd = true) =>
        new Regelversie(id, soort, "?", inhoud, DateOnly.Parse(vanaf, System.Globalization.CultureInfo.InvariantCulture), auteur, Nu) with
        {
            GepubliceerdDoor = gepubliceerd ? "urk-beleid" : null,
            GepubliceerdOp = gepubliceerd ? Nu : null,
        };

    /// <summary>Product 45F11 (Diagnostiek) as in force, with every guideline maximum set to <paramref name="maxUren"/>.</summary>
    internal static string Diagnostiek(int maxUren) =>
        System.Text.RegularExpressions.Regex.Replace(
            Regellagen.Item(RegelData.Flevoland(), [], Regelsoort.Product, "45F11", new DateOnly(2027, 3, 1))!,
            "\"maxUren\": \\d+", $"\"maxUren\": {maxUren}");

    private static int? MaxUren(Regelcatalogus c, string dag) =>
        c.OpDatum(DateOnly.Parse(dag, System.Globalization.CultureInfo.InvariantCulture)).Product(ProductCode.Parse("45F11").Waarde)!.Richtlijn[0].MaxUren;

    [Fact]
    public void Een_gepubliceerde_versie_sluit_de_vorige_versie_van_het_item_de_dag_ervoor()
    {
        var c = Regellagen.Laad(RegelData.Flevoland(), [Versie(12, "product", Diagnostiek(20), "2027-07-01")]).Waarde;

        Assert.Equal(30, MaxUren(c, "2027-06-30"));
        Assert.Equal(20, MaxUren(c, "2027-07-01"));
        var versies = c.Producten.Where(p => p.Code.Waarde == "45F11").OrderBy(p => p.Geldigheid.Begin).ToList();
        Assert.Equal(2, versies.Count);
        Assert.Equal(new DateOnly(2027, 6, 30), versies[0].Geldigheid.Eind);
        Assert.Equal("2027.3+v12", c.Versie);
    }

    [Fact]
    public void Een_versie_vanaf_de_begindatum_van_de_vorige_vervangt_die_geheel()
    {
        var c = Regellagen.Laad(RegelData.Flevoland(), [Versie(3, "product", Diagnostiek(20), "2027-01-01")]).Waarde;

        Assert.Equal(20, MaxUren(c, "2027-01-01"));
        Assert.Single(c.Producten, p => p.Code.Waarde == "45F11");
    }

    [Fact]
    public void Zonder_versies_is_de_regelset_de_regelmap_zelf()
    {
        var c = Regellagen.Laad(RegelData.Flevoland(), []).Waarde;

        Assert.Equal(RegelLader.Laad(RegelData.Flevoland()).Waarde.Versie, c.Versie);
        Assert.Equal(30, MaxUren(c, "2027-07-01"));
    }

    [Fact]
    public void Een_concept_staat_in_het_label_naast_de_hoogste_gepubliceerde_versie()
    {
        var c = Regellagen.Laad(RegelData.Flevoland(),
            [Versie(4, "product", Diagnostiek(40), "2027-02-01"), Versie(9, "product", Diagnostiek(20), "2027-07-01", gepubliceerd: false)]).Waarde;

        Assert.Equal("2027.3+v4+concept9", c.Versie);
        Assert.Equal(40, MaxUren(c, "2027-06-30"));
        Assert.Equal(20, MaxUren(c, "2027-07-01"));
    }

    [Fact]
    public void Een_kapotte_waarde_wordt_geweigerd_met_regel_veld_en_regelnummer_van_het_concept()
    {
        var inhoud = Diagnostiek(20).Replace("\"maxDuurMaanden\": 12", "\"maxDuurMaanden\": \"twaalf\"", StringComparison.Ordinal);
        var regelnummer = inhoud[..inhoud.IndexOf("\"maxDuurMaanden\"", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var r = Regellagen.Laad(RegelData.Flevoland(), [Versie(7, "product", inhoud, "2027-07-01", gepubliceerd: false)]);

        var fout = Assert.Single(r.Fouten);
        Assert.True(fout.Code == "REGEL-VELD", fout.ToString());
        Assert.True(fout.Melding.Contains("maxDuurMaanden", StringComparison.Ordinal), fout.Melding);
        Assert.Equal($"concept 7 (producten.json, 45F11), regel {regelnummer}", fout.Plaats);
    }

    [Fact]
    public void Een_stapelingscel_met_een_onbekend_product_wordt_geweigerd_met_de_verwijzing()
    {
        const string cel = """{ "a": "product:45F99", "b": "perceel:BJGGZ", "uitkomst": "beoordelen", "regelId": "HK-STAP-JGGZ", "toelichting": "x" }""";

        var r = Regellagen.Laad(RegelData.Flevoland(), [Versie(2, "stapeling", cel, "2027-07-01", gepubliceerd: false)]);

        var fout = Assert.Single(r.Fouten);
        Assert.True(fout.Code == "REGEL-VERWIJZING", fout.ToString());
        Assert.StartsWith("concept 2 (stapeling.json, perceel:BJGGZ × product:45F99)", fout.Plaats, StringComparison.Ordinal);
    }

    [Fact]
    public void Een_stapelingscel_vervangt_dezelfde_cel_ook_als_a_en_b_omgedraaid_zijn()
    {
        const string cel = """{ "a": "perceel:BJGGZ", "b": "product:45F11", "uitkomst": "beoordelen", "regelId": "HK-STAP-JGGZ", "toelichting": "Voortaan beoordelen." }""";

        var c = Regellagen.Laad(RegelData.Flevoland(), [Versie(2, "stapeling", cel, "2027-07-01")]).Waarde;

        var cellen = c.Stapeling.Where(s => s.Toelichting == "Voortaan beoordelen." || s.Toelichting == "Diagnostiek mag tijdelijk samenlopen met BJGGZ.").ToList();
        Assert.Equal(2, cellen.Count);
        Assert.Equal(new DateOnly(2027, 6, 30), cellen.Single(s => s.Uitkomst == StapelingUitkomst.Toegestaan).Geldigheid.Eind);
    }

    [Fact]
    public void Ongeldige_json_in_een_concept_noemt_de_regel()
    {
        var r = Regellagen.LeesItem("product", "{\n  \"code\": \"45F11\",\n  \"naam\": \n}");

        var fout = Assert.Single(r.Fouten);
        Assert.Equal("REGEL-JSON", fout.Code);
        Assert.Equal("concept (producten.json), regel 4", fout.Plaats);
    }

    [Fact]
    public void Een_concept_zonder_sleutel_of_van_een_onbekende_soort_wordt_geweigerd()
    {
        Assert.Equal("REGEL-VELD", Assert.Single(Regellagen.LeesItem("product", """{ "naam": "x" }""").Fouten).Code);
        Assert.Equal("REGEL-SOORT", Assert.Single(Regellagen.LeesItem("tarief", "{}").Fouten).Code);
    }
}
