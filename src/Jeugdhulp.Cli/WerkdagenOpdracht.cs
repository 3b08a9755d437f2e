using System.CommandLine;
using System.Globalization;
using Jeugdhulp.Core.Werkdagen;

namespace Jeugdhulp.Cli;

/// <summary><c>jeugdhulp werkdagen DATE N</c>: the N-th werkdag after DATE (HK-WD-1), alone on its line.</summary>
internal static class WerkdagenOpdracht
{
    public static Command Commando(Omgeving o)
    {
        var datum = new Argument<string?>("DATUM") { Arity = ArgumentArity.ZeroOrOne, Description = "De begindatum (yyyy-mm-dd)." };
        var aantal = new Argument<string?>("N") { Arity = ArgumentArity.ZeroOrOne, Description = "Het aantal werkdagen (geheel getal ≥ 0)." };
        var opdracht = new Command("werkdagen", "De N-de werkdag na een datum (HK-WD-1).") { datum, aantal };
        opdracht.Controle(r => (r.GetValue(datum), r.GetValue(aantal)) switch
        {
            (null, _) or (_, null) => "verwacht precies twee argumenten",
            ({ } d, _) when !DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => $"datum '{d}' is geen datum (yyyy-mm-dd)",
            (_, { } n) when !int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out _) => $"N '{n}' is geen geheel getal ≥ 0",
            _ => null,
        });
        opdracht.SetAction(r => Run(
            DateOnly.ParseExact(r.GetValue(datum)!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            int.Parse(r.GetValue(aantal)!, CultureInfo.InvariantCulture),
            o.Uit));
        return opdracht;
    }

    public static int Run(DateOnly datum, int n, TextWriter uit)
    {
        uit.WriteLine(Werkdagenkalender.Standaard.Plus(datum, n).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return ExitCodes.Ok;
    }
}
