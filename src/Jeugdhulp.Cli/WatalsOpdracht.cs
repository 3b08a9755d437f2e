using System.CommandLine;
using Jeugdhulp.Store.Watals;

namespace Jeugdhulp.Cli;

/// <summary>What <c>jeugdhulp watals</c> is asked to do, parsed and typed.</summary>
/// <param name="Data">The data folder (its store is only read).</param>
/// <param name="Db">PostgreSQL connection string, or null for SQLite in <paramref name="Data"/>.</param>
/// <param name="Regels">The rules in force.</param>
/// <param name="Concept">The draft rule set's folder.</param>
/// <param name="Van">First day of the period.</param>
/// <param name="Tot">Last day of the period.</param>
/// <param name="Csv">Where to write the CSV, or null.</param>
/// <param name="Xlsx">Where to write the Excel workbook, or null.</param>
internal sealed record WatalsInstellingen(string Data, string? Db, string Regels, string Concept, DateOnly Van, DateOnly Tot, string? Csv, string? Xlsx);

/// <summary>
/// <c>jeugdhulp watals --data MAP [--db VERBINDING] [--rules MAP] --regels CONCEPTMAP --van yyyy-mm-dd --tot yyyy-mm-dd
/// [--csv BESTAND] [--xlsx BESTAND]</c>: replays every decision and declaration of the period under the draft rule set
/// (<see cref="WatalsAfspelen"/>, on a snapshot; the store is only read) and prints the Dutch summary of what would
/// change per rule, municipality, provider and product. Exit 0 when the replay ran (whatever it found), 1 when it
/// cannot run (a draft the loader refuses is reported naming file, line and rule), 2 for usage errors.
/// </summary>
internal static class WatalsOpdracht
{
    public static Command Commando(Omgeving o)
    {
        var data = Opties.Data();
        var db = Opties.Db();
        var rules = Opties.Rules();
        var concept = Opties.Tekst("--regels", "CONCEPTMAP", "De map met de conceptregels (zelfde bestanden als rules/).", verplicht: true);
        var van = Opties.Datum("--van", "Eerste dag van de periode.", verplicht: true);
        var tot = Opties.Datum("--tot", "Laatste dag van de periode.", verplicht: true);
        var csv = Opties.Tekst("--csv", "BESTAND", "Schrijf elke wijziging als CSV.");
        var xlsx = Opties.Tekst("--xlsx", "BESTAND", "Schrijf het verslag als Excel-werkmap.");
        var opdracht = new Command("watals", "Wat als: speelt elk besluit en elke declaratie van de periode opnieuw af met de conceptregels en meldt wat anders uitvalt.")
        {
            data, db, rules, concept, van, tot, csv, xlsx,
        };
        opdracht.SetAction(r => Voer(new WatalsInstellingen(r.GetValue(data)!, r.GetValue(db), r.GetValue(rules)!, r.GetValue(concept)!,
            r.GetValue(van)!.Value, r.GetValue(tot)!.Value, r.GetValue(csv), r.GetValue(xlsx)), o.Uit, o.Fout));
        return opdracht;
    }

    /// <summary>The replay; returns the exit code.</summary>
    public static int Voer(WatalsInstellingen w, TextWriter uit, TextWriter fout)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (Opslag.LaadRegels("watals", w.Regels, fout) is null || Opslag.LaadRegels("watals", w.Concept, fout) is not { } concept)
        {
            return ExitCodes.Geweigerd;
        }

        if (string.IsNullOrWhiteSpace(w.Db) && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Store.StoreOpties.DbVariabele)) &&
            !File.Exists(Path.Combine(w.Data, Store.StoreOpties.SqliteBestand)))
        {
            fout.WriteLine($"jeugdhulp watals: STORE-DATA: in {w.Data} staat geen database ({Store.StoreOpties.SqliteBestand}); er is niets af te spelen.");
            return ExitCodes.Geweigerd;
        }

        if (Opslag.Open("watals", fout, w.Data, w.Db) is not { } store)
        {
            return ExitCodes.Geweigerd;
        }

        Watalsverslag verslag;
        using (store)
        {
            // The rules in force include the versions published in the backoffice.
            if (Opslag.GeldendeRegels("watals", w.Regels, store, fout) is not { } geldend)
            {
                return ExitCodes.Geweigerd;
            }

            var r = store.Speel(geldend, concept, w.Van, w.Tot);
            if (!r.TryGet(out verslag!))
            {
                Opslag.Meld("watals", r.Fouten, fout);
                return ExitCodes.Geweigerd;
            }
        }

        uit.Write(verslag.Samenvatting());
        if (w.Csv is { } csv)
        {
            File.WriteAllText(csv, verslag.Csv());
            uit.WriteLine($"CSV: {csv}");
        }

        if (w.Xlsx is { } xlsx)
        {
            File.WriteAllBytes(xlsx, WatalsExcel.Schrijf(verslag));
            uit.WriteLine($"Excel: {xlsx}");
        }

        return ExitCodes.Ok;
    }
}
