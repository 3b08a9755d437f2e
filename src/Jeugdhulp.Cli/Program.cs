using System.CommandLine;
using System.CommandLine.Invocation;

namespace Jeugdhulp.Cli;

/// <summary>
/// The <c>jeugdhulp</c> command on System.CommandLine: one sub-command per use case, each declared and run in
/// its own <c>*Opdracht.cs</c> file; help (<c>--help</c>) and shell completion (the <c>[suggest]</c> directive)
/// are generated from those declarations.
/// </summary>
internal static class Program
{
    /// <summary>
    /// Every sub-command, one line each: a new command is its own <c>*Opdracht.cs</c> with a <c>Commando()</c>
    /// and one line here.
    /// </summary>
    private static IEnumerable<Command> Opdrachten(Omgeving o) =>
    [
        RegelsOpdracht.Commando(o),
        DemoOpdracht.Commando(o),
        WerkdagenOpdracht.Commando(o),
        ValidateOpdracht.Commando(o),
        ProcessOpdracht.Commando(o),
        ProefOpdracht.Commando(o),
        WatalsOpdracht.Commando(o),
        BesluitOpdracht.Commando(o),
        ImportOpdracht.Commando(o),
        TermijnenOpdracht.Commando(o),
        ServeOpdracht.Commando(o),
        NoShowOpdracht.Commando(o),
        BesluitNoShowOpdracht.Commando(o),
        GroepstijdOpdracht.Commando(o),
        CrisisOpdracht.Commando(o),
        VerblijfOpdracht.Commando(o),
        TokenOpdracht.Commando(o),
        AccountOpdracht.Commando(o),
        ConversieOpdracht.Commando(o),
        ToewijzenOpdracht.Commando(o),
    ];

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error, Console.In, TimeProvider.System);

    /// <summary>
    /// Runs one command line. Exit codes everywhere: 0 done, 1 input was refused, 2 usage error. The clock is
    /// <paramref name="klok"/> (tests pass a fixed one); "today" is its date in Europe/Amsterdam.
    /// </summary>
    internal static int Run(IReadOnlyList<string> args, TextWriter uit, TextWriter fout, TextReader invoer, TimeProvider klok)
    {
        var wortel = new RootCommand("Jeugdhulp: de backoffice voor iJw-berichten van Regio Flevoland.");
        foreach (var opdracht in Opdrachten(new Omgeving(uit, fout, invoer, klok)))
        {
            Gebruiksfouten.WeigerOnbekendeOpties(opdracht);
            wortel.Subcommands.Add(opdracht);
        }

        if (args.Count == 0)
        {
            Gebruiksfouten.Overzicht(wortel, fout);
            return ExitCodes.Gebruik;
        }

        // Response files (@bestand) stay off: an argument is a path as typed, as before System.CommandLine.
        var r = wortel.Parse(Alias(args), new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (r.Action is ParseErrorAction)
        {
            return Gebruiksfouten.Meld(r, fout);
        }

        try
        {
            // No termination handling of the library's: serve stops on Ctrl+C through its own host.
            return r.Invoke(new InvocationConfiguration { Output = uit, Error = fout, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
#pragma warning disable CA1031 // The last boundary: a bug gets a coded line and exit 1, never a stack trace and exit 134.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            // What was reported before this line stands: reports are printed as their batch commits.
            fout.WriteLine($"jeugdhulp {r.CommandResult.Command.Name}: INTERN: {e.GetType().Name}: {e.Message} — een fout in jeugdhulp; wat hierboven gemeld is, is vastgelegd.");
            return ExitCodes.Geweigerd;
        }
    }

    /// <summary>
    /// The spellings from before the pre-check had its own command: <c>help</c> for <c>--help</c>, and
    /// <c>process --proef …</c> for <c>proef …</c>.
    /// </summary>
    private static string[] Alias(IReadOnlyList<string> args) => args.ToArray() switch
    {
        ["help", .. var rest] => ["--help", .. rest],
        ["process", .. var rest] when rest.Contains("--proef") => ["proef", .. rest.Where(a => a != "--proef")],
        var anders => anders,
    };
}

/// <summary>Exit codes shared by every sub-command.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Geweigerd = 1;
    public const int Gebruik = 2;
}
