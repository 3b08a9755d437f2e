using Jeugdhulp.Core.Tijd;

namespace Jeugdhulp.Core.Tests.Tijd;

/// <summary>The one clock: the business date and time of day in Europe/Amsterdam, whatever the machine's zone.</summary>
public class BedrijfstijdTests
{
    private sealed class Klok(DateTimeOffset nu) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => nu.ToUniversalTime();

        // A machine in another zone: the business date must not follow it.
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    }

    private static Klok Utc(int jaar, int maand, int dag, int uur, int minuut) => new(new DateTimeOffset(jaar, maand, dag, uur, minuut, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(2027, 1, 14, 23, 30, "2027-01-15", "00:30:00")] // winter, UTC+1: just after midnight in Amsterdam
    [InlineData(2027, 7, 1, 22, 30, "2027-07-02", "00:30:00")] // summer, UTC+2
    [InlineData(2027, 7, 1, 21, 59, "2027-07-01", "23:59:00")]
    [InlineData(2027, 1, 14, 22, 59, "2027-01-14", "23:59:00")]
    public void Vandaag_en_de_tijd_zijn_die_van_Amsterdam_ook_vlak_na_middernacht(int j, int m, int d, int u, int min, string dag, string tijd)
    {
        var klok = Utc(j, m, d, u, min);

        Assert.Equal(DateOnly.Parse(dag, System.Globalization.CultureInfo.InvariantCulture), Bedrijfstijd.Vandaag(klok));
        Assert.Equal(TimeOnly.Parse(tijd, System.Globalization.CultureInfo.InvariantCulture), Bedrijfstijd.Tijd(klok));
    }

    [Theory]
    [InlineData(2027, 3, 28, 0, 59, "01:59:00", 1)] // last minute of winter time
    [InlineData(2027, 3, 28, 1, 0, "03:00:00", 2)] // 02:00 does not exist: the clocks go to 03:00
    [InlineData(2027, 10, 31, 0, 30, "02:30:00", 2)] // 02:30 summer time …
    [InlineData(2027, 10, 31, 1, 30, "02:30:00", 1)] // … and an hour later 02:30 winter time
    public void Op_de_zomertijdgrens_volgt_de_tijd_de_klok_van_Amsterdam(int j, int m, int d, int u, int min, string tijd, int offset)
    {
        var nu = Bedrijfstijd.Nu(Utc(j, m, d, u, min));

        Assert.Equal(TimeOnly.Parse(tijd, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.FromDateTime(nu.DateTime));
        Assert.Equal(TimeSpan.FromHours(offset), nu.Offset);
        Assert.Equal(new DateOnly(j, m, d), Bedrijfstijd.Vandaag(Utc(j, m, d, u, min)));
    }

    [Fact]
    public void Een_ontvangen_moment_valt_op_de_nederlandse_dag()
    {
        Assert.Equal(new DateOnly(2027, 3, 27), Bedrijfstijd.Dag(new DateTimeOffset(2027, 3, 27, 22, 59, 59, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2027, 3, 28), Bedrijfstijd.Dag(new DateTimeOffset(2027, 3, 27, 23, 0, 0, TimeSpan.Zero)));
    }
}
