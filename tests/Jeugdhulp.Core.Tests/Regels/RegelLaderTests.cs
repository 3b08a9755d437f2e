using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Tests.Regels;

public class RegelLaderTests
{
    private static Regelcatalogus Flevoland()
    {
        var resultaat = RegelLader.Laad(RegelData.Flevoland());
        Assert.True(resultaat.IsGeldig, string.Join(Environment.NewLine, resultaat.Fouten));
        return resultaat.Waarde;
    }

    private static IReadOnlyList<Fout> Fouten(List<RegelBestand> bestanden)
    {
        var resultaat = RegelLader.Laad(bestanden);
        Assert.False(resultaat.IsGeldig);
        return resultaat.Fouten;
    }

    private static Fout EnigeFout(List<RegelBestand> bestanden, string code)
    {
        var fouten = Fouten(bestanden);
        Assert.True(fouten.Count == 1, string.Join(Environment.NewLine, fouten));
        Assert.Equal(code, fouten[0].Code);
        return fouten[0];
    }

    [Fact]
    public void De_meegeleverde_regels_van_Flevoland_laden_zonder_fouten()
    {
        var catalogus = Flevoland();

        Assert.Equal("flevoland", catalogus.Regio);
        Assert.Equal(5, catalogus.Gemeenten.Count);
        Assert.Equal(24, catalogus.Producten.Count);
        Assert.Equal(StapelingUitkomst.Beoordelen, catalogus.StandaardStapeling);
        Assert.Equal("contact@sdfl.nl", catalogus.ContactEmail);
    }

    [Fact]
    public void Op_een_datum_voor_de_nieuwe_contracten_zijn_er_geen_Multi_producten()
    {
        var regels = Flevoland().OpDatum(new DateOnly(2026, 12, 31));

        // Only the 24-uurs products (seed 003, from 2019-10-31) exist then.
        Assert.All(regels.Producten, p => Assert.Contains(p.Perceel, new[] { "JMV24", "BEHWON" }));
        Assert.Null(regels.Perceel("MULTI"));
        Assert.NotNull(regels.Perceel("JMV24"));
        Assert.Null(regels.Beleid);
    }

    [Fact]
    public void Lelystad_neemt_alleen_deel_voor_45F34_en_45F36()
    {
        var regels = Flevoland().OpDatum(new DateOnly(2027, 3, 8));
        var lelystad = Gemeentecode.Parse("0995").Waarde;

        var toegestaan = regels.Producten.Where(p => regels.NeemtDeel(lelystad, p)).Select(p => p.Code.Waarde).Order();

        Assert.Equal(["45F34", "45F36"], toegestaan);
    }

    [Theory]
    [InlineData("0034", false)]
    [InlineData("0303", false)]
    [InlineData("0995", false)]
    [InlineData("0171", true)]
    [InlineData("0184", true)]
    public void Basis_Begeleiding_geldt_alleen_in_Noordoostpolder_en_Urk(string gemeente, bool deelname)
    {
        var regels = Flevoland().OpDatum(new DateOnly(2027, 3, 8));
        var code = Gemeentecode.Parse(gemeente).Waarde;

        Assert.Equal(deelname, regels.NeemtDeel(code, regels.Product(ProductCode.Parse("45F01").Waarde)!));
        Assert.Equal(deelname, regels.NeemtDeel(code, regels.Product(ProductCode.Parse("45F02").Waarde)!));
    }

    [Fact]
    public void Multi_geldt_voor_Almere_Dronten_Noordoostpolder_en_Urk()
    {
        var regels = Flevoland().OpDatum(new DateOnly(2027, 3, 8));
        var behandeling = regels.Product(ProductCode.Parse("45F31").Waarde)!;

        var deelnemers = regels.Gemeenten.Where(g => regels.NeemtDeel(g.Code, behandeling)).Select(g => g.Naam).Order();

        Assert.Equal(["Almere", "Dronten", "Noordoostpolder", "Urk"], deelnemers);
    }

    [Fact]
    public void De_productgegevens_volgen_de_productbeschrijvingen()
    {
        var regels = Flevoland().OpDatum(new DateOnly(2027, 3, 8));
        ProductCode Code(string c) => ProductCode.Parse(c).Waarde;

        var diagnostiek = regels.Product(Code("45F11"))!;
        Assert.Equal((12, true), (diagnostiek.MaxDuurMaanden!.Value, diagnostiek.MaxDuurHard));
        Assert.Equal([30, 60], diagnostiek.Richtlijn.Select(r => r.MaxUren!.Value));

        var gezinIntensief = regels.Product(Code("45F34"))!;
        Assert.Equal(9, gezinIntensief.StandaardDuurMaanden);
        Assert.Equal(Code("45F36"), gezinIntensief.ExtraClientProduct);
        Assert.False(regels.Product(Code("45F36"))!.IsDeclareerbaar);

        var basisGroep = regels.Product(Code("45F02"))!;
        Assert.Equal((16, "1:4"), (basisGroep.MaxGroepsgrootte!.Value, basisGroep.Begeleidingsratio));
        Assert.Equal(576, basisGroep.Richtlijn.Single(r => r.Naam == "B").MaxUren);

        Assert.Equal("HK-317-4-MULTI", regels.Perceel("MULTI")!.DoorlooptijdTermijn);
        Assert.Equal(10, regels.Termijn("HK-317-4-MULTI")!.Aantal);
        Assert.Equal(TermijnEenheid.Weken, regels.Termijn("HK-317-4-BASIS")!.Eenheid);
        Assert.True(regels.Perceel("BASIS")!.Jw315AltijdBeoordelen);
        Assert.Equal(1000, regels.Beleid!.Terugval.Minuten);
        Assert.Equal(3, regels.Beleid.NoShowMaxPerKalenderjaar);
    }

    [Fact]
    public void Groepsproducten_zijn_naast_KDC_verboden()
    {
        var regels = Flevoland().OpDatum(new DateOnly(2027, 3, 8));

        var verboden = regels.Stapeling.Where(s => s.Uitkomst == StapelingUitkomst.Verboden)
            .Select(s => $"{s.A} {s.B}").Order();

        Assert.Equal(["product:45F02 perceel:KDC", "product:45F32 perceel:KDC"], verboden);
    }

    [Fact]
    public void Een_gewijzigde_limiet_geldt_vanaf_zijn_datum_en_de_oude_ervoor()
    {
        // A rule change as the README prescribes: end the old version, add a new one.
        var bestanden = RegelData.Bewerkt("producten.json", tekst => tekst
            .Replace("\"maxGroepsgrootte\": 16,", "\"maxGroepsgrootte\": 16, \"geldigTot\": \"2027-06-30\",", StringComparison.Ordinal)
            .Replace("""
              ],
            }
            """, """
                {
                  "code": "45F02", "naam": "Basis Begeleiding – Groep", "categorie": "45", "perceel": "BASIS",
                  "eenheid": "01", "frequentie": "6", "soort": "groep", "richtlijn": [],
                  "standaardDuurMaanden": 12, "maxDuurMaanden": 12, "maxDuurHard": false,
                  "maxGroepsgrootte": 12, "begeleidingsratio": "1:4", "geldigVanaf": "2027-07-01",
                },
              ],
            }
            """, StringComparison.Ordinal));
        var catalogus = RegelLader.Laad(bestanden);
        Assert.True(catalogus.IsGeldig, string.Join(Environment.NewLine, catalogus.Fouten));
        var code = ProductCode.Parse("45F02").Waarde;

        Assert.Equal(16, catalogus.Waarde.OpDatum(new DateOnly(2027, 6, 30)).Product(code)!.MaxGroepsgrootte);
        Assert.Equal(12, catalogus.Waarde.OpDatum(new DateOnly(2027, 7, 1)).Product(code)!.MaxGroepsgrootte);
    }

    [Fact]
    public void Een_product_van_een_ander_contract_toevoegen_is_alleen_data()
    {
        // As rules/README.md describes: the product with its lot, and the municipalities taking part.
        // "KD001" is a made-up code for the test; the real KDC codes are not in the seeds.
        var bestanden = RegelData.Bewerkt("producten.json", t => t.Replace("""
              ],
            }
            """, """
                {
                  "code": "KD001", "naam": "KDC dagdeel", "categorie": "41", "perceel": "KDC",
                  "eenheid": "16", "frequentie": "2", "soort": "groep", "richtlijn": [],
                  "geldigVanaf": "2028-01-01",
                },
              ],
            }
            """, StringComparison.Ordinal));
        bestanden = [.. bestanden.Select(b => b.Naam != "percelen.json" ? b : b with
        {
            Tekst = b.Tekst.Replace(
                "\"naam\": \"Kinderdagcentrum (KDC)\",\n      \"contract\": \"KDC\",\n      \"deelnames\": [],",
                "\"naam\": \"Kinderdagcentrum (KDC)\",\n      \"contract\": \"KDC\",\n      \"deelnames\": [{ \"gemeente\": \"0303\", \"geldigVanaf\": \"2028-01-01\" }],",
                StringComparison.Ordinal),
        })];

        var resultaat = RegelLader.Laad(bestanden);

        Assert.True(resultaat.IsGeldig, string.Join(Environment.NewLine, resultaat.Fouten));
        var regels = resultaat.Waarde.OpDatum(new DateOnly(2028, 1, 1));
        var kdc = regels.Product(ProductCode.Parse("KD001").Waarde)!;
        Assert.True(regels.NeemtDeel(Gemeentecode.Parse("0303").Waarde, kdc));
        Assert.False(regels.NeemtDeel(Gemeentecode.Parse("0034").Waarde, kdc));
        Assert.Contains(regels.Stapeling, s => s.B == new StapelingSelector("perceel", "KDC") && s.A == new StapelingSelector("product", "45F32") && s.Uitkomst == StapelingUitkomst.Verboden);
    }

    [Fact]
    public void Hetzelfde_bestand_twee_keer_is_een_fout()
    {
        var bestanden = RegelData.Flevoland();
        bestanden.Add(bestanden[0]);

        var fout = Assert.Single(RegelLader.Laad(bestanden).Fouten);

        Assert.Equal(new Fout("REGEL-BESTAND", "bestand komt twee keer voor", bestanden[0].Naam), fout);
    }
}
