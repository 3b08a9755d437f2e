using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Regelversies;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Regelversies;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.Regelversies;

/// <summary>Issue 20, item 3: drafts and publications of rule versions in the store.</summary>
public abstract class RegelversiesTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : RegelversiesTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : RegelversiesTests(new PostgresTestDatabase());

    private static readonly Gemeentecode Almere = Gemeentecode.Parse("0034").Waarde;

    internal static IReadOnlyList<RegelBestand> Basis { get; } =
        [.. Directory.GetFiles(Path.Combine(Ijw.Tests.Paden.RepoRoot, "rules", "flevoland"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => new RegelBestand(Path.GetFileName(f), File.ReadAllText(f)))];

    /// <summary>Product 45F11 as in force, every guideline maximum set to <paramref name="maxUren"/> hours.</summary>
    internal static string Diagnostiek(int? maxUren = null)
    {
        var item = Regellagen.Item(Basis, [], Regelsoort.Product, "45F11", new DateOnly(2027, 3, 1))!;
        return maxUren is { } m ? System.Text.RegularExpressions.Regex.Replace(item, "\"maxUren\": \\d+", $"\"maxUren\": {m}") : item;
    }

    internal static Regelversie Concept(string inhoud, string vanaf, string auteur = "nop-beleid") =>
        new(0, "product", "", inhoud, Dag(vanaf), auteur, DateTimeOffset.MinValue) { Toelichting = "lagere grens" };

    [StoreFact]
    public void Een_concept_wordt_bewaard_met_auteur_en_is_nog_niet_geldig()
    {
        var bewaard = Opslag.BewaarConcept(Basis, Concept(Diagnostiek(20), "2027-07-01"), Almere).Waarde;

        var gelezen = Assert.Single(Opslag.LeesRegelversies());
        Assert.Equal(bewaard.Id, gelezen.Id);
        Assert.Equal(("product", "45F11", "nop-beleid", Dag("2027-07-01"), "lagere grens"), (gelezen.Soort, gelezen.Sleutel, gelezen.Auteur, gelezen.GeldigVanaf, gelezen.Toelichting));
        Assert.False(gelezen.IsGepubliceerd);
        Assert.Empty(Opslag.GepubliceerdeRegelversies());
        Assert.Equal(Flevoland.Versie, Opslag.LaadGeldendeRegels(Basis).Waarde.Versie);
        Assert.Contains(Db.Lees("SELECT wie, actie FROM auditlog"), r => (string)r[0] == "nop-beleid" && ((string)r[1]).StartsWith($"regelconcept {bewaard.Id} opgesteld", StringComparison.Ordinal));
    }

    [StoreFact]
    public void Een_kapot_concept_wordt_geweigerd_met_het_veld_en_niets_wordt_bewaard()
    {
        var r = Opslag.BewaarConcept(Basis, Concept(Diagnostiek().Replace("\"maxDuurMaanden\": 12", "\"maxDuurMaanden\": -1", StringComparison.Ordinal), "2027-07-01"), Almere);

        var fout = Assert.Single(r.Fouten);
        Assert.Equal("REGEL-WAARDE", fout.Code);
        Assert.Contains("maxDuurMaanden", fout.Melding, StringComparison.Ordinal);
        Assert.StartsWith("concept (producten.json, 45F11), regel ", fout.Plaats, StringComparison.Ordinal);
        Assert.Equal(0, Db.Tel("regelversies"));
        Assert.Equal(0, Db.Tel("auditlog"));
    }

    [StoreFact]
    public void De_auteur_kan_niet_publiceren_een_ander_wel_en_de_geldende_regels_krijgen_de_versie()
    {
        var concept = Opslag.BewaarConcept(Basis, Concept(Diagnostiek(20), "2027-07-01"), Almere).Waarde;

        var zelf = Opslag.PubliceerRegelversie(Basis, concept.Id, "nop-beleid", Almere);
        Assert.Equal("REGEL-VIEROGEN", Assert.Single(zelf.Fouten).Code);
        Assert.Empty(Opslag.GepubliceerdeRegelversies());

        var gepubliceerd = Opslag.PubliceerRegelversie(Basis, concept.Id, "urk-beleid", Almere).Waarde;

        Assert.Equal($"{Flevoland.Versie}+v{concept.Id}", gepubliceerd.Versie);
        var versie = Assert.Single(Opslag.GepubliceerdeRegelversies());
        Assert.Equal(("urk-beleid", "nop-beleid"), (versie.GepubliceerdDoor, versie.Auteur));
        var geldend = Opslag.LaadGeldendeRegels(Basis).Waarde;
        Assert.Equal(gepubliceerd.Versie, geldend.Versie);
        Assert.Equal(20, geldend.OpDatum(Dag("2027-07-01")).Product(Product("45F11"))!.Richtlijn[0].MaxUren);
        Assert.Equal(30, geldend.OpDatum(Dag("2027-06-30")).Product(Product("45F11"))!.Richtlijn[0].MaxUren);
        Assert.Contains(Db.Lees("SELECT wie, actie FROM auditlog"), r => (string)r[0] == "urk-beleid" && ((string)r[1]).StartsWith($"regelversie {concept.Id} gepubliceerd", StringComparison.Ordinal));

        Assert.Equal("REGEL-GEPUBLICEERD", Assert.Single(Opslag.PubliceerRegelversie(Basis, concept.Id, "ijs-beleid", Almere).Fouten).Code);
        Assert.Equal("REGEL-ONBEKEND", Assert.Single(Opslag.PubliceerRegelversie(Basis, 999, "urk-beleid", Almere).Fouten).Code);
    }

    [StoreFact]
    public void Versies_worden_in_volgorde_van_id_op_de_regelmap_gelegd()
    {
        var eerste = Opslag.BewaarConcept(Basis, Concept(Diagnostiek(40), "2027-03-01"), Almere).Waarde;
        var tweede = Opslag.BewaarConcept(Basis, Concept(Diagnostiek(20), "2027-09-01"), Almere).Waarde;
        Assert.True(Opslag.PubliceerRegelversie(Basis, tweede.Id, "urk-beleid", Almere).IsGeldig);
        Assert.True(Opslag.PubliceerRegelversie(Basis, eerste.Id, "urk-beleid", Almere).IsGeldig);

        var geldend = Opslag.LaadGeldendeRegels(Basis).Waarde;

        // By id, whatever the order of publication: 30 (base) until March, 40 until August, 20 from September.
        Assert.Equal(30, geldend.OpDatum(Dag("2027-02-28")).Product(Product("45F11"))!.Richtlijn[0].MaxUren);
        Assert.Equal(40, geldend.OpDatum(Dag("2027-08-31")).Product(Product("45F11"))!.Richtlijn[0].MaxUren);
        Assert.Equal(20, geldend.OpDatum(Dag("2027-09-01")).Product(Product("45F11"))!.Richtlijn[0].MaxUren);
        Assert.Equal($"{Flevoland.Versie}+v{Math.Max(eerste.Id, tweede.Id)}", geldend.Versie);
        Assert.Equal(2, Db.Tel("regelversies"));
    }
}
