using Jeugdhulp.Ijw.Lezen;

namespace Jeugdhulp.Ijw.Tests.Lezen;

public class BerichtgrootteTests
{
    private static Func<string, string?> Omgeving(string? waarde) => naam => naam == Berichtgrootte.Variabele ? waarde : null;

    [Fact]
    public void Zonder_optie_of_omgeving_is_de_grens_25_MB_volgens_OP179()
    {
        Assert.Equal(25L * 1024 * 1024, Berichtgrootte.Kies(null, Omgeving(null)).Waarde);
    }

    [Fact]
    public void De_optie_wint_van_de_omgeving()
    {
        Assert.Equal(100L * 1024 * 1024, Berichtgrootte.Kies("100", Omgeving("5")).Waarde);
        Assert.Equal(5L * 1024 * 1024, Berichtgrootte.Kies(null, Omgeving("5")).Waarde);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("2048")]
    [InlineData("1.5")]
    [InlineData("veel")]
    public void Een_ongeldige_grens_is_een_gecodeerde_fout_die_de_bron_noemt(string waarde)
    {
        var fout = Assert.Single(Berichtgrootte.Kies(waarde, Omgeving(null)).Fouten);

        Assert.Equal("MAX-BERICHT", fout.Code);
        Assert.Equal(Berichtgrootte.Optie, fout.Plaats);
        Assert.Equal(Berichtgrootte.Variabele, Assert.Single(Berichtgrootte.Kies(null, Omgeving(waarde)).Fouten).Plaats);
    }

    [Fact]
    public void Tot_en_met_de_grens_is_goed_daarboven_GROOTTE_met_beide_maten()
    {
        Assert.Null(Berichtgrootte.Controleer(Berichtgrootte.Standaard, Berichtgrootte.Standaard));

        var fout = Berichtgrootte.Controleer(100 * Berichtgrootte.Mb, Berichtgrootte.Standaard);

        Assert.NotNull(fout);
        Assert.Equal(Foutcodes.TeGroot, fout.Code);
        Assert.Contains("100 MB", fout.Melding, StringComparison.Ordinal);
        Assert.Contains("25 MB", fout.Melding, StringComparison.Ordinal);
        Assert.Contains("25.0 MB", Berichtgrootte.Controleer(Berichtgrootte.Standaard + 1, Berichtgrootte.Standaard)!.Melding, StringComparison.Ordinal);
    }
}
