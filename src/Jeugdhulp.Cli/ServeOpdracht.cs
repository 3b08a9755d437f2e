using System.CommandLine;
using Jeugdhulp.Demo;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Web;
using Jeugdhulp.Web.Schermen;
using Microsoft.Extensions.Hosting;

namespace Jeugdhulp.Cli;

/// <summary>
/// <c>jeugdhulp serve --data MAP --urls URL [--demo] [--today yyyy-mm-dd] [--db VERBINDING] [--rules MAP] [--max-bericht-mb N] [--zonder-bestanden]</c>: the
/// provider API, the municipality API and the backoffice web app on Kestrel, on the same store and
/// pipeline as <c>process</c>. Runs until stopped (Ctrl+C). With <c>--demo</c> an empty store is first
/// filled by <c>jeugdhulp demo</c>, the processing date defaults to the demo's, and every municipality
/// gets a demo staff account (printed; for trying the product only). With <c>--zonder-bestanden</c> answers are
/// not written as files, only kept in the outbox table for the API.
/// </summary>
internal static class ServeOpdracht
{
    public static Command Commando(Omgeving o)
    {
        var data = Opties.Data();
        var urls = Opties.Tekst("--urls", "URL", "Waar de server luistert, bijvoorbeeld http://127.0.0.1:5000 (meerdere gescheiden door ;).", verplicht: true);
        var demo = Opties.Vlag("--demo", "Vul een lege datamap eerst met de demoregio en maak demo-accounts (alleen om te proberen).");
        var today = Opties.Today($"Een vaste verwerkingsdatum (standaard vandaag in Europe/Amsterdam; met --demo {Demodatum:yyyy-MM-dd}).");
        var db = Opties.Db();
        var rules = Opties.Rules();
        var zonderBestanden = Opties.Vlag("--zonder-bestanden", "Schrijf de antwoorden niet als bestanden, alleen in de outboxtabel (voor de API).");
        var opdracht = new Command("serve", "De aanbieders-API, de gemeente-API en de backoffice-webapp op één server, tot Ctrl+C.")
        {
            data, urls, demo, today, db, rules, zonderBestanden,
        };
        var maxBericht = Opties.MaxBericht(opdracht);
        opdracht.SetAction(r => Run(
            new Webopties(r.GetValue(data)!, r.GetValue(db), r.GetValue(rules)!, r.GetValue(today) ?? (r.GetValue(demo) ? Demodatum : null), r.GetValue(zonderBestanden), r.GrootsteBericht(maxBericht)),
            r.GetValue(urls)!, r.GetValue(demo), o));
        return opdracht;
    }

    public static int Run(Webopties opties, string urls, bool demo, Omgeving o)
    {
        var (uit, fout) = (o.Uit, o.Fout);
        var bestanden = RegelMap.Lees(opties.Regels);
        if (!bestanden.TryGet(out var regelbestanden))
        {
            Opslag.Meld("serve", bestanden.Fouten, fout);
            return ExitCodes.Geweigerd;
        }

        if (demo && VulDemo(opties.Data, opties.Db, uit, fout) is var code and not ExitCodes.Ok)
        {
            return code;
        }

        var geopend = Backoffice.Open(opties, regelbestanden);
        if (!geopend.TryGet(out var backoffice))
        {
            Opslag.Meld("serve", geopend.Fouten, fout);
            return ExitCodes.Geweigerd;
        }

        using (backoffice)
        {
            var accounts = demo ? MaakDemoAccounts(backoffice) : [];
            var app = new Webapp(backoffice).Bouw(urls);
            app.Start();
            uit.WriteLine();
            uit.WriteLine($"Jeugdhulp luistert op {urls} (data: {opties.Data}, verwerkingsdatum: {backoffice.Vandaag:yyyy-MM-dd}). Stop met Ctrl+C.");
            if (demo)
            {
                Welkom(uit, urls.Split(';')[0].TrimEnd('/'), opties.Data, backoffice.Vandaag, accounts);
            }

            app.WaitForShutdown();
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// The demo region: two months (January and February 2027) of a generated region of 300 clients, so
    /// January's declarations are in and staff see a populated work queue, deadlines and charts.
    /// </summary>
    private const int DemoClienten = 300;

    private const int DemoMaanden = 2;

    /// <summary>The first werkdag after the simulated months: the demo service's processing date.</summary>
    internal static DateOnly Demodatum { get; } = new(2027, 3, 1);

    /// <summary>
    /// Generates the demo region into an empty data folder (a folder with anything in it is left alone: the
    /// generator never runs over earlier data); exit code of <c>demo</c>.
    /// </summary>
    internal static int VulDemo(string data, string? db, TextWriter uit, TextWriter fout)
    {
        if (Directory.Exists(data) && Directory.EnumerateFileSystemEntries(data).Any())
        {
            uit.WriteLine($"De map {data} bevat al gegevens; de demo wordt niet opnieuw geladen.");
            return ExitCodes.Ok;
        }

        uit.WriteLine($"De map {data} is leeg: de demoregio wordt gegenereerd ({DemoClienten} cliënten, {DemoMaanden} maanden, werkdag voor werkdag door de echte verwerking; minder dan een minuut).");
        if (RegelMap.ZoekStandaard() is not { } rules)
        {
            fout.WriteLine($"jeugdhulp serve: geen map rules/{RegelMap.StandaardRegio} gevonden voor de demo");
            return ExitCodes.Gebruik;
        }

        var code = DemoOpdracht.Genereer(data, db, rules, DemoClienten, DemoMaanden, 1, new Omgeving(uit, fout, TextReader.Null, TimeProvider.System));

        // The demo refuses some of its messages on purpose (that is what it shows): only usage errors stop serve.
        return code == ExitCodes.Gebruik ? code : ExitCodes.Ok;
    }

    /// <summary>One account per municipality of the region, user name = password prefix; never overwrites an existing account.</summary>
    internal static List<(string Gemeente, string Gebruiker)> MaakDemoAccounts(Backoffice backoffice)
    {
        var accounts = new List<(string, string)>();
        foreach (var g in backoffice.Regels.OpDatum(backoffice.Vandaag).Gemeenten.OrderBy(g => g.Naam, StringComparer.Ordinal))
        {
            var gebruiker = DemoGebruiker(g.Naam);
            if (backoffice.Store.ZoekMedewerker(gebruiker) is null)
            {
                backoffice.Store.BewaarMedewerker(gebruiker, g.Code, Wachtwoorden.Hash(DemoWachtwoord(gebruiker)));
            }

            accounts.Add((g.Naam, gebruiker));
        }

        return accounts;
    }

    /// <summary>
    /// What a newcomer needs once the demo stands: where it is, the demo accounts, and three things to try
    /// first, each a command to paste from the repository root (the same commands as the README).
    /// </summary>
    internal static void Welkom(TextWriter uit, string url, string data, DateOnly vandaag, IReadOnlyList<(string Gemeente, string Gebruiker)> accounts)
    {
        var cli = RegioOpties.CliAanroep;
        uit.WriteLine($"Demo-accounts (alleen om te proberen; maak echte accounts met '{cli} account'):");
        foreach (var (gemeente, gebruiker) in accounts)
        {
            uit.WriteLine($"  {gemeente,-16} gebruiker {gebruiker,-18} wachtwoord {DemoWachtwoord(gebruiker)}");
        }

        var eerste = accounts.Count > 0 ? accounts[0].Gebruiker : "almere";
        uit.WriteLine();
        uit.WriteLine("Probeer eerst:");
        uit.WriteLine($"  1. Open {url} en log in als {eerste} / {DemoWachtwoord(eerste)}: de Werkvoorraad toont wat op een medewerker wacht");
        uit.WriteLine("     (nieuw, vandaag uiterlijk en te laat), met de uitleg en regels van de engine; ken een verzoek toe of wijs het af.");
        var agbPad = Path.Combine(data, Regiogenerator.Voorbeeldmap, Regiogenerator.VoorbeeldAanbiederbestand);
        if (File.Exists(agbPad))
        {
            var agb = File.ReadAllText(agbPad).Trim();
            uit.WriteLine($"  2. Stuur als aanbieder {agb} een JW315 naar de API en lees het besluit (JW301) in het antwoord:");
            uit.WriteLine($"     TOKEN=$({cli} token --aanbieder {agb} --data {data} | tail -n 1)");
            uit.WriteLine($"     curl -H \"Authorization: Bearer $TOKEN\" -H \"Content-Type: application/xml\" --data-binary @{data}/{Regiogenerator.Voorbeeldmap}/jw315.xml {url}/api/v1/berichten");
            uit.WriteLine($"     (in {Path.Combine(data, Regiogenerator.Voorbeeldmap)} staan ook een JW317 en een JW323 voor de proefdeclaratie, zie LEESMIJ.txt)");
        }
        else
        {
            uit.WriteLine($"  2. Maak een API-token voor een aanbieder: {cli} token --aanbieder AGB --data {data}");
        }

        uit.WriteLine($"  3. Bekijk alle open termijnen van de regio: {cli} termijnen --data {data} --today {vandaag:yyyy-MM-dd}");
    }

    internal static string DemoGebruiker(string gemeentenaam) => gemeentenaam.ToLowerInvariant().Replace(' ', '-');

    internal static string DemoWachtwoord(string gebruiker) => gebruiker + "-demo";
}
