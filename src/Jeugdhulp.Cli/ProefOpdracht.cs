using System.CommandLine;
using System.Globalization;
using Jeugdhulp.Ijw.Schrijven;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Cli;

/// <summary>
/// <c>jeugdhulp proef --data MAP [--db VERBINDING] [--rules MAP] [--today yyyy-mm-dd] [--xml] BESTAND...</c>:
/// the provider's pre-check of JW323 and JW315 files. Prints per JW323 what the JW325 would say — per refused
/// prestatie the retour code, the rule and a Dutch reason — and with <c>--xml</c> the JW325 itself; per JW315
/// the decision on every request line with the engine's explanation and signals (such as HK-ROUTE-1 from the
/// verwijsdatum in the Commentaar). Nothing is journalled, booked, allocated or written (<see cref="Proefnemen"/>).
/// The old spelling <c>process --proef</c> still works (<see cref="Program"/>).
/// Exit 0 when everything would be approved, 1 when anything would not be (or a file is invalid), 2 for usage errors.
/// </summary>
internal static class ProefOpdracht
{
    public static Command Commando(Omgeving o)
    {
        var data = Opties.Data();
        var db = Opties.Db();
        var rules = Opties.Rules();
        var today = Opties.Today();
        var xml = Opties.Vlag("--xml", "Toon ook de JW325 zelf.");
        var opdracht = new Command("proef", "De proef van de aanbieder: wat de JW325 of het besluit op een JW323 of JW315 zou zijn; legt niets vast en verstuurt niets.")
        {
            data, db, rules, today, xml,
        };
        var maxBericht = Opties.MaxBericht(opdracht);
        var bestanden = Opties.Paden(opdracht, "BESTAND", "JW323- en JW315-berichten.", "geef minstens één JW323- of JW315-bestand");
        opdracht.SetAction(r => Run(r.GetValue(bestanden)!, r.GetValue(data)!, r.GetValue(db), r.GetValue(rules)!, o.Vandaag(r.GetValue(today)), r.GrootsteBericht(maxBericht), r.GetValue(xml), o.Uit, o.Fout));
        return opdracht;
    }

    public static int Run(IReadOnlyList<string> bestanden, string data, string? db, string rules, DateOnly vandaag, long maxBytes, bool xml, TextWriter uit, TextWriter fout)
    {
        if (Opslag.LaadRegels("proef", rules, fout) is not { } catalogus)
        {
            return ExitCodes.Geweigerd;
        }

        // A pre-check reads the municipality's data; it never creates a store (or an audit key) where there is none.
        if (string.IsNullOrWhiteSpace(db) && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Store.StoreOpties.DbVariabele)) &&
            !File.Exists(Path.Combine(data, Store.StoreOpties.SqliteBestand)))
        {
            fout.WriteLine($"jeugdhulp proef: STORE-DATA: in {data} staat geen database ({Store.StoreOpties.SqliteBestand}); een proef leest bestaande gegevens en maakt niets aan.");
            return ExitCodes.Geweigerd;
        }

        if (Opslag.Open("proef", fout, data, db) is not { } store)
        {
            return ExitCodes.Geweigerd;
        }

        using (store)
        {
            var geweigerd = false;
            foreach (var bestand in bestanden)
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

                var (verzoek, declaratie) = store.ProefBestand(inhoud, catalogus, vandaag);
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
                    if (xml)
                    {
                        uit.WriteLine(System.Text.Encoding.UTF8.GetString(IjwSchrijver.Schrijf(jw325)));
                    }
                }
            }

            return geweigerd ? ExitCodes.Geweigerd : ExitCodes.Ok;
        }
    }
}
