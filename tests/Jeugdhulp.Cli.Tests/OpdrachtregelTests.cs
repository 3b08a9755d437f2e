namespace Jeugdhulp.Cli.Tests;

/// <summary>
/// The command line as System.CommandLine builds it from the commands' declarations: generated help and usage,
/// Dutch usage errors with exit 2, the <c>proef</c> command and its old spelling, and shell completion.
/// </summary>
public class OpdrachtregelTests
{
    private static readonly string[] Opdrachten =
        ["account", "besluit", "besluit-noshow", "conversie", "crisis", "demo", "groepstijd", "import", "noshow", "process", "proef", "regels", "serve", "termijnen", "toewijzen", "token", "validate", "verblijf", "watals", "werkdagen"];

    [Fact]
    public void Help_noemt_elke_opdracht_en_eindigt_met_0()
    {
        var (code, uit, fout) = Pijplijn.Run("--help");

        Assert.Equal(0, code);
        Assert.Equal("", fout);
        Assert.All(Opdrachten, o => Assert.Contains("  " + o + " ", uit, StringComparison.Ordinal));
        Assert.Equal(uit, Pijplijn.Run("help").Uit);
    }

    [Fact]
    public void Zonder_opdracht_toont_het_overzicht_op_stderr_met_exitcode_2()
    {
        var (code, uit, fout) = Pijplijn.Run();

        Assert.Equal(2, code);
        Assert.Equal("", uit);
        Assert.Contains("Opdrachten: " + string.Join(", ", Opdrachten), fout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("process", "--data MAP", "[--today yyyy-mm-dd]", "[--json]", "PAD...")]
    [InlineData("proef", "--data MAP", "[--xml]", "[--max-bericht-mb N]", "BESTAND...")]
    [InlineData("noshow", "--bsn BSN", "--datum yyyy-mm-dd", "[--product CODE]")]
    public void De_help_van_een_opdracht_en_de_gebruiksregel_komen_uit_dezelfde_declaratie(string opdracht, params string[] delen)
    {
        var (code, help, _) = Pijplijn.Run(opdracht, "--help");
        var (fout, _, gebruik) = Pijplijn.Run(opdracht, "--onbekend");

        Assert.Equal(0, code);
        Assert.Equal(2, fout);
        var regel = gebruik.Split('\n').Single(r => r.StartsWith("Gebruik: jeugdhulp " + opdracht + " ", StringComparison.Ordinal));
        foreach (var deel in delen)
        {
            Assert.Contains(deel, regel, StringComparison.Ordinal);
            Assert.Contains(deel.Trim('[', ']').Split(' ')[0].TrimEnd('.'), help, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(new[] { "process", "--data", "x", "--bla", "f.xml" }, "jeugdhulp process: onbekende optie --bla")]
    [InlineData(new[] { "process", "--data" }, "jeugdhulp process: optie --data heeft een waarde nodig")]
    [InlineData(new[] { "proef", "f.xml" }, "jeugdhulp proef: optie --data is verplicht")]
    [InlineData(new[] { "termijnen", "--data", "a", "--data", "b" }, "jeugdhulp termijnen: optie --data is meer dan eens gegeven")]
    [InlineData(new[] { "termijnen", "--data", "a", "--today", "morgen" }, "jeugdhulp termijnen: --today 'morgen' is geen datum (yyyy-mm-dd)")]
    [InlineData(new[] { "termijnen", "--data", "a", "extra" }, "jeugdhulp termijnen: onverwacht argument 'extra'")]
    [InlineData(new[] { "onbekend" }, "jeugdhulp: onbekende opdracht 'onbekend'.")]
    public void Een_gebruiksfout_wordt_in_het_nederlands_gemeld_met_exitcode_2(string[] args, string melding)
    {
        var (code, uit, fout) = Pijplijn.Run(args);

        Assert.Equal(2, code);
        Assert.Equal("", uit);
        Assert.Contains(melding, fout.Split(Environment.NewLine), StringComparer.Ordinal);
    }

    [Fact]
    public void Process_proef_is_de_oude_schrijfwijze_van_proef()
    {
        using var p = new Pijplijn();
        var bestand = Path.Combine(p.Map, "leeg.xml");
        File.WriteAllText(bestand, "<x/>");
        Directory.CreateDirectory(p.Data);

        var nieuw = Pijplijn.Run("proef", "--data", p.Data, "--today", "2027-05-03", bestand);
        var oud = Pijplijn.Run("process", "--proef", "--data", p.Data, "--today", "2027-05-03", bestand);

        Assert.Equal(1, nieuw.Code);
        Assert.Contains("jeugdhulp proef: STORE-DATA", nieuw.Fout, StringComparison.Ordinal);
        Assert.Equal(nieuw, oud);
    }

    [Theory]
    [InlineData("pro", "process", "proef")]
    [InlineData("besl", "besluit", "besluit-noshow")]
    [InlineData("proef --d", "--data", "--db")]
    [InlineData("import ", "contracten", "inwoners")]
    public void De_suggest_directive_vult_opdrachten_en_opties_aan(string regel, params string[] verwacht)
    {
        var (code, uit, _) = Pijplijn.Run($"[suggest:{regel.Length}]", regel);

        Assert.Equal(0, code);
        var suggesties = uit.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.All(verwacht, v => Assert.Contains(v, suggesties));
    }

    /// <summary>The bash completion the README tells users to source, run as bash runs it on Tab, against the built program.</summary>
    [Fact]
    public void Het_bash_completionscript_vult_aan_via_het_programma_zelf()
    {
        var programma = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "jeugdhulp.exe" : "jeugdhulp");
        var script = Path.Combine(Ijw.Tests.Paden.RepoRoot, "src", "Jeugdhulp.Cli", "jeugdhulp-completion.bash");
        var start = new System.Diagnostics.ProcessStartInfo("bash")
        {
            ArgumentList =
            {
                "-c",
                """source "$1"; COMP_LINE="$2 proef --d"; COMP_POINT=${#COMP_LINE}; COMP_WORDS=("$2" proef --d); COMP_CWORD=2; _jeugdhulp_complete; printf '%s\n' "${COMPREPLY[@]}" """,
                "bash", script, programma,
            },
            RedirectStandardOutput = true,
        };
        using var bash = System.Diagnostics.Process.Start(start)!;
        var uit = bash.StandardOutput.ReadToEnd();
        Assert.True(bash.WaitForExit(60_000));

        Assert.Equal(["--data", "--db"], uit.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private sealed class Klok(DateTimeOffset nu) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => nu;

        // The machine's own zone is not the business's: "today" must not follow it.
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    /// <summary>Without --today the CLI counts on today in Europe/Amsterdam, also just after midnight there (23:xx UTC).</summary>
    [Theory]
    [InlineData("2027-03-04T23:30:00Z", "2027-03-05")] // winter: 00:30 in Amsterdam
    [InlineData("2027-07-01T22:30:00Z", "2027-07-02")] // summer: 00:30 in Amsterdam
    [InlineData("2027-07-01T21:30:00Z", "2027-07-01")]
    public void Vandaag_is_de_datum_in_Amsterdam(string utc, string vandaag)
    {
        using var p = new Pijplijn();
        var klok = new Klok(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        var (code, uit, fout) = Pijplijn.Run(TextReader.Null, klok, "termijnen", "--data", p.Data);

        Assert.True(code == 0, fout);
        Assert.EndsWith($"(op {vandaag}).", uit.TrimEnd(), StringComparison.Ordinal);
    }
}
