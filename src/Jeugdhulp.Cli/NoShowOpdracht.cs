using System.Globalization;
using Jeugdhulp.Core.NoShow;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.NoShow;

namespace Jeugdhulp.Cli;

/// <summary>
/// <c>jeugdhulp noshow --data MAP --aanbieder AGB --toewijzing NR --bsn BSN --datum yyyy-mm-dd [--product CODE]
/// [--gemeente CODE] [--rules MAP] [--today yyyy-mm-dd] [--db VERBINDING]</c>: a provider registers a no-show
/// (HK-323-4). Prints which no-show this is for the client and product in that year and what follows
/// (HK-NS-1..3). Facts only (HK-NS-4): there is no option for free text. Exit 1 when refused, 2 for usage.
/// </summary>
internal static class NoShowOpdracht
{
    private const string GebruikTekst =
        "--data MAP --aanbieder AGB --toewijzing NR --bsn BSN --datum yyyy-mm-dd [--product CODE] [--gemeente CODE] [--rules MAP] [--today yyyy-mm-dd] [--db VERBINDING]";

    public static int Run(IReadOnlyList<string> args, TextWriter uit, TextWriter fout)
    {
        var a = Argumenten.Parse(args, ["--data", "--db", "--rules", "--today", "--aanbieder", "--toewijzing", "--bsn", "--datum", "--product", "--gemeente"], []);
        var data = a.Vereist("--data");
        var aanbieder = Waarde(a, "--aanbieder", AgbCode.Parse);
        var bsn = Waarde(a, "--bsn", Bsn.Parse);
        var datum = a.Vereist("--datum") is { Length: > 0 } d ? a.Datum(d, "--datum") : null;
        var nummer = a.Vereist("--toewijzing") is { Length: > 0 } n ? Nummer(a, n) : null;
        var product = a.Optie("--product") is { } p ? Waarde(a, "--product", ProductCode.Parse) : null;
        var gemeente = a.Optie("--gemeente") is { } g ? Waarde(a, "--gemeente", Gemeentecode.Parse) : null;
        var vandaag = a.Optie("--today") is { } t ? a.Datum(t, "--today") : DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
        var rules = a.Optie("--rules") ?? RegelMap.ZoekStandaard();
        if (rules is null)
        {
            a.Fouten.Add($"geen map rules/{RegelMap.StandaardRegio} gevonden; geef --rules MAP");
        }

        if (a.Posities.Count > 0)
        {
            a.Fouten.Add($"onverwacht argument '{a.Posities[0]}'");
        }

        if (a.Fouten.Count > 0 || aanbieder is null || bsn is null || datum is null || nummer is null || vandaag is null || rules is null)
        {
            return a.MeldGebruiksfouten("noshow", GebruikTekst, fout);
        }

        if (Opslag.LaadRegels("noshow", rules, fout) is not { } catalogus)
        {
            return ExitCodes.Geweigerd;
        }

        if (Opslag.Open("noshow", fout, data, a.Optie("--db"), a.Optie("--today") is null ? null : vandaag) is not { } store)
        {
            return ExitCodes.Geweigerd;
        }

        using (store)
        {
            var melding = new NoShowMelding(aanbieder.Value, bsn.Value, nummer.Value, datum.Value, product);
            var resultaat = store.RegistreerNoShow(melding, gemeente, catalogus, vandaag.Value);
            if (!resultaat.TryGet(out var r))
            {
                Opslag.Meld("noshow", resultaat.Fouten, fout);
                return ExitCodes.Geweigerd;
            }

            var u = r.Uitslag;
            uit.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"No-show {u.Volgnummer} van {u.Jaar} op {u.Product} voor cliënt {bsn.Value.Gemaskeerd}, toewijzing {nummer} (gemeente {r.Gemeente}), {datum:yyyy-MM-dd}: geregistreerd (id {r.Id})."));
            uit.WriteLine($"Vervolg [{u.Regel}]: {u.Vervolg}");
            return ExitCodes.Ok;
        }
    }

    private static T? Waarde<T>(Argumenten a, string optie, Func<string, Resultaat<T>> parse)
        where T : struct
    {
        var tekst = optie is "--aanbieder" or "--bsn" ? a.Vereist(optie) : a.Optie(optie);
        if (string.IsNullOrEmpty(tekst))
        {
            return null;
        }

        var r = parse(tekst);
        if (r.TryGet(out var w))
        {
            return w;
        }

        // The message names the option, never the value of a BSN.
        a.Fouten.Add($"{optie}: {string.Join("; ", r.Fouten.Select(f => f.Melding.Replace(tekst, optie == "--bsn" ? "(bsn)" : tekst, StringComparison.Ordinal)))}");
        return null;
    }

    internal static int? Nummer(Argumenten a, string tekst)
    {
        if (int.TryParse(tekst, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            return n;
        }

        a.Fouten.Add($"--toewijzing '{tekst}' is geen ToewijzingNummer");
        return null;
    }
}
