using System.Globalization;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Toegang;

namespace Jeugdhulp.Cli;

/// <summary>
/// <c>jeugdhulp token --data MAP [--db VERBINDING] (--aanbieder AGB | --gemeente CBS) [--omschrijving TEKST]</c>
/// makes an API token and prints it as the last line (shown once: only its hash is stored);
/// <c>--intrekken ID</c> revokes one; with neither, lists the tokens without secrets. Exit 1 when the
/// store is refused or the token to revoke does not exist, 2 for usage errors.
/// </summary>
internal static class TokenOpdracht
{
    private const string GebruikTekst = "--data MAP [--db VERBINDING] [--aanbieder AGB | --gemeente CBS [--omschrijving TEKST] | --intrekken ID]";

    public static int Run(IReadOnlyList<string> args, TextWriter uit, TextWriter fout)
    {
        var a = Argumenten.Parse(args, ["--data", "--db", "--aanbieder", "--gemeente", "--omschrijving", "--intrekken"], []);
        var data = a.Vereist("--data");
        var aanbieder = a.Optie("--aanbieder");
        var gemeente = a.Optie("--gemeente");
        var intrekken = a.Optie("--intrekken");
        if (new[] { aanbieder, gemeente, intrekken }.Count(o => o is not null) > 1)
        {
            a.Fouten.Add("geef hoogstens één van --aanbieder, --gemeente en --intrekken");
        }

        if (aanbieder is not null && !AgbCode.Parse(aanbieder).IsGeldig)
        {
            a.Fouten.Add($"--aanbieder '{aanbieder}' is geen AGB-code van 8 cijfers");
        }

        if (gemeente is not null && !Gemeentecode.Parse(gemeente).IsGeldig)
        {
            a.Fouten.Add($"--gemeente '{gemeente}' is geen CBS-gemeentecode van 4 cijfers");
        }

        long id = 0;
        if (intrekken is not null && (!long.TryParse(intrekken, NumberStyles.None, CultureInfo.InvariantCulture, out id) || id < 1))
        {
            a.Fouten.Add($"--intrekken '{intrekken}' is geen tokennummer");
        }

        if (a.Optie("--omschrijving") is not null && aanbieder is null && gemeente is null)
        {
            a.Fouten.Add("--omschrijving hoort bij --aanbieder of --gemeente");
        }

        if (a.Posities.Count > 0)
        {
            a.Fouten.Add($"onverwacht argument '{a.Posities[0]}'");
        }

        if (a.Fouten.Count > 0)
        {
            return a.MeldGebruiksfouten("token", GebruikTekst, fout);
        }

        if (Opslag.Open("token", fout, data, a.Optie("--db")) is not { } store)
        {
            return ExitCodes.Geweigerd;
        }

        using (store)
        {
            if (intrekken is not null)
            {
                var token = store.TrekApiTokenIn(id);
                if (token is null)
                {
                    fout.WriteLine($"jeugdhulp token: TOKEN-ONBEKEND: er is geen token {id}.");
                    return ExitCodes.Geweigerd;
                }

                uit.WriteLine($"Token {token.Id} ({token.Wie}) is ingetrokken op {token.IngetrokkenOp:yyyy-MM-dd HH:mm:ss} UTC; het geeft geen toegang meer.");
                return ExitCodes.Ok;
            }

            if (aanbieder is not null || gemeente is not null)
            {
                var (token, geheim) = store.MaakApiToken(aanbieder is not null ? Tokensoort.Aanbieder : Tokensoort.Gemeente,
                    aanbieder ?? gemeente!, a.Optie("--omschrijving"));
                uit.WriteLine($"Token {token.Id} voor {(token.Soort == Tokensoort.Aanbieder ? "aanbieder" : "gemeente")} {token.Code} is aangemaakt. "
                    + "Geef het veilig door: het wordt niet bewaard en niet nog eens getoond. Gebruik: 'Authorization: Bearer <token>'.");
                uit.WriteLine(geheim);
                return ExitCodes.Ok;
            }

            var lijst = store.ApiTokenLijst();
            foreach (var t in lijst)
            {
                var status = t.IngetrokkenOp is { } op ? $"ingetrokken {op:yyyy-MM-dd HH:mm}" : "geldig";
                uit.WriteLine($"{t.Id}\t{(t.Soort == Tokensoort.Aanbieder ? "aanbieder" : "gemeente")}\t{t.Code}\taangemaakt {t.AangemaaktOp:yyyy-MM-dd HH:mm}\t{status}\t{t.Omschrijving}");
            }

            uit.WriteLine($"{lijst.Count} token(s).");
            return ExitCodes.Ok;
        }
    }
}
