using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store.Import;

namespace Jeugdhulp.Store.Tests.Infrastructuur;

/// <summary>Base of every store test class: a fresh database per test and the store opened on it.</summary>
public abstract class StoreTestBasis : IDisposable
{
    private static readonly Lazy<Regelcatalogus> FlevolandRegels = new(LaadFlevoland);

    private readonly List<Datastore> geopend = [];
    private Datastore? opslag;

    protected StoreTestBasis(TestDatabase db) => Db = db;

    protected TestDatabase Db { get; }

    /// <summary>The store on this test's database, opened (and migrated) on first use.</summary>
    protected Datastore Opslag => opslag ??= Open();

    /// <summary>
    /// Opens another store on the same database, as a second process would: <paramref name="tijd"/> is the
    /// processing clock (<c>--today</c>), <paramref name="klok"/> the real one (audit, tokens, sessions).
    /// </summary>
    protected Datastore Open(TimeProvider? tijd = null, TimeProvider? klok = null)
    {
        var r = Datastore.Open(Db.Opties, tijd, klok);
        Assert.True(r.IsGeldig, string.Join("; ", r.Fouten));
        geopend.Add(r.Waarde);
        return r.Waarde;
    }

    /// <summary>The shipped region's rules (rules/flevoland), loaded once per test run.</summary>
    protected static Regelcatalogus Flevoland => FlevolandRegels.Value;

    /// <summary>
    /// The shipped region's rules loaded anew: a catalogue equal to <see cref="Flevoland"/> but not the same one (for the
    /// tests that sources read for another catalogue are refused).
    /// </summary>
    protected static Regelcatalogus LaadFlevoland()
    {
        var map = Path.Combine(Paden.RepoRoot, "rules", "flevoland");
        return RegelLader.Laad(Directory.GetFiles(map, "*.json").Order(StringComparer.Ordinal)
            .Select(f => new RegelBestand(Path.GetFileName(f), File.ReadAllText(f)))).Waarde;
    }

    /// <summary>Imports the demo contracts (demo/contracten.csv) into <see cref="Opslag"/>.</summary>
    protected void ImporteerDemoContracten() =>
        Assert.True(Opslag.ImporteerContracten(ContractenCsv.Lees(File.ReadAllText(Path.Combine(Paden.RepoRoot, "demo", "contracten.csv"))).Waarde).IsGeldig);

    /// <summary>Imports the demo contracts and residents (demo/contracten.csv, demo/inwoners.csv) into <see cref="Opslag"/>.</summary>
    protected void ImporteerDemo()
    {
        ImporteerDemoContracten();
        Assert.True(Opslag.ImporteerInwoners(InwonersCsv.Lees(File.ReadAllText(Path.Combine(Paden.RepoRoot, "demo", "inwoners.csv"))).Waarde).IsGeldig);
    }

    /// <summary>Runs one statement with named values on <see cref="Opslag"/> (a fixture's rows written directly).</summary>
    protected void Sql(string sql, params (string Naam, object? Waarde)[] waarden)
    {
        using var sessie = Opslag.OpenSessie();
        var cmd = sessie.Commando(sql);
        foreach (var (naam, waarde) in waarden)
        {
            cmd.Met(naam, waarde);
        }

        cmd.ExecuteNonQuery();
    }

    /// <summary>
    /// The explanation of the (one) request line with <paramref name="referentie"/> as every reader shows it: an engine decision's
    /// rendered from its findings (not stored since migration 0037), a person's as stored.
    /// </summary>
    protected string Toelichting(string referentie)
    {
        using var sessie = Opslag.OpenSessie();
        var regels = new List<(long Id, string Tekst)>();
        using (var r = sessie.Commando("SELECT id, toelichting FROM verzoeken WHERE referentie = @r").Met("@r", referentie).ExecuteReader())
        {
            while (r.Read())
            {
                regels.Add((r.GetInt64(0), r.GetString(1)));
            }
        }

        return global::Jeugdhulp.Store.Bevindingen.Toelichtingen.Vul(regels, Opslag, sessie.Commando, v => v.Id, v => v.Tekst, (v, t) => (v.Id, t)).Single().Tekst;
    }

    /// <summary>
    /// Every row of <paramref name="tabel"/> (at least one) is <paramref name="gemeente"/>'s, and on PostgreSQL stored in that
    /// municipality's partition (<c>tabel_g&lt;code&gt;</c>, migrations 0036, 0039, 0040), not in DEFAULT.
    /// </summary>
    protected void AssertInPartitieVan(string tabel, string gemeente)
    {
        var plaats = Opslag.Provider.IsPostgres ? "tableoid::regclass::text" : $"'{tabel}_g' || gemeente";
        Assert.Equal([$"{tabel}_g{gemeente}"], Db.Lees($"SELECT DISTINCT {plaats} FROM {tabel}").Select(r => (string)r[0]));
    }

    protected static Gemeentecode Gemeente(string code) => Gemeentecode.Parse(code).Waarde;

    protected static AgbCode Agb(string code) => AgbCode.Parse(code).Waarde;

    protected static ProductCode Product(string code) => ProductCode.Parse(code).Waarde;

    protected static Bsn Bsn(string bsn) => Core.Waarden.Bsn.Parse(bsn).Waarde;

    protected static DateOnly Dag(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var s in geopend)
            {
                s.Dispose();
            }

            Db.Dispose();
        }
    }
}
