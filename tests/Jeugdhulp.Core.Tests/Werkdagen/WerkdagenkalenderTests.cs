using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Werkdagen;

namespace Jeugdhulp.Core.Tests.Werkdagen;

public class WerkdagenkalenderTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd");

    [Theory]
    [InlineData("2027-04-26", 5, "2027-05-04")] // Koningsdag and the weekend (HK-WD-1's own example)
    [InlineData("2027-03-25", 1, "2027-03-30")] // Goede Vrijdag, weekend, Tweede Paasdag
    [InlineData("2027-05-05", 0, "2027-05-05")]
    [InlineData("2027-05-04", 1, "2027-05-07")] // 5 mei and Hemelvaartsdag 2027-05-06
    [InlineData("2027-12-24", 1, "2027-12-27")] // Christmas on a weekend: the 27th is a werkdag
    public void Plus_telt_alleen_werkdagen(string van, int n, string verwacht) =>
        Assert.Equal(D(verwacht), Werkdagenkalender.Standaard.Plus(D(van), n));

    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    public void Paaszondag_klopt_met_bekende_data(int jaar, string pasen) =>
        Assert.Equal(D(pasen), Werkdagenkalender.Paaszondag(jaar));

    [Fact]
    public void Koningsdag_op_zondag_schuift_naar_26_april()
    {
        // 27 April 2025 was a Sunday.
        Assert.True(Werkdagenkalender.IsFeestdag(D("2025-04-26")));
        Assert.False(Werkdagenkalender.IsFeestdag(D("2025-04-27")) && D("2025-04-27").DayOfWeek != DayOfWeek.Sunday);
        Assert.False(Werkdagenkalender.IsFeestdag(D("2026-04-26")));
        Assert.True(Werkdagenkalender.IsFeestdag(D("2026-04-27")));
    }

    [Fact]
    public void Extra_vrije_dag_uit_de_regeldata_telt_niet_als_werkdag()
    {
        var kalender = new Werkdagenkalender([new ExtraVrijeDag(D("2027-06-01"), "bij koninklijk besluit")]);
        Assert.False(kalender.IsWerkdag(D("2027-06-01")));
        Assert.Equal(D("2027-06-02"), kalender.Plus(D("2027-05-31"), 1));
        Assert.Equal(D("2027-06-01"), Werkdagenkalender.Standaard.Plus(D("2027-05-31"), 1));
    }

    [Fact]
    public void Over_vele_jaren_is_elke_feestdag_geen_werkdag_en_elk_weekend_vrij()
    {
        for (var jaar = 2000; jaar <= 2200; jaar++)
        {
            var pasen = Werkdagenkalender.Paaszondag(jaar);
            Assert.Equal(DayOfWeek.Sunday, pasen.DayOfWeek);
            Assert.InRange(pasen, new DateOnly(jaar, 3, 22), new DateOnly(jaar, 4, 25));
            foreach (var feest in new[] { pasen.AddDays(-2), pasen.AddDays(1), pasen.AddDays(39), pasen.AddDays(50), new DateOnly(jaar, 5, 5), new DateOnly(jaar, 12, 26) })
            {
                Assert.False(Werkdagenkalender.Standaard.IsWerkdag(feest), feest.ToString("yyyy-MM-dd"));
            }

            var koningsdag = new DateOnly(jaar, 4, 27).DayOfWeek == DayOfWeek.Sunday ? new DateOnly(jaar, 4, 26) : new DateOnly(jaar, 4, 27);
            Assert.True(Werkdagenkalender.IsFeestdag(koningsdag));

            // Plus(d, n) is always a werkdag and exactly n werkdagen after d.
            var start = new DateOnly(jaar, 1, 1);
            var einde = Werkdagenkalender.Standaard.Plus(start, 30);
            Assert.True(Werkdagenkalender.Standaard.IsWerkdag(einde));
            Assert.Equal(30, Werkdagenkalender.Standaard.Tussen(start, einde));
        }
    }
}
