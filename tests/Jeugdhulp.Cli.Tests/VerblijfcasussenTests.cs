using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Verblijf;
using Jeugdhulp.Demo;

namespace Jeugdhulp.Cli.Tests;

/// <summary>
/// The planned 24-hour trajectories of a generated region (no store, so fast): the proportions docs/VERBLIJF.md
/// documents, every crisis course, and the Samenwerkingsverband's contracts.
/// </summary>
public class VerblijfcasussenTests
{
    private static readonly DateOnly Start = new(2027, 1, 1);

    private static (Regio Regio, List<Verblijfcasus> Casussen) Plan(int clienten, int maanden, ulong zaad)
    {
        var regels = RegiogeneratorTests.Regels.OpDatum(Start);
        var toeval = new Toeval(zaad);
        var regio = Regio.Maak(regels, toeval.Tak("regio"), clienten, Start);
        regio.MaakSamenwerkingsverband(toeval.Tak("samenwerkingsverband"));
        return (regio, Verblijfcasussen.Maak(regio, toeval.Tak("verblijf"), clienten, maanden, Start.AddMonths(maanden).AddDays(-1)));
    }

    [Theory]
    [InlineData(300, 3, 1UL)]
    [InlineData(3000, 6, 2UL)]
    public void De_verhoudingen_zijn_die_van_de_documentatie(int clienten, int maanden, ulong zaad)
    {
        var (_, casussen) = Plan(clienten, maanden, zaad);
        var regulier = casussen.Where(c => c.Crisis == Crisisverloop.Geen).ToList();
        var crises = casussen.Where(c => c.Crisis != Crisisverloop.Geen).ToList();

        // One in twelve (plus the young mothers), five crises per 1,000 clients per month, one moeder-kind per 250 clients.
        Assert.Equal((int)Math.Round(clienten * Verblijfcasussen.AandeelVerblijf), regulier.Count(c => c.Baby is null));
        Assert.Equal(Math.Max(3, (int)Math.Round(clienten * maanden * Verblijfcasussen.CrisesPerClientPerMaand)), crises.Count);
        Assert.Equal(Math.Max(1, clienten / Verblijfcasussen.ClientenPerMoederKind), casussen.Count(c => c.Baby is not null));

        // Meerzorg only on a product with a ZZP, for a small share of them.
        var regels = RegiogeneratorTests.Regels.OpDatum(Start).Verblijf!;
        var metZzp = regulier.Where(c => Verblijfcasussen.Zzp(c.Product, regels.Soort(c.Product.Code)) is not null).ToList();
        Assert.All(casussen.Where(c => c.Meerzorg), c => Assert.Contains(c, metZzp));
        Assert.InRange((double)metZzp.Count(c => c.Meerzorg) / metZzp.Count, 0.05, 0.4);

        // Pleegzorg is the largest product; Jeugdzorg Plus always through the GI.
        var perSoort = regulier.GroupBy(c => regels.Soort(c.Product.Code)).ToDictionary(g => g.Key!.Value, g => g.Count());
        Assert.Equal(VerblijfSoort.Pleegzorg, perSoort.MaxBy(p => p.Value).Key);
        Assert.All(regulier.Where(c => regels.Soort(c.Product.Code) == VerblijfSoort.JeugdzorgPlus), c => Assert.True(c.Gi));
        Assert.All(casussen, c => Assert.InRange(c.Client.LeeftijdOp(Start), 4, 17));
    }

    [Fact]
    public void Elk_crisisverloop_komt_voor_en_de_laatste_crises_lopen_nog_op_de_eerste_werkdag_na_de_run()
    {
        var (_, casussen) = Plan(60, 2, 7);
        var eind = Start.AddMonths(2).AddDays(-1);
        var crises = casussen.Where(c => c.Crisis != Crisisverloop.Geen).ToList();

        Assert.Contains(crises, c => c.Crisis == Crisisverloop.Vervolg);
        var zonder = Assert.Single(crises, c => c.Crisis == Crisisverloop.ZonderPerspectief);
        var overbrugging = Assert.Single(crises, c => c.Crisis == Crisisverloop.Overbrugging);
        // Day 14 lies before the end, day 28 after it: the deadline watch shows one overdue and one coming.
        Assert.True(zonder.Dag.AddDays(13) < eind && zonder.Dag.AddDays(27) > eind);
        Assert.True(overbrugging.Dag.AddDays(27) > eind);
        Assert.All(crises, c => Assert.Equal(c.Route == Plaatsingsroute.Gedwongen, c.Gi));
    }

    [Fact]
    public void Het_samenwerkingsverband_heeft_een_contract_voor_elk_24_uurs_product_in_elke_gemeente()
    {
        var (regio, _) = Plan(300, 3, 1);

        Assert.Equal(3, regio.Verblijfaanbieders.Count);
        foreach (var a in regio.Verblijfaanbieders)
        {
            foreach (var g in regio.Gemeenten)
            {
                Assert.All(regio.Verblijfproducten(), p => Assert.True(regio.HeeftContract(a.Agb, g, p.Code.Waarde), $"{a.Agb} {g} {p.Code}"));
            }
        }

        Assert.Contains(regio.Verblijfproducten(), p => p.Code.Waarde == "45R02");
    }
}
