using System.CommandLine;
using System.Globalization;
using Jeugdhulp.Core.NoShow;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Demo;
using Jeugdhulp.Ijw.Lezen;
using Jeugdhulp.Store;
using Jeugdhulp.Store.NoShow;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Cli;

/// <summary>
/// <c>jeugdhulp demo --data MAP [--db VERBINDING] [--clients N] [--months M] [--seed S] [--zonder-bestanden]</c>. With any of
/// <c>--clients</c>, <c>--months</c> or <c>--seed</c>: a generated region run through the backoffice werkdag by werkdag (<see cref="Regiogenerator"/>;
/// defaults 300 clients, 3 months, seed 1). Without them: a working backoffice from the shipped demo data in one
/// step. Imports <c>demo/contracten.csv</c> and <c>demo/inwoners.csv</c>, then processes
/// <c>demo/berichten/</c> as on <see cref="Verwerkingsdatum"/> — through the same import and process
/// commands a municipality uses, so the demo shows the real path. Running it again changes nothing: the
/// imports replace what they cover and the messages are re-deliveries answered as before. <c>--zonder-bestanden</c>: the
/// messages and answers only in the store (<see cref="RegioOpties.ZonderBestanden"/>; for the shipped set as
/// <c>process --zonder-bestanden</c>).
/// </summary>
internal static class DemoOpdracht
{
    /// <summary>The demo messages are dated 2027-03-01; they are processed a few days later.</summary>
    public const string Verwerkingsdatum = "2027-03-05";

    private static readonly DateOnly Verwerkingsdag = DateOnly.ParseExact(Verwerkingsdatum, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Command Commando(Omgeving o)
    {
        var data = Opties.Data();
        var db = Opties.Db();
        var rules = Opties.Rules();
        var clienten = Opties.Getal("--clients", "N", $"Genereer een regio met zoveel cliënten (standaard {RegioOpties.StandaardClienten}).", 1);
        var maanden = Opties.Getal("--months", "M", $"Zoveel maanden, werkdag voor werkdag (standaard {RegioOpties.StandaardMaanden}).", 1);
        var zaad = Opties.Getal("--seed", "S", $"Het zaad van de generator (standaard {RegioOpties.StandaardZaad}).", 0);
        var zonderBestanden = Opties.Vlag("--zonder-bestanden",
            "Berichten en antwoorden alleen in de database, geen mappen berichten/ en outbox/ (voor een regio op landelijke schaal).");
        var opdracht = new Command("demo", "Een werkende backoffice met de demogegevens; met --clients, --months of --seed een gegenereerde regio.")
        {
            data, db, rules, clienten, maanden, zaad, zonderBestanden,
        };
        opdracht.SetAction(r => new Option[] { clienten, maanden, zaad }.Any(x => r.GetResult(x) is not null)
            ? Genereer(r.GetValue(data)!, r.GetValue(db), r.GetValue(rules)!,
                (int)(r.GetValue(clienten) ?? RegioOpties.StandaardClienten), (int)(r.GetValue(maanden) ?? RegioOpties.StandaardMaanden),
                (int)(r.GetValue(zaad) ?? RegioOpties.StandaardZaad), o, r.GetValue(zonderBestanden))
            : Run(r.GetValue(data)!, r.GetValue(db), r.GetResult(rules) is null ? null : r.GetValue(rules), o, r.GetValue(zonderBestanden)));
        return opdracht;
    }

    /// <summary>The shipped demo data, imported and processed; <paramref name="rules"/> null for the shipped region.</summary>
    public static int Run(string data, string? db, string? rules, Omgeving o, bool zonderBestanden = false)
    {
        var (uit, fout) = (o.Uit, o.Fout);
        var demo = RegelMap.ZoekOpwaarts("demo");
        if (demo is null)
        {
            fout.WriteLine("jeugdhulp demo: geen map demo/ gevonden (start vanuit de repository)");
            return ExitCodes.Gebruik;
        }

        foreach (var soort in new[] { "contracten", "inwoners" })
        {
            var code = ImportOpdracht.Run(soort, Path.Combine(demo, soort + ".csv"), data, db, uit, fout);
            if (code != ExitCodes.Ok)
            {
                return code;
            }
        }

        uit.WriteLine($"Berichten uit {Path.Combine(demo, "berichten")}, verwerkt op {Verwerkingsdatum}:");
        if ((rules ?? RegelMap.ZoekStandaard()) is not { } regels)
        {
            fout.WriteLine($"jeugdhulp demo: geen map rules/{RegelMap.StandaardRegio} gevonden; geef --rules MAP");
            return ExitCodes.Gebruik;
        }

        var verwerkt = ProcessOpdracht.Run([Path.Combine(demo, "berichten")], data, db, regels, Verwerkingsdag, BerichtVerwerken.StandaardBatch,
            Berichtgrootte.Standaard, json: false, zonderBestanden, o);
        uit.WriteLine();
        uit.WriteLine(zonderBestanden ? "Antwoorden staan alleen in de outboxtabel (voor de API)." : $"Antwoorden staan in {Path.Combine(data, "outbox")}.");
        uit.WriteLine("Verzoeken met 'review' wachten op een medewerker. Beslis er een met bijvoorbeeld:");
        uit.WriteLine($"  {RegioOpties.CliAanroep} besluit --data {data} --referentie DEMO-0002 --toekennen --today {Verwerkingsdatum}");
        return verwerkt;
    }

    /// <summary>The generated region: <see cref="Regiogenerator.Genereer"/> with the rules found as <c>process</c> finds them.</summary>
    internal static int Genereer(string data, string? db, string rules, int clienten, int maanden, int zaad, Omgeving o, bool zonderBestanden = false)
    {
        var (uit, fout) = (o.Uit, o.Fout);
        if (Opslag.LaadRegels("demo", rules, fout) is not { } catalogus)
        {
            return ExitCodes.Geweigerd;
        }

        var opties = new RegioOpties(data, catalogus)
        {
            Clienten = clienten,
            Maanden = maanden,
            Zaad = zaad,
            Verbinding = db,
            ZonderBestanden = zonderBestanden,
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

    /// <summary>A generated no-show registered as <c>jeugdhulp noshow</c> does, with the rules and on the day of its report.</summary>
    internal static Resultaat<NoShowRegistratie> RegistreerNoShow(Store.Datastore store, NoShow n, Core.Regels.Regelcatalogus regels) =>
        store.RegistreerNoShow(
            new NoShowMelding(AgbCode.Parse(n.Aanbieder).Waarde, Bsn.Parse(n.Bsn).Waarde, checked((int)n.ToewijzingNummer), n.Datum, ProductCode.Parse(n.Productcode).Waarde),
            Gemeentecode.Parse(n.Gemeente).Waarde, regels, n.Gemeld ?? n.Datum);
}
