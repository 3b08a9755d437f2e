using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Toewijzing;

/// <summary>
/// Assesses a JW317 verzoek om wijziging as a whole (HK spec §6, HK-301-2): every part must pass, else
/// no JW301. When approved the decision carries the one JW301: all current allocations of the client with
/// this provider, changed ones per IV066/IV099, new ones with new numbers, no overlaps (TR302).
/// </summary>
public sealed class VerzoekOmWijzigingBeoordelen
{
    /// <summary>IV099 RedenWijziging 04 Herbeoordeling: verlenging.</summary>
    public const string Verlenging = "04";

    /// <summary>IV099 RedenWijziging 05 Herbeoordeling: verkorting.</summary>
    public const string Verkorting = "05";

    /// <summary>IV099 RedenWijziging 08 Wijziging leveringsvorm (individueel naar groep, HK-317-6).</summary>
    public const string WijzigingLeveringsvorm = "08";

    private readonly Beoordelingsbronnen bronnen;

    /// <summary>Creates the use case over its sources.</summary>
    public VerzoekOmWijzigingBeoordelen(Beoordelingsbronnen bronnen) =>
        this.bronnen = bronnen ?? throw new ArgumentNullException(nameof(bronnen));

    /// <summary>
    /// Decides the whole request with the rules in force on the earliest desired start date.
    /// <paramref name="volgendNummer"/> is the next free ToewijzingNummer for new lines.
    /// </summary>
    public Besluit Beoordeel(VerzoekOmWijziging verzoek, Clienttoestand toestand, int volgendNummer) =>
        Bereken(verzoek, toestand, volgendNummer).Besluit;

    /// <summary>
    /// The engine's decision together with the JW301 it would send when the whole request were approved
    /// (empty when a check rejects before the lines can be built): what a person approves by hand
    /// (<see cref="Handbesluiten.WijzigingToekennen"/>) and what the review page shows side by side.
    /// </summary>
    public Wijzigingsvoorstel Voorstel(VerzoekOmWijziging verzoek, Clienttoestand toestand, int volgendNummer) =>
        Bereken(verzoek, toestand, volgendNummer);

    private Wijzigingsvoorstel Bereken(VerzoekOmWijziging verzoek, Clienttoestand toestand, int volgendNummer)
    {
        ArgumentNullException.ThrowIfNull(verzoek);
        ArgumentNullException.ThrowIfNull(toestand);
        var ingang = verzoek.TeWijzigen.Select(w => w.GewensteIngangsdatum)
            .Concat(verzoek.Nieuw.Select(n => n.GewensteIngangsdatum))
            .DefaultIfEmpty(verzoek.Dagtekening).Min();
        var regels = bronnen.Regels(ingang);
        var b = new Beoordeling();
        var referentie = verzoek.ReferentieAanbieder;
        var inwoner = Productcontroles.Woonplaatsbeginsel(b, bronnen, regels, verzoek.Client, verzoek.Gemeente);

        if (verzoek.TeWijzigen.Count + verzoek.Nieuw.Count == 0)
        {
            b.Afwijzen("TR353", RedenAfwijzing.PastNietBinnenContract, "geen-product");
            return new(b.Maak(referentie, regels, [], []), [], []);
        }

        // HK-317-2: a change refers to current allocations of this client with this provider; anything else
        // is a new request that needs a (new) referral and a JW315.
        var huidig = toestand.Toewijzingen
            .Where(t => !t.IsVerwijderd && t.Aanbieder == verzoek.Aanbieder && (t.Einddatum is null || t.Einddatum >= verzoek.Dagtekening))
            .ToDictionary(t => t.Nummer);
        var onbekend = verzoek.Ongewijzigd.Concat(verzoek.TeWijzigen.Select(w => w.ToewijzingNummer)).Where(n => !huidig.ContainsKey(n)).ToList();
        if (onbekend.Count > 0)
        {
            b.Afwijzen("HK-317-2", RedenAfwijzing.NieuweAanvraag, "geen-lopende-toewijzing", ("onbekend", $"{string.Join(", ", onbekend)}"));
            return new(b.Maak(referentie, regels, [], []), [], []);
        }

        b.Ok("HK-317-2", "lopende-toewijzingen");
        var ongewijzigd = verzoek.Ongewijzigd.Select(n => huidig[n]).ToList();
        var wijzigingen = verzoek.TeWijzigen.Select(w => new Wijziging(huidig[w.ToewijzingNummer], w)).ToList();
        var genoemd = ongewijzigd.Concat(wijzigingen.Select(w => w.Oud)).ToList();

        Herkomst(b, wijzigingen, genoemd, verzoek.Nieuw.Count > 0, toestand.GemeenteProcesregie);

        var percelen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in wijzigingen)
        {
            var product = Productcontroles.InCatalogus(b, regels, w.Oud.Product, w.Oud.Categorie, "HK-317-3");
            if (product is null)
            {
                continue;
            }

            w.Product = product;
            percelen.Add(product.Perceel);
            Productcontroles.Contract(b, bronnen, verzoek.Gemeente, verzoek.Aanbieder, product, w.Verzoek.GewensteIngangsdatum, "HK-317-3");
            if (w.Verzoek.Omvang is not null)
            {
                Productcontroles.Eenheid(b, product, w.Verzoek.Omvang);
            }

            Productcontroles.Perceeldeelname(b, regels, verzoek.Gemeente, product);
            if (inwoner is not null)
            {
                // A JW317 carries no date of birth: without the register the age is unknown, and the
                // unknown resident already sends the request to review (HK-315-4).
                Productcontroles.Leeftijd(b, bronnen, regels, verzoek.Client, inwoner, inwoner.Geboortedatum, product,
                    w.Verzoek.GewensteIngangsdatum, w.NieuweEinddatum, toestand);
            }

            if (w.IsAlleenEinddatumLater)
            {
                EinddatumVerschuiven(b, regels, product, w, toestand);
            }
            else if (!w.IsOngewijzigd)
            {
                Productcontroles.Duur(b, product, w.Oud.Ingangsdatum, w.NieuweEinddatum, alleenHardeGrens: false);
                Productcontroles.Volume(b, product, w.NieuweOmvang, w.Oud.Ingangsdatum, w.NieuweEinddatum);
            }
        }

        var nieuw = new List<(NieuwProduct Verzoek, Product Product)>();
        foreach (var n in verzoek.Nieuw)
        {
            var product = Productcontroles.InCatalogus(b, regels, n.Product, n.Categorie, "HK-317-3");
            if (product is null)
            {
                continue;
            }

            var trajectPercelen = genoemd.Select(t => regels.PerceelVan(t.Product)).OfType<string>().ToHashSet(StringComparer.Ordinal);
            if (!trajectPercelen.Contains(product.Perceel))
            {
                b.Afwijzen("HK-317-2", RedenAfwijzing.NieuweAanvraag, "ander-perceel", ("product", product.Code.Waarde), ("perceel", $"{product.Perceel}"), ("trajectPercelen", $"{string.Join(", ", trajectPercelen.Order(StringComparer.Ordinal))}"));
            }

            percelen.Add(product.Perceel);
            nieuw.Add((n, product));
            Productcontroles.Perceeldeelname(b, regels, verzoek.Gemeente, product);
            Productcontroles.Contract(b, bronnen, verzoek.Gemeente, verzoek.Aanbieder, product, n.GewensteIngangsdatum, "HK-317-3");
            Productcontroles.Eenheid(b, product, n.Omvang);
            if (inwoner is not null)
            {
                Productcontroles.Leeftijd(b, bronnen, regels, verzoek.Client, inwoner, inwoner.Geboortedatum, product,
                    n.GewensteIngangsdatum, n.Einddatum, toestand);
            }

            Productcontroles.Duur(b, product, n.GewensteIngangsdatum, n.Einddatum, alleenHardeGrens: false);
            Productcontroles.Volume(b, product, n.Omvang, n.GewensteIngangsdatum, n.Einddatum);
        }

        foreach (var code in percelen.Order(StringComparer.Ordinal))
        {
            var perceel = regels.Perceel(code);
            if (perceel?.Jw317Toegestaan == true)
            {
                b.Ok("HK-317-3", "wijziging-toegestaan", ("perceel", $"{perceel.Naam}"));
            }
            else
            {
                b.Afwijzen("HK-317-3", RedenAfwijzing.PastNietBinnenContract, "geen-wijziging-in-contract", ("code", $"{perceel?.Naam ?? code}"));
            }
        }

        IndividueelNaarGroep(b, wijzigingen, ongewijzigd, nieuw, regels);

        var (datum, tijd) = bronnen.Nu();
        var regelsJw301 = new List<ToegewezenProduct>();
        var nummers = new List<int>();
        foreach (var t in ongewijzigd)
        {
            regelsJw301.Add(Regel(t, t.ReferentieAanbieder, t.Toewijzingsdatum, t.Toewijzingstijd, t.Einddatum, t.RedenWijziging, t.Omvang, t.Budget));
        }

        foreach (var w in wijzigingen)
        {
            if (w.IsOngewijzigd)
            {
                regelsJw301.Add(Regel(w.Oud, w.Oud.ReferentieAanbieder, w.Oud.Toewijzingsdatum, w.Oud.Toewijzingstijd, w.Oud.Einddatum, w.Oud.RedenWijziging, w.Oud.Omvang, w.Oud.Budget));
            }
            else if (w.BehoudtNummer)
            {
                regelsJw301.Add(Regel(w.Oud, referentie, datum, tijd, w.NieuweEinddatum, w.RedenWijziging, w.NieuweOmvang, w.NieuwBudget));
            }
            else
            {
                // IV066: an omvang change with a frequency other than "total" ends the old allocation the day
                // before the change and issues a new number from then on.
                var eindeOud = w.Verzoek.GewensteIngangsdatum.AddDays(-1);
                regelsJw301.Add(Regel(w.Oud, referentie, datum, tijd, eindeOud, w.RedenWijziging, w.Oud.Omvang, w.Oud.Budget));
                regelsJw301.Add(new ToegewezenProduct(volgendNummer, verzoek.Client, referentie, w.Oud.Product, w.Oud.Categorie, datum, tijd,
                    w.Verzoek.GewensteIngangsdatum, w.NieuweEinddatum, null, w.NieuweOmvang, w.NieuwBudget));
                nummers.Add(volgendNummer++);
            }
        }

        foreach (var (n, product) in nieuw)
        {
            regelsJw301.Add(new ToegewezenProduct(volgendNummer, verzoek.Client, referentie, product.Code, product.Categorie, datum, tijd,
                n.GewensteIngangsdatum, n.Einddatum, null, n.Omvang, n.Budget));
            nummers.Add(volgendNummer++);
        }

        Overlap(b, regelsJw301);
        StapelingNieuw(b, regels, verzoek, toestand, genoemd.Select(t => t.Nummer), regelsJw301, nieuw);
        Doorlooptijd(b, regels, verzoek, wijzigingen, nieuw);

        if (b.Uitkomst == Uitkomst.Beoordelen && regels.Termijn("HK-315-3") is { } antwoord)
        {
            var uiterlijk = bronnen.Plus(verzoek.Ontvangstdatum, antwoord);
            b.Signaal("HK-315-3", "antwoordtermijn", uiterlijk, ("uiterlijk", $"{uiterlijk:yyyy-MM-dd}"));
        }

        return new(b.Maak(referentie, regels, regelsJw301, nummers), regelsJw301, nummers);
    }

    /// <summary>
    /// HK-317-1 (with HK-317-5): a JW317 follows a medical-route referral. A GI or justice origin needs a new
    /// bepaling; a municipal origin only allows moving the end date.
    /// </summary>
    private static void Herkomst(Beoordeling b, List<Wijziging> wijzigingen, List<VastgelegdeToewijzing> genoemd, bool heeftNieuw,
        IReadOnlySet<int>? gemeenteProcesregie)
    {
        var gedwongen = genoemd.Where(t => Verwijzer.IsGedwongenKader(t.Herkomst)).ToList();
        if (gedwongen.Count > 0)
        {
            b.Afwijzen("HK-317-1", RedenAfwijzing.PastNietBinnenContract, "gedwongen-kader", ("gedwongen", $"{string.Join(", ", gedwongen.Select(t => t.Nummer))}"));
            return;
        }

        var gemeente = wijzigingen.Where(w => w.Oud.Herkomst == VerwijzerType.Gemeente && !w.IsAlleenEinddatumLater && !w.IsOngewijzigd).ToList();
        var geenMedisch = heeftNieuw && !genoemd.Any(t => Verwijzer.IsMedisch(t.Herkomst));
        if (gemeente.Count > 0 || geenMedisch)
        {
            var welke = gemeente.Count > 0 ? $"toewijzing {string.Join(", ", gemeente.Select(w => w.Oud.Nummer))}" : "dit traject";
            b.Afwijzen("HK-317-1", RedenAfwijzing.PastNietBinnenContract, "lokale-toegang", ("welke", $"{welke}"));
            return;
        }

        b.Ok("HK-317-1", "verwijzing-staat-toe");

        // HK-317-7: in the medical route a JW317 is handled administratively, unless the municipality holds procesregie
        // over the trajectory: then the procesregisseur decides (and a change by them moves it to the lokale toegang).
        var regie = genoemd.Where(t => Verwijzer.IsMedisch(t.Herkomst) && gemeenteProcesregie?.Contains(t.Nummer) == true).ToList();
        if (regie.Count > 0)
        {
            b.Beoordelen("HK-317-7", "procesregie-gemeente", ("welke", $"{string.Join(", ", regie.Select(t => t.Nummer))}"));
        }
        else if (genoemd.Any(t => Verwijzer.IsMedisch(t.Herkomst)))
        {
            b.Ok("HK-317-7", "administratief");
        }
    }

    /// <summary>
    /// HK-317-5: only once, at most the policy's percentage of the original period later and at most its
    /// number of months; no extra minutes (else it is an ordinary change). The hard maximum still holds.
    /// </summary>
    private static void EinddatumVerschuiven(Beoordeling b, Regelset regels, Product product, Wijziging w, Clienttoestand toestand)
    {
        if (regels.Beleid?.EinddatumVerschuiven is not { } beleid)
        {
            b.Beoordelen("HK-317-5", "geen-beleid", ("regels", $"{regels.Label}"));
            return;
        }

        var oudEinde = w.Oud.Einddatum!.Value;
        var nieuwEinde = w.NieuweEinddatum!.Value;
        if (w.Oud.KerenEinddatumVerschoven >= beleid.MaxKeren)
        {
            b.Afwijzen("HK-317-5", RedenAfwijzing.PastNietBinnenContract, "te-vaak", ("nummer", $"{w.Oud.Nummer}"), ("kerenEinddatumVerschoven", $"{w.Oud.KerenEinddatumVerschoven}"), ("maxKeren", $"{beleid.MaxKeren}"));
            return;
        }

        var uiterst = UiterlijkeNieuweEinddatum(w.Oud, beleid);
        var periode = Maanden.Duur(w.Oud.Ingangsdatum, w.Oud.OorspronkelijkeEinddatum ?? oudEinde);
        if (nieuwEinde > uiterst)
        {
            b.Afwijzen("HK-317-5", RedenAfwijzing.PastNietBinnenContract, "te-ver", ("nummer", $"{w.Oud.Nummer}"), ("maxProcentVanPeriode", $"{beleid.MaxProcentVanPeriode}"), ("maanden", $"{periode.Maanden}"), ("dagen", $"{periode.Dagen}"), ("maxMaanden", $"{beleid.MaxMaanden}"), ("uiterst", $"{uiterst:yyyy-MM-dd}"), ("nieuwEinde", $"{nieuwEinde:yyyy-MM-dd}"));
        }
        else if (w.Oud.Omvang?.InMinuten is { } toegekend && toestand.GedeclareerdeMinuten?.GetValueOrDefault(w.Oud.Nummer) is { } verbruikt
            && verbruikt >= toegekend)
        {
            // Seed: only when "de toegekende minuten zijn nog niet verbruikt". With every minute declared, a later
            // end without extra minutes buys nothing; whether more care is needed is for a person (or a JW317 with minutes).
            b.Beoordelen("HK-317-5", "minuten-op", ("nummer", $"{w.Oud.Nummer}"), ("verbruikt", $"{verbruikt}"), ("toegekend", $"{toegekend}"));
        }
        else
        {
            b.Ok("HK-317-5", "verschoven", ("nummer", $"{w.Oud.Nummer}"), ("oudEinde", $"{oudEinde:yyyy-MM-dd}"), ("nieuwEinde", $"{nieuwEinde:yyyy-MM-dd}"), ("uiterst", $"{uiterst:yyyy-MM-dd}"));
        }

        // §15 C-11: a move is approved within its own limits; only a hard maximum (Diagnostiek) refuses it.
        Productcontroles.Duur(b, product, w.Oud.Ingangsdatum, nieuwEinde, alleenHardeGrens: true,
            " Einddatum verschuiven mag niet voorbij een harde maximumduur (§15 C-11).");
    }

    /// <summary>The latest end date HK-317-5 allows for <paramref name="t"/>: min(percentage of the original period, months).</summary>
    internal static DateOnly UiterlijkeNieuweEinddatum(VastgelegdeToewijzing t, EinddatumVerschuivenBeleid beleid)
    {
        var einde = t.Einddatum!.Value;
        var periode = Maanden.AlsDagen(Maanden.Duur(t.Ingangsdatum, t.OorspronkelijkeEinddatum ?? einde));
        var ruimte = periode * beleid.MaxProcentVanPeriode / 100;
        var volgensProcent = Maanden.Verschuif(einde, (int)(ruimte / 30)).AddDays((int)(ruimte % 30));
        var volgensMaanden = Maanden.Verschuif(einde, beleid.MaxMaanden);
        return volgensProcent < volgensMaanden ? volgensProcent : volgensMaanden;
    }

    /// <summary>
    /// HK-317-6: adding a group product next to the individual product whose <see cref="Product.Groepsvariant"/>
    /// it is redistributes the minutes: the total stays equal and the group ends no later than the
    /// individual product.
    /// </summary>
    private static void IndividueelNaarGroep(Beoordeling b, List<Wijziging> wijzigingen, List<VastgelegdeToewijzing> ongewijzigd, List<(NieuwProduct Verzoek, Product Product)> nieuw, Regelset regels)
    {
        foreach (var groep in nieuw.Where(n => n.Product.Soort == ProductSoort.Groep).GroupBy(n => n.Product.Code))
        {
            var individueel = wijzigingen.Where(w => w.Product?.Groepsvariant == groep.Key).ToList();
            var individueelOngewijzigd = ongewijzigd.Where(t => regels.GroepsvariantVan(t.Product) == groep.Key).ToList();
            if (individueel.Count == 0 && individueelOngewijzigd.Count == 0)
            {
                continue;
            }

            var oudTotaal = individueel.Sum(w => w.Oud.Omvang?.InMinuten ?? 0) + individueelOngewijzigd.Sum(t => t.Omvang?.InMinuten ?? 0);
            var nieuwTotaal = individueel.Sum(w => w.NieuweOmvang?.InMinuten ?? 0) + individueelOngewijzigd.Sum(t => t.Omvang?.InMinuten ?? 0)
                + groep.Sum(g => g.Verzoek.Omvang?.InMinuten ?? 0);
            var eindeIndividueel = individueel.Select(w => w.NieuweEinddatum).Concat(individueelOngewijzigd.Select(t => t.Einddatum))
                .Select(e => e ?? DateOnly.MaxValue).Max();
            var teLaat = groep.Any(g => (g.Verzoek.Einddatum ?? DateOnly.MaxValue) > eindeIndividueel);

            if (nieuwTotaal != oudTotaal)
            {
                b.Afwijzen("HK-317-6", RedenAfwijzing.PastNietBinnenContract, "totaal-ongelijk", ("groep", $"{groep.Key}"), ("oudTotaal", $"{oudTotaal}"), ("nieuwTotaal", $"{nieuwTotaal}"));
            }
            else if (teLaat)
            {
                b.Afwijzen("HK-317-6", RedenAfwijzing.PastNietBinnenContract, "groep-langer", ("groep", $"{groep.Key}"), ("eindeIndividueel", $"{eindeIndividueel:yyyy-MM-dd}"));
            }
            else
            {
                b.Ok("HK-317-6", "overgang", ("groep", $"{groep.Key}"), ("oudTotaal", $"{oudTotaal}"));
                foreach (var w in individueel)
                {
                    w.LeveringsvormGewijzigd = true;
                }
            }
        }
    }

    /// <summary>TR302: the same product twice in one JW301 only with periods that do not overlap.</summary>
    private static void Overlap(Beoordeling b, List<ToegewezenProduct> regels)
    {
        var dubbel = regels.GroupBy(r => r.Product)
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.SelectMany((x, i) => g.Skip(i + 1).Where(y => Periode(x).Overlapt(Periode(y))).Select(y => (x, y))))
            .FirstOrDefault();
        if (dubbel.x is not null)
        {
            b.Afwijzen("TR302", RedenAfwijzing.Stapeling, "dubbel", ("product", $"{dubbel.x.Product}"), ("toewijzingNummer", $"{dubbel.x.ToewijzingNummer}"), ("toewijzingNummer2", $"{dubbel.y.ToewijzingNummer}"));
        }
        else
        {
            b.Ok("TR302", "geen-dubbel");
        }

        static Periode Periode(ToegewezenProduct r) =>
            Waarden.Periode.Maak(r.Ingangsdatum, r.Einddatum is { } e && e < r.Ingangsdatum ? r.Ingangsdatum : r.Einddatum).Waarde;
    }

    /// <summary>OP259 and §10 for the new products against everything that runs after the change.</summary>
    private static void StapelingNieuw(
        Beoordeling b, Regelset regels, VerzoekOmWijziging verzoek, Clienttoestand toestand, IEnumerable<int> genoemdeNummers,
        List<ToegewezenProduct> regelsJw301, List<(NieuwProduct Verzoek, Product Product)> nieuw)
    {
        var vervangen = genoemdeNummers.ToHashSet();
        var overig = toestand.Toewijzingen.Where(t => !vervangen.Contains(t.Nummer)).ToList();
        var nieuwePerRegel = regelsJw301.TakeLast(nieuw.Count).ToList();
        for (var i = 0; i < nieuw.Count; i++)
        {
            var regel = nieuwePerRegel[i];
            var na = regelsJw301.Where(r => r.ToewijzingNummer != regel.ToewijzingNummer)
                .Select(r => AlsToewijzing(r, verzoek.Aanbieder))
                .Concat(overig);
            var periode = Periode.Maak(regel.Ingangsdatum, regel.Einddatum is { } e && e < regel.Ingangsdatum ? regel.Ingangsdatum : regel.Einddatum).Waarde;
            Productcontroles.Stapeling(b, regels, nieuw[i].Product, periode, na);
        }
    }

    private static VastgelegdeToewijzing AlsToewijzing(ToegewezenProduct r, AgbCode aanbieder) =>
        new(r.ToewijzingNummer, r.Client, aanbieder, r.Product, r.Categorie, r.Ingangsdatum, r.Einddatum, r.Omvang, r.Budget,
            r.Toewijzingsdatum, r.Toewijzingstijd, r.ReferentieAanbieder, VerwijzerType.Zelfverwijzer, RedenWijziging: r.RedenWijziging);

    /// <summary>
    /// HK-317-4: the advised lead time per lot, as a signal; never a rejection. Only for a change that takes
    /// effect on a new date: a new product, or a changed line whose desired start lies after the allocation's
    /// own start. A pure end-date move (HK-317-5) and a line whose desired start is the allocation's
    /// Ingangsdatum keep the original start, so "goes in on that date, too soon after receipt" means nothing.
    /// </summary>
    private void Doorlooptijd(Beoordeling b, Regelset regels, VerzoekOmWijziging verzoek, List<Wijziging> wijzigingen, List<(NieuwProduct Verzoek, Product Product)> nieuw)
    {
        var ingangen = wijzigingen
            .Where(w => w.Product is not null && !w.IsOngewijzigd && !w.IsAlleenEinddatumLater && w.Verzoek.GewensteIngangsdatum != w.Oud.Ingangsdatum)
            .Select(w => (w.Product!, w.Verzoek.GewensteIngangsdatum))
            .Concat(nieuw.Select(n => (n.Product, n.Verzoek.GewensteIngangsdatum)));
        foreach (var (product, gewenst) in ingangen)
        {
            if (regels.Perceel(product.Perceel)?.DoorlooptijdTermijn is not { } id || regels.Termijn(id) is not { } termijn)
            {
                continue;
            }

            var uiterlijk = bronnen.Plus(verzoek.Ontvangstdatum, termijn);
            var eenheid = termijn.Eenheid.ToString().ToLowerInvariant();
            if (gewenst < uiterlijk)
            {
                b.Ok("HK-317-4", "korter-dan-advies", ("product", product.Code.Waarde), ("aantal", $"{termijn.Aantal}"), ("eenheid", $"{eenheid}"));
                b.Signaal("HK-317-4", "advies-doorlooptijd", gewenst, ("product", product.Code.Waarde), ("gewenst", $"{gewenst:yyyy-MM-dd}"), ("aantal", $"{termijn.Aantal}"), ("eenheid", $"{eenheid}"), ("ontvangstdatum", $"{verzoek.Ontvangstdatum:yyyy-MM-dd}"), ("uiterlijk", $"{uiterlijk:yyyy-MM-dd}"));
            }
            else
            {
                b.Ok("HK-317-4", "voldoet", ("product", product.Code.Waarde), ("aantal", $"{termijn.Aantal}"), ("eenheid", $"{eenheid}"));
            }
        }
    }

    private static ToegewezenProduct Regel(VastgelegdeToewijzing t, string? referentie, DateOnly datum, TimeOnly tijd, DateOnly? einde, string? reden, Omvang? omvang, long? budget) =>
        new(t.Nummer, t.Client, referentie, t.Product, t.Categorie, datum, tijd, t.Ingangsdatum, einde, reden, omvang, budget);

    /// <summary>One TeWijzigenProduct with the allocation it changes and what the change amounts to.</summary>
    private sealed class Wijziging(VastgelegdeToewijzing oud, TeWijzigenProduct verzoek)
    {
        public VastgelegdeToewijzing Oud { get; } = oud;

        public TeWijzigenProduct Verzoek { get; } = verzoek;

        public Product? Product { get; set; }

        public bool LeveringsvormGewijzigd { get; set; }

        public DateOnly? NieuweEinddatum => Verzoek.Einddatum ?? Oud.Einddatum;

        public Omvang? NieuweOmvang => Verzoek.Omvang ?? Oud.Omvang;

        public long? NieuwBudget => Verzoek.Budget ?? Oud.Budget;

        public bool IsOngewijzigd => NieuweEinddatum == Oud.Einddatum && NieuweOmvang == Oud.Omvang && NieuwBudget == Oud.Budget;

        /// <summary>HK-317-5: only a later end date, no other change.</summary>
        public bool IsAlleenEinddatumLater =>
            Oud.Einddatum is { } oud && NieuweEinddatum is { } nieuw && nieuw > oud && NieuweOmvang == Oud.Omvang && NieuwBudget == Oud.Budget;

        /// <summary>IV066: end date, budget, and omvang with frequency "total" keep the number.</summary>
        public bool BehoudtNummer => NieuweOmvang == Oud.Omvang || NieuweOmvang?.Frequentie == Omvang.Totaal;

        /// <summary>IV099: filled because the line changes.</summary>
        public string RedenWijziging
        {
            get
            {
                if (LeveringsvormGewijzigd)
                {
                    return WijzigingLeveringsvorm;
                }

                var korter = NieuweEinddatum < Oud.Einddatum || (NieuweEinddatum is not null && Oud.Einddatum is null);
                var minder = (NieuweOmvang?.InMinuten ?? NieuweOmvang?.Volume) < (Oud.Omvang?.InMinuten ?? Oud.Omvang?.Volume);
                var langer = NieuweEinddatum > Oud.Einddatum;
                var meer = (NieuweOmvang?.InMinuten ?? NieuweOmvang?.Volume) > (Oud.Omvang?.InMinuten ?? Oud.Omvang?.Volume);
                return (korter || minder) && !(langer || meer) ? Verkorting : Verlenging;
            }
        }
    }
}

/// <summary>The engine's decision on a JW317 and the lines of the one JW301 an approval sends (HK-301-2).</summary>
/// <param name="Besluit">The engine's decision (its own lines only when it approved).</param>
/// <param name="Regels">Every line of the JW301 for the whole request: unchanged, changed and new.</param>
/// <param name="NieuweNummers">The new ToewijzingNummers those lines use.</param>
public sealed record Wijzigingsvoorstel(Besluit Besluit, IReadOnlyList<ToegewezenProduct> Regels, IReadOnlyList<int> NieuweNummers);
