using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.Backoffice;

public abstract class MedewerkersessiesTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : MedewerkersessiesTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : MedewerkersessiesTests(new PostgresTestDatabase());

    private const string Hash = "pbkdf2-sha256$1$AAAA$AAAA";

    private readonly VasteKlok klok = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));

    private Datastore MetKlok()
    {
        var store = Open(new VasteKlok(new DateTimeOffset(2027, 3, 5, 0, 0, 0, TimeSpan.Zero)), klok);
        store.BewaarMedewerker("nop", Gemeente("0171"), Hash);
        store.BewaarMedewerker("urk", Gemeente("0184"), Hash);
        return store;
    }

    [StoreFact]
    public void Een_gestarte_sessie_geeft_het_account_tot_ze_wordt_beeindigd()
    {
        var store = MetKlok();
        var sessie = store.StartMedewerkersessie("nop", TimeSpan.FromHours(12));

        Assert.Equal("nop", store.ZoekMedewerkersessie(sessie)?.Gebruiker);
        store.BeeindigMedewerkersessie(sessie);
        Assert.Null(store.ZoekMedewerkersessie(sessie));
    }

    [StoreFact]
    public void Alleen_de_hash_van_de_sessiesleutel_staat_in_de_database()
    {
        var store = MetKlok();
        var sessie = store.StartMedewerkersessie("nop", TimeSpan.FromHours(12));

        var rij = Assert.Single(Db.Lees("SELECT sleutel FROM medewerkersessies"));
        Assert.DoesNotContain(sessie, rij[0].ToString(), StringComparison.Ordinal);
        Assert.True(sessie.Length >= 43);
    }

    [StoreFact]
    public void Een_sessie_verloopt_na_haar_duur_op_de_echte_klok()
    {
        var store = MetKlok();
        var sessie = store.StartMedewerkersessie("nop", TimeSpan.FromHours(12));

        klok.Nu += TimeSpan.FromHours(11);
        Assert.NotNull(store.ZoekMedewerkersessie(sessie));
        klok.Nu += TimeSpan.FromHours(1);
        Assert.Null(store.ZoekMedewerkersessie(sessie));
    }

    [StoreFact]
    public void Een_nieuw_wachtwoord_beeindigt_alle_sessies_van_dat_account_en_niet_die_van_een_ander()
    {
        var store = MetKlok();
        var a = store.StartMedewerkersessie("nop", TimeSpan.FromHours(12));
        var b = store.StartMedewerkersessie("nop", TimeSpan.FromHours(12));
        var ander = store.StartMedewerkersessie("urk", TimeSpan.FromHours(12));

        store.BewaarMedewerker("nop", Gemeente("0171"), "pbkdf2-sha256$1$BBBB$BBBB");

        Assert.Null(store.ZoekMedewerkersessie(a));
        Assert.Null(store.ZoekMedewerkersessie(b));
        Assert.NotNull(store.ZoekMedewerkersessie(ander));
        Assert.Contains(Db.Lees("SELECT actie FROM auditlog"), r => (string)r[0] == "account nop gewijzigd, 2 sessie(s) beeindigd");
    }

    [StoreFact]
    public void Onbekende_of_lege_sessiesleutels_vinden_niets()
    {
        var store = MetKlok();
        store.StartMedewerkersessie("nop", TimeSpan.FromHours(12));

        Assert.Null(store.ZoekMedewerkersessie(""));
        Assert.Null(store.ZoekMedewerkersessie("onbekend"));
    }
}
