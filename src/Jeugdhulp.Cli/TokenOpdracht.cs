using System.CommandLine;
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
    /// <summary>How long a rotated token keeps working beside its successor unless <c>--overgang</c> says otherwise.</summary>
    private const int StandaardOvergangDagen = 7;

    public static Command Commando(Omgeving o)
    {
        var data = Opties.Data();
        var db = Opties.Db();
        var aanbieder = Opties.Waarde<AgbCode>("--aanbieder", "AGB", "Maak een token voor deze aanbieder.", AgbCode.Parse);
        var gemeente = Opties.Waarde<Gemeentecode>("--gemeente", "CBS", "Maak een token voor deze gemeente.", Gemeentecode.Parse);
        var omschrijving = Opties.Tekst("--omschrijving", "TEKST", "Waarvoor het nieuwe token is.");
        var geldig = Dagen("--geldig", 1, "Hoeveel dagen het nieuwe token geldig is (standaard een jaar).");
        var vernieuwen = Tokennummer("--vernieuwen", "Vervang dit token door een nieuw geheim voor dezelfde houder.");
        var overgang = Dagen("--overgang", 0, $"Hoeveel dagen het oude token na --vernieuwen nog werkt (standaard {StandaardOvergangDagen}).");
        var intrekken = Tokennummer("--intrekken", "Trek dit token in.");
        var opdracht = new Command("token", "Maakt, vernieuwt of trekt een API-token in; zonder opties: de lijst van tokens, zonder geheimen.")
        {
            data, db, aanbieder, gemeente, omschrijving, geldig, vernieuwen, overgang, intrekken,
        };
        opdracht.Controle(r => new Option[] { aanbieder, gemeente, intrekken, vernieuwen }.Count(x => r.GetResult(x) is not null) > 1
            ? "geef hoogstens één van --aanbieder, --gemeente, --vernieuwen en --intrekken" : null);
        opdracht.Controle(r => r.GetResult(geldig) is not null && new Option[] { aanbieder, gemeente, vernieuwen }.All(x => r.GetResult(x) is null)
            ? "--geldig hoort bij --aanbieder, --gemeente of --vernieuwen" : null);
        opdracht.Controle(r => r.GetResult(overgang) is not null && r.GetResult(vernieuwen) is null ? "--overgang hoort bij --vernieuwen" : null);
        opdracht.Controle(r => r.GetResult(omschrijving) is not null && r.GetResult(aanbieder) is null && r.GetResult(gemeente) is null
            ? "--omschrijving hoort bij --aanbieder of --gemeente" : null);
        opdracht.SetAction(r => Run(
            r.GetValue(data)!, r.GetValue(db),
            r.GetValue(aanbieder) is { } agb ? (Tokensoort.Aanbieder, agb.Waarde) : r.GetValue(gemeente) is { } cbs ? (Tokensoort.Gemeente, cbs.Waarde) : null,
            r.GetValue(omschrijving), r.GetValue(geldig), r.GetValue(vernieuwen), r.GetValue(overgang) ?? TimeSpan.FromDays(StandaardOvergangDagen), r.GetValue(intrekken), o));
        return opdracht;
    }

    /// <summary>
    /// Makes a token for <paramref name="houder"/>, or rotates <paramref name="vernieuwen"/>, or revokes
    /// <paramref name="intrekken"/>; with none of them lists the tokens.
    /// </summary>
    public static int Run(string data, string? db, (Tokensoort Soort, string Code)? houder, string? omschrijving, TimeSpan? geldig,
        long? vernieuwen, TimeSpan overgang, long? intrekken, Omgeving o)
    {
        var (uit, fout) = (o.Uit, o.Fout);
        if (Opslag.Open("token", fout, data, db) is not { } store)
        {
            return ExitCodes.Geweigerd;
        }

        using (store)
        {
            if (intrekken is { } id)
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

            if (vernieuwen is { } vernieuwId)
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

            if (houder is { } h)
            {
                var (token, geheim) = store.MaakApiToken(h.Soort, h.Code, omschrijving, geldig);
                return Toon(uit, token, geheim);
            }

            var lijst = store.ApiTokenLijst();
            var nu = o.Klok.GetUtcNow();
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

    /// <summary>A whole number of days from <paramref name="minimum"/> to 3650.</summary>
    private static Option<TimeSpan?> Dagen(string naam, int minimum, string beschrijving) => new(naam)
    {
        HelpName = "DAGEN",
        Description = beschrijving,
        CustomParser = r =>
        {
            var tekst = r.Tokens[0].Value;
            if (int.TryParse(tekst, NumberStyles.None, CultureInfo.InvariantCulture, out var dagen) && dagen >= minimum && dagen <= 3650)
            {
                return TimeSpan.FromDays(dagen);
            }

            r.AddError($"{naam} '{tekst}' is geen aantal dagen van {minimum} tot en met 3650");
            return null;
        },
    };

    private static Option<long?> Tokennummer(string naam, string beschrijving) => new(naam)
    {
        HelpName = "ID",
        Description = beschrijving,
        CustomParser = r =>
        {
            var tekst = r.Tokens[0].Value;
            if (long.TryParse(tekst, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id >= 1)
            {
                return id;
            }

            r.AddError($"{naam} '{tekst}' is geen tokennummer");
            return null;
        },
    };
}
