namespace Jeugdhulp.Store.Tests.Infrastructuur;

/// <summary>
/// Where the PostgreSQL tests find their server: the connection string in JEUGDHULP_TEST_PG (printed by
/// .ci/postgres.sh). Unset on a developer machine: the tests are skipped with this reason. Unset in CI
/// (CI=true): they run and fail, because CI must never silently skip them.
/// </summary>
internal static class PostgresOmgeving
{
    public const string Variabele = "JEUGDHULP_TEST_PG";

    public static string? Verbinding =>
        Environment.GetEnvironmentVariable(Variabele) is { Length: > 0 } v ? v : null;

    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? SkipReden => Verbinding is null && !IsCi
        ? $"PostgreSQL tests skipped: {Variabele} is not set. Start a server with `line=$(bash .ci/postgres.sh) && export \"$line\"`. In CI (CI=true) these tests fail instead."
        : null;

    public static string VerbindingOfFout => Verbinding ?? throw new InvalidOperationException(
        $"CI=true but {Variabele} is not set: the PostgreSQL store tests must run in CI. " +
        "Let .ci/run start PostgreSQL with .ci/postgres.sh and export the line it prints.");
}
