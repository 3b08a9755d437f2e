using System.Diagnostics;
using System.Globalization;
using Jeugdhulp.Store.Conversie;
using Jeugdhulp.Store.Tests.Crash;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.Conversie;

/// <summary>
/// Kills the conversion with SIGKILL in a separate process in the middle of its run, runs it again, and
/// compares with a clean run: every client converted exactly once, the same numbers, the same files.
/// </summary>
public abstract class ConversieCrashTests(Func<TestDatabase> maak) : StoreTestBasis(maak())
{
    public sealed class Sqlite() : ConversieCrashTests(() => new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : ConversieCrashTests(() => new PostgresTestDatabase());

    public const int Aantal = 1_500;

    // Slow lane: a second process killed with SIGKILL, then two full conversions (README, "Tests").
    [Trait("Baan", "Traag")]
    [StoreFact]
    public void Na_SIGKILL_midden_in_de_uitvoering_zet_een_nieuwe_run_elke_client_precies_een_keer_om()
    {
        var opties = Db.Opties with { AuditSleutel = Verwerkingssimulatie.AuditSleutel };

        // 1. A separate process, killed hard after some clients were committed.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(Werker).Assembly.Location);
        foreach (var a in new[] { "conversie", opties.DataMap, opties.Verbinding ?? "-", Aantal.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(a);
        }

        using var werker = Process.Start(start)!;
        var gezien = 0;
        var gedood = false;
        while (werker.StandardOutput.ReadLine() is { } regel)
        {
            if (regel.StartsWith("client ", StringComparison.Ordinal) && ++gezien == 200)
            {
                werker.Kill();
                gedood = true;
                break;
            }
        }

        Assert.True(werker.WaitForExit(TimeSpan.FromSeconds(60)), "de werker stopte niet");
        Assert.True(gedood, "de werker kwam niet tot client 200: " + werker.StandardError.ReadToEnd());
        var naKill = Db.Tel("conversie_uitgevoerd");
        Assert.InRange(naKill, 200, Aantal - 1);

        // 2. The same run again, in this process.
        var opnieuw = Datastore.Open(opties).Waarde;
        Conversieverslag verslag;
        try
        {
            verslag = opnieuw.VoerConversieUit(Conversiesimulatie.Plan(opnieuw), Path.Combine(Db.DataMap, "outbox"));
        }
        finally
        {
            opnieuw.Dispose();
        }

        Assert.True(verslag.AlGedaan >= 200);
        Assert.Empty(verslag.Fouten);

        // 3. A clean run on a fresh database.
        using var schoon = maak();
        var schoneOpslag = Datastore.Open(schoon.Opties with { AuditSleutel = Verwerkingssimulatie.AuditSleutel }).Waarde;
        try
        {
            Conversiesimulatie.Importeer(schoneOpslag, Conversiesimulatie.Csv(Aantal));
            schoneOpslag.VoerConversieUit(Conversiesimulatie.Plan(schoneOpslag), Path.Combine(schoon.DataMap, "outbox"));
        }
        finally
        {
            schoneOpslag.Dispose();
        }

        Assert.Equal(Staat(schoon), Staat(Db));
        Assert.Equal(Bestanden(schoon), Bestanden(Db));
        Assert.Equal(schoon.Tel("conversie_berichten"), Bestanden(Db).Count);
    }

    /// <summary>Everything that must match a clean run, without clock values (the runs happen at different times).</summary>
    private static List<string> Staat(TestDatabase db)
    {
        var rijen = new List<string>();
        rijen.AddRange(db.Lees("SELECT gemeente, nummer, route, nieuw_nummer, werk, status, bevindingen FROM conversie_uitgevoerd")
            .Select(r => "uitgevoerd " + string.Join(' ', r)));
        rijen.AddRange(db.Lees("SELECT gemeente, nummer, client_bsn, aanbieder, productcode, ingangsdatum, einddatum, volume, reden_wijziging FROM toewijzingen WHERE actueel = 1")
            .Select(r => "toewijzing " + string.Join(' ', r)));
        rijen.AddRange(db.Lees("SELECT gemeente, aanbieder, bestandsnaam FROM conversie_berichten").Select(r => "bericht " + string.Join(' ', r)));
        rijen.AddRange(db.Lees("SELECT gemeente, laatste FROM toewijzingnummers").Select(r => $"nummers {r[0]} {r[1]}"));
        rijen.Sort(StringComparer.Ordinal);
        return rijen;
    }

    /// <summary>File names with their content minus the clock (Dagtekening, Toewijzingsdatum/-tijd).</summary>
    private static SortedDictionary<string, string> Bestanden(TestDatabase db) =>
        new(Directory.GetFiles(Path.Combine(db.DataMap, "outbox"))
            .ToDictionary(f => Path.GetFileName(f), f => System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(f),
                "<(ijw:Dagtekening|Toewijzingsdatum|Toewijzingstijd)>[^<]*<", "<$1>-<")), StringComparer.Ordinal);
}
