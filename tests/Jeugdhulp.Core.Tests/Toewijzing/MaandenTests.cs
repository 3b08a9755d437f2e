using Jeugdhulp.Core.Toewijzing;

namespace Jeugdhulp.Core.Tests.Toewijzing;

public class MaandenTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd");

    [Theory]
    [InlineData("2027-01-01", "2027-06-30", 6, 0)]
    [InlineData("2027-01-01", "2028-03-31", 15, 0)]
    [InlineData("2027-01-15", "2027-02-14", 1, 0)]
    [InlineData("2027-01-31", "2027-02-27", 1, 0)] // 31 January + 1 month is 28 February (clamped)
    [InlineData("2027-01-01", "2027-01-10", 0, 10)]
    [InlineData("2027-02-01", "2027-03-15", 1, 15)]
    public void Duur_telt_hele_maanden_en_resterende_dagen(string begin, string eind, int maanden, int dagen) =>
        Assert.Equal((maanden, dagen), Maanden.Duur(D(begin), D(eind)));

    [Theory]
    [InlineData("2027-06-30", 3, "2027-09-30")]
    [InlineData("2027-02-28", 3, "2027-05-31")] // the end of a month stays the end of a month
    [InlineData("2028-03-31", 6, "2028-09-30")]
    public void Verschuif_een_einddatum_met_maanden(string eind, int maanden, string verwacht) =>
        Assert.Equal(D(verwacht), Maanden.Verschuif(D(eind), maanden));

    [Theory]
    [InlineData("2027-04-01", 12, "2028-03-31")]
    [InlineData("2027-04-01", 3, "2027-06-30")]
    [InlineData("2027-01-31", 1, "2027-02-27")]
    public void EindeNa_geeft_de_laatste_dag_van_de_periode(string begin, int maanden, string verwacht) =>
        Assert.Equal(D(verwacht), Maanden.EindeNa(D(begin), maanden));
}
