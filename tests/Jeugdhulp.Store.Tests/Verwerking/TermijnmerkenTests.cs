using System.Text;
using Jeugdhulp.Store.Journaal;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Tests.Verwerking;

/// <summary>
/// The deadline marks of the state writes (issue 21 point 2, migration 0034), on both databases: the rows the store
/// inserts into clienten, verzoeken and toewijzingen mark their client once per transaction (on SQLite at the commit,
/// set-wise, while the insert triggers stand aside; on PostgreSQL by the triggers), and every other insert still marks by
/// its trigger — also after a transaction that rolled back. The Termijnen parity tests (<c>TermijnrijenTests</c>) hold
/// the promise itself: the rows equal the computation after the pipeline's messages.
/// </summary>
public abstract class TermijnmerkenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : TermijnmerkenTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : TermijnmerkenTests(new PostgresTestDatabase());

    private const string Code = "0034";
    private const string Client = "999990019";

    [StoreFact]
    public void De_rijen_van_een_transactie_merken_hun_client_eenmaal_en_een_andere_invoeging_merkt_daarna_zelf()
    {
        using (var tx = Opslag.BeginTransactie())
        {
            SchrijfStaat(tx);
            tx.Commit();
        }

        Assert.Equal([$"{Code}/{Client}"], Vuil());
        Assert.Equal(0, Uitgesteld());

        // A row written outside the store's state functions (another tool, raw SQL): its trigger marks it.
        LeegVuil();
        VoerUit($"INSERT INTO clienten (gemeente, bsn, geboortedatum, geslacht, achternaam) VALUES ('{Code}', '111222333', '2016-09-12', '1', 'Vries')");
        Assert.Equal([$"{Code}/111222333"], Vuil());
    }

    [StoreFact]
    public void Een_teruggedraaide_transactie_laat_geen_merk_en_geen_stille_triggers_achter()
    {
        using (var tx = Opslag.BeginTransactie())
        {
            SchrijfStaat(tx);
        }

        Assert.Empty(Vuil());
        Assert.Equal(0, Uitgesteld());
        VoerUit($"INSERT INTO clienten (gemeente, bsn, geboortedatum, geslacht, achternaam) VALUES ('{Code}', '111222333', '2016-09-12', '1', 'Vries')");
        Assert.Equal([$"{Code}/111222333"], Vuil());
    }

    /// <summary>A JW315's state: its client, two request lines and an allocation, all of one client.</summary>
    private static void SchrijfStaat(StoreTransactie tx)
    {
        var id = Assert.IsType<JournaalUitkomst.Nieuw>(tx.Journaliseer("12345678", Code, "ID-1", "JW315", Encoding.UTF8.GetBytes("<x/>"))).JournaalId;
        Staat.BewaarClient(tx, Code, new Clientgegevens(Client, new DateOnly(2016, 9, 12), null, "1", "Jansen", null, null, null));
        for (var slot = 1; slot <= 2; slot++)
        {
            Staat.BewaarVerzoek(tx, new VerzoekRegel(0, id, slot, "JW315", Code, "12345678", Client, $"R{slot}", null, null, null, null,
                null, null, null, Staat.StatusBesloten, "rejected", 4, "HK-315-5", "Afgewezen"));
        }
    }

    private List<string> Vuil()
    {
        using var s = Opslag.OpenSessie();
        using var r = s.Commando("SELECT gemeente || '/' || bsn FROM termijnen_vuil ORDER BY 1").ExecuteReader();
        var lijst = new List<string>();
        while (r.Read())
        {
            lijst.Add(r.GetString(0));
        }

        return lijst;
    }

    /// <summary>Rows in SQLite's termijnen_merken_later (none on PostgreSQL, which has no such table).</summary>
    private long Uitgesteld()
    {
        if (Db is not SqliteTestDatabase)
        {
            return 0;
        }

        using var s = Opslag.OpenSessie();
        return s.Commando("SELECT COUNT(*) FROM termijnen_merken_later").LeesLongOfNull() ?? -1;
    }

    private void LeegVuil() => VoerUit("DELETE FROM termijnen_vuil");

    private void VoerUit(string sql)
    {
        using var s = Opslag.OpenSessie();
        s.Commando(sql).ExecuteNonQuery();
    }
}
