using System.Diagnostics;
using System.Text;
using Jeugdhulp.Core.Teksten;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Store.Journaal;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Toewijzingnummers;

namespace Jeugdhulp.Store.Tests.Provider;

/// <summary>
/// The writes a transaction defers (<see cref="StoreTransactie.Later"/>) and the reads that follow them: the pipeline's
/// journal insert and number reservation see every write queued before them, and on PostgreSQL go to the server in the
/// same round trip as those writes (one Npgsql command, counted by its activities).
/// </summary>
public abstract class UitgesteldeSchrijfactiesTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : UitgesteldeSchrijfactiesTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : UitgesteldeSchrijfactiesTests(new PostgresTestDatabase())
    {
        [StoreFact]
        public void De_journaalinsert_gaat_met_de_uitgestelde_schrijfacties_in_een_rondgang()
        {
            using var tx = Opslag.BeginTransactie();
            Journaliseer(tx, "ID-1"); // its content is queued
            tx.Uitgesteld("UPDATE journaal SET status = @status WHERE identificatie = @id").Met("@status", "accepted").Met("@id", "ID-1").Later(tx);

            var (uitkomst, rondgangen) = Tel(() => Journaliseer(tx, "ID-2"));

            Assert.IsType<JournaalUitkomst.Nieuw>(uitkomst);
            Assert.Equal(1, rondgangen);
        }

        [StoreFact]
        public void De_nummerreservering_gaat_met_de_uitgestelde_schrijfacties_in_een_rondgang()
        {
            using var tx = Opslag.BeginTransactie();
            Journaliseer(tx, "ID-1");

            var (reeks, rondgangen) = Tel(() => tx.ReserveerToewijzingnummers(Gemeente("0034"), 2));

            Assert.Equal(1, reeks.Waarde.Eerste);
            Assert.Equal(1, rondgangen);
        }

        [StoreFact]
        public void Een_uitgestelde_schrijfactie_die_faalt_faalt_bij_de_lezing_erna_en_die_lezing_gebeurt_niet()
        {
            using (var tx = Opslag.BeginTransactie())
            {
                tx.Uitgesteld("INSERT INTO journaalinhoud (journaal_id, inhoud, gemeente) VALUES (@journaal_id, @inhoud, '0034')")
                    .Met("@journaal_id", 424242L).Met("@inhoud", new byte[] { 1 }).Later(tx); // no such journal row

                Assert.IsAssignableFrom<System.Data.Common.DbException>(Record.Exception(() => Journaliseer(tx, "ID-1")));
            }

            Assert.Equal(0, Db.Tel("journaal"));
        }

        [StoreFact]
        public void De_bevindingen_en_signalen_van_een_verzoekregel_zijn_een_statement()
        {
            var besluit = new Besluit("REF-1", Uitkomst.Afgewezen, RedenAfwijzing.NieuweAanvraag, null,
                [
                    new Bevinding("PROEF-1", Uitkomst.Toegekend, null, "ok", []),
                    new Bevinding("PROEF-2", Uitkomst.Afgewezen, RedenAfwijzing.NieuweAanvraag, "nieuw", [new Parameter("nummer", "7")]),
                ],
                [new Signaal("PROEF-3", "termijn", new DateOnly(2027, 3, 2), [])],
                [], [], "test");
            using var tx = Opslag.BeginTransactie();

            Store.Bevindingen.BevindingenVastleggen.Bewaar(tx, new Store.Verwerking.VerzoekRegel(0, 1, 1, "JW315", "0034", "12345678",
                "999990019", "REF-1", null, null, null, null, null, null, null, "besloten", "rejected", 4, "", ""), besluit);

            Assert.Equal(1, tx.Wachtend);
        }

        /// <summary>The Npgsql commands (round trips) <paramref name="actie"/> runs on this thread.</summary>
        private static (T Uitkomst, int Rondgangen) Tel<T>(Func<T> actie)
        {
            var draad = Environment.CurrentManagedThreadId;
            var rondgangen = 0;
            using var luisteraar = new ActivityListener
            {
                ShouldListenTo = s => s.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStarted = _ =>
                {
                    if (Environment.CurrentManagedThreadId == draad)
                    {
                        Interlocked.Increment(ref rondgangen);
                    }
                },
            };
            ActivitySource.AddActivityListener(luisteraar);
            var uitkomst = actie();
            return (uitkomst, rondgangen);
        }
    }

    private static JournaalUitkomst Journaliseer(StoreTransactie tx, string identificatie) =>
        tx.Journaliseer("12345678", "0034", identificatie, "JW315", Encoding.UTF8.GetBytes($"<JW315>{identificatie}</JW315>"));

    [StoreFact]
    public void Een_lezing_na_uitgestelde_schrijfacties_ziet_ze_allemaal()
    {
        long tweede;
        using (var tx = Opslag.BeginTransactie())
        {
            var eerste = Assert.IsType<JournaalUitkomst.Nieuw>(Journaliseer(tx, "ID-1")).JournaalId;
            tx.Uitgesteld("UPDATE journaal SET status = @status WHERE id = @id").Met("@status", "accepted").Met("@id", eerste).Later(tx);
            tx.Uitgesteld("INSERT INTO toewijzingnummers (gemeente, laatste) VALUES (@gemeente, @laatste)").Met("@gemeente", "0034").Met("@laatste", 41L).Later(tx);

            // The counter row the deferred insert made is the one the reservation counts on; the first message is found again.
            Assert.Equal(42, tx.ReserveerToewijzingnummers(Gemeente("0034"), 1).Waarde.Eerste);
            Assert.IsType<JournaalUitkomst.ExacteHerhaling>(Journaliseer(tx, "ID-1"));
            tweede = Assert.IsType<JournaalUitkomst.Nieuw>(Journaliseer(tx, "ID-2")).JournaalId;
            tx.Commit();
        }

        Assert.Equal("accepted", Db.VoerUit("SELECT status FROM journaal WHERE identificatie = 'ID-1'"));
        Assert.Equal(2, Db.Tel("journaalinhoud"));
        Assert.NotEqual(0, tweede);
    }
}
