using System.Globalization;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Conversie;

/// <summary>
/// Decides per running allocation how it moves to the regional contract (HK-CONV-1, HK-CONV-2, HK-CONV-3):
/// the municipality's IST → SOLL line gives the new product, the volume is converted into its unit and
/// frequency, and the route the mapping implies is made heavier — never lighter — when the content changes
/// (duration, intensity) or cannot move at all. A pure function of the allocation, the rule data and the
/// contracts.
/// </summary>
public static class ConversieBepalen
{
    /// <summary>Whether the provider has a regional contract for the product with the municipality on the date.</summary>
    /// <param name="gemeente">Municipality.</param>
    /// <param name="aanbieder">Provider.</param>
    /// <param name="product">Regional product.</param>
    /// <param name="datum">The new allocation's start.</param>
    public delegate bool HeeftContract(Gemeentecode gemeente, AgbCode aanbieder, ProductCode product, DateOnly datum);

    private static readonly ContractloosOptie[] AlleOpties = Enum.GetValues<ContractloosOptie>();

    /// <summary>The plan for <paramref name="t"/> with the conversion tables in force on <paramref name="peildatum"/>.</summary>
    public static Conversieadvies Bepaal(LopendeToewijzing t, Regelcatalogus regels, DateOnly peildatum, HeeftContract heeftContract)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(regels);
        ArgumentNullException.ThrowIfNull(heeftContract);
        var bevindingen = new List<Conversiebevinding>();
        void Bevinding(string regel, string uitkomst, params (string, string)[] p) =>
            bevindingen.Add(new(regel, uitkomst, [.. p.Select(x => KeyValuePair.Create(x.Item1, x.Item2))]));

        var tabel = regels.OpDatum(peildatum).Conversietabel(t.Gemeente);
        if (tabel is null)
        {
            // HK-CONV-3 "gemeenten die later toetreden": no table, no conversion yet.
            Bevinding("HK-CONV-1", "geen-conversietabel", ("gemeente", t.Gemeente.Waarde), ("peildatum", Iso(peildatum)));
            return new(t, null, peildatum, null, null, null, null, null, bevindingen);
        }

        var overgang = tabel.Overgangsdatum;
        if (t.Periode.Eind is { } oudEind && oudEind < overgang)
        {
            Bevinding("HK-CONV-2", "eindigt-voor-overgang", ("einddatum", Iso(oudEind)), ("overgangsdatum", Iso(overgang)));
            return new(t, null, overgang, null, null, null, null, null, bevindingen);
        }

        var start = t.Periode.Begin > overgang ? t.Periode.Begin : overgang;
        if (tabel.Regel(t.Product) is not { } regel)
        {
            Bevinding("HK-CONV-1", "geen-mapping", ("oudeCode", t.Product.Waarde));
            return Herindicatie(t, start, null, null, bevindingen);
        }

        Bevinding("HK-CONV-1", "mapping", ("oudeCode", t.Product.Waarde), ("nieuweCode", regel.NieuweCode?.Waarde ?? ""), ("route", Naam(regel.Route)));
        var set = regels.OpDatum(start);
        if (regel.Route == ConversieRoute.Herindicatie || regel.NieuweCode is not { } code)
        {
            Bevinding("HK-CONV-2", "mapping-herindicatie", ("oudeCode", t.Product.Waarde));
            return Herindicatie(t, start, regel.NieuweCode, null, bevindingen);
        }

        if (set.Product(code) is not { } product)
        {
            Bevinding("HK-CONV-2", "product-niet-geldig", ("nieuweCode", code.Waarde), ("datum", Iso(start)));
            return Herindicatie(t, start, code, null, bevindingen);
        }

        if (!set.NeemtDeel(t.Gemeente, product))
        {
            Bevinding("HK-PER-5", "geen-deelname", ("gemeente", t.Gemeente.Waarde), ("perceel", product.Perceel), ("nieuweCode", code.Waarde));
            return Herindicatie(t, start, code, product.Categorie, bevindingen);
        }

        var route = regel.Route;
        void Zwaarder(ConversieRoute naar) => route = (ConversieRoute)Math.Max((int)route, (int)naar);

        var o = t.Omvang;
        if (!RegelLader.IsOmrekenbaar(o.Eenheid, o.Frequentie, product.Eenheid, product.Frequentie))
        {
            Bevinding("HK-CONV-2", "omvang-niet-om-te-rekenen", ("eenheid", o.Eenheid), ("frequentie", o.Frequentie),
                ("naarEenheid", product.Eenheid), ("naarFrequentie", product.Frequentie));
            return Herindicatie(t, start, code, product.Categorie, bevindingen);
        }

        if (o.Eenheid != regel.OudeEenheid || o.Frequentie != regel.OudeFrequentie)
        {
            // The table says how the old product was allocated; this line differs, so its intensity was
            // agreed otherwise than the mapping assumes: someone looks.
            Bevinding("HK-CONV-2", "omvang-wijkt-af-van-mapping", ("eenheid", o.Eenheid), ("frequentie", o.Frequentie),
                ("mappingEenheid", regel.OudeEenheid), ("mappingFrequentie", regel.OudeFrequentie));
            Zwaarder(ConversieRoute.LichteToets);
        }

        DateOnly eind;
        if (t.Periode.Eind is { } e)
        {
            eind = e;
        }
        else
        {
            eind = Maanden.EindeNa(start, product.StandaardDuurMaanden ?? 12);
            Bevinding("HK-CONV-2", "einddatum-vastgesteld", ("einddatum", Iso(eind)), ("standaardDuurMaanden", Getal(product.StandaardDuurMaanden ?? 12)));
            Zwaarder(ConversieRoute.LichteToets);
        }

        if (product.MaxDuurMaanden is { } max && eind > Maanden.EindeNa(start, max))
        {
            Bevinding("HK-PRD-1", "langer-dan-maximum", ("einddatum", Iso(eind)), ("maxDuurMaanden", Getal(max)));
            Zwaarder(ConversieRoute.LichteToets);
        }

        var dagen = eind.DayNumber - start.DayNumber + 1;
        var volume = Omreken(o, t.Periode, start, dagen, product.Eenheid);
        if (volume is null)
        {
            Bevinding("HK-CONV-2", "volume-te-groot", ("volume", Getal(o.Volume)));
            return Herindicatie(t, start, code, product.Categorie, bevindingen);
        }

        var omvang = new Omvang(volume.Value, product.Eenheid, product.Frequentie);
        Bevinding("HK-301-7", "omgerekend", ("van", $"{o.Volume}/{o.Eenheid}/{o.Frequentie}"), ("naar", $"{omvang.Volume}/{omvang.Eenheid}/{omvang.Frequentie}"),
            ("ingangsdatum", Iso(start)), ("einddatum", Iso(eind)));

        var maxPerWeek = product.Richtlijn.Select(c => c.UrenPerWeek).Where(u => u is not null).Max();
        if (maxPerWeek is { } grens && omvang.InMinuten is { } minuten && minuten * 7m / 60m / dagen > grens)
        {
            Bevinding("HK-PRD-3", "boven-richtlijn", ("urenPerWeek", (minuten * 7m / 60m / dagen).ToString("0.##", CultureInfo.InvariantCulture)),
                ("maxUrenPerWeek", grens.ToString("0.##", CultureInfo.InvariantCulture)));
            Zwaarder(ConversieRoute.LichteToets);
        }

        var signaal = Contract(t, code, start, tabel, heeftContract, bevindingen);
        Bevinding("HK-CONV-2", "route", ("route", Naam(route)));
        return new(t, route, start, code, product.Categorie, eind, omvang, signaal, bevindingen);
    }

    /// <summary>The route's name as in conversie.json and the plan: administratief, lichteToets, herindicatie.</summary>
    public static string Naam(ConversieRoute route) => route switch
    {
        ConversieRoute.Administratief => "administratief",
        ConversieRoute.LichteToets => "lichteToets",
        _ => "herindicatie",
    };

    private static Conversieadvies Herindicatie(LopendeToewijzing t, DateOnly start, ProductCode? code, string? categorie, List<Conversiebevinding> bevindingen)
    {
        bevindingen.Add(new("HK-CONV-2", "route", [KeyValuePair.Create("route", Naam(ConversieRoute.Herindicatie))]));
        return new(t, ConversieRoute.Herindicatie, start, code, categorie, null, null, null, bevindingen);
    }

    private static Contractsignaal? Contract(LopendeToewijzing t, ProductCode code, DateOnly start, Conversietabel tabel, HeeftContract heeftContract, List<Conversiebevinding> bevindingen)
    {
        if (heeftContract(t.Gemeente, t.Aanbieder, code, start))
        {
            return null;
        }

        var uiterlijk = Maanden.EindeNa(tabel.Overgangsdatum, tabel.AfrondenBinnenMaanden);
        bevindingen.Add(new("HK-CONV-3", "geen-regionaal-contract",
        [
            KeyValuePair.Create("aanbieder", t.Aanbieder.Waarde), KeyValuePair.Create("nieuweCode", code.Waarde),
            KeyValuePair.Create("uiterlijk", Iso(uiterlijk)),
        ]));
        return new Contractsignaal(uiterlijk, AlleOpties);
    }

    /// <summary>
    /// The old volume as a total within the new period, in the new unit, rounded up (continuity of care: never
    /// less than agreed). Per week and per month are multiplied out over the new period's days; a total of
    /// the old period is taken pro rata for the days that remain (what was already used is not known to the
    /// previous system's export). Null when the result does not fit an iJw volume.
    /// </summary>
    internal static int? Omreken(Omvang oud, Periode oudePeriode, DateOnly start, int dagen, string naarEenheid)
    {
        long teller = oud.Volume;
        long noemer = 1;
        switch (oud.Frequentie)
        {
            case "2":
                teller *= dagen;
                noemer *= 7;
                break;
            case "4":
                teller *= dagen * 12L;
                noemer *= 365;
                break;
            case "6" when oudePeriode.Begin < start && oudePeriode.AantalDagen is { } oudeDagen:
                teller *= dagen;
                noemer *= oudeDagen;
                break;
            default:
                break;
        }

        if (Omvang.MinutenPer(oud.Eenheid) is { } van && Omvang.MinutenPer(naarEenheid) is { } naar)
        {
            teller *= van;
            noemer *= naar;
        }

        var volume = (teller + noemer - 1) / noemer;
        return volume is >= 1 and <= 99_999_999 ? (int)volume : null;
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Getal(int n) => n.ToString(CultureInfo.InvariantCulture);
}
