using System.CommandLine;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Web.Schermen;

namespace Jeugdhulp.Cli;

/// <summary>
/// <c>jeugdhulp account --data MAP --gemeente CBS --gebruiker NAAM [--rol ROL] [--wachtwoord-stdin] [--db VERBINDING] [--rules MAP]</c>:
/// creates a staff account of one municipality for the web app, or gives an existing one a new password
/// and municipality (and a new role with <c>--rol</c>; without it a new account is a medewerker and an
/// existing one keeps its role). The password is read from the first line of standard input with
/// <c>--wachtwoord-stdin</c>; otherwise one is generated and printed once. Only its hash is stored.
/// </summary>
internal static class AccountOpdracht
{
    private const int MinimaleLengte = 12;

    public static Command Commando(Omgeving o)
    {
        var data = Opties.Data();
        var db = Opties.Db();
        var rules = Opties.Rules();
        var gemeente = Opties.Waarde<Gemeentecode>("--gemeente", "CBS", "De gemeente van de medewerker (CBS-gemeentecode, 4 cijfers).", Gemeentecode.Parse, verplicht: true);
        var gebruiker = Opties.Tekst("--gebruiker", "NAAM", "De gebruikersnaam (1 tot 100 tekens, zonder spaties).", verplicht: true);
        gebruiker.Validators.Add(r =>
        {
            var naam = r.GetValueOrDefault<string?>()?.Trim() ?? "";
            if (naam.Length is 0 or > 100 || naam.Any(char.IsWhiteSpace))
            {
                r.AddError("--gebruiker: 1 tot 100 tekens, zonder spaties");
            }
        });
        var rol = Opties.Tekst("--rol", "ROL", "De rol: medewerker (standaard voor een nieuw account), teamleider, privacy of beleid; zonder --rol houdt een bestaand account zijn rol.");
        rol.AcceptOnlyFromAmong([.. Medewerkerrollen.Alle.Select(r => r.Code())]);
        var stdin = Opties.Vlag("--wachtwoord-stdin", "Lees het wachtwoord van de eerste regel van standaardinvoer (anders wordt er een gegenereerd en eenmaal getoond).");
        var opdracht = new Command("account", "Maakt een medewerkersaccount van één gemeente voor de webapp, of geeft een bestaand account een nieuw wachtwoord.")
        {
            data, gemeente, gebruiker, rol, stdin, db, rules,
        };
        opdracht.SetAction(r => Run(r.GetValue(gebruiker)!.Trim(), r.GetValue(gemeente)!.Value, r.GetValue(stdin), r.GetValue(data)!, r.GetValue(db), r.GetValue(rules)!, o,
            Medewerkerrollen.Lees(r.GetValue(rol))));
        return opdracht;
    }

    /// <summary>Creates or updates the account; with <paramref name="wachtwoordStdin"/> the password is the first line of <see cref="Omgeving.Invoer"/>.</summary>
    public static int Run(string gebruiker, Gemeentecode gemeente, bool wachtwoordStdin, string data, string? db, string rules, Omgeving o,
        Medewerkerrol? rol = null)
    {
        var (invoer, uit, fout) = (o.Invoer, o.Uit, o.Fout);
        if (Opslag.LaadRegels("account", rules, fout) is not { } regels)
        {
            return ExitCodes.Geweigerd;
        }

        if (!regels.Gemeenten.Any(g => g.Code == gemeente))
        {
            fout.WriteLine($"jeugdhulp account: gemeente {gemeente} hoort niet bij de regio {regels.Regio} (zie jeugdhulp regels).");
            return ExitCodes.Geweigerd;
        }

        string wachtwoord;
        var gegenereerd = !wachtwoordStdin;
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

        if (Opslag.Open("account", fout, data, db) is not { } store)
        {
            return ExitCodes.Geweigerd;
        }

        using (store)
        {
            var nieuw = store.BewaarMedewerker(gebruiker, gemeente, Wachtwoorden.Hash(wachtwoord), rol);
            var naam = regels.Gemeenten.First(g => g.Code == gemeente).Naam;
            var metRol = store.ZoekMedewerker(gebruiker)!.Rol.Code();
            uit.WriteLine($"Account '{gebruiker}' ({metRol}) van gemeente {gemeente} {naam} {(nieuw ? "aangemaakt" : "bijgewerkt (nieuw wachtwoord)")}.");
            if (gegenereerd)
            {
                uit.WriteLine($"Wachtwoord: {wachtwoord}");
                uit.WriteLine("Geef het veilig door; het wordt niet bewaard en is later niet op te vragen.");
            }
        }

        return ExitCodes.Ok;
    }
}
