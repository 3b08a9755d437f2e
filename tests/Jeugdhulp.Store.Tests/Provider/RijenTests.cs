using System.Globalization;
using System.Text;
using Jeugdhulp.Store.Provider;
using Microsoft.Data.Sqlite;

namespace Jeugdhulp.Store.Tests.Provider;

/// <summary>
/// The what-if's state read by column position (<see cref="Rijen"/>): on SQLite straight from SQLitePCL
/// (<see cref="SqliteRijen"/>), elsewhere through the ADO.NET reader (<see cref="AdoRijen"/>) — the same values either way.
/// </summary>
public sealed class RijenTests : IDisposable
{
    private readonly string map = Directory.CreateTempSubdirectory("jeugdhulp-rijen-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(map, recursive: true);
    }

    [Fact]
    public void Een_rij_rechtstreeks_van_sqlite_gelezen_heeft_dezelfde_waarden_als_via_de_ado_lezer()
    {
        using var store = Datastore.Open(StoreOpties.Kies(map, null, _ => null).Waarde, TimeProvider.System).Waarde;
        using var sessie = store.OpenSessie();
        sessie.Commando("CREATE TABLE proef (id INTEGER PRIMARY KEY, code TEXT, tekst TEXT, getal INTEGER, datum TEXT, tijd TEXT, leeg TEXT)").ExecuteNonQuery();
        var waarden = new (string Code, string Tekst, long Getal, DateOnly Datum, TimeOnly Tijd)[]
        {
            ("45A11", "cliënt 'Ä' \u20ac", 9_000_000_000L, new DateOnly(2027, 3, 2), new TimeOnly(10, 30, 0)),
            ("45A11", "ander", -1, new DateOnly(2028, 2, 29), new TimeOnly(23, 59, 58, 500)),
            ("0034", "", 0, new DateOnly(1, 1, 1), new TimeOnly(0, 0)),
        };
        foreach (var (code, tekst, getal, datum, tijd) in waarden)
        {
            // Written by Microsoft.Data.Sqlite, as the pipeline writes them.
            sessie.Commando("INSERT INTO proef (code, tekst, getal, datum, tijd, leeg) VALUES (@c, @t, @g, @d, @u, NULL)")
                .Met("@c", code).Met("@t", tekst).Met("@g", getal).Met("@d", datum).Met("@u", tijd).ExecuteNonQuery();
        }

        const string Sql = "SELECT code, tekst, getal, datum, tijd, leeg FROM proef WHERE code <> @niet ORDER BY id";
        using var direct = Rijen.Lees(sessie, Sql, ("@niet", "x"));
        Assert.IsType<SqliteRijen>(direct);
        using var ado = new AdoRijen(sessie.Commando(Sql).Met("@niet", "x"));
        var codes = new List<string>();
        foreach (var (code, tekst, getal, datum, tijd) in waarden)
        {
            Assert.True(direct.Volgende());
            Assert.True(ado.Volgende());
            Assert.Equal((code, tekst, getal, datum, tijd), (direct.Code(0), direct.Tekst(1), direct.Getal(2), direct.Datum(3), direct.Tijd(4)));
            Assert.Equal((ado.Code(0), ado.Tekst(1), ado.Getal(2), ado.Datum(3), ado.Tijd(4)), (direct.Code(0), direct.Tekst(1), direct.Getal(2), direct.Datum(3), direct.Tijd(4)));
            Assert.Equal((true, (string?)null, (DateOnly?)null), (direct.IsNull(5), direct.TekstOfNull(5), direct.DatumOfNull(5)));
            Assert.Equal(datum, direct.DatumOfNull(3));
            codes.Add(direct.Code(0));
        }

        Assert.False(direct.Volgende());
        Assert.False(ado.Volgende());
        // A code that repeats is one string: what the state holds repeats none.
        Assert.Same(codes[0], codes[1]);
    }

    [Fact]
    public void Een_onbekende_parameter_wordt_geweigerd()
    {
        using var store = Datastore.Open(StoreOpties.Kies(map, null, _ => null).Waarde, TimeProvider.System).Waarde;
        using var sessie = store.OpenSessie();

        Assert.Throws<ArgumentException>(() => Rijen.Lees(sessie, "SELECT 1 WHERE @a = 'x'", ("@b", "x")));
    }

    [Fact]
    public void Een_datum_uit_zijn_bytes_gelezen_is_wat_dateonly_parse_ervan_leest()
    {
        // Every day of three centuries, in the form Microsoft.Data.Sqlite writes (yyyy-MM-dd).
        for (var d = new DateOnly(1900, 1, 1); d <= new DateOnly(2200, 12, 31); d = d.AddDays(1))
        {
            var tekst = d.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture);
            Assert.Equal(DateOnly.Parse(tekst, CultureInfo.InvariantCulture), SqliteRijen.Iso(Encoding.UTF8.GetBytes(tekst)));
        }

        // Any other form is left to DateOnly.Parse (which reads some of them, and refuses others).
        foreach (var anders in new[] { "2027-1-01", "2027-02-30", "2027-13-01", "0000-01-01", "2027/01/01", "2027-01-0a", "2027-01-01 ", " 2027-01-01", "2027-01-01T00:00", "" })
        {
            Assert.Null(SqliteRijen.Iso(Encoding.UTF8.GetBytes(anders)));
        }
    }
}
