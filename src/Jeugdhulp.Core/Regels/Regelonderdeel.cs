namespace Jeugdhulp.Core.Regels;

/// <summary>
/// The kinds of lookup in a <see cref="Regelset"/>, each with its key (a product or lot code, a municipality, a deadline
/// id; empty for a whole list): what a witness (<see cref="Regelgebruik"/>) notes and a <see cref="Regelverschil"/>
/// tells apart per date.
/// </summary>
public enum Regelonderdeel
{
    /// <summary>One product, by code (also a code the set does not hold: the draft may add it).</summary>
    Product,

    /// <summary>Every product in force.</summary>
    Producten,

    /// <summary>The group products of one lot, by lot code.</summary>
    Groepsproducten,

    /// <summary>One lot, by code.</summary>
    Perceel,

    /// <summary>Every lot in force.</summary>
    Percelen,

    /// <summary>One municipality, by code.</summary>
    Gemeente,

    /// <summary>Every municipality in force.</summary>
    Gemeenten,

    /// <summary>A municipality's conversion table, by municipality code.</summary>
    Conversietabel,

    /// <summary>One deadline, by id.</summary>
    Termijn,

    /// <summary>Every deadline in force.</summary>
    Termijnen,

    /// <summary>The stacking matrix.</summary>
    Stapeling,

    /// <summary>The age limits.</summary>
    Leeftijdsgrenzen,

    /// <summary>The policy parameters.</summary>
    Beleid,

    /// <summary>The 24-hour care rules.</summary>
    Verblijf,

    /// <summary>The whole catalogue (reached through <see cref="Regelset.Catalogus"/>): anything of the date.</summary>
    Alles,
}
