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

    /// <summary>
    /// Only the lot of one product, by product code: a stacking check and the household's allocations of a lot read the
    /// other product's lot and nothing else of it, so a draft that changes only that product's limits does not touch them.
    /// </summary>
    Productperceel,

    /// <summary>Only whether one product is declarable, by code (HK-323-8; it follows from the kind, and is compared as itself).</summary>
    Productsoort,

    /// <summary>Only the unit of one product, by code (a declaration's unit against the product's, HK-323-2).</summary>
    Producteenheid,

    /// <summary>Only the group variant of one product, by code (HK-317-6: an individual product's minutes moved to its group product).</summary>
    Productgroepsvariant,

    /// <summary>The codes of the family products that have a dummy (HK-315-8 names them to a dummy request).</summary>
    Gezinsproducten,

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
