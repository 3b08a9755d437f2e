using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Tests.Waarden;

public class PeriodeTests
{
    private static readonly DateOnly Jan1 = new(2027, 1, 1);

    [Fact]
    public void Einddatum_voor_begindatum_geeft_CS003()
    {
        var p = Periode.Maak(Jan1, Jan1.AddDays(-1));
        Assert.Equal("CS003", Assert.Single(p.Fouten).Code);
    }

    [Fact]
    public void Open_periode_bevat_elke_latere_dag_en_overlapt()
    {
        var open = Periode.Vanaf(Jan1);
        Assert.True(open.Bevat(new DateOnly(2099, 1, 1)));
        Assert.False(open.Bevat(Jan1.AddDays(-1)));
        Assert.True(open.Overlapt(Periode.Maak(Jan1.AddYears(5), Jan1.AddYears(6)).Waarde));
        Assert.Null(open.AantalDagen);
    }

    [Fact]
    public void Aangrenzende_perioden_overlappen_niet()
    {
        var a = Periode.Maak(Jan1, new DateOnly(2027, 1, 31)).Waarde;
        var b = Periode.Maak(new DateOnly(2027, 2, 1), null).Waarde;
        Assert.False(a.Overlapt(b));
        Assert.Equal(31, a.AantalDagen);
    }
}
