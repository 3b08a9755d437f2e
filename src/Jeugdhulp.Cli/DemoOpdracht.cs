using System.Globalization;
using Jeugdhulp.Core.NoShow;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Demo;
using Jeugdhulp.Store.NoShow;

namespace Jeugdhulp.Cli;

/// <summary>
/// <c>jeugdhulp demo --data MAP [--db VERBINDING] [--clients N] [--months M] [--seed S]</c>. With any of the
/// last three: a generated region run through the backoffice werkdag by werkdag (<see cref="Regiogenerator"/>;
/// defaults 300 clients, 3 months, seed 1). Without them: a working backoffice from the shipped demo data in one
/// step. Imports <c>demo/contracten.csv</c> and <c>demo/inwoners.csv</c>, then processes
/// <c>demo/berichten/</c> as on <see cref="Verwerkingsdatum"/> — through the same import and process
/// commands a municipality uses, so the demo shows the real path. Running it again changes nothing: the
/// imports replace what they cover and the messages are re-deliveries answered as before.
/// </summary>
internal static class DemoOpdracht
{
    /// <summary>The demo messages are dated 2027-03-01; they are processed a few days later.</summary>
    public const string Verwerkingsdatum = "2027-03-05";

    private const string GebruikTekst = "--data MAP [--db VERBINDING] [--rules MAP] [--clients N] [--months M] [--seed S]";

    public static int Run(IReadOnlyList<string> args, TextWriter uit, TextWriter fout)
    {
        var a = Argumenten.Parse(args, ["--data", "--db", "--clients", "--months", "--seed", "--rules"], []);
        var data = a.Vereist("--data");
        if (a.Posities.Count > 0)
        {
            a.Fouten.Add($"onverwacht argument '{a.Posities[0]}'");
        }

        if (a.Optie("--clients") is not null || a.Optie("--months") is not null || a.Optie("--seed") is not null)
        {
            return Genereer(a, data, uit, fout);
        }

        var demo = RegelMap.ZoekOpwaarts("demo");
        if (demo is null)
        {
            a.Fouten.Add("geen map demo/ gevonden (start vanuit de repository)");
        }

        if (a.Fouten.Count > 0 || demo is null)
        {
            return a.MeldGebruiksfouten("demo", GebruikTekst, fout);
        }

        string[] db = a.Optie("--db") is { } verbinding ? ["--db", verbinding] : [];
        foreach (var soort in new[] { "contracten", "inwoners" })
        {
            var code = ImportOpdracht.Run([soort, Path.Combine(demo, soort + ".csv"), "--data", data, .. db], uit, fout);
            if (code != ExitCodes.Ok)
            {
                return code;
            }
        }

        uit.WriteLine($"Berichten uit {Path.Combine(demo, "berichten")}, verwerkt op {Verwerkingsdatum}:");
        string[] regels = a.Optie("--rules") is { } r ? ["--rules", r] : [];
        var verwerkt = ProcessOpdracht.Run(["--data", data, "--today", Verwerkingsdatum, .. db, .. regels, Path.Combine(demo, "berichten")], uit, fout);
        uit.WriteLine();
        uit.WriteLine($"Antwoorden staan in {Path.Combine(data, "outbox")}.");
        uit.WriteLine("Verzoeken met 'review' wachten op een medewerker. Beslis er een met bijvoorbeeld:");
        uit.WriteLine($"  {RegioOpties.CliAanroep} besluit --data {data} --referentie DEMO-0002 --toekennen --today {Verwerkingsdatum}");
        return verwerkt;
    }

    /// <summary>The generated region: <see cref="Regiogenerator.Genereer"/> with the rules found as <c>process</c> finds them.</summary>
    private static int Genereer(Argumenten a, string data, TextWriter uit, TextWriter fout)
    {
        var clienten = Getal(a, "--clients", RegioOpties.StandaardClienten, 1);
        var maanden = Getal(a, "--months", RegioOpties.StandaardMaanden, 1);
        var zaad = Getal(a, "--seed", RegioOpties.StandaardZaad, 0);
        var rules = a.Optie("--rules") ?? RegelMap.ZoekStandaard();
        if (rules is null)
        {
            a.Fouten.Add($"geen map rules/{RegelMap.StandaardRegio} gevonden; geef --rules MAP");
        }

        if (a.Fouten.Count > 0 || rules is null)
        {
            return a.MeldGebruiksfouten("demo", GebruikTekst, fout);
        }

        if (Opslag.LaadRegels("demo", rules, fout) is not { } catalogus)
        {
            return ExitCodes.Geweigerd;
        }

        var opties = new RegioOpties(data, catalogus)
        {
            Clienten = clienten,
            Maanden = maanden,
            Zaad = zaad,
            Verbinding = a.Optie("--db"),
            Voortgang = uit,
            NoShowGemeld = (store, n) => RegistreerNoShow(store, n, catalogus),
        };
        var r = Regiogenerator.Genereer(opties);
        if (r.Fouten is [{ Code: Regiogenerator.BestaatCode }])
        {
            // The same region again: nothing changes, the earlier summary is shown (as the shipped demo answers a re-run).
            uit.WriteLine($"Deze regio staat al in {data}; er is niets gewijzigd.");
            uit.WriteLine();
            uit.Write(File.ReadAllText(Path.Combine(data, Regiogenerator.Samenvattingbestand)));
            return ExitCodes.Ok;
        }

        if (!r.TryGet(out var verslag))
        {
            Opslag.Meld("demo", r.Fouten, fout);
            return r.Fouten.Any(f => f.Code == "DEMO-OPTIE") ? ExitCodes.Gebruik : ExitCodes.Geweigerd;
        }

        uit.WriteLine();
        uit.Write(verslag.Tekst());
        foreach (var p in verslag.Problemen)
        {
            fout.WriteLine($"jeugdhulp demo: {p}");
        }

        return verslag.Problemen.Count == 0 ? ExitCodes.Ok : ExitCodes.Geweigerd;
    }

    private static int Getal(Argumenten a, string optie, int standaard, int minimum)
    {
        if (a.Optie(optie) is not { } tekst)
        {
            return standaard;
        }

        if (int.TryParse(tekst, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= minimum)
        {
            return n;
        }

        a.Fouten.Add($"{optie} '{tekst}' is geen geheel getal van minstens {minimum}");
        return standaard;
    }

    /// <summary>A generated no-show registered as <c>jeugdhulp noshow</c> does, with the rules and on the day of its report.</summary>
    internal static Resultaat<NoShowRegistratie> RegistreerNoShow(Store.Datastore store, NoShow n, Core.Regels.Regelcatalogus regels) =>
        store.RegistreerNoShow(
            new NoShowMelding(AgbCode.Parse(n.Aanbieder).Waarde, Bsn.Parse(n.Bsn).Waarde, checked((int)n.ToewijzingNummer), n.Datum, ProductCode.Parse(n.Productcode).Waarde),
            Gemeentecode.Parse(n.Gemeente).Waarde, regels, n.Gemeld ?? n.Datum);
}
