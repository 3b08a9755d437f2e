namespace Jeugdhulp.Ijw.Schema;

/// <summary>The iJw 3.2 namespaces (IJW-3.2 §1).</summary>
public static class Naamruimten
{
    public const string Basisschema = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema";

    public const string Voorvoegsel = "http://www.istandaarden.nl/ijw/3_2/";

    public static string Bericht(Berichtsoort soort) => Voorvoegsel + soort.ToString().ToLowerInvariant() + "/schema";
}
