using Jeugdhulp.Store.Migraties;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.Migraties;

public abstract class MigratieTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : MigratieTests(new SqliteTestDatabase())
    {
        [Fact]
        public void De_database_staat_in_WAL_met_synchronous_FULL()
        {
            using var provider = Db.Opties.MaakProvider();
            using var c = provider.OpenVerbinding();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", cmd.ExecuteScalar());
            cmd.CommandText = "PRAGMA synchronous";
            Assert.Equal(2L, cmd.ExecuteScalar()); // 2 = FULL
            Assert.True(File.Exists(Path.Combine(Db.DataMap, StoreOpties.SqliteBestand)));
        }
    }

    [Postgres]
    public sealed class Postgres() : MigratieTests(new PostgresTestDatabase());

    private int AantalScripts => Migrator.Scripts(Opslag.Provider.Dialect).Count;

    [StoreFact]
    public void Een_verse_database_krijgt_alle_migraties_in_volgorde()
    {
        Assert.True(AantalScripts >= 1);
        Assert.Equal(AantalScripts, Opslag.SchemaVersie);
        Assert.Equal(AantalScripts, Db.Tel("schema_version"));
        Assert.Equal(0, Db.Tel("journaal"));
        Assert.Equal(0, Db.Tel("outbox"));
    }

    [StoreFact]
    public void Opnieuw_openen_past_niets_opnieuw_toe_en_bewaart_de_gegevens()
    {
        _ = Opslag;
        Db.VoerUit("INSERT INTO toewijzingnummers (gemeente, laatste) VALUES ('0034', 41)");

        var tweede = Open();

        Assert.Equal(AantalScripts, tweede.SchemaVersie);
        Assert.Equal(AantalScripts, Db.Tel("schema_version"));
        Assert.Equal(41L, Convert.ToInt64(Db.VoerUit("SELECT laatste FROM toewijzingnummers WHERE gemeente = '0034'"),
            System.Globalization.CultureInfo.InvariantCulture));
    }

    [StoreFact]
    public void Een_database_van_een_nieuwere_versie_wordt_geweigerd_met_een_duidelijke_fout()
    {
        _ = Opslag;
        var nieuwer = AantalScripts + 1;
        Db.VoerUit($"INSERT INTO schema_version (versie, naam, toegepast_op) VALUES ({nieuwer}, 'uit_de_toekomst', '2030-01-01T00:00:00Z')");

        var r = Datastore.Open(Db.Opties);

        Assert.False(r.IsGeldig);
        var fout = Assert.Single(r.Fouten);
        Assert.Equal("STORE-SCHEMA-NIEUWER", fout.Code);
        Assert.Contains($"schemaversie {nieuwer}", fout.Melding, StringComparison.Ordinal);
        Assert.Contains($"tot en met {AantalScripts}", fout.Melding, StringComparison.Ordinal);
    }

    [StoreFact]
    public void Gelijktijdig_openen_van_een_lege_database_migreert_precies_een_keer()
    {
        var taken = Enumerable.Range(0, 4).Select(_ => Task.Run(() => Datastore.Open(Db.Opties))).ToArray();
        Task.WaitAll(taken);

        foreach (var t in taken)
        {
            Assert.True(t.Result.IsGeldig, string.Join("; ", t.Result.Fouten));
            t.Result.Waarde.Dispose();
        }

        Assert.Equal(AantalScripts, Db.Tel("schema_version"));
    }
}

public class MigratieScriptTests
{
    [Fact]
    public void Beide_dialecten_hebben_dezelfde_migraties()
    {
        var sqlite = Migrator.Scripts("Sqlite").Select(m => (m.Versie, m.Naam));
        var postgres = Migrator.Scripts("Postgres").Select(m => (m.Versie, m.Naam));
        Assert.Equal(sqlite, postgres);
        Assert.NotEmpty(sqlite);
    }
}
