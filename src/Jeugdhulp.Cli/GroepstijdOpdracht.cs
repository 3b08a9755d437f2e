using System.Globalization;
using Jeugdhulp.Core.Declaratie;

namespace Jeugdhulp.Cli;

/// <summary>
/// <c>jeugdhulp groepstijd --minuten M --medewerkers S --clienten C</c>: the minutes each present youth may
/// be declared for a group session (HK-323-6), rounded down; the explanation first, the number alone on the
/// last line.
/// </summary>
internal static class GroepstijdOpdracht
{
    private const string GebruikTekst = "--minuten M --medewerkers S --clienten C   (gehele getallen ≥ 1)";

    public static int Run(IReadOnlyList<string> args, TextWriter uit, TextWriter fout)
    {
        var a = Argumenten.Parse(args, ["--minuten", "--medewerkers", "--clienten"], []);
        long Getal(string naam)
        {
            var tekst = a.Vereist(naam);
            if (long.TryParse(tekst, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            if (tekst.Length > 0)
            {
                a.Fouten.Add($"{naam} '{tekst}' is geen geheel getal");
            }

            return 0;
        }

        var minuten = Getal("--minuten");
        var medewerkers = Getal("--medewerkers");
        var clienten = Getal("--clienten");
        if (a.Posities.Count > 0)
        {
            a.Fouten.Add($"onverwacht argument '{a.Posities[0]}'");
        }

        if (a.Fouten.Count > 0)
        {
            return a.MeldGebruiksfouten("groepstijd", GebruikTekst, fout);
        }

        var uitkomst = GroepstijdBerekenen.Bereken(minuten, medewerkers, clienten);
        if (!uitkomst.TryGet(out var g))
        {
            Opslag.Meld("groepstijd", uitkomst.Fouten, fout);
            return ExitCodes.Gebruik;
        }

        uit.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{medewerkers} medewerker(s) × {minuten} minuten / {clienten} aanwezige cliënt(en) = {g.MinutenPerClient} minuten per jeugdige (HK-323-6; naar beneden afgerond, rest {g.Rest} minuten niet declareerbaar)"));
        uit.WriteLine(g.MinutenPerClient.ToString(CultureInfo.InvariantCulture));
        return ExitCodes.Ok;
    }
}
