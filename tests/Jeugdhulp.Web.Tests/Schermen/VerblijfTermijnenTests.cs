using Jeugdhulp.Core.Verblijf;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Verblijf;
using Jeugdhulp.Web.Tests.Infrastructuur;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>A recorded 24-hour crisis placement (HK-24-8) shows its deadlines on the Termijnen page of its own municipality only.</summary>
public sealed class VerblijfTermijnenTests : IDisposable
{
    private readonly Webfabriek fabriek = new();

    public VerblijfTermijnenTests() => Demodata.Laad(fabriek.Backoffice);

    public void Dispose() => fabriek.Dispose();

    [Fact]
    public async Task HK_24_8_de_termijnen_van_een_crisisplaatsing_staan_op_de_termijnenpagina_van_de_eigen_gemeente()
    {
        var ingang = new DateOnly(2027, 3, 1);
        var crisis = new Verblijfplaatsing(Demodata.Nop, "CR-WEB", Bsn.Parse("100003023").Waarde, ProductCode.Parse("46R01").Waarde,
            Plaatsingsroute.Crisis, ingang, ingang.AddDays(27));
        Assert.True(fabriek.Backoffice.Store.LegPlaatsingVast(fabriek.Backoffice.Regels, crisis, "test").Geschreven);

        using var nop = await Sessie.Ingelogd(fabriek, "nop");
        var html = await nop.Tekst("/termijnen?datum=2027-03-03");
        Assert.Contains("vervolgperspectief crisisplaatsing", html, StringComparison.Ordinal);
        Assert.Contains("HK-24-8-PERSPECTIEF", html, StringComparison.Ordinal);
        Assert.Contains("regio (24-uurs jeugdhulp)", html, StringComparison.Ordinal);

        using var urk = await Sessie.Ingelogd(fabriek, "urk");
        Assert.DoesNotContain("CR-WEB", await urk.Tekst("/termijnen?datum=2027-03-03"), StringComparison.Ordinal);
    }
}
