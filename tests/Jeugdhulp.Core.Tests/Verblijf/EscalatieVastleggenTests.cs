using Jeugdhulp.Core.Verblijf;

namespace Jeugdhulp.Core.Tests.Verblijf;

public sealed class EscalatieVastleggenTests
{
    [Theory]
    [InlineData(Plaatsingsroute.VeiligThuis, Beslisser.VeiligThuis)]
    [InlineData(Plaatsingsroute.Gedwongen, Beslisser.Gi)]
    [InlineData(Plaatsingsroute.Crisis, Beslisser.VerwijzerOfRegisseur)]
    [InlineData(Plaatsingsroute.Regulier, Beslisser.VerwijzerOfRegisseur)]
    public void HK_24_12_in_de_crisisroutes_beslist_Veilig_Thuis_of_de_GI_anders_de_verwijzer(Plaatsingsroute route, Beslisser verwacht)
    {
        Assert.Equal(verwacht, EscalatieVastleggen.WieBeslist(route));
        Assert.Equal("HK-24-12", EscalatieVastleggen.Vastleggen(route, "plaatsing").RegelId);
    }
}
