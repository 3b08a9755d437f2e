using Jeugdhulp.Core.Tijd;
using Jeugdhulp.Store.Verwerking;
using Klok = Jeugdhulp.Store.Tests.Infrastructuur.VasteKlok;

namespace Jeugdhulp.Store.Tests.Verwerking;

/// <summary>The clock of deciding: the processing date with the injected clock's Dutch time of day.</summary>
public sealed class BeslisklokTests
{
    [Fact]
    public void Geeft_de_verwerkingsdatum_met_de_Nederlandse_tijd_van_de_klok()
    {
        var klok = new Beslisklok(new DateOnly(2027, 3, 5), new Klok(new DateTimeOffset(2027, 7, 1, 21, 59, 58, TimeSpan.Zero)));

        Assert.Equal(new DateOnly(2027, 3, 5), Bedrijfstijd.Vandaag(klok));
        Assert.Equal(new TimeOnly(23, 59, 58), Bedrijfstijd.Tijd(klok));
        Assert.Equal(new DateTime(2027, 3, 5, 23, 59, 58), klok.GetLocalNow().DateTime);
    }

    [Fact]
    public void Volgt_een_lopende_klok()
    {
        var bron = new Klok(new DateTimeOffset(2027, 3, 5, 8, 0, 0, TimeSpan.Zero));
        var klok = new Beslisklok(new DateOnly(2027, 3, 5), bron);

        bron.Nu = bron.Nu.AddSeconds(61);

        Assert.Equal(new TimeOnly(9, 1, 1), Bedrijfstijd.Tijd(klok));
    }

    [Fact]
    public void Een_tijd_in_het_overgeslagen_uur_van_de_zomertijd_schuift_een_uur_op()
    {
        // 28 March 2027: 02:00 CET becomes 03:00 CEST, so 02:30 does not exist on that day.
        var klok = new Beslisklok(new DateOnly(2027, 3, 28), new Klok(new DateTimeOffset(2027, 3, 27, 1, 30, 0, TimeSpan.Zero)));

        Assert.Equal(new DateOnly(2027, 3, 28), Bedrijfstijd.Vandaag(klok));
        Assert.Equal(new TimeOnly(3, 30, 0), Bedrijfstijd.Tijd(klok));
    }
}
