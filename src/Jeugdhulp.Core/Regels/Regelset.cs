using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Regels;

/// <summary>
/// The rules of a <see cref="Regelcatalogus"/> in force on one date. Every lookup only sees items whose
/// validity period contains <see cref="Datum"/>.
/// </summary>
public sealed class Regelset
{
    private readonly Dictionary<string, Product> producten;
    private readonly Dictionary<string, Perceel> percelen;
    private readonly Dictionary<string, Gemeente> gemeenten;

    internal Regelset(Regelcatalogus catalogus, DateOnly datum)
    {
        Catalogus = catalogus;
        Datum = datum;
        producten = catalogus.Producten.Where(p => p.Geldigheid.Bevat(datum))
            .ToDictionary(p => p.Code.Waarde, StringComparer.Ordinal);
        percelen = catalogus.Percelen.Where(p => p.Geldigheid.Bevat(datum))
            .ToDictionary(p => p.Code, StringComparer.Ordinal);
        gemeenten = catalogus.Gemeenten.Where(g => g.Geldigheid.Bevat(datum))
            .ToDictionary(g => g.Code.Waarde, StringComparer.Ordinal);
        Stapeling = [.. catalogus.Stapeling.Where(s => s.Geldigheid.Bevat(datum))];
        Termijnen = [.. catalogus.Termijnen.Where(t => t.Geldigheid.Bevat(datum))];
        Leeftijdsgrenzen = [.. catalogus.Leeftijdsgrenzen.Where(l => l.Geldigheid.Bevat(datum))];
        Beleid = catalogus.Beleid.FirstOrDefault(b => b.Geldigheid.Bevat(datum));
        Verblijf = catalogus.Verblijf.FirstOrDefault(v => v.Geldigheid.Bevat(datum));
        Label = $"{catalogus.Regio} {catalogus.Versie} op {datum:yyyy-MM-dd}";
    }

    /// <summary>The catalogue this set was taken from.</summary>
    public Regelcatalogus Catalogus { get; }

    /// <summary>The date the set is in force on.</summary>
    public DateOnly Datum { get; }

    /// <summary>Label naming the data version and date, for explanations: "flevoland 2027.1 op 2027-03-08".</summary>
    public string Label { get; }

    /// <summary>Stacking cells in force.</summary>
    public IReadOnlyList<StapelingsRegel> Stapeling { get; }

    /// <summary>Deadlines in force.</summary>
    public IReadOnlyList<Termijn> Termijnen { get; }

    /// <summary>Age limits in force.</summary>
    public IReadOnlyList<Leeftijdsgrens> Leeftijdsgrenzen { get; }

    /// <summary>Policy parameters in force; null when the data has none for this date.</summary>
    public Beleid? Beleid { get; }

    /// <summary>The 24-hour care rules in force (HK spec §14); null when the data has none for this date.</summary>
    public Verblijfregels? Verblijf { get; }

    /// <summary>The product with this code, when in force.</summary>
    public Product? Product(ProductCode code) => producten.GetValueOrDefault(code.Waarde);

    /// <summary>The lot with this code, when in force.</summary>
    public Perceel? Perceel(string code) => percelen.GetValueOrDefault(code);

    /// <summary>The municipality with this code, when in force.</summary>
    public Gemeente? Gemeente(Gemeentecode code) => gemeenten.GetValueOrDefault(code.Waarde);

    /// <summary>The municipality's IST → SOLL table in force (HK-CONV-1), or null when it has none.</summary>
    public Conversietabel? Conversietabel(Gemeentecode gemeente) =>
        Catalogus.Conversietabellen.FirstOrDefault(t => t.Gemeente == gemeente && t.Geldigheid.Bevat(Datum));

    /// <summary>All products in force.</summary>
    public IEnumerable<Product> Producten => producten.Values;

    /// <summary>All lots in force.</summary>
    public IEnumerable<Perceel> Percelen => percelen.Values;

    /// <summary>All municipalities in force.</summary>
    public IEnumerable<Gemeente> Gemeenten => gemeenten.Values;

    /// <summary>The deadline with this id, when in force.</summary>
    public Termijn? Termijn(string id) => Termijnen.FirstOrDefault(t => t.Id == id);

    /// <summary>
    /// True when <paramref name="gemeente"/> takes part, on this date, in the lot of
    /// <paramref name="product"/> for that product (HK-PER-1, HK-PER-2, HK-PER-5).
    /// </summary>
    public bool NeemtDeel(Gemeentecode gemeente, Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        var perceel = Perceel(product.Perceel);
        return perceel is not null && perceel.Deelnames.Any(d =>
            d.Gemeente == gemeente && d.Geldigheid.Bevat(Datum) &&
            (d.Producten.Count == 0 || d.Producten.Contains(product.Code)));
    }
}
