using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.Backoffice;

public abstract class MedewerkerrolTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : MedewerkerrolTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : MedewerkerrolTests(new PostgresTestDatabase());

    private const string Hash = "pbkdf2-sha256$1$AAAA$AAAA";

    [StoreFact]
    public void Een_nieuw_account_is_medewerker_tenzij_een_rol_is_gegeven()
    {
        Opslag.BewaarMedewerker("a", Gemeente("0171"), Hash);
        Opslag.BewaarMedewerker("b", Gemeente("0171"), Hash, Medewerkerrol.Privacy);

        Assert.Equal(Medewerkerrol.Medewerker, Opslag.ZoekMedewerker("a")!.Rol);
        Assert.Equal(Medewerkerrol.Privacy, Opslag.ZoekMedewerker("b")!.Rol);
    }

    [StoreFact]
    public void Een_nieuw_wachtwoord_zonder_rol_houdt_de_rol_en_een_nieuwe_rol_beeindigt_de_sessies()
    {
        Opslag.BewaarMedewerker("a", Gemeente("0171"), Hash, Medewerkerrol.Teamleider);
        Opslag.BewaarMedewerker("a", Gemeente("0171"), Hash);
        Assert.Equal(Medewerkerrol.Teamleider, Opslag.ZoekMedewerker("a")!.Rol);

        var sessie = Opslag.StartMedewerkersessie("a", TimeSpan.FromHours(1));
        Assert.Equal(Medewerkerrol.Teamleider, Opslag.ZoekMedewerkersessie(sessie)!.Rol);
        Opslag.BewaarMedewerker("a", Gemeente("0171"), Hash, Medewerkerrol.Beleid);
        Assert.Equal(Medewerkerrol.Beleid, Opslag.ZoekMedewerker("a")!.Rol);
        Assert.Null(Opslag.ZoekMedewerkersessie(sessie));
    }

    [StoreFact]
    public void De_database_weigert_een_onbekende_rol()
    {
        Opslag.BewaarMedewerker("a", Gemeente("0171"), Hash);
        Assert.ThrowsAny<System.Data.Common.DbException>(() => Db.VoerUit("UPDATE medewerkers SET rol = 'beheerder'"));
    }

    [StoreFact]
    public void Alleen_medewerkers_en_teamleiders_krijgen_werk()
    {
        Opslag.BewaarMedewerker("m", Gemeente("0171"), Hash);
        Opslag.BewaarMedewerker("t", Gemeente("0171"), Hash, Medewerkerrol.Teamleider);
        Opslag.BewaarMedewerker("p", Gemeente("0171"), Hash, Medewerkerrol.Privacy);
        Opslag.BewaarMedewerker("b", Gemeente("0171"), Hash, Medewerkerrol.Beleid);

        Assert.Equal(["m", "t"], Opslag.LeesWerkvoorraadkeuzes(Gemeente("0171")).Collega);
    }

    [Fact]
    public void Elke_rol_heeft_een_code_die_terug_te_lezen_is()
    {
        Assert.All(Medewerkerrollen.Alle, r => Assert.Equal(r, Medewerkerrollen.Lees(r.Code())));
        Assert.Null(Medewerkerrollen.Lees("Medewerker"));
        Assert.Null(Medewerkerrollen.Lees(null));
    }
}
