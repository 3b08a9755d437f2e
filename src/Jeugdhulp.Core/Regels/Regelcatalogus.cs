using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Jeugdhulp.Core.Regels;

/// <summary>
/// All rule data of a region with every version of every item, as loaded from <c>rules/&lt;region&gt;/</c>.
/// Decisions never read it directly: they take the <see cref="Regelset"/> in force on their date
/// (<see cref="OpDatum"/>), so an earlier decision stays explainable after the data changes.
/// </summary>
/// <param name="Regio">Region name, e.g. "flevoland".</param>
/// <param name="Versie">Version label of the data set, written in every decision.</param>
/// <param name="Gemeenten">Municipalities.</param>
/// <param name="Percelen">Lots with participation.</param>
/// <param name="Producten">Products.</param>
/// <param name="Leeftijdsgrenzen">Age limits.</param>
/// <param name="Stapeling">Stacking matrix cells.</param>
/// <param name="StandaardStapeling">Outcome for a pair the matrix does not name.</param>
/// <param name="Termijnen">Deadlines.</param>
/// <param name="Beleid">Policy parameter versions.</param>
/// <param name="ExtraVrijeDagen">Extra non-werkdagen by decree.</param>
public sealed record Regelcatalogus(
    string Regio,
    string Versie,
    IReadOnlyList<Gemeente> Gemeenten,
    IReadOnlyList<Perceel> Percelen,
    IReadOnlyList<Product> Producten,
    IReadOnlyList<Leeftijdsgrens> Leeftijdsgrenzen,
    IReadOnlyList<StapelingsRegel> Stapeling,
    StapelingUitkomst StandaardStapeling,
    IReadOnlyList<Termijn> Termijnen,
    IReadOnlyList<Beleid> Beleid,
    IReadOnlyList<ExtraVrijeDag> ExtraVrijeDagen)
{
    /// <summary>The region's general contact address (Sociaal Domein Flevoland, HK spec §1); null when none.</summary>
    public string? ContactEmail { get; init; }

    /// <summary>Every version of every municipality's IST → SOLL table (conversie.json, HK-CONV-1); empty when the folder has none.</summary>
    public IReadOnlyList<Conversietabel> Conversietabellen { get; init; } = [];

    /// <summary>Every version of the 24-hour care rules (<c>verblijf.json</c>, HK spec §14); empty when none.</summary>
    public IReadOnlyList<Verblijfregels> Verblijf { get; init; } = [];

    /// <summary>
    /// Rule sets already built, per catalogue instance. Outside the record's fields on purpose: a positional record's
    /// equality must stay its data, and a <see cref="ConditionalWeakTable{TKey, TValue}"/> keys on the instance and
    /// lets the cache go with it, so a catalogue swapped for a new version never sees an old set.
    /// </summary>
    private static readonly ConditionalWeakTable<Regelcatalogus, ConcurrentDictionary<DateOnly, Regelset>> Gebouwd = new();

    /// <summary>Bound per catalogue: a run touches a few hundred dates; a what-if over years a few thousand.</summary>
    private const int MaxRegelsets = 8192;

    /// <summary>
    /// The rules in force on <paramref name="datum"/>. Built once per date and catalogue: a <see cref="Regelset"/> is
    /// several dictionaries, and the engine, the declaration checks and the what-if ask for one per request — building
    /// them anew was a quarter of the what-if replay's CPU time (issue 20, item 4). Safe to share: a set is immutable.
    /// </summary>
    public Regelset OpDatum(DateOnly datum)
    {
        var sets = Gebouwd.GetValue(this, _ => new ConcurrentDictionary<DateOnly, Regelset>());
        if (sets.TryGetValue(datum, out var set))
        {
            return set;
        }

        if (sets.Count >= MaxRegelsets)
        {
            sets.Clear();
        }

        return sets.GetOrAdd(datum, d => new Regelset(this, d));
    }
}
