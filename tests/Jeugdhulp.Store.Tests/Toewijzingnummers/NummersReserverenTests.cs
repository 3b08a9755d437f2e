using System.Collections.Concurrent;
using System.Globalization;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Toewijzingnummers;

namespace Jeugdhulp.Store.Tests.Toewijzingnummers;

public abstract class NummersReserverenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : NummersReserverenTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : NummersReserverenTests(new PostgresTestDatabase());

    [StoreFact]
    public void Nummers_beginnen_bij_1_en_lopen_door_over_transacties_heen()
    {
        using (var tx = Opslag.BeginTransactie())
        {
            Assert.Equal(new NummerReeks(1, 3), tx.ReserveerToewijzingnummers(Gemeente("0034"), 3).Waarde);
            Assert.Equal(new NummerReeks(4, 4), tx.ReserveerToewijzingnummers(Gemeente("0034"), 1).Waarde);
            tx.Commit();
        }

        using var volgende = Opslag.BeginTransactie();
        var reeks = volgende.ReserveerToewijzingnummers(Gemeente("0034"), 2).Waarde;
        Assert.Equal([5L, 6L], reeks.Nummers());
        Assert.Equal(2, reeks.Aantal);
    }

    [StoreFact]
    public void Elke_gemeente_heeft_haar_eigen_reeks()
    {
        using var tx = Opslag.BeginTransactie();
        tx.ReserveerToewijzingnummers(Gemeente("0034"), 10);
        Assert.Equal(new NummerReeks(1, 2), tx.ReserveerToewijzingnummers(Gemeente("0995"), 2).Waarde);
    }

    [StoreFact]
    public void Voorbij_het_hoogste_nummer_is_een_TR332_fout_en_de_teller_blijft_staan()
    {
        _ = Opslag; // migrated
        Db.VoerUit($"INSERT INTO toewijzingnummers (gemeente, laatste) VALUES ('0034', {NummersReserveren.Hoogste - 1})");
        using var tx = Opslag.BeginTransactie();

        var teVeel = tx.ReserveerToewijzingnummers(Gemeente("0034"), 2);

        Assert.False(teVeel.IsGeldig);
        Assert.Equal("TR332", Assert.Single(teVeel.Fouten).Code);
        Assert.Equal(new NummerReeks(NummersReserveren.Hoogste, NummersReserveren.Hoogste),
            tx.ReserveerToewijzingnummers(Gemeente("0034"), 1).Waarde);
        Assert.False(tx.ReserveerToewijzingnummers(Gemeente("0995"), (int)Math.Min(int.MaxValue, NummersReserveren.Hoogste + 1)).IsGeldig);
    }

    [StoreFact]
    public void Twee_gelijktijdige_verbindingen_krijgen_nooit_hetzelfde_nummer()
    {
        const int transactiesPerVerbinding = 150;
        var uitgegeven = new ConcurrentBag<long>();
        var start = new Barrier(2);
        void Werk(Datastore opslag, int zaad)
        {
            var willekeur = new Random(zaad);
            start.SignalAndWait();
            for (var i = 0; i < transactiesPerVerbinding; i++)
            {
                using var tx = opslag.BeginTransactie();
                var reeks = tx.ReserveerToewijzingnummers(Gemeente("0034"), willekeur.Next(1, 4)).Waarde;
                // Some transactions roll back: their numbers are given back and must not be counted.
                if (i % 10 == 9)
                {
                    continue;
                }

                tx.Commit();
                foreach (var n in reeks.Nummers())
                {
                    uitgegeven.Add(n);
                }
            }
        }

        var a = Open();
        var b = Open();
        Task.WaitAll(Task.Run(() => Werk(a, 1)), Task.Run(() => Werk(b, 2)));

        var nummers = uitgegeven.Order().ToList();
        Assert.Equal(nummers.Count, nummers.Distinct().Count());
        // No gaps either: rolled-back reservations were returned to the counter.
        Assert.Equal(Enumerable.Range(1, nummers.Count).Select(n => (long)n), nummers);
        Assert.Equal((long)nummers.Count, Convert.ToInt64(Db.VoerUit("SELECT laatste FROM toewijzingnummers WHERE gemeente = '0034'"),
            CultureInfo.InvariantCulture));
    }
}
