using System.Security.Cryptography;
using System.Text;
using Jeugdhulp.Store.Journaal;
using Jeugdhulp.Store.Outbox;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Toewijzingnummers;

namespace Jeugdhulp.Store.Tests.Journaal;

public abstract class JournaalTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : JournaalTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : JournaalTests(new PostgresTestDatabase())
    {
        [StoreFact]
        public void Een_commit_op_een_verbroken_verbinding_faalt_zichtbaar_en_bewaart_niets()
        {
            var tx = Opslag.BeginTransactie();
            Assert.IsType<JournaalUitkomst.Nieuw>(Journaliseer(tx, Inhoud));
            var pid = tx.Commando("SELECT pg_backend_pid()").ExecuteScalar();
            Db.VoerUit($"SELECT pg_terminate_backend({pid})");

            Assert.IsAssignableFrom<System.Data.Common.DbException>(Record.Exception(tx.Commit));
            tx.Dispose(); // must not throw over the commit's error

            Assert.Equal(0, Db.Tel("journaal"));
            using var opnieuw = Opslag.BeginTransactie();
            Assert.IsType<JournaalUitkomst.Nieuw>(Journaliseer(opnieuw, Inhoud));
        }
    }

    private static readonly byte[] Inhoud = Encoding.UTF8.GetBytes("<JW315>verzoek 1</JW315>");
    private static readonly byte[] AndereInhoud = Encoding.UTF8.GetBytes("<JW315>verzoek 1, gewijzigd</JW315>");

    private static JournaalUitkomst Journaliseer(StoreTransactie tx, byte[] inhoud, string afzender = "12345678", string identificatie = "ID-1") =>
        tx.Journaliseer(afzender, "0034", identificatie, "JW315", inhoud);

    [StoreFact]
    public void Een_nieuw_bericht_wordt_gejournaliseerd_met_zijn_inhoud()
    {
        var klok = new VasteKlok(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
        var opslag = Open(klok);
        long id;
        using (var tx = opslag.BeginTransactie())
        {
            id = Assert.IsType<JournaalUitkomst.Nieuw>(Journaliseer(tx, Inhoud)).JournaalId;
            tx.Commit();
        }

        using var lees = opslag.BeginTransactie();
        var regel = Assert.IsType<JournaalRegel>(lees.LeesJournaal(id));
        Assert.Equal(("12345678", "0034", "JW315", "ID-1"), (regel.Afzender, regel.Ontvanger, regel.Berichtcode, regel.Identificatie));
        Assert.Equal(Inhoud, regel.Inhoud);
        Assert.Equal(klok.Nu, regel.OntvangenOp);
        Assert.Equal(JournaalLezen.Ontvangen, regel.Status);
        Assert.Null(regel.OrigineelId);
        Assert.Equal(SHA256.HashData(Inhoud), (byte[])Db.VoerUit($"SELECT sha256 FROM journaal WHERE id = {id}")!);
    }

    [StoreFact]
    public void Een_exacte_herhaling_verandert_niets_en_geeft_het_eerdere_antwoord()
    {
        long id;
        using (var tx = Opslag.BeginTransactie())
        {
            id = Assert.IsType<JournaalUitkomst.Nieuw>(Journaliseer(tx, Inhoud)).JournaalId;
            tx.VoegAntwoordToe(id, "JW316", "12345678", "JW316-ID-1.xml", Encoding.UTF8.GetBytes("<JW316/>"));
            tx.Commit();
        }

        using (var tx = Opslag.BeginTransactie())
        {
            var herhaling = Assert.IsType<JournaalUitkomst.ExacteHerhaling>(Journaliseer(tx, Inhoud.ToArray()));
            Assert.Equal(id, herhaling.JournaalId);
            var antwoord = Assert.Single(herhaling.Antwoorden);
            Assert.Equal(("JW316", "JW316-ID-1.xml"), (antwoord.Berichtcode, antwoord.Bestandsnaam));
            tx.Commit();
        }

        Assert.Equal(1, Db.Tel("journaal"));
        Assert.Equal(1, Db.Tel("outbox"));
    }

    [StoreFact]
    public void Een_herhaling_in_dezelfde_transactie_wordt_herkend()
    {
        using var tx = Opslag.BeginTransactie();
        var eerste = Assert.IsType<JournaalUitkomst.Nieuw>(Journaliseer(tx, Inhoud));
        var tweede = Assert.IsType<JournaalUitkomst.ExacteHerhaling>(Journaliseer(tx, Inhoud));
        Assert.Equal(eerste.JournaalId, tweede.JournaalId);
        Assert.Empty(tweede.Antwoorden);
        tx.Commit();
        Assert.Equal(1, Db.Tel("journaal"));
    }

    [StoreFact]
    public void Dezelfde_identificatie_met_andere_inhoud_is_het_9056_geval_en_wordt_ook_bewaard()
    {
        long origineel;
        using (var tx = Opslag.BeginTransactie())
        {
            origineel = Assert.IsType<JournaalUitkomst.Nieuw>(Journaliseer(tx, Inhoud)).JournaalId;
            tx.Commit();
        }

        using (var tx = Opslag.BeginTransactie())
        {
            var uitkomst = Assert.IsType<JournaalUitkomst.ZelfdeIdentificatieAndereInhoud>(Journaliseer(tx, AndereInhoud));
            Assert.Equal(origineel, uitkomst.OrigineelId);
            Assert.NotEqual(origineel, uitkomst.JournaalId);
            Assert.Equal(AndereInhoud, tx.LeesJournaal(uitkomst.JournaalId)!.Inhoud);
            Assert.Equal(origineel, tx.LeesJournaal(uitkomst.JournaalId)!.OrigineelId);
            tx.Commit();
        }

        Assert.Equal(2, Db.Tel("journaal"));
    }

    [StoreFact]
    public void Een_herhaling_van_het_afwijkende_bericht_geeft_het_eerdere_9056_antwoord()
    {
        long afwijkend;
        using (var tx = Opslag.BeginTransactie())
        {
            Journaliseer(tx, Inhoud);
            afwijkend = Assert.IsType<JournaalUitkomst.ZelfdeIdentificatieAndereInhoud>(Journaliseer(tx, AndereInhoud)).JournaalId;
            tx.VoegAntwoordToe(afwijkend, "JW316", "12345678", "JW316-9056.xml", Encoding.UTF8.GetBytes("<JW316>9056</JW316>"));
            tx.Commit();
        }

        using (var tx = Opslag.BeginTransactie())
        {
            var herhaling = Assert.IsType<JournaalUitkomst.ExacteHerhaling>(Journaliseer(tx, AndereInhoud));
            Assert.Equal(afwijkend, herhaling.JournaalId);
            Assert.Equal("JW316-9056.xml", Assert.Single(herhaling.Antwoorden).Bestandsnaam);

            // A third content under the same Identificatie is again a 9056 case, pointing at the original.
            var derde = Assert.IsType<JournaalUitkomst.ZelfdeIdentificatieAndereInhoud>(Journaliseer(tx, Encoding.UTF8.GetBytes("<x/>")));
            Assert.NotEqual(afwijkend, derde.OrigineelId);
            tx.Commit();
        }

        Assert.Equal(3, Db.Tel("journaal"));
    }

    [StoreFact]
    public void Dezelfde_identificatie_van_een_andere_afzender_is_een_nieuw_bericht()
    {
        using var tx = Opslag.BeginTransactie();
        Assert.IsType<JournaalUitkomst.Nieuw>(Journaliseer(tx, Inhoud, afzender: "12345678"));
        Assert.IsType<JournaalUitkomst.Nieuw>(Journaliseer(tx, Inhoud, afzender: "87654321"));
        Assert.IsType<JournaalUitkomst.Nieuw>(Journaliseer(tx, Inhoud, identificatie: "ID-2"));
        tx.Commit();
    }

    [StoreFact]
    public void Een_teruggedraaide_transactie_laat_niets_achter()
    {
        using (var tx = Opslag.BeginTransactie())
        {
            var id = Assert.IsType<JournaalUitkomst.Nieuw>(Journaliseer(tx, Inhoud)).JournaalId;
            tx.VoegAntwoordToe(id, "JW301", "12345678", "JW301-1.xml", [1, 2, 3]);
            Assert.True(tx.ReserveerToewijzingnummers(Gemeente("0034"), 5).IsGeldig);
            tx.ZetJournaalStatus(id, "verwerkt");
            // No commit: disposing rolls back, as a crash would.
        }

        Assert.Equal(0, Db.Tel("journaal"));
        Assert.Equal(0, Db.Tel("outbox"));
        Assert.Equal(0, Db.Tel("toewijzingnummers"));

        using var opnieuw = Opslag.BeginTransactie();
        Assert.IsType<JournaalUitkomst.Nieuw>(Journaliseer(opnieuw, Inhoud));
        Assert.Equal(new NummerReeks(1, 5), opnieuw.ReserveerToewijzingnummers(Gemeente("0034"), 5).Waarde);
    }

    [StoreFact]
    public void De_status_van_een_journaalregel_wordt_bewaard()
    {
        using var tx = Opslag.BeginTransactie();
        var id = Assert.IsType<JournaalUitkomst.Nieuw>(Journaliseer(tx, Inhoud)).JournaalId;
        tx.ZetJournaalStatus(id, "verwerkt");
        Assert.Equal("verwerkt", tx.LeesJournaal(id)!.Status);
        Assert.Throws<InvalidOperationException>(() => tx.ZetJournaalStatus(id + 1000, "verwerkt"));
    }

    [StoreFact]
    public void Hetzelfde_bericht_tegelijk_via_twee_verbindingen_wordt_een_keer_nieuw()
    {
        var tweedeOpslag = Open();
        using var eerste = Opslag.BeginTransactie();
        Assert.IsType<JournaalUitkomst.Nieuw>(Journaliseer(eerste, Inhoud));

        // The second connection has to wait for the first transaction (write lock or row lock).
        var tweede = Task.Run(() =>
        {
            using var tx = tweedeOpslag.BeginTransactie();
            var uitkomst = Journaliseer(tx, Inhoud);
            tx.Commit();
            return uitkomst;
        });
        Assert.False(tweede.Wait(TimeSpan.FromMilliseconds(300)));
        eerste.Commit();

        Assert.IsType<JournaalUitkomst.ExacteHerhaling>(tweede.GetAwaiter().GetResult());
        Assert.Equal(1, Db.Tel("journaal"));
    }

    [StoreFact]
    public void Een_hash_die_nog_berekend_wordt_staat_bij_de_commit_definitief_in_het_journaal()
    {
        var hash = new TaskCompletionSource<byte[]>();
        long id;
        using (var tx = Opslag.BeginTransactie())
        {
            // The insert does not wait for the hash; the commit does.
            id = Assert.IsType<JournaalUitkomst.Nieuw>(tx.Journaliseer("12345678", "0034", "ID-1", "JW315", Inhoud, hash.Task)).JournaalId;
            Assert.NotEqual(SHA256.HashData(AndereInhoud), (byte[])tx.Commando($"SELECT sha256 FROM journaal WHERE id = {id}").ExecuteScalar()!);
            hash.SetResult(SHA256.HashData(AndereInhoud));
            tx.Commit();
        }

        Assert.Equal(SHA256.HashData(AndereInhoud), (byte[])Db.VoerUit($"SELECT sha256 FROM journaal WHERE id = {id}")!);
        using var lees = Opslag.BeginTransactie();
        Assert.Equal(Inhoud, lees.LeesJournaal(id)!.Inhoud);
    }

    [StoreFact]
    public void Een_herhaling_in_dezelfde_transactie_wordt_herkend_ook_als_de_eerste_hash_nog_voorlopig_was()
    {
        var hash = new TaskCompletionSource<byte[]>();
        using var tx = Opslag.BeginTransactie();
        var eerste = Assert.IsType<JournaalUitkomst.Nieuw>(tx.Journaliseer("12345678", "0034", "ID-1", "JW315", Inhoud, hash.Task));
        hash.SetResult(SHA256.HashData(Inhoud));
        var tweede = Assert.IsType<JournaalUitkomst.ExacteHerhaling>(Journaliseer(tx, Inhoud));
        Assert.Equal(eerste.JournaalId, tweede.JournaalId);
        Assert.IsType<JournaalUitkomst.ZelfdeIdentificatieAndereInhoud>(Journaliseer(tx, AndereInhoud));
        tx.Commit();
    }

    [StoreFact]
    public void Een_definitieve_hash_ingevuld_in_een_teruggedraaid_savepoint_wordt_bij_de_commit_opnieuw_ingevuld()
    {
        var hash = new TaskCompletionSource<byte[]>();
        long id;
        using (var tx = Opslag.BeginTransactie())
        {
            id = Assert.IsType<JournaalUitkomst.Nieuw>(tx.Journaliseer("12345678", "0034", "ID-1", "JW315", Inhoud, hash.Task)).JournaalId;
            hash.SetResult(SHA256.HashData(Inhoud));

            // A later message in its own savepoint meets the first one (fills in its hash) and then fails.
            tx.Commando("SAVEPOINT bericht").ExecuteNonQuery();
            Assert.IsType<JournaalUitkomst.ExacteHerhaling>(Journaliseer(tx, Inhoud));
            tx.Commando("ROLLBACK TO SAVEPOINT bericht").ExecuteNonQuery();
            tx.Commando("RELEASE SAVEPOINT bericht").ExecuteNonQuery();
            tx.Commit();
        }

        Assert.Equal(SHA256.HashData(Inhoud), (byte[])Db.VoerUit($"SELECT sha256 FROM journaal WHERE id = {id}")!);
        using var opnieuw = Opslag.BeginTransactie();
        Assert.Equal(id, Assert.IsType<JournaalUitkomst.ExacteHerhaling>(Journaliseer(opnieuw, Inhoud)).JournaalId);
    }

    [StoreFact]
    public void Een_mislukte_hashberekening_laat_de_commit_mislukken_en_bewaart_niets()
    {
        using (var tx = Opslag.BeginTransactie())
        {
            Assert.IsType<JournaalUitkomst.Nieuw>(tx.Journaliseer("12345678", "0034", "ID-1", "JW315", Inhoud,
                Task.FromException<byte[]>(new InvalidOperationException("schrijver kapot"))));
            Assert.Throws<InvalidOperationException>(tx.Commit);
        }

        Assert.Equal(0, Db.Tel("journaal"));
        Assert.Equal(0, Db.Tel("journaalinhoud"));
    }
}
