using System.Globalization;
using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Teksten;
using Jeugdhulp.Core.Toewijzing;
using C = Jeugdhulp.Core.Declaratie.Declaratiecodes;

namespace Jeugdhulp.Core.Declaratie;

/// <summary>
/// Assesses a JW323 against the allocations, the earlier declarations and the contracts (iJw level 3 and 4,
/// docs/DECLARATIES.md): per prestatie approved, or refused with every official retour code that applies,
/// its rule id and the finding as data (rendered to Dutch by Core.Teksten). Pure: everything comes in through <see cref="Declaratiebronnen"/>, which
/// holds no JW305/JW307 on purpose: start and stop messages may not be a precondition for processing a
/// declaration (HK-305-3).
/// </summary>
/// <remarks>
/// Prestaties that depend on each other (running sums, one debet per period, credits) are judged as if
/// booked one after the other: first every credit, then every debet, each group in message order. Credits
/// go first so that "credit the old line, declare the corrected line" in one message works whatever the
/// order of the lines; a debet and its own credit in one message are refused (TR316). Only an approved
/// prestatie counts for the prestaties after it.
/// </remarks>
public static class DeclaratieBeoordelen
{
    /// <summary>Assesses <paramref name="invoer"/>; see the type's remarks for the order of dependent prestaties.</summary>
    public static Declaratieoordeel Beoordeel(Declaratieinvoer invoer, Declaratiebronnen bronnen)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        ArgumentNullException.ThrowIfNull(bronnen);

        var declaratieAfkeuren = new List<Afkeur>();
        if (bronnen.DeclaratieNummerBekend)
        {
            declaratieAfkeuren.Add(new Afkeur(C.DeclaratieNummerNietUniek, "TR333", "nummer-niet-uniek", [("nummer", invoer.DeclaratieNummer)]));
        }

        if (invoer.Dagtekening > bronnen.Vandaag)
        {
            declaratieAfkeuren.Add(new Afkeur(C.DagtekeningInToekomst, "TR134", "dagtekening-na-vandaag",
                [("dagtekening", D(invoer.Dagtekening)), ("vandaag", D(bronnen.Vandaag))]));
        }

        if (declaratieAfkeuren.Count > 0)
        {
            return new Declaratieoordeel(declaratieAfkeuren, [], [], 0) { Regelversie = bronnen.Catalogus.Versie };
        }

        var stand = new Stand(bronnen, invoer);
        var afkeuren = new List<Afkeur>?[invoer.Prestaties.Count];
        for (var ronde = 0; ronde < 2; ronde++)
        {
            var credits = ronde == 0;
            for (var i = 0; i < invoer.Prestaties.Count; i++)
            {
                var p = invoer.Prestaties[i];
                if (p.IsCredit == credits)
                {
                    afkeuren[i] = stand.Beoordeel(invoer, p);
                }
            }
        }

        var oordelen = new Prestatieoordeel[invoer.Prestaties.Count];
        long toegekend = 0;
        for (var i = 0; i < oordelen.Length; i++)
        {
            var p = invoer.Prestaties[i];
            oordelen[i] = new Prestatieoordeel(p, (IReadOnlyList<Afkeur>?)afkeuren[i] ?? []);
            if (afkeuren[i] is null)
            {
                toegekend = checked(toegekend + p.Saldo);
            }
        }

        return new Declaratieoordeel([], oordelen, TeLaat(invoer), toegekend) { Regelversie = bronnen.Catalogus.Versie };
    }

    /// <summary>
    /// HK-323-1: declared at the latest in the month after delivery. Late is a signal for staff, never a
    /// refusal (interpretation in the Handelingskader); one line per delivery month.
    /// </summary>
    private static List<Signaal> TeLaat(Declaratieinvoer invoer)
    {
        var perMaand = new SortedDictionary<DateOnly, int>();
        foreach (var p in invoer.Prestaties)
        {
            var maand = new DateOnly(p.Einddatum.Year, p.Einddatum.Month, 1);
            if (invoer.Dagtekening > maand.AddMonths(2).AddDays(-1))
            {
                perMaand[maand] = perMaand.GetValueOrDefault(maand) + 1;
            }
        }

        return [.. perMaand.Select(m => new Signaal("HK-323-1", "te-laat", m.Key.AddMonths(2).AddDays(-1),
            [("aantal", N(m.Value)), ("maand", m.Key.ToString("yyyy-MM", CultureInfo.InvariantCulture)), ("uiterlijk", D(m.Key.AddMonths(2).AddDays(-1))),
                ("dagtekening", D(invoer.Dagtekening))]))];
    }

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string N(Int128 n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Refuses the prestatie with retour <paramref name="code"/> on <paramref name="regel"/>: finding <paramref name="bevinding"/> with its values.</summary>
    private delegate void Weigering(string code, string regel, string bevinding, params Parameter[] parameters);

    /// <summary>A debet's key for TR389/TR416: allocation, ProductPeriode, category and code.</summary>
    private readonly record struct Debetsleutel(long Nummer, DateOnly Begin, DateOnly Eind, string Categorie, string Code);

    /// <summary>Approved totals of one allocation: volume and amount (debet minus credit); its volume per month is in <see cref="Stand"/>'s one table.</summary>
    private sealed class Toewijzingstand
    {
        public long Volume { get; set; }

        public long Bedrag { get; set; }
    }

    /// <summary>What is booked so far: the earlier prestaties, then every approved prestatie of this message.</summary>
    private sealed class Stand
    {
        private readonly Declaratiebronnen bronnen;
        // The references this message used so far; with the booked ones (geboekt, never changed after the constructor)
        // they are every reference used before a prestatie (TR314). Not a copy of the booked ones: that was a table as
        // large as the provider's year, built for every JW323.
        private readonly HashSet<string> referentiesInBericht;
        private readonly Dictionary<string, GeboektePrestatie> geboekt;
        private readonly HashSet<string> debetsInBericht = new(StringComparer.Ordinal);
        private readonly HashSet<string> gecrediteerd = new(StringComparer.Ordinal);
        private readonly Dictionary<Debetsleutel, int> openDebets;
        private readonly Dictionary<long, Toewijzingstand> toewijzingen = [];

        // Approved volume per allocation and month, in one table (a table per allocation was thousands of small
        // dictionaries per JW323 in the what-if replay).
        private readonly Dictionary<(long Nummer, int Maand), long> volumePerMaand;
        private readonly Dictionary<string, List<Contract>> contracten = new(StringComparer.Ordinal);
        private readonly Dictionary<DateOnly, Regelset> regelsets = [];

        public Stand(Declaratiebronnen b, Declaratieinvoer invoer)
        {
            bronnen = b;

            // Sized for what is booked already: a provider's year holds thousands of prestaties, and growing these
            // tables step by step was a twentieth of what the what-if replay allocated.
            var n = b.Eerdere.Count + invoer.Prestaties.Count;
            referentiesInBericht = new(invoer.Prestaties.Count, StringComparer.Ordinal);
            geboekt = new(n, StringComparer.Ordinal);
            openDebets = new(n);
            volumePerMaand = new(n);
            foreach (var p in invoer.Prestaties)
            {
                if (!p.IsCredit)
                {
                    debetsInBericht.Add(p.ReferentieNummer);
                }
            }

            foreach (var e in b.Eerdere)
            {
                // The caller may pass a prestatie twice (found by allocation and by reference): count it once.
                geboekt.TryAdd(e.ReferentieNummer, e);
            }

            foreach (var e in geboekt.Values)
            {
                if (e.Goedgekeurd && e.IsCredit && e.VorigReferentieNummer is { } vorig)
                {
                    gecrediteerd.Add(vorig);
                }
            }

            foreach (var e in geboekt.Values.Where(e => e.Goedgekeurd))
            {
                if (!e.IsCredit && !gecrediteerd.Contains(e.ReferentieNummer))
                {
                    var k = new Debetsleutel(e.ToewijzingNummer, e.Begindatum, e.Einddatum, e.Categorie, e.ProductCode);
                    openDebets[k] = openDebets.GetValueOrDefault(k) + 1;
                }

                Boek(e.ToewijzingNummer, e.Begindatum, e.IsCredit ? -e.Volume : e.Volume, e.IsCredit ? -e.Bedrag : e.Bedrag);
            }

            foreach (var c in b.Contracten)
            {
                if (!contracten.TryGetValue(c.Product.Waarde, out var l))
                {
                    contracten[c.Product.Waarde] = l = [];
                }

                l.Add(c);
            }
        }

        private void Boek(long nummer, DateOnly begin, long volume, long bedrag)
        {
            if (!toewijzingen.TryGetValue(nummer, out var s))
            {
                toewijzingen[nummer] = s = new Toewijzingstand();
            }

            s.Volume = checked(s.Volume + volume);
            s.Bedrag = checked(s.Bedrag + bedrag);
            var sleutel = (nummer, Maand(begin));
            volumePerMaand[sleutel] = checked(volumePerMaand.GetValueOrDefault(sleutel) + volume);
        }

        private static int Maand(DateOnly d) => (d.Year * 12) + d.Month;

        private Regelset Regels(DateOnly d)
        {
            if (!regelsets.TryGetValue(d, out var r))
            {
                r = bronnen.Catalogus.OpDatum(d);
                regelsets[d] = r = bronnen.Getuige is { } getuige ? getuige.Bekijk(r) : r;
            }

            return r;
        }

        /// <summary>Judges one prestatie and, when approved, books it; null means approved.</summary>
        public List<Afkeur>? Beoordeel(Declaratieinvoer invoer, Prestatieregel p)
        {
            List<Afkeur>? af = null;
            void Weiger(string code, string regel, string bevinding, params Parameter[] parameters) => (af ??= []).Add(new Afkeur(code, regel, bevinding, parameters));

            // One delegate for the checks below (passing the local function made a new one per check and prestatie).
            Weigering weiger = Weiger;

            // TR314: the reference is used by the first prestatie that carries it, approved or not.
            if (geboekt.ContainsKey(p.ReferentieNummer) || !referentiesInBericht.Add(p.ReferentieNummer))
            {
                Weiger(C.ReferentieAlAangeleverd, "TR314", "referentie-al-aangeleverd", ("referentie", p.ReferentieNummer));
            }

            var t = Koppel(p, weiger);
            if (t is null)
            {
                return af;
            }

            if (p.Categorie != t.Categorie)
            {
                Weiger(C.CategorieOngelijk, "TR339", "categorie-ongelijk", ("categorie", p.Categorie), ("toegewezen", t.Categorie), ("nummer", N(t.Nummer)));
            }

            if (p.ProductCode != t.Product.Waarde)
            {
                Weiger(C.CodeOngelijk, "TR340", "productcode-ongelijk", ("product", p.ProductCode), ("toegewezen", t.Product.Waarde), ("nummer", N(t.Nummer)));
            }

            var eenheidKlopt = Eenheid(p, t, weiger);
            Periode(invoer, p, t, weiger);
            Bedrag(p, weiger);
            if (p.IsCredit)
            {
                Credit(p, weiger);
            }
            else
            {
                Tarief(invoer, p, weiger);
                Debet(p, t, eenheidKlopt, weiger);
            }

            if (af is null)
            {
                Goedgekeurd(p);
            }

            return af;
        }

        /// <summary>TR338, TR384, TR304, HK-323-8: the allocation this prestatie may be declared on, or null.</summary>
        private VastgelegdeToewijzing? Koppel(Prestatieregel p, Weigering weiger)
        {
            if (!bronnen.Toewijzingen.TryGetValue(p.ToewijzingNummer, out var t))
            {
                if (bronnen.VanAndereAanbieder.Contains(p.ToewijzingNummer))
                {
                    weiger(C.NietVanClient, "TR304", "andere-aanbieder", ("nummer", N(p.ToewijzingNummer)));
                }
                else
                {
                    weiger(C.GeenToewijzing, "TR338", "geen-toewijzing", ("nummer", N(p.ToewijzingNummer)));
                }

                return null;
            }

            if (t.IsVerwijderd)
            {
                weiger(C.ToewijzingVerwijderd, "TR384", "toewijzing-verwijderd", ("nummer", N(t.Nummer)));
                return null;
            }

            if (t.Client.Waarde != p.Bsn)
            {
                weiger(C.NietVanClient, "TR304", "andere-client", ("nummer", N(t.Nummer)));
                return null;
            }

            if (Regels(t.Ingangsdatum).IsDeclareerbaar(t.Product) is false)
            {
                weiger(C.GeenToewijzing, "HK-323-8", "dummy", ("nummer", N(t.Nummer)), ("product", t.Product.Waarde));
                return null;
            }

            return t;
        }

        /// <summary>
        /// TR341 against the allocation's unit, where minutes fit an allocation in hours (HK-301-7, C-8: allocated
        /// in minutes or hours, declared in minutes); HK-323-2: a time unit other than the product's is refused,
        /// because the contract tariff is per unit of the product and would pay 7 hours as 7 minutes.
        /// </summary>
        private bool Eenheid(Prestatieregel p, VastgelegdeToewijzing t, Weigering weiger)
        {
            // Only the product's unit is read: a draft that changes its limits does not change this check.
            var eenheid = Regels(t.Ingangsdatum).EenheidVan(t.Product);
            if (t.Omvang is { } o)
            {
                if (p.Eenheid != o.Eenheid && !(p.Eenheid == Omvang.Minuut && o.InMinuten is not null))
                {
                    weiger(C.EenheidOngelijk, "TR341", "eenheid-ongelijk", ("eenheid", p.Eenheid), ("toegewezen", o.Eenheid), ("nummer", N(t.Nummer)));
                    return false;
                }

                if (eenheid is not null && p.Eenheid != eenheid && Omvang.MinutenPer(p.Eenheid) is not null)
                {
                    weiger(C.EenheidOngelijk, "HK-323-2", "tijdeenheid-ongelijk", ("product", t.Product.Waarde), ("producteenheid", eenheid),
                        ("eenheid", p.Eenheid), ("volume", N(p.Volume)), ("minuten", N(Omvang.MinutenPer(p.Eenheid)!.Value)));
                    return false;
                }

                return true;
            }

            if (t.Budget is null && eenheid is not null && p.Eenheid != eenheid)
            {
                weiger(C.EenheidOngelijk, "HK-323-2", "eenheid-ongelijk", ("product", t.Product.Waarde), ("producteenheid", eenheid), ("eenheid", p.Eenheid));
                return false;
            }

            return true;
        }

        /// <summary>TR307/TR308 inside the allocation; TR387/TR388 month boundaries (CS337 one month); TR319 inside a DeclaratiePeriode.</summary>
        private static void Periode(Declaratieinvoer invoer, Prestatieregel p, VastgelegdeToewijzing t, Weigering weiger)
        {
            var eind = t.Einddatum ?? DateOnly.MaxValue;
            var beginBuiten = p.Begindatum < t.Ingangsdatum || p.Begindatum > eind;
            var eindBuiten = p.Einddatum < t.Ingangsdatum || p.Einddatum > eind;
            // The allocation's dates as text only for a refusal that names them: two strings per prestatie and rule set
            // were formatted for nothing on the common path, where no refusal names them.
            string Einde() => t.Einddatum is { } e ? D(e) : "";
            if (beginBuiten)
            {
                weiger(C.BeginBuitenToewijzing, "TR307", "begin-buiten-toewijzing", ("begin", D(p.Begindatum)), ("nummer", N(t.Nummer)), ("ingang", D(t.Ingangsdatum)), ("einde", Einde()));
            }

            if (eindBuiten)
            {
                weiger(C.EindBuitenToewijzing, "TR308", "eind-buiten-toewijzing", ("eind", D(p.Einddatum)), ("nummer", N(t.Nummer)), ("ingang", D(t.Ingangsdatum)), ("einde", Einde()));
            }

            // The boundaries follow the month of the Begindatum; an end in a later month is a wrong end
            // (CS337: one calendar month; the reader refuses that already, this keeps the core complete).
            var eerste = new DateOnly(p.Begindatum.Year, p.Begindatum.Month, 1);
            var laatste = eerste.AddMonths(1).AddDays(-1);
            var verwachtBegin = t.Ingangsdatum > eerste ? t.Ingangsdatum : eerste;
            var verwachtEind = eind < laatste ? eind : laatste;
            if (!beginBuiten && p.Begindatum != verwachtBegin)
            {
                weiger(C.BeginNietMaandgrens, "TR387", "begin-niet-maandgrens", ("begin", D(p.Begindatum)), ("verwacht", D(verwachtBegin)));
            }

            if (!eindBuiten && p.Einddatum != verwachtEind)
            {
                // One text for both rules: an end in a later month breaks CS337, any other wrong end TR388.
                var regel = p.Einddatum > laatste ? "CS337" : "TR388";
                weiger(C.EindNietMaandgrens, regel, "eind-niet-maandgrens", ("eind", D(p.Einddatum)), ("verwacht", D(verwachtEind)));
            }

            if (p.Einddatum > invoer.PeriodeEind)
            {
                weiger(C.BuitenDeclaratieperiode, "TR319", "na-declaratieperiode", ("eind", D(p.Einddatum)), ("periodeBegin", D(invoer.PeriodeBegin)), ("periodeEind", D(invoer.PeriodeEind)));
            }
        }

        /// <summary>TR346: amount = volume × unrounded tariff (unit 83: no tariff, the volume is the amount).</summary>
        private static void Bedrag(Prestatieregel p, Weigering weiger)
        {
            if (p.Eenheid == Prestatieregel.EenheidEuro)
            {
                return;
            }

            if (p.Tarief is not { } tarief)
            {
                weiger(C.BedragOngelijk, "TR346", "tarief-ontbreekt");
                return;
            }

            // Int128: volume and tariff are at most 8 digits each in the schema, but the core does not rely on it.
            var verwacht = (Int128)p.Volume * tarief;
            if (verwacht != p.Bedrag)
            {
                weiger(C.BedragOngelijk, "TR346", "bedrag-ongelijk", ("bedrag", N(p.Bedrag)), ("volume", N(p.Volume)), ("tarief", N(tarief)), ("verwacht", N(verwacht)));
            }
        }

        /// <summary>TR418: the tariff is the contract tariff for this provider and product on the ProductPeriode's begin.</summary>
        private void Tarief(Declaratieinvoer invoer, Prestatieregel p, Weigering weiger)
        {
            if (p.Eenheid == Prestatieregel.EenheidEuro)
            {
                return;
            }

            var contract = contracten.TryGetValue(p.ProductCode, out var l) ? l.OpDag(p.Begindatum) : null;
            if (contract is null)
            {
                weiger(C.TariefOngelijkContract, "TR418", "geen-contracttarief", ("aanbieder", invoer.Aanbieder), ("dag", D(p.Begindatum)), ("product", p.ProductCode), ("gemeente", invoer.Gemeente));
            }
            else if (p.Tarief != contract.TariefCent)
            {
                weiger(C.TariefOngelijkContract, "TR418", "tarief-ongelijk", ("tarief", p.Tarief is { } tarief ? N(tarief) : ""), ("contracttarief", N(contract.TariefCent)),
                    ("product", p.ProductCode), ("dag", D(p.Begindatum)));
            }
        }

        /// <summary>TR323/TR316 (8017) and TR390: a credit reverses one approved earlier debet, once.</summary>
        private void Credit(Prestatieregel p, Weigering weiger)
        {
            if (p.VorigReferentieNummer is not { } vorig)
            {
                weiger(C.CreditZonderDebet, "TR323", "credit-zonder-vorig");
                return;
            }

            if (debetsInBericht.Contains(vorig))
            {
                weiger(C.CreditZonderDebet, "TR316", "debet-in-zelfde-bericht", ("vorig", vorig));
                return;
            }

            if (!geboekt.TryGetValue(vorig, out var debet) || !debet.Goedgekeurd || debet.IsCredit)
            {
                weiger(C.CreditZonderDebet, "TR323", "geen-debet", ("vorig", vorig));
                return;
            }

            if (!debet.KeertOm(p))
            {
                weiger(C.CreditZonderDebet, "TR323", "niet-omgekeerd", ("vorig", vorig));
                return;
            }

            if (gecrediteerd.Contains(vorig))
            {
                weiger(C.AlGecrediteerd, "TR390", "al-gecrediteerd", ("vorig", vorig));
            }
        }

        /// <summary>TR389/TR416 one open debet per period and product; TR321/TR322 volume; TR369 budget.</summary>
        private void Debet(Prestatieregel p, VastgelegdeToewijzing t, bool eenheidKlopt, Weigering weiger)
        {
            if (openDebets.ContainsKey(Sleutel(p)))
            {
                weiger(C.TweedeDebet, "TR389", "tweede-debet", ("nummer", N(t.Nummer)), ("product", p.ProductCode), ("begin", D(p.Begindatum)), ("eind", D(p.Einddatum)));
            }

            var s = toewijzingen.GetValueOrDefault(p.ToewijzingNummer);
            if (t.Omvang is { } o && eenheidKlopt)
            {
                // A minute line on an allocation in hours is checked against the allocation in minutes (C-8).
                var volume = p.Eenheid == o.Eenheid ? o.Volume : o.InMinuten!.Value;
                // The finding's code says over what the volume counts: this month, or the whole allocation (frequency 6).
                var dezeMaand = volumePerMaand.GetValueOrDefault((p.ToewijzingNummer, Maand(p.Begindatum)));
                var (maximum, eerder, perMaand) = o.Frequentie switch
                {
                    "1" => (volume * (p.Einddatum.DayNumber - p.Begindatum.DayNumber + 1), dezeMaand, true),
                    "2" => (volume * (long)Math.Ceiling((p.Einddatum.DayNumber - p.Begindatum.DayNumber + 1) / 7.0), dezeMaand, true),
                    "4" => (volume, dezeMaand, true),
                    _ => (volume, s?.Volume ?? 0, false),
                };
                if (p.Volume > maximum)
                {
                    weiger(C.VolumeTeHoog, "TR321", perMaand ? "volume-te-hoog-maand" : "volume-te-hoog-toewijzing", ("volume", N(p.Volume)), ("maximum", N(maximum)), ("eenheid", p.Eenheid));
                }
                else if (checked(eerder + p.Volume) > maximum)
                {
                    weiger(C.SomVolumeTeHoog, "TR322", perMaand ? "som-te-hoog-maand" : "som-te-hoog-toewijzing", ("som", N(eerder + p.Volume)), ("maximum", N(maximum)), ("eerder", N(eerder)));
                }
            }

            if (t.Budget is { } budget && checked((s?.Bedrag ?? 0) + p.Bedrag) > budget)
            {
                weiger(C.BudgetOverschreden, "TR369", "budget-overschreden", ("bedrag", N((s?.Bedrag ?? 0) + p.Bedrag)), ("budget", N(budget)));
            }
        }

        private static Debetsleutel Sleutel(Prestatieregel p) => new(p.ToewijzingNummer, p.Begindatum, p.Einddatum, p.Categorie, p.ProductCode);

        private void Goedgekeurd(Prestatieregel p)
        {
            if (p.IsCredit)
            {
                var vorig = p.VorigReferentieNummer!;
                gecrediteerd.Add(vorig);
                var debet = geboekt[vorig];
                var k = new Debetsleutel(debet.ToewijzingNummer, debet.Begindatum, debet.Einddatum, debet.Categorie, debet.ProductCode);
                if (openDebets.TryGetValue(k, out var n))
                {
                    if (n <= 1)
                    {
                        openDebets.Remove(k);
                    }
                    else
                    {
                        openDebets[k] = n - 1;
                    }
                }
            }
            else
            {
                var k = Sleutel(p);
                openDebets[k] = openDebets.GetValueOrDefault(k) + 1;
            }

            Boek(p.ToewijzingNummer, p.Begindatum, p.SaldoVolume, p.Saldo);
        }
    }
}
