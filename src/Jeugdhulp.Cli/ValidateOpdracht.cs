using System.CommandLine;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Controles;
using Jeugdhulp.Ijw.Lezen;

namespace Jeugdhulp.Cli;

/// <summary>
/// <c>jeugdhulp validate [--xsd MAP] [--today JJJJ-MM-DD] BESTAND...</c>: reads and checks iJw 3.2 messages
/// (schema level, then the level-2 rules) and prints per file <c>OK</c> or one line per error with the file,
/// the rule code and the element path. Exit 0 when all are valid, 1 when any is not, 2 for usage errors.
/// </summary>
internal static class ValidateOpdracht
{
    public static Command Commando(Omgeving o)
    {
        var xsd = new Option<OfficieleXsd?>("--xsd")
        {
            HelpName = "MAP",
            Description = "Controleer ook tegen de officiële iJw 3.2 XSD's in deze map.",
            CustomParser = r =>
            {
                var geladen = OfficieleXsd.Laad(r.Tokens[0].Value);
                if (geladen.TryGet(out var x))
                {
                    return x;
                }

                r.AddError(string.Join("; ", geladen.Fouten.Select(f => f.Melding)));
                return null;
            },
        };
        var today = Opties.Today("De ontvangstdatum (standaard vandaag in Europe/Amsterdam).");
        var opdracht = new Command("validate", "Leest en controleert iJw 3.2-berichten (schema, dan de regels van niveau 2): per bestand OK of één regel per fout.")
        {
            xsd, today,
        };
        var maxBericht = Opties.MaxBericht(opdracht);
        var bestanden = Opties.Paden(opdracht, "BESTAND", "De berichten.", "geef minstens één bestand");
        opdracht.SetAction(r => Run(r.GetValue(bestanden)!, o.Vandaag(r.GetValue(today)), r.GetValue(xsd), r.GrootsteBericht(maxBericht), o.Uit));
        return opdracht;
    }

    public static int Run(IReadOnlyList<string> bestanden, DateOnly datum, OfficieleXsd? xsd, long maxBytes, TextWriter uit)
    {
        var allesGeldig = true;
        foreach (var bestand in bestanden)
        {
            var fouten = Controleer(bestand, datum, xsd, maxBytes);
            if (fouten.Count == 0)
            {
                uit.WriteLine($"{bestand}: OK");
                continue;
            }

            allesGeldig = false;
            foreach (var f in fouten)
            {
                uit.WriteLine(Tekstregel.Enkel(f.Plaats is null ? $"{bestand}: {f.Code}: {f.Melding}" : $"{bestand}: {f.Code} {f.Plaats}: {f.Melding}"));
            }
        }

        return allesGeldig ? ExitCodes.Ok : ExitCodes.Geweigerd;
    }

    private static List<Fout> Controleer(string bestand, DateOnly datum, OfficieleXsd? xsd, long maxBytes)
    {
        // A missing, unreadable or too large file is that file's error; the other files are still checked.
        var gelezen = Invoerbestand.Lees(bestand, maxBytes);
        if (!gelezen.TryGet(out var bytes))
        {
            return [.. gelezen.Fouten];
        }

        var validatie = IjwValidatie.Valideer(bytes, datum);
        var fouten = validatie.Fouten.ToList();
        if (xsd is not null && validatie.Niveau != Controleniveau.GeenBericht)
        {
            fouten.AddRange(xsd.Valideer(bytes));
        }

        return fouten;
    }
}
