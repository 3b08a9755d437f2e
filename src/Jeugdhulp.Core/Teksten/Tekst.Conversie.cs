using Jeugdhulp.Core.Conversie;

namespace Jeugdhulp.Core.Teksten;

public static partial class Tekst
{
    /// <summary>A conversion route (HK-CONV-2) as staff read it; the code as in conversie.json and the plan.</summary>
    public static string Conversieroute(string route) => route switch
    {
        "administratief" => "administratieve conversie",
        ConversiewerkAfhandelen.LichteToets => "conversie met lichte toets",
        ConversiewerkAfhandelen.Herindicatie => "herindicatie",
        _ => route,
    };

    /// <summary>Why a conversion work item waits for a person.</summary>
    public static string Conversiewerk(string werk) => werk switch
    {
        ConversiewerkAfhandelen.LichteToets => "lichte toets",
        ConversiewerkAfhandelen.Herindicatie => "herindicatie",
        ConversiewerkAfhandelen.ZonderContract => "aanbieder zonder regionaal contract (HK-CONV-3)",
        _ => werk,
    };

    /// <summary>How a conversion work item was closed.</summary>
    public static string Afhandeling(Afhandeling afhandeling) => afhandeling switch
    {
        Conversie.Afhandeling.Toegewezen => "regionale toewijzing afgegeven",
        Conversie.Afhandeling.Herindicatie => "herindicatie nodig, buiten de conversie gestart",
        Conversie.Afhandeling.Beeindigd => "zorg stopt bij de overgang",
        Conversie.Afhandeling.Afronden => "aanbieder rondt de zorg binnen de termijn af",
        Conversie.Afhandeling.Overstap => "cliënt stapt over naar een gecontracteerde aanbieder",
        Conversie.Afhandeling.Onderaanneming => "aanbieder werkt in onderaanneming van een gecontracteerde aanbieder",
        Conversie.Afhandeling.Maatwerkovereenkomst => "afronding onder een maatwerkovereenkomst",
        _ => throw new ArgumentOutOfRangeException(nameof(afhandeling), afhandeling, null),
    };
}
