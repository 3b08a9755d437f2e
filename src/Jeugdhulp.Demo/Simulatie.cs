using System.Diagnostics;
using System.Globalization;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Core.Werkdagen;
using Jeugdhulp.Ijw.Berichten;
using Product = Jeugdhulp.Core.Regels.Product;
using Jeugdhulp.Ijw.Lezen;
using Jeugdhulp.Ijw.Schema;
using Jeugdhulp.Ijw.Schrijven;
using Jeugdhulp.Store;
using Jeugdhulp.Store.Outbox;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Demo;

/// <summary>
/// The simulation, werkdag by werkdag: providers send what their planned work and the answers they
/// received call for; the backoffice processes each day's messages with the real pipeline on that day's
/// date; the providers read the JW301s in the outbox and plan their starts, changes, stops and monthly
/// declarations from them; staff decide part of the review items. Deterministic: every random choice comes
/// from the seeded <see cref="Toeval"/> in a fixed order, and the pipeline itself is deterministic on a
/// fixed date.
/// </summary>
internal sealed partial class Simulatie
{
    private const string Medewerker = "demo-medewerker";

    private readonly RegioOpties opties;
    private readonly Regio regio;
    private readonly Regelset regels;
    private readonly Werkdagenkalender werkdagen;
    private readonly Regioverslag verslag;
    private readonly Func<DateOnly, Resultaat<Datastore>> openen;
    private readonly DateOnly eind;
    // Both null with RegioOpties.ZonderBestanden: messages and answers only in the store.
    private readonly string? outbox;
    private readonly string? berichtenMap;
    private readonly Toeval t;
    private DateOnly huidig;

    private readonly SortedDictionary<DateOnly, List<Action<DateOnly>>> agenda = [];
    private readonly List<Uitgaand> vandaag = [];
    private readonly Dictionary<string, Aanvraag> aanvragen = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Gemeente, long Nummer), Allocatie> allocaties = [];
    private readonly List<Allocatie> allocatieVolgorde = [];

    // allocatieVolgorde per municipality and provider, in the same order: a JW317 names the client's other allocations with
    // its provider and a JW323 declares the provider's, each a pass over all of the region's allocations before — a cost of
    // messages × allocations that a national year (~450,000 JW317s over millions of allocations) would pay in hours.
    private readonly Dictionary<(string Gemeente, Aanbieder Aanbieder), List<Allocatie>> perAanbieder = [];

    /// <summary>The allocations of <paramref name="aanbieder"/> in <paramref name="gemeente"/>, in the order of <see cref="allocatieVolgorde"/>.</summary>
    private List<Allocatie> AllocatiesVan(string gemeente, Aanbieder aanbieder) => perAanbieder.GetValueOrDefault((gemeente, aanbieder)) ?? [];
    private readonly Dictionary<string, Persoon> personen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> volgnummers = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Bsn, string Product, int Jaar), int> noShowTeller = [];
    private readonly HashSet<string> gezieneAntwoorden = new(StringComparer.Ordinal);
    private readonly List<(DateOnly Dag, string Referentie, bool Jw317)> reviews = [];
    private readonly Dictionary<string, string> openReviews = new(StringComparer.Ordinal);
    private readonly HashSet<Allocatie> gewijzigd = [];

    public Simulatie(RegioOpties opties, Regio regio, Toeval t, Func<DateOnly, Resultaat<Datastore>> openen, Regioverslag verslag, DateOnly eind)
    {
        this.opties = opties;
        this.regio = regio;
        this.t = t;
        this.openen = openen;
        this.verslag = verslag;
        this.eind = eind;
        regels = regio.Regels;
        werkdagen = new Werkdagenkalender(opties.Regels.ExtraVrijeDagen);
        outbox = opties.ZonderBestanden ? null : Path.Combine(opties.DataMap, "outbox");
        berichtenMap = opties.ZonderBestanden ? null : Path.Combine(opties.DataMap, "berichten");
        foreach (var h in regio.Huishoudens)
        {
            foreach (var p in h.Leden)
            {
                personen[p.Bsn] = p;
            }
        }
    }

    /// <summary>Plans <paramref name="actie"/> on <paramref name="dag"/>, or the next werkdag when that is none.</summary>
    private void Plan(DateOnly dag, Action<DateOnly> actie)
    {
        if (dag < huidig)
        {
            dag = huidig;
        }

        while (!werkdagen.IsWerkdag(dag))
        {
            dag = dag.AddDays(1);
        }

        if (dag > eind)
        {
            return;
        }

        if (!agenda.TryGetValue(dag, out var lijst))
        {
            agenda[dag] = lijst = [];
        }

        lijst.Add(actie);
    }

    private bool BinnenSimulatie(DateOnly dag) => dag <= eind;

    public void Draai(IReadOnlyList<Casus> casussen)
    {
        foreach (var c in casussen)
        {
            Plan(c.Dag, d => StuurJw315(d, NieuweAanvraag(c.Aanbieder, c.Gemeente, c.Client, c.Huishouden, c.Product, d, c.Afwijking, c.Vervolg,
                c.Verwijzer, c.Maanden)));
        }

        var maand = new DateOnly(opties.Start.Year, opties.Start.Month, 1);
        var dagen = eind.DayNumber - opties.Start.DayNumber + 1;
        for (var dag = opties.Start; dag <= eind; dag = dag.AddDays(1))
        {
            huidig = dag;
            if (dag.DayOfWeek == DayOfWeek.Monday && dag != opties.Start)
            {
                Voortgang(dag.AddDays(-1), dagen);
            }

            var t0 = Generatorfasen.Start();
            if (dag.Day == 1 || dag == opties.Start)
            {
                if (dag != opties.Start)
                {
                    PlanDeclaraties(maand);
                }

                maand = new DateOnly(dag.Year, dag.Month, 1);
                PlanNoShows(dag, maand);
            }

            if (!werkdagen.IsWerkdag(dag))
            {
                Generatorfasen.Stop(Generatorfasen.Fase.Simulatie, t0);
                continue;
            }

            // An action may plan more for today: those run in the next round.
            while (agenda.Remove(dag, out var acties))
            {
                foreach (var actie in acties)
                {
                    actie(dag);
                }
            }

            Generatorfasen.Stop(Generatorfasen.Fase.Simulatie, t0);
            VerwerkDag(dag);
        }

        Voortgang(eind, dagen);
        TelNietVerstuurd();

        // JW315 items first: those a person can approve by hand (the summary's example decision takes the first).
        verslag.OpenReviews.AddRange(openReviews.OrderBy(r => r.Value == "JW315" ? 0 : 1).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Key));
    }

    /// <summary>One progress line per simulated week: how far, in days and percent, and how many messages so far.</summary>
    private void Voortgang(DateOnly tot, int dagen)
    {
        var gedaan = tot.DayNumber - opties.Start.DayNumber + 1;
        opties.Voortgang?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[3/4] simulatie {100 * gedaan / dagen,3}% (t/m {tot:yyyy-MM-dd}): {verslag.Verstuurd.Values.Sum()} berichten verstuurd, {verslag.Antwoorden.Values.Sum()} antwoorden."));
    }

    // ---- sending ------------------------------------------------------------------------------------------

    private string Identificatie(string agb, string voorvoegsel)
    {
        var n = volgnummers[agb] = volgnummers.GetValueOrDefault(agb) + 1;
        return voorvoegsel + n.ToString("D7", CultureInfo.InvariantCulture);
    }

    private void Stuur(string soort, string afzender, string identificatie, IjwBericht bericht)
    {
        vandaag.Add(new Uitgaand(soort, afzender, identificatie, bericht));
        Regioverslag.Tel(verslag.Verstuurd, soort);
    }

    private void StuurJw315(DateOnly dag, Aanvraag aanvraag)
    {
        aanvragen[aanvraag.Referentie] = aanvraag;
        if (aanvraag.Afwijking != Afwijking.Geen)
        {
            Regioverslag.Tel(verslag.Afwijkingen, Omschrijving(aanvraag.Afwijking));
        }

        var id = Identificatie(aanvraag.Aanbieder.Agb, "VOT");
        var kop = Berichtenbouwer.Kop(Berichtsoort.JW315, aanvraag.Aanbieder.Agb, aanvraag.Gemeente, id, dag);
        Stuur("JW315", aanvraag.Aanbieder.Agb, id, Berichtenbouwer.Jw315(kop, aanvraag.Client, [Berichtenbouwer.Aangevraagd(aanvraag)]));
    }

    private static string Omschrijving(Afwijking a) => a switch
    {
        Afwijking.GeenContract => "aanvraag zonder contract",
        Afwijking.NietInPerceel => "product buiten perceel gemeente",
        Afwijking.Leeftijd => "boven leeftijdsgrens",
        Afwijking.Woonplaats => "verkeerde gemeente",
        Afwijking.OnbekendBsn => "cliënt onbekend in administratie",
        Afwijking.TeLang => "Diagnostiek te lang",
        Afwijking.TeVeelUren => "meer uren dan richtlijn",
        Afwijking.Dubbel => "zelfde product dubbel aangevraagd",
        _ => a.ToString(),
    };

    private string Referentie(Aanbieder a) => $"{a.Agb}-{volgnummers[a.Agb + "/ref"] = volgnummers.GetValueOrDefault(a.Agb + "/ref") + 1:D5}";

    /// <summary>A new request for <paramref name="client"/> from <paramref name="a"/>, sent on <paramref name="dag"/>.</summary>
    public Aanvraag NieuweAanvraag(Aanbieder a, string gemeente, Persoon client, Huishouden h, Product product, DateOnly dag,
        Afwijking afwijking, Vervolg vervolg, Verwijzer? verwijzer = null, int? maanden = null)
    {
        var ingang = dag.AddDays(t.Tussen(3, 14));
        var duur = maanden ?? Duur(product);
        var omvang = Volume(product, duur, afwijking == Afwijking.TeVeelUren);
        return new Aanvraag(Referentie(a), a, gemeente, client, h, product, ingang, ingang.AddMonths(duur).AddDays(-1), omvang,
            verwijzer ?? (product.Soort == ProductSoort.ExtraClient ? new Verwijzer("06", null, null) : MedischeVerwijzer()),
            afwijking, vervolg);
    }

    private Verwijzer MedischeVerwijzer()
    {
        var type = new[] { "02", "03", "05" }[t.Gewogen([60, 20, 20])];
        return new Verwijzer(type, null, "01" + t.Getal(1_000_000).ToString("D6", CultureInfo.InvariantCulture));
    }

    public static Verwijzer GiVerwijzer() => new("04", "Gecertificeerde instelling Flevoland", null);

    private int Duur(Product p)
    {
        if (regio.IsDiagnostiek(p))
        {
            return t.Kans(0.75) ? 6 : 12;
        }

        return p.StandaardDuurMaanden ?? p.Richtlijn.Select(r => r.DuurMaanden).Max() ?? 6;
    }

    /// <summary>Minutes for <paramref name="duur"/> months: within the guideline category for that duration, or above it when asked.</summary>
    private long Volume(Product p, int duur, bool teVeel)
    {
        if (p.Soort == ProductSoort.ExtraClient || p.Eenheid != "01")
        {
            return 1;
        }

        var categorie = p.Richtlijn.Where(r => r.MaxUren is not null).OrderBy(r => r.DuurMaanden == duur ? 0 : 1).ThenByDescending(r => r.MaxUren).FirstOrDefault();
        var hoogste = p.Richtlijn.Max(r => r.MaxUren);
        if (categorie?.MaxUren is not { } max || hoogste is not { } hoogsteUren)
        {
            // No guideline hours (group, intensive family care): 2 to 5 hours a week over the period.
            var weken = duur * 52 / 12;
            return t.Tussen(2, 5) * 60L * weken;
        }

        var uren = teVeel ? hoogsteUren * (1.15 + (t.Fractie() * 0.3)) : max * (0.35 + (t.Fractie() * 0.6));
        return Math.Max(60, (long)Math.Round(uren) * 60);
    }

    private void StuurStart(DateOnly dag, Allocatie a, DateOnly begin)
    {
        if (a.Verwijderd || a.StartGemeld || (a.Stop is { } s && s < begin))
        {
            return;
        }

        a.StartGemeld = true;
        if (dag > werkdagen.Plus(begin, 5))
        {
            Regioverslag.Tel(verslag.TeLaat, "JW305");
        }

        var id = Identificatie(a.Aanbieder.Agb, "STA");
        Stuur("JW305", a.Aanbieder.Agb, id, Berichtenbouwer.Jw305(Berichtenbouwer.Kop(Berichtsoort.JW305, a.Aanbieder.Agb, a.Gemeente, id, dag), a, begin));
    }

    private void StuurStop(DateOnly dag, Allocatie a, string reden, DateOnly einde)
    {
        if (a.Verwijderd || a.Begin is not { } begin)
        {
            return;
        }

        if (dag > werkdagen.Plus(einde, 5))
        {
            Regioverslag.Tel(verslag.TeLaat, "JW307");
        }

        var id = Identificatie(a.Aanbieder.Agb, "STO");
        Stuur("JW307", a.Aanbieder.Agb, id, Berichtenbouwer.Jw307(Berichtenbouwer.Kop(Berichtsoort.JW307, a.Aanbieder.Agb, a.Gemeente, id, dag), a, begin, reden, einde));
    }

    // ---- processing ----------------------------------------------------------------------------------------

    private void VerwerkDag(DateOnly dag)
    {
        var besluiten = reviews.Where(r => r.Dag == dag).ToList();
        var meldingen = noShowMeldingen.Where(n => n.Gemeld == dag).ToList();
        if (vandaag.Count == 0 && besluiten.Count == 0 && verblijfVandaag.Count == 0 && (meldingen.Count == 0 || opties.NoShowGemeld is null))
        {
            return;
        }

        var t0 = Generatorfasen.Start();
        var geopend = openen(dag);
        Generatorfasen.Stop(Generatorfasen.Fase.Openen, t0);
        if (!geopend.TryGet(out var store))
        {
            verslag.Problemen.AddRange(geopend.Fouten.Select(f => f.ToString()));
            vandaag.Clear();
            return;
        }

        using (store)
        {
            if (vandaag.Count > 0)
            {
                // Without files the name still identifies the message in the summary's problems.
                var map = Path.Combine(berichtenMap ?? "berichten", dag.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                if (berichtenMap is not null)
                {
                    Directory.CreateDirectory(map);
                }

                var invoer = new List<Invoer>(vandaag.Count);
                for (var i = 0; i < vandaag.Count; i++)
                {
                    var u = vandaag[i];
                    var pad = Path.Combine(map, $"{i + 1:D4}_{u.Soort}_{u.Afzender}_{u.Identificatie}.xml");
                    t0 = Generatorfasen.Start();
                    var inhoud = IjwSchrijver.Schrijf(u.Bericht);
                    Generatorfasen.Stop(Generatorfasen.Fase.Renderen, t0);
                    if (berichtenMap is not null)
                    {
                        t0 = Generatorfasen.Start();
                        File.WriteAllBytes(pad, inhoud);
                        Generatorfasen.Stop(Generatorfasen.Fase.Schrijven, t0);
                    }

                    invoer.Add(new Invoer(pad, inhoud));
                }

                vandaag.Clear();
                t0 = Generatorfasen.Start();
                var verwerken = new BerichtVerwerken(store, opties.Regels, dag, outbox, klok: new Demoklok(dag, Demoklok.Verwerking), gelezen: Bronnen(store));
                long lezen = 0;
                foreach (var v in verwerken.Verwerk(invoer))
                {
                    var t1 = Generatorfasen.Start();
                    Lees(dag, store, v);
                    lezen += Stopwatch.GetTimestamp() - t1;
                    Generatorfasen.Stop(Generatorfasen.Fase.Antwoorden, t1);
                }

                // The pipeline's share: the loop without the generator's reading of the answers.
                Generatorfasen.Stop(Generatorfasen.Fase.Pijplijn, t0 + lezen);
                Generatorfasen.Tel(Generatorfasen.Fase.Pijplijn, invoer.Count);

                verslag.Problemen.AddRange(verwerken.Materialisatiefouten.Select(f => f.ToString()));
            }

            t0 = Generatorfasen.Start();
            foreach (var (_, referentie, jw317) in besluiten)
            {
                Beslis(store, dag, referentie, jw317);
            }

            Generatorfasen.Stop(Generatorfasen.Fase.Staf, t0);
            Generatorfasen.Tel(Generatorfasen.Fase.Staf, besluiten.Count);
            Generatorfasen.Tel(Generatorfasen.Fase.Verblijf, verblijfVandaag.Count);
            Generatorfasen.Tel(Generatorfasen.Fase.Openen, 1);
            t0 = Generatorfasen.Start();
            VerwerkVerblijf(store, dag);
            Generatorfasen.Stop(Generatorfasen.Fase.Verblijf, t0);
            t0 = Generatorfasen.Start();

            // The hook where a no-show report reaches the municipality (HK-NS-2/3), on the day of the report.
            // The summary counts what the store answered, not what the generator meant.
            foreach (var melding in meldingen)
            {
                if (opties.NoShowGemeld?.Invoke(store, melding) is not { } antwoord)
                {
                    continue;
                }

                if (antwoord.TryGet(out var registratie))
                {
                    verslag.NoShowsGeregistreerd++;
                    verslag.NoShowBesluittermijnen += registratie.Uitslag.BesluitUiterlijk is null ? 0 : 1;
                }
                else
                {
                    Regioverslag.Tel(verslag.NoShowsGeweigerd, antwoord.Fouten[0].Code);
                }
            }

            Generatorfasen.Stop(Generatorfasen.Fase.NoShow, t0);
            t0 = Generatorfasen.Start();
            antwoordsessie?.Dispose();
            antwoordsessie = null;
        }

        Generatorfasen.Stop(Generatorfasen.Fase.Sluiten, t0);
        reviews.RemoveAll(r => r.Dag == dag);
    }

    private readonly List<NoShow> noShowMeldingen = [];
    private readonly HashSet<string> noShowGeneigd = new(StringComparer.Ordinal);

    private void Lees(DateOnly dag, Datastore store, Bestandsverslag v)
    {
        var soort = v.Bericht ?? "?";
        Regioverslag.Tel(verslag.Uitkomsten, $"{soort} {v.Uitkomst}");
        if (v.Uitkomst is Uitkomsten.Invalid or Uitkomsten.Error)
        {
            verslag.Problemen.Add($"{Path.GetFileName(v.Bestand)}: {v.Uitkomst}: {string.Join("; ", v.Meldingen.Take(3))}");
        }

        if (soort is "JW305" or "JW307")
        {
            foreach (var code in v.Retourcodes ?? [])
            {
                Regioverslag.Tel(verslag.StartStopCodes, code);
            }
        }

        foreach (var b in v.Besluiten)
        {
            Regioverslag.Tel(soort == "JW317" ? verslag.Jw317Besluiten : verslag.Jw315Besluiten, b.Uitkomst);
            if (b.Uitkomst == Uitkomsten.Rejected && b.Reden is { } r)
            {
                Regioverslag.Tel(verslag.AfwijzingPerReden, r);
            }

            if (b.Uitkomst == Uitkomsten.Review)
            {
                foreach (var regel in ReviewRegels(b))
                {
                    Regioverslag.Tel(verslag.ReviewRegels, regel);
                }

                openReviews[b.Referentie] = soort;
                PlanBesluit(dag, b.Referentie, soort == "JW317");
            }
        }

        LeesAntwoorden(dag, store, v.Outbox);
    }

    /// <summary>The rules that asked for a person, from the decision's findings.</summary>
    private static IReadOnlyList<string> ReviewRegels(Beslissing b) =>
        b.TerBeoordeling is { Count: > 0 } regels ? regels : ["onbekend"];

    /// <summary>
    /// The providers read the answers named in a report: from the outbox folder, or without files from the outbox table
    /// as the provider API hands them out (only to their receiver, the name's first part).
    /// </summary>
    private void LeesAntwoorden(DateOnly dag, Datastore store, IEnumerable<string> paden)
    {
        foreach (var pad in paden)
        {
            var naam = Path.GetFileName(pad);
            if (!gezieneAntwoorden.Add(naam))
            {
                continue;
            }

            var delen = naam.Split('_');
            var soort = delen.Length >= 3 ? delen[1] : "?";
            Regioverslag.Tel(verslag.Antwoorden, soort);
            if (soort is not ("JW301" or "JW325"))
            {
                continue;
            }

            var inhoud = outbox is null ? Antwoordsessie(store).UitgaandBericht(delen[0], naam)?.Inhoud : File.ReadAllBytes(pad);
            if (inhoud is null)
            {
                verslag.Problemen.Add($"{naam}: niet in de outbox");
                continue;
            }

            var gelezen = IjwLezer.Lees(inhoud);
            if (!gelezen.TryGet(out var bericht))
            {
                verslag.Problemen.Add($"{naam}: niet te lezen: {string.Join("; ", gelezen.Fouten.Take(3))}");
                continue;
            }

            switch (bericht)
            {
                case Toewijzingbericht jw301:
                    Ontvang(dag, jw301);
                    break;
                case DeclaratieAntwoordbericht jw325 when jw325.DeclaratieAntwoord is { } antwoord:
                    verslag.ToegekendCent += antwoord.TotaalToegekendBedrag.Saldo;
                    foreach (var p in antwoord.Clienten.SelectMany(c => c.Prestaties))
                    {
                        foreach (var code in p.RetourCodes ?? [])
                        {
                            Regioverslag.Tel(verslag.GeweigerdeRegels, code);
                        }
                    }

                    // 8001 (all approved) and 0200 (see the lines) are no refusal of the declaration as a whole.
                    foreach (var code in antwoord.RetourCodes.Where(c => c is not ("8001" or "0200")))
                    {
                        Regioverslag.Tel(verslag.GeweigerdeRegels, "declaratie " + code);
                    }

                    break;
            }
        }
    }

    private StoreSessie? antwoordsessie;

    /// <summary>
    /// One session of the day's store for the providers' reads of their answers without files: a session a read (a
    /// connection from the pool, its pragmas, the statement prepared) was a twentieth of a generated region's time. It
    /// reads outside any transaction, so each read sees what was committed before it, as a read on a fresh session did.
    /// </summary>
    private StoreSessie Antwoordsessie(Datastore store) => antwoordsessie ??= store.OpenSessie();

    private void PlanBesluit(DateOnly dag, string referentie, bool jw317)
    {
        // Staff decide nearly every review item, most within the answer term (HK-315-3: 5 werkdagen) and some
        // later; a few wait longer than the run. Items from the last days are still open at the end: the demo
        // date shows fresh, due-today and overdue work, as a real Monday morning does.
        if (!t.Kans(jw317 ? 0.85 : 0.93))
        {
            return;
        }

        // Half within four werkdagen, a quarter on the last day of the term, the rest a few days late.
        var op = werkdagen.Plus(dag, t.Gewogen([55, 25, 20]) switch { 0 => t.Tussen(1, 4), 1 => 5, _ => t.Tussen(6, 12) });
        if (BinnenSimulatie(op))
        {
            reviews.Add((op, referentie, jw317));
        }
    }

    private void Beslis(Datastore store, DateOnly dag, string referentie, bool jw317)
    {
        // A JW317 cannot be approved by hand (its JW301 needs the engine's recalculation): staff reject it.
        var toekennen = !jw317 && t.Kans(0.85);
        var besluit = new Handbesluit(referentie, toekennen, toekennen ? null : 4, toekennen ? "Akkoord na beoordeling." : "Past niet binnen de afspraken.", Medewerker);
        var r = BesluitNemen.Neem(store, besluit, dag, outbox, new Demoklok(dag, Demoklok.Besluiten));
        if (!r.TryGet(out var uit))
        {
            verslag.Problemen.Add($"besluit {referentie}: {string.Join("; ", r.Fouten)}");
            return;
        }

        openReviews.Remove(referentie);
        if (toekennen)
        {
            verslag.MedewerkerToegekend++;
        }
        else
        {
            verslag.MedewerkerAfgewezen++;
        }

        LeesAntwoorden(dag, store, uit.Outbox);
    }

    // ---- the provider reads its JW301s ----------------------------------------------------------------------

    private void Ontvang(DateOnly dag, Toewijzingbericht jw301)
    {
        if (jw301.Client is not { } client)
        {
            return;
        }

        var gemeente = jw301.Header.Afzender;
        var agb = jw301.Header.Ontvanger;
        var aanbieder = regio.Aanbieders.First(a => a.Agb == agb);
        foreach (var regel in client.ToegewezenProducten)
        {
            if (allocaties.TryGetValue((gemeente, regel.ToewijzingNummer), out var bekend))
            {
                // Ended earlier by a change (a step to another Multi form): care stops on the new end, with a JW307.
                if (regel.Einddatum is { } korter && bekend.Eind is { } was && korter < was && bekend.Begin is not null && bekend.Stop is null)
                {
                    PlanStop(bekend, korter, "31");
                }

                bekend.Eind = regel.Einddatum;
                bekend.Volume = regel.Omvang?.Volume ?? bekend.Volume;
                bekend.Verwijderd = regel.RedenWijziging == "13";
                continue;
            }

            var persoon = personen.GetValueOrDefault(client.Bsn) ?? throw new InvalidOperationException("Een JW301 voor een onbekende cliënt.");
            var product = regel.Product?.Code is { } code && ProductCode.Parse(code).TryGet(out var pc) ? regels.Catalogus.OpDatum(regel.Ingangsdatum).Product(pc) : null;
            var a = new Allocatie(regel.ToewijzingNummer, gemeente, aanbieder, persoon, product, regel);
            allocaties[(gemeente, a.Nummer)] = a;
            if (t.Kans(0.10))
            {
                noShowGeneigd.Add(a.Client.Bsn);
            }

            allocatieVolgorde.Add(a);
            if (!perAanbieder.TryGetValue((gemeente, aanbieder), out var vanAanbieder))
            {
                perAanbieder[(gemeente, aanbieder)] = vanAanbieder = [];
            }

            vanAanbieder.Add(a);
            var uitAanvraag = regel.ReferentieAanbieder is { } referentie && aanvragen.TryGetValue(referentie, out var aanvraag) ? aanvraag : null;
            a.Herkomst = uitAanvraag?.Verwijzer.Type;
            PlanZorg(dag, a, uitWijziging: uitAanvraag is null);
            if (uitAanvraag is not null)
            {
                PlanVervolg(dag, uitAanvraag, a);
            }
        }
    }

    /// <summary>After an allocation: the actual start and its JW305, maybe a change, an early or planned stop.</summary>
    private void PlanZorg(DateOnly dag, Allocatie a, bool uitWijziging)
    {
        var ontvangen = dag.AddDays(1);
        var begin = (a.Ingang > ontvangen ? a.Ingang : ontvangen).AddDays(t.Kans(0.3) ? t.Tussen(1, 7) : 0);
        if (!BinnenSimulatie(begin) || (a.Eind is { } e && begin > e))
        {
            return;
        }

        a.Begin = begin;
        var startMissen = t.Kans(0.04);
        var startLaat = t.Kans(0.12);
        if (startMissen)
        {
            nietGemeld.Add(("JW305", a, begin));
        }
        else
        {
            Plan(werkdagen.Plus(begin, startLaat ? t.Tussen(6, 15) : t.Tussen(1, 5)), d => StuurStart(d, a, begin));
        }

        if (a.IsDummy)
        {
            return;
        }

        if (t.Kans(0.10))
        {
            var stop = begin.AddDays(t.Tussen(14, 70));
            if (a.Eind is not { } e2 || stop < e2)
            {
                var reden = new[] { "32", "33", "34", "35", "38", "39" }[t.Gewogen([25, 10, 35, 10, 12, 8])];
                PlanStop(a, stop, reden);
                return;
            }
        }

        // Trajectories change while they run (HK spec §6): a few weeks into the care the provider sends a JW317,
        // for one Diagnostiek in seven and for half of treatment and guidance (form, minutes, end date).
        // An allocation that itself came from a JW317 is not changed again in the run.
        if (!uitWijziging && a.Product is { } p && regels.Perceel(p.Perceel) is { Jw317Toegestaan: true } && p.Soort != ProductSoort.Groep
            && t.Kans(regio.IsDiagnostiek(p) ? 0.15 : 0.5))
        {
            var op = begin.AddDays(regio.IsDiagnostiek(p) ? t.Tussen(14, 45) : t.Tussen(5, 25));
            Plan(op, d => StuurWijziging(d, a));
        }

        if (a.Eind is { } einde)
        {
            PlanStop(a, einde, "31");
        }
    }

    private readonly List<(string Soort, Allocatie A, DateOnly Datum)> nietGemeld = [];

    private void PlanStop(Allocatie a, DateOnly einde, string reden)
    {
        if (!BinnenSimulatie(einde))
        {
            return;
        }

        var missen = t.Kans(0.04);
        var laat = t.Kans(0.10);
        var op = werkdagen.Plus(einde, laat ? t.Tussen(6, 15) : t.Tussen(1, 5));
        Plan(einde, _ =>
        {
            // On the day care ends the provider knows it; a planned end that moved (JW317) is re-planned.
            if (a.Verwijderd || a.Stop is not null)
            {
                return;
            }

            if (reden == "31" && a.Eind != einde)
            {
                if (a.Eind is { } nieuw && nieuw > einde)
                {
                    PlanStop(a, nieuw, "31");
                }

                return;
            }

            a.Stop = einde;
            if (missen)
            {
                nietGemeld.Add(("JW307", a, einde));
                return;
            }

            Plan(op, d => StuurStop(d, a, reden, einde));
        });
    }

    /// <summary>
    /// A JW317 for a running allocation, of one of the kinds the seed names, in rough real-life proportions:
    /// moving the end date (HK-317-5) most, then more or fewer minutes, individual to group (HK-317-6) and a
    /// step to another Multi form at the same provider (HK-317-7) where the contract has one, and now and then
    /// an end date moved further than allowed.
    /// </summary>
    private void StuurWijziging(DateOnly dag, Allocatie a)
    {
        if (a.Verwijderd || a.Stop is not null || a.Eind is not { } einde || einde <= dag.AddDays(28) || a.Product is not { } product)
        {
            return;
        }

        // (A group share needs minutes to take from: at least four hours allocated.)
        var groep = product.Groepsvariant is { } gv && regels.Product(gv) is { } g && regio.HeeftContract(a.Aanbieder.Agb, a.Gemeente, gv.Waarde)
            && a.Volume >= 240 ? g : null;
        var stappen = regio.IsDiagnostiek(product) ? [] : regio.ProductenIn(a.Gemeente)
            .Where(x => x.Perceel == product.Perceel && x.Soort == product.Soort && x.Code != product.Code && !regio.IsDiagnostiek(x)
                && regio.HeeftContract(a.Aanbieder.Agb, a.Gemeente, x.Code.Waarde))
            .ToList();
        // Diagnostiek is only moved or resized; treatment and guidance mostly switch form (the seed's two examples).
        var soort = regio.IsDiagnostiek(product)
            ? t.Gewogen([50, 35, 0, 0, 15])
            : t.Gewogen([20, 15, groep is null ? 0 : 35, stappen.Count == 0 ? 0 : 35, 5]);
        var periode = einde.DayNumber - a.Ingang.DayNumber + 1;
        var ingang = dag.AddDays(t.Tussen(14, 28));
        var omvang = new Omvang(a.Volume, a.Eenheid, "6");
        TeWijzigenProduct wijziging;
        List<NieuwProduct> nieuw = [];
        switch (soort)
        {
            case 1:
                // More minutes mostly; sometimes fewer.
                var factor = t.Kans(0.75) ? 115 + t.Getal(21) : 75 + t.Getal(16);
                wijziging = new TeWijzigenProduct(a.Nummer, a.Ingang, einde, omvang with { Volume = Math.Max(60, a.Volume * factor / 100 / 60 * 60) }, null);
                break;
            case 2:
                // HK-317-6: a quarter of the minutes move to the group product from the change on; the total stays equal.
                var inGroep = Math.Max(60, a.Volume / 4 / 60 * 60);
                wijziging = new TeWijzigenProduct(a.Nummer, a.Ingang, einde, omvang with { Volume = a.Volume - inGroep }, null);
                nieuw.Add(new NieuwProduct(new Ijw.Berichten.Product(groep!.Categorie, groep.Code.Waarde), ingang, einde, new Omvang(inGroep, groep.Eenheid, groep.Frequentie), null));
                break;
            case 3:
                // HK-317-7: the current form ends the day before the other form starts; the minutes used so far stay,
                // the new form gets more (a step up) or fewer (a step down) than the remaining minutes.
                var ander = t.Kies(stappen);
                var gebruikt = Math.Max(60, a.Volume * (ingang.DayNumber - a.Ingang.DayNumber) / periode / 60 * 60);
                var rest = Math.Max(60, a.Volume - gebruikt);
                wijziging = new TeWijzigenProduct(a.Nummer, a.Ingang, ingang.AddDays(-1), omvang with { Volume = gebruikt }, null);
                nieuw.Add(new NieuwProduct(new Ijw.Berichten.Product(ander.Categorie, ander.Code.Waarde), ingang, einde,
                    new Omvang(Math.Max(60, rest * (t.Kans(0.6) ? 125 : 80) / 100 / 60 * 60), ander.Eenheid, ander.Frequentie), null));
                break;
            default:
                // HK-317-5: only a later end; a quarter to under a half of the period (allowed), or 80-100% (too far).
                var deel = soort == 0 ? 0.25 + (t.Fractie() * 0.2) : 0.8 + (t.Fractie() * 0.2);
                wijziging = new TeWijzigenProduct(a.Nummer, a.Ingang, einde.AddDays((int)(periode * deel)), omvang, null);
                break;
        }

        gewijzigd.Add(a);
        Regioverslag.Tel(verslag.Jw317Soorten, Regioverslag.Jw317Soortnamen[soort]);
        if (soort == 4)
        {
            Regioverslag.Tel(verslag.Afwijkingen, "einddatum te ver verschoven");
        }

        Stuur("JW317", a.Aanbieder.Agb, a.Aanbieder, a.Gemeente, a.Client.Bsn, dag, soort is 0 or 4 ? "1" : "2", Ongewijzigd(a, dag), wijziging, nieuw);
    }

    /// <summary>TR349: a JW317 names every other current allocation of the client with this provider as unchanged.</summary>
    private List<long> Ongewijzigd(Allocatie a, DateOnly dag) =>
        [.. AllocatiesVan(a.Gemeente, a.Aanbieder)
            .Where(x => x != a && x.Client == a.Client && !x.Verwijderd
                && (x.Eind is not { } e || e >= dag))
            .Select(x => x.Nummer)];

    private void Stuur(string soort, string agb, Aanbieder aanbieder, string gemeente, string bsn, DateOnly dag, string reden,
        IReadOnlyList<long> ongewijzigd, TeWijzigenProduct wijziging, IReadOnlyList<NieuwProduct> nieuw)
    {
        var id = Identificatie(agb, "VOW");
        var kop = Berichtenbouwer.Kop(Berichtsoort.JW317, agb, gemeente, id, dag);
        Stuur(soort, agb, id, Berichtenbouwer.Jw317(kop, bsn, Referentie(aanbieder), reden, ongewijzigd, wijziging, nieuw));
    }

    /// <summary>What the request's plan says comes next, and the deliberate duplicate.</summary>
    private void PlanVervolg(DateOnly dag, Aanvraag aanvraag, Allocatie a)
    {
        if (!a.IsDummy && aanvraag.Afwijking == Afwijking.Geen && t.Kans(0.03))
        {
            var dubbel = NieuweAanvraag(aanvraag.Aanbieder, aanvraag.Gemeente, aanvraag.Client, aanvraag.Huishouden, aanvraag.Product,
                dag, Afwijking.Dubbel, Vervolg.Geen, aanvraag.Verwijzer);
            Plan(werkdagen.Plus(dag, t.Tussen(5, 15)), d => StuurJw315(d, dubbel));
        }

        switch (aanvraag.Vervolg)
        {
            case Vervolg.Individueel:
            case Vervolg.Gezin:
                if (!t.Kans(0.65))
                {
                    return;
                }

                var keuze = aanvraag.Vervolg == Vervolg.Gezin
                    ? regio.ProductenIn(aanvraag.Gemeente).Where(p => p.Soort == ProductSoort.Gezin).ToList()
                    : regio.ProductenIn(aanvraag.Gemeente).Where(p => p.Soort == ProductSoort.Individueel && !regio.IsDiagnostiek(p)
                        && regels.Perceel(p.Perceel) is { Jw315AltijdBeoordelen: false }).ToList();
                if (keuze.Count == 0)
                {
                    return;
                }

                var product = t.Kies(keuze);
                var aanbieder = regio.HeeftContract(aanvraag.Aanbieder.Agb, aanvraag.Gemeente, product.Code.Waarde)
                    ? aanvraag.Aanbieder
                    : regio.AanbiedersMet(aanvraag.Gemeente, product.Code.Waarde) is { Count: > 0 } anderen ? t.Kies(anderen) : null;
                if (aanbieder is null)
                {
                    return;
                }

                var op = a.Ingang.AddDays(t.Tussen(21, 75));
                var vervolg = product.Soort == ProductSoort.Gezin ? Vervolg.Dummies : Vervolg.Geen;
                Plan(op, d => StuurJw315(d, NieuweAanvraag(aanbieder, aanvraag.Gemeente, aanvraag.Client, aanvraag.Huishouden, product, d,
                    Afwijking.Geen, vervolg, aanvraag.Verwijzer)));
                break;

            case Vervolg.Dummies:
                if (aanvraag.Product.ExtraClientProduct is not { } dummyCode || regels.Product(dummyCode) is not { } dummy)
                {
                    return;
                }

                foreach (var broer in aanvraag.Huishouden.Kinderen(dag).Where(k => k != aanvraag.Client && k.LeeftijdOp(dag) < 18 && k.InRegister))
                {
                    var moment = werkdagen.Plus(dag, t.Tussen(1, 5));
                    // The dummy runs alongside the family allocation: from its start (or tomorrow) to its end.
                    Plan(moment, d => StuurJw315(d, NieuweAanvraag(aanvraag.Aanbieder, aanvraag.Gemeente, broer, aanvraag.Huishouden, dummy, d,
                        Afwijking.Geen, Vervolg.Geen) with { Ingang = d.AddDays(1) > a.Ingang ? d.AddDays(1) : a.Ingang, Eind = a.Eind }));
                }

                break;
        }
    }

    private static int Maanden(DateOnly van, DateOnly? tot) =>
        tot is { } e ? Math.Max(1, ((e.Year - van.Year) * 12) + e.Month - van.Month) : 12;

    private void TelNietVerstuurd()
    {
        foreach (var (soort, _, _) in nietGemeld)
        {
            Regioverslag.Tel(verslag.NietVerstuurd, soort);
        }
    }
}

/// <summary>A planned care trajectory: what the first request asks and the day it is sent.</summary>
internal sealed record Casus(DateOnly Dag, Aanbieder Aanbieder, string Gemeente, Persoon Client, Huishouden Huishouden, Product Product,
    Afwijking Afwijking, Vervolg Vervolg, Verwijzer? Verwijzer = null, int? Maanden = null);
