using Jeugdhulp.Core.Werkdagen;

namespace Jeugdhulp.Cli;

/// <summary><c>jeugdhulp werkdagen DATE N</c>: the N-th werkdag after DATE (HK-WD-1), alone on its line.</summary>
internal static class WerkdagenOpdracht
{
    private const string GebruikTekst = "DATUM N   (datum yyyy-mm-dd, N werkdagen ≥ 0)";

    public static int Run(IReadOnlyList<string> args, TextWriter uit, TextWriter fout)
    {
        var a = Argumenten.Parse(args, [], []);
        if (a.Posities.Count != 2)
        {
            a.Fouten.Add("verwacht precies twee argumenten");
            return a.MeldGebruiksfouten("werkdagen", GebruikTekst, fout);
        }

        var datum = a.Datum(a.Posities[0], "datum");
        if (!int.TryParse(a.Posities[1], out var n) || n < 0)
        {
            a.Fouten.Add($"N '{a.Posities[1]}' is geen geheel getal ≥ 0");
        }

        if (datum is null || a.Fouten.Count > 0)
        {
            return a.MeldGebruiksfouten("werkdagen", GebruikTekst, fout);
        }

        uit.WriteLine(Werkdagenkalender.Standaard.Plus(datum.Value, n).ToString("yyyy-MM-dd"));
        return ExitCodes.Ok;
    }
}
