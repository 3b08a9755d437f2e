using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Store.Audit;
using Jeugdhulp.Store.Import;
using Jeugdhulp.Store.Inwoners;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.Inwoners;

public abstract class InwonerBekijkenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : InwonerBekijkenTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : InwonerBekijkenTests(new PostgresTestDatabase());

    private static readonly Inwoner Anna = new(Bsn("100023757"), Gemeente("0034"), Dag("2015-04-01"), "H1", false);

    [StoreFact]
    public void Elke_blik_op_een_client_komt_in_het_auditlog_ook_een_geweigerde()
    {
        var klok = new VasteKlok(new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.Zero));
        // The audit log is stamped by the real clock (klok), not the processing clock.
        var opslag = Open(klok: klok);
        opslag.ImporteerInwoners([Anna]);

        Assert.Equal(Anna, opslag.BekijkInwoner("medewerker.almere", Gemeente("0034"), Anna.Bsn));
        klok.Nu = klok.Nu.AddMinutes(5);
        Assert.Null(opslag.BekijkInwoner("medewerker.lelystad", Gemeente("0995"), Anna.Bsn));

        var log = opslag.AuditVoorClient(Anna.Bsn);
        Assert.Equal(
            [
                new AuditRegel(new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.Zero), "medewerker.almere", "0034", "inwoner bekeken", "******757"),
                new AuditRegel(new DateTimeOffset(2026, 5, 4, 10, 5, 0, TimeSpan.Zero), "medewerker.lelystad", "0995", "inwoner gezocht, niet gevonden", "******757"),
            ],
            log);
        Assert.Empty(opslag.AuditVoorClient(Bsn("100039595")));
    }

    [StoreFact]
    public void Het_auditlog_bevat_het_bsn_nergens_in_klare_tekst()
    {
        Opslag.ImporteerInwoners([Anna]);
        Opslag.BekijkInwoner("medewerker.almere", Gemeente("0034"), Anna.Bsn);

        var treffers = Db.VoerUit($"""
            SELECT COUNT(*) FROM auditlog
            WHERE wie LIKE '%{Anna.Bsn.Waarde}%' OR actie LIKE '%{Anna.Bsn.Waarde}%' OR gemeente LIKE '%{Anna.Bsn.Waarde}%'
               OR client_hash LIKE '%{Anna.Bsn.Waarde}%' OR client_gemaskeerd LIKE '%{Anna.Bsn.Waarde}%'
            """);
        Assert.Equal(0L, Convert.ToInt64(treffers, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, Db.Tel("auditlog"));
    }
}
