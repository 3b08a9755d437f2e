using System.Text;
using Jeugdhulp.Store.Journaal;
using Jeugdhulp.Store.Outbox;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.Outbox;

public abstract class OutboxTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : OutboxTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : OutboxTests(new PostgresTestDatabase());

    private string OutboxMap => Path.Combine(Db.DataMap, "outbox");

    private static byte[] Xml(string tekst) => Encoding.UTF8.GetBytes($"<?xml version=\"1.0\"?><bericht>{tekst}</bericht>");

    /// <summary>Journals <paramref name="aantal"/> messages and stores one answer each, committed.</summary>
    private List<(long Journaal, string Naam, byte[] Inhoud)> SlaAntwoordenOp(int aantal, string voorvoegsel = "JW301")
    {
        var lijst = new List<(long, string, byte[])>();
        using var tx = Opslag.BeginTransactie();
        for (var i = 1; i <= aantal; i++)
        {
            var journaal = Assert.IsType<JournaalUitkomst.Nieuw>(
                tx.Journaliseer("12345678", "0034", $"{voorvoegsel}-ID-{i}", "JW315", Xml($"verzoek {i}"))).JournaalId;
            var naam = $"{voorvoegsel}_{i:D4}.xml";
            var inhoud = Xml($"antwoord {i}");
            tx.VoegAntwoordToe(journaal, "JW301", "12345678", naam, inhoud);
            lijst.Add((journaal, naam, inhoud));
        }

        tx.Commit();
        return lijst;
    }

    private void AssertPreciesDezeBestanden(IEnumerable<(long Journaal, string Naam, byte[] Inhoud)> verwacht)
    {
        var lijst = verwacht.ToList();
        Assert.Equal(lijst.Select(v => v.Naam).Order(StringComparer.Ordinal),
            Directory.GetFiles(OutboxMap).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var (_, naam, inhoud) in lijst)
        {
            Assert.Equal(inhoud, File.ReadAllBytes(Path.Combine(OutboxMap, naam)));
        }
    }

    [StoreFact]
    public void Een_antwoord_op_zijn_bestandsnaam_komt_alleen_naar_zijn_ontvanger()
    {
        var antwoorden = SlaAntwoordenOp(3);

        Assert.All(antwoorden, a => Assert.Equal(a.Inhoud, Opslag.UitgaandBericht("12345678", a.Naam)?.Inhoud));
        Assert.Equal(antwoorden[1].Journaal, Opslag.UitgaandBericht("12345678", antwoorden[1].Naam)?.JournaalId);
        Assert.Null(Opslag.UitgaandBericht("87654321", antwoorden[0].Naam));
        Assert.Null(Opslag.UitgaandBericht("12345678", "JW301_9999.xml"));
    }

    [StoreFact]
    public void Hetzelfde_antwoord_twee_keer_toevoegen_slaat_het_een_keer_op()
    {
        using var tx = Opslag.BeginTransactie();
        var journaal = Assert.IsType<JournaalUitkomst.Nieuw>(tx.Journaliseer("12345678", "0034", "A", "JW315", Xml("v"))).JournaalId;
        var eerste = tx.VoegAntwoordToe(journaal, "JW301", "12345678", "JW301_A.xml", Xml("a"));
        var tweede = tx.VoegAntwoordToe(journaal, "JW301", "12345678", "JW301_A.xml", Xml("a"));
        tx.Commit();

        Assert.Equal(eerste, tweede);
        Assert.Equal(1, Db.Tel("outbox"));
    }

    [StoreFact]
    public void Een_ander_antwoord_onder_dezelfde_sleutel_is_een_fout_en_de_transactie_blijft_bruikbaar()
    {
        using var tx = Opslag.BeginTransactie();
        var a = Assert.IsType<JournaalUitkomst.Nieuw>(tx.Journaliseer("12345678", "0034", "A", "JW315", Xml("a"))).JournaalId;
        var b = Assert.IsType<JournaalUitkomst.Nieuw>(tx.Journaliseer("12345678", "0034", "B", "JW315", Xml("b"))).JournaalId;
        tx.VoegAntwoordToe(a, "JW301", "12345678", "JW301_A.xml", Xml("a"));

        Assert.Throws<InvalidOperationException>(() => tx.VoegAntwoordToe(a, "JW301", "12345678", "JW301_A2.xml", Xml("anders")));
        Assert.Throws<InvalidOperationException>(() => tx.VoegAntwoordToe(b, "JW301", "12345678", "JW301_A.xml", Xml("b")));

        tx.VoegAntwoordToe(b, "JW301", "12345678", "JW301_B.xml", Xml("b"));
        tx.Commit();
        Assert.Equal(2, Db.Tel("outbox"));
    }

    [StoreFact]
    public void Materialiseren_schrijft_elk_antwoord_precies_een_keer()
    {
        var antwoorden = SlaAntwoordenOp(5);

        var eerste = Opslag.Materialiseer(OutboxMap, blok: 2);
        var tweede = Opslag.Materialiseer(OutboxMap, blok: 2);

        Assert.Equal((5, 0), (eerste.Geschreven, eerste.AlAanwezig));
        Assert.Empty(eerste.Fouten);
        Assert.Equal((0, 0), (tweede.Geschreven, tweede.AlAanwezig));
        AssertPreciesDezeBestanden(antwoorden);
        Assert.Equal(0L, Convert.ToInt64(Db.VoerUit("SELECT COUNT(*) FROM outbox WHERE geschreven_op IS NULL"),
            System.Globalization.CultureInfo.InvariantCulture));
    }

    [StoreFact]
    public void Een_antwoord_als_geschreven_markeren_herschrijft_zijn_inhoud_niet()
    {
        // PostgreSQL: a row that is updated gets a new version (new xmin and ctid); SQLite: a trigger counts
        // the updates. The outbox row must change (the mark), the content row must not.
        var postgres = Opslag.Provider.Dialect == "Postgres";
        if (!postgres)
        {
            Db.VoerUit("""
                CREATE TABLE bijgewerkt (tabel TEXT NOT NULL);
                CREATE TRIGGER outbox_bijgewerkt AFTER UPDATE ON outbox BEGIN INSERT INTO bijgewerkt VALUES ('outbox'); END;
                CREATE TRIGGER outboxinhoud_bijgewerkt AFTER UPDATE ON outboxinhoud BEGIN INSERT INTO bijgewerkt VALUES ('outboxinhoud'); END;
                """);
        }

        SlaAntwoordenOp(3);
        const string Versies = """
            SELECT (SELECT string_agg(xmin::text || ctid::text, ',' ORDER BY id) FROM outbox),
                   (SELECT string_agg(xmin::text || ctid::text, ',' ORDER BY outbox_id) FROM outboxinhoud)
            """;
        var voor = postgres ? Db.Lees(Versies)[0] : null;

        Assert.Equal(3, Opslag.Materialiseer(OutboxMap).Geschreven);

        Assert.Equal(0L, Convert.ToInt64(Db.VoerUit("SELECT COUNT(*) FROM outbox WHERE geschreven_op IS NULL"),
            System.Globalization.CultureInfo.InvariantCulture));
        if (postgres)
        {
            var na = Db.Lees(Versies)[0];
            Assert.NotEqual(voor![0], na[0]);
            Assert.Equal(voor[1], na[1]);
        }
        else
        {
            Assert.Equal(3, Convert.ToInt32(Db.VoerUit("SELECT COUNT(*) FROM bijgewerkt WHERE tabel = 'outbox'"),
                System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(0, Convert.ToInt32(Db.VoerUit("SELECT COUNT(*) FROM bijgewerkt WHERE tabel = 'outboxinhoud'"),
                System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [StoreFact]
    public void Antwoorden_van_een_niet_gecommitte_transactie_worden_nooit_geschreven()
    {
        using (var tx = Opslag.BeginTransactie())
        {
            var journaal = Assert.IsType<JournaalUitkomst.Nieuw>(tx.Journaliseer("12345678", "0034", "A", "JW315", Xml("v"))).JournaalId;
            tx.VoegAntwoordToe(journaal, "JW301", "12345678", "JW301_A.xml", Xml("a"));
        }

        var verslag = Opslag.Materialiseer(OutboxMap);

        Assert.Equal(0, verslag.Geschreven);
        Assert.Empty(Directory.GetFiles(OutboxMap));
    }

    [StoreFact]
    public void Na_een_crash_tussen_commit_en_schrijven_schrijft_de_volgende_run_alles_zonder_dubbelen()
    {
        var antwoorden = SlaAntwoordenOp(4);
        // The crash: the transaction committed, then the process died while writing files. One file made it
        // all the way (renamed, not yet marked), one was half written under its temporary name.
        Directory.CreateDirectory(OutboxMap);
        File.WriteAllBytes(Path.Combine(OutboxMap, antwoorden[0].Naam), antwoorden[0].Inhoud);
        File.WriteAllBytes(Path.Combine(OutboxMap, "." + antwoorden[1].Naam + ".tmp"), antwoorden[1].Inhoud[..5]);

        // The next run is a new process: a new store on the same database.
        var verslag = Open().Materialiseer(OutboxMap);

        Assert.Equal((3, 1), (verslag.Geschreven, verslag.AlAanwezig));
        Assert.Empty(verslag.Fouten);
        AssertPreciesDezeBestanden(antwoorden);
        Assert.Empty(Directory.GetFiles(OutboxMap, ".*"));
    }

    [StoreFact]
    public void Een_bestaand_bestand_met_andere_inhoud_wordt_niet_overschreven_en_het_antwoord_blijft_open()
    {
        var antwoorden = SlaAntwoordenOp(2);
        Directory.CreateDirectory(OutboxMap);
        var vreemd = Path.Combine(OutboxMap, antwoorden[0].Naam);
        File.WriteAllText(vreemd, "iets anders");

        var verslag = Opslag.Materialiseer(OutboxMap);

        Assert.Equal(1, verslag.Geschreven);
        var fout = Assert.Single(verslag.Fouten);
        Assert.Equal(("OUTBOX-CONFLICT", vreemd), (fout.Code, fout.Plaats));
        Assert.Equal("iets anders", File.ReadAllText(vreemd));
        Assert.Equal(1L, Convert.ToInt64(Db.VoerUit("SELECT COUNT(*) FROM outbox WHERE geschreven_op IS NULL"),
            System.Globalization.CultureInfo.InvariantCulture));
    }
}

public class BestandsnaamTests
{
    [Theory]
    [InlineData("../buiten.xml")]
    [InlineData("sub/map.xml")]
    [InlineData(".verborgen.xml")]
    [InlineData("")]
    public void Een_bestandsnaam_met_een_map_of_een_punt_vooraan_wordt_geweigerd(string naam) =>
        Assert.ThrowsAny<ArgumentException>(() => AntwoordToevoegen.ControleerBestandsnaam(naam));
}
