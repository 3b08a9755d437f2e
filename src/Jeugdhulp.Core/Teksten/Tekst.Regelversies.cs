namespace Jeugdhulp.Core.Teksten;

public static partial class Tekst
{
    /// <summary>A rule item kind (<see cref="Regelversies.Regelsoort.Code"/>) as the backoffice names it.</summary>
    public static string Regelsoort(string code) => code switch
    {
        "product" => "product (grenzen, duur, eenheid)",
        "perceel" => "perceel en deelname van gemeenten",
        "stapeling" => "stapelingspaar",
        "termijn" => "termijn",
        "beleid" => "beleidsparameters",
        "leeftijd" => "leeftijdsgrens",
        "verblijf" => "24-uurs jeugdhulp (tarief moeder-kindtoeslag)",
        _ => code,
    };
}
