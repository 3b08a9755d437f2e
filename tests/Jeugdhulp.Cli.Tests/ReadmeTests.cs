using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Jeugdhulp.Demo;
using Jeugdhulp.Ijw.Tests;

namespace Jeugdhulp.Cli.Tests;

/// <summary>
/// The README and docs as a newcomer follows them: every <c>sh</c> block is executed, in order, by bash in an
/// empty temporary folder, so an example that no longer works fails here. The only substitutions are the
/// ones that make the run independent of this machine: the README's call
/// <c>dotnet run --project src/Jeugdhulp.Cli --</c> becomes <c>dotnet</c> on the CLI this test project built
/// (the same program, without building it again per command), and port 5000 becomes a free port. The block
/// that starts <c>serve</c> is started in the background and waited for until its first page answers; it runs
/// while the later blocks talk to it, and is stopped at the end.
/// </summary>
public sealed partial class ReadmeTests
{
    private static readonly string[] Documenten =
        ["README.md", .. Directory.GetFiles(Path.Combine(Paden.RepoRoot, "docs"), "*.md").Select(f => Path.GetRelativePath(Paden.RepoRoot, f)).Order(StringComparer.Ordinal), Path.Combine("demo", "README.md")];

    internal sealed record Codeblok(string Document, int Regel, string Taal, string Tekst);

    /// <summary>The fenced code blocks of a Markdown file, with the line of the opening fence.</summary>
    internal static List<Codeblok> Blokken(string document)
    {
        var blokken = new List<Codeblok>();
        var regels = File.ReadAllLines(Path.Combine(Paden.RepoRoot, document));
        for (var i = 0; i < regels.Length; i++)
        {
            if (!regels[i].StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var taal = regels[i][3..].Trim();
            var tekst = new StringBuilder();
            var j = i + 1;
            for (; j < regels.Length && !regels[j].StartsWith("```", StringComparison.Ordinal); j++)
            {
                tekst.Append(regels[j]).Append('\n');
            }

            blokken.Add(new Codeblok(document, i + 1, taal, tekst.ToString()));
            i = j;
        }

        return blokken;
    }

    [GeneratedRegex(@"(?<![\w./-])jeugdhulp [a-z-]+")]
    private static partial Regex KaleAanroep();

    [Fact]
    public void De_testopdracht_van_de_readme_draait_beide_banen_en_ci_draait_precies_die()
    {
        var testblokken = Blokken("README.md").Where(b => b.Taal == "sh" && b.Tekst.StartsWith("dotnet test", StringComparison.Ordinal))
            .Select(b => b.Tekst.Trim()).ToList();
        var alles = testblokken[0];
        Assert.DoesNotContain("--filter", alles, StringComparison.Ordinal);
        Assert.Contains(alles, File.ReadAllLines(Path.Combine(Paden.RepoRoot, ".ci", "run")).Select(r => r.Trim()).Select(r => r.Split(" 2>&1")[0]));
        Assert.Contains($"{alles} --filter \"Baan!=Traag\"", testblokken);

        // The filter selects something: the slow lane's trait is on tests of this repository.
        var traag = Directory.GetFiles(Path.Combine(Paden.RepoRoot, "tests"), "*.cs", SearchOption.AllDirectories)
            .Count(f => File.ReadAllText(f).Contains("[Trait(\"Baan\", \"Traag\")]", StringComparison.Ordinal));
        Assert.True(traag >= 5, $"{traag} bestanden met de trage baan");
    }

    [Fact]
    public void Readme_en_docs_roepen_de_cli_overal_op_dezelfde_manier_aan()
    {
        foreach (var document in Documenten)
        {
            var tekst = File.ReadAllText(Path.Combine(Paden.RepoRoot, document));
            var kaal = KaleAanroep().Matches(tekst).Select(m => m.Value).ToList();
            Assert.True(kaal.Count == 0, $"{document}: '{string.Join("', '", kaal)}' in plaats van '{RegioOpties.CliAanroep} …'");
            foreach (var blok in Blokken(document).Where(b => b.Tekst.Contains("dotnet run", StringComparison.Ordinal)))
            {
                Assert.All(blok.Tekst.Split('\n').Where(r => r.Contains("dotnet run", StringComparison.Ordinal)),
                    r => Assert.Contains(RegioOpties.CliAanroep, r, StringComparison.Ordinal));
            }
        }

        // Every example that the README test runs is marked sh; the others are synopses with placeholders.
        Assert.Contains(Blokken("README.md"), b => b.Taal == "sh" && b.Tekst.Contains(" serve --demo ", StringComparison.Ordinal));
    }

    // Slow lane: generates the demo region, starts the server and runs every command as a process (README, "Tests").
    [Fact]
    [Trait("Baan", "Traag")]
    public void Elke_opdracht_in_readme_en_docs_werkt_zoals_beschreven_tegen_de_demo_die_de_readme_start()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "jeugdhulp.dll");
        Assert.True(File.Exists(cli), cli);
        var map = Directory.CreateTempSubdirectory("jeugdhulp-readme-").FullName;
        Directory.CreateSymbolicLink(Path.Combine(map, "demo"), Path.Combine(Paden.RepoRoot, "demo"));
        var poort = VrijePoort();
        var url = $"http://127.0.0.1:{poort}";
        Process? server = null;
        var serverUit = new StringBuilder();
        var uitvoer = new List<(Codeblok Blok, string Uit)>();
        try
        {
            foreach (var blok in Documenten.SelectMany(Blokken).Where(b => b.Taal == "sh"))
            {
                var waar = $"{blok.Document}:{blok.Regel}";
                if (blok.Tekst.StartsWith("dotnet test", StringComparison.Ordinal))
                {
                    continue; // the test suite itself
                }

                var script = blok.Tekst
                    .Replace(RegioOpties.CliAanroep, $"dotnet \"{cli}\"", StringComparison.Ordinal)
                    .Replace("http://127.0.0.1:5000", url, StringComparison.Ordinal);
                if (blok.Tekst.Contains(" serve ", StringComparison.Ordinal))
                {
                    Assert.Null(server);
                    server = Start(map, "exec " + script.Trim(), serverUit);
                    WachtOp(url, server, serverUit, waar);
                    continue;
                }

                var (code, uit, fout) = Voer(map, script);
                Assert.True(code == 0, $"{waar} eindigde met {code}:\n{blok.Tekst}\n--- uit:\n{uit}\n--- fout:\n{fout}");
                uitvoer.Add((blok, uit));
            }

            Assert.NotNull(server);
            var welkom = serverUit.ToString();
            foreach (var verwacht in new[] { "[1/4]", "[3/4] simulatie 100%", "[4/4]", "Probeer eerst:", "almere-demo", url, $"{RegioOpties.CliAanroep} termijnen --data data/demo --today 2027-03-01" })
            {
                Assert.Contains(verwacht, welkom, StringComparison.Ordinal);
            }

            // The provider's examples: the JW315 and the JW317 decided (approved), the JW323 pre-check accepted.
            var api = uitvoer.Single(u => u.Blok.Tekst.Contains("voorbeelden/jw315.xml", StringComparison.Ordinal)).Uit;
            Assert.True(Regex.Count(api, "\"outcome\":\"approved\"") >= 2, api);
            Assert.Contains("\"outcome\":\"accepted\"", api, StringComparison.Ordinal);
            foreach (var anders in new[] { "rejected", "review", "invalid", "mixed" })
            {
                Assert.DoesNotContain($"\"outcome\":\"{anders}\"", api, StringComparison.Ordinal);
            }

            // The staff decision of step 5 was taken.
            Assert.Contains(uitvoer, u => u.Blok.Tekst.Contains(" besluit ", StringComparison.Ordinal));
        }
        finally
        {
            if (server is { HasExited: false })
            {
                server.Kill(entireProcessTree: true);
                server.WaitForExit();
            }

            server?.Dispose();
            Directory.Delete(map, recursive: true);
        }
    }

    private static int VrijePoort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static ProcessStartInfo Bash(string map, string script) =>
        new("bash", ["-c", "set -euo pipefail\n" + script])
        {
            WorkingDirectory = map,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

    private static Process Start(string map, string script, StringBuilder uit)
    {
        var p = new Process { StartInfo = Bash(map, script) };
        p.OutputDataReceived += (_, e) => { lock (uit) { uit.AppendLine(e.Data); } };
        p.ErrorDataReceived += (_, e) => { lock (uit) { uit.AppendLine(e.Data); } };
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private static void WachtOp(string url, Process server, StringBuilder uit, string waar)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(10) };
        var tot = DateTime.UtcNow.AddMinutes(5);
        while (DateTime.UtcNow < tot)
        {
            Assert.False(server.HasExited, $"{waar}: serve stopte:\n{uit}");
            try
            {
                using var antwoord = http.GetAsync(url + "/").GetAwaiter().GetResult();
                if ((int)antwoord.StatusCode < 500 && uit.ToString().Contains("Probeer eerst:", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet: the demo is still being generated.
            }
            catch (TaskCanceledException)
            {
                // Listening, but the first page took longer than the client waits (a cold start on a busy machine): ask again.
            }

            Thread.Sleep(500);
        }

        Assert.Fail($"{waar}: {url} antwoordde niet binnen 5 minuten:\n{uit}");
    }

    private static (int Code, string Uit, string Fout) Voer(string map, string script)
    {
        using var p = Process.Start(Bash(map, script))!;
        var fout = p.StandardError.ReadToEndAsync();
        var uit = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            p.Kill(entireProcessTree: true);
        }

        return (p.ExitCode, uit, fout.GetAwaiter().GetResult());
    }
}
