using System.CommandLine;
using Jeugdhulp.Core.Toekenning;
using Jeugdhulp.Store;
using Jeugdhulp.Store.Toekenning;

namespace Jeugdhulp.Cli;

/// <summary>
/// <c>jeugdhulp toewijzen BESTAND --data MAP [--db VERBINDING] [--rules MAP] [--today yyyy-mm-dd] [--medewerker NAAM] [--controleer]</c>:
/// the municipality's own allocations from a CSV (one per line; see docs/TOEKENNING.md). Every line is checked with
/// the Handelingskader; a refused line is reported as "bestand: regel N, kolom K: REGEL: reden" and nothing of it is
/// written; the others are written in one transaction with their JW301s. A re-run of the same file creates nothing
/// twice. <c>--controleer</c> only checks. Exit 0 when every line is (or was already) written, 1 when a line is refused.
/// </summary>
internal static class ToewijzenOpdracht
{
    public static Command Commando(Omgeving o)
    {
        var data = Opties.Data();
        var db = Opties.Db();
        var rules = Opties.Rules();
        var today = Opties.Today("De dag van het besluit (Toewijzingsdatum; standaard vandaag in Europe/Amsterdam).");
        var medewerker = Opties.Tekst("--medewerker", "NAAM", "Wie toewijst (auditlog); standaard de gebruikersnaam.");
        var controleer = Opties.Vlag("--controleer", "Alleen controleren: niets schrijven.");
        var bestand = new Argument<string>("BESTAND") { Description = "Het CSV-bestand met één toewijzing per regel (zie docs/TOEKENNING.md)." };
        var opdracht = new Command("toewijzen", "Eigen toewijzingen van de gemeente uit een CSV: controleren en de JW301's versturen.")
        {
            bestand, data, db, rules, today, medewerker, controleer,
        };
        opdracht.SetAction(r => Voer(r.GetValue(bestand)!, r.GetValue(data)!, r.GetValue(db), r.GetValue(rules)!, r.GetValue(today),
            r.GetValue(medewerker) ?? Environment.UserName, r.GetValue(controleer), o.Klok, o.Uit, o.Fout));
        return opdracht;
    }

    /// <summary>Checks and writes the CSV <paramref name="bestand"/>; returns the exit code.</summary>
    public static int Voer(string bestand, string data, string? db, string rules, DateOnly? vandaag, string medewerker, bool alleenControleren,
        TimeProvider klok, TextWriter uit, TextWriter fout)
    {
        ArgumentNullException.ThrowIfNull(klok);
        ArgumentNullException.ThrowIfNull(uit);
        ArgumentNullException.ThrowIfNull(fout);
        if (Opslag.LaadRegels("toewijzen", rules, fout) is not { } catalogus)
        {
            return ExitCodes.Geweigerd;
        }

        var tekst = RegelMap.LeesTekst(bestand);
        if (!tekst.TryGet(out var inhoud))
        {
            Opslag.Meld("toewijzen", tekst.Fouten, fout);
            return ExitCodes.Geweigerd;
        }

        var (regels, leesfouten) = ToekenningenCsv.Lees(inhoud, Path.GetFileName(bestand));
        Opslag.Meld("toewijzen", leesfouten, fout);
        if (leesfouten.Any(f => f.Code == "CSV-KOP"))
        {
            return ExitCodes.Geweigerd;
        }

        if (Opslag.Open("toewijzen", fout, data, db, vandaag) is not { } store)
        {
            return ExitCodes.Geweigerd;
        }

        var nu = ToekenningVastleggen.Moment(klok.GetUtcNow());
        var moment = vandaag is { } d ? nu with { Datum = d } : nu;
        IReadOnlyList<Toekenningsverslag> verslagen;
        using (store)
        {
            var acties = regels.Select(r => (Toekenningsactie)new Toekenningsactie.Toekennen(r.Opdracht,
                r.Achternaam is { } naam ? new Clientpersoon(naam, r.Voorvoegsel, r.Voorletters, r.Geslacht ?? "0", r.Geboortedatum) : null)).ToList();
            verslagen = store.Verwerk(catalogus, acties, medewerker, moment, Path.Combine(data, "outbox"), alleenControleren);
        }

        var naamBestand = Path.GetFileName(bestand);
        int geschreven = 0, eerder = 0, geweigerd = leesfouten.Count, goed = 0;
        for (var i = 0; i < verslagen.Count; i++)
        {
            var v = verslagen[i];
            var regel = regels[i].Regel;
            if (v.Fout is { } f)
            {
                geweigerd++;
                fout.WriteLine($"{naamBestand}: regel {regel}: {f.Code}: {f.Melding}");
            }
            else if (v.Herhaling)
            {
                eerder++;
                var nummers = v.Nummers.Count > 0 ? $" (toewijzing {string.Join(", ", v.Nummers)})" : "";
                uit.WriteLine($"regel {regel}: al eerder vastgelegd{nummers}; niets opnieuw geschreven");
            }
            else if (v.Besluit is { Reden: { } reden })
            {
                geweigerd++;
                var extra = v.Status == Toekenningsstatus.MotiveringNodig ? " Afwijking van de richtlijn: vul de kolom motivering." : "";
                fout.WriteLine($"{naamBestand}: regel {regel}, kolom {ToekenningenCsv.Kolom(reden.RegelId)}: {reden.RegelId}: {reden.Melding}{extra}");
            }
            else if (v.Geschreven)
            {
                geschreven++;
                var wat = v.Status == Toekenningsstatus.GeenBerichtenverkeer
                    ? "vastgelegd zonder berichten (geen BSN, HK-ROUTE-4: volg het landelijk protocol)"
                    : $"toegekend, toewijzing {string.Join(", ", v.Nummers)}";
                uit.WriteLine($"regel {regel}: {wat}{string.Concat(v.Outbox.Select(o => " -> " + o))}");
            }
            else
            {
                goed++;
                uit.WriteLine($"regel {regel}: {v.Status} (alleen gecontroleerd: {string.Join(", ", v.Besluit?.RegelIds ?? [])})");
            }
        }

        uit.WriteLine(alleenControleren
            ? $"{naamBestand}: {goed} regel(s) goed, {geweigerd} geweigerd; niets geschreven (--controleer)."
            : $"{naamBestand}: {geschreven} toegekend, {eerder} al eerder vastgelegd, {geweigerd} geweigerd.");
        return geweigerd > 0 ? ExitCodes.Geweigerd : ExitCodes.Ok;
    }
}
