using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Teksten;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Toewijzing;

/// <summary>
/// The checks a JW315 product request and a JW317 share (HK-315-5, HK-317-3): residence, catalogue, lot,
/// contract, unit, age, duration, volume and stacking. Every number comes from the <see cref="Regelset"/>.
/// </summary>
internal static class Productcontroles
{
    /// <summary>HK-315-4: the register's municipality must be the receiving one. Unknown BSN: review.</summary>
    public static Inwoner? Woonplaatsbeginsel(Beoordeling b, Beoordelingsbronnen bronnen, Regelset regels, Bsn client, Gemeentecode gemeente)
    {
        var inwoner = bronnen.Inwoners.Zoek(client);
        if (inwoner is null)
        {
            b.Beoordelen("HK-315-4", "onbekend", ("client", $"{client.Gemaskeerd}"));
        }
        else if (inwoner.Gemeente != gemeente)
        {
            b.VerantwoordelijkeGemeente = inwoner.Gemeente;
            b.Afwijzen("HK-315-4", RedenAfwijzing.Woonplaatsbeginsel, "andere-gemeente", ("gemeenteNaam", $"{GemeenteNaam(regels, inwoner.Gemeente)}"), ("gemeenteNaam2", $"{GemeenteNaam(regels, gemeente)}"));
        }
        else
        {
            b.Ok("HK-315-4", "woont-in-gemeente", ("gemeenteNaam", $"{GemeenteNaam(regels, gemeente)}"));
        }

        return inwoner;
    }

    /// <summary>The product must be in the catalogue in force, with the category sent.</summary>
    public static Product? InCatalogus(Beoordeling b, Regelset regels, ProductCode code, string categorie, string regelId)
    {
        var product = regels.Product(code);
        if (product is null)
        {
            b.Afwijzen(regelId, RedenAfwijzing.PastNietBinnenContract, "product-onbekend", ("product", $"{code}"), ("datum", $"{regels.Datum:yyyy-MM-dd}"));
            return null;
        }

        if (!string.Equals(product.Categorie, categorie, StringComparison.Ordinal))
        {
            b.Afwijzen(regelId, RedenAfwijzing.PastNietBinnenContract, "categorie-onjuist", ("product", $"{code}"), ("categorie", $"{product.Categorie}"), ("gevraagd", $"{categorie}"));
            return null;
        }

        return product;
    }

    /// <summary>HK-PER-1, HK-PER-2, HK-PER-5: the municipality takes part in the product's lot on that day.</summary>
    public static void Perceeldeelname(Beoordeling b, Regelset regels, Gemeentecode gemeente, Product product)
    {
        var perceel = regels.Perceel(product.Perceel);
        var naam = perceel?.Naam ?? product.Perceel;
        if (regels.NeemtDeel(gemeente, product))
        {
            b.Ok("HK-PER-5", "neemt-deel", ("gemeenteNaam", $"{GemeenteNaam(regels, gemeente)}"), ("naam", $"{naam}"), ("product", product.Code.Waarde));
        }
        else
        {
            b.Afwijzen("HK-PER-5", RedenAfwijzing.PastNietBinnenContract, "neemt-geen-deel", ("gemeenteNaam", $"{GemeenteNaam(regels, gemeente)}"), ("datum", $"{regels.Datum:yyyy-MM-dd}"), ("naam", $"{naam}"), ("product", product.Code.Waarde), ("product2", $"{product.Naam}"));
        }
    }

    /// <summary>HK-315-5 / HK-317-3: the provider is contracted for the product here on that day (else reden 3).</summary>
    public static void Contract(Beoordeling b, Beoordelingsbronnen bronnen, Gemeentecode gemeente, AgbCode aanbieder, Product product, DateOnly dag, string regelId)
    {
        if (bronnen.HeeftContract(gemeente, aanbieder, product.Code, dag))
        {
            b.Ok(regelId, "contract", ("aanbieder", $"{aanbieder}"), ("dag", $"{dag:yyyy-MM-dd}"), ("product", product.Code.Waarde));
        }
        else
        {
            b.Afwijzen(regelId, RedenAfwijzing.GeenContract, "geen-contract", ("aanbieder", $"{aanbieder}"), ("dag", $"{dag:yyyy-MM-dd}"), ("product", product.Code.Waarde), ("productnaam", $"{product.Naam}"));
        }
    }

    /// <summary>
    /// HK-301-7 (HK-315-6): effort-based products are asked in the product's unit (minutes, or hours for a
    /// minutes product) with the product's frequency (total within the allocation period).
    /// </summary>
    public static void Eenheid(Beoordeling b, Product product, Omvang? omvang)
    {
        if (omvang is null)
        {
            b.Afwijzen("HK-301-7", RedenAfwijzing.PastNietBinnenContract, "geen-omvang", ("product", product.Code.Waarde), ("eenheid", $"{product.Eenheid}"), ("frequentie", $"{product.Frequentie}"));
            return;
        }

        var eenheidPast = omvang.Eenheid == product.Eenheid || (product.Eenheid == Omvang.Minuut && omvang.Eenheid == Omvang.Uur);
        if (!eenheidPast || omvang.Frequentie != product.Frequentie)
        {
            b.Afwijzen("HK-301-7", RedenAfwijzing.PastNietBinnenContract, "omvang-onjuist", ("product", product.Code.Waarde), ("eenheid", $"{product.Eenheid}"), ("frequentie", $"{product.Frequentie}"), ("eenheid2", $"{omvang.Eenheid}"), ("frequentie2", $"{omvang.Frequentie}"));
        }
        else
        {
            b.Ok("HK-301-7", "omvang", ("volume", $"{omvang.Volume}"), ("eenheid", $"{omvang.Eenheid}"), ("frequentie", $"{omvang.Frequentie}"), ("product", product.Code.Waarde));
        }
    }

    /// <summary>
    /// HK-PRD-6 with its exceptions, HK-PRD-5 (allocation on a parent's BSN) and the 18th-birthday signal.
    /// </summary>
    public static void Leeftijd(
        Beoordeling b, Beoordelingsbronnen bronnen, Regelset regels, Bsn client, Inwoner? inwoner, DateOnly geboortedatum,
        Product product, DateOnly ingang, DateOnly? eind, Clienttoestand toestand)
    {
        var grens = regels.Leeftijdsgrenzen.FirstOrDefault(l => l.Perceel == product.Perceel);
        if (grens is null)
        {
            b.Ok("HK-PRD-6", "geen-grens", ("perceel", $"{product.Perceel}"));
            return;
        }

        var geboren = inwoner?.Geboortedatum ?? geboortedatum;
        var leeftijd = LeeftijdOp(geboren, ingang);
        if (leeftijd < grens.MaxLeeftijd)
        {
            b.Ok("HK-PRD-6", "jonger", ("ingang", $"{ingang:yyyy-MM-dd}"), ("leeftijd", $"{leeftijd}"), ("maxLeeftijd", $"{grens.MaxLeeftijd}"));
            var grensdag = geboren.AddYears(grens.MaxLeeftijd);
            var (vandaag, _) = bronnen.Nu();
            if ((eind is null || grensdag <= eind) || grensdag <= vandaag.AddMonths(grens.SignaalMaanden))
            {
                b.Signaal("HK-PRD-6", "grens-nadert", grensdag, ("maxLeeftijd", $"{grens.MaxLeeftijd}"), ("grensdag", $"{grensdag:yyyy-MM-dd}"));
            }

            return;
        }

        var huisgenoten = HuisgenotenMetToewijzing(bronnen, client, inwoner, toestand, product.Perceel, ingang, regels);
        var uitzondering = grens.Uitzonderingen.Select(u => (u, Geldt: u switch
        {
            LeeftijdUitzondering.GezinslidInZelfdePerceel => huisgenoten.Any(h => LeeftijdOp(h.Geboortedatum, ingang) < grens.MaxLeeftijd),
            LeeftijdUitzondering.OuderMetOpvoedvraag => huisgenoten.Any(h => LeeftijdOp(h.Geboortedatum, ingang) >= grens.MaxLeeftijd),
            LeeftijdUitzondering.Jeugdreclassering => inwoner?.Jeugdreclassering == true,
            _ => false,
        })).FirstOrDefault(x => x.Geldt);
        if (uitzondering.Geldt)
        {
            b.Ok("HK-PRD-6", "uitzondering", ("leeftijd", $"{leeftijd}"), ("uitzondering", Tekst.Uitzondering(uitzondering.u)));
            return;
        }

        // HK-PRD-5: an adult may be the parent of a youth in the household and receive help for a parenting
        // question. The register has no parent-child relation, so "parent" means: at least the age limit
        // older than a youth in the household (an older sibling is not). Whether parenting is the goal is a
        // content judgement the message does not carry: review. §15 C-13: the age limit is about the youth the
        // help is for, so this holds in every lot with an age limit, whatever its exceptions for 18-year-olds.
        var isOuder = inwoner?.Huishouden is { } huis && bronnen.Inwoners.Huishouden(huis)
            .Any(h => h.Bsn != client && LeeftijdOp(h.Geboortedatum, ingang) < grens.MaxLeeftijd
                && h.Geboortedatum >= geboren.AddYears(grens.MaxLeeftijd));
        if (isOuder)
        {
            b.Ok("HK-PRD-6", "ouder", ("leeftijd", $"{leeftijd}"));
            b.Beoordelen("HK-PRD-5", "ouder-opvoedvraag", ("leeftijd", $"{leeftijd}"));
            return;
        }

        b.Afwijzen("HK-PRD-6", RedenAfwijzing.Leeftijdsgrens, "te-oud", ("ingang", $"{ingang:yyyy-MM-dd}"), ("leeftijd", $"{leeftijd}"), ("perceel", $"{product.Perceel}"), ("maxLeeftijd", $"{grens.MaxLeeftijd}"));
    }

    /// <summary>
    /// HK-PRD-1 (review) and HK-PRD-2 (hard): the allocation period within the product's maximum.
    /// <paramref name="toevoeging"/>, when given, is appended to the finding (the §15 default that applied).
    /// </summary>
    public static void Duur(Beoordeling b, Product product, DateOnly ingang, DateOnly? eind, bool alleenHardeGrens, string? toevoeging = null)
    {
        DuurInDagen(b, product, ingang, eind);
        var regelId = product.MaxDuurHard ? "HK-PRD-2" : "HK-PRD-1";
        if (product.MaxDuurMaanden is not { } max || (alleenHardeGrens && !product.MaxDuurHard))
        {
            return;
        }

        var uiterst = Maanden.EindeNa(ingang, max);
        if (eind is { } e && e <= uiterst)
        {
            b.Ok(regelId, "binnen-duur", ("ingang", $"{ingang:yyyy-MM-dd}"), ("eind", $"{e:yyyy-MM-dd}"), ("max", $"{max}"), ("toevoeging", $"{toevoeging}"));
            return;
        }

        Parameter[] parameters = [("product", product.Code.Waarde), ("max", $"{max}"), ("uiterst", $"{uiterst:yyyy-MM-dd}"),
            ("ingang", $"{ingang:yyyy-MM-dd}"), ("eind", eind is { } ee ? $"t/m {ee:yyyy-MM-dd}" : "zonder einddatum"), ("toevoeging", $"{toevoeging}")];
        if (product.MaxDuurHard)
        {
            b.Afwijzen(regelId, RedenAfwijzing.PastNietBinnenContract, "te-lang", parameters);
        }
        else
        {
            b.Beoordelen(regelId, "langer-dan-richtlijn", parameters);
        }
    }

    /// <summary>
    /// A maximum in calendar days, start and end included, always hard (reden 4), under the rule the product names
    /// (crisis with stay: 1 to 28 days, HK-24-8). Without an end date the stay has no bound, so it is refused too.
    /// </summary>
    private static void DuurInDagen(Beoordeling b, Product product, DateOnly ingang, DateOnly? eind)
    {
        if (product.MaxDuurDagen is not { } max || product.DuurRegel is not { } regel)
        {
            return;
        }

        var dagen = eind is { } e ? e.DayNumber - ingang.DayNumber + 1 : (int?)null;
        if (dagen is { } d && d <= max)
        {
            b.Ok(regel, "binnen-dagen", ("product", product.Code.Waarde), ("dagen", $"{d}"), ("ingang", $"{ingang:yyyy-MM-dd}"), ("eind", $"{eind:yyyy-MM-dd}"), ("max", $"{max}"));
            return;
        }

        if (dagen is { } n)
        {
            b.Afwijzen(regel, RedenAfwijzing.PastNietBinnenContract, "te-veel-dagen", ("product", product.Code.Waarde), ("max", $"{max}"), ("uiterst", $"{ingang.AddDays(max - 1):yyyy-MM-dd}"), ("dagen", $"{n}"));
        }
        else
        {
            b.Afwijzen(regel, RedenAfwijzing.PastNietBinnenContract, "dagen-zonder-einddatum", ("product", product.Code.Waarde), ("max", $"{max}"));
        }
    }

    /// <summary>
    /// HK-PRD-3: a volume above the guideline needs a human decision. The categories are hours per week with a
    /// total and a duration: above the highest category's total, above its hours per week over the requested
    /// period, or (variants without hours per week, Diagnostiek) above the total of the shortest variant whose
    /// duration covers the period.
    /// </summary>
    public static void Volume(Beoordeling b, Product product, Omvang? omvang, DateOnly ingang, DateOnly? eind)
    {
        var hoogste = product.Richtlijn.Where(r => r.MaxUren is not null).MaxBy(r => r.MaxUren);
        if (hoogste is null || omvang?.InMinuten is not { } minuten)
        {
            return;
        }

        var maxMinuten = hoogste.MaxUren!.Value * 60L;
        if (minuten > maxMinuten)
        {
            b.Beoordelen("HK-PRD-3", "boven-maximum", ("minuten", $"{minuten}"), ("hoogste", $"{hoogste.Naam}"), ("maxUren", $"{hoogste.MaxUren}"), ("maxMinuten", $"{maxMinuten}"), ("product", product.Code.Waarde));
            return;
        }

        if (eind is { } e && e >= ingang && Intensiteit(product, minuten, ingang, e) is { } teHoog)
        {
            b.Beoordelen("HK-PRD-3", teHoog.Code, teHoog.Parameters);
            return;
        }

        b.Ok("HK-PRD-3", "binnen-richtlijn", ("minuten", $"{minuten}"), ("maxUren", $"{hoogste.MaxUren}"), ("hoogste", $"{hoogste.Naam}"));
    }

    /// <summary>The reason the volume is too intense for the period <paramref name="ingang"/>..<paramref name="eind"/>, or null.</summary>
    private static (string Code, Parameter[] Parameters)? Intensiteit(Product product, long minuten, DateOnly ingang, DateOnly eind)
    {
        var dagen = eind.DayNumber - ingang.DayNumber + 1;
        var perWeek = product.Richtlijn.Where(r => r.UrenPerWeek is not null).MaxBy(r => r.UrenPerWeek);

        // Exact comparison: minuten / (dagen / 7) > uren × 60 ⇔ minuten × 7 > uren × 60 × dagen.
        if (perWeek is not null && minuten * 7m > perWeek.UrenPerWeek!.Value * 60m * dagen)
        {
            var gemiddeld = (minuten * 7m / 60m / dagen).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',');
            return ("te-veel-per-week", [("minuten", $"{minuten}"), ("dagen", $"{dagen}"), ("gemiddeld", gemiddeld), ("categorie", perWeek.Naam), ("product", product.Code.Waarde), ("urenPerWeek", $"{perWeek.UrenPerWeek}")]);
        }

        var variant = product.Richtlijn
            .Where(r => r.UrenPerWeek is null && r.MaxUren is not null && r.DuurMaanden is { } d && eind <= Maanden.EindeNa(ingang, d))
            .MinBy(r => r.DuurMaanden);
        if (variant is not null && minuten > variant.MaxUren!.Value * 60L)
        {
            return ("te-veel-in-variant", [("minuten", $"{minuten}"), ("ingang", $"{ingang:yyyy-MM-dd}"), ("eind", $"{eind:yyyy-MM-dd}"), ("variant", variant.Naam), ("product", product.Code.Waarde), ("maxUren", $"{variant.MaxUren}"), ("duurMaanden", $"{variant.DuurMaanden}")]);
        }

        return null;
    }

    /// <summary>OP259/OP347 and HK spec §10: no stacked allocation of the same product; the matrix for the rest.</summary>
    public static void Stapeling(Beoordeling b, Regelset regels, Product product, Periode periode, IEnumerable<VastgelegdeToewijzing> lopend)
    {
        // One pass, no iterators or closures: this runs for every requested product of every JW315 (the what-if replay
        // decides a year of them per pass). The running allocations of the same product, then the others, in their order.
        List<VastgelegdeToewijzing>? zelfde = null, anders = null;
        foreach (var t in lopend)
        {
            if (t.Overlapt(periode))
            {
                (t.Product == product.Code ? zelfde ??= [] : anders ??= []).Add(t);
            }
        }

        if (zelfde is not null)
        {
            b.Afwijzen("OP259", RedenAfwijzing.Stapeling, "lopende-toewijzing", ("zelfde", string.Join(", ", zelfde.Select(t => t.Nummer))), ("product", product.Code.Waarde));
        }
        else
        {
            b.Ok("OP259", "geen-lopende-toewijzing", ("product", product.Code.Waarde));
        }

        foreach (var t in anders ?? [])
        {
            // Only the running product's lot is read (a draft that changes its limits does not change this check).
            var cel = Cel(regels, product.Code, product.Perceel, t.Product, regels.PerceelVan(t.Product));
            var uitkomst = cel?.Uitkomst ?? regels.StandaardStapeling;
            var regelId = cel?.RegelId ?? "HK-10";
            var uitleg = cel?.Toelichting ?? "De stapelingsmatrix noemt deze combinatie niet; de standaarduitkomst geldt.";
            Parameter[] parameters = [("product", product.Code.Waarde), ("nummer", $"{t.Nummer}"), ("lopend", t.Product.Waarde), ("uitleg", uitleg)];
            switch (uitkomst)
            {
                case StapelingUitkomst.Verboden:
                    b.Afwijzen(regelId, RedenAfwijzing.Stapeling, "stapeling", parameters);
                    break;
                case StapelingUitkomst.Beoordelen:
                    b.Beoordelen(regelId, "stapeling", parameters);
                    break;
                default:
                    b.Ok(regelId, "stapeling", parameters);
                    break;
            }
        }
    }

    /// <summary>
    /// The most specific stacking cell for the pair (product beats lot); among equally specific cells the
    /// strictest outcome wins.
    /// </summary>
    internal static StapelingsRegel? Cel(Regelset regels, ProductCode a, string? perceelA, ProductCode b, string? perceelB)
    {
        // The first cell of the highest (specificity, outcome) in matrix order — what a stable sort descending on both
        // and its first element give — in one pass without a sort (it runs per running allocation of every request).
        StapelingsRegel? beste = null;
        foreach (var r in regels.Stapeling)
        {
            if (((Past(r.A, a, perceelA) && Past(r.B, b, perceelB)) || (Past(r.A, b, perceelB) && Past(r.B, a, perceelA)))
                && (beste is null || Specificiteit(r) > Specificiteit(beste) || (Specificiteit(r) == Specificiteit(beste) && r.Uitkomst > beste.Uitkomst)))
            {
                beste = r;
            }
        }

        return beste;
    }

    /// <summary>
    /// True when the municipality can buy <paramref name="code"/> on <paramref name="dag"/>: it takes part in the
    /// product's lot (HK-PER-5) and some provider holds a contract for it there. Advice must pass this test.
    /// </summary>
    internal static bool Ingekocht(Beoordelingsbronnen bronnen, Regelset regels, Gemeentecode gemeente, ProductCode code, DateOnly dag) =>
        // Only the product's lot is read (HK-315-11 asks this of Diagnostiek for every medical-route Multi request, and a
        // draft that changes Diagnostiek's limits must not make those requests read it).
        regels.PerceelVan(code) is { } perceel && regels.NeemtDeel(gemeente, code, perceel) && bronnen.IsIngekocht(gemeente, code, dag);

    internal static int LeeftijdOp(DateOnly geboren, DateOnly dag)
    {
        var leeftijd = dag.Year - geboren.Year;
        return dag < geboren.AddYears(leeftijd) ? leeftijd - 1 : leeftijd;
    }

    internal static string GemeenteNaam(Regelset regels, Gemeentecode code) =>
        regels.Gemeente(code) is { } g ? $"{g.Naam} ({code})" : $"gemeente {code}";

    private static bool Past(StapelingSelector s, ProductCode code, string? perceel) => s.Soort switch
    {
        "product" => s.Code == code.Waarde,
        "perceel" => perceel is not null && s.Code == perceel,
        _ => false,
    };

    private static int Specificiteit(StapelingsRegel r) =>
        (r.A.Soort == "product" ? 1 : 0) + (r.B.Soort == "product" ? 1 : 0);

    /// <summary>Household members (other than the client) with an allocation of the lot running on the day.</summary>
    private static List<Inwoner> HuisgenotenMetToewijzing(
        Beoordelingsbronnen bronnen, Bsn client, Inwoner? inwoner, Clienttoestand toestand, string perceel, DateOnly dag, Regelset regels)
    {
        var huis = inwoner?.Huishouden;
        return [.. toestand.Huishouden
            .Where(t => t.Client != client && t.LooptOp(dag) && regels.PerceelVan(t.Product) == perceel)
            .Select(t => bronnen.Inwoners.Zoek(t.Client))
            .OfType<Inwoner>()
            .Where(h => huis is null || h.Huishouden == huis)
            .DistinctBy(h => h.Bsn)];
    }
}
