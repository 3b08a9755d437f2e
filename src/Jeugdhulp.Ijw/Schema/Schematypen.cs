using System.Collections.Frozen;

namespace Jeugdhulp.Ijw.Schema;

/// <summary>The XSD built-in type a simple type restricts: it decides how the lexical value is parsed.</summary>
public enum Basistype
{
    Tekst,
    Geheel,
    Datum,
    Tijd,
}

/// <summary>
/// A simple type as the iJw XSDs define it, with every facet flattened over its derivation chain:
/// lengths and bounds from the most derived step, patterns as one group per step (a value must match one
/// pattern of every group, as XSD prescribes), enumeration from the most derived step that has one.
/// </summary>
public sealed class Enkelvoudigtype
{
    public Enkelvoudigtype(
        string naam,
        Basistype basis,
        int? minLengte = null,
        int? maxLengte = null,
        long? minimum = null,
        long? maximum = null,
        string[][]? patronen = null,
        string[]? waarden = null)
    {
        Naam = naam;
        Basis = basis;
        MinLengte = minLengte;
        MaxLengte = maxLengte;
        Minimum = minimum;
        Maximum = maximum;
        Patronen = (patronen ?? []).Select(g => g.Select(Patroon.Maak).ToArray()).ToArray();
        Waarden = waarden is null ? null : waarden.ToFrozenSet(StringComparer.Ordinal);
        WaardenLijst = waarden;
    }

    public string Naam { get; }

    public Basistype Basis { get; }

    public int? MinLengte { get; }

    public int? MaxLengte { get; }

    public long? Minimum { get; }

    public long? Maximum { get; }

    public Patroon[][] Patronen { get; }

    public FrozenSet<string>? Waarden { get; }

    /// <summary>The enumeration in XSD order, for messages.</summary>
    public IReadOnlyList<string>? WaardenLijst { get; }
}

/// <summary>A sequence of elements: iJw 3.2 uses only xs:sequence, no choices, no attributes.</summary>
public sealed class Samengesteldtype
{
    public Samengesteldtype(string naam, string naamruimte, Elementdef[] elementen)
    {
        Naam = naam;
        Naamruimte = naamruimte;
        Elementen = elementen;
    }

    public string Naam { get; }

    /// <summary>The target namespace of the schema that declares this type; its children live there
    /// (elementFormDefault="qualified").</summary>
    public string Naamruimte { get; }

    public Elementdef[] Elementen { get; }

    /// <summary>The child declaration named <paramref name="naam"/>, or null.</summary>
    public Elementdef? Element(string naam)
    {
        foreach (var e in Elementen)
        {
            if (e.Naam == naam)
            {
                return e;
            }
        }

        return null;
    }
}

/// <summary>An element declaration: name, namespace, cardinality and either a complex or a simple type.</summary>
public sealed class Elementdef
{
    public const int Onbegrensd = int.MaxValue;

    public Elementdef(string naam, string naamruimte, int min, int max, Samengesteldtype complex)
    {
        Naam = naam;
        Naamruimte = naamruimte;
        Min = min;
        Max = max;
        Complex = complex;
    }

    public Elementdef(string naam, string naamruimte, int min, int max, Enkelvoudigtype enkelvoudig)
    {
        Naam = naam;
        Naamruimte = naamruimte;
        Min = min;
        Max = max;
        Enkelvoudig = enkelvoudig;
    }

    public string Naam { get; }

    public string Naamruimte { get; }

    public int Min { get; }

    public int Max { get; }

    public Samengesteldtype? Complex { get; }

    public Enkelvoudigtype? Enkelvoudig { get; }

    /// <summary>Repeating elements carry a 1-based index in element paths.</summary>
    public bool Herhaalt => Max > 1;
}

/// <summary>The schema of one message: its namespace and the root element <c>Bericht</c>.</summary>
public sealed class Berichtdef
{
    public Berichtdef(Berichtsoort soort, string naamruimte, Elementdef root)
    {
        Soort = soort;
        Naamruimte = naamruimte;
        Root = root;
    }

    public Berichtsoort Soort { get; }

    public string Naamruimte { get; }

    public Elementdef Root { get; }
}
