using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Demo;

/// <summary>
/// The demo region's lot participation for 24-hour care. The shipped rules name no municipality in the 24-uurs
/// lots (JMV24, BEHWON: the seeds do not say who takes part, docs/VERBLIJF.md), so every allocation of a 24-hour
/// product would be refused under HK-PER-5. Seed 003 says the Samenwerkingsverband is responsible for all
/// 24-hour care "in de regio Flevoland" of "de 6 gemeenten", so the generated region lets every municipality of
/// the rule data take part in the lots of the 24-hour products from the run's first day — only where the rule
/// data has no participation of its own (a region that adds <c>deelnames</c> is taken as it is). The shipped rule
/// files are not changed: only the run's pipeline uses this catalogue.
/// </summary>
internal static class Verblijfdeelname
{
    /// <summary><paramref name="catalogus"/> with the 24-hour lots' participation added from <paramref name="vanaf"/>.</summary>
    public static Regelcatalogus Voeg(Regelcatalogus catalogus, DateOnly vanaf)
    {
        var regels = catalogus.OpDatum(vanaf);
        if (regels.Verblijf is not { } verblijf)
        {
            return catalogus;
        }

        var percelen = regels.Producten
            .Where(p => verblijf.Soort(p.Code) is not null || p.Code == verblijf.Meerzorg.Product)
            .Select(p => p.Perceel)
            .ToHashSet(StringComparer.Ordinal);
        Deelname[] iedereen = [.. regels.Gemeenten.Select(g => new Deelname(g.Code, Periode.Vanaf(vanaf), []))];
        return catalogus with
        {
            Percelen = [.. catalogus.Percelen.Select(p => percelen.Contains(p.Code) && p.Deelnames.Count == 0 ? p with { Deelnames = iedereen } : p)],
        };
    }
}
