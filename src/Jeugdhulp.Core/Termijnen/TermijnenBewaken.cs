using Jeugdhulp.Core.NoShow;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Core.Werkdagen;

namespace Jeugdhulp.Core.Termijnen;

/// <summary>
/// Lists every open obligation in a <see cref="Termijnstand"/> (issue 6). The municipality: the answer to a
/// request in review (HK-315-3), a rejection on the woonplaatsbeginsel (HK-WD-2-WOONPLAATS, OP359), a
/// retour (HK-WD-2-RETOUR-GEMEENTE, OP090), the JW325 (HK-325-1), the decision after a third no-show
/// (HK-NS-3) and the 18th-birthday signal (HK-PRD-6). The provider: a missing JW305 (HK-305-1) or JW307
/// (HK-307-1; HK-307-1-GI for an allocation of the veiligheidsketen), the JW323 for a month (HK-323-1), and the
/// signals for a JW317 sent with less than the advised lead time (HK-317-4), a JW315 more than a year after the
/// medical referral (HK-ROUTE-1) and the terugval window after care ended (HK-315-9). Every number
/// comes from the rules in force; an obligation disappears when its message or decision is in the state.
/// </summary>
public static class TermijnenBewaken
{
    /// <summary>Rule id of the municipality's answer deadline.</summary>
    public const string Antwoord = "HK-315-3";

    /// <summary>Rule id of the JW305 deadline.</summary>
    public const string Start = "HK-305-1";

    /// <summary>Rule id of the JW307 deadline.</summary>
    public const string Stop = "HK-307-1";

    /// <summary>Deadline id of the GI's JW307 after the measure ends (HK spec §12, veiligheidsketen).</summary>
    public const string StopGi = "HK-307-1-GI";

    /// <summary>Rule id of the terugval window (its numbers are policy, <see cref="Beleid.Terugval"/>).</summary>
    public const string Terugval = "HK-315-9";

    /// <summary>Rule id of the age-limit signal.</summary>
    public const string Leeftijd = "HK-PRD-6";

    /// <summary>Deadline id of the municipality's retour messages (HK-WD-2, OP090).</summary>
    public const string Retour = "HK-WD-2-RETOUR-GEMEENTE";

    /// <summary>Rule id of the JW325 deadline.</summary>
    public const string Declaratieantwoord = "HK-325-1";

    /// <summary>Deadline id of a rejection on the woonplaatsbeginsel (HK-WD-2, OP359).</summary>
    public const string Woonplaats = "HK-WD-2-WOONPLAATS";


    /// <summary>Rule id of the monthly declaration.</summary>
    public const string Declaratie = "HK-323-1";

    /// <summary>Rule id of the intake after a medical referral.</summary>
    public const string Intake = "HK-ROUTE-1";

    /// <summary>Every deadline id the watch uses directly (the JW317 lead times come from the lots).</summary>
    public static IReadOnlyList<string> Termijnen { get; } =
        [Antwoord, Start, Stop, StopGi, Retour, Declaratieantwoord, Woonplaats, NoShowRegistreren.Besluitregel, Declaratie, Intake];

    /// <summary>Open obligations on <paramref name="vandaag"/>: overdue first, then by due date.</summary>
    public static IReadOnlyList<Verplichting> Open(Termijnstand stand, Regelset regels, Werkdagenkalender kalender, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(stand);
        ArgumentNullException.ThrowIfNull(regels);
        ArgumentNullException.ThrowIfNull(kalender);
        var lijst = new List<Verplichting>();

        if (regels.Termijn(Antwoord) is { } antwoord)
        {
            foreach (var v in stand.Verzoeken)
            {
                // After "in onderzoek" (HK-315-3) the final answer is due on the new deadline the JW319 announced.
                lijst.Add(v.InOnderzoekTot is { } tot
                    ? new Verplichting(Partij.Gemeente, v.Gemeente, "JW301/JW319", v.Referentie, v.Client, tot, Handbesluiten.InOnderzoekSturen.Termijnregel, false)
                    : new Verplichting(Partij.Gemeente, v.Gemeente, "JW301/JW319", v.Referentie, v.Client,
                        Vervalt(antwoord, v.Ontvangen, kalender), antwoord.Id, antwoord.Advies));
            }
        }

        Verzoeken(lijst, stand, regels, kalender);
        Berichten(lijst, stand, regels, kalender);
        NoShows(lijst, stand, regels, kalender);
        Doorlooptijden(lijst, stand, regels, kalender, vandaag);
        Conversie(lijst, stand);
        if (stand.Verblijf is { } verblijf)
        {
            lijst.AddRange(Verblijf.VerblijfBewaken.Open(verblijf, stand.Geboortedata, regels, kalender, vandaag));
        }

        var start = regels.Termijn(Start);
        var stop = regels.Termijn(Stop);
        var stopGi = regels.Termijn(StopGi) ?? stop;
        var hervat = Hervattingen(stand, regels);
        foreach (var t in stand.Toewijzingen)
        {
            // An allocation withdrawn before it began (end before start) owes nothing.
            if (t.Einddatum is { } e0 && e0 < t.Ingangsdatum)
            {
                continue;
            }

            var nummer = t.Nummer.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (start is not null && !t.StartOntvangen && t.Ingangsdatum <= vandaag)
            {
                // HK-305-1: allocated retroactively (the JW301 came after the start), the 5 werkdagen run from
                // the provider's receipt of the JW301, not from a start that was already past.
                var vanaf = t.Toewijzingsdatum is { } toegewezen && toegewezen > t.Ingangsdatum ? toegewezen : t.Ingangsdatum;
                lijst.Add(new Verplichting(Partij.Aanbieder, t.Aanbieder, "JW305", nummer, t.Client,
                    Vervalt(start, vanaf, kalender), start.Id, start.Advies) { Product = t.Product });
            }

            // A stop only follows a recorded start (a JW307 without a JW305 is refused); while the start is
            // missing, the JW305 obligation is the one shown.
            var stopTermijn = t.Herkomst is { } h && Verwijzer.IsGedwongenKader(h) ? stopGi : stop;
            if (stopTermijn is not null && t.StartOntvangen && !t.StopOntvangen && t.Einddatum is { } eind && eind <= vandaag)
            {
                lijst.Add(new Verplichting(Partij.Aanbieder, t.Aanbieder, "JW307", nummer, t.Client,
                    Vervalt(stopTermijn, eind, kalender), stopTermijn.Id, stopTermijn.Advies) { Product = t.Product });
            }

            if (TerugvalVenster(t, nummer, regels, hervat, vandaag) is { } venster)
            {
                lijst.Add(venster with { Product = t.Product });
            }

            if (Achttien(t, stand, regels, vandaag) is { } signaal)
            {
                lijst.Add(signaal with { Referentie = nummer, Product = t.Product });
            }

            Declaraties(lijst, t, nummer, regels, kalender, vandaag);
        }

        // By due date: every overdue item (due before today) sorts before every item still on time.
        return [.. lijst.OrderBy(v => v.Vervaldatum)
            .ThenBy(v => v.Regel, StringComparer.Ordinal).ThenBy(v => v.Referentie, StringComparer.Ordinal)];
    }

    /// <summary>The due date: <paramref name="termijn"/> counted from <paramref name="van"/>.</summary>
    public static DateOnly Vervalt(Termijn termijn, DateOnly van, Werkdagenkalender kalender)
    {
        ArgumentNullException.ThrowIfNull(termijn);
        ArgumentNullException.ThrowIfNull(kalender);
        return termijn.Eenheid switch
        {
            TermijnEenheid.Werkdagen => kalender.Plus(van, termijn.Aantal),
            TermijnEenheid.Dagen => van.AddDays(termijn.Aantal),
            TermijnEenheid.Weken => van.AddDays(7 * termijn.Aantal),
            TermijnEenheid.Maanden => van.AddMonths(termijn.Aantal),
            TermijnEenheid.Jaren => van.AddYears(termijn.Aantal),
            _ => throw new ArgumentOutOfRangeException(nameof(termijn), termijn.Eenheid, "onbekende eenheid"),
        };
    }

    /// <summary>
    /// A request in review whose woonplaatsbeginsel is open: its rejection on that ground is due 2 weeks
    /// after receipt (OP359). A JW315 received more than a year after a known medical referral: a signal
    /// that the intake may have started too late (HK-ROUTE-1); the JW315 follows the intake within 5
    /// werkdagen (HK-315-2), so its receipt is the latest the intake can have been.
    /// </summary>
    private static void Verzoeken(List<Verplichting> lijst, Termijnstand stand, Regelset regels, Werkdagenkalender kalender)
    {
        var woonplaats = regels.Termijn(Woonplaats);
        var intake = regels.Termijn(Intake);
        foreach (var v in stand.Verzoeken)
        {
            if (woonplaats is not null && v.WoonplaatsOnzeker)
            {
                lijst.Add(new Verplichting(Partij.Gemeente, v.Gemeente, "besluit woonplaatsbeginsel", v.Referentie, v.Client,
                    Vervalt(woonplaats, v.Ontvangen, kalender), woonplaats.Id, woonplaats.Advies));
            }

            if (intake is not null && v.Verwijsdatum is { } verwezen && Vervalt(intake, verwezen, kalender) is var uiterlijk && v.Ontvangen > uiterlijk)
            {
                lijst.Add(new Verplichting(Partij.Aanbieder, v.Aanbieder, "intake binnen termijn na verwijzing", v.Referentie, v.Client,
                    uiterlijk, intake.Id, true));
            }
        }
    }

    /// <summary>A received message without its retour (OP090) or, for a JW323, without its JW325 (HK-325-1).</summary>
    private static void Berichten(List<Verplichting> lijst, Termijnstand stand, Regelset regels, Werkdagenkalender kalender)
    {
        var retour = regels.Termijn(Retour);
        var jw325 = regels.Termijn(Declaratieantwoord);
        foreach (var m in stand.Onbeantwoord ?? [])
        {
            // The same mapping is kept in SQL by migration 0029 (termijnen_onbeantwoord's backfill and triggers): change both.
            var (termijn, verwacht) = m.Berichtcode switch
            {
                "JW323" => (jw325, "JW325"),
                "JW315" => (retour, "JW316"),
                "JW317" => (retour, "JW318"),
                "JW305" => (retour, "JW306"),
                "JW307" => (retour, "JW308"),
                _ => (null, ""),
            };
            if (termijn is not null)
            {
                lijst.Add(new Verplichting(Partij.Gemeente, m.Gemeente, verwacht, m.Identificatie, m.Client,
                    Vervalt(termijn, m.Ontvangen, kalender), termijn.Id, termijn.Advies));
            }
        }
    }

    /// <summary>
    /// HK-CONV-3: the running care of a provider without a regional contract is finished or handed over (to a
    /// contracted provider, under subcontracting or a maatwerkovereenkomst) by the end of the period the region's
    /// conversion table gives; the municipality sees to it, until staff close the conversion work item.
    /// </summary>
    private static void Conversie(List<Verplichting> lijst, Termijnstand stand)
    {
        foreach (var c in stand.Conversie ?? [])
        {
            lijst.Add(new Verplichting(Partij.Gemeente, c.Gemeente, ConversieVerwacht, c.Nummer.ToString(System.Globalization.CultureInfo.InvariantCulture),
                c.Client, c.Uiterlijk, ConversieRegel, false));
        }
    }

    /// <summary>The rule id of the conversion deadline.</summary>
    public const string ConversieRegel = "HK-CONV-3";

    /// <summary>What the conversion deadline awaits.</summary>
    public const string ConversieVerwacht = "afronding lopende zorg";

    /// <summary>The municipality's decision after a third no-show, due 3 weeks after it was reported (HK-NS-3).</summary>
    private static void NoShows(List<Verplichting> lijst, Termijnstand stand, Regelset regels, Werkdagenkalender kalender)
    {
        if (regels.Termijn(NoShowRegistreren.Besluitregel) is not { } termijn)
        {
            return;
        }

        foreach (var n in stand.NoShowBesluiten ?? [])
        {
            lijst.Add(new Verplichting(Partij.Gemeente, n.Gemeente, "besluit no-show", n.Nummer.ToString(System.Globalization.CultureInfo.InvariantCulture),
                n.Client, Vervalt(termijn, n.Gemeld, kalender), termijn.Id, termijn.Advies) { Product = n.Product });
        }
    }

    /// <summary>
    /// HK-317-4 as a signal: a JW317 received after the last day that still leaves the lot's advised lead
    /// time before its change takes effect. Listed until that day has come (then the change is in effect and
    /// nothing is left to act on); due on the last advised day, so it always shows as late.
    /// </summary>
    private static void Doorlooptijden(List<Verplichting> lijst, Termijnstand stand, Regelset regels, Werkdagenkalender kalender, DateOnly vandaag)
    {
        foreach (var w in stand.Wijzigingen ?? [])
        {
            Verplichting? vroegste = null;
            foreach (var (product, ingang) in w.Ingangen)
            {
                if (vandaag > ingang
                    || regels.Product(product) is not { } p
                    || regels.Perceel(p.Perceel)?.DoorlooptijdTermijn is not { } id
                    || regels.Termijn(id) is not { } termijn)
                {
                    continue;
                }

                var uiterlijk = LaatsteDag(termijn, ingang, kalender);
                if (w.Ontvangen > uiterlijk && (vroegste is null || uiterlijk < vroegste.Vervaldatum))
                {
                    vroegste = new Verplichting(Partij.Aanbieder, w.Aanbieder, $"JW317 {termijn.Aantal} {termijn.Eenheid.ToString().ToLowerInvariant()} voor ingang {ingang:yyyy-MM-dd}",
                        w.Referentie, w.Client, uiterlijk, termijn.Id, true) { Product = product };
                }
            }

            if (vroegste is not null)
            {
                lijst.Add(vroegste);
            }
        }
    }

    /// <summary>The last day from which <paramref name="termijn"/> still ends on or before <paramref name="dag"/>.</summary>
    public static DateOnly LaatsteDag(Termijn termijn, DateOnly dag, Werkdagenkalender kalender)
    {
        ArgumentNullException.ThrowIfNull(termijn);
        var d = dag;
        while (Vervalt(termijn, d, kalender) > dag)
        {
            d = d.AddDays(-1);
        }

        return d;
    }

    /// <summary>
    /// HK-323-1: every month in which the provider reported delivery (a JW305 start up to its JW307 stop,
    /// within the allocation) must be declared by the end of the following month. The item appears when the
    /// month is over and disappears when a JW323 declares on the allocation in that month. Dummies (never
    /// declarable, HK-323-8) owe nothing.
    /// </summary>
    private static void Declaraties(List<Verplichting> lijst, LopendeToewijzing t, string nummer, Regelset regels, Werkdagenkalender kalender, DateOnly vandaag)
    {
        if (t.Leveringen is not { Count: > 0 } leveringen
            || regels.Termijn(Declaratie) is not { } termijn
            || regels.Product(t.Product) is { IsDeclareerbaar: false })
        {
            return;
        }

        var gedeclareerd = t.GedeclareerdeMaanden ?? [];
        var maanden = new SortedSet<DateOnly>();
        foreach (var l in leveringen)
        {
            var van = l.Begin > t.Ingangsdatum ? l.Begin : t.Ingangsdatum;
            var tot = Min(Min(l.Eind, t.Einddatum), vandaag);
            for (var m = new DateOnly(van.Year, van.Month, 1); m <= tot; m = m.AddMonths(1))
            {
                maanden.Add(m);
            }
        }

        foreach (var m in maanden)
        {
            if (m.AddMonths(1) <= vandaag && !gedeclareerd.Contains(m))
            {
                lijst.Add(new Verplichting(Partij.Aanbieder, t.Aanbieder, $"JW323 {m:yyyy-MM}", nummer, t.Client,
                    Vervalt(termijn, m.AddMonths(1), kalender).AddDays(-1), termijn.Id, termijn.Advies) { Product = t.Product });
            }
        }
    }

    /// <summary>Per client, provider and product: the latest start of an allocation (for a resumed relapse).</summary>
    private static Dictionary<(string, Bsn, string, ProductCode), DateOnly> Hervattingen(Termijnstand stand, Regelset regels) =>
        regels.Beleid is null
            ? []
            : stand.Toewijzingen.GroupBy(t => (t.Gemeente, t.Client, t.Aanbieder, t.Product))
                .ToDictionary(g => g.Key, g => g.Max(t => t.Ingangsdatum));

    /// <summary>
    /// HK-315-9 (HK spec §12): for the policy's window after an allocation ended the provider guarantees
    /// resumption and may ask, with a JW315, the policy's minutes for its months. A signal from the day after
    /// the end to the last day of the window, then it disappears (a window that closes is not a breach); also
    /// gone once a later allocation of the product with the provider starts. Not after a GI or justice origin
    /// (a relapse needs a new bepaling), not for a withdrawn allocation or a dummy, not when the origin is
    /// unknown.
    /// </summary>
    private static Verplichting? TerugvalVenster(
        LopendeToewijzing t, string nummer, Regelset regels, Dictionary<(string, Bsn, string, ProductCode), DateOnly> hervat, DateOnly vandaag)
    {
        if (regels.Beleid?.Terugval is not { } beleid
            || t.Einddatum is not { } einde
            || vandaag <= einde
            || t.IsVerwijderd
            || t.Herkomst is not { } herkomst
            || Verwijzer.IsGedwongenKader(herkomst)
            || regels.Product(t.Product) is not { IsDeclareerbaar: true })
        {
            return null;
        }

        var sluit = Maanden.Verschuif(einde, beleid.VensterMaanden);
        var laatsteBegin = hervat.GetValueOrDefault((t.Gemeente, t.Client, t.Aanbieder, t.Product));
        return vandaag > sluit || laatsteBegin > einde
            ? null
            : new Verplichting(Partij.Aanbieder, t.Aanbieder, $"terugval: hervatting via JW315, {beleid.Minuten} minuten voor {beleid.DuurMaanden} maanden",
                nummer, t.Client, sluit, Terugval, true);
    }

    private static DateOnly Min(DateOnly? a, DateOnly? b) => (a, b) switch
    {
        ({ } x, { } y) => x < y ? x : y,
        ({ } x, null) => x,
        (null, { } y) => y,
        _ => DateOnly.MaxValue,
    };

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>
    /// The signal when the client reaches the lot's age limit while the allocation runs: it appears
    /// SignaalMaanden before the birthday, falls due on it and stays (overdue) while the allocation runs
    /// past it; it is cleared when the allocation ends before the birthday.
    /// </summary>
    private static Verplichting? Achttien(LopendeToewijzing t, Termijnstand stand, Regelset regels, DateOnly vandaag)
    {
        if (!stand.Geboortedata.TryGetValue(t.Client, out var geboren)
            || regels.Product(t.Product) is not { } product
            || regels.Leeftijdsgrenzen.FirstOrDefault(l => l.Perceel == product.Perceel) is not { } grens)
        {
            return null;
        }

        var verjaardag = geboren.AddYears(grens.MaxLeeftijd);
        var loopt = t.Einddatum is not { } eind || (eind >= verjaardag && eind >= vandaag);
        return loopt && vandaag >= verjaardag.AddMonths(-grens.SignaalMaanden)
            ? new Verplichting(Partij.Gemeente, t.Gemeente, $"signaal {grens.MaxLeeftijd} jaar", "", t.Client, verjaardag, Leeftijd, true)
            : null;
    }
}
