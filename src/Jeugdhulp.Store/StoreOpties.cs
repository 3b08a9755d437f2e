using System.Security.Cryptography;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Provider;
using Npgsql;

namespace Jeugdhulp.Store;

/// <summary>
/// Which database the store uses and the key for client references in the audit log. PostgreSQL when a
/// connection string is given (<c>--db</c>, else the environment variable <c>JEUGDHULP_DB</c>), otherwise
/// the embedded SQLite file <c>DIR/jeugdhulp.db</c>. The data folder is needed either way: the outbox
/// and the audit key live there.
/// </summary>
/// <param name="DataMap">The data folder (<c>--data DIR</c>).</param>
/// <param name="Verbinding">A PostgreSQL connection string, or null for SQLite in <paramref name="DataMap"/>.</param>
/// <param name="AuditSleutel">HMAC key for client references in the audit log (at least 32 bytes).</param>
public sealed record StoreOpties(string DataMap, string? Verbinding, byte[] AuditSleutel)
{
    /// <summary>Environment variable with a PostgreSQL connection string.</summary>
    public const string DbVariabele = "JEUGDHULP_DB";

    /// <summary>Environment variable with the audit key in base64 (shared by every node of one deployment).</summary>
    public const string AuditSleutelVariabele = "JEUGDHULP_AUDIT_SLEUTEL";

    /// <summary>File in the data folder holding the audit key when the environment gives none.</summary>
    public const string AuditSleutelBestand = "audit.sleutel";

    /// <summary>Name of the SQLite file in the data folder.</summary>
    public const string SqliteBestand = "jeugdhulp.db";

    /// <summary>
    /// True (the default): every commit is durable when it returns (SQLite <c>synchronous = FULL</c>, PostgreSQL's
    /// default), as the backoffice needs — its answers leave the building after the commit. False only for a writer that
    /// starts over after a crash and hands nothing out meanwhile: the demo generator, which refuses to resume an
    /// interrupted region. Then a commit is not synced by itself (SQLite <c>synchronous = NORMAL</c> under WAL: the
    /// database stays consistent, a power cut may lose the last commits, and each checkpoint syncs what it copies;
    /// PostgreSQL <c>synchronous_commit = off</c>: the same, its WAL writer flushes within a fraction of a second), and
    /// <see cref="Datastore.MaakDuurzaam"/> makes everything durable at the end. What is written is the same either way.
    /// </summary>
    public bool DuurzaamPerCommit { get; init; } = true;

    /// <summary>
    /// False (the default): a session's connection closes with the session, and a transaction begun on the store
    /// (<see cref="Datastore.BeginTransactie"/>) opens one of its own, so its statements are compiled anew each time. True
    /// only for one writer that makes many short calls on one store: the demo generator, whose every staff decision and
    /// 24-hour step is such a call (compiling their statements was a tenth of its time). The store then keeps closed
    /// sessions, with their connection and compiled statements, until the store itself is disposed, and hands them out
    /// again (<see cref="Datastore.OpenSessie"/>). Every call is still a transaction of its own: what is written, and
    /// when it commits, is the same either way.
    /// </summary>
    public bool SessiesHouden { get; init; }

    /// <summary>
    /// Picks the store from the command line and the environment: <paramref name="dbOptie"/> wins over
    /// <c>JEUGDHULP_DB</c>; neither means SQLite. Loads the audit key, creating one in the data folder the
    /// first time.
    /// </summary>
    public static Resultaat<StoreOpties> Kies(string dataMap, string? dbOptie, Func<string, string?> omgeving)
    {
        ArgumentNullException.ThrowIfNull(omgeving);
        if (string.IsNullOrWhiteSpace(dataMap))
        {
            return Resultaat<StoreOpties>.Mislukt("STORE-DATA", "Geef een datamap op (--data DIR).");
        }

        var verbinding = !string.IsNullOrWhiteSpace(dbOptie) ? dbOptie
            : omgeving(DbVariabele) is { } v && !string.IsNullOrWhiteSpace(v) ? v
            : null;
        if (verbinding is not null)
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(verbinding);
            }
            catch (ArgumentException e)
            {
                // The message names the bad keyword, never the password.
                return Resultaat<StoreOpties>.Mislukt("STORE-DB", $"Ongeldige PostgreSQL-verbindingstekst: {e.Message}",
                    dbOptie is null ? DbVariabele : "--db");
            }
        }

        Resultaat<byte[]> sleutel;
        try
        {
            sleutel = LaadAuditSleutel(dataMap, omgeving(AuditSleutelVariabele));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Resultaat<StoreOpties>.Mislukt("STORE-DATA", $"De datamap is niet te gebruiken: {e.Message}", dataMap);
        }


        return sleutel.TryGet(out var s)
            ? Resultaat<StoreOpties>.Ok(new StoreOpties(dataMap, verbinding, s))
            : Resultaat<StoreOpties>.Mislukt(sleutel.Fouten);
    }

    /// <summary>The provider these options describe. The caller owns (disposes) it.</summary>
    public DatabaseProvider MaakProvider()
    {
        if (Verbinding is not null)
        {
            return new PostgresProvider(Verbinding, DuurzaamPerCommit);
        }

        PriveBestanden.MaakMap(DataMap);

        // SQLite creates its -wal and -shm files with the mode of the database file: create that one 0600 first.
        var bestand = Path.Combine(DataMap, SqliteBestand);
        if (!File.Exists(bestand))
        {
            try
            {
                PriveBestanden.OpenOmTeSchrijven(bestand, FileMode.CreateNew).Dispose();
            }
            catch (IOException) when (File.Exists(bestand))
            {
                // Another process created it first.
            }
        }

        return new SqliteProvider(bestand, DuurzaamPerCommit);
    }

    private static Resultaat<byte[]> LaadAuditSleutel(string dataMap, string? uitOmgeving)
    {
        if (!string.IsNullOrWhiteSpace(uitOmgeving))
        {
            byte[] sleutel;
            try
            {
                sleutel = Convert.FromBase64String(uitOmgeving.Trim());
            }
            catch (FormatException)
            {
                return Resultaat<byte[]>.Mislukt("STORE-AUDITSLEUTEL", "De auditsleutel is geen base64.", AuditSleutelVariabele);
            }

            return sleutel.Length >= 32
                ? Resultaat<byte[]>.Ok(sleutel)
                : Resultaat<byte[]>.Mislukt("STORE-AUDITSLEUTEL", "De auditsleutel moet minstens 32 bytes zijn.", AuditSleutelVariabele);
        }

        PriveBestanden.MaakMap(dataMap);
        var pad = Path.Combine(dataMap, AuditSleutelBestand);
        if (!File.Exists(pad))
        {
            try
            {
                using var f = PriveBestanden.OpenOmTeSchrijven(pad, FileMode.CreateNew);
                f.Write(RandomNumberGenerator.GetBytes(32));
                f.Flush(flushToDisk: true);
            }
            catch (IOException) when (File.Exists(pad))
            {
                // Another process created it first: use theirs.
            }
        }

        var bytes = File.ReadAllBytes(pad);
        return bytes.Length >= 32
            ? Resultaat<byte[]>.Ok(bytes)
            : Resultaat<byte[]>.Mislukt("STORE-AUDITSLEUTEL", "Het sleutelbestand is te kort (minstens 32 bytes).", pad);
    }
}
