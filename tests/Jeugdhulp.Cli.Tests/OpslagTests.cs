using Jeugdhulp.Ijw.Tests;

namespace Jeugdhulp.Cli.Tests;

/// <summary>What the store commands share: refused rules stop every one of them before the store is touched.</summary>
public sealed class OpslagTests : IDisposable
{
    private readonly string map = Directory.CreateTempSubdirectory("jeugdhulp-opslag-").FullName;

    public void Dispose() => Directory.Delete(map, recursive: true);

    [Theory]
    [InlineData("demo", "demo --clients 5")]
    [InlineData("process", "process x.xml")]
    [InlineData("proef", "proef x.xml")]
    [InlineData("proef", "process --proef x.xml")]
    [InlineData("termijnen", "termijnen")]
    [InlineData("noshow", "noshow --aanbieder 01234567 --toewijzing 1 --bsn 100002183 --datum 2027-03-01")]
    [InlineData("account", "account --gemeente 0171 --gebruiker nop")]
    public void Afgekeurde_regels_stoppen_de_opdracht_met_de_fouten_en_zonder_database(string opdracht, string args)
    {
        var regels = Path.Combine(map, "regels");
        Directory.CreateDirectory(regels);
        foreach (var bestand in Directory.GetFiles(Path.Combine(Paden.RepoRoot, "rules", "flevoland"), "*.json"))
        {
            File.Copy(bestand, Path.Combine(regels, Path.GetFileName(bestand)));
        }

        File.Delete(Path.Combine(regels, "vrije-dagen.json"));
        var data = Path.Combine(map, "data");

        var (code, _, fout) = Pijplijn.Run([.. args.Split(' '), "--data", data, "--rules", regels]);

        Assert.Equal(1, code);
        Assert.Contains($"jeugdhulp {opdracht}: de regels in {regels} zijn afgekeurd:", fout, StringComparison.Ordinal);
        Assert.Contains("vrije-dagen.json: REGEL-BESTAND: verplicht bestand ontbreekt", fout, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(data, "jeugdhulp.db")));
    }
}
