using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Tests.Regels;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Tests.Inwoners;

/// <summary>The shipped demo/inwoners.csv holds the cases demo/README.md promises.</summary>
public class DemoInwonersTests
{
    private static readonly Inwonersregister Register = Laad();

    private static Inwonersregister Laad()
    {
        var resultaat = InwonersCsv.Lees(File.ReadAllText(Path.Combine(RegelData.RepoRoot, "demo", "inwoners.csv")));
        Assert.True(resultaat.IsGeldig, string.Join(Environment.NewLine, resultaat.Fouten));
        return new Inwonersregister(resultaat.Waarde);
    }

    private static Inwoner Zoek(string bsn) => Register.Zoek(Bsn.Parse(bsn).Waarde)!;

    [Fact]
    public void De_kinderen_uit_de_voorbeeldberichten_zijn_broer_en_zus_in_Noordoostpolder()
    {
        var (jong, oud) = (Zoek("100002183"), Zoek("100002195"));

        Assert.Equal(("0171", new DateOnly(2016, 9, 12)), (jong.Gemeente.Waarde, jong.Geboortedatum));
        Assert.Equal(("0171", new DateOnly(2012, 1, 30)), (oud.Gemeente.Waarde, oud.Geboortedatum));
        Assert.Equal(jong.Huishouden, oud.Huishouden);
        Assert.Contains(Register.Huishouden(jong.Huishouden!), i => i.LeeftijdOp(new DateOnly(2027, 3, 8)) >= 18);
    }

    [Fact]
    public void Er_zijn_dertig_inwoners()
    {
        Assert.Equal(30, Register.Aantal);
    }

    [Fact]
    public void Er_is_een_17_jarige_die_in_2027_18_wordt_met_een_broer_of_zus()
    {
        var huishoudens = new[] { "NOP-SMIT", "URK-ROMKE" }.SelectMany(Register.Huishouden).ToList();

        Assert.Contains(huishoudens, i => i.LeeftijdOp(new DateOnly(2027, 1, 1)) == 17 && i.LeeftijdOp(new DateOnly(2027, 12, 31)) == 18);
        Assert.True(Register.Huishouden("URK-ROMKE").Count >= 2);
    }

    [Fact]
    public void Er_is_een_jeugdreclasseringszaak()
    {
        var jr = Assert.Single(Register.Huishouden("ALM-DEJONG"), i => i.Jeugdreclassering);

        Assert.Equal("0034", jr.Gemeente.Waarde);
    }
}
