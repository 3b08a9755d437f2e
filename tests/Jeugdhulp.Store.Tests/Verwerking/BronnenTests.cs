using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Store.Import;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Tests.Verwerking;

/// <summary>
/// The engine's sources read per decision: the residents a request names and their households, not the whole register
/// (which took seconds per pre-check or staff decision at a national register's size).
/// </summary>
public abstract class BronnenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : BronnenTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : BronnenTests(new PostgresTestDatabase());

    private static readonly DateOnly Vandaag = new(2027, 3, 2);

    private static readonly Inwoner Anna = new(Bsn("100023757"), Gemeente("0171"), Dag("2015-04-01"), "H1", false);
    private static readonly Inwoner Bram = new(Bsn("100039595"), Gemeente("0171"), Dag("2012-09-30"), "H1", true);
    private static readonly Inwoner Cor = new(Bsn("100126704"), Gemeente("0995"), Dag("2010-01-15"), "H2", false);
    private static readonly Inwoner Dirk = new(Bsn("100174218"), Gemeente("0034"), Dag("2014-01-01"), null, false);

    [StoreFact]
    public void De_inwoners_van_een_besluit_zijn_de_genoemden_met_hun_huishouden_en_verder_niemand()
    {
        Assert.True(Opslag.ImporteerInwoners([Anna, Bram, Cor, Dirk]).IsGeldig);
        using var tx = Opslag.BeginTransactie();

        var register = Bronnen.Inwoners(tx, [Anna.Bsn.Waarde, Dirk.Bsn.Waarde, "100000009", null, Anna.Bsn.Waarde]);

        Assert.Equal(3, register.Aantal);
        Assert.Equal(Anna, register.Zoek(Anna.Bsn));
        Assert.Equal(Bram, register.Zoek(Bram.Bsn));
        Assert.Equal(Dirk, register.Zoek(Dirk.Bsn));
        Assert.Null(register.Zoek(Cor.Bsn));
        Assert.Equal([Anna, Bram], register.Huishouden("H1"));
        Assert.Equal(0, Bronnen.Inwoners(tx, []).Aantal);
    }

    [StoreFact]
    public void Bronnen_met_alle_inwoners_worden_voor_een_besluit_niet_opnieuw_gelezen()
    {
        ImporteerDemoContracten();
        Assert.True(Opslag.ImporteerInwoners([Anna, Bram, Cor]).IsGeldig);
        using var tx = Opslag.BeginTransactie();

        var per = Bronnen.Laad(Opslag, Flevoland, TimeProvider.System);
        var alle = Bronnen.LaadMetAlleInwoners(Opslag, Flevoland, TimeProvider.System);

        Assert.Null(per.Inwoners.Zoek(Anna.Bsn));
        Assert.Equal([Anna.Bsn, Bram.Bsn], per.Voor(tx, [Bram.Bsn.Waarde]).Inwoners.Huishouden("H1").Select(i => i.Bsn));
        Assert.Same(alle, alle.Voor(tx, [Anna.Bsn.Waarde]));
        Assert.Equal(Cor, alle.Inwoners.Zoek(Cor.Bsn));
    }

    [StoreFact]
    public void Een_inwoner_die_na_de_start_van_de_verwerking_is_ingelezen_telt_voor_het_volgende_bericht()
    {
        // The pipeline read the whole register when it was made (and `serve` made it again at most once a minute): a
        // resident imported after that was unknown to it — HK-315-4 refused the request (woonplaatsbeginsel).
        ImporteerDemoContracten();
        var verwerken = new BerichtVerwerken(Opslag, Flevoland, Vandaag, Path.Combine(Db.DataMap, "outbox"), batch: 1);
        ImporteerDemo();

        var verslag = Assert.Single(verwerken.Verwerk([new Invoer("a.xml", BerichtVerwerkenTests.Jw315("B1", "100002183", new DateOnly(2016, 9, 12), "R1"))]));

        Assert.True(verslag.Uitkomst == Uitkomsten.Approved, string.Join("; ", verslag.Meldingen));
    }
}
