using Jeugdhulp.Web;

namespace Jeugdhulp.Cli;

/// <summary>
/// <c>jeugdhulp serve --data MAP --urls URL [--today yyyy-mm-dd] [--db VERBINDING] [--rules MAP]</c>: the
/// provider API, the municipality API and the backoffice web app on Kestrel, on the same store and
/// pipeline as <c>process</c>. Runs until stopped (Ctrl+C).
/// </summary>
internal static class ServeOpdracht
{
    private const string GebruikTekst = "--data MAP --urls URL [--today yyyy-mm-dd] [--db VERBINDING] [--rules MAP]";

    public static int Run(IReadOnlyList<string> args, TextWriter uit, TextWriter fout)
    {
        var a = Argumenten.Parse(args, ["--data", "--urls", "--today", "--db", "--rules"], []);
        var data = a.Vereist("--data");
        var urls = a.Vereist("--urls");
        var vandaag = a.Optie("--today") is { } t ? a.Datum(t, "--today") : null;
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

        var geopend = Backoffice.Open(new Webopties(data, a.Optie("--db"), rules, vandaag), regelbestanden);
        if (!geopend.TryGet(out var backoffice))
        {
            Opslag.Meld("serve", geopend.Fouten, fout);
            return ExitCodes.Geweigerd;
        }

        using (backoffice)
        {
            var app = new Webapp(backoffice).Bouw(urls);
            uit.WriteLine($"Jeugdhulp luistert op {urls} (data: {data}, verwerkingsdatum: {backoffice.Vandaag:yyyy-MM-dd}). Stop met Ctrl+C.");
            app.Run();
        }

        return ExitCodes.Ok;
    }
}
