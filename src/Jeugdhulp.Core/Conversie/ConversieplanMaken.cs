using Jeugdhulp.Core.Regels;

namespace Jeugdhulp.Core.Conversie;

/// <summary>How many allocations take each route, for one municipality or provider (or the whole run).</summary>
/// <param name="Sleutel">CBS code, AGB code, or "totaal".</param>
/// <param name="Administratief">Administrative conversions the run executes.</param>
/// <param name="LichteToets">Conversions with a short file check.</param>
/// <param name="Herindicatie">Full new assessments.</param>
/// <param name="ZonderContract">Of these, allocations whose provider has no regional contract (HK-CONV-3).</param>
/// <param name="NietLopend">Allocations that end before the transition, or of a municipality without a table.</param>
public sealed record Conversietotaal(string Sleutel, int Administratief, int LichteToets, int Herindicatie, int ZonderContract, int NietLopend)
{
    /// <summary>All allocations counted.</summary>
    public int Totaal => Administratief + LichteToets + Herindicatie + NietLopend;
}

/// <summary>The dry run: the advice per allocation and the totals per municipality, provider and route.</summary>
/// <param name="Adviezen">One per running allocation, in file order.</param>
/// <param name="PerGemeente">Totals per municipality, by code.</param>
/// <param name="PerAanbieder">Totals per provider, by AGB code.</param>
/// <param name="Totaal">Totals over everything.</param>
public sealed record Conversieplan(
    IReadOnlyList<Conversieadvies> Adviezen,
    IReadOnlyList<Conversietotaal> PerGemeente,
    IReadOnlyList<Conversietotaal> PerAanbieder,
    Conversietotaal Totaal);

/// <summary>Makes the plan of a conversion run (HK-CONV-2): advice per allocation, then the totals.</summary>
public static class ConversieplanMaken
{
    /// <summary>The plan for <paramref name="toewijzingen"/> with the rules and tables in force on <paramref name="peildatum"/>.</summary>
    public static Conversieplan Maak(
        IReadOnlyList<LopendeToewijzing> toewijzingen, Regelcatalogus regels, DateOnly peildatum, ConversieBepalen.HeeftContract heeftContract)
    {
        ArgumentNullException.ThrowIfNull(toewijzingen);
        var adviezen = toewijzingen.Select(t => ConversieBepalen.Bepaal(t, regels, peildatum, heeftContract)).ToList();
        return new Conversieplan(
            adviezen,
            Tel(adviezen, a => a.Toewijzing.Gemeente.Waarde),
            Tel(adviezen, a => a.Toewijzing.Aanbieder.Waarde),
            Totaal("totaal", adviezen));
    }

    private static List<Conversietotaal> Tel(List<Conversieadvies> adviezen, Func<Conversieadvies, string> sleutel) =>
        [.. adviezen.GroupBy(sleutel, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Totaal(g.Key, g))];

    private static Conversietotaal Totaal(string sleutel, IEnumerable<Conversieadvies> adviezen)
    {
        int a = 0, l = 0, h = 0, z = 0, n = 0;
        foreach (var advies in adviezen)
        {
            switch (advies.Route)
            {
                case ConversieRoute.Administratief:
                    a++;
                    break;
                case ConversieRoute.LichteToets:
                    l++;
                    break;
                case ConversieRoute.Herindicatie:
                    h++;
                    break;
                default:
                    n++;
                    break;
            }

            if (advies.Contractsignaal is not null)
            {
                z++;
            }
        }

        return new Conversietotaal(sleutel, a, l, h, z, n);
    }
}
