namespace Jeugdhulp.Cli.Tests;

public class GroepstijdOpdrachtTests
{
    [Theory]
    [InlineData("60", "2", "6", "20")] // HK-323-6's own example
    [InlineData("60", "1", "7", "8")] // 8.57 rounded down
    public void De_laatste_regel_is_het_aantal_minuten_per_client(string minuten, string medewerkers, string clienten, string verwacht)
    {
        var (code, uit, _) = Pijplijn.Run("groepstijd", "--minuten", minuten, "--medewerkers", medewerkers, "--clienten", clienten);

        Assert.Equal(0, code);
        var regels = uit.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(verwacht, regels[^1]);
        Assert.Contains("HK-323-6", regels[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--minuten", "60", "--medewerkers", "2")]
    [InlineData("--minuten", "zestig", "--medewerkers", "2", "--clienten", "6")]
    [InlineData("--minuten", "60", "--medewerkers", "2", "--clienten", "0")]
    [InlineData("--minuten", "-5", "--medewerkers", "2", "--clienten", "6")]
    public void Ontbrekende_of_foute_waarden_geven_exitcode_2_met_uitleg(params string[] args)
    {
        var (code, uit, fout) = Pijplijn.Run(["groepstijd", .. args]);

        Assert.Equal(2, code);
        Assert.Empty(uit);
        Assert.Contains("groepstijd", fout, StringComparison.Ordinal);
    }
}
