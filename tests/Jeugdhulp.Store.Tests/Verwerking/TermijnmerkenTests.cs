using System.Text;
using Jeugdhulp.Store.Journaal;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Tests.Verwerking;

/// <summary>
/// The deadline marks of the state writes (issue 21, migrations 0034 on SQLite and 0035 on PostgreSQL), on both databases:
/// the rows the store inserts into clienten, verzoeken and toewijzingen, and a request line's HK-315-4 finding, mark their
/// client once per transaction (at the commit, set-wise, while the insert triggers stand aside), and every other insert
/// still marks by its trigger — also after a transaction that rolled back. The Termijnen parity tests (<c>TermijnrijenTests</c>) hold
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

    [StoreFact]
    public void Een_transactie_verhoogt_het_merk_van_haar_client_eenmaal()
    {
        using (var tx = Opslag.BeginTransactie())
        {
            SchrijfStaat(tx);
            tx.Commit();
        }

        // The client row and two request lines: by the triggers three upserts of the mark (PostgreSQL before 0035), now one.
        Assert.Equal(1L, Convert.ToInt64(Db.VoerUit($"SELECT merk FROM termijnen_vuil WHERE gemeente = '{Code}' AND bsn = '{Client}'"),
            System.Globalization.CultureInfo.InvariantCulture));
    }

    [StoreFact]
    public void Een_bevinding_HK_315_4_bij_een_eerder_verzoek_merkt_zijn_client_ook_als_de_transactie_zelf_merkt()
    {
        VerzoekRegel regel;
        using (var tx = Opslag.BeginTransactie())
        {
            var id = Assert.IsType<JournaalUitkomst.Nieuw>(tx.Journaliseer("12345678", Code, "ID-2", "JW315", Encoding.UTF8.GetBytes("<y/>"))).JournaalId;
            regel = new VerzoekRegel(0, id, 1, "JW315", Code, "12345678", "111222333", "R1", null, null, null, null,
                null, null, null, Staat.StatusReview, "review", null, "HK-315-4", "Onderzoek");
            Staat.BewaarVerzoek(tx, regel);
            tx.Commit();
        }

        LeegVuil();
        using (var tx = Opslag.BeginTransactie())
        {
            // Another client's row first: from here on this transaction marks itself and the insert triggers stand aside.
            Staat.BewaarClient(tx, Code, new Clientgegevens(Client, new DateOnly(2016, 9, 12), null, "1", "Jansen", null, null, null));
            Store.Bevindingen.BevindingenVastleggen.Bewaar(tx, regel, new Jeugdhulp.Core.Toewijzing.Besluit("R1", Jeugdhulp.Core.Toewijzing.Uitkomst.Beoordelen,
                null, null, [new Jeugdhulp.Core.Toewijzing.Bevinding("HK-315-4", Jeugdhulp.Core.Toewijzing.Uitkomst.Beoordelen, null, "onderzoek", [])],
                [], [], [], "test"));
            tx.Commit();
        }

        Assert.Equal([$"{Code}/111222333", $"{Code}/{Client}"], Vuil());
    }

    [StoreFact]
    public void Een_bevindingenrij_met_HK_315_4_van_buiten_de_store_merkt_zijn_client_en_een_zonder_niet()
    {
        // A request line of another client, then its findings row written as raw SQL (migration 0038's one row per line):
        // the insert trigger finds HK-315-4 as a rule id in the text; the same words in a parameter or as the start of a code do not mark.
        using (var tx = Opslag.BeginTransactie())
        {
            var id = Assert.IsType<JournaalUitkomst.Nieuw>(tx.Journaliseer("12345678", Code, "ID-3", "JW315", Encoding.UTF8.GetBytes("<z/>"))).JournaalId;
            for (var slot = 1; slot <= 2; slot++)
            {
                Staat.BewaarVerzoek(tx, new VerzoekRegel(0, id, slot, "JW315", Code, "12345678", slot == 1 ? "111222333" : "222333444", $"R{slot}",
                    null, null, null, null, null, null, null, Staat.StatusReview, "review", null, "HK-315-4", ""));
            }

            tx.Commit();
        }

        var journaal = Convert.ToInt64(Db.VoerUit("SELECT MAX(journaal_id) FROM verzoeken"), System.Globalization.CultureInfo.InvariantCulture);
        LeegVuil();
        var metRegel = Store.Bevindingen.Bevindinglijst.Schrijf([new("bevinding", "HK-315-4", "review", null, "onbekend", [], null)]);
        var zonder = Store.Bevindingen.Bevindinglijst.Schrijf([new("bevinding", "HK-315-5", "approved", null, "HK-315-4-elders", [new("regel", "HK-315-4")], null)]);
        Db.VoerUit($"INSERT INTO verzoekbevindingen (journaal_id, volgnummer, lijst, beoordelen, gemeente) VALUES ({journaal}, 2, '{zonder}', NULL, '{Code}')");
        Assert.Empty(Vuil());

        Db.VoerUit($"INSERT INTO verzoekbevindingen (journaal_id, volgnummer, lijst, beoordelen, gemeente) VALUES ({journaal}, 1, '{metRegel}', ' HK-315-4 ', '{Code}')");
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

    /// <summary>
    /// Whether the triggers still stand aside after the transaction: rows in SQLite's termijnen_merken_later; on PostgreSQL 1
    /// when the (pooled) connection still has jeugdhulp.termijnmerken set.
    /// </summary>
    private long Uitgesteld()
    {
        using var s = Opslag.OpenSessie();
        return Db is SqliteTestDatabase
            ? s.Commando("SELECT COUNT(*) FROM termijnen_merken_later").LeesLongOfNull() ?? -1
            : s.Commando("SELECT CASE WHEN current_setting('jeugdhulp.termijnmerken', true) = 'later' THEN 1 ELSE 0 END").LeesLongOfNull() ?? -1;
    }

    private void LeegVuil() => VoerUit("DELETE FROM termijnen_vuil");

    private void VoerUit(string sql)
    {
        using var s = Opslag.OpenSessie();
        s.Commando(sql).ExecuteNonQuery();
    }
}
