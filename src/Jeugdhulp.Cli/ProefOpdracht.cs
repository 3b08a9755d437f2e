using System.Globalization;
using Jeugdhulp.Ijw.Lezen;
using Jeugdhulp.Ijw.Schrijven;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Cli;

/// <summary>What <c>jeugdhulp proef</c> (and <c>process --proef</c>) is asked to do, parsed and typed.</summary>
/// <param name="Data">The data folder (its store is read, never created).</param>
/// <param name="Db">PostgreSQL connection string, or null for SQLite in <paramref name="Data"/>.</param>
/// <param name="Regels">The rules folder.</param>
/// <param name="Vandaag">The day the files would be received.</param>
/// <param name="MaxBytes">Largest file read.</param>
/// <param name="Xml">Also print the would-be answer messages (JW301/JW319, JW325) as XML.</param>
/// <param name="Bestanden">The JW315, JW317 and JW323 files.</param>
internal sealed record ProefInstellingen(string Data, string? Db, string Regels, DateOnly Vandaag, long MaxBytes, bool Xml, IReadOnlyList<string> Bestanden);

/// <summary>
/// <c>jeugdhulp proef --data MAP [--db VERBINDING] [--rules MAP] [--today yyyy-mm-dd] [--xml] BESTAND...</c> (also
/// <c>process --proef …</c>): the provider's pre-check of JW315, JW317 and JW323 files. Per JW315/JW317 the decision on
/// every request with the rule ids and the engine's Dutch explanation and signals, and with <c>--xml</c> the JW301 or
/// JW319 the real run would send; per JW323 what the JW325 would say (per refused prestatie the retour code, rule and
/// reason) and with <c>--xml</c> the JW325 itself. Nothing is journalled, booked, allocated or sent
/// (<see cref="Proefnemen"/>). Exit 0 when everything would be approved, 1 when anything would not be (or a file is
/// invalid), 2 for usage errors.
/// </summary>
internal static class ProefOpdracht
{
    private const string GebruikTekst = "--data MAP [--db VERBINDING] [--rules MAP] [--today yyyy-mm-dd] [--max-bericht-mb N] [--xml] BESTAND...";

    /// <summary>Parses the arguments of <c>proef</c> / <c>process --proef</c> and runs <see cref="Voer"/>.</summary>
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
            a.Fouten.Add("geef minstens één JW315-, JW317- of JW323-bestand");
        }

        if (a.Fouten.Count > 0 || vandaag is null || rules is null)
        {
            return a.MeldGebruiksfouten(Naam(a), GebruikTekst, fout);
        }

        return Voer(new ProefInstellingen(data, a.Optie("--db"), rules, vandaag.Value, maxBytes, a.Vlag("--xml"), a.Posities), uit, fout, Naam(a));
    }

    /// <summary>How the user called it, for messages: <c>proef</c> or the older <c>process --proef</c>.</summary>
    private static string Naam(Argumenten a) => a.Vlag("--proef") ? "process --proef" : "proef";

    /// <summary>The pre-check of <see cref="ProefInstellingen.Bestanden"/>; returns the exit code.</summary>
    public static int Voer(ProefInstellingen p, TextWriter uit, TextWriter fout, string opdracht = "proef")
    {
        ArgumentNullException.ThrowIfNull(p);
        if (Opslag.LaadRegels(opdracht, p.Regels, fout) is not { } catalogus)
        {
            return ExitCodes.Geweigerd;
        }

        // A pre-check reads the municipality's data; it never creates a store (or an audit key) where there is none.
        if (string.IsNullOrWhiteSpace(p.Db) && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Store.StoreOpties.DbVariabele)) &&
            !File.Exists(Path.Combine(p.Data, Store.StoreOpties.SqliteBestand)))
        {
            fout.WriteLine($"jeugdhulp {opdracht}: STORE-DATA: in {p.Data} staat geen database ({Store.StoreOpties.SqliteBestand}); een proef leest bestaande gegevens en maakt niets aan.");
            return ExitCodes.Geweigerd;
        }

        if (Opslag.Open(opdracht, fout, p.Data, p.Db) is not { } store)
        {
            return ExitCodes.Geweigerd;
        }

        using (store)
        {
            var geweigerd = false;
            foreach (var bestand in p.Bestanden)
            {
                var gelezen = Invoerbestand.Lees(bestand, p.MaxBytes);
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

                var (verzoek, declaratie) = store.ProefBestand(inhoud, catalogus, p.Vandaag);
                geweigerd |= verzoek is not null ? Verzoek(bestand, verzoek, p.Xml, uit) : Declaratie(bestand, declaratie!, p.Xml, uit);
            }

            return geweigerd ? ExitCodes.Geweigerd : ExitCodes.Ok;
        }
    }

    /// <summary>Prints a JW315/JW317 pre-check; true when anything would not be approved.</summary>
    private static bool Verzoek(string bestand, Verzoekproef verzoek, bool xml, TextWriter uit)
    {
        uit.WriteLine($"{bestand}: {verzoek.Uitkomst} (proef: niets vastgelegd, toegewezen of verstuurd)");
        foreach (var (besluit, i) in verzoek.Besluiten.Select((b, i) => (b, i)))
        {
            var regels = besluit.Toelichting.Split('\n');
            uit.WriteLine($"  Verzoek {Tekstregel.Enkel(besluit.ReferentieAanbieder)}: {Tekstregel.Enkel(regels[0])}");
            foreach (var regel in regels.Skip(1))
            {
                uit.WriteLine("    " + Tekstregel.Enkel(regel));
            }

            uit.WriteLine($"    Regels: {string.Join(", ", besluit.RegelIds)}");
            if (verzoek.Antwoord(i + 1) is { } antwoord)
            {
                uit.WriteLine($"    {antwoord.Soort} zou worden verstuurd.");
                if (xml)
                {
                    uit.WriteLine(System.Text.Encoding.UTF8.GetString(IjwSchrijver.Schrijf(antwoord)));
                }
            }
        }

        foreach (var f in verzoek.Fouten)
        {
            uit.WriteLine("  " + Tekstregel.Enkel(f.ToString()));
        }

        return verzoek.Uitkomst != Uitkomsten.Approved;
    }

    /// <summary>Prints a JW323 pre-check; true when anything would not be accepted.</summary>
    private static bool Declaratie(string bestand, Declaratieproef proef, bool xml, TextWriter uit)
    {
        var antwoord = proef.Jw325?.DeclaratieAntwoord;
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

        return proef.Uitkomst != Uitkomsten.Accepted;
    }
}
