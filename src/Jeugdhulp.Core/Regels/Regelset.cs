using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Regels;

/// <summary>
/// The rules of a <see cref="Regelcatalogus"/> in force on one date. Every lookup only sees items whose
/// validity period contains <see cref="Datum"/>.
/// </summary>
/// <remarks>
/// A set may carry a witness (<see cref="Gezien"/>, the what-if replay, issue 20): then every lookup notes the item it
/// reads (<see cref="Regelgebruik"/>), so a decision is known to be the same under a draft that changes only items it
/// did not read. The lookups are therefore methods and properties with a body, never the fields themselves.
/// </remarks>
public sealed class Regelset
{
    private readonly Dictionary<string, Product> producten;
    private readonly Dictionary<string, Perceel> percelen;
    private readonly Dictionary<string, Gemeente> gemeenten;
    private readonly Dictionary<string, Product[]> groepsproducten;
    private readonly string[] gezinsproducten;
    private readonly Regelcatalogus catalogus;
    private readonly IReadOnlyList<StapelingsRegel> stapeling;
    private readonly IReadOnlyList<Termijn> termijnen;
    private readonly IReadOnlyList<Leeftijdsgrens> leeftijdsgrenzen;
    private readonly Beleid? beleid;
    private readonly Verblijfregels? verblijf;
    private readonly Regelgebruik? getuige;
    private readonly Dagverschil? verschil;

    // Every item selected here by its validity must also be listed in Regelverschil.Geldigheden: the what-if compares the
    // rules once per stretch of dates between two validity boundaries.
    internal Regelset(Regelcatalogus catalogus, DateOnly datum)
    {
        this.catalogus = catalogus;
        Datum = datum;
        producten = catalogus.Producten.Where(p => p.Geldigheid.Bevat(datum))
            .ToDictionary(p => p.Code.Waarde, StringComparer.Ordinal);
        percelen = catalogus.Percelen.Where(p => p.Geldigheid.Bevat(datum))
            .ToDictionary(p => p.Code, StringComparer.Ordinal);
        gemeenten = catalogus.Gemeenten.Where(g => g.Geldigheid.Bevat(datum))
            .ToDictionary(g => g.Code.Waarde, StringComparer.Ordinal);
        // Per lot once: HK-PRD-7's hint asks for them on every request (a scan of every product was 7 % of a what-if).
        groepsproducten = producten.Values.Where(p => p.Soort == ProductSoort.Groep).GroupBy(p => p.Perceel, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.Code.Waarde, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        // Once too: HK-315-8 names them to every dummy request, and reading them as every product would read a changed one.
        gezinsproducten = [.. producten.Values.Where(p => p.Soort == ProductSoort.Gezin && p.ExtraClientProduct is not null)
            .Select(p => p.Code.Waarde).Order(StringComparer.Ordinal)];
        stapeling = [.. catalogus.Stapeling.Where(s => s.Geldigheid.Bevat(datum))];
        termijnen = [.. catalogus.Termijnen.Where(t => t.Geldigheid.Bevat(datum))];
        leeftijdsgrenzen = [.. catalogus.Leeftijdsgrenzen.Where(l => l.Geldigheid.Bevat(datum))];
        beleid = catalogus.Beleid.FirstOrDefault(b => b.Geldigheid.Bevat(datum));
        verblijf = catalogus.Verblijf.FirstOrDefault(v => v.Geldigheid.Bevat(datum));
        Label = $"{catalogus.Regio} {catalogus.Versie} op {datum:yyyy-MM-dd}";
    }

    /// <summary>The same set, its lookups noted in <paramref name="getuige"/> against the date's differences <paramref name="verschil"/>.</summary>
    private Regelset(Regelset bron, Regelgebruik getuige, Dagverschil verschil)
    {
        (producten, percelen, gemeenten, groepsproducten, catalogus, Datum, Label) = (bron.producten, bron.percelen, bron.gemeenten, bron.groepsproducten, bron.catalogus, bron.Datum, bron.Label);
        gezinsproducten = bron.gezinsproducten;
        (stapeling, termijnen, leeftijdsgrenzen, beleid, verblijf) = (bron.stapeling, bron.termijnen, bron.leeftijdsgrenzen, bron.beleid, bron.verblijf);
        this.getuige = getuige;
        this.verschil = verschil;
    }

    /// <summary>
    /// This set with every lookup noted in <paramref name="getuige"/>: the item read is checked against the date's
    /// differences between the two catalogues (<paramref name="verschil"/>), and a difference marks the witness.
    /// </summary>
    internal Regelset Gezien(Regelgebruik getuige, Dagverschil verschil) => new(this, getuige, verschil);

    /// <summary>
    /// The catalogue this set was taken from. Reading it through a witnessed set counts as reading every item of the
    /// date (it reaches them all); the engine reads <see cref="Versie"/> and <see cref="StandaardStapeling"/> instead.
    /// </summary>
    public Regelcatalogus Catalogus
    {
        get
        {
            Lees(Regelonderdeel.Alles, "");
            return catalogus;
        }
    }

    /// <summary>The catalogue, unwitnessed (the comparison itself reads it).</summary>
    internal Regelcatalogus Herkomst => catalogus;

    /// <summary>The catalogue's version label, named in every decision (not a rule: a draft may carry another).</summary>
    public string Versie => catalogus.Versie;

    /// <summary>The catalogue-wide outcome for a pair the stacking matrix does not name.</summary>
    public StapelingUitkomst StandaardStapeling => catalogus.StandaardStapeling;

    /// <summary>The date the set is in force on.</summary>
    public DateOnly Datum { get; }

    /// <summary>Label naming the data version and date, for explanations: "flevoland 2027.1 op 2027-03-08".</summary>
    public string Label { get; }

    /// <summary>Stacking cells in force.</summary>
    public IReadOnlyList<StapelingsRegel> Stapeling => Lees(Regelonderdeel.Stapeling, "", stapeling);

    /// <summary>Deadlines in force.</summary>
    public IReadOnlyList<Termijn> Termijnen => Lees(Regelonderdeel.Termijnen, "", termijnen);

    /// <summary>Age limits in force.</summary>
    public IReadOnlyList<Leeftijdsgrens> Leeftijdsgrenzen => Lees(Regelonderdeel.Leeftijdsgrenzen, "", leeftijdsgrenzen);

    /// <summary>Policy parameters in force; null when the data has none for this date.</summary>
    public Beleid? Beleid => Lees(Regelonderdeel.Beleid, "", beleid);

    /// <summary>The 24-hour care rules in force (HK spec §14); null when the data has none for this date.</summary>
    public Verblijfregels? Verblijf => Lees(Regelonderdeel.Verblijf, "", verblijf);

    /// <summary>The product with this code, when in force.</summary>
    public Product? Product(ProductCode code) => Lees(Regelonderdeel.Product, code.Waarde, producten.GetValueOrDefault(code.Waarde));

    /// <summary>
    /// The lot code of the product with this code, when in force; a witness notes a read of that field only
    /// (<see cref="Regelonderdeel.Productperceel"/>), not of the whole product.
    /// </summary>
    public string? PerceelVan(ProductCode code) => Veld(Productveld.Perceel, code);

    /// <summary>
    /// Whether the product with this code is declarable (<see cref="Regels.Product.IsDeclareerbaar"/>), null when it is not in
    /// force; a witness notes a read of its kind only (<see cref="Regelonderdeel.Productsoort"/>).
    /// </summary>
    public bool? IsDeclareerbaar(ProductCode code) => Veld(Productveld.Declareerbaar, code);

    /// <summary>
    /// The unit of the product with this code, when in force; a witness notes a read of that field only
    /// (<see cref="Regelonderdeel.Producteenheid"/>).
    /// </summary>
    public string? EenheidVan(ProductCode code) => Veld(Productveld.Eenheid, code);

    /// <summary>
    /// The group variant of the product with this code (<see cref="Regels.Product.Groepsvariant"/>), null when it has none or
    /// is not in force; a witness notes a read of that field only (<see cref="Regelonderdeel.Productgroepsvariant"/>).
    /// </summary>
    public ProductCode? GroepsvariantVan(ProductCode code) => Veld(Productveld.Groepsvariant, code);

    /// <summary>
    /// The codes of the family products in force that have a dummy (<see cref="ProductSoort.Gezin"/> with an
    /// <see cref="Regels.Product.ExtraClientProduct"/>), in code order: read this way, not as every product.
    /// </summary>
    public IReadOnlyList<string> Gezinsproducten => Lees(Regelonderdeel.Gezinsproducten, "", gezinsproducten);

    /// <summary>The lot with this code, when in force.</summary>
    public Perceel? Perceel(string code) => Lees(Regelonderdeel.Perceel, code, percelen.GetValueOrDefault(code));

    /// <summary>The municipality with this code, when in force.</summary>
    public Gemeente? Gemeente(Gemeentecode code) => Lees(Regelonderdeel.Gemeente, code.Waarde, gemeenten.GetValueOrDefault(code.Waarde));

    /// <summary>The municipality's IST → SOLL table in force (HK-CONV-1), or null when it has none.</summary>
    public Conversietabel? Conversietabel(Gemeentecode gemeente) =>
        Lees(Regelonderdeel.Conversietabel, gemeente.Waarde, catalogus.Conversietabellen.FirstOrDefault(t => t.Gemeente == gemeente && t.Geldigheid.Bevat(Datum)));

    /// <summary>All products in force.</summary>
    public IEnumerable<Product> Producten => Lees(Regelonderdeel.Producten, "", producten.Values);

    /// <summary>
    /// The group products (<see cref="ProductSoort.Groep"/>) of lot <paramref name="perceel"/> in force, in code order
    /// (HK-PRD-7's hint: every request reads them, and reading them this way does not count as reading every product).
    /// </summary>
    public IReadOnlyList<Product> Groepsproducten(string perceel) =>
        Lees(Regelonderdeel.Groepsproducten, perceel, GroepsproductenVan(perceel));

    /// <summary>All lots in force.</summary>
    public IEnumerable<Perceel> Percelen => Lees(Regelonderdeel.Percelen, "", percelen.Values);

    /// <summary>All municipalities in force.</summary>
    public IEnumerable<Gemeente> Gemeenten => Lees(Regelonderdeel.Gemeenten, "", gemeenten.Values);

    /// <summary>The deadline with this id, when in force.</summary>
    public Termijn? Termijn(string id) => Lees(Regelonderdeel.Termijn, id, termijnen.FirstOrDefault(t => t.Id == id));

    /// <summary>The family products' codes, unwitnessed (what <see cref="Dagverschil"/> compares).</summary>
    internal IReadOnlyList<string> GezinsproductenOngezien => gezinsproducten;

    /// <summary>The group products of a lot, unwitnessed (also what <see cref="Dagverschil"/> compares).</summary>
    internal IReadOnlyList<Product> GroepsproductenVan(string perceel) => groepsproducten.GetValueOrDefault(perceel) ?? [];

    /// <summary>One field of the product with this code (its default when the product is not in force), noted as that field only.</summary>
    private T? Veld<T>(Productveld<T> veld, ProductCode code) =>
        Lees(veld.Onderdeel, code.Waarde, producten.TryGetValue(code.Waarde, out var product) ? veld.Van(product) : default);

    /// <summary>Notes a lookup in the witness, if any, and returns what was looked up.</summary>
    private T Lees<T>(Regelonderdeel soort, string sleutel, T waarde)
    {
        Lees(soort, sleutel);
        return waarde;
    }

    private void Lees(Regelonderdeel soort, string sleutel)
    {
        if (getuige is { Verschilt: false } && verschil!.Verschilt(soort, sleutel))
        {
            getuige.Markeer();
        }
    }

    /// <summary>
    /// True when <paramref name="gemeente"/> takes part, on this date, in the lot of
    /// <paramref name="product"/> for that product (HK-PER-1, HK-PER-2, HK-PER-5).
    /// </summary>
    public bool NeemtDeel(Gemeentecode gemeente, Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return NeemtDeel(gemeente, product.Code, product.Perceel);
    }

    /// <summary>
    /// As <see cref="NeemtDeel(Gemeentecode, Product)"/> for the product <paramref name="code"/> of lot
    /// <paramref name="perceelcode"/> (from <see cref="PerceelVan"/>: nothing else of the product is read).
    /// </summary>
    public bool NeemtDeel(Gemeentecode gemeente, ProductCode code, string perceelcode)
    {
        var perceel = Perceel(perceelcode); // noted as a lookup of the lot
        return perceel is not null && perceel.Deelnames.Any(d =>
            d.Gemeente == gemeente && d.Geldigheid.Bevat(Datum) &&
            (d.Producten.Count == 0 || d.Producten.Contains(code)));
    }
}
