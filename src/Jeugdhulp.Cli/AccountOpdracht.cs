using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Web.Schermen;

namespace Jeugdhulp.Cli;

/// <summary>
/// <c>jeugdhulp account --data MAP --gemeente CBS --gebruiker NAAM [--wachtwoord-stdin] [--db VERBINDING] [--rules MAP]</c>:
/// creates a staff account of one municipality for the web app, or gives an existing one a new password
/// and municipality. The password is read from the first line of standard input with
/// <c>--wachtwoord-stdin</c>; otherwise one is generated and printed once. Only its hash is stored.
/// </summary>
internal static class AccountOpdracht
{
    private const string GebruikTekst = "--data MAP --gemeente CBS --gebruiker NAAM [--wachtwoord-stdin] [--db VERBINDING] [--rules MAP]";
    private const int MinimaleLengte = 12;

    public static int Run(IReadOnlyList<string> args, TextWriter uit, TextWriter fout) => Run(args, Console.In, uit, fout);

    internal static int Run(IReadOnlyList<string> args, TextReader invoer, TextWriter uit, TextWriter fout)
    {
        var a = Argumenten.Parse(args, ["--data", "--db", "--gemeente", "--gebruiker", "--rules"], ["--wachtwoord-stdin"]);
        var data = a.Vereist("--data");
        var gebruiker = a.Vereist("--gebruiker").Trim();
        var gemeenteTekst = a.Vereist("--gemeente");
        var rules = a.Optie("--rules") ?? RegelMap.ZoekStandaard();
        if (rules is null)
        {
            a.Fouten.Add($"geen map rules/{RegelMap.StandaardRegio} gevonden; geef --rules MAP");
        }

        if (a.Optie("--gebruiker") is not null && (gebruiker.Length is 0 or > 100 || gebruiker.Any(char.IsWhiteSpace)))
        {
            a.Fouten.Add("--gebruiker: 1 tot 100 tekens, zonder spaties");
        }

        var gemeente = Gemeentecode.Parse(gemeenteTekst);
        if (a.Optie("--gemeente") is not null && !gemeente.IsGeldig)
        {
            a.Fouten.Add($"--gemeente '{gemeenteTekst}' is geen CBS-gemeentecode (4 cijfers)");
        }

        if (a.Posities.Count > 0)
        {
            a.Fouten.Add($"onverwacht argument '{a.Posities[0]}'");
        }

        if (a.Fouten.Count > 0 || rules is null || !gemeente.IsGeldig)
        {
            return a.MeldGebruiksfouten("account", GebruikTekst, fout);
        }

        if (Opslag.LaadRegels("account", rules, fout) is not { } regels)
        {
            return ExitCodes.Geweigerd;
        }

        if (!regels.Gemeenten.Any(g => g.Code == gemeente.Waarde))
        {
            fout.WriteLine($"jeugdhulp account: gemeente {gemeente.Waarde} hoort niet bij de regio {regels.Regio} (zie jeugdhulp regels).");
            return ExitCodes.Geweigerd;
        }

        string wachtwoord;
        var gegenereerd = !a.Vlag("--wachtwoord-stdin");
        if (gegenereerd)
        {
            wachtwoord = Wachtwoorden.Genereer();
        }
        else
        {
            wachtwoord = invoer.ReadLine() ?? "";
            if (wachtwoord.Length < MinimaleLengte)
            {
                fout.WriteLine($"jeugdhulp account: het wachtwoord op standaardinvoer is korter dan {MinimaleLengte} tekens; er is niets opgeslagen.");
                return ExitCodes.Geweigerd;
            }
        }

        if (Opslag.Open("account", fout, data, a.Optie("--db")) is not { } store)
        {
            return ExitCodes.Geweigerd;
        }

        using (store)
        {
            var nieuw = store.BewaarMedewerker(gebruiker, gemeente.Waarde, Wachtwoorden.Hash(wachtwoord));
            var naam = regels.Gemeenten.First(g => g.Code == gemeente.Waarde).Naam;
            uit.WriteLine($"Account '{gebruiker}' van gemeente {gemeente.Waarde} {naam} {(nieuw ? "aangemaakt" : "bijgewerkt (nieuw wachtwoord)")}.");
            if (gegenereerd)
            {
                uit.WriteLine($"Wachtwoord: {wachtwoord}");
                uit.WriteLine("Geef het veilig door; het wordt niet bewaard en is later niet op te vragen.");
            }
        }

        return ExitCodes.Ok;
    }
}
