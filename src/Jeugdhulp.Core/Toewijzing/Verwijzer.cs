namespace Jeugdhulp.Core.Toewijzing;

/// <summary>The iJw referrer type (LDT_TypeVerwijzer); there is no 07.</summary>
public enum VerwijzerType
{
    /// <summary>01 Gemeente: the lokale toegang.</summary>
    Gemeente = 1,

    /// <summary>02 Huisarts.</summary>
    Huisarts = 2,

    /// <summary>03 Jeugdarts.</summary>
    Jeugdarts = 3,

    /// <summary>04 Gecertificeerde instelling (GI).</summary>
    GecertificeerdeInstelling = 4,

    /// <summary>05 Medisch specialist.</summary>
    MedischSpecialist = 5,

    /// <summary>06 Zelfverwijzer / geen verwijzer.</summary>
    Zelfverwijzer = 6,

    /// <summary>08 Rechter, Officier van Justitie, functionaris JJI.</summary>
    Justitie = 8,
}

/// <summary>The referrer of a requested product (iJw CDT_Verwijzer).</summary>
/// <param name="Type">Referrer type.</param>
/// <param name="Naam">Name of the referrer, when given.</param>
/// <param name="ZorgverlenerCode">AGB code of the referrer, when given.</param>
public sealed record Verwijzer(VerwijzerType Type, string? Naam, string? ZorgverlenerCode)
{
    /// <summary>Huisarts, jeugdarts and medisch specialist: the medical route (HK-ROUTE-1, HK-315-10).</summary>
    public bool IsMedischeRoute => IsMedisch(Type);

    /// <summary>True for the referrer types of the medical route (02, 03, 05).</summary>
    public static bool IsMedisch(VerwijzerType type) =>
        type is VerwijzerType.Huisarts or VerwijzerType.Jeugdarts or VerwijzerType.MedischSpecialist;

    /// <summary>True for the compulsory JB/JR route (04 GI, 08 justice).</summary>
    public static bool IsGedwongenKader(VerwijzerType type) =>
        type is VerwijzerType.GecertificeerdeInstelling or VerwijzerType.Justitie;
}
