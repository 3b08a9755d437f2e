namespace Jeugdhulp.Cli.Tests;

public class WerkdagenOpdrachtTests
{
    private static (int Code, string Uit, string Fout) Run(params string[] args) => Pijplijn.Run(args);

    [Fact]
    public void Drukt_alleen_de_datum_af()
    {
        var (code, uit, _) = Run("werkdagen", "2027-04-26", "5");
        Assert.Equal(0, code);
        Assert.Equal("2027-05-04" + Environment.NewLine, uit);
    }

    [Theory]
    [InlineData("werkdagen")]
    [InlineData("werkdagen", "2027-13-01", "5")]
    [InlineData("werkdagen", "2027-04-26", "-1")]
    [InlineData("werkdagen", "2027-04-26", "vijf")]
    [InlineData("onbekend")]
    public void Gebruiksfout_geeft_exitcode_2_met_uitleg(params string[] args)
    {
        var (code, uit, fout) = Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", uit);
        Assert.Contains("Gebruik: jeugdhulp", fout, StringComparison.Ordinal);
    }
}
