using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Conversie;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Demo;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store.Conversie;
using Jeugdhulp.Store.Import;

namespace Jeugdhulp.Store.Tests.Conversie;

/// <summary>
/// What the conversion tests and the killed worker process share: the shipped rules, the demo contracts
/// (regional and old) and a run of import, plan and execution against a store.
/// </summary>
public static class Conversiesimulatie
{
    /// <summary>The plan's reference date: the tables are in force, the transition (2027-01-01) ahead.</summary>
    public static readonly DateOnly Peildatum = new(2026, 12, 1);

    private static readonly Lazy<Regelcatalogus> Flevoland = new(() =>
    {
        var map = Path.Combine(Paden.RepoRoot, "rules", "flevoland");
        return RegelLader.Laad(Directory.GetFiles(map, "*.json").Order(StringComparer.Ordinal)
            .Select(f => new RegelBestand(Path.GetFileName(f), File.ReadAllText(f)))).Waarde;
    });

    public static Regelcatalogus Regels => Flevoland.Value;

    /// <summary>Imports demo/contracten.csv and demo/contracten-oud.csv, then the running allocations of <paramref name="csv"/>.</summary>
    public static void Importeer(Datastore opslag, string csv)
    {
        foreach (var naam in new[] { "contracten.csv", "contracten-oud.csv" })
        {
            var contracten = ContractenCsv.Lees(File.ReadAllText(Path.Combine(Paden.RepoRoot, "demo", naam))).Waarde;
            if (!opslag.ImporteerContracten(contracten).IsGeldig)
            {
                throw new InvalidOperationException("demo-contracten geweigerd");
            }
        }

        var gelezen = LopendeToewijzingenLezen.Lees(csv, "lopend.csv", Regels, opslag.BekendeAanbieders());
        opslag.ImporteerLopendeToewijzingen(gelezen.IsGeldig ? gelezen.Waarde : throw new InvalidOperationException(string.Join("; ", gelezen.Fouten)));
    }

    /// <summary>The plan over everything imported.</summary>
    public static Conversieplan Plan(Datastore opslag) =>
        ConversieplanMaken.Maak(opslag.LopendeToewijzingen(), Regels, Peildatum, opslag.Contractcontrole());

    /// <summary>The BSN of old allocation <paramref name="nummer"/> in an import CSV (columns as documented: gemeente, nummer, bsn, …).</summary>
    public static string BsnVan(string csv, long nummer) =>
        csv.Split('\n').Skip(1).Select(r => r.Split(',')).First(v => v.Length > 2 && v[1] == nummer.ToString(System.Globalization.CultureInfo.InvariantCulture))[2];

    /// <summary>The generated export of <paramref name="aantal"/> allocations.</summary>
    public static string Csv(int aantal) => Lopendetoewijzingengenerator.Csv(aantal);
}
