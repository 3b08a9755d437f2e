using Jeugdhulp.Store.Provider;
using Microsoft.Data.Sqlite;

namespace Jeugdhulp.Store.Tests.Provider;

/// <summary>
/// The pipeline's writes on SQLite bound by position (<see cref="SqliteDirect"/>) store exactly what Microsoft.Data.Sqlite
/// stores for the same values (SQLite only: PostgreSQL writes go through Npgsql as before).
/// </summary>
public sealed class SqliteDirectTests : IDisposable
{
    private const string Invoegen = """
        INSERT INTO proef (rij, tekst, getal, klein, waar, blob, kommagetal, datum, tijd, tijdfractie, moment, momentfractie, leeg)
        VALUES (@rij, @tekst, @getal, @klein, @waar, @blob, @kommagetal, @datum, @tijd, @tijdfractie, @moment, @momentfractie, @leeg)
        """;

    private readonly string map = Directory.CreateTempSubdirectory("jeugdhulp-direct-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(map, recursive: true);
    }

    [Fact]
    public void Een_rij_gebonden_op_positie_is_dezelfde_als_via_microsoft_data_sqlite()
    {
        using var store = Datastore.Open(StoreOpties.Kies(map, null, _ => null).Waarde, TimeProvider.System).Waarde;
        using var sessie = store.OpenSessie();
        using var tx = sessie.BeginTransactie();
        tx.Commando("""
            CREATE TABLE proef (rij INTEGER, tekst, getal, klein, waar, blob, kommagetal, datum, tijd, tijdfractie, moment, momentfractie, leeg)
            """).ExecuteNonQuery();
        var cmd = tx.Uitgesteld(Invoegen).Met("@rij", 1L)
            .Met("@tekst", "cliënt 'Ä' \u20ac").Met("@getal", 9_000_000_000L).Met("@klein", 42).Met("@waar", true)
            .Met("@blob", new byte[] { 0, 1, 2, 255 }).Met("@kommagetal", 1.25).Met("@datum", new DateOnly(2027, 3, 2))
            .Met("@tijd", new TimeOnly(10, 30, 0)).Met("@tijdfractie", new TimeOnly(10, 30, 0, 123))
            .Met("@moment", new DateTimeOffset(2027, 3, 2, 0, 0, 0, TimeSpan.Zero))
            .Met("@momentfractie", new DateTimeOffset(2027, 3, 2, 23, 59, 58, 500, TimeSpan.FromHours(1)))
            .Met("@leeg", null);

        using var direct = SqliteDirect.Bereid(Assert.IsType<SqliteCommand>(cmd));
        Assert.NotNull(direct);
        Assert.True(direct.Voer(cmd.Met("@rij", 1L)));
        cmd.Met("@rij", 2L).ExecuteNonQuery();

        var rijen = new List<string>();
        using (var r = tx.Commando("""
            SELECT group_concat(typeof(tekst) || quote(tekst) || typeof(getal) || quote(getal) || typeof(klein) || quote(klein)
                || typeof(waar) || quote(waar) || typeof(blob) || quote(blob) || typeof(kommagetal) || quote(kommagetal)
                || typeof(datum) || quote(datum) || typeof(tijd) || quote(tijd) || typeof(tijdfractie) || quote(tijdfractie)
                || typeof(moment) || quote(moment) || typeof(momentfractie) || quote(momentfractie) || typeof(leeg), '|')
            FROM proef GROUP BY rij ORDER BY rij
            """).ExecuteReader())
        {
            while (r.Read())
            {
                rijen.Add(r.GetString(0));
            }
        }

        Assert.Equal(2, rijen.Count);
        Assert.Equal(rijen[1], rijen[0]);
        Assert.Contains("'2027-03-02'", rijen[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Een_waarde_van_een_onbekend_type_loopt_via_het_commando()
    {
        using var store = Datastore.Open(StoreOpties.Kies(map, null, _ => null).Waarde, TimeProvider.System).Waarde;
        using var sessie = store.OpenSessie();
        using var tx = sessie.BeginTransactie();
        tx.Commando("CREATE TABLE proef2 (w)").ExecuteNonQuery();
        var cmd = tx.Uitgesteld("INSERT INTO proef2 (w) VALUES (@w)").Met("@w", 1.5m);
        using var direct = SqliteDirect.Bereid(Assert.IsType<SqliteCommand>(cmd));

        Assert.False(direct!.Voer(cmd));
        cmd.Later(tx);

        Assert.Equal("1.5", tx.Commando("SELECT CAST(w AS TEXT) FROM proef2").ExecuteScalar());
    }
}
