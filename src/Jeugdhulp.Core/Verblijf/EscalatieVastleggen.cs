using Jeugdhulp.Core.Toewijzing;

namespace Jeugdhulp.Core.Verblijf;

/// <summary>Who decides when referrer and partnership disagree (HK-24-12).</summary>
public enum Beslisser
{
    /// <summary>Veilig Thuis (crisis route via Veilig Thuis).</summary>
    VeiligThuis,

    /// <summary>The GI (compulsory route).</summary>
    Gi,

    /// <summary>The referrer or perspectiefregisseur (under the Jeugdwet, otherwise).</summary>
    VerwijzerOfRegisseur,
}

/// <summary>
/// HK-24-12 (opschaalmodel; its annex is empty in the seed, so only who decides is a rule): in the crisis routes
/// Veilig Thuis or the GI decides, not the referrer; otherwise the referrer or perspectiefregisseur.
/// </summary>
public static class EscalatieVastleggen
{
    /// <summary>Who decides an escalation on a placement of <paramref name="route"/>.</summary>
    public static Beslisser WieBeslist(Plaatsingsroute route) => route switch
    {
        Plaatsingsroute.VeiligThuis => Beslisser.VeiligThuis,
        Plaatsingsroute.Gedwongen => Beslisser.Gi,
        _ => Beslisser.VerwijzerOfRegisseur,
    };

    /// <summary>The finding that records an escalation and who decides it.</summary>
    public static Bevinding Vastleggen(Plaatsingsroute route, string onderwerp)
    {
        var b = new Beoordeling();
        switch (WieBeslist(route))
        {
            case Beslisser.VeiligThuis:
                b.Beoordelen("HK-24-12", "veilig-thuis-beslist", ("onderwerp", onderwerp));
                break;
            case Beslisser.Gi:
                b.Beoordelen("HK-24-12", "gi-beslist", ("onderwerp", onderwerp));
                break;
            default:
                b.Beoordelen("HK-24-12", "verwijzer-beslist", ("onderwerp", onderwerp));
                break;
        }

        return b.Bevindingen[0];
    }
}
