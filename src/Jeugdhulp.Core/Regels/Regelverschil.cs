using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jeugdhulp.Core.Regels;

/// <summary>
/// Where two rule catalogues differ (the what-if replay, issue 20, item 4): per date, whether the rules in force are
/// the same data in both. A decision reads its catalogue only through the <see cref="Regelset"/> of a date (and the
/// catalogue-wide stacking default and extra days off), so a decision whose witnessed dates (<see cref="Regelgebruik"/>)
/// all have the same rules under both is the same decision under both — the replay then decides once, not twice.
/// Exact, not a guess: any difference in an item in force on the date (its validity period aside, which the engine
/// only uses to select the item) makes the date differ.
/// </summary>
public sealed class Regelverschil
{
    private static readonly JsonSerializerOptions Json = new() { IncludeFields = true };

    private readonly Regelcatalogus a;
    private readonly Regelcatalogus b;
    private readonly ConcurrentDictionary<DateOnly, bool> zelfde = new();

    /// <summary>Compares <paramref name="a"/> with <paramref name="b"/>.</summary>
    public Regelverschil(Regelcatalogus a, Regelcatalogus b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        this.a = a;
        this.b = b;
        // Read outside a date's rule set: the stacking default (Productcontroles) and the extra days off (the werkdagen
        // calendar). The version label only names the data in a decision and is not compared.
        AlgemeenGelijk = ReferenceEquals(a, b) || (a.StandaardStapeling == b.StandaardStapeling && a.Regio == b.Regio
            && Gelijk(a.ExtraVrijeDagen, b.ExtraVrijeDagen));
    }

    /// <summary>False when the catalogue-wide items differ: then no date has the same rules.</summary>
    public bool AlgemeenGelijk { get; }

    /// <summary>True when the rules in force on <paramref name="datum"/> are the same data in both catalogues.</summary>
    public bool ZelfdeOp(DateOnly datum)
    {
        if (!AlgemeenGelijk || ReferenceEquals(a, b))
        {
            return AlgemeenGelijk;
        }

        // Looked up first: a date is asked for every decision, compared once.
        return zelfde.TryGetValue(datum, out var z) ? z : zelfde.GetOrAdd(datum, Gelijk(a.OpDatum(datum), b.OpDatum(datum)));
    }

    /// <summary>True when the rules are the same on every date of <paramref name="gebruik"/>.</summary>
    public bool ZelfdeOp(Regelgebruik gebruik)
    {
        ArgumentNullException.ThrowIfNull(gebruik);
        foreach (var d in gebruik.Data)
        {
            if (!ZelfdeOp(d))
            {
                return false;
            }
        }

        return AlgemeenGelijk;
    }

    /// <summary>Everything a rule set holds, item by item: its items in force (without their own validity period) and the date's conversion tables.</summary>
    private static bool Gelijk(Regelset x, Regelset y) =>
        Gelijk(x.Producten.OrderBy(p => p.Code.Waarde, StringComparer.Ordinal), y.Producten.OrderBy(p => p.Code.Waarde, StringComparer.Ordinal))
        && Gelijk(x.Percelen.OrderBy(p => p.Code, StringComparer.Ordinal), y.Percelen.OrderBy(p => p.Code, StringComparer.Ordinal))
        && Gelijk(x.Gemeenten.OrderBy(g => g.Code.Waarde, StringComparer.Ordinal), y.Gemeenten.OrderBy(g => g.Code.Waarde, StringComparer.Ordinal))
        && Gelijk(x.Stapeling, y.Stapeling) && Gelijk(x.Termijnen, y.Termijnen) && Gelijk(x.Leeftijdsgrenzen, y.Leeftijdsgrenzen)
        && Gelijk<Beleid>(x.Beleid is null ? [] : [x.Beleid], y.Beleid is null ? [] : [y.Beleid])
        && Gelijk<Verblijfregels>(x.Verblijf is null ? [] : [x.Verblijf], y.Verblijf is null ? [] : [y.Verblijf])
        && Gelijk(x.Catalogus.Conversietabellen.Where(t => t.Geldigheid.Bevat(x.Datum)), y.Catalogus.Conversietabellen.Where(t => t.Geldigheid.Bevat(y.Datum)));

    private static bool Gelijk<T>(IEnumerable<T> x, IEnumerable<T> y)
        where T : class => x.Select(Tekst).SequenceEqual(y.Select(Tekst), StringComparer.Ordinal);

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
