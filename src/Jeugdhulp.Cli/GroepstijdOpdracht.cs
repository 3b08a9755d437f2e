using System.CommandLine;
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
    public static Command Commando(Omgeving o)
    {
        var minuten = Opties.Getal("--minuten", "M", "De duur van de groepsbijeenkomst in minuten.", 0, verplicht: true);
        var medewerkers = Opties.Getal("--medewerkers", "S", "Het aantal medewerkers.", 0, verplicht: true);
        var clienten = Opties.Getal("--clienten", "C", "Het aantal aanwezige cliënten.", 0, verplicht: true);
        var opdracht = new Command("groepstijd", "De minuten per aanwezige jeugdige van een groepsbijeenkomst (HK-323-6).") { minuten, medewerkers, clienten };
        opdracht.SetAction(r => Run(r.GetValue(minuten)!.Value, r.GetValue(medewerkers)!.Value, r.GetValue(clienten)!.Value, o.Uit, o.Fout));
        return opdracht;
    }

    public static int Run(long minuten, long medewerkers, long clienten, TextWriter uit, TextWriter fout)
    {
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
