using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Declaratie;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using static Jeugdhulp.Core.Tests.Toewijzing.FlevolandRegels;
using static Jeugdhulp.Core.Tests.Toewijzing.Omgeving;

namespace Jeugdhulp.Core.Tests.Regels;

/// <summary>
/// The what-if replay's witness per field of a product (issue 20, item 4): a draft that lowers Diagnostiek's limits changes
/// neither its lot, its kind nor its unit, so a decision that read only those of it (a request stacked on a running
/// Diagnostiek allocation, a declaration on one) is the same under the draft and is taken once.
/// </summary>
public class ProductveldTests
{
    private static readonly DateOnly Wijziging = new(2027, 7, 1);
    private static readonly ProductCode Diagnostiek = P("45F11");

    /// <summary>The rules with a second version of 45F11 from <see cref="Wijziging"/> whose guideline maxima are lower, and with <paramref name="ook"/> applied to it.</summary>
    private static Regelcatalogus LagereGrens(Func<Product, Product>? ook = null)
    {
        var oud = Catalogus.Producten.Single(p => p.Code == Diagnostiek && p.Geldigheid.Bevat(Wijziging));
        var tot = oud with { Geldigheid = Periode.Maak(oud.Geldigheid.Begin, Wijziging.AddDays(-1)).Waarde };
        var vanaf = oud with
        {
            Geldigheid = Periode.Maak(Wijziging, oud.Geldigheid.Eind).Waarde,
            Richtlijn = [.. oud.Richtlijn.Select(r => r with { MaxUren = r.MaxUren is { } m ? m * 2 / 3 : null })],
        };
        return Catalogus with { Versie = "concept", Producten = [.. Catalogus.Producten.Where(p => !ReferenceEquals(p, oud)), tot, (ook ?? (p => p))(vanaf)] };
    }

    [Fact]
    public void Een_lagere_grens_verandert_het_product_maar_niet_zijn_perceel_soort_of_eenheid()
    {
        var verschil = new Regelverschil(Catalogus, LagereGrens());

        Assert.True(verschil.Verschilt(Wijziging, Regelonderdeel.Product, "45F11"));
        Assert.False(verschil.Verschilt(Wijziging, Regelonderdeel.Productperceel, "45F11"));
        Assert.False(verschil.Verschilt(Wijziging, Regelonderdeel.Productsoort, "45F11"));
        Assert.False(verschil.Verschilt(Wijziging, Regelonderdeel.Producteenheid, "45F11"));
        Assert.False(verschil.Verschilt(Wijziging, Regelonderdeel.Productgroepsvariant, "45F11"));
        Assert.False(verschil.Verschilt(Wijziging, Regelonderdeel.Gezinsproducten, ""));
    }

    [Fact]
    public void Een_ander_perceel_soort_eenheid_of_groepsvariant_verschilt_in_precies_dat_veld()
    {
        var perceel = new Regelverschil(Catalogus, LagereGrens(p => p with { Perceel = "BASIS" }));
        var soort = new Regelverschil(Catalogus, LagereGrens(p => p with { Soort = ProductSoort.ExtraClient }));
        var eenheid = new Regelverschil(Catalogus, LagereGrens(p => p with { Eenheid = "04" }));
        var groepsvariant = new Regelverschil(Catalogus, LagereGrens(p => p with { Groepsvariant = P("45F22") }));

        Assert.Equal((true, false, false, false), Velden(perceel, Wijziging));
        Assert.Equal((false, true, false, false), Velden(soort, Wijziging));
        Assert.Equal((false, false, true, false), Velden(eenheid, Wijziging));
        Assert.Equal((false, false, false, true), Velden(groepsvariant, Wijziging));
        Assert.Equal((false, false, false, false), Velden(perceel, Wijziging.AddDays(-1)));
    }

    [Fact]
    public void Een_product_dat_een_andere_soort_krijgt_maar_declareerbaar_blijft_verschilt_niet_in_declareerbaarheid()
    {
        var individueel = new Regelverschil(Catalogus, LagereGrens(p => p with { Soort = ProductSoort.Groep }));

        Assert.True(Catalogus.OpDatum(Wijziging).Product(Diagnostiek)!.IsDeclareerbaar);
        Assert.Equal((false, false, false, false), Velden(individueel, Wijziging));
    }

    [Fact]
    public void Elk_veld_dat_los_gelezen_wordt_wordt_ook_vergeleken()
    {
        // The lookup kinds of one field of a product (all but the whole product and the whole catalogue): each must have its
        // comparison in Productveld, or a draft changing that field would go unseen by the decisions that read it.
        var velden = Enum.GetValues<Regelonderdeel>()
            .Where(o => o.ToString().StartsWith("Product", StringComparison.Ordinal) && o is not Regelonderdeel.Product and not Regelonderdeel.Producten);

        Assert.Equal(velden.Order(), Productveld.Alle.Select(v => v.Onderdeel).Order());
    }

    [Fact]
    public void De_gezinsproducten_verschillen_alleen_als_een_gezinsproduct_erbij_komt_of_afgaat()
    {
        var gezin = Catalogus.OpDatum(Wijziging).Producten.First(p => p.Soort == ProductSoort.Gezin && p.ExtraClientProduct is not null);
        var anders = Catalogus with { Producten = [.. Catalogus.Producten.Select(p => ReferenceEquals(p, gezin) ? p with { Soort = ProductSoort.Individueel } : p)] };
        var lager = Catalogus with { Producten = [.. Catalogus.Producten.Select(p => ReferenceEquals(p, gezin) ? p with { MaxDuurMaanden = 3 } : p)] };

        Assert.Contains(gezin.Code.Waarde, Catalogus.OpDatum(Wijziging).Gezinsproducten);
        Assert.True(new Regelverschil(Catalogus, anders).Verschilt(Wijziging, Regelonderdeel.Gezinsproducten, ""));
        Assert.False(new Regelverschil(Catalogus, lager).Verschilt(Wijziging, Regelonderdeel.Gezinsproducten, ""));

        // A dummy request names the family products (HK-315-8) without reading every product: a draft changing 45F11 leaves it alone.
        var dummy = gezin.ExtraClientProduct!.Value;
        var getuige = new Regelverschil(Catalogus, LagereGrens()).Getuige();
        var besluit = Besluit315(Jw315(Kind, Dummyaanvraag(dummy.Waarde) with { Ingangsdatum = new DateOnly(2027, 8, 1), Einddatum = new DateOnly(2028, 7, 31) }),
            MetDiagnostiek(Kind), Bronnen().MetGetuige(getuige));
        Assert.Contains(besluit.Bevindingen, b => b.RegelId == "HK-315-8" && b.Parameters.Any(p => p.Waarde.Contains(gezin.Code.Waarde, StringComparison.Ordinal)));
        Assert.False(getuige.Verschilt);
    }

    [Fact]
    public void Een_product_dat_alleen_het_concept_kent_verschilt_in_elk_veld()
    {
        var nieuw = Catalogus.OpDatum(Wijziging).Product(P("45F21"))! with { Code = P("99Z99") };
        var verschil = new Regelverschil(Catalogus, Catalogus with { Producten = [.. Catalogus.Producten, nieuw] });

        Assert.Equal((true, true, true, true), Velden(verschil, Wijziging, "99Z99"));
        Assert.Null(Catalogus.OpDatum(Wijziging).PerceelVan(nieuw.Code));
    }

    [Fact]
    public void Een_verzoek_naast_een_lopende_Diagnostiek_leest_alleen_haar_perceel_en_is_onder_het_concept_hetzelfde()
    {
        var concept = LagereGrens();
        var verschil = new Regelverschil(Catalogus, concept);
        var lopend = Tw(11, Kind, "45F11", Wijziging, new DateOnly(2027, 12, 31), 1800);
        var verzoek = Jw315(Kind, Aanvraag("45F31", 3000, ingang: new DateOnly(2027, 8, 1), einde: new DateOnly(2028, 7, 31)));
        var toestand = MetDiagnostiek(Kind, lopend);

        var getuige = verschil.Getuige();
        var nu = Besluit315(verzoek, toestand, Bronnen().MetGetuige(getuige));
        var straks = Besluit315(verzoek, toestand, Bronnen(concept));

        // The stacking check ran against the running Diagnostiek (its lot was read) …
        Assert.Contains(nu.Bevindingen, b => b.Parameters.Any(p => p.Waarde == "45F11"));
        // … and nothing else of it: the witness stays unmarked, and the draft's decision is indeed the same.
        Assert.False(getuige.Verschilt);
        Assert.Equal(Samenvatting(nu), Samenvatting(straks));

        // A request for Diagnostiek itself reads its limits: decided again.
        var zelf = verschil.Getuige();
        _ = Besluit315(Jw315(Kind, Aanvraag("45F11", 1800, ingang: new DateOnly(2027, 8, 1), einde: new DateOnly(2028, 1, 31))), Clienttoestand.Leeg,
            Bronnen().MetGetuige(zelf));
        Assert.True(zelf.Verschilt);
    }

    [Fact]
    public void Een_declaratie_op_een_Diagnostiek_na_de_wijziging_leest_alleen_soort_en_eenheid()
    {
        var concept = LagereGrens();
        var verschil = new Regelverschil(Catalogus, concept);
        const string client = "100002183";
        var toewijzing = new VastgelegdeToewijzing(1, Bsn.Parse(client).Waarde, Aanbieder, Diagnostiek, "45", new DateOnly(2027, 7, 5), new DateOnly(2027, 12, 31),
            new Omvang(1800, "01", "6"), null, new DateOnly(2027, 7, 1), new TimeOnly(9, 0), null, VerwijzerType.Huisarts);
        var prestatie = new Prestatieregel(0, 0, client, "P-1", null, 1, "45", "45F11", new DateOnly(2027, 8, 1), new DateOnly(2027, 8, 31), 600, "01", 150, 90000, false);
        var invoer = new Declaratieinvoer("0171", Aanbieder.Waarde, "D1", new DateOnly(2027, 8, 1), new DateOnly(2027, 8, 31), new DateOnly(2027, 9, 2), [prestatie]);
        var bronnen = new Declaratiebronnen(new Dictionary<long, VastgelegdeToewijzing> { [1] = toewijzing }, new HashSet<long>(), [],
            [new Contract(Noordoostpolder, Aanbieder, Diagnostiek, Periode.Vanaf(Begin), 150)], Catalogus, false, new DateOnly(2027, 9, 3));

        var getuige = verschil.Getuige();
        var nu = DeclaratieBeoordelen.Beoordeel(invoer, bronnen with { Getuige = getuige });
        var straks = DeclaratieBeoordelen.Beoordeel(invoer, bronnen with { Catalogus = concept });

        Assert.True(nu.IsVolledigToegekend, string.Join("; ", nu.Prestaties.SelectMany(p => p.Afkeuren).Select(a => a.Regel)));
        Assert.False(getuige.Verschilt);
        Assert.Equal(nu.TotaalToegekend, straks.TotaalToegekend);

        // A draft that makes Diagnostiek a dummy (not declarable) changes the decision, and the witness says so.
        var dummy = new Regelverschil(Catalogus, LagereGrens(p => p with { Soort = ProductSoort.ExtraClient }));
        var gemerkt = dummy.Getuige();
        _ = DeclaratieBeoordelen.Beoordeel(invoer, bronnen with { Getuige = gemerkt });
        Assert.True(gemerkt.Verschilt);
    }

    private static (bool Perceel, bool Soort, bool Eenheid, bool Groepsvariant) Velden(Regelverschil v, DateOnly d, string code = "45F11") =>
        (v.Verschilt(d, Regelonderdeel.Productperceel, code), v.Verschilt(d, Regelonderdeel.Productsoort, code), v.Verschilt(d, Regelonderdeel.Producteenheid, code),
            v.Verschilt(d, Regelonderdeel.Productgroepsvariant, code));

    private static string Samenvatting(Besluit b) =>
        $"{b.Uitkomst} {b.Reden} " + string.Join("|", b.Bevindingen.Select(f => $"{f.RegelId}:{f.Uitkomst}:{string.Join(",", f.Parameters.Select(p => p.Waarde))}"));
}
