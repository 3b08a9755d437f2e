namespace Jeugdhulp.Cli.Tests;

public sealed class TokenOpdrachtTests
{
    [Fact]
    public void Aanmaken_drukt_het_token_als_laatste_regel_af_en_de_lijst_toont_geen_geheim()
    {
        using var p = new Pijplijn();

        var (code, uit, _) = Pijplijn.Run("token", "--aanbieder", "01234567", "--data", p.Data, "--omschrijving", "EPD");

        Assert.Equal(0, code);
        var token = uit.TrimEnd().Split('\n')[^1].Trim();
        Assert.StartsWith("jh_", token, StringComparison.Ordinal);
        var (lijstCode, lijst, _) = Pijplijn.Run("token", "--data", p.Data);
        Assert.Equal(0, lijstCode);
        Assert.Contains("aanbieder\t01234567", lijst, StringComparison.Ordinal);
        Assert.Contains("geldig", lijst, StringComparison.Ordinal);
        Assert.DoesNotContain(token[3..], lijst, StringComparison.Ordinal);
    }

    [Fact]
    public void Intrekken_zet_het_token_op_ingetrokken_en_een_onbekend_nummer_is_exit_1()
    {
        using var p = new Pijplijn();
        Assert.Equal(0, Pijplijn.Run("token", "--gemeente", "0034", "--data", p.Data).Code);

        var (code, uit, _) = Pijplijn.Run("token", "--intrekken", "1", "--data", p.Data);

        Assert.Equal(0, code);
        Assert.Contains("ingetrokken", uit, StringComparison.Ordinal);
        Assert.Contains("ingetrokken", Pijplijn.Run("token", "--data", p.Data).Uit, StringComparison.Ordinal);
        var (onbekend, _, fout) = Pijplijn.Run("token", "--intrekken", "42", "--data", p.Data);
        Assert.Equal(1, onbekend);
        Assert.Contains("TOKEN-ONBEKEND", fout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--aanbieder", "123")]
    [InlineData("--gemeente", "Almere")]
    [InlineData("--intrekken", "x")]
    public void Ongeldige_invoer_is_een_gebruiksfout(string optie, string waarde)
    {
        using var p = new Pijplijn();

        Assert.Equal(2, Pijplijn.Run("token", optie, waarde, "--data", p.Data).Code);
    }

    [Fact]
    public void Aanbieder_en_gemeente_tegelijk_is_een_gebruiksfout()
    {
        using var p = new Pijplijn();

        Assert.Equal(2, Pijplijn.Run("token", "--aanbieder", "01234567", "--gemeente", "0034", "--data", p.Data).Code);
    }
    [Fact]
    public void Een_token_verloopt_standaard_na_een_jaar_en_de_lijst_toont_wanneer()
    {
        using var p = new Pijplijn();
        var voor = DateTime.UtcNow;

        var (code, uit, _) = Pijplijn.Run("token", "--aanbieder", "01234567", "--data", p.Data);

        Assert.Equal(0, code);
        var verloopt = DateOnly.FromDateTime(voor.AddDays(365)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"geldig tot {verloopt}", uit, StringComparison.Ordinal);
        Assert.Contains($"verloopt {verloopt}", Pijplijn.Run("token", "--data", p.Data).Uit, StringComparison.Ordinal);
    }

    [Fact]
    public void Geldig_stelt_de_looptijd_in_dagen_in()
    {
        using var p = new Pijplijn();
        var verloopt = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Contains($"geldig tot {verloopt}", Pijplijn.Run("token", "--gemeente", "0034", "--geldig", "30", "--data", p.Data).Uit, StringComparison.Ordinal);
        Assert.Equal(2, Pijplijn.Run("token", "--gemeente", "0034", "--geldig", "0", "--data", p.Data).Code);
        Assert.Equal(2, Pijplijn.Run("token", "--gemeente", "0034", "--geldig", "drie", "--data", p.Data).Code);
        Assert.Equal(2, Pijplijn.Run("token", "--geldig", "30", "--data", p.Data).Code);
    }

    [Fact]
    public void Vernieuwen_drukt_een_nieuw_token_af_en_laat_het_oude_na_de_overgang_verlopen()
    {
        using var p = new Pijplijn();
        var oud = Pijplijn.Run("token", "--aanbieder", "01234567", "--omschrijving", "EPD", "--data", p.Data).Uit.TrimEnd().Split('\n')[^1].Trim();

        var (code, uit, _) = Pijplijn.Run("token", "--vernieuwen", "1", "--overgang", "0", "--data", p.Data);

        Assert.Equal(0, code);
        var nieuw = uit.TrimEnd().Split('\n')[^1].Trim();
        Assert.StartsWith("jh_", nieuw, StringComparison.Ordinal);
        Assert.NotEqual(oud, nieuw);
        Assert.Contains("Token 2", uit, StringComparison.Ordinal);
        var lijst = Pijplijn.Run("token", "--data", p.Data).Uit.Split('\n');
        Assert.Contains("verlopen", lijst.Single(r => r.StartsWith("1\t", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("EPD", lijst.Single(r => r.StartsWith("2\t", StringComparison.Ordinal)), StringComparison.Ordinal);
        var (onbekend, _, fout) = Pijplijn.Run("token", "--vernieuwen", "42", "--data", p.Data);
        Assert.Equal(1, onbekend);
        Assert.Contains("TOKEN-ONBEKEND", fout, StringComparison.Ordinal);
    }
}
