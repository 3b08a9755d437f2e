namespace Jeugdhulp.Ijw.Schema;

/// <summary>Looks up a message's schema by its root namespace or by its type.</summary>
public static class Berichtdefinities
{
    public static IReadOnlyList<Berichtdef> Alle { get; } =
    [
        Schemamodel.JW301, Schemamodel.JW302, Schemamodel.JW305, Schemamodel.JW306, Schemamodel.JW307,
        Schemamodel.JW308, Schemamodel.JW315, Schemamodel.JW316, Schemamodel.JW317, Schemamodel.JW318,
        Schemamodel.JW319, Schemamodel.JW320, Schemamodel.JW323, Schemamodel.JW325,
    ];

    private static readonly Dictionary<string, Berichtdef> PerNaamruimte = Alle.ToDictionary(b => b.Naamruimte, StringComparer.Ordinal);

    public static Berichtdef Van(Berichtsoort soort) => Alle[(int)soort];

    public static Berichtdef? VanNaamruimte(string naamruimte) => PerNaamruimte.GetValueOrDefault(naamruimte);
}
