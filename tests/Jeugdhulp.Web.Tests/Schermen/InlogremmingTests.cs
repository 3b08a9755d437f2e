using Jeugdhulp.Web.Schermen;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>The login throttle on its own, with a clock the test moves.</summary>
public sealed class InlogremmingTests
{
    private sealed class Klok : TimeProvider
    {
        public DateTimeOffset Nu { get; set; } = new(2027, 3, 5, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Nu;
    }

    private readonly Klok klok = new();

    [Fact]
    public void Vijf_mislukte_pogingen_binnen_het_venster_remmen_tot_de_oudste_verloopt()
    {
        var remming = new Inlogremming(klok);
        for (var i = 0; i < Inlogremming.MaxPogingen; i++)
        {
            Assert.Equal(TimeSpan.Zero, remming.Wachttijd("nop"));
            remming.Mislukt("nop");
            klok.Nu += TimeSpan.FromMinutes(1);
        }

        // The first failure was 5 minutes ago: it leaves the 15-minute window in 10 minutes.
        Assert.Equal(TimeSpan.FromMinutes(10), remming.Wachttijd("nop"));
        klok.Nu += TimeSpan.FromMinutes(10);
        Assert.Equal(TimeSpan.Zero, remming.Wachttijd("nop"));
    }

    [Fact]
    public void Vier_mislukte_pogingen_remmen_niet_en_een_geslaagde_wist_de_telling()
    {
        var remming = new Inlogremming(klok);
        for (var i = 0; i < Inlogremming.MaxPogingen - 1; i++)
        {
            remming.Mislukt("nop");
        }

        Assert.Equal(TimeSpan.Zero, remming.Wachttijd("nop"));
        remming.Gelukt("nop");
        remming.Mislukt("nop");
        Assert.Equal(TimeSpan.Zero, remming.Wachttijd("nop"));
    }

    [Fact]
    public void De_rem_geldt_per_gebruikersnaam_ongeacht_hoofdletters_en_spaties()
    {
        var remming = new Inlogremming(klok);
        for (var i = 0; i < Inlogremming.MaxPogingen; i++)
        {
            remming.Mislukt(i % 2 == 0 ? "NOP" : " nop ");
        }

        Assert.True(remming.Wachttijd("nop") > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, remming.Wachttijd("almere"));
    }
}
