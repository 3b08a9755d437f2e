using System.Data.Common;
using System.Security.Cryptography;
using Npgsql;

namespace Jeugdhulp.Store.Tests.Infrastructuur;

/// <summary>A fresh database for one test, removed afterwards, with its own data folder.</summary>
public abstract class TestDatabase : IDisposable
{
    private static readonly byte[] Sleutel = RandomNumberGenerator.GetBytes(32);

    protected TestDatabase()
    {
        DataMap = Path.Combine(Path.GetTempPath(), "jeugdhulp-store-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataMap);
    }

    public string DataMap { get; }

    public abstract StoreOpties Opties { get; }

    public abstract string Naam { get; }

    /// <summary>Runs raw SQL on the database, outside the store (to simulate what the store never does itself).</summary>
    public object? VoerUit(string sql)
    {
        using var provider = Opties.MaakProvider();
        using var c = provider.OpenVerbinding();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    /// <summary>All rows of a raw query, each as its column values.</summary>
    public List<object[]> Lees(string sql)
    {
        using var provider = Opties.MaakProvider();
        using var c = provider.OpenVerbinding();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rijen = new List<object[]>();
        while (r.Read())
        {
            var rij = new object[r.FieldCount];
            r.GetValues(rij);
            rijen.Add(rij);
        }

        return rijen;
    }

    public long Tel(string tabel) => Convert.ToInt64(VoerUit($"SELECT COUNT(*) FROM {tabel}"), System.Globalization.CultureInfo.InvariantCulture);

    protected static byte[] AuditSleutel => Sleutel;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing && Directory.Exists(DataMap))
        {
            Directory.Delete(DataMap, recursive: true);
        }
    }
}

/// <summary>
/// A SQLite store file of its own: a copy of <see cref="SqliteSjabloon"/> (the current schema, migrated once per run),
/// or with <c>leeg: true</c> an empty file, for the tests of migration itself.
/// </summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    public SqliteTestDatabase(bool leeg = false)
    {
        Opties = new StoreOpties(DataMap, null, AuditSleutel);
        if (!leeg)
        {
            SqliteSjabloon.Kopieer(DataMap);
        }
    }

    public override StoreOpties Opties { get; }

    public override string Naam => "SQLite";

    protected override void Dispose(bool disposing)
    {
        // Pooled connections keep the file open; release them before the folder goes.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        base.Dispose(disposing);
    }
}

/// <summary>A schema of its own in the test database; search_path points there, so the store's unqualified names land in it.</summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string basis;
    private readonly string schema = "t_" + Guid.NewGuid().ToString("N");

    public PostgresTestDatabase()
    {
        basis = PostgresOmgeving.VerbindingOfFout;
        Beheer($"CREATE SCHEMA {schema}");
        Opties = new StoreOpties(DataMap, new NpgsqlConnectionStringBuilder(basis) { SearchPath = schema }.ToString(), AuditSleutel);
    }

    public override StoreOpties Opties { get; }

    public override string Naam => "PostgreSQL";

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Beheer($"DROP SCHEMA IF EXISTS {schema} CASCADE");
        }

        base.Dispose(disposing);
    }

    private void Beheer(string sql)
    {
        using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(basis) { Pooling = false }.ToString());
        c.Open();
        using DbCommand cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
