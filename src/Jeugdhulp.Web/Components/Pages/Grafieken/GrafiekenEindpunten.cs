using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Web.Schermen;
using Microsoft.AspNetCore.Http;

namespace Jeugdhulp.Web.Components.Pages.Grafieken;

/// <summary>Allocated and declared minutes of one product at one provider, per month of a year.</summary>
public sealed record Reeks(string Product, string Aanbieder, double[] Toegewezen, double[] Gedeclareerd);

/// <summary>
/// Grafieken: allocated versus declared minutes per product and provider per month, drawn on the server as
/// SVG (no script), each with its figures in a table.
/// </summary>
internal static class GrafiekenEindpunten
{
    public static IResult Toon(HttpContext ctx, Backoffice b, int? jaar)
    {
        var m = ctx.Medewerker();
        var j = jaar is >= 2000 and <= 2100 ? jaar.Value : b.Vandaag.Year;
        var reeksen = new SortedDictionary<(string Product, string Aanbieder), Reeks>();
        var nietVerdeeld = 0;

        Reeks Van(string product, string aanbieder)
        {
            if (!reeksen.TryGetValue((product, aanbieder), out var r))
            {
                r = new Reeks(product, aanbieder, new double[12], new double[12]);
                reeksen[(product, aanbieder)] = r;
            }

            return r;
        }

        // Groups summed by the database (GrafiekLezen): spreading over the months is linear in the volume, so a
        // group counts as its allocations or lines one by one would.
        var data = b.Store.LeesGrafiek(m.Gemeente, j);
        foreach (var t in data.Toegewezen)
        {
            var verdeeld = Minutenverdeling.Toegewezen(t.Volume, t.Eenheid!, t.Frequentie!, t.Ingangsdatum, t.Einddatum, j);
            if (verdeeld is null)
            {
                nietVerdeeld += t.Aantal;
                continue;
            }

            if (verdeeld.Any(x => x > 0))
            {
                Tel(Van(t.Productcode, t.Aanbieder).Toegewezen, verdeeld);
            }
        }

        foreach (var l in data.Gedeclareerd)
        {
            var verdeeld = Minutenverdeling.Gedeclareerd(l.Volume, l.Eenheid, l.Credit, l.Begindatum, l.Einddatum, j);
            if (verdeeld.Any(x => x != 0))
            {
                Tel(Van(l.Productcode, l.Aanbieder).Gedeclareerd, verdeeld);
            }
        }

        return Scherm.Toon<Grafiekenpagina>(new { Jaar = j, Reeksen = (IReadOnlyList<Reeks>)[.. reeksen.Values], NietVerdeeld = nietVerdeeld });
    }

    private static void Tel(double[] doel, double[] bij)
    {
        for (var i = 0; i < 12; i++)
        {
            doel[i] += bij[i];
        }
    }

    /// <summary>A round axis maximum at or above <paramref name="max"/>: 1, 2 or 5 times a power of ten.</summary>
    internal static double NetteSchaal(double max)
    {
        var macht = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var f in new[] { 1.0, 2.0, 5.0, 10.0 })
        {
            if (f * macht >= max)
            {
                return f * macht;
            }
        }

        return 10 * macht;
    }
}
