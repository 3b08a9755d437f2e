using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Verblijf;
using Jeugdhulp.Core.Werkdagen;

namespace Jeugdhulp.Cli;

/// <summary>
/// <c>jeugdhulp crisis --start D --eind D [--route crisis|veiligthuis|gedwongen] [--rules MAP]</c>: checks a crisis
/// placement against the 24-hour rules in force on its start (HK-24-8 1 to 28 days; HK-24-3 and HK-24-9 follow as
/// deadlines) and lists the deadlines it opens. Exit 0 when the placement fits, 1 when refused, 2 usage.
/// The logic is <see cref="Controleer"/>, a typed method, so the command line parser around it can change.
/// </summary>
internal static class CrisisOpdracht
{
    private const string GebruikTekst = "--start yyyy-mm-dd --eind yyyy-mm-dd [--route crisis|veiligthuis|gedwongen] [--rules MAP]";

    public static int Run(IReadOnlyList<string> args, TextWriter uit, TextWriter fout)
    {
        var a = Argumenten.Parse(args, ["--start", "--eind", "--route", "--rules"], []);
        var start = a.Datum(a.Vereist("--start"), "--start");
        var eind = a.Datum(a.Vereist("--eind"), "--eind");
        Plaatsingsroute? route = (a.Optie("--route") ?? "crisis") switch
        {
            "crisis" => Plaatsingsroute.Crisis,
            "veiligthuis" => Plaatsingsroute.VeiligThuis,
            "gedwongen" => Plaatsingsroute.Gedwongen,
            var anders => Fout(a, $"--route '{anders}' is geen crisisroute (crisis, veiligthuis, gedwongen)"),
        };
        var rules = a.Optie("--rules") ?? RegelMap.ZoekStandaard();
        if (rules is null)
        {
            a.Fouten.Add($"geen map rules/{RegelMap.StandaardRegio} gevonden; geef --rules MAP");
        }

        if (a.Posities.Count > 0)
        {
            a.Fouten.Add($"onverwacht argument '{a.Posities[0]}'");
        }

        if (a.Fouten.Count > 0 || start is null || eind is null || route is null || rules is null)
        {
            return a.MeldGebruiksfouten("crisis", GebruikTekst, fout);
        }

        return Opslag.LaadRegels("crisis", rules, fout) is { } catalogus
            ? Controleer(catalogus, start.Value, eind.Value, route.Value, uit)
            : ExitCodes.Geweigerd;
    }

    /// <summary>Prints the findings and deadlines for a crisis placement; exit 0 when it fits, 1 when refused.</summary>
    public static int Controleer(Regelcatalogus catalogus, DateOnly start, DateOnly eind, Plaatsingsroute route, TextWriter uit)
    {
        ArgumentNullException.ThrowIfNull(catalogus);
        ArgumentNullException.ThrowIfNull(uit);
        var regels = catalogus.OpDatum(start);
        var kalender = new Werkdagenkalender(catalogus.ExtraVrijeDagen);
        var plaatsing = new Verblijfplaatsing("", "", default, default, route, start, eind);
        var crisis = CrisisBeoordelen.Beoordeel(plaatsing, regels);
        var voorwaarden = VoorwaardenToetsen.Toets(plaatsing, regels, kalender);

        uit.WriteLine($"Crisisplaatsing {start:yyyy-MM-dd} t/m {eind:yyyy-MM-dd} ({route}), regelset {regels.Label}:");
        // The command knows no beschikking (that is a record), so only what follows the crisis is shown of HK-24-3.
        foreach (var b in crisis.Bevindingen.Concat(voorwaarden.Bevindingen.Where(b => b.RegelId != "HK-24-3" || b.Uitkomst == Uitkomst.Toegekend)))
        {
            uit.WriteLine($"  {b.RegelId} {b.Uitkomst.ToString().ToLowerInvariant()}: {b.Melding}");
        }

        foreach (var v in crisis.Verplichtingen.Concat(voorwaarden.Verplichtingen).OrderBy(v => v.Vervaldatum))
        {
            uit.WriteLine($"  {v.Vervaldatum:yyyy-MM-dd} {v.Partij.ToString().ToLowerInvariant()}: {v.Verwacht} [{v.Regel}]{(v.Advies ? " (signaal)" : "")}");
        }

        return crisis.Uitkomst == Uitkomst.Afgewezen ? ExitCodes.Geweigerd : ExitCodes.Ok;
    }

    private static Plaatsingsroute? Fout(Argumenten a, string melding)
    {
        a.Fouten.Add(melding);
        return null;
    }
}
