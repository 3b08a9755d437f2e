using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Regels;

/// <summary>
/// Where two rule catalogues differ (the what-if replay, issue 20, item 4): per date, which rule items in force differ —
/// per product, lot, municipality, conversion table and deadline, and the stacking matrix, age limits, policy parameters
/// and 24-hour care rules as wholes. A decision reads its catalogue only through the <see cref="Regelset"/> of a date
/// (and the catalogue-wide stacking default and extra days off), so a decision that read no item differing on the date it
/// read it (<see cref="Regelgebruik"/>) is the same decision under both — the replay then decides once, not twice.
/// Exact, not a guess: any difference in an item (its own validity period aside, which the engine only uses to select the
/// item) makes that item differ.
/// </summary>
public sealed class Regelverschil
{
    private readonly Regelcatalogus a;
    private readonly Regelcatalogus b;
    private readonly ConcurrentDictionary<int, Dagverschil> stukken = new();
    private readonly DateOnly[] grenzen;

    /// <summary>Compares <paramref name="a"/> (the rules in force: the decisions witnessed read these) with <paramref name="b"/>.</summary>
    public Regelverschil(Regelcatalogus a, Regelcatalogus b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        this.a = a;
        this.b = b;
        // Read outside a date's rule set: the stacking default (Productcontroles) and the extra days off (the werkdagen
        // calendar). The version label only names the data in a decision and is not compared.
        AlgemeenGelijk = ReferenceEquals(a, b) || (a.StandaardStapeling == b.StandaardStapeling && a.Regio == b.Regio
            && Dagverschil.Gelijk(a.ExtraVrijeDagen, b.ExtraVrijeDagen));
        // Which items are in force changes only where some item's validity begins or ends, in either catalogue: between
        // two such dates every date has the same items, so the same differences (compared once per stretch, not per date:
        // a year's replay asks for some 700 dates, and comparing each was 5 % of the replay).
        grenzen = [.. Geldigheden(a).Concat(Geldigheden(b))
            .SelectMany(p => p.Eind is { } e && e < DateOnly.MaxValue ? new[] { p.Begin, e.AddDays(1) } : [p.Begin]).Distinct().Order()];
    }

    /// <summary>
    /// The validity of every dated item a <see cref="Regelset"/> selects by its date (products, lots, municipalities,
    /// conversion tables, deadlines, stacking cells, age limits, policy and 24-hour care versions): a set holds other
    /// items only on the other side of one of their first or last days.
    /// </summary>
    private static IEnumerable<Periode> Geldigheden(Regelcatalogus c) =>
        c.Producten.Select(p => p.Geldigheid).Concat(c.Percelen.Select(p => p.Geldigheid)).Concat(c.Gemeenten.Select(g => g.Geldigheid))
            .Concat(c.Conversietabellen.Select(t => t.Geldigheid)).Concat(c.Termijnen.Select(t => t.Geldigheid))
            .Concat(c.Stapeling.Select(s => s.Geldigheid)).Concat(c.Leeftijdsgrenzen.Select(l => l.Geldigheid))
            .Concat(c.Beleid.Select(b => b.Geldigheid)).Concat(c.Verblijf.Select(v => v.Geldigheid));

    /// <summary>False when the catalogue-wide items differ: then no decision is the same.</summary>
    public bool AlgemeenGelijk { get; }

    /// <summary>True when every rule item in force on <paramref name="datum"/> is the same data in both catalogues.</summary>
    public bool ZelfdeOp(DateOnly datum) => AlgemeenGelijk && Op(datum).IsLeeg;

    /// <summary>True when the item of <paramref name="soort"/> with key <paramref name="sleutel"/> differs on <paramref name="datum"/>.</summary>
    public bool Verschilt(DateOnly datum, Regelonderdeel soort, string sleutel) => !AlgemeenGelijk || Op(datum).Verschilt(soort, sleutel ?? "");

    /// <summary>A witness for one decision under the first catalogue.</summary>
    public Regelgebruik Getuige() => new(this);

    /// <summary>True when <paramref name="regels"/> is a rule set of the first catalogue (the one the witnessed decisions read).</summary>
    internal bool Vergelijkt(Regelset regels) => ReferenceEquals(regels.Herkomst, a);

    /// <summary>
    /// The differences on <paramref name="datum"/>, compared once per stretch of dates with the same items in force
    /// (every decision asks).
    /// </summary>
    internal Dagverschil Op(DateOnly datum)
    {
        if (ReferenceEquals(a, b))
        {
            return Dagverschil.Geen;
        }

        var i = Array.BinarySearch(grenzen, datum);
        var stuk = i >= 0 ? i : ~i - 1; // -1: before the first item begins
        return stukken.TryGetValue(stuk, out var d) ? d : stukken.GetOrAdd(stuk, _ => new Dagverschil(a.OpDatum(datum), b.OpDatum(datum)));
    }
}

/// <summary>The rule items that differ between two rule sets of one date, as (kind, key) pairs.</summary>
internal sealed class Dagverschil
{
    private static readonly JsonSerializerOptions Json = new() { IncludeFields = true };

    private readonly HashSet<(Regelonderdeel, string)> anders = [];

    /// <summary>No difference.</summary>
    public static readonly Dagverschil Geen = new();

    private Dagverschil()
    {
    }

    public Dagverschil(Regelset x, Regelset y)
    {
        Items(Regelonderdeel.Product, Regelonderdeel.Producten, x.Producten.ToDictionary(p => p.Code.Waarde, p => (object)p, StringComparer.Ordinal),
            y.Producten.ToDictionary(p => p.Code.Waarde, p => (object)p, StringComparer.Ordinal));
        if (anders.Contains((Regelonderdeel.Producten, "")))
        {
            // The fields read on their own (Productveld), per product that differs: a product only one side has differs in each of them.
            foreach (var code in x.Producten.Concat(y.Producten).Select(p => p.Code).Distinct())
            {
                if (anders.Contains((Regelonderdeel.Product, code.Waarde)))
                {
                    var (px, py) = (x.Product(code), y.Product(code));
                    foreach (var veld in Productveld.Alle)
                    {
                        if (px is null || py is null || !veld.Gelijk(px, py))
                        {
                            anders.Add((veld.Onderdeel, code.Waarde));
                        }
                    }
                }
            }

            if (!x.GezinsproductenOngezien.SequenceEqual(y.GezinsproductenOngezien, StringComparer.Ordinal))
            {
                anders.Add((Regelonderdeel.Gezinsproducten, ""));
            }

            // A lot's group products differ only where some product differs.
            foreach (var perceel in x.Producten.Concat(y.Producten).Select(p => p.Perceel).Distinct(StringComparer.Ordinal))
            {
                Lijst(Regelonderdeel.Groepsproducten, perceel, x.GroepsproductenVan(perceel), y.GroepsproductenVan(perceel));
            }
        }

        Items(Regelonderdeel.Perceel, Regelonderdeel.Percelen, x.Percelen.ToDictionary(p => p.Code, p => (object)p, StringComparer.Ordinal),
            y.Percelen.ToDictionary(p => p.Code, p => (object)p, StringComparer.Ordinal));
        Items(Regelonderdeel.Gemeente, Regelonderdeel.Gemeenten, x.Gemeenten.ToDictionary(g => g.Code.Waarde, g => (object)g, StringComparer.Ordinal),
            y.Gemeenten.ToDictionary(g => g.Code.Waarde, g => (object)g, StringComparer.Ordinal));
        Items(Regelonderdeel.Termijn, Regelonderdeel.Termijnen, Eerste(x.Termijnen, t => t.Id), Eerste(y.Termijnen, t => t.Id));
        Lijst(Regelonderdeel.Termijnen, "", x.Termijnen, y.Termijnen);
        Items(Regelonderdeel.Conversietabel, null, Tabellen(x), Tabellen(y));
        Lijst(Regelonderdeel.Stapeling, "", x.Stapeling, y.Stapeling);
        Lijst(Regelonderdeel.Leeftijdsgrenzen, "", x.Leeftijdsgrenzen, y.Leeftijdsgrenzen);
        Lijst<Beleid>(Regelonderdeel.Beleid, "", x.Beleid is null ? [] : [x.Beleid], y.Beleid is null ? [] : [y.Beleid]);
        Lijst<Verblijfregels>(Regelonderdeel.Verblijf, "", x.Verblijf is null ? [] : [x.Verblijf], y.Verblijf is null ? [] : [y.Verblijf]);
    }

    /// <summary>The differing items as (kind, key) pairs (the tests compare them).</summary>
    internal IReadOnlyCollection<(Regelonderdeel Soort, string Sleutel)> Verschillen => anders;

    /// <summary>True when nothing differs on the date.</summary>
    public bool IsLeeg => anders.Count == 0;

    /// <summary>True when the lookup of <paramref name="soort"/> <paramref name="sleutel"/> reads something that differs.</summary>
    public bool Verschilt(Regelonderdeel soort, string sleutel) => soort == Regelonderdeel.Alles ? !IsLeeg : anders.Contains((soort, sleutel));

    /// <summary>True when two lists hold the same data, item by item.</summary>
    public static bool Gelijk<T>(IEnumerable<T> x, IEnumerable<T> y)
        where T : class => x.Select(Tekst).SequenceEqual(y.Select(Tekst), StringComparer.Ordinal);

    /// <summary>Items by key: a key in one set only, or with other data, differs (and then the whole list of that kind).</summary>
    private void Items(Regelonderdeel soort, Regelonderdeel? geheel, Dictionary<string, object> x, Dictionary<string, object> y)
    {
        foreach (var sleutel in x.Keys.Union(y.Keys, StringComparer.Ordinal))
        {
            var (ix, iy) = (x.GetValueOrDefault(sleutel), y.GetValueOrDefault(sleutel));
            if (ix is null || iy is null || !string.Equals(Tekst(ix), Tekst(iy), StringComparison.Ordinal))
            {
                anders.Add((soort, sleutel));
                if (geheel is { } g)
                {
                    anders.Add((g, ""));
                }
            }
        }
    }

    private void Lijst<T>(Regelonderdeel soort, string sleutel, IEnumerable<T> x, IEnumerable<T> y)
        where T : class
    {
        if (!Gelijk(x, y))
        {
            anders.Add((soort, sleutel));
        }
    }

    /// <summary>The first item per key, as <see cref="Regelset.Termijn"/> finds it.</summary>
    private static Dictionary<string, object> Eerste<T>(IEnumerable<T> items, Func<T, string> sleutel)
        where T : class
    {
        var d = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var i in items)
        {
            d.TryAdd(sleutel(i), i);
        }

        return d;
    }

    /// <summary>Each municipality's conversion table in force, as <see cref="Regelset.Conversietabel"/> finds it.</summary>
    private static Dictionary<string, object> Tabellen(Regelset r) =>
        Eerste(r.Herkomst.Conversietabellen.Where(t => t.Geldigheid.Bevat(r.Datum)), t => t.Gemeente.Waarde);

    /// <summary>
    /// An item as text, once per item: items are shared by every date they are in force on, and a catalogue's items are
    /// kept as long as it lives (keyed on the instance, so a new catalogue never sees another's text).
    /// </summary>
    private static string Tekst(object item) => Teksten.GetValue(item, i =>
    {
        var knoop = JsonSerializer.SerializeToNode(i, i.GetType(), Json);
        // Which items are in force on the date is what the set selected; the engine reads a period only to select.
        (knoop as JsonObject)?.Remove(nameof(Product.Geldigheid));
        return knoop?.ToJsonString() ?? "";
    });

    private static readonly ConditionalWeakTable<object, string> Teksten = new();
}
