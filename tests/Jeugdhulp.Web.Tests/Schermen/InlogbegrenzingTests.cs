using System.Net;
using Jeugdhulp.Web.Schermen;
using Microsoft.AspNetCore.Http;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>The rate limiter in front of the login form: per client address and over all addresses.</summary>
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
    public void Over_alle_adressen_samen_geldt_een_grens_per_minuut()
    {
        using var begrenzing = Inlogbegrenzing.Maak(pogingenPerMinuut: 3);

        for (var i = 1; i <= 3; i++)
        {
            using var toegestaan = begrenzing.AttemptAcquire(Inlogpost($"10.0.0.{i}"));
            Assert.True(toegestaan.IsAcquired);
        }

        using var teVeel = begrenzing.AttemptAcquire(Inlogpost("10.0.0.4"));
        Assert.False(teVeel.IsAcquired);
    }

    [Fact]
    public void Per_adres_een_beperkt_aantal_pogingen_per_minuut_en_een_ander_adres_telt_apart()
    {
        using var begrenzing = Inlogbegrenzing.Maak(pogingenPerMinuut: 1000);
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
        using var begrenzing = Inlogbegrenzing.Maak(pogingenPerMinuut: 1000);
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
