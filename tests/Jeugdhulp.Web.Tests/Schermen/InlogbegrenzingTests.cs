using System.Net;
using Jeugdhulp.Web.Schermen;
using Microsoft.AspNetCore.Http;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>The rate limiter in front of the login form: per client address, and a global bound on password checks.</summary>
public sealed class InlogbegrenzingTests
{
    private static DefaultHttpContext Inlogpost(string adres)
    {
        var ctx = new DefaultHttpContext();
        ctx.Request.Method = "POST";
        ctx.Request.Path = "/inloggen";
        ctx.Connection.RemoteIpAddress = IPAddress.Parse(adres);
        return ctx;
    }

    [Fact]
    public void Nooit_meer_wachtwoordcontroles_tegelijk_dan_het_maximum_ook_van_verschillende_adressen()
    {
        using var begrenzing = Inlogbegrenzing.Maak(gelijktijdig: 2, wachtrij: 0);

        using var a = begrenzing.AttemptAcquire(Inlogpost("10.0.0.1"));
        using var b = begrenzing.AttemptAcquire(Inlogpost("10.0.0.2"));
        var c = begrenzing.AttemptAcquire(Inlogpost("10.0.0.3"));

        Assert.True(a.IsAcquired);
        Assert.True(b.IsAcquired);
        Assert.False(c.IsAcquired);
        a.Dispose();
        using var d = begrenzing.AttemptAcquire(Inlogpost("10.0.0.3"));
        Assert.True(d.IsAcquired);
    }

    [Fact]
    public void Per_adres_een_beperkt_aantal_pogingen_per_minuut_en_een_ander_adres_telt_apart()
    {
        using var begrenzing = Inlogbegrenzing.Maak(gelijktijdig: 1, wachtrij: 0);
        for (var i = 0; i < Inlogbegrenzing.PogingenPerAdresPerMinuut; i++)
        {
            using var toegestaan = begrenzing.AttemptAcquire(Inlogpost("10.0.0.1"));
            Assert.True(toegestaan.IsAcquired);
        }

        using var teVeel = begrenzing.AttemptAcquire(Inlogpost("10.0.0.1"));
        using var ander = begrenzing.AttemptAcquire(Inlogpost("10.0.0.2"));
        Assert.False(teVeel.IsAcquired);
        Assert.True(ander.IsAcquired);
    }

    [Fact]
    public void Andere_verzoeken_dan_het_inlogformulier_worden_niet_begrensd()
    {
        using var begrenzing = Inlogbegrenzing.Maak(gelijktijdig: 1, wachtrij: 0);
        using var inloggen = begrenzing.AttemptAcquire(Inlogpost("10.0.0.1"));
        var api = new DefaultHttpContext();
        api.Request.Method = "POST";
        api.Request.Path = "/api/berichten";

        for (var i = 0; i < 100; i++)
        {
            using var lease = begrenzing.AttemptAcquire(api);
            Assert.True(lease.IsAcquired);
        }
    }
}
