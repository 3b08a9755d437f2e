using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.Audit;

public abstract class AuditlogTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : AuditlogTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : AuditlogTests(new PostgresTestDatabase());

    [StoreFact]
    public void Een_auditregel_krijgt_de_echte_tijd_ook_als_de_verwerkingsdatum_vaststaat()
    {
        // As under --today: the business clock stands on a fixed date.
        var store = Open(new VasteKlok(new DateTimeOffset(2027, 3, 5, 0, 0, 0, TimeSpan.Zero)));
        var voor = DateTimeOffset.UtcNow;

        store.BewaarMedewerker("nop", Gemeente("0171"), "pbkdf2-sha256$1$AAAA$AAAA");

        var op = Db.Lees("SELECT op FROM auditlog").Select(r => Tijdstip(r[0])).Single();
        Assert.InRange(op, voor.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [StoreFact]
    public void De_klok_van_het_auditlog_is_los_van_de_verwerkingsklok_in_te_stellen()
    {
        var echt = new DateTimeOffset(2026, 12, 5, 10, 11, 12, TimeSpan.Zero);
        var store = Open(new VasteKlok(new DateTimeOffset(2027, 3, 5, 0, 0, 0, TimeSpan.Zero)), new VasteKlok(echt));

        store.BewaarMedewerker("nop", Gemeente("0171"), "pbkdf2-sha256$1$AAAA$AAAA");

        Assert.Equal(echt, Db.Lees("SELECT op FROM auditlog").Select(r => Tijdstip(r[0])).Single());
    }

    private static DateTimeOffset Tijdstip(object waarde) => waarde switch
    {
        DateTimeOffset d => d.ToUniversalTime(),
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        string s => DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime(),
        _ => throw new InvalidOperationException(waarde.GetType().Name),
    };
}
