using Npgsql;
using NpgsqlTypes;

namespace Jeugdhulp.Store.Tests.Infrastructuur;

/// <summary>
/// Fills a migrated PostgreSQL store with many current allocations in one binary COPY (about 20,000 rows/s here): the
/// size a national deployment reaches, in seconds instead of hours of messages. Shared by the plan tests and the pipeline
/// benchmark (<c>--toewijzingen N</c>, linked into bench/Jeugdhulp.Pijplijnbench). The rows belong to clients no message
/// asks about (BSNs from 900000000, three allocations each, not in the residents' register) and carry numbers far above
/// the counter, so decisions are the same at any size: only the size of the table the lookups search differs.
/// Nothing is analysed: keeping the statistics up to date is the store's job.
/// </summary>
public static class Toewijzingenvulling
{
    /// <summary>The first ToewijzingNummer of the filled rows: far above what the counter hands out in a run.</summary>
    public const long EersteNummer = 1_000_000_000;

    public static void Vul(string verbinding, string gemeente, int aantal)
    {
        using var c = new NpgsqlConnection(verbinding);
        c.Open();
        using var w = c.BeginBinaryImport("""
            COPY toewijzingen (gemeente, nummer, client_bsn, aanbieder, productcode, categorie, ingangsdatum, einddatum, volume,
                eenheid, frequentie, toewijzingsdatum, toewijzingstijd, herkomst, keren_verschoven, actueel) FROM STDIN (FORMAT BINARY)
            """);
        // The server answers COPY only when every row is in and indexed; under CI's load a million rows took longer than
        // Npgsql's default 30-second wait, and the broken-off COPY then deadlocked the test's DROP SCHEMA.
        w.Timeout = TimeSpan.FromMinutes(10);
        var ingang = new DateOnly(2027, 1, 1);
        for (var i = 0; i < aantal; i++)
        {
            w.StartRow();
            w.Write(gemeente, NpgsqlDbType.Text);
            w.Write(EersteNummer + i, NpgsqlDbType.Bigint);
            w.Write((900_000_000 + (i / 3)).ToString("D9", System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Text);
            w.Write("12345678", NpgsqlDbType.Text);
            w.Write("45F11", NpgsqlDbType.Text);
            w.Write("45", NpgsqlDbType.Text);
            w.Write(ingang, NpgsqlDbType.Date);
            w.Write(ingang.AddYears(1), NpgsqlDbType.Date);
            w.Write(10L, NpgsqlDbType.Bigint);
            w.Write("04", NpgsqlDbType.Text);
            w.Write("2", NpgsqlDbType.Text);
            w.Write(ingang, NpgsqlDbType.Date);
            w.Write(new TimeOnly(10, 0), NpgsqlDbType.Time);
            w.Write(1L, NpgsqlDbType.Bigint);
            w.Write(0L, NpgsqlDbType.Bigint);
            w.Write(1L, NpgsqlDbType.Bigint);
        }

        w.Complete();
    }
}
