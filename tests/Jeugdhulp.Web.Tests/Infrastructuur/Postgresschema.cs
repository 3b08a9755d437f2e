namespace Jeugdhulp.Web.Tests.Infrastructuur;

/// <summary>
/// A fresh schema on the PostgreSQL test server (<c>JEUGDHULP_TEST_PG</c>) for one test class's host, dropped when
/// the class is done; without the server configured nothing is made (the tests are skipped by <see cref="PostgresFactAttribute"/>).
/// </summary>
internal sealed class Postgresschema : IDisposable
{
    public const string Variabele = "JEUGDHULP_TEST_PG";

    private readonly string? basis = Environment.GetEnvironmentVariable(Variabele);
    private readonly string schema = "t_" + Guid.NewGuid().ToString("N");

    public Postgresschema()
    {
        if (basis is not null)
        {
            Beheer($"CREATE SCHEMA {schema}");
        }
    }

    /// <summary>The connection string with the schema as search path.</summary>
    public string Verbinding => new Npgsql.NpgsqlConnectionStringBuilder(basis) { SearchPath = schema }.ToString();

    public void Dispose()
    {
        if (basis is not null)
        {
            Beheer($"DROP SCHEMA IF EXISTS {schema} CASCADE");
        }
    }

    private void Beheer(string sql)
    {
        using var c = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(basis) { Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}

/// <summary>Needs the PostgreSQL test server: skipped with the reason when it is not configured, unless CI=true.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Postgresschema.Variabele))
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"PostgreSQL test skipped: {Postgresschema.Variabele} is not set.";
        }
    }
}
