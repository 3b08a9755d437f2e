using Jeugdhulp.Core.Teksten;
using Jeugdhulp.Store.Backoffice;
using Microsoft.AspNetCore.Http;

namespace Jeugdhulp.Web.Schermen;

/// <summary>Declaraties: every JW323 to the municipality, and the refused lines with the retour codes that explain why.</summary>
internal static class DeclaratiesPagina
{
    public static Html Codes(IReadOnlyList<string> codes) => Html.Samen(codes.Select(c =>
        Html.H($"""<span class="regel">{c}</span> {(Tekst.Retourcode(c) ?? "zie retourcodelijst iJw")} """)));

    public static IResult Toon(HttpContext ctx, Backoffice b)
    {
        var m = ctx.Medewerker();
        var regels = b.Store.LeesDeclaratieregels(m.Gemeente);
        var afgewezen = regels.Where(r => r.Afgewezen).ToList();
        var perDeclaratie = regels.GroupBy(r => (r.Aanbieder, r.DeclaratieNummer)).Select(g => Html.H($"""
            <tr><td>{Opmaak.Dag(g.First().Ontvangen)}</td><td>{g.Key.Aanbieder}</td><td>{g.Key.DeclaratieNummer}</td>
            <td class="getal">{g.Count()}</td><td class="getal">{g.Count(r => r.Afgewezen)}</td>
            <td class="getal">{Opmaak.Euro(g.Sum(r => r.BedragCent))}</td><td class="getal">{Opmaak.Euro(g.Where(r => r.Beantwoord && !r.Afgewezen).Sum(r => r.BedragCent))}</td></tr>
            """));
        var afgewezenRijen = afgewezen.Select(r => Html.H($"""
            <tr><td>{r.Aanbieder}</td><td>{r.DeclaratieNummer}</td><td>{r.Client.Gemaskeerd}</td><td>{r.ToewijzingNummer}</td>
            <td>{Opmaak.Productnaam(b, r.Productcode)}</td><td>{Opmaak.Periode(r.Begindatum, r.Einddatum)}</td>
            <td class="getal">{Opmaak.Getal(r.Volume)} {Opmaak.Eenheid(r.Eenheid, r.Volume)}</td><td class="getal">{Opmaak.Euro(r.BedragCent)}</td><td>{Codes(r.RetourCodes)}</td></tr>
            """));
        var body = Html.H($"""
            <h1>Declaraties</h1>
            <h2>Afgewezen prestaties</h2>
            {(afgewezen.Count == 0 ? Html.H($"""<p class="leeg">Er zijn geen afgewezen prestaties.</p>""") : Html.H($"""
                <table><caption>{afgewezen.Count} afgewezen {(afgewezen.Count == 1 ? "prestatie" : "prestaties")} met de reden (retourcode) uit het declaratieantwoord (JW325)</caption>
                <thead><tr><th scope="col">Aanbieder</th><th scope="col">Declaratie</th><th scope="col">Cliënt</th><th scope="col">Toewijzing</th><th scope="col">Product</th><th scope="col">Periode</th><th scope="col" class="getal">Geleverd</th><th scope="col" class="getal">Bedrag</th><th scope="col">Waarom afgewezen</th></tr></thead>
                <tbody>{afgewezenRijen}</tbody></table>
                """))}
            <h2>Alle declaraties</h2>
            {(regels.Count == 0 ? Html.H($"""<p class="leeg">Er zijn nog geen declaraties (JW323) ontvangen.</p>""") : Html.H($"""
                <table><thead><tr><th scope="col">Ontvangen</th><th scope="col">Aanbieder</th><th scope="col">Declaratienummer</th><th scope="col" class="getal">Prestaties</th><th scope="col" class="getal">Afgewezen</th><th scope="col" class="getal">Ingediend</th><th scope="col" class="getal">Goedgekeurd</th></tr></thead>
                <tbody>{perDeclaratie}</tbody></table>
                """))}
            """);
        return Opmaak.Pagina(ctx, b, "Declaraties", "/declaraties", body);
    }
}
