using Jeugdhulp.Store.Provider;

namespace Jeugdhulp.Store.Tests.Provider;

/// <summary>
/// The deferred writes go to PostgreSQL with their parameters by position, the text rewritten once (Npgsql would parse a
/// text with named parameters on every execution). Only what the scanner follows is rewritten; anything else keeps Npgsql's
/// own parsing.
/// </summary>
public sealed class PostgresPositiesTests
{
    [Fact]
    public void Elke_naam_wordt_zijn_positie_en_een_tweede_keer_dezelfde()
    {
        var h = PostgresPosities.Herschrijf("""
            INSERT INTO termijnen_vuil (gemeente, bsn) VALUES (@g, @b) ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = @G + 1 WHERE bsn = @b_2
            """);

        Assert.NotNull(h);
        Assert.Equal("INSERT INTO termijnen_vuil (gemeente, bsn) VALUES ($1, $2) ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = $1 + 1 WHERE bsn = $3", h.Sql);
        Assert.Equal(["g", "b", "b_2"], h.Namen);
    }

    [Fact]
    public void Een_letterlijke_tekst_en_een_cast_blijven_zoals_ze_zijn()
    {
        var h = PostgresPosities.Herschrijf("SELECT 'a@b ''@c''', @lijst::text[], x FROM t WHERE y = @y");

        Assert.NotNull(h);
        Assert.Equal("SELECT 'a@b ''@c''', $1::text[], x FROM t WHERE y = $2", h.Sql);
        Assert.Equal(["lijst", "y"], h.Namen);
    }

    [Theory]
    [InlineData("SELECT $1")]
    [InlineData("SELECT @a; SELECT @b")]
    [InlineData("SELECT @a -- @b")]
    [InlineData("SELECT /* @b */ @a")]
    [InlineData("SELECT \"@a\" FROM t")]
    [InlineData("SELECT :a")]
    [InlineData("SELECT x FROM t WHERE y @> @a")]
    [InlineData("SELECT E'\\'' || @a")]
    [InlineData("SELECT 'open")]
    public void Wat_de_scanner_niet_volgt_laat_hij_aan_npgsql(string sql) => Assert.Null(PostgresPosities.Herschrijf(sql));
}
