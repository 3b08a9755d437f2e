using System.Globalization;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Toegang;

namespace Jeugdhulp.Cli;

/// <summary>
/// <c>jeugdhulp token --data MAP [--db VERBINDING] (--aanbieder AGB | --gemeente CBS) [--omschrijving TEKST] [--geldig DAGEN]</c>
/// makes an API token and prints it as the last line (shown once: only its hash is stored), valid for one
/// year unless <c>--geldig</c> says otherwise; <c>--vernieuwen ID [--overgang DAGEN]</c> rotates one (a new
/// secret for the same holder; the old one runs out after the overlap, default 7 days); <c>--intrekken ID</c>
/// revokes one; with none of these, lists the tokens with their expiry, without secrets. Exit 1 when the
/// store is refused or the token to revoke or rotate does not exist, 2 for usage errors.
/// </summary>
internal static class TokenOpdracht
{
    private const string GebruikTekst =
        "--data MAP [--db VERBINDING] [--aanbieder AGB | --gemeente CBS [--omschrijving TEKST] [--geldig DAGEN] | --vernieuwen ID [--overgang DAGEN] [--geldig DAGEN] | --intrekken ID]";

    /// <summary>How long a rotated token keeps working beside its successor unless <c>--overgang</c> says otherwise.</summary>
    private const int StandaardOvergangDagen = 7;

    public static int Run(IReadOnlyList<string> args, TextWriter uit, TextWriter fout)
    {
        var a = Argumenten.Parse(args, ["--data", "--db", "--aanbieder", "--gemeente", "--omschrijving", "--intrekken", "--vernieuwen", "--geldig", "--overgang"], []);
        var data = a.Vereist("--data");
        var aanbieder = a.Optie("--aanbieder");
        var gemeente = a.Optie("--gemeente");
        var intrekken = a.Optie("--intrekken");
        var vernieuwen = a.Optie("--vernieuwen");
        if (new[] { aanbieder, gemeente, intrekken, vernieuwen }.Count(o => o is not null) > 1)
        {
            a.Fouten.Add("geef hoogstens één van --aanbieder, --gemeente, --vernieuwen en --intrekken");
        }

        var geldig = Dagen(a, "--geldig", 1);
        if (geldig is not null && aanbieder is null && gemeente is null && vernieuwen is null)
        {
            a.Fouten.Add("--geldig hoort bij --aanbieder, --gemeente of --vernieuwen");
        }

        var overgang = Dagen(a, "--overgang", 0) ?? TimeSpan.FromDays(StandaardOvergangDagen);
        if (a.Optie("--overgang") is not null && vernieuwen is null)
        {
            a.Fouten.Add("--overgang hoort bij --vernieuwen");
        }

        long vernieuwId = 0;
        if (vernieuwen is not null && (!long.TryParse(vernieuwen, NumberStyles.None, CultureInfo.InvariantCulture, out vernieuwId) || vernieuwId < 1))
        {
            a.Fouten.Add($"--vernieuwen '{vernieuwen}' is geen tokennummer");
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

            if (vernieuwen is not null)
            {
                if (store.VernieuwApiToken(vernieuwId, overgang, geldig) is not { } vernieuwd)
                {
                    fout.WriteLine($"jeugdhulp token: TOKEN-ONBEKEND: er is geen geldig token {vernieuwId} (een ingetrokken of verlopen token vervangt u met een nieuw).");
                    return ExitCodes.Geweigerd;
                }

                var oud = store.ApiTokenLijst().Single(t => t.Id == vernieuwId);
                uit.WriteLine($"Token {vernieuwId} werkt nog tot {oud.VerlooptOp:yyyy-MM-dd HH:mm} UTC; daarna alleen het nieuwe.");
                return Toon(uit, vernieuwd.Token, vernieuwd.Geheim);
            }

            if (aanbieder is not null || gemeente is not null)
            {
                var (token, geheim) = store.MaakApiToken(aanbieder is not null ? Tokensoort.Aanbieder : Tokensoort.Gemeente,
                    aanbieder ?? gemeente!, a.Optie("--omschrijving"), geldig);
                return Toon(uit, token, geheim);
            }

            var lijst = store.ApiTokenLijst();
            var nu = DateTimeOffset.UtcNow;
            foreach (var t in lijst)
            {
                var status = t.IngetrokkenOp is { } op ? $"ingetrokken {op:yyyy-MM-dd HH:mm}"
                    : t.VerlooptOp <= nu ? $"verlopen {t.VerlooptOp:yyyy-MM-dd HH:mm}"
                    : $"geldig, verloopt {t.VerlooptOp:yyyy-MM-dd HH:mm}";
                uit.WriteLine($"{t.Id}\t{(t.Soort == Tokensoort.Aanbieder ? "aanbieder" : "gemeente")}\t{t.Code}\taangemaakt {t.AangemaaktOp:yyyy-MM-dd HH:mm}\t{status}\t{t.Omschrijving}");
            }

            uit.WriteLine($"{lijst.Count} token(s).");
            return ExitCodes.Ok;
        }
    }

    private static int Toon(TextWriter uit, ApiToken token, string geheim)
    {
        uit.WriteLine($"Token {token.Id} voor {(token.Soort == Tokensoort.Aanbieder ? "aanbieder" : "gemeente")} {token.Code} is aangemaakt, "
            + $"geldig tot {token.VerlooptOp:yyyy-MM-dd HH:mm} UTC. "
            + "Geef het veilig door: het wordt niet bewaard en niet nog eens getoond. Gebruik: 'Authorization: Bearer <token>'.");
        uit.WriteLine(geheim);
        return ExitCodes.Ok;
    }

    /// <summary>A whole number of days of at least <paramref name="minimum"/>, null when the option is absent; a usage error otherwise.</summary>
    private static TimeSpan? Dagen(Argumenten a, string optie, int minimum)
    {
        if (a.Optie(optie) is not { } tekst)
        {
            return null;
        }

        if (int.TryParse(tekst, NumberStyles.None, CultureInfo.InvariantCulture, out var dagen) && dagen >= minimum && dagen <= 3650)
        {
            return TimeSpan.FromDays(dagen);
        }

        a.Fouten.Add($"{optie} '{tekst}' is geen aantal dagen van {minimum} tot en met 3650");
        return null;
    }
}
