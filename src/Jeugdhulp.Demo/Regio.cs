using System.Globalization;
using System.Text;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Demo;

/// <summary>A synthetic provider.</summary>
internal sealed record Aanbieder(string Agb, string Naam);

/// <summary>One contract line as the municipality would supply it (contracten.csv).</summary>
internal sealed record Contractregel(string Gemeente, string Aanbieder, string Product, long TariefCent);

/// <summary>A resident. <see cref="InRegister"/> false: the municipality's register does not (yet) know the person.</summary>
internal sealed record Persoon(
    string Bsn,
    string Gemeente,
    DateOnly Geboortedatum,
    string Huishouden,
    bool Jeugdreclassering,
    string Achternaam,
    string? Voorvoegsel,
    string Voorletters,
    string Geslacht,
    bool InRegister)
{
    public int LeeftijdOp(DateOnly datum)
    {
        var leeftijd = datum.Year - Geboortedatum.Year;
        return datum < Geboortedatum.AddYears(leeftijd) ? leeftijd - 1 : leeftijd;
    }
}

/// <summary>A household: parents and children living at one address, all in one municipality.</summary>
internal sealed record Huishouden(string Code, string Gemeente, List<Persoon> Leden)
{
    public IEnumerable<Persoon> Kinderen(DateOnly op) => Leden.Where(l => l.LeeftijdOp(op) < 24 && !IsOuder(l));

    public bool IsOuder(Persoon p) => Ouders.Contains(p);

    public List<Persoon> Ouders { get; } = [];
}

/// <summary>
/// The static part of a synthetic region: providers with contracts on the lots the municipalities take
/// part in (read from the rule data, so a rule change is reflected), and households of residents. Sizes
/// follow the municipalities' rough population; every number comes from the seeded <see cref="Toeval"/>.
/// </summary>
internal sealed partial class Regio
{
    /// <summary>Rough number of inhabitants (CBS, 2024), used only as weights; a municipality not listed weighs 30,000.</summary>
    private static readonly Dictionary<string, double> Inwonertallen = new(StringComparer.Ordinal)
    {
        ["0034"] = 226_000,
        ["0995"] = 82_000,
        ["0171"] = 49_000,
        ["0303"] = 43_000,
        ["0184"] = 22_000,
    };

    private static readonly string[] Namen =
    [
        "Kompas", "Horizon", "Het Anker", "Polderkracht", "Zuiderzee Jeugd", "Flevogroei", "De Brug", "Lichtpunt",
        "Groeikracht", "Samen Verder", "Koers", "Het Baken", "De Vuurtoren", "Windkracht", "Eilandzorg", "Nieuw Land",
        "De Dijk", "Lepelaar", "Kiekendief", "Oostvaarders", "Waterland", "De Zandbank", "Meerwaarde", "Stroomopwaarts",
    ];

    private static readonly (string Naam, string? Voorvoegsel)[] Achternamen =
    [
        ("Vries", "de"), ("Jansen", null), ("Bakker", null), ("Visser", null), ("Smit", null), ("Meijer", null),
        ("Boer", "de"), ("Mulder", null), ("Groot", "de"), ("Bos", null), ("Vos", null), ("Peters", null),
        ("Hendriks", null), ("Berg", "van den"), ("Dijk", "van"), ("Koffeman", null), ("Romkes", null), ("Pinas", null),
        ("Elbers", null), ("Kramer", null), ("Postma", null), ("Brink", "van den"), ("Wit", "de"), ("Dekker", null),
        ("Yilmaz", null), ("Kaya", null), ("Amrani", "El"), ("Tahiri", null), ("Nguyen", null), ("Haan", "de"),
        ("Schouten", null), ("Leeuwen", "van"), ("Hoekstra", null), ("Zijlstra", null), ("Brouwer", null), ("Veen", "van der"),
    ];

    private int volgendeBsn;

    private Regio(Regelset regels, Toeval toeval, DateOnly start)
    {
        Regels = regels;
        Start = start;
        Gemeenten = [.. regels.Gemeenten.Select(g => g.Code.Waarde).Order(StringComparer.Ordinal)];
        GemeenteGewichten = [.. Gemeenten.Select(g => Inwonertallen.GetValueOrDefault(g, 30_000))];
        volgendeBsn = 200_000_000 + toeval.Getal(50_000_000);
    }

    public Regelset Regels { get; }

    public DateOnly Start { get; }

    public List<string> Gemeenten { get; }

    public List<double> GemeenteGewichten { get; }

    public List<Aanbieder> Aanbieders { get; } = [];

    public List<Contractregel> Contracten { get; } = [];

    public List<Huishouden> Huishoudens { get; } = [];

    /// <summary>Products a municipality takes part in on the start date (HK-PER-1/2), in code order.</summary>
    public List<Product> ProductenIn(string gemeente) =>
        [.. Regels.Producten.Where(p => Regels.NeemtDeel(Gemeentecode.Parse(gemeente).Waarde, p)).OrderBy(p => p.Code.Waarde, StringComparer.Ordinal)];

    public bool HeeftContract(string aanbieder, string gemeente, string product) =>
        contractSleutels.Contains((aanbieder, gemeente, product));

    public long Tarief(string aanbieder, string gemeente, string product) =>
        Contracten.First(c => c.Aanbieder == aanbieder && c.Gemeente == gemeente && c.Product == product).TariefCent;

    public List<Aanbieder> AanbiedersMet(string gemeente, string product) =>
        [.. Aanbieders.Where(a => HeeftContract(a.Agb, gemeente, product))];

    private readonly HashSet<(string, string, string)> contractSleutels = [];

    public static Regio Maak(Regelset regels, Toeval toeval, int clienten, DateOnly start)
    {
        var regio = new Regio(regels, toeval, start);
        regio.MaakAanbieders(toeval.Tak("aanbieders"), clienten);
        return regio;
    }

    private void MaakAanbieders(Toeval t, int clienten)
    {
        var aantal = Math.Clamp(clienten / 40, 6, 80);
        var agbs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < aantal; i++)
        {
            string agb;
            do
            {
                // AGB codes of youth care organisations: 8 digits; the "98" prefix keeps them apart from the shipped demo's.
                agb = "98" + t.Getal(1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            }
            while (!agbs.Add(agb));

            var naam = Namen[i % Namen.Length] + (i >= Namen.Length ? $" {(i / Namen.Length) + 1}" : "");
            Aanbieders.Add(new Aanbieder(agb, "Jeugdhulp " + naam));
        }

        // Each provider works in one to three municipalities (larger ones more often) and offers a part of
        // what those municipalities buy; a family product always comes with its dummy, an individual product
        // with its group variant, and most providers also do the lot's Diagnostiek.
        foreach (var a in Aanbieders)
        {
            var gemeenten = new SortedSet<string>(StringComparer.Ordinal);
            var n = t.Tussen(1, 3);
            while (gemeenten.Count < n)
            {
                gemeenten.Add(Gemeenten[t.Gewogen(GemeenteGewichten)]);
            }

            foreach (var g in gemeenten)
            {
                var aanbod = ProductenIn(g);
                var gekozen = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var p in aanbod.Where(p => p.Soort is ProductSoort.Individueel or ProductSoort.Gezin))
                {
                    if (t.Kans(0.6))
                    {
                        gekozen.Add(p.Code.Waarde);
                    }
                }

                foreach (var p in aanbod.Where(p => IsDiagnostiek(p)))
                {
                    if (t.Kans(0.7))
                    {
                        gekozen.Add(p.Code.Waarde);
                    }
                }

                if (gekozen.Count == 0 && aanbod.Count > 0)
                {
                    gekozen.Add(t.Kies(aanbod).Code.Waarde);
                }

                foreach (var code in gekozen.ToList())
                {
                    Aanvullen(g, code, gekozen);
                }

                foreach (var code in gekozen)
                {
                    VoegContractToe(t, a.Agb, g, code);
                }
            }
        }

        // Every product a municipality buys has at least one provider: add the missing ones to a provider
        // already working there (or the first provider).
        foreach (var g in Gemeenten)
        {
            foreach (var p in ProductenIn(g))
            {
                if (AanbiedersMet(g, p.Code.Waarde).Count > 0)
                {
                    continue;
                }

                var daar = Aanbieders.Where(a => Contracten.Any(c => c.Aanbieder == a.Agb && c.Gemeente == g)).ToList();
                var a = daar.Count > 0 ? t.Kies(daar) : Aanbieders[0];
                var set = new SortedSet<string>(StringComparer.Ordinal) { p.Code.Waarde };
                Aanvullen(g, p.Code.Waarde, set);
                foreach (var code in set.Where(c => !HeeftContract(a.Agb, g, c)))
                {
                    VoegContractToe(t, a.Agb, g, code);
                }
            }
        }

        Contracten.Sort((x, y) => string.CompareOrdinal($"{x.Gemeente},{x.Aanbieder},{x.Product}", $"{y.Gemeente},{y.Aanbieder},{y.Product}"));
    }

    /// <summary>Adds the products that belong with <paramref name="code"/> when the municipality buys them.</summary>
    private void Aanvullen(string gemeente, string code, SortedSet<string> gekozen)
    {
        var p = Regels.Product(ProductCode.Parse(code).Waarde);
        var aanbod = ProductenIn(gemeente).Select(x => x.Code.Waarde).ToHashSet(StringComparer.Ordinal);
        foreach (var extra in new[] { p?.ExtraClientProduct, p?.HoofdProduct, p?.Groepsvariant })
        {
            if (extra is { } e && aanbod.Contains(e.Waarde))
            {
                gekozen.Add(e.Waarde);
            }
        }
    }

    public bool IsDiagnostiek(Product p) => Regels.Perceel(p.Perceel)?.DiagnostiekEerst == p.Code;

    private void VoegContractToe(Toeval t, string agb, string gemeente, string code)
    {
        var p = Regels.Product(ProductCode.Parse(code).Waarde)!;
        var basis = IsDiagnostiek(p) ? 175 : p.Soort switch
        {
            ProductSoort.Individueel => 150,
            ProductSoort.Groep => 60,
            ProductSoort.Gezin => 165,
            _ => 0,
        };
        var tarief = basis == 0 ? 0 : basis + t.Tussen(-8, 8);
        Contracten.Add(new Contractregel(gemeente, agb, code, tarief));
        contractSleutels.Add((agb, gemeente, code));
    }

    /// <summary>A new household in <paramref name="gemeente"/> with at least one child of 4 to 17 on the start date.</summary>
    public Huishouden NieuwHuishouden(Toeval t, string gemeente)
    {
        var code = $"{Afkorting(gemeente)}-{Huishoudens.Count + 1:D5}";
        var (naam, voorvoegsel) = t.Kies(Achternamen);
        var h = new Huishouden(code, gemeente, []);
        var ouderLeeftijd = t.Tussen(27, 55);
        var ouders = t.Kans(0.75) ? 2 : 1;
        for (var i = 0; i < ouders; i++)
        {
            var ouder = NieuwePersoon(t, gemeente, code, ouderLeeftijd + t.Tussen(-3, 3), naam, voorvoegsel, false);
            h.Leden.Add(ouder);
            h.Ouders.Add(ouder);
        }

        var kinderen = new[] { 1, 2, 3, 4 }[t.Gewogen([30, 40, 20, 10])];
        var oudste = Math.Min(23, ouderLeeftijd - 20);
        for (var i = 0; i < kinderen; i++)
        {
            h.Leden.Add(NieuwePersoon(t, gemeente, code, t.Tussen(0, Math.Max(0, oudste)), naam, voorvoegsel, true));
        }

        if (!h.Kinderen(Start).Any(k => k.LeeftijdOp(Start) is >= 4 and <= 17))
        {
            h.Leden.Add(NieuwePersoon(t, gemeente, code, t.Tussen(4, Math.Clamp(oudste, 4, 17)), naam, voorvoegsel, true));
        }

        Huishoudens.Add(h);
        return h;
    }

    /// <summary>Adds a member of <paramref name="leeftijd"/> to <paramref name="h"/> (an older sibling for the age-limit case).</summary>
    public Persoon VoegToe(Toeval t, Huishouden h, int leeftijd)
    {
        var eerste = h.Leden[0];
        var p = NieuwePersoon(t, h.Gemeente, h.Code, leeftijd, eerste.Achternaam, eerste.Voorvoegsel, false);
        h.Leden.Add(p);
        return p;
    }

    private Persoon NieuwePersoon(Toeval t, string gemeente, string huishouden, int leeftijd, string naam, string? voorvoegsel, bool kind)
    {
        var geboren = Start.AddYears(-leeftijd).AddDays(-t.Getal(365));
        var jr = kind && leeftijd is >= 12 and <= 17 && t.Kans(0.03);
        return new Persoon(VolgendeBsn(), gemeente, geboren, huishouden, jr, naam, voorvoegsel,
            ((char)('A' + t.Getal(26))).ToString(), t.Kans(0.5) ? "1" : "2", true);
    }

    /// <summary>The next number passing the 11-proef (counting up, so every BSN is unique).</summary>
    public string VolgendeBsn()
    {
        while (true)
        {
            var tekst = (volgendeBsn++).ToString("D9", CultureInfo.InvariantCulture);
            if (Bsn.IsElfproef(tekst))
            {
                return tekst;
            }
        }
    }

    private string Afkorting(string gemeente)
    {
        var naam = Regels.Gemeente(Gemeentecode.Parse(gemeente).Waarde)?.Naam ?? gemeente;
        return naam.Length >= 3 ? naam[..3].ToUpperInvariant() : naam.ToUpperInvariant();
    }

    public string ContractenCsv()
    {
        var namen = Aanbieders.ToDictionary(a => a.Agb, a => a.Naam, StringComparer.Ordinal);
        var sb = new StringBuilder(Core.Contracten.ContractenCsv.KopMetNaam).Append('\n');
        foreach (var c in Contracten)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{c.Gemeente},{c.Aanbieder},{c.Product},{Start:yyyy-MM-dd},,{c.TariefCent},{namen[c.Aanbieder]}\n");
        }

        return sb.ToString();
    }

    public string InwonersCsv()
    {
        var sb = new StringBuilder("bsn,gemeente,geboortedatum,huishouden,jeugdreclassering\n");
        foreach (var p in Huishoudens.SelectMany(h => h.Leden).Where(p => p.InRegister))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{p.Bsn},{p.Gemeente},{p.Geboortedatum:yyyy-MM-dd},{p.Huishouden},{(p.Jeugdreclassering ? "ja" : "nee")}\n");
        }

        return sb.ToString();
    }

    public string AanbiedersCsv()
    {
        var sb = new StringBuilder("aanbieder,naam\n");
        foreach (var a in Aanbieders)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{a.Agb},{a.Naam}\n");
        }

        return sb.ToString();
    }
}
