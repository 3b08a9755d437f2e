using System.CommandLine;
using System.Globalization;
using Jeugdhulp.Core.Conversie;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Store;
using Jeugdhulp.Store.Conversie;

namespace Jeugdhulp.Cli;

/// <summary>What <c>jeugdhulp conversie</c> does.</summary>
internal enum ConversieActie
{
    /// <summary>Read and store the previous system's running allocations.</summary>
    Importeren,

    /// <summary>Dry run: the route per allocation and the totals, printed and saved (text, CSV, Excel).</summary>
    Plannen,

    /// <summary>Execute: JW301s for administrative conversions, work items for the rest.</summary>
    Uitvoeren,
}

/// <summary>
/// <c>jeugdhulp conversie --import BESTAND | --plan | --uitvoeren --data MAP [--db VERBINDING] [--rules MAP]
/// [--today yyyy-mm-dd] [--uit MAP]</c>: moves running care to the regional contracts (HK-CONV-1..3).
/// The logic is in <see cref="Voer"/>, which takes typed values; <see cref="Commando"/> only declares the options.
/// </summary>
internal static class ConversieOpdracht
{
    public static Command Commando(Omgeving o)
    {
        var import = Opties.Tekst("--import", "BESTAND", "Leest de lopende toewijzingen van het vorige systeem (CSV) in; een fout bestand importeert niets.");
        var plan = Opties.Vlag("--plan", "Proefrun: de route per toewijzing en de totalen, getoond en bewaard (tekst, CSV, Excel).");
        var uitvoeren = Opties.Vlag("--uitvoeren", "Voert het plan uit: JW301's voor administratieve conversies, werk voor medewerkers voor de rest.");
        var data = Opties.Data();
        var db = Opties.Db();
        var rules = Opties.Rules();
        var today = Opties.Today("De peildatum van de conversietabellen en, gegeven, de datum van de JW301's (standaard vandaag in Europe/Amsterdam).");
        var uitMap = Opties.Tekst("--uit", "MAP", "Waar het plan wordt bewaard (standaard DATA/conversie).");
        var opdracht = new Command("conversie", "Zet lopende zorg om naar de regionale contracten (HK-CONV-1..3): --import, --plan of --uitvoeren.")
        {
            import, plan, uitvoeren, data, db, rules, today, uitMap,
        };
        opdracht.Controle(r => (r.GetValue(import) is null ? 0 : 1) + (r.GetValue(plan) ? 1 : 0) + (r.GetValue(uitvoeren) ? 1 : 0) == 1
            ? null
            : "geef precies één van --import BESTAND, --plan en --uitvoeren");
        opdracht.SetAction(r =>
        {
            var actie = r.GetValue(import) is not null ? ConversieActie.Importeren : r.GetValue(plan) ? ConversieActie.Plannen : ConversieActie.Uitvoeren;
            var map = r.GetValue(data)!;
            return Voer(actie, map, r.GetValue(db), r.GetValue(rules)!, r.GetValue(import), o.Vandaag(r.GetValue(today)),
                r.GetValue(uitMap) ?? Path.Combine(map, "conversie"), r.GetValue(today) is not null, o.Uit, o.Fout);
        });
        return opdracht;
    }

    /// <summary>Runs <paramref name="actie"/>; exit 0 done, 1 refused (every reason on <paramref name="fout"/>).</summary>
    /// <param name="actie">Import, plan or execute.</param>
    /// <param name="data">The data folder (store, outbox).</param>
    /// <param name="db">Connection string, or null for SQLite in <paramref name="data"/>.</param>
    /// <param name="rules">The rule folder.</param>
    /// <param name="bestand">The CSV to import (for <see cref="ConversieActie.Importeren"/>).</param>
    /// <param name="vandaag">The date the conversion tables are taken on; also the JW301 date under <paramref name="vasteDatum"/>.</param>
    /// <param name="uitMap">Where the plan is saved.</param>
    /// <param name="vasteDatum">True when <paramref name="vandaag"/> was given (<c>--today</c>): the store's clock is fixed to it.</param>
    /// <param name="uit">Standard output.</param>
    /// <param name="fout">Standard error: refusals and the progress bar.</param>
    public static int Voer(ConversieActie actie, string data, string? db, string rules, string? bestand, DateOnly vandaag, string uitMap,
        bool vasteDatum, TextWriter uit, TextWriter fout)
    {
        ArgumentNullException.ThrowIfNull(uit);
        ArgumentNullException.ThrowIfNull(fout);
        if (Opslag.LaadRegels("conversie", rules, fout) is not { } regels)
        {
            return ExitCodes.Geweigerd;
        }

        if (Opslag.Open("conversie", fout, data, db, vasteDatum ? vandaag : null) is not { } store)
        {
            return ExitCodes.Geweigerd;
        }

        using (store)
        {
            return actie switch
            {
                ConversieActie.Importeren => Importeer(store, regels, bestand!, uit, fout),
                ConversieActie.Plannen => Plan(store, regels, vandaag, uitMap, uit),
                _ => VoerUit(store, regels, vandaag, Path.Combine(data, "outbox"), uit, fout),
            };
        }
    }

    private static int Importeer(Datastore store, Regelcatalogus regels, string bestand, TextWriter uit, TextWriter fout)
    {
        var tekst = RegelMap.LeesTekst(bestand);
        if (!tekst.TryGet(out var inhoud))
        {
            Opslag.Meld("conversie", tekst.Fouten, fout);
            return ExitCodes.Geweigerd;
        }

        var gelezen = LopendeToewijzingenLezen.Lees(inhoud, Path.GetFileName(bestand), regels, store.BekendeAanbieders());
        if (!gelezen.TryGet(out var toewijzingen))
        {
            fout.WriteLine($"jeugdhulp conversie: {bestand} is geweigerd, er is niets geïmporteerd:");
            Opslag.Meld("conversie", gelezen.Fouten, fout);
            return ExitCodes.Geweigerd;
        }

        var aantal = store.ImporteerLopendeToewijzingen(toewijzingen);
        uit.WriteLine($"lopende toewijzingen: {toewijzingen.Count} gelezen, {aantal} opgeslagen ({bestand}).");
        return ExitCodes.Ok;
    }

    private static Conversieplan MaakPlan(Datastore store, Regelcatalogus regels, DateOnly vandaag) =>
        ConversieplanMaken.Maak(store.LopendeToewijzingen(), regels, vandaag, store.Contractcontrole());

    private static int Plan(Datastore store, Regelcatalogus regels, DateOnly vandaag, string uitMap, TextWriter uit)
    {
        var plan = MaakPlan(store, regels, vandaag);
        var tekst = Totalen(plan);
        Directory.CreateDirectory(uitMap);
        File.WriteAllText(Path.Combine(uitMap, "conversieplan.txt"), tekst);
        File.WriteAllText(Path.Combine(uitMap, "conversieplan.csv"), ConversieplanCsv.Schrijf(plan));
        File.WriteAllBytes(Path.Combine(uitMap, "conversieplan.xlsx"), ConversieplanExcel.Schrijf(plan));
        uit.Write(tekst);
        uit.WriteLine($"Opgeslagen: {Path.Combine(uitMap, "conversieplan.txt")}, .csv en .xlsx");
        return ExitCodes.Ok;
    }

    /// <summary>The printed plan: totals per municipality, provider and route.</summary>
    internal static string Totalen(Conversieplan plan)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        w.WriteLine($"Conversieplan: {plan.Adviezen.Count} lopende toewijzingen (HK-CONV-2)");
        void Tabel(string kop, IEnumerable<Conversietotaal> rijen)
        {
            w.WriteLine();
            w.WriteLine($"{kop,-10} {"administratief",14} {"lichteToets",12} {"herindicatie",13} {"zonderContract",15} {"nietLopend",11} {"totaal",8}");
            foreach (var r in rijen)
            {
                w.WriteLine($"{r.Sleutel,-10} {r.Administratief,14} {r.LichteToets,12} {r.Herindicatie,13} {r.ZonderContract,15} {r.NietLopend,11} {r.Totaal,8}");
            }
        }

        Tabel("gemeente", plan.PerGemeente);
        Tabel("aanbieder", plan.PerAanbieder);
        Tabel("route", [plan.Totaal]);
        return w.ToString();
    }

    private static int VoerUit(Datastore store, Regelcatalogus regels, DateOnly vandaag, string outbox, TextWriter uit, TextWriter fout)
    {
        var plan = MaakPlan(store, regels, vandaag);
        var balk = new Voortgangsbalk(fout);
        var verslag = store.VoerConversieUit(plan, outbox, balk.Toon);
        balk.Klaar();
        foreach (var f in verslag.Fouten)
        {
            fout.WriteLine($"jeugdhulp conversie: {f}");
        }

        uit.WriteLine($"conversie: {verslag.Clienten} cliënten verwerkt, {verslag.Omgezet} toewijzingen administratief omgezet in {verslag.Berichten} JW301-berichten, " +
            $"{verslag.Werk} naar een medewerker, {verslag.AlGedaan} cliënten waren al verwerkt.");
        return verslag.Fouten.Count == 0 ? ExitCodes.Ok : ExitCodes.Geweigerd;
    }

    /// <summary>A one-line progress bar on standard error, redrawn at most once per percent.</summary>
    private sealed class Voortgangsbalk(TextWriter w)
    {
        private int laatste = -1;

        public void Toon(int gedaan, int totaal)
        {
            var procent = totaal == 0 ? 100 : gedaan * 100 / totaal;
            if (procent == laatste)
            {
                return;
            }

            laatste = procent;
            var vol = procent * 40 / 100;
            w.Write($"\r[{new string('#', vol)}{new string('.', 40 - vol)}] {procent,3}% {gedaan}/{totaal} cliënten");
            w.Flush();
        }

        public void Klaar()
        {
            if (laatste >= 0)
            {
                w.WriteLine();
            }
        }
    }
}
