using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Werkdagen;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Web.Schermen;

namespace Jeugdhulp.Web.Components.Pages.Overzicht;

/// <summary>Allocated, declared and paid in eurocent for one row of a money table (a month, a product or a provider).</summary>
public sealed record Geldregel(string Sleutel, string Naam, long ToegewezenCent, long GedeclareerdCent, long BetaaldCent);

/// <summary>Requests of one route per outcome (outcome label → count), in the order of <see cref="Overzichtcijfers.Uitkomsten"/>.</summary>
public sealed record Routeregel(string Route, IReadOnlyDictionary<string, int> PerUitkomst)
{
    /// <summary>All requests of the route.</summary>
    public int Totaal => PerUitkomst.Values.Sum();
}

/// <summary>One age bucket of the review queue.</summary>
public sealed record Wachtvak(string Naam, int Aantal);

/// <summary>
/// The figures of the overzicht of one municipality and year, computed from the store's aggregates
/// (<see cref="OverzichtLezen"/>), the contract tariffs and the rule data. No client data: counts and amounts only.
/// </summary>
public sealed record Overzichtcijfers(
    int Jaar,
    IReadOnlyList<Geldregel> PerMaand,
    IReadOnlyList<Geldregel> PerProduct,
    IReadOnlyList<Geldregel> PerAanbieder,
    Geldregel Totaal,
    int NietTeVerdelen,
    IReadOnlyList<string> Uitkomsten,
    IReadOnlyList<Routeregel> Routes,
    IReadOnlyList<Wachtvak> Wachtrij,
    int Wachtend,
    int? Oudste,
    double? Mediaan,
    IReadOnlyList<Termijntrouw> Termijntrouw)
{
    /// <summary>The month names of the tables and charts.</summary>
    public static IReadOnlyList<string> Maanden { get; } = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

    /// <summary>Upper bounds (calendar days waited, inclusive) of the queue's age buckets; the last bucket is open.</summary>
    private static readonly (int Tot, string Naam)[] Vakken = [(2, "0–2 dagen"), (5, "3–5 dagen"), (10, "6–10 dagen"), (20, "11–20 dagen"), (int.MaxValue, "meer dan 20 dagen")];

    /// <summary>The outcome labels, in column order.</summary>
    private static readonly (string Code, string Naam)[] Uitkomstnamen =
    [
        ("approved", "toegekend"), ("Toegekend", "toegekend"), ("rejected", "afgewezen"), ("review", "in beoordeling"), ("onderzoek", "in onderzoek"),
        ("Geblokkeerd", "geblokkeerd"), ("MotiveringNodig", "motivering nodig"), ("GeenBerichtenverkeer", "zonder berichtenverkeer"),
        ("open", "open"), ("afgehandeld", "afgehandeld"),
    ];

    /// <summary>Computes the figures from the store's aggregates.</summary>
    public static Overzichtcijfers Bereken(Overzichtsdata data, int jaar, IReadOnlyList<Contract> contracten, Regelcatalogus regels, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(contracten);
        ArgumentNullException.ThrowIfNull(regels);
        var geld = new Dictionary<(string Product, string Aanbieder), double[][]>();
        double[][] Van(string product, string aanbieder)
        {
            if (!geld.TryGetValue((product, aanbieder), out var g))
            {
                g = [new double[12], new double[12], new double[12]];
                geld[(product, aanbieder)] = g;
            }

            return g;
        }

        var nietTeVerdelen = 0;
        foreach (var t in data.Toewijzingen)
        {
            var centPerMaand = Toegewezen(t, jaar, contracten, regels);
            if (centPerMaand is null)
            {
                nietTeVerdelen += t.Aantal;
                continue;
            }

            Tel(Van(t.Productcode, t.Aanbieder)[0], centPerMaand);
        }

        foreach (var d in data.Declaraties)
        {
            var g = Van(d.Productcode, d.Aanbieder);
            g[1][d.Begindatum.Month - 1] += d.GedeclareerdCent;
            g[2][d.Begindatum.Month - 1] += d.BetaaldCent;
        }

        var perMaand = Enumerable.Range(0, 12).Select(m => Regel($"{jaar}-{m + 1:00}", $"{Maanden[m]} {jaar}", geld.Values, g => g[m])).ToList();
        var perProduct = geld.GroupBy(g => g.Key.Product, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Regel(g.Key, g.Key, g.Select(x => x.Value), r => r.Sum())).ToList();
        var perAanbieder = geld.GroupBy(g => g.Key.Aanbieder, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Regel(g.Key, g.Key, g.Select(x => x.Value), r => r.Sum())).ToList();
        // Every cell is rounded to the cent from exact sums, the total too: rows may differ from it by a few cents.
        var totaal = Regel("totaal", $"Totaal {jaar}", geld.Values, r => r.Sum());

        var (uitkomsten, routes) = PerRoute(data.Routes);
        var (vakken, wachtend, oudste, mediaan) = Wachttijden(data.Wachtrij, vandaag);
        var trouw = TermijntrouwBerekenen.Bereken(data.Afhandeling, regels, new Werkdagenkalender(regels.ExtraVrijeDagen), vandaag);
        return new Overzichtcijfers(jaar, perMaand, perProduct, perAanbieder, totaal, nietTeVerdelen, uitkomsten, routes, vakken, wachtend, oudste, mediaan, trouw);
    }

    /// <summary>The readable name of a deadline kind.</summary>
    public static string Termijnnaam(string id) => id switch
    {
        TermijnenBewaken.Antwoord => "Antwoord op JW315/JW317 (JW301/JW319)",
        TermijnenBewaken.Retour => "Retourbericht (JW316/JW318/JW306/JW308)",
        TermijnenBewaken.Declaratieantwoord => "Declaratieantwoord (JW325)",
        Core.NoShow.NoShowRegistreren.Besluitregel => "Besluit na derde no-show",
        _ => id,
    };

    /// <summary>
    /// Allocated eurocent per month of <paramref name="jaar"/> for a group of allocations: the volume spread over
    /// the months by days (<see cref="Minutenverdeling.PerMaand"/>), in the product's unit, times the contract
    /// tariff on the start date; a budget allocation counts its budget. Null for a total without an end date.
    /// </summary>
    private static double[]? Toegewezen(Toewijzingsgroep t, int jaar, IReadOnlyList<Contract> contracten, Regelcatalogus regels)
    {
        if (t.BudgetCent != 0)
        {
            return Minutenverdeling.PerMaand(t.BudgetCent, Omvang.Totaal, t.Ingangsdatum, t.Einddatum, jaar);
        }

        if (t.Eenheid is not { } eenheid || t.Frequentie is not { } frequentie)
        {
            return new double[12];
        }

        var tarief = contracten.FirstOrDefault(c => c.Aanbieder.Waarde == t.Aanbieder && c.Product.Waarde == t.Productcode && c.Geldigheid.Bevat(t.Ingangsdatum))?.TariefCent ?? 0;
        var productEenheid = Core.Waarden.ProductCode.Parse(t.Productcode).TryGet(out var code) ? regels.OpDatum(t.Ingangsdatum).Product(code)?.Eenheid : null;

        // The tariff is per unit of the product (per minute for effort): an allocation in hours of a product
        // priced per minute counts 60 per hour, the conversion the declaration check uses (HK-301-7, HK-323-2).
        var (volume, deler) = Minutenverdeling.MinutenPer(eenheid) is { } per && productEenheid is { } pe && pe != eenheid && Minutenverdeling.MinutenPer(pe) is { } perProduct
            ? (t.Volume * per, (double)perProduct)
            : (t.Volume, 1.0);
        var maanden = Minutenverdeling.PerMaand(volume, frequentie, t.Ingangsdatum, t.Einddatum, jaar);
        return maanden?.Select(m => m * tarief / deler).ToArray();
    }

    private static void Tel(double[] doel, double[] bij)
    {
        for (var i = 0; i < 12; i++)
        {
            doel[i] += bij[i];
        }
    }

    private static Geldregel Regel(string sleutel, string naam, IEnumerable<double[][]> reeksen, Func<double[], double> kies)
    {
        var lijst = reeksen.ToList();
        return new Geldregel(sleutel, naam, (long)Math.Round(lijst.Sum(g => kies(g[0]))), (long)Math.Round(lijst.Sum(g => kies(g[1]))), (long)Math.Round(lijst.Sum(g => kies(g[2]))));
    }

    /// <summary>The route of a request by its source and referrer type, as staff name it.</summary>
    public static string Routenaam(string route)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (route == "JW317")
        {
            return "JW317 wijzigingsverzoek aanbieder";
        }

        if (route == "lokaal")
        {
            return "Lokale toegang (gemeente wijst toe)";
        }

        if (route.StartsWith("conversie-", StringComparison.Ordinal))
        {
            return $"Conversie ({route["conversie-".Length..]})";
        }

        return int.TryParse(route.AsSpan("JW315-".Length), out var type) && Enum.IsDefined((VerwijzerType)type) ? (VerwijzerType)type switch
        {
            var v when Verwijzer.IsMedisch(v) => "JW315 medische route",
            var v when Verwijzer.IsGedwongenKader(v) => "JW315 GI of justitie",
            VerwijzerType.Gemeente => "JW315 verwezen door gemeente",
            _ => "JW315 zonder verwijzer",
        } : "JW315 verwijzer onbekend";
    }

    private static (IReadOnlyList<string>, IReadOnlyList<Routeregel>) PerRoute(IReadOnlyList<Routegroep> groepen)
    {
        string Uitkomst(string code) => Uitkomstnamen.FirstOrDefault(u => u.Code == code).Naam ?? code;
        var kolommen = Uitkomstnamen.Select(u => u.Naam).Distinct().Where(n => groepen.Any(g => Uitkomst(g.Uitkomst) == n))
            .Concat(groepen.Select(g => Uitkomst(g.Uitkomst)).Where(n => !Uitkomstnamen.Any(u => u.Naam == n)).Distinct().Order(StringComparer.Ordinal)).ToList();
        var rijen = groepen.GroupBy(g => Routenaam(g.Route)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Routeregel(g.Key, kolommen.ToDictionary(k => k, k => g.Where(x => Uitkomst(x.Uitkomst) == k).Sum(x => x.Aantal)))).ToList();
        return (kolommen, rijen);
    }

    private static (IReadOnlyList<Wachtvak>, int, int?, double?) Wachttijden(IReadOnlyList<(DateOnly Ontvangen, int Aantal)> wachtrij, DateOnly vandaag)
    {
        var dagen = wachtrij.Select(w => (Dagen: Math.Max(0, vandaag.DayNumber - w.Ontvangen.DayNumber), w.Aantal)).OrderBy(w => w.Dagen).ToList();
        var vakken = Vakken.Select((v, i) => new Wachtvak(v.Naam, dagen.Where(d => d.Dagen <= v.Tot && (i == 0 || d.Dagen > Vakken[i - 1].Tot)).Sum(d => d.Aantal))).ToList();
        var n = dagen.Sum(d => d.Aantal);
        if (n == 0)
        {
            return (vakken, 0, null, null);
        }

        // The median of the waiting days, counting each item (the list is per receipt day, with counts).
        int Positie(int k)
        {
            foreach (var (d, a) in dagen)
            {
                if (k < a)
                {
                    return d;
                }

                k -= a;
            }

            return dagen[^1].Dagen;
        }

        var mediaan = n % 2 == 1 ? Positie(n / 2) : (Positie((n / 2) - 1) + Positie(n / 2)) / 2.0;
        return (vakken, n, dagen[^1].Dagen, mediaan);
    }
}
