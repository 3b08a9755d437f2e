namespace Jeugdhulp.Ijw.Retour;

/// <summary>The general retour codes and the declaratie codes this layer sets itself (IJW-3.2 §4).</summary>
public static class Retourcodes
{
    /// <summary>Technical rejection: the message failed at XSLT level (IV032 level 2).</summary>
    public const string Technisch = "0001";

    /// <summary>No remark: the class was assessed and approved.</summary>
    public const string GeenOpmerking = "0200";

    /// <summary>Not assessed: another class made the assessment of this one pointless.</summary>
    public const string NietBeoordeeld = "0233";

    /// <summary>The declaratie is fully approved (IV087).</summary>
    public const string VolledigToegewezen = "8001";
}
