using System.Globalization;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Demo;
using Jeugdhulp.Store.Import;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Tests.Infrastructuur;

/// <summary>
/// The message stream of a generated demo region (<see cref="Regiogenerator"/>, generated once per test run): its
/// contracts and residents, and per processing day the messages the providers sent, in the order they were sent.
/// </summary>
internal sealed class Demostroom
{
    private static readonly Lazy<Demostroom> Eenmaal = new(() => new Demostroom(), LazyThreadSafetyMode.ExecutionAndPublication);

    private Demostroom()
    {
        Map = Path.Combine(Path.GetTempPath(), "jeugdhulp-store-tests", "demostroom-" + Guid.NewGuid().ToString("N"));
        var regels = RegelLader.Laad(Directory.GetFiles(Path.Combine(Ijw.Tests.Paden.RepoRoot, "rules", "flevoland"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => new RegelBestand(Path.GetFileName(f), File.ReadAllText(f)))).Waarde;
        var r = Regiogenerator.Genereer(new RegioOpties(Map, regels) { Clienten = 60, Maanden = 3, Zaad = 20 });
        Assert.True(r.IsGeldig, string.Join("; ", r.Fouten));
        Dagen = [.. Directory.GetDirectories(Path.Combine(Map, "berichten")).Order(StringComparer.Ordinal)
            .Select(d => (DateOnly.ParseExact(Path.GetFileName(d), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                (IReadOnlyList<string>)[.. Directory.GetFiles(d, "*.xml").Order(StringComparer.Ordinal)]))];
    }

    /// <summary>The region, generated on first use.</summary>
    public static Demostroom Regio => Eenmaal.Value;

    /// <summary>The generator's data folder.</summary>
    public string Map { get; }

    /// <summary>Per processing day, the message files of that day in the order sent.</summary>
    public IReadOnlyList<(DateOnly Dag, IReadOnlyList<string> Bestanden)> Dagen { get; }

    /// <summary>Imports the region's contracts and residents into <paramref name="store"/>.</summary>
    public void Importeer(Datastore store)
    {
        Assert.True(store.ImporteerContracten(Core.Contracten.ContractenCsv.Lees(File.ReadAllText(Path.Combine(Map, "contracten.csv"))).Waarde).IsGeldig);
        Assert.True(store.ImporteerInwoners(Core.Inwoners.InwonersCsv.Lees(File.ReadAllText(Path.Combine(Map, "inwoners.csv"))).Waarde).IsGeldig);
    }

    /// <summary>
    /// Processes the whole stream day by day, as <c>process --today</c> would: <paramref name="open"/> gives the store
    /// with that day's clock, so the journal records the day each message was received.
    /// </summary>
    public void Verwerk(Func<DateOnly, Datastore> open, Regelcatalogus regels)
    {
        foreach (var (dag, bestanden) in Dagen)
        {
            var verslagen = new BerichtVerwerken(open(dag), regels, dag, null).Verwerk([.. bestanden.Select(b => new Invoer(b, File.ReadAllBytes(b)))]).ToList();
            Assert.DoesNotContain(verslagen, v => v.Uitkomst == Uitkomsten.Error);
        }
    }
}
