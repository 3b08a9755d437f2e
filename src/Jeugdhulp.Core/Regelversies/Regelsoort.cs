using System.Text.Json.Nodes;

namespace Jeugdhulp.Core.Regelversies;

/// <summary>
/// A kind of rule item that can get a new version in the backoffice: which file and list it lives in and what
/// names one item there. The list matches the loader's (<c>RegelLader</c>): the same key is what its overlap
/// check (<c>REGEL-OVERLAP</c>) compares.
/// </summary>
/// <param name="Code">Stored kind code, e.g. <c>product</c>.</param>
/// <param name="Bestand">The rule file, e.g. <c>producten.json</c>.</param>
/// <param name="Lijst">The list field in that file, e.g. <c>producten</c>.</param>
/// <param name="SleutelVeld">The field naming an item; null for stacking cells (the pair) and policy (one item).</param>
public sealed record Regelsoort(string Code, string Bestand, string Lijst, string? SleutelVeld)
{
    /// <summary>Product: limits (richtlijn, maximum duration), unit, frequency.</summary>
    public static readonly Regelsoort Product = new("product", "producten.json", "producten", "code");

    /// <summary>Lot, with its municipalities' participation (deelnames).</summary>
    public static readonly Regelsoort Perceel = new("perceel", "percelen.json", "percelen", "code");

    /// <summary>A cell of the stacking matrix: a pair of selectors and its outcome.</summary>
    public static readonly Regelsoort Stapeling = new("stapeling", "stapeling.json", "stapeling", null);

    /// <summary>A deadline.</summary>
    public static readonly Regelsoort Termijn = new("termijn", "termijnen.json", "termijnen", "id");

    /// <summary>The policy parameters (one item in force at a time).</summary>
    public static readonly Regelsoort Beleid = new("beleid", "beleid.json", "beleid", null);

    /// <summary>A lot's age limit.</summary>
    public static readonly Regelsoort Leeftijd = new("leeftijd", "leeftijd.json", "leeftijdsgrenzen", "perceel");

    /// <summary>The 24-hour care rules (one item in force at a time), with the one tariff the rules hold: the moeder-kindtoeslag.</summary>
    public static readonly Regelsoort Verblijf = new("verblijf", "verblijf.json", "verblijf", null);

    /// <summary>Every kind, in the order the pages offer them.</summary>
    public static IReadOnlyList<Regelsoort> Alle { get; } = [Product, Perceel, Stapeling, Termijn, Beleid, Leeftijd, Verblijf];

    /// <summary>The kind with <paramref name="code"/>, or null.</summary>
    public static Regelsoort? Van(string? code) => Alle.FirstOrDefault(s => s.Code == code);

    /// <summary>
    /// The key of <paramref name="item"/> as the loader compares it: the key field's text; for a stacking cell the
    /// two selectors in ordinal order ("a × b", the cell is symmetric); the kind's code for a kind with one item in force
    /// (<c>beleid</c>, <c>verblijf</c>). Null when the
    /// item lacks it.
    /// </summary>
    public string? Sleutel(JsonObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (this == Beleid || this == Verblijf)
        {
            return Code;
        }

        if (this == Stapeling)
        {
            var a = Tekst(item, "a");
            var b = Tekst(item, "b");
            return a is null || b is null ? null : string.CompareOrdinal(a, b) <= 0 ? $"{a} × {b}" : $"{b} × {a}";
        }

        return Tekst(item, SleutelVeld!);
    }

    /// <summary>The field that names an item, for messages: the key field, or <c>a</c>/<c>b</c> for a stacking cell.</summary>
    public string SleutelOmschrijving => this == Stapeling ? "a en b" : SleutelVeld ?? Code;

    private static string? Tekst(JsonObject item, string veld) =>
        item.TryGetPropertyValue(veld, out var w) && w is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;
}
