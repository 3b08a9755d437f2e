using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Tests.Infrastructuur;

/// <summary>Base of every store test class: a fresh database per test and the store opened on it.</summary>
public abstract class StoreTestBasis : IDisposable
{
    private readonly List<Datastore> geopend = [];
    private Datastore? opslag;

    protected StoreTestBasis(TestDatabase db) => Db = db;

    protected TestDatabase Db { get; }

    /// <summary>The store on this test's database, opened (and migrated) on first use.</summary>
    protected Datastore Opslag => opslag ??= Open();

    /// <summary>Opens another store on the same database, as a second process would.</summary>
    protected Datastore Open(TimeProvider? tijd = null)
    {
        var r = Datastore.Open(Db.Opties, tijd);
        Assert.True(r.IsGeldig, string.Join("; ", r.Fouten));
        geopend.Add(r.Waarde);
        return r.Waarde;
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
