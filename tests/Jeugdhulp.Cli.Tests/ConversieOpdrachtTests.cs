using ClosedXML.Excel;

namespace Jeugdhulp.Cli.Tests;

/// <summary><c>jeugdhulp conversie</c>: import refuses whole files, the plan is printed and saved, execution shows progress.</summary>
public sealed class ConversieOpdrachtTests : IDisposable
{
    private readonly Pijplijn p = new();

    public void Dispose() => p.Dispose();

    private void ImporteerContracten()
    {
        Assert.Equal(0, Pijplijn.Run("import", "contracten", Pijplijn.Demo("contracten.csv"), "--data", p.Data).Code);
        Assert.Equal(0, Pijplijn.Run("import", "contracten", Pijplijn.Demo("contracten-oud.csv"), "--data", p.Data).Code);
    }

    [Fact]
    public void Een_bestand_met_een_foute_regel_wordt_geweigerd_met_regel_kolom_en_reden_en_importeert_niets()
    {
        ImporteerContracten();
        var regels = File.ReadAllLines(Pijplijn.Demo("lopende-toewijzingen.csv")).ToList();
        regels[4] = regels[4].Replace("200000147", "200000148", StringComparison.Ordinal);
        var csv = p.Schrijf("lopend.csv", string.Join('\n', regels) + "\n");

        var (code, _, fout) = Pijplijn.Run("conversie", "--import", csv, "--data", p.Data);

        Assert.Equal(1, code);
        Assert.Contains("lopend.csv: regel 5, kolom bsn: CS002: Het BSN voldoet niet aan de 11-proef.", fout, StringComparison.Ordinal);
        Assert.Contains("er is niets geïmporteerd", fout, StringComparison.Ordinal);
        Assert.DoesNotContain("200000148", fout, StringComparison.Ordinal);
        var plan = Pijplijn.Run("conversie", "--plan", "--data", p.Data, "--today", "2026-12-01");
        Assert.Contains("Conversieplan: 0 lopende toewijzingen", plan.Uit, StringComparison.Ordinal);
    }

    [Fact]
    public void Het_plan_toont_totalen_per_gemeente_aanbieder_en_route_en_bewaart_CSV_en_Excel()
    {
        ImporteerContracten();
        Assert.Equal(0, Pijplijn.Run("conversie", "--import", Pijplijn.Demo("lopende-toewijzingen.csv"), "--data", p.Data).Code);

        var (code, uit, _) = Pijplijn.Run("conversie", "--plan", "--data", p.Data, "--today", "2026-12-01");

        Assert.Equal(0, code);
        Assert.Contains("0034                    3            2             2               1           1        8", uit, StringComparison.Ordinal);
        Assert.Contains("04567890                1            0             0               1           0        1", uit, StringComparison.Ordinal);
        Assert.Contains("totaal                  4            3             3               1           1       11", uit, StringComparison.Ordinal);
        var map = Path.Combine(p.Data, "conversie");
        Assert.Equal(uit[..uit.IndexOf("Opgeslagen", StringComparison.Ordinal)], File.ReadAllText(Path.Combine(map, "conversieplan.txt")));
        var csv = File.ReadAllLines(Path.Combine(map, "conversieplan.csv"));
        Assert.Equal(12, csv.Length);
        using var boek = new XLWorkbook(Path.Combine(map, "conversieplan.xlsx"));
        var blad = boek.Worksheet("Plan");
        Assert.Equal(csv[1].Split(',')[..13], Enumerable.Range(1, 13).Select(k => blad.Cell(2, k).GetString()));
        Assert.Equal("0034", blad.Cell(2, 1).GetString());
        var totalen = boek.Worksheet("Totalen");
        Assert.Equal(("route", "totaal", 11), (totalen.Cell(9, 1).GetString(), totalen.Cell(9, 2).GetString(), totalen.Cell(9, 8).GetValue<int>()));
    }

    [Fact]
    public void Uitvoeren_toont_een_voortgangsbalk_en_een_tweede_keer_doet_niets_meer()
    {
        ImporteerContracten();
        Assert.Equal(0, Pijplijn.Run("conversie", "--import", Pijplijn.Demo("lopende-toewijzingen.csv"), "--data", p.Data).Code);

        var eerste = Pijplijn.Run("conversie", "--uitvoeren", "--data", p.Data, "--today", "2026-12-01");
        var tweede = Pijplijn.Run("conversie", "--uitvoeren", "--data", p.Data, "--today", "2026-12-01");

        Assert.Equal(0, eerste.Code);
        Assert.Contains("] 100% 9/9 cliënten", eerste.Fout, StringComparison.Ordinal);
        Assert.Contains("3 toewijzingen administratief omgezet in 2 JW301-berichten, 7 naar een medewerker", eerste.Uit, StringComparison.Ordinal);
        Assert.Contains("0 cliënten verwerkt", tweede.Uit, StringComparison.Ordinal);
        Assert.Contains("9 cliënten waren al verwerkt", tweede.Uit, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(p.Data, "outbox"), "*_JW301_*.xml").Length);
    }

    [Fact]
    public void Zonder_of_met_twee_acties_is_het_een_gebruiksfout()
    {
        Assert.Equal(2, Pijplijn.Run("conversie", "--data", p.Data).Code);
        Assert.Equal(2, Pijplijn.Run("conversie", "--plan", "--uitvoeren", "--data", p.Data).Code);
    }
}
