using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Tests.Regels;

/// <summary>
/// Where a draft differs from the rules in force, per date (issue 20, item 4): the what-if replay takes a decision
/// once when every date whose rules it read is the same under both, so "the same" must be exact.
/// </summary>
public class RegelverschilTests
{
    private static Regelcatalogus Flevoland() => RegelLader.Laad(RegelData.Flevoland()).Waarde;

    private static readonly DateOnly Wijziging = new(2027, 7, 1);

    /// <summary>The shipped rules with Diagnostiek's guideline maxima lowered from <see cref="Wijziging"/> on: a new version of the product.</summary>
    private static Regelcatalogus LagereGrensVanaf(Regelcatalogus c)
    {
        var oud = c.Producten.Single(p => p.Code.Waarde == "45F11" && p.Geldigheid.Bevat(Wijziging));
        Assert.Contains(oud.Richtlijn, r => r.MaxUren is not null);
        var tot = oud with { Geldigheid = Periode.Maak(oud.Geldigheid.Begin, Wijziging.AddDays(-1)).Waarde };
        var vanaf = oud with
        {
            Geldigheid = Periode.Maak(Wijziging, oud.Geldigheid.Eind).Waarde,
            Richtlijn = [.. oud.Richtlijn.Select(r => r with { MaxUren = r.MaxUren is { } m ? m - 1 : null })],
        };
        return c with { Versie = "concept", Producten = [.. c.Producten.Where(p => !ReferenceEquals(p, oud)), tot, vanaf] };
    }

    [Fact]
    public void De_regels_twee_keer_geladen_zijn_op_elke_datum_dezelfde()
    {
        var verschil = new Regelverschil(Flevoland(), Flevoland());

        Assert.True(verschil.AlgemeenGelijk);
        for (var d = new DateOnly(2026, 1, 1); d <= new DateOnly(2028, 12, 31); d = d.AddDays(1))
        {
            Assert.True(verschil.ZelfdeOp(d), d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Een_nieuwe_versie_van_een_product_verschilt_precies_vanaf_haar_ingang()
    {
        var huidig = Flevoland();
        var verschil = new Regelverschil(huidig, LagereGrensVanaf(huidig));

        // The old version cut off the day before: its own period changed, its rules did not.
        Assert.True(verschil.ZelfdeOp(new DateOnly(2027, 1, 1)));
        Assert.True(verschil.ZelfdeOp(Wijziging.AddDays(-1)));
        Assert.False(verschil.ZelfdeOp(Wijziging));
        Assert.False(verschil.ZelfdeOp(new DateOnly(2027, 12, 31)));
    }

    [Fact]
    public void Een_andere_vrije_dag_verschilt_op_elke_datum()
    {
        var huidig = Flevoland();
        var concept = huidig with { ExtraVrijeDagen = [.. huidig.ExtraVrijeDagen, new ExtraVrijeDag(new DateOnly(2027, 6, 14), "concept")] };

        var verschil = new Regelverschil(huidig, concept);

        Assert.False(verschil.AlgemeenGelijk);
        Assert.False(verschil.ZelfdeOp(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void Een_nieuwe_versie_van_een_product_verschilt_alleen_in_dat_product()
    {
        var huidig = Flevoland();
        var verschil = new Regelverschil(huidig, LagereGrensVanaf(huidig));
        var ander = huidig.OpDatum(Wijziging).Producten.First(p => p.Code.Waarde != "45F11");

        Assert.True(verschil.Verschilt(Wijziging, Regelonderdeel.Product, "45F11"));
        Assert.True(verschil.Verschilt(Wijziging, Regelonderdeel.Producten, ""));
        Assert.False(verschil.Verschilt(Wijziging, Regelonderdeel.Product, ander.Code.Waarde));
        Assert.False(verschil.Verschilt(Wijziging, Regelonderdeel.Perceel, ander.Perceel));
        Assert.False(verschil.Verschilt(Wijziging, Regelonderdeel.Stapeling, ""));
        Assert.False(verschil.Verschilt(Wijziging, Regelonderdeel.Beleid, ""));
        Assert.False(verschil.Verschilt(Wijziging.AddDays(-1), Regelonderdeel.Product, "45F11"));
    }

    [Fact]
    public void Een_product_dat_alleen_het_concept_kent_verschilt_ook_waar_de_geldende_regels_het_niet_hebben()
    {
        var huidig = Flevoland();
        var bestaand = huidig.OpDatum(Wijziging).Producten.First();
        var nieuw = bestaand with { Code = ProductCode.Parse("99Z99").Waarde };
        var verschil = new Regelverschil(huidig, huidig with { Producten = [.. huidig.Producten, nieuw] });

        Assert.Null(huidig.OpDatum(Wijziging).Product(nieuw.Code));
        Assert.True(verschil.Verschilt(Wijziging, Regelonderdeel.Product, "99Z99"));
        Assert.False(verschil.Verschilt(Wijziging, Regelonderdeel.Product, bestaand.Code.Waarde));
    }

    [Fact]
    public void De_getuige_markeert_een_besluit_alleen_als_het_een_gewijzigd_item_las_en_verandert_de_regels_niet()
    {
        var regels = Flevoland();
        var verschil = new Regelverschil(regels, LagereGrensVanaf(regels));
        var bronnen = new Beoordelingsbronnen(regels, Array.Empty<Contract>(), new Inwonersregister([]), TimeProvider.System);
        var ander = regels.OpDatum(Wijziging).Producten.First(p => p.Code.Waarde != "45F11").Code;
        var diagnostiek = ProductCode.Parse("45F11").Waarde;

        // Another product, the stacking matrix and the policy on the day of the change: none of them differs.
        var getuige = verschil.Getuige();
        var gevolgd = bronnen.MetGetuige(getuige).Regels(Wijziging);
        Assert.Equal(bronnen.Regels(Wijziging).Product(ander), gevolgd.Product(ander));
        Assert.Same(bronnen.Regels(Wijziging).Stapeling, gevolgd.Stapeling);
        _ = gevolgd.Beleid;
        Assert.False(getuige.Verschilt);

        // Diagnostiek before the change: the same; from the change on: read, so the draft must decide again.
        Assert.NotNull(bronnen.MetGetuige(getuige).Regels(Wijziging.AddDays(-1)).Product(diagnostiek));
        Assert.False(getuige.Verschilt);
        Assert.Same(bronnen.Regels(Wijziging).Product(diagnostiek), gevolgd.Product(diagnostiek));
        Assert.True(getuige.Verschilt);

        // Every product read at once (the list) counts as reading Diagnostiek too; so does the whole catalogue.
        var lijst = verschil.Getuige();
        _ = bronnen.MetGetuige(lijst).Regels(Wijziging).Producten.Count();
        Assert.True(lijst.Verschilt);
        var catalogus = verschil.Getuige();
        _ = bronnen.MetGetuige(catalogus).Regels(Wijziging).Catalogus;
        Assert.True(catalogus.Verschilt);
    }

    [Fact]
    public void Per_stuk_tussen_twee_geldigheidsgrenzen_vergeleken_is_hetzelfde_als_per_datum()
    {
        // Several boundaries on both sides: 45F11 lower from 1 July 2027, a product only the draft has for three months of
        // 2028, and a policy version of the rules in force that ends early (the draft keeps the old one).
        var huidig = Flevoland();
        var beleid = huidig.Beleid[0];
        var kort = beleid with { Geldigheid = Periode.Maak(beleid.Geldigheid.Begin, new DateOnly(2028, 1, 31)).Waarde };
        var inForce = huidig with { Beleid = [kort, .. huidig.Beleid.Skip(1)] };
        var bestaand = huidig.OpDatum(Wijziging).Producten.First();
        var tijdelijk = bestaand with { Code = ProductCode.Parse("99Z98").Waarde, Geldigheid = Periode.Maak(new DateOnly(2028, 3, 1), new DateOnly(2028, 5, 31)).Waarde };
        var concept = LagereGrensVanaf(huidig);
        concept = concept with { Producten = [.. concept.Producten, tijdelijk] };
        var verschil = new Regelverschil(inForce, concept);

        for (var d = new DateOnly(2026, 1, 1); d <= new DateOnly(2029, 1, 1); d = d.AddDays(1))
        {
            var perDatum = new Dagverschil(inForce.OpDatum(d), concept.OpDatum(d)).Verschillen.Order().ToList();
            Assert.Equal(perDatum, verschil.Op(d).Verschillen.Order().ToList());
        }

        Assert.True(verschil.Verschilt(new DateOnly(2028, 3, 1), Regelonderdeel.Product, "99Z98"));
        Assert.False(verschil.Verschilt(new DateOnly(2028, 6, 1), Regelonderdeel.Product, "99Z98"));
        Assert.True(verschil.Verschilt(new DateOnly(2028, 2, 1), Regelonderdeel.Beleid, ""));
        Assert.False(verschil.Verschilt(new DateOnly(2028, 1, 31), Regelonderdeel.Beleid, ""));
    }

    [Fact]
    public void Met_een_andere_vrije_dag_is_elk_besluit_meteen_anders()
    {
        var huidig = Flevoland();
        var verschil = new Regelverschil(huidig, huidig with { ExtraVrijeDagen = [.. huidig.ExtraVrijeDagen, new ExtraVrijeDag(new DateOnly(2027, 6, 14), "concept")] });

        Assert.True(verschil.Getuige().Verschilt);
    }
}
