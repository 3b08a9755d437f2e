using System.Security.Cryptography;
using System.Text;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Journaal;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Toewijzingnummers;
using Npgsql;

namespace Jeugdhulp.Store.Tests.Journaal;

/// <summary>
/// A group's journal rows and number reservations decided in memory after one read (PostgreSQL's fast pass) give what the
/// server gives message by message; on SQLite the group start does nothing and the same outcomes come from the server.
/// </summary>
public abstract class GroepsvastleggingTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : GroepsvastleggingTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : GroepsvastleggingTests(new PostgresTestDatabase())
    {
        [StoreFact]
        public void Een_gelijktijdige_schrijver_met_dezelfde_sleutel_laat_de_groep_bij_de_commit_falen_en_journaliseert_niets_dubbel()
        {
            using var groep = Opslag.BeginTransactie();
            Groepsvastlegging.Begin(groep, [("12345678", "K")], []);
            Assert.IsType<JournaalUitkomst.Nieuw>(Journaliseer(groep, "K", "groep"));

            // Another writer journals the same key after the group's read and commits first.
            using (var ander = Opslag.BeginTransactie())
            {
                Assert.IsType<JournaalUitkomst.Nieuw>(Journaliseer(ander, "K", "ander"));
                ander.Commit();
            }

            var fout = Assert.Throws<PostgresException>(groep.Commit);
            Assert.Equal(PostgresErrorCodes.UniqueViolation, fout.SqlState);
            Assert.Equal(1L, Db.Tel("journaal"));
        }

        [StoreFact]
        public void De_groep_houdt_de_teller_van_haar_gemeenten_vast_tot_haar_transactie_eindigt()
        {
            using (var tx = Opslag.BeginTransactie())
            {
                tx.ReserveerToewijzingnummers(Gemeentecode.Parse("0034").Waarde, 1);
                tx.Commit();
            }

            using (var groep = Opslag.BeginTransactie())
            {
                Groepsvastlegging.Begin(groep, [], ["0034"]);
                var bezet = Assert.ThrowsAny<PostgresException>(() =>
                    Db.VoerUit("SELECT laatste FROM toewijzingnummers WHERE gemeente = '0034' FOR UPDATE NOWAIT"));
                Assert.Equal(PostgresErrorCodes.LockNotAvailable, bezet.SqlState);
            }

            Assert.Equal(1L, Convert.ToInt64(Db.VoerUit("SELECT laatste FROM toewijzingnummers WHERE gemeente = '0034' FOR UPDATE NOWAIT"),
                System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static JournaalUitkomst Journaliseer(StoreTransactie tx, string identificatie, string inhoud, string afzender = "12345678")
    {
        var bytes = Encoding.UTF8.GetBytes(inhoud);
        return tx.Journaliseer(afzender, "0034", identificatie, "JW315", bytes, Task.FromResult(SHA256.HashData(bytes)));
    }

    [StoreFact]
    public void Een_groep_journaliseert_en_herkent_herhalingen_zoals_een_voor_een()
    {
        long eerder;
        using (var tx = Opslag.BeginTransactie())
        {
            eerder = Assert.IsType<JournaalUitkomst.Nieuw>(Journaliseer(tx, "E", "eerder")).JournaalId;
            tx.Commit();
        }

        (string Identificatie, string Inhoud, string Afzender)[] groep =
        [
            ("N1", "nieuw 1", "12345678"),            // 0 new
            ("E", "eerder", "12345678"),              // 1 re-delivery of a committed message
            ("E", "eerder, gewijzigd", "12345678"),   // 2 9056 against the committed original
            ("N1", "nieuw 1", "12345678"),            // 3 repeat within the group
            ("N1", "nieuw 1, gewijzigd", "12345678"), // 4 9056 within the group
            ("N1", "nieuw 1, gewijzigd", "12345678"), // 5 that deviation again: a repeat of it
            ("N1", "nieuw 1", "87654321"),            // 6 other sender: new
        ];

        using (var tx = Opslag.BeginTransactie())
        {
            Groepsvastlegging.Begin(tx, groep.Select(g => (g.Afzender, g.Identificatie)), []);
            var u = groep.Select(g => Journaliseer(tx, g.Identificatie, g.Inhoud, g.Afzender)).ToList();

            var n1 = Assert.IsType<JournaalUitkomst.Nieuw>(u[0]).JournaalId;
            Assert.Equal(eerder, Assert.IsType<JournaalUitkomst.ExacteHerhaling>(u[1]).JournaalId);
            Assert.Equal(eerder, Assert.IsType<JournaalUitkomst.ZelfdeIdentificatieAndereInhoud>(u[2]).OrigineelId);
            Assert.Equal(n1, Assert.IsType<JournaalUitkomst.ExacteHerhaling>(u[3]).JournaalId);
            var afwijking = Assert.IsType<JournaalUitkomst.ZelfdeIdentificatieAndereInhoud>(u[4]);
            Assert.Equal(n1, afwijking.OrigineelId);
            Assert.Equal(afwijking.JournaalId, Assert.IsType<JournaalUitkomst.ExacteHerhaling>(u[5]).JournaalId);
            Assert.IsType<JournaalUitkomst.Nieuw>(u[6]);

            // Every id points at the row holding that very message.
            for (var i = 0; i < groep.Length; i++)
            {
                var regel = tx.LeesJournaal(Id(u[i]))!;
                Assert.Equal((groep[i].Afzender, groep[i].Identificatie), (regel.Afzender, regel.Identificatie));
                Assert.Equal(Encoding.UTF8.GetBytes(groep[i].Inhoud), regel.Inhoud);
            }

            tx.Commit();
        }

        Assert.Equal(1 + 4, Db.Tel("journaal"));
        Assert.Equal(1 + 4, Db.Tel("journaalinhoud"));
    }

    [StoreFact]
    public void Een_nieuw_bericht_wacht_niet_op_zijn_hash_en_de_commit_legt_de_echte_vast()
    {
        var bytes = Encoding.UTF8.GetBytes("groot");
        var hash = new TaskCompletionSource<byte[]>();
        using (var tx = Opslag.BeginTransactie())
        {
            Groepsvastlegging.Begin(tx, [("12345678", "G")], []);
            Assert.IsType<JournaalUitkomst.Nieuw>(tx.Journaliseer("12345678", "0034", "G", "JW315", bytes, hash.Task));
            hash.SetResult(SHA256.HashData(bytes));
            tx.Commit();
        }

        using var daarna = Opslag.BeginTransactie();
        Assert.IsType<JournaalUitkomst.ExacteHerhaling>(Journaliseer(daarna, "G", "groot"));
    }

    [StoreFact]
    public void Reserveringen_in_een_groep_lopen_door_op_de_teller_en_laten_hem_staan_waar_de_server_hem_zou_laten()
    {
        var gemeente = Gemeentecode.Parse("0034").Waarde;
        using (var tx = Opslag.BeginTransactie())
        {
            Assert.Equal(new NummerReeks(1, 2), tx.ReserveerToewijzingnummers(gemeente, 2).Waarde);
            tx.Commit();
        }

        using (var tx = Opslag.BeginTransactie())
        {
            // 0995 has no counter row yet: the server reserves (and creates it).
            Groepsvastlegging.Begin(tx, [], ["0995", "0034"]);
            Assert.Equal(new NummerReeks(3, 5), tx.ReserveerToewijzingnummers(gemeente, 3).Waarde);
            Assert.Equal(new NummerReeks(6, 6), tx.ReserveerToewijzingnummers(gemeente, 1).Waarde);
            Assert.Equal(new NummerReeks(1, 4), tx.ReserveerToewijzingnummers(Gemeentecode.Parse("0995").Waarde, 4).Waarde);
            var teVeel = tx.ReserveerToewijzingnummers(gemeente, (int)Math.Min(int.MaxValue, NummersReserveren.Hoogste));
            Assert.Equal("TR332", Assert.Single(teVeel.Fouten).Code);
            tx.Commit();
        }

        using var daarna = Opslag.BeginTransactie();
        Assert.Equal(new NummerReeks(7, 7), daarna.ReserveerToewijzingnummers(gemeente, 1).Waarde);
        Assert.Equal(new NummerReeks(5, 5), daarna.ReserveerToewijzingnummers(Gemeentecode.Parse("0995").Waarde, 1).Waarde);
    }

    [StoreFact]
    public void Een_teruggedraaide_groep_laat_journaal_en_teller_zoals_ze_waren()
    {
        var gemeente = Gemeentecode.Parse("0034").Waarde;
        using (var tx = Opslag.BeginTransactie())
        {
            tx.ReserveerToewijzingnummers(gemeente, 1);
            tx.Commit();
        }

        using (var tx = Opslag.BeginTransactie())
        {
            Groepsvastlegging.Begin(tx, [("12345678", "R")], ["0034"]);
            Journaliseer(tx, "R", "teruggedraaid");
            tx.ReserveerToewijzingnummers(gemeente, 5);
        }

        Assert.Equal(0L, Db.Tel("journaal"));
        using var daarna = Opslag.BeginTransactie();
        Assert.IsType<JournaalUitkomst.Nieuw>(Journaliseer(daarna, "R", "teruggedraaid"));
        Assert.Equal(new NummerReeks(2, 2), daarna.ReserveerToewijzingnummers(gemeente, 1).Waarde);
    }

    private static long Id(JournaalUitkomst u) => u switch
    {
        JournaalUitkomst.Nieuw n => n.JournaalId,
        JournaalUitkomst.ZelfdeIdentificatieAndereInhoud z => z.JournaalId,
        JournaalUitkomst.ExacteHerhaling h => h.JournaalId,
        _ => throw new InvalidOperationException(),
    };
}
