namespace Jeugdhulp.Core.Toewijzing;

/// <summary>The size of a requested or allocated product (iJw CDT_Omvang).</summary>
/// <param name="Volume">Number of units.</param>
/// <param name="Eenheid">iJw unit code: 01 minuut, 04 uur, 84 stuks (inspanning) …</param>
/// <param name="Frequentie">iJw frequency code: 6 is "totaal binnen geldigheidsduur toewijzing".</param>
public sealed record Omvang(int Volume, string Eenheid, string Frequentie)
{
    /// <summary>iJw unit code for minutes.</summary>
    public const string Minuut = "01";

    /// <summary>iJw unit code for hours.</summary>
    public const string Uur = "04";

    /// <summary>iJw frequency code "totaal binnen geldigheidsduur toewijzing".</summary>
    public const string Totaal = "6";

    /// <summary>The volume in minutes, when the unit is a time unit; null otherwise.</summary>
    public long? InMinuten => MinutenPer(Eenheid) * (long)Volume;

    /// <summary>Minutes per unit for the iJw units that measure time (01 minute, 04 hour); null for any other unit.</summary>
    public static int? MinutenPer(string eenheid) => eenheid switch
    {
        Minuut => 1,
        Uur => 60,
        _ => null,
    };

    /// <inheritdoc />
    public override string ToString() => $"{Volume} (eenheid {Eenheid}, frequentie {Frequentie})";
}
