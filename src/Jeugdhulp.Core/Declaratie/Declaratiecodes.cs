namespace Jeugdhulp.Core.Declaratie;

/// <summary>The iJw 3.2 retour codes (LDT_RetourCode) the declaration checks give, with the rule behind each.</summary>
public static class Declaratiecodes
{
    /// <summary>TR418: the tariff is not the contract tariff (also: no contract for the product on that date).</summary>
    public const string TariefOngelijkContract = "0611";

    /// <summary>IV087: every prestatie approved.</summary>
    public const string VolledigToegewezen = "8001";

    /// <summary>TR323/TR316: no approved debet known for this credit.</summary>
    public const string CreditZonderDebet = "8017";

    /// <summary>TR314: the ReferentieNummer was delivered before.</summary>
    public const string ReferentieAlAangeleverd = "8021";

    /// <summary>TR304: the prestatie does not belong to this client (or to this provider's allocation).</summary>
    public const string NietVanClient = "8187";

    /// <summary>DeclaratieDagtekening after the system date.</summary>
    public const string DagtekeningInToekomst = "8848";

    /// <summary>TR307: begin outside the allocation.</summary>
    public const string BeginBuitenToewijzing = "9307";

    /// <summary>TR308: end outside the allocation.</summary>
    public const string EindBuitenToewijzing = "9308";

    /// <summary>TR319: ProductPeriode not inside a (current or earlier) DeclaratiePeriode.</summary>
    public const string BuitenDeclaratieperiode = "9319";

    /// <summary>TR321: the volume exceeds the allocated volume.</summary>
    public const string VolumeTeHoog = "9321";

    /// <summary>TR322: the sum of the volumes exceeds the allocated volume.</summary>
    public const string SomVolumeTeHoog = "9322";

    /// <summary>TR333: DeclaratieNummer not unique.</summary>
    public const string DeclaratieNummerNietUniek = "9333";

    /// <summary>TR338 (and HK-323-8): not linked to a declarable allocated product.</summary>
    public const string GeenToewijzing = "9338";

    /// <summary>TR339: category differs from the allocation's.</summary>
    public const string CategorieOngelijk = "9339";

    /// <summary>TR340: product code differs from the allocation's.</summary>
    public const string CodeOngelijk = "9340";

    /// <summary>TR341 (and HK-323-2): unit does not fit the allocation's.</summary>
    public const string EenheidOngelijk = "9341";

    /// <summary>TR346: amount is not volume × tariff.</summary>
    public const string BedragOngelijk = "9346";

    /// <summary>TR369: the sum exceeds the allocated budget.</summary>
    public const string BudgetOverschreden = "9369";

    /// <summary>TR384: declared on a deleted allocation (RedenWijziging 13).</summary>
    public const string ToewijzingVerwijderd = "9384";

    /// <summary>TR387: begin is not the first of the month (or the allocation's Ingangsdatum).</summary>
    public const string BeginNietMaandgrens = "9387";

    /// <summary>TR388: end is not the last of the month (or the allocation's Einddatum).</summary>
    public const string EindNietMaandgrens = "9388";

    /// <summary>TR389/TR416: a second debet for the same allocation, period and product without a credit.</summary>
    public const string TweedeDebet = "9389";

    /// <summary>TR390: this debet was already credited.</summary>
    public const string AlGecrediteerd = "9390";
}
