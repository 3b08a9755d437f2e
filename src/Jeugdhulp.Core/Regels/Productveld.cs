using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Regels;

/// <summary>
/// A field of a product that the engine reads on its own (<see cref="Regelset.PerceelVan"/> and the others beside it): the
/// lookup kind a witness notes for it and the value <see cref="Dagverschil"/> compares for it, stated once. A field read one
/// way and compared another would make the what-if replay reuse a decision the draft does change.
/// </summary>
internal abstract class Productveld(Regelonderdeel onderdeel)
{
    /// <summary>The lot (a stacking check and the household's allocations of a lot read only that of the other product).</summary>
    public static readonly Productveld<string?> Perceel = new(Regelonderdeel.Productperceel, p => p.Perceel);

    /// <summary>
    /// Whether it can be declared (HK-323-8). Compared as that, not as the kind it follows from: a family product made an
    /// individual one is declarable before and after, and nothing reads its kind through this field.
    /// </summary>
    public static readonly Productveld<bool?> Declareerbaar = new(Regelonderdeel.Productsoort, p => p.IsDeclareerbaar);

    /// <summary>The unit (a declaration's unit against the product's, HK-323-2).</summary>
    public static readonly Productveld<string?> Eenheid = new(Regelonderdeel.Producteenheid, p => p.Eenheid);

    /// <summary>The group variant (HK-317-6).</summary>
    public static readonly Productveld<ProductCode?> Groepsvariant = new(Regelonderdeel.Productgroepsvariant, p => p.Groepsvariant);

    /// <summary>Every field above: what <see cref="Dagverschil"/> compares per product that differs.</summary>
    public static IReadOnlyList<Productveld> Alle { get; } = [Perceel, Declareerbaar, Eenheid, Groepsvariant];

    /// <summary>The lookup kind a witness notes when the field is read.</summary>
    public Regelonderdeel Onderdeel => onderdeel;

    /// <summary>True when both products hold the same value in this field.</summary>
    public abstract bool Gelijk(Product x, Product y);
}

/// <summary>A <see cref="Productveld"/> with its value's type.</summary>
internal sealed class Productveld<T>(Regelonderdeel onderdeel, Func<Product, T> waarde) : Productveld(onderdeel)
{
    /// <summary>The field's value in <paramref name="product"/>.</summary>
    public T Van(Product product) => waarde(product);

    public override bool Gelijk(Product x, Product y) => EqualityComparer<T>.Default.Equals(waarde(x), waarde(y));
}
