using Jeugdhulp.Core.Verblijf;

namespace Jeugdhulp.Core.Teksten;

public static partial class Tekst
{
    /// <summary>How a 24-hour placement started (HK-24-3, HK-24-8), lower case.</summary>
    public static string Plaatsingsroute(Plaatsingsroute r) => r switch
    {
        Verblijf.Plaatsingsroute.Regulier => "regulier (beschikking na dialoog)",
        Verblijf.Plaatsingsroute.Crisis => "crisis (vrijwillig)",
        Verblijf.Plaatsingsroute.VeiligThuis => "crisis via Veilig Thuis",
        Verblijf.Plaatsingsroute.Gedwongen => "gedwongen kader (V-OTS of spoedmachtiging)",
        _ => r.ToString(),
    };

    /// <summary>The perspectiefregisseur (HK-24-9), lower case.</summary>
    public static string Regisseur(Regisseur? r) => r switch
    {
        Verblijf.Regisseur.LokaleToegang => "lokale toegang",
        Verblijf.Regisseur.Gi => "gecertificeerde instelling",
        _ => "niet vastgelegd",
    };

    /// <summary>The outcome of a consult (HK-24-6), lower case.</summary>
    public static string Consultuitkomst(Consultuitkomst? u) => u switch
    {
        Verblijf.Consultuitkomst.Opschalen => "opschalen naar 24-uurs zorg",
        Verblijf.Consultuitkomst.LokaalOplossen => "lokaal oplossen",
        Verblijf.Consultuitkomst.NaderOnderzoek => "nader onderzoek",
        Verblijf.Consultuitkomst.Expertteam => "regionale expertteamtafel",
        _ => "nog niet gehouden",
    };

    /// <summary>The state of one of the two meerzorg checks (HK-24-10), lower case.</summary>
    public static string Toetsstand(Toetsstand t) => t switch
    {
        Verblijf.Toetsstand.Positief => "positief",
        Verblijf.Toetsstand.Negatief => "negatief",
        _ => "nog open",
    };

    /// <summary>Who decides an escalation (HK-24-12), lower case.</summary>
    public static string Beslisser(Beslisser b) => b switch
    {
        Verblijf.Beslisser.VeiligThuis => "Veilig Thuis",
        Verblijf.Beslisser.Gi => "de gecertificeerde instelling",
        _ => "de verwijzer of perspectiefregisseur",
    };
}
