namespace Jeugdhulp.Cli;

/// <summary>The <c>jeugdhulp</c> command: one sub-command per use case, each in its own file.</summary>
internal static class Program
{
    /// <summary>Sub-commands by name. Exit codes everywhere: 0 done, 1 input was refused, 2 usage error.</summary>
    private static readonly Dictionary<string, Opdracht> Opdrachten = new(StringComparer.Ordinal)
    {
        ["regels"] = RegelsOpdracht.Run,
        ["demo"] = DemoOpdracht.Run,
        ["werkdagen"] = WerkdagenOpdracht.Run,
        ["validate"] = ValidateOpdracht.Run,
        ["process"] = ProcessOpdracht.Run,
        ["besluit"] = BesluitOpdracht.Run,
        ["import"] = ImportOpdracht.Run,
        ["termijnen"] = TermijnenOpdracht.Run,
        ["serve"] = ServeOpdracht.Run,
        ["noshow"] = NoShowOpdracht.Run,
        ["besluit-noshow"] = BesluitNoShowOpdracht.Run,
        ["groepstijd"] = GroepstijdOpdracht.Run,
        ["crisis"] = CrisisOpdracht.Run,
        ["token"] = TokenOpdracht.Run,
        ["account"] = AccountOpdracht.Run,
    };

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    internal static int Run(IReadOnlyList<string> args, TextWriter uit, TextWriter fout)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            Gebruik(args.Count == 0 ? fout : uit);
            return args.Count == 0 ? ExitCodes.Gebruik : ExitCodes.Ok;
        }

        if (!Opdrachten.TryGetValue(args[0], out var opdracht))
        {
            fout.WriteLine($"jeugdhulp: onbekende opdracht '{args[0]}'.");
            Gebruik(fout);
            return ExitCodes.Gebruik;
        }

        try
        {
            return opdracht(args.Skip(1).ToList(), uit, fout);
        }
#pragma warning disable CA1031 // The last boundary: a bug gets a coded line and exit 1, never a stack trace and exit 134.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            // What was reported before this line stands: reports are printed as their batch commits.
            fout.WriteLine($"jeugdhulp {args[0]}: INTERN: {e.GetType().Name}: {e.Message} — een fout in jeugdhulp; wat hierboven gemeld is, is vastgelegd.");
            return ExitCodes.Geweigerd;
        }
    }

    private static void Gebruik(TextWriter w)
    {
        w.WriteLine("Gebruik: jeugdhulp <opdracht> [opties]");
        w.WriteLine("Opdrachten: " + string.Join(", ", Opdrachten.Keys.Order(StringComparer.Ordinal)));
    }
}

/// <summary>A sub-command: arguments after its name, standard output, standard error; returns the exit code.</summary>
internal delegate int Opdracht(IReadOnlyList<string> args, TextWriter uit, TextWriter fout);

/// <summary>Exit codes shared by every sub-command.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Geweigerd = 1;
    public const int Gebruik = 2;
}
