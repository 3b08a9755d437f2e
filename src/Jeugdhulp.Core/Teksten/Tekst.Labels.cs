using Jeugdhulp.Core.Regels;

namespace Jeugdhulp.Core.Teksten;

public static partial class Tekst
{
    /// <summary>
    /// What an exception to an age limit (HK-PRD-6) means, lower case as it stands in a sentence: the engine's finding
    /// names the one that applies, the CLI's rule listing every one a perceel allows.
    /// </summary>
    public static string Uitzondering(LeeftijdUitzondering u) => u switch
    {
        LeeftijdUitzondering.GezinslidInZelfdePerceel => "een andere jeugdige in het gezin krijgt hulp uit hetzelfde perceel",
        LeeftijdUitzondering.OuderMetOpvoedvraag => "een ouder heeft een toewijzing voor een opvoedvraag",
        LeeftijdUitzondering.Jeugdreclassering => "er loopt een jeugdreclasseringsmaatregel",
        _ => u.ToString(),
    };

    /// <summary>The Dutch word for a decision's outcome, lower case, as staff read it in a list.</summary>
    public static string Uitkomstwoord(Toewijzing.Uitkomst u) => u switch
    {
        Toewijzing.Uitkomst.Toegekend => "toegekend",
        Toewijzing.Uitkomst.Afgewezen => "afgewezen",
        _ => "beoordelen",
    };

    /// <summary>The kind of product (individual, group, family, extra client), lower case.</summary>
    public static string Productsoort(ProductSoort s) => s switch
    {
        ProductSoort.Individueel => "individueel",
        ProductSoort.Groep => "groep",
        ProductSoort.Gezin => "gezin",
        ProductSoort.ExtraClient => "extra cliënt",
        _ => s.ToString(),
    };

    /// <summary>What the stacking matrix says of two products side by side (HK-PRD-7), lower case.</summary>
    public static string Stapeling(StapelingUitkomst u) => u switch
    {
        StapelingUitkomst.Toegestaan => "toegestaan",
        StapelingUitkomst.Beoordelen => "beoordelen",
        StapelingUitkomst.Verboden => "verboden",
        _ => u.ToString(),
    };

    /// <summary>Who must act within a deadline, lower case.</summary>
    public static string Partij(Partij p) => p switch
    {
        Regels.Partij.Gemeente => "gemeente",
        Regels.Partij.Aanbieder => "aanbieder",
        Regels.Partij.Verwijzer => "verwijzer",
        Regels.Partij.Regio => "regio",
        _ => p.ToString(),
    };

    /// <summary>The unit of a deadline or duration in the rule data, for <paramref name="aantal"/> of it.</summary>
    public static string Termijneenheid(TermijnEenheid e, int aantal) => e switch
    {
        TermijnEenheid.Werkdagen => aantal == 1 ? "werkdag" : "werkdagen",
        TermijnEenheid.Dagen => aantal == 1 ? "dag" : "dagen",
        TermijnEenheid.Weken => aantal == 1 ? "week" : "weken",
        TermijnEenheid.Maanden => aantal == 1 ? "maand" : "maanden",
        TermijnEenheid.Jaren => "jaar",
        _ => e.ToString(),
    };
}
