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
    public void De_getuige_noteert_elke_datum_waarvan_een_besluit_de_regels_las_en_verandert_het_besluit_niet()
    {
        var regels = Flevoland();
        var bronnen = new Beoordelingsbronnen(regels, Array.Empty<Contract>(), new Inwonersregister([]), TimeProvider.System);
        var getuige = new Regelgebruik();
        var gevolgd = bronnen.MetGetuige(getuige);

        var a = gevolgd.Regels(Wijziging);
        gevolgd.Regels(new DateOnly(2027, 1, 1));
        gevolgd.Regels(Wijziging);

        Assert.Same(bronnen.Regels(Wijziging), a);
        Assert.Equal([Wijziging, new DateOnly(2027, 1, 1)], getuige.Data);
        var verschil = new Regelverschil(regels, LagereGrensVanaf(regels));
        Assert.False(verschil.ZelfdeOp(getuige));
        var vroeg = new Regelgebruik();
        vroeg.Raak(new DateOnly(2027, 1, 1));
        Assert.True(verschil.ZelfdeOp(vroeg));
    }
}
