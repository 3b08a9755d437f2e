namespace Jeugdhulp.Cli;

/// <summary>
/// Minimal POSIX-style argument parsing: <c>--naam waarde</c>, <c>--vlag</c> and positional arguments.
/// Unknown options and missing values are collected as usage errors, never thrown.
/// </summary>
internal sealed class Argumenten
{
    private readonly Dictionary<string, string> opties = new(StringComparer.Ordinal);
    private readonly HashSet<string> vlaggen = new(StringComparer.Ordinal);

    private Argumenten()
    {
    }

    public List<string> Posities { get; } = [];

    public List<string> Fouten { get; } = [];

    /// <summary>Parses <paramref name="args"/>; <paramref name="metWaarde"/> and <paramref name="zonderWaarde"/> list the known options.</summary>
    public static Argumenten Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> metWaarde, IReadOnlyCollection<string> zonderWaarde)
    {
        var a = new Argumenten();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                a.Posities.Add(arg);
                continue;
            }

            if (zonderWaarde.Contains(arg))
            {
                a.vlaggen.Add(arg);
            }
            else if (metWaarde.Contains(arg))
            {
                if (i + 1 >= args.Count)
                {
                    a.Fouten.Add($"optie {arg} heeft een waarde nodig");
                }
                else
                {
                    a.opties[arg] = args[++i];
                }
            }
            else
            {
                a.Fouten.Add($"onbekende optie {arg}");
            }
        }

        return a;
    }

    public string? Optie(string naam) => opties.GetValueOrDefault(naam);

    public bool Vlag(string naam) => vlaggen.Contains(naam);

    /// <summary>Reads a required option, recording a usage error when it is missing.</summary>
    public string Vereist(string naam)
    {
        if (opties.TryGetValue(naam, out var waarde))
        {
            return waarde;
        }

        Fouten.Add($"optie {naam} is verplicht");
        return "";
    }

    /// <summary>Parses a yyyy-MM-dd date, recording a usage error when it is not one.</summary>
    public DateOnly? Datum(string tekst, string wat)
    {
        if (DateOnly.TryParseExact(tekst, "yyyy-MM-dd", out var datum))
        {
            return datum;
        }

        Fouten.Add($"{wat} '{tekst}' is geen datum (yyyy-mm-dd)");
        return null;
    }

    /// <summary>Writes the usage errors and returns the usage exit code.</summary>
    public int MeldGebruiksfouten(string opdracht, string gebruik, TextWriter fout)
    {
        foreach (var f in Fouten)
        {
            fout.WriteLine($"jeugdhulp {opdracht}: {f}");
        }

        fout.WriteLine($"Gebruik: jeugdhulp {opdracht} {gebruik}");
        return ExitCodes.Gebruik;
    }
}
