using Jeugdhulp.Core.Regels;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Web;
using Jeugdhulp.Web.Schermen;

namespace Jeugdhulp.Cli;

/// <summary>
/// <c>jeugdhulp serve --data MAP --urls URL [--demo] [--today yyyy-mm-dd] [--db VERBINDING] [--rules MAP]</c>: the
/// provider API, the municipality API and the backoffice web app on Kestrel, on the same store and
/// pipeline as <c>process</c>. Runs until stopped (Ctrl+C). With <c>--demo</c> an empty store is first
/// filled by <c>jeugdhulp demo</c>, the processing date defaults to the demo's, and every municipality
/// gets a demo staff account (printed; for trying the product only).
/// </summary>
internal static class ServeOpdracht
{
    private const string GebruikTekst = "--data MAP --urls URL [--demo] [--today yyyy-mm-dd] [--db VERBINDING] [--rules MAP]";

    public static int Run(IReadOnlyList<string> args, TextWriter uit, TextWriter fout)
    {
        var a = Argumenten.Parse(args, ["--data", "--urls", "--today", "--db", "--rules"], ["--demo"]);
        var data = a.Vereist("--data");
        var urls = a.Vereist("--urls");
        var demo = a.Vlag("--demo");
        var vandaag = a.Optie("--today") is { } t ? a.Datum(t, "--today")
            : demo ? DateOnly.ParseExact(DemoOpdracht.Verwerkingsdatum, "yyyy-MM-dd") : null;
        var rules = a.Optie("--rules") ?? RegelMap.ZoekStandaard();
        if (rules is null)
        {
            a.Fouten.Add($"geen map rules/{RegelMap.StandaardRegio} gevonden; geef --rules MAP");
        }

        if (a.Posities.Count > 0)
        {
            a.Fouten.Add($"onverwacht argument '{a.Posities[0]}'");
        }

        if (a.Fouten.Count > 0 || rules is null)
        {
            return a.MeldGebruiksfouten("serve", GebruikTekst, fout);
        }

        var bestanden = RegelMap.Lees(rules);
        if (!bestanden.TryGet(out var regelbestanden))
        {
            Opslag.Meld("serve", bestanden.Fouten, fout);
            return ExitCodes.Geweigerd;
        }

        if (demo && VulDemo(data, a.Optie("--db"), regelbestanden, uit, fout) is var code and not ExitCodes.Ok)
        {
            return code;
        }

        var geopend = Backoffice.Open(new Webopties(data, a.Optie("--db"), rules, vandaag), regelbestanden);
        if (!geopend.TryGet(out var backoffice))
        {
            Opslag.Meld("serve", geopend.Fouten, fout);
            return ExitCodes.Geweigerd;
        }

        using (backoffice)
        {
            if (demo)
            {
                MaakDemoAccounts(backoffice, uit);
            }

            var app = new Webapp(backoffice).Bouw(urls);
            uit.WriteLine($"Jeugdhulp luistert op {urls} (data: {data}, verwerkingsdatum: {backoffice.Vandaag:yyyy-MM-dd}). Stop met Ctrl+C.");
            app.Run();
        }

        return ExitCodes.Ok;
    }

    /// <summary>The demo data into an empty store (a store with data is left alone); exit code of <c>demo</c>.</summary>
    internal static int VulDemo(string data, string? db, IReadOnlyList<RegelBestand> regels, TextWriter uit, TextWriter fout)
    {
        var geopend = Opslag.Open(data, db);
        if (!geopend.TryGet(out var store))
        {
            Opslag.Meld("serve", geopend.Fouten, fout);
            return ExitCodes.Geweigerd;
        }

        bool leeg;
        using (store)
        {
            leeg = store.IsLeeg();
        }

        if (!leeg)
        {
            uit.WriteLine($"De store in {data} bevat al gegevens; de demo wordt niet opnieuw geladen.");
            return ExitCodes.Ok;
        }

        string[] dbArg = db is null ? [] : ["--db", db];
        var code = DemoOpdracht.Run(["--data", data, .. dbArg], uit, fout);

        // The demo refuses some of its messages on purpose (that is what it shows): only usage errors stop serve.
        return code == ExitCodes.Gebruik ? code : ExitCodes.Ok;
    }

    /// <summary>One account per municipality of the region, user name = password prefix; never overwrites an existing account.</summary>
    internal static void MaakDemoAccounts(Backoffice backoffice, TextWriter uit)
    {
        uit.WriteLine("Demo-accounts (alleen om te proberen; maak echte accounts met 'jeugdhulp account'):");
        foreach (var g in backoffice.Regels.OpDatum(backoffice.Vandaag).Gemeenten.OrderBy(g => g.Naam, StringComparer.Ordinal))
        {
            var gebruiker = DemoGebruiker(g.Naam);
            if (backoffice.Store.ZoekMedewerker(gebruiker) is null)
            {
                backoffice.Store.BewaarMedewerker(gebruiker, g.Code, Wachtwoorden.Hash(DemoWachtwoord(gebruiker)));
            }

            uit.WriteLine($"  {g.Naam,-16} gebruiker {gebruiker,-18} wachtwoord {DemoWachtwoord(gebruiker)}");
        }
    }

    internal static string DemoGebruiker(string gemeentenaam) => gemeentenaam.ToLowerInvariant().Replace(' ', '-');

    internal static string DemoWachtwoord(string gebruiker) => gebruiker + "-demo";
}
