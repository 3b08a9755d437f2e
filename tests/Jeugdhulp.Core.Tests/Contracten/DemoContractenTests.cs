using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Tests.Regels;

namespace Jeugdhulp.Core.Tests.Contracten;

/// <summary>The shipped demo/contracten.csv parses and fits the shipped rules.</summary>
public class DemoContractenTests
{
    [Fact]
    public void De_democontracten_passen_bij_de_deelname_van_de_gemeenten()
    {
        var contracten = ContractenCsv.Lees(File.ReadAllText(Path.Combine(RegelData.RepoRoot, "demo", "contracten.csv")));
        Assert.True(contracten.IsGeldig, string.Join(Environment.NewLine, contracten.Fouten));
        var catalogus = RegelLader.Laad(RegelData.Flevoland()).Waarde;

        Assert.All(contracten.Waarde, c =>
        {
            var regels = catalogus.OpDatum(c.Geldigheid.Begin);
            var product = regels.Product(c.Product);
            Assert.NotNull(product);
            Assert.True(regels.NeemtDeel(c.Gemeente, product), $"{c.Gemeente} {c.Product}");
        });
        Assert.Contains(contracten.Waarde, c => (c.Gemeente.Waarde, c.Aanbieder.Waarde, c.Product.Waarde, c.TariefCent) == ("0171", "01234567", "45F11", 175));
    }
}
