using Jeugdhulp.Store.Audit;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.Audit;

public abstract class ExportAuditTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : ExportAuditTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : ExportAuditTests(new PostgresTestDatabase());

    private readonly VasteKlok echt = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));

    [StoreFact]
    public void Schrijft_een_regel_per_client_ook_bij_duizenden_clienten()
    {
        var store = Open(new VasteKlok(new DateTimeOffset(2027, 3, 5, 0, 0, 0, TimeSpan.Zero)), echt);
        var clienten = Bsns(3_000);

        // Every client twice: a file lists a client once in its audit.
        store.AuditExport("nop", Gemeente("0171"), "export clienten (csv, 3000 rijen)", [.. clienten, .. clienten]);

        // The audit view shows 500 a page, newest first: the file's last clients in reverse order, each masked.
        var pagina = store.ZoekAudit("privacy", Gemeente("0171"), new Auditfilter(PerPagina: 500));
        Assert.True(pagina.Meer);
        Assert.All(pagina.Regels, r => Assert.Equal(("nop", "0171", "export clienten (csv, 3000 rijen)", echt.Nu), (r.Wie, r.Gemeente, r.Actie, r.Op)));
        Assert.Equal(clienten[^500..].Select(c => c.Gemaskeerd).Reverse(), pagina.Regels.Select(r => r.ClientGemaskeerd));
        Assert.Equal(500, store.ZoekAudit("privacy", Gemeente("0171"), new Auditfilter(Pagina: 6, PerPagina: 500)).Regels.Count);
        Assert.Empty(store.ZoekAudit("privacy", Gemeente("0171"), new Auditfilter(Pagina: 7, PerPagina: 500)).Regels);
        foreach (var c in new[] { clienten[0], clienten[1_234], clienten[^1] })
        {
            var regel = Assert.Single(store.AuditVoorClient(c));
            Assert.Equal(c.Gemaskeerd, regel.ClientGemaskeerd);
            Assert.Single(store.ZoekAudit("privacy", Gemeente("0171"), new Auditfilter(Client: c)).Regels);
        }
    }

    private static List<Core.Waarden.Bsn> Bsns(int aantal) => Testbsns.Vanaf(100_000_000, aantal);
}
