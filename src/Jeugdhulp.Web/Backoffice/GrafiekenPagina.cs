using System.Globalization;
using Jeugdhulp.Store.Backoffice;
using Microsoft.AspNetCore.Http;

namespace Jeugdhulp.Web.Schermen;

/// <summary>
/// Grafieken: allocated versus declared minutes per product and provider per month, as inline SVG drawn on
/// the server (no script), each with its figures in a table for screen readers and copying.
/// </summary>
internal static class GrafiekenPagina
{
    private static readonly string[] Maanden = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

    public static IResult Toon(HttpContext ctx, Backoffice b, int? jaar)
    {
        var m = ctx.Medewerker();
        var j = jaar is >= 2000 and <= 2100 ? jaar.Value : b.Vandaag.Year;
        var reeksen = new SortedDictionary<(string Product, string Aanbieder), (double[] Toegewezen, double[] Gedeclareerd)>();
        var nietVerdeeld = 0;

        (double[], double[]) Reeks(string product, string aanbieder)
        {
            if (!reeksen.TryGetValue((product, aanbieder), out var r))
            {
                r = (new double[12], new double[12]);
                reeksen[(product, aanbieder)] = r;
            }

            return r;
        }

        foreach (var t in b.Store.LeesToegewezenVolumes(m.Gemeente))
        {
            var verdeeld = Minutenverdeling.Toegewezen(t.Omvang, t.Ingangsdatum, t.Einddatum, j);
            if (verdeeld is null)
            {
                nietVerdeeld++;
                continue;
            }

            if (verdeeld.Any(x => x > 0))
            {
                Tel(Reeks(t.Productcode, t.Aanbieder).Item1, verdeeld);
            }
        }

        foreach (var l in b.Store.LeesDeclaratieregels(m.Gemeente).Where(l => !l.Afgewezen))
        {
            var verdeeld = Minutenverdeling.Gedeclareerd(l.Volume, l.Eenheid, l.BedragCent < 0, l.Begindatum, l.Einddatum, j);
            if (verdeeld.Any(x => x != 0))
            {
                Tel(Reeks(l.Productcode, l.Aanbieder).Item2, verdeeld);
            }
        }

        var figuren = reeksen.Select((kv, i) => Figuur(b, kv.Key.Product, kv.Key.Aanbieder, kv.Value.Toegewezen, kv.Value.Gedeclareerd, j, i));
        var body = Html.H($"""
            <h1>Toegewezen en gedeclareerde minuten {j}</h1>
            <form method="get" action="/grafieken" class="zoeken">
            <p><label for="jaar">Jaar</label><input id="jaar" name="jaar" type="number" min="2000" max="2100" value="{j}"></p>
            <p><button type="submit">Tonen</button></p>
            </form>
            <p>Per product en aanbieder: de toegewezen minuten per maand (lopende toewijzingen, verdeeld naar dagen) naast de gedeclareerde minuten (niet afgewezen prestaties).</p>
            <p class="legenda"><span><span class="vak toegewezen"></span>toegewezen</span><span><span class="vak gedeclareerd"></span>gedeclareerd</span></p>
            {(nietVerdeeld > 0 ? Html.H($"""<p class="leeg">{nietVerdeeld} toewijzing(en) met een totaal zonder einddatum zijn niet over maanden te verdelen en ontbreken hier.</p>""") : Html.Leeg)}
            {(reeksen.Count == 0 ? Html.H($"""<p class="leeg">Geen toewijzingen of declaraties in minuten in {j}.</p>""") : Html.Samen(figuren))}
            """);
        return Opmaak.Pagina(ctx, b, "Grafieken", "/grafieken", body);
    }

    private static void Tel(double[] doel, double[] bij)
    {
        for (var i = 0; i < 12; i++)
        {
            doel[i] += bij[i];
        }
    }

    private static Html Figuur(Backoffice b, string product, string aanbieder, double[] toegewezen, double[] gedeclareerd, int jaar, int volgnummer)
    {
        const int Links = 60, Boven = 10, Hoogte = 150, Kolom = 44, Balk = 16;
        var max = Math.Max(1, Math.Max(toegewezen.Max(), gedeclareerd.Max()));
        var schaal = NetteSchaal(max);
        var breedte = Links + (12 * Kolom) + 10;
        var delen = new List<Html>();
        for (var s = 0; s <= 4; s++)
        {
            var waarde = schaal * s / 4;
            var y = Boven + Hoogte - (Hoogte * waarde / schaal);
            delen.Add(Html.H($"""<line x1="{Links}" x2="{breedte - 10}" y1="{Getal(y)}" y2="{Getal(y)}" stroke="#d0d7de"/><text x="{Links - 6}" y="{Getal(y + 4)}" text-anchor="end">{Opmaak.Getal((long)waarde)}</text>"""));
        }

        for (var i = 0; i < 12; i++)
        {
            var x = Links + (i * Kolom) + 5;
            var ht = Hoogte * toegewezen[i] / schaal;
            var hd = Hoogte * gedeclareerd[i] / schaal;
            delen.Add(Html.H($"""
                <rect x="{x}" y="{Getal(Boven + Hoogte - ht)}" width="{Balk}" height="{Getal(ht)}" fill="#8fb3d9"><title>{Maanden[i]}: {Opmaak.Getal((long)Math.Round(toegewezen[i]))} minuten toegewezen</title></rect>
                <rect x="{x + Balk + 2}" y="{Getal(Boven + Hoogte - hd)}" width="{Balk}" height="{Getal(hd)}" fill="#154273"><title>{Maanden[i]}: {Opmaak.Getal((long)Math.Round(gedeclareerd[i]))} minuten gedeclareerd</title></rect>
                <text x="{x + Balk}" y="{Boven + Hoogte + 16}" text-anchor="middle">{Maanden[i]}</text>
                """));
        }

        var titel = $"{Opmaak.Productnaam(b, product)} · aanbieder {aanbieder}";
        var id = $"grafiek-{volgnummer}";
        var cellen = Enumerable.Range(0, 12).Select(i => Html.H($"""<tr><th scope="row">{Maanden[i]} {jaar}</th><td class="getal">{Opmaak.Getal((long)Math.Round(toegewezen[i]))}</td><td class="getal">{Opmaak.Getal((long)Math.Round(gedeclareerd[i]))}</td></tr>"""));
        return Html.H($"""
            <figure>
            <figcaption id="{id}">{titel}</figcaption>
            <svg role="img" aria-labelledby="{id}" width="{breedte}" height="{Boven + Hoogte + 26}" viewBox="0 0 {breedte} {Boven + Hoogte + 26}">
            <line x1="{Links}" x2="{Links}" y1="{Boven}" y2="{Boven + Hoogte}" stroke="#555"/>
            {delen}
            </svg>
            <details><summary>Cijfers per maand (minuten)</summary>
            <table><thead><tr><th scope="col">Maand</th><th scope="col" class="getal">Toegewezen</th><th scope="col" class="getal">Gedeclareerd</th></tr></thead><tbody>{cellen}</tbody></table>
            </details>
            </figure>
            """);
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

    private static string Getal(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
}
