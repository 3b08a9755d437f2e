using System.Globalization;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Toewijzingnummers;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Tests.Toewijzingnummers;

/// <summary>
/// The counter held by a transaction (PostgreSQL, the pipeline's fast pass; <see cref="StoreTransactie.HoudTellerVast"/>):
/// the group's read locks it, numbers are handed out in memory without a round trip, every later read in the transaction
/// sees the counter as it is, and no number is ever handed out twice — also when the row did not exist yet and another
/// writer creates it meanwhile (then this transaction fails instead).
/// </summary>
[Postgres]
public sealed class VastgehoudenTellerTests() : StoreTestBasis(new PostgresTestDatabase())
{
    [StoreFact]
    public void Een_vastgehouden_teller_geeft_nummers_uit_zonder_rondgang_en_een_lezing_erna_ziet_de_stand()
    {
        Assert.NotNull(Opslag); // migrated
        Db.VoerUit("INSERT INTO toewijzingnummers (gemeente, laatste) VALUES ('0034', 5)");
        using (var tx = Opslag.BeginTransactie())
        {
            Assert.Equal(6, Staat.LaadToestanden(tx, "0034", ["100002183"], tellerVasthouden: true).VolgendNummer);

            var (reeks, statements) = Rondgangen.Tel(() => tx.ReserveerToewijzingnummers(Gemeente("0034"), 3));

            Assert.Equal(new NummerReeks(6, 8), reeks.Waarde);
            Assert.Empty(statements);
            Assert.Equal(9, Staat.LaadToestand(tx, "0034", Core.Waarden.Bsn.Parse("100002183").Waarde).VolgendNummer);
            Assert.Equal(new NummerReeks(9, 9), tx.ReserveerToewijzingnummers(Gemeente("0034"), 1).Waarde);
            tx.Commit();
        }

        Assert.Equal(9L, Laatste());
    }

    [StoreFact]
    public void Zonder_tellerrij_faalt_de_transactie_als_een_ander_de_rij_intussen_maakte()
    {
        using (var tx = Opslag.BeginTransactie())
        {
            Assert.Equal(1, Staat.LaadToestanden(tx, "0034", ["100002183"], tellerVasthouden: true).VolgendNummer);
            using (var ander = Opslag.BeginTransactie())
            {
                Assert.Equal(new NummerReeks(1, 2), ander.ReserveerToewijzingnummers(Gemeente("0034"), 2).Waarde);
                ander.Commit();
            }

            Assert.Equal(new NummerReeks(1, 1), tx.ReserveerToewijzingnummers(Gemeente("0034"), 1).Waarde);
            Assert.IsAssignableFrom<System.Data.Common.DbException>(Record.Exception(tx.Commit));
        }

        Assert.Equal(2L, Laatste());
    }

    [StoreFact]
    public void Voorbij_het_hoogste_nummer_blijft_ook_een_vastgehouden_teller_staan()
    {
        Assert.NotNull(Opslag); // migrated
        Db.VoerUit($"INSERT INTO toewijzingnummers (gemeente, laatste) VALUES ('0034', {NummersReserveren.Hoogste - 1})");
        using (var tx = Opslag.BeginTransactie())
        {
            Staat.LaadToestanden(tx, "0034", ["100002183"], tellerVasthouden: true);
            Assert.Equal("TR332", Assert.Single(tx.ReserveerToewijzingnummers(Gemeente("0034"), 2).Fouten).Code);
            Assert.Equal(new NummerReeks(NummersReserveren.Hoogste, NummersReserveren.Hoogste), tx.ReserveerToewijzingnummers(Gemeente("0034"), 1).Waarde);
            tx.Commit();
        }

        Assert.Equal(NummersReserveren.Hoogste, Laatste());
    }

    private long Laatste() => Convert.ToInt64(Db.VoerUit("SELECT laatste FROM toewijzingnummers WHERE gemeente = '0034'"), CultureInfo.InvariantCulture);
}
