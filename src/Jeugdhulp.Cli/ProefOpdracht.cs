using System.Globalization;
using Jeugdhulp.Ijw.Lezen;
using Jeugdhulp.Ijw.Schrijven;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Cli;

/// <summary>
/// <c>jeugdhulp process --proef --data MAP [--db VERBINDING] [--rules MAP] [--today yyyy-mm-dd] [--xml] BESTAND...</c>:
/// the provider's pre-check of JW323 and JW315 files. Prints per JW323 what the JW325 would say — per refused
/// prestatie the retour code, the rule and a Dutch reason — and with <c>--xml</c> the JW325 itself; per JW315
/// the decision on every request line with the engine's explanation and signals (such as HK-ROUTE-1 from the
/// verwijsdatum in the Commentaar). Nothing is journalled, booked, allocated or written (<see cref="Proefnemen"/>).
/// Exit 0 when everything would be approved, 1 when anything would not be (or a file is invalid), 2 for usage errors.
/// </summary>
internal static class ProefOpdracht
{
    private const string GebruikTekst = "--proef --data MAP [--db VERBINDING] [--rules MAP] [--today yyyy-mm-dd] [--max-bericht-mb N] [--xml] BESTAND...";

    public static int Run(IReadOnlyList<string> args, TextWriter uit, TextWriter fout)
    {
        var a = Argumenten.Parse(args, ["--data", "--db", "--rules", "--today", Berichtgrootte.Optie], ["--proef", "--xml"]);
        var maxBytes = Invoerbestand.MaxBytes(a);
        var data = a.Vereist("--data");
        var vandaag = a.Optie("--today") is { } t ? a.Datum(t, "--today") : DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
        var rules = a.Optie("--rules") ?? RegelMap.ZoekStandaard();
        if (rules is null)
        {
            a.Fouten.Add($"geen map rules/{RegelMap.StandaardRegio} gevonden; geef --rules MAP");
        }

        if (a.Posities.Count == 0)
        {
            a.Fouten.Add("geef minstens één JW323- of JW315-bestand");
        }

        if (a.Fouten.Count > 0 || vandaag is null || rules is null)
        {
            return a.MeldGebruiksfouten("process --proef", GebruikTekst, fout);
        }

        if (Opslag.LaadRegels("process --proef", rules, fout) is not { } catalogus)
        {
            return ExitCodes.Geweigerd;
        }

        // A pre-check reads the municipality's data; it never creates a store (or an audit key) where there is none.
        if (string.IsNullOrWhiteSpace(a.Optie("--db")) && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Store.StoreOpties.DbVariabele)) &&
            !File.Exists(Path.Combine(data, Store.StoreOpties.SqliteBestand)))
        {
            fout.WriteLine($"jeugdhulp process --proef: STORE-DATA: in {data} staat geen database ({Store.StoreOpties.SqliteBestand}); een proef leest bestaande gegevens en maakt niets aan.");
            return ExitCodes.Geweigerd;
        }

        if (Opslag.Open("process --proef", fout, data, a.Optie("--db")) is not { } store)
        {
            return ExitCodes.Geweigerd;
        }

        using (store)
        {
            var geweigerd = false;
            foreach (var bestand in a.Posities)
            {
                var gelezen = Invoerbestand.Lees(bestand, maxBytes);
                if (!gelezen.TryGet(out var inhoud))
                {
                    uit.WriteLine($"{bestand}: invalid");
                    foreach (var f in gelezen.Fouten)
                    {
                        uit.WriteLine("  " + Tekstregel.Enkel(f.ToString()));
                    }

                    geweigerd = true;
                    continue;
                }

                var (verzoek, declaratie) = store.ProefBestand(inhoud, catalogus, vandaag.Value);
                if (verzoek is not null)
                {
                    geweigerd |= verzoek.Uitkomst != Uitkomsten.Approved;
                    uit.WriteLine($"{bestand}: {verzoek.Uitkomst} (proef: niets vastgelegd, toegewezen of verstuurd)");
                    foreach (var m in verzoek.Meldingen)
                    {
                        uit.WriteLine("  " + Tekstregel.Enkel(m));
                    }

                    continue;
                }

                var proef = declaratie!;
                var antwoord = proef.Jw325?.DeclaratieAntwoord;
                geweigerd |= proef.Uitkomst != Uitkomsten.Accepted;
                uit.WriteLine($"{bestand}: {proef.Uitkomst} (proef: niets geboekt of verstuurd)");
                foreach (var m in proef.Meldingen)
                {
                    uit.WriteLine("  " + Tekstregel.Enkel(m));
                }

                if (proef.Jw325 is { } jw325)
                {
                    uit.WriteLine(antwoord is null
                        ? $"  JW325: alleen de header, retourcode {string.Join(",", jw325.Header.RetourCodes ?? [])} (technisch afgekeurd)"
                        : string.Create(CultureInfo.InvariantCulture,
                            $"  JW325: declaratie {antwoord.DeclaratieNummer} retourcode {string.Join(",", antwoord.RetourCodes)}, ingediend {antwoord.TotaalIngediendBedrag.Bedrag} {antwoord.TotaalIngediendBedrag.DebetCredit}, toegekend {antwoord.TotaalToegekendBedrag.Bedrag} {antwoord.TotaalToegekendBedrag.DebetCredit} (eurocent)"));
                    if (a.Vlag("--xml"))
                    {
                        uit.WriteLine(System.Text.Encoding.UTF8.GetString(IjwSchrijver.Schrijf(jw325)));
                    }
                }
            }

            return geweigerd ? ExitCodes.Geweigerd : ExitCodes.Ok;
        }
    }
}
