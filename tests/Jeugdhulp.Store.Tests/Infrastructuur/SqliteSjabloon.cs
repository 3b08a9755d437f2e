using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Jeugdhulp.Store.Tests.Infrastructuur;

/// <summary>
/// A SQLite store file with the current schema, migrated once per test run and copied into a test's data folder:
/// migrating a fresh file for every test (a dozen scripts, each commit synced) was most of a store test's cost.
/// The migration tests themselves start from an empty file. Shared with the web tests (linked in their project).
/// </summary>
internal static class SqliteSjabloon
{
    private static readonly Lazy<string> Bestand = new(Maak, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Puts a migrated store file in <paramref name="dataMap"/>, as <c>Datastore.Open</c> would leave it.</summary>
    public static void Kopieer(string dataMap)
    {
        Directory.CreateDirectory(dataMap);

        // File.Copy keeps the template's mode: 0600, as the store creates its file.
        File.Copy(Bestand.Value, Path.Combine(dataMap, StoreOpties.SqliteBestand));
    }

    private static string Maak()
    {
        var map = Path.Combine(Path.GetTempPath(), "jeugdhulp-sjabloon-" + Guid.NewGuid().ToString("N"));
        var r = Datastore.Open(new StoreOpties(map, null, RandomNumberGenerator.GetBytes(32)));
        if (!r.TryGet(out var opslag))
        {
            throw new InvalidOperationException("Sjabloondatabase niet te migreren: " + string.Join("; ", r.Fouten));
        }

        opslag.Dispose();
        var bestand = Path.Combine(map, StoreOpties.SqliteBestand);

        // Everything into the main file, so the file alone is the migrated store.
        using (var c = new SqliteConnection($"Data Source={bestand};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            cmd.ExecuteNonQuery();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(map, recursive: true);
            }
            catch (IOException)
            {
                // Left in the temp folder: the OS cleans it.
            }
        };
        return bestand;
    }
}
