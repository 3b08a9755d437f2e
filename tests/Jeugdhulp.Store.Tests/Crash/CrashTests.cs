using System.Diagnostics;
using Jeugdhulp.Store.Inhoud;
using Jeugdhulp.Store.Outbox;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.Crash;

/// <summary>
/// Kills a process with SIGKILL in the middle of a large batch run, runs the same batch again, and
/// compares everything with a clean run: exactly one answer per request, the same ToewijzingNummers,
/// the same files.
/// </summary>
public abstract class CrashTests(Func<TestDatabase> maak) : StoreTestBasis(maak())
{
    public sealed class Sqlite() : CrashTests(() => new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : CrashTests(() => new PostgresTestDatabase());

    // Ten batches: the kill comes in the fourth, six follow it, and re-deliveries (exact and changed) fall on
    // both sides of it. More messages only repeated the same batches (4,000 made this the slowest test).
    private const int Aantal = 1_000;
    private const int Batch = 100;

    // Slow lane: a second process killed with SIGKILL, then two full runs (README, "Tests").
    [StoreFact]
    [Trait("Baan", "Traag")]
    public void Na_SIGKILL_midden_in_een_batch_geeft_dezelfde_batch_opnieuw_precies_de_staat_van_een_schone_run()
    {
        var berichten = Verwerkingssimulatie.Berichten(Aantal);
        var opties = Db.Opties with { AuditSleutel = Verwerkingssimulatie.AuditSleutel };

        // 1. A separate process, killed hard in the middle of its fourth batch: done, not committed.
        var werker = StartWerker(opties);
        var gecommit = 0;
        var gedood = false;
        while (werker.StandardOutput.ReadLine() is { } regel)
        {
            if (regel.StartsWith("gecommit ", StringComparison.Ordinal))
            {
                gecommit++;
            }
            else if (regel == "midden 4")
            {
                werker.Kill();
                gedood = true;
                break;
            }
            else if (regel.StartsWith("midden ", StringComparison.Ordinal))
            {
                // Any other batch: go on (the worker waits for this line before it commits).
                werker.StandardInput.WriteLine("verder");
                werker.StandardInput.Flush();
            }
        }

        Assert.True(werker.WaitForExit(TimeSpan.FromSeconds(60)), "de werker stopte niet");
        Assert.True(gedood, "de werker kwam niet tot batch 4: " + werker.StandardError.ReadToEnd());
        Assert.Equal(3, gecommit);
        Assert.NotEqual(0, werker.ExitCode);

        // Exactly the three committed batches are there.
        static int Verschillend(IEnumerable<Jeugdhulp.Store.Journaal.InkomendBericht> b) =>
            b.DistinctBy(x => (x.Afzender, x.Identificatie, Convert.ToBase64String(x.Inhoud))).Count();
        Assert.Equal(Verschillend(berichten.Take(3 * Batch)), Db.Tel("journaal"));

        // 2. The same batch again, then the answers as files (a crash also lost any that were unwritten).
        var opslag = Datastore.Open(opties).Waarde;
        try
        {
            Verwerkingssimulatie.Verwerk(opslag, berichten, Batch);
            Assert.Empty(opslag.Materialiseer(Path.Combine(Db.DataMap, "outbox")).Fouten);
        }
        finally
        {
            opslag.Dispose();
        }

        // 3. A clean run on a fresh database.
        using var schoon = maak();
        var schoneOpslag = Datastore.Open(schoon.Opties with { AuditSleutel = Verwerkingssimulatie.AuditSleutel }).Waarde;
        try
        {
            Verwerkingssimulatie.Verwerk(schoneOpslag, berichten, Batch);
            schoneOpslag.Materialiseer(Path.Combine(schoon.DataMap, "outbox"));
        }
        finally
        {
            schoneOpslag.Dispose();
        }

        var verwachtAntwoorden = Verschillend(berichten);
        Assert.Equal(verwachtAntwoorden, Db.Tel("outbox"));
        Assert.Equal(Staat(schoon), Staat(Db));
        Assert.Equal(Bestanden(schoon), Bestanden(Db));
        Assert.Equal(verwachtAntwoorden, Bestanden(Db).Count);
    }

    private static Process StartWerker(StoreOpties opties)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(Werker).Assembly.Location);
        foreach (var a in new[] { "verwerk", opties.DataMap, opties.Verbinding ?? "-", Aantal.ToString(System.Globalization.CultureInfo.InvariantCulture), Batch.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(a);
        }

        return Process.Start(start)!;
    }

    /// <summary>Everything that must match a clean run, without database ids.</summary>
    private static List<string> Staat(TestDatabase db)
    {
        var rijen = new List<string>();
        rijen.AddRange(db.Lees("SELECT afzender, identificatie, sha256, status FROM journaal")
            .Select(r => $"journaal {r[0]} {r[1]} {Convert.ToHexString((byte[])r[2])} {r[3]}"));
        rijen.AddRange(db.Lees("SELECT o.bestandsnaam, oi.inhoud, j.identificatie, j.sha256 FROM outbox o JOIN outboxinhoud oi ON oi.outbox_id = o.id JOIN journaal j ON j.id = o.journaal_id")
            .Select(r => $"outbox {r[0]} {Convert.ToBase64String(Inhoudsvorm.Uitpak((byte[])r[1]))} {r[2]} {Convert.ToHexString((byte[])r[3])}"));
        rijen.AddRange(db.Lees("SELECT gemeente, laatste FROM toewijzingnummers").Select(r => $"nummers {r[0]} {r[1]}"));
        rijen.Sort(StringComparer.Ordinal);
        return rijen;
    }

    private static SortedDictionary<string, string> Bestanden(TestDatabase db) =>
        new(Directory.GetFiles(Path.Combine(db.DataMap, "outbox"))
            .ToDictionary(f => Path.GetFileName(f), f => Convert.ToBase64String(File.ReadAllBytes(f))), StringComparer.Ordinal);
}
