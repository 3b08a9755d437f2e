using Jeugdhulp.Web.Schermen;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>The per-name login throttle on its own, with a clock the test moves.</summary>
public sealed class InlogremmingTests
{
    private sealed class Klok : TimeProvider
    {
        public DateTimeOffset Nu { get; set; } = new(2027, 3, 5, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Nu;
    }

    private readonly Klok klok = new();

    [Fact]
    public void Na_vijf_pogingen_groeit_de_wachttijd_per_poging_tot_het_maximum()
    {
        var remming = new Inlogremming(klok);
        for (var i = 0; i < Inlogremming.MaxPogingen; i++)
        {
            Assert.Null(remming.Probeer("nop"));
        }

        var wachttijden = new List<TimeSpan>();
        for (var i = 0; i < 12; i++)
        {
            var wacht = Assert.IsType<TimeSpan>(remming.Probeer("nop"));
            wachttijden.Add(wacht);
            klok.Nu += wacht;
            Assert.Null(remming.Probeer("nop"));
        }

        Assert.Equal(TimeSpan.FromSeconds(1), wachttijden[0]);
        Assert.Equal(TimeSpan.FromSeconds(2), wachttijden[1]);
        Assert.Equal(TimeSpan.FromSeconds(4), wachttijden[2]);
        Assert.Equal(Inlogremming.MaxWachttijd, wachttijden[^1]);
        Assert.All(wachttijden, w => Assert.True(w <= Inlogremming.MaxWachttijd));
    }

    [Fact]
    public void Gelijktijdige_pogingen_krijgen_samen_niet_meer_dan_vijf_doorgangen()
    {
        var remming = new Inlogremming(klok);

        var doorgelaten = 0;
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 16 }, _ =>
        {
            if (remming.Probeer("nop") is null)
            {
                Interlocked.Increment(ref doorgelaten);
            }
        });

        Assert.Equal(Inlogremming.MaxPogingen, doorgelaten);
    }

    [Fact]
    public void Een_geslaagde_poging_wist_de_telling_en_na_het_venster_is_alles_vergeten()
    {
        var remming = new Inlogremming(klok);
        for (var i = 0; i < Inlogremming.MaxPogingen; i++)
        {
            Assert.Null(remming.Probeer("nop"));
        }

        remming.Gelukt("nop");
        Assert.Null(remming.Probeer("nop"));

        for (var i = 0; i < Inlogremming.MaxPogingen * 2; i++)
        {
            remming.Probeer("urk");
        }

        klok.Nu += Inlogremming.Venster;
        Assert.Null(remming.Probeer("urk"));
    }

    [Fact]
    public void De_rem_geldt_per_gebruikersnaam_ongeacht_hoofdletters_en_spaties()
    {
        var remming = new Inlogremming(klok);
        for (var i = 0; i < Inlogremming.MaxPogingen; i++)
        {
            Assert.Null(remming.Probeer(i % 2 == 0 ? "NOP" : " nop "));
        }

        Assert.NotNull(remming.Probeer("nop"));
        Assert.Null(remming.Probeer("almere"));
    }
}
