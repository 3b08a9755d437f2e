using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Store.Inhoud;
using Microsoft.Data.Sqlite;

namespace Jeugdhulp.Cli.Tests;

/// <summary>
/// Nothing lost, nothing twice: the built <c>jeugdhulp</c> is killed with SIGKILL in the middle of a large
/// batch, the same batch is run again, and the result must equal a clean run: one JW316 per message, one
/// JW301 or JW319 per decided product request, the same allocations, journal and outbox, byte for byte apart from
/// Toewijzingstijd: that is the real time of day each run decided at (docs/PIPELINE.md), so it is masked.
/// </summary>
// Slow lane: `jeugdhulp process` as a process, killed with SIGKILL, then two full runs (README, "Tests").
[Trait("Baan", "Traag")]
public sealed class AfbrekenTests : IDisposable
{
    // Ten batches of 100: the kill comes after the first files, several batches follow it. 2,000 only repeated
    // the same batches three times over, and under load the runs outgrew their time limit.
    private const int Aantal = 1000;
    private const string Vandaag = "2031-12-31";
    private readonly Pijplijn p = new();

    public void Dispose() => p.Dispose();

    [Fact]
    public void Na_SIGKILL_midden_in_een_batch_geeft_opnieuw_draaien_dezelfde_staat_als_een_schone_run()
    {
        SchrijfBatch();
        var afgebroken = Path.Combine(p.Map, "afgebroken");
        var schoon = Path.Combine(p.Map, "schoon");
        foreach (var data in new[] { afgebroken, schoon })
        {
            Assert.Equal(0, Pijplijn.Run("import", "contracten", Pijplijn.Demo("contracten.csv"), "--data", data).Code);
            Assert.Equal(0, Pijplijn.Run("import", "inwoners", Pijplijn.Demo("inwoners.csv"), "--data", data).Code);
        }

        // Run 1: killed once the first committed batches have been written as files.
        using (var proces = Start(afgebroken))
        {
            var outbox = Path.Combine(afgebroken, "outbox");
            var klok = Stopwatch.StartNew();
            while (!proces.HasExited && (!Directory.Exists(outbox) || Directory.GetFiles(outbox).Length < 300) && klok.Elapsed < TimeSpan.FromSeconds(60))
            {
                Thread.Sleep(5);
            }

            Assert.False(proces.HasExited, "het proces was al klaar voordat het afgebroken kon worden");
            proces.Kill(); // SIGKILL on Unix
            proces.WaitForExit();
            Assert.True(Directory.GetFiles(outbox).Length < 2 * Aantal, "afgebroken voordat alle antwoorden er waren");
        }

        // Run 2: the same batch again, to the end. Then a clean run elsewhere.
        Assert.Equal(0, RunTotEinde(afgebroken));
        Assert.Equal(0, RunTotEinde(schoon));

        var bestanden = Bestanden(afgebroken);
        Assert.Equal(Bestanden(schoon), bestanden);
        Assert.Empty(Directory.GetFiles(Path.Combine(afgebroken, "outbox"), ".*"));
        Assert.Equal(Aantal, bestanden.Keys.Count(n => n.Contains("_JW316_", StringComparison.Ordinal)));

        foreach (var sql in new[]
        {
            "SELECT id, afzender, identificatie, status, origineel_id FROM journaal ORDER BY id",
            "SELECT o.id, o.journaal_id, o.berichtcode, o.ontvanger, o.bestandsnaam, oi.inhoud, o.geschreven_op IS NOT NULL FROM outbox o JOIN outboxinhoud oi ON oi.outbox_id = o.id ORDER BY o.id",
            "SELECT * FROM toewijzingen ORDER BY id",
            "SELECT * FROM verzoeken ORDER BY id",
            "SELECT * FROM toewijzingnummers ORDER BY gemeente",
        })
        {
            Assert.Equal(Lees(schoon, sql), Lees(afgebroken, sql));
        }

        // One answer per decided product request, none for one waiting for review.
        var verzoeken = Lees(afgebroken, "SELECT journaal_id, volgnummer, status FROM verzoeken ORDER BY id");
        Assert.Equal(Aantal, verzoeken.Count);
        foreach (var v in verzoeken)
        {
            var velden = v.Split('|');
            var antwoorden = bestanden.Keys.Count(n => n.EndsWith($"_{velden[0]}-{velden[1]}.xml", StringComparison.Ordinal));
            Assert.Equal(velden[2] == "review" ? 0 : 1, antwoorden);
        }

        Assert.Contains(bestanden.Keys, n => n.Contains("_JW301_", StringComparison.Ordinal));
        Assert.Contains(bestanden.Keys, n => n.Contains("_JW319_", StringComparison.Ordinal));
    }

    /// <summary>JW315s for the demo residents of 0171, one week each, moving on a week per round, so most are approved.</summary>
    private void SchrijfBatch()
    {
        var inwoners = InwonersCsv.Lees(File.ReadAllText(Pijplijn.Demo("inwoners.csv"))).Waarde
            .Where(i => i.Gemeente.Waarde == Pijplijn.Gemeente).ToList();
        var eerste = new DateOnly(2027, 1, 4);
        for (var i = 0; i < Aantal; i++)
        {
            var inwoner = inwoners[i % inwoners.Count];
            var begin = eerste.AddDays(7 * (i / inwoners.Count));
            var id = string.Create(CultureInfo.InvariantCulture, $"K{i:D6}");
            p.Schrijf(id + ".xml", Pijplijn.Jw315(id, inwoner.Bsn.Waarde!, inwoner.Geboortedatum,
                Pijplijn.Product("REF" + id, "45F11", begin, begin.AddDays(6), 120)));
        }
    }

    private Process Start(string data)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "jeugdhulp.dll"), "process", "--data", data, "--today", Vandaag,
            "--batch", "100", "--rules", Path.Combine(Ijw.Tests.Paden.RepoRoot, "rules", "flevoland"), p.Invoer })
        {
            info.ArgumentList.Add(a);
        }

        var proces = Process.Start(info)!;
        proces.OutputDataReceived += (_, _) => { };
        proces.ErrorDataReceived += (_, _) => { };
        proces.BeginOutputReadLine();
        proces.BeginErrorReadLine();
        return proces;
    }

    private int RunTotEinde(string data)
    {
        using var proces = Start(data);
        Assert.True(proces.WaitForExit(TimeSpan.FromSeconds(120)), "jeugdhulp process bleef hangen");
        return proces.ExitCode;
    }

    private static SortedDictionary<string, string> Bestanden(string data) =>
        new(Directory.GetFiles(Path.Combine(data, "outbox")).Where(f => !Path.GetFileName(f).StartsWith('.'))
            .ToDictionary(f => Path.GetFileName(f), f => Zonder(File.ReadAllText(f))), StringComparer.Ordinal);

    /// <summary>The text with the decision time of day masked (the real clock of the run that decided).</summary>
    private static string Zonder(string tekst) => Regex.Replace(tekst, "<Toewijzingstijd>[^<]*<", "<Toewijzingstijd>-<", RegexOptions.None, TimeSpan.FromSeconds(5));

    private static List<string> Lees(string data, string sql)
    {
        using var verbinding = new SqliteConnection($"Data Source={Path.Combine(data, "jeugdhulp.db")};Mode=ReadOnly;Pooling=False");
        verbinding.Open();
        using var cmd = verbinding.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rijen = new List<string>();
        while (r.Read())
        {
            var rij = new StringBuilder();
            for (var i = 0; i < r.FieldCount; i++)
            {
                // Stored contents are compressed (issue 21 point 5): what must be equal is the answer, not the
                // compressor's bytes, so a blob is compared unpacked.
                var waarde = r.IsDBNull(i) ? "NULL"
                    : r.GetValue(i) is byte[] blob ? Encoding.UTF8.GetString(Inhoudsvorm.Uitpak(blob))
                    : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture)!;
                rij.Append(i == 0 ? "" : "|").Append(r.GetName(i) == "toewijzingstijd" ? "-" : Zonder(waarde));
            }

            rijen.Add(rij.ToString());
        }

        return rijen;
    }
}
