using System.CommandLine;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Verblijf;
using Jeugdhulp.Core.Waarden;
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
    public static Command Commando(Omgeving o)
    {
        var start = Opties.Datum("--start", "De eerste dag van het verblijf (dag 1).", verplicht: true);
        var eind = Opties.Datum("--eind", "De laatste dag van het verblijf.", verplicht: true);
        var route = Opties.Waarde("--route", "ROUTE", "crisis (standaard), veiligthuis of gedwongen (V-OTS/spoedmachtiging).", Route);
        var rules = Opties.Rules();
        var opdracht = new Command("crisis", "Toetst een crisisplaatsing aan de 24-uurs regels (HK-24-8: 1 tot 28 dagen) en toont de termijnen die volgen.") { start, eind, route, rules };
        opdracht.SetAction(r => Opslag.LaadRegels("crisis", r.GetValue(rules)!, o.Fout) is { } catalogus
            ? Controleer(catalogus, r.GetValue(start)!.Value, r.GetValue(eind)!.Value, r.GetValue(route) ?? Plaatsingsroute.Crisis, o.Uit)
            : ExitCodes.Geweigerd);
        return opdracht;
    }

    internal static Resultaat<Plaatsingsroute> Route(string tekst) => tekst switch
    {
        "crisis" => Resultaat<Plaatsingsroute>.Ok(Plaatsingsroute.Crisis),
        "veiligthuis" => Resultaat<Plaatsingsroute>.Ok(Plaatsingsroute.VeiligThuis),
        "gedwongen" => Resultaat<Plaatsingsroute>.Ok(Plaatsingsroute.Gedwongen),
        _ => Resultaat<Plaatsingsroute>.Mislukt("CRISIS-ROUTE", $"'{tekst}' is geen crisisroute (crisis, veiligthuis, gedwongen)"),
    };

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
}
