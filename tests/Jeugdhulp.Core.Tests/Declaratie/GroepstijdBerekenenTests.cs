using Jeugdhulp.Core.Declaratie;

namespace Jeugdhulp.Core.Tests.Declaratie;

public class GroepstijdBerekenenTests
{
    [Theory]
    [InlineData(60, 2, 6, 20, 0)] // the Handelingskader's example (HK-323-6)
    [InlineData(60, 1, 7, 8, 4)] // 60/7 = 8.57: rounded down, 4 staff minutes left over
    [InlineData(90, 3, 4, 67, 2)] // 270/4 = 67.5
    [InlineData(45, 1, 1, 45, 0)]
    public void Groepstijd_is_personeelstijd_gedeeld_door_aanwezige_clienten_naar_beneden_afgerond(long minuten, long medewerkers, long clienten, long perClient, long rest)
    {
        var g = GroepstijdBerekenen.Bereken(minuten, medewerkers, clienten).Waarde;

        Assert.Equal(perClient, g.MinutenPerClient);
        Assert.Equal(rest, g.Rest);
        Assert.Equal(minuten * medewerkers, (g.MinutenPerClient * clienten) + g.Rest);
    }

    [Theory]
    [InlineData(0, 1, 1, "--minuten")]
    [InlineData(60, 0, 1, "--medewerkers")]
    [InlineData(60, 1, 0, "--clienten")]
    public void Nul_of_negatief_is_een_fout_met_de_regel(long minuten, long medewerkers, long clienten, string plaats)
    {
        var r = GroepstijdBerekenen.Bereken(minuten, medewerkers, clienten);

        Assert.False(r.IsGeldig);
        Assert.Contains(r.Fouten, f => f.Code == "HK-323-6" && f.Plaats == plaats);
    }

    [Fact]
    public void Te_grote_getallen_geven_een_fout_en_geen_overloop()
    {
        var r = GroepstijdBerekenen.Bereken(long.MaxValue, 2, 1);

        Assert.False(r.IsGeldig);
        Assert.Equal("HK-323-6", r.Fouten[0].Code);
    }
}
