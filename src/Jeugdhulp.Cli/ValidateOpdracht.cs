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
    private const string GebruikTekst = "[--xsd MAP] [--today JJJJ-MM-DD] [--max-bericht-mb N] BESTAND...   (MAP met de officiële iJw 3.2 XSD's; --today = ontvangstdatum, standaard vandaag; N: grootste bericht, standaard 25)";

    public static int Run(IReadOnlyList<string> args, TextWriter uit, TextWriter fout)
    {
        var a = Argumenten.Parse(args, ["--xsd", "--today", Berichtgrootte.Optie], []);
        var maxBytes = Invoerbestand.MaxBytes(a);
        if (a.Posities.Count == 0)
        {
            a.Fouten.Add("geef minstens één bestand");
        }

        var datum = a.Optie("--today") is { } d ? a.Datum(d, "--today") : DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
        OfficieleXsd? xsd = null;
        if (a.Optie("--xsd") is { } map)
        {
            var geladen = OfficieleXsd.Laad(map);
            if (geladen.IsGeldig)
            {
                xsd = geladen.Waarde;
            }
            else
            {
                a.Fouten.AddRange(geladen.Fouten.Select(f => f.Melding));
            }
        }

        if (a.Fouten.Count > 0 || datum is null)
        {
            return a.MeldGebruiksfouten("validate", GebruikTekst, fout);
        }

        var allesGeldig = true;
        foreach (var bestand in a.Posities)
        {
            var fouten = Controleer(bestand, datum.Value, xsd, maxBytes);
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
