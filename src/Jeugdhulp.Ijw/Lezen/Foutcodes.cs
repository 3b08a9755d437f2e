namespace Jeugdhulp.Ijw.Lezen;

/// <summary>
/// Codes for input that fails before the standard's rules apply. The XSD level (IV032 level 1) has no
/// official rule codes, so schema errors get <c>XSD-…</c> codes naming the kind of violation; empty
/// elements and time zones have official rule codes (RS033, RS032) and are reported with those.
/// </summary>
public static class Foutcodes
{
    /// <summary>Not well-formed XML.</summary>
    public const string GeenXml = "XML";

    /// <summary>Well-formed XML, but not one of the 14 iJw 3.2 messages.</summary>
    public const string GeenIjw = "IJW-BERICHT";

    /// <summary>
    /// The reader failed in a way no other code describes. Input is never a reason to throw, so this marks a
    /// reader bug turned into a refusal (the run goes on); the fuzz tests fail when it appears.
    /// </summary>
    public const string Onleesbaar = "ONLEESBAAR";

    /// <summary>The file is larger than the configured limit (<see cref="Berichtgrootte"/>); it is refused before it is read.</summary>
    public const string TeGroot = "GROOTTE";

    public const string Ontbreekt = "XSD-ONTBREEKT";
    public const string Volgorde = "XSD-VOLGORDE";
    public const string TeVeel = "XSD-TEVEEL";
    public const string Onbekend = "XSD-ONBEKEND";
    public const string Naamruimte = "XSD-NAAMRUIMTE";
    public const string Inhoud = "XSD-INHOUD";
    public const string Attribuut = "XSD-ATTRIBUUT";
    public const string Type = "XSD-TYPE";
    public const string Lengte = "XSD-LENGTE";
    public const string Bereik = "XSD-BEREIK";
    public const string Patroon = "XSD-PATROON";
    public const string Codelijst = "XSD-CODELIJST";

    /// <summary>Dates and times carry no time zone.</summary>
    public const string Tijdzone = "RS032";

    /// <summary>No empty elements.</summary>
    public const string Leeg = "RS033";

    /// <summary>Schema-level codes are XML-level or XSD-level (IV032 level 1): no retour is sent for them.</summary>
    public static bool IsSchemaniveau(string code) =>
        code is GeenXml or GeenIjw or Onleesbaar or TeGroot or Tijdzone or Leeg || code.StartsWith("XSD-", StringComparison.Ordinal);
}
