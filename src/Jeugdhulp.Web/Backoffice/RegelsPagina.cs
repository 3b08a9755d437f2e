using Jeugdhulp.Core.Regels;
using Jeugdhulp.Store.Contracten;
using Microsoft.AspNetCore.Http;

namespace Jeugdhulp.Web.Schermen;

/// <summary>Regels: the products, lots and the municipality's contracts in force on a chosen date (the rules as data, as <c>jeugdhulp regels</c> shows them).</summary>
internal static class RegelsPagina
{
    public static IResult Toon(HttpContext ctx, Backoffice b, string? datum)
    {
        var m = ctx.Medewerker();
        var fout = datum is not null && !DateOnly.TryParseExact(datum, "yyyy-MM-dd", out _);
        var dag = !fout && datum is not null ? DateOnly.ParseExact(datum, "yyyy-MM-dd") : b.Vandaag;
        var regels = b.Regels.OpDatum(dag);
        var gemeente = regels.Gemeente(m.Gemeente);
        var producten = regels.Producten.OrderBy(p => p.Code.Waarde, StringComparer.Ordinal).Select(p => Html.H($"""
            <tr><td>{p.Code.Waarde}</td><td>{p.Naam}</td><td>{regels.Perceel(p.Perceel)?.Naam ?? p.Perceel}</td><td>{Opmaak.Eenheid(p.Eenheid)} {Opmaak.Frequentie(p.Frequentie)}</td>
            <td>{Soort(p.Soort)}</td><td>{(p.MaxDuurMaanden is { } max ? $"{max} maanden" : "—")}</td><td>{(regels.NeemtDeel(m.Gemeente, p) ? "ja" : "nee")}</td></tr>
            """));
        var percelen = regels.Percelen.OrderBy(p => p.Naam, StringComparer.Ordinal).Select(p => Html.H($"""
            <tr><td>{p.Naam}</td><td>{p.Contract}</td>
            <td>{string.Join(", ", p.Deelnames.Where(d => d.Geldigheid.Bevat(dag)).Select(d => (regels.Gemeente(d.Gemeente)?.Naam ?? d.Gemeente.Waarde) + (d.Producten.Count > 0 ? $" (alleen {string.Join(", ", d.Producten.Select(x => x.Waarde))})" : "")))}</td>
            <td>{(p.Jw315AltijdBeoordelen ? "altijd beoordelen (HK-315-6)" : "automatisch waar de regels het toelaten")}</td><td>{(p.Jw317Toegestaan ? "ja" : "nee")}</td></tr>
            """));
        var contracten = b.Store.Contracten(m.Gemeente).Where(c => c.Geldigheid.Bevat(dag)).ToList();
        var contractRijen = contracten.Select(c => Html.H($"""
            <tr><td>{c.Aanbieder.Waarde}</td><td>{Opmaak.Productnaam(b, c.Product.Waarde)}</td><td>{Opmaak.Periode(c.Geldigheid.Begin, c.Geldigheid.Eind)}</td><td class="getal">{Opmaak.Euro(c.TariefCent)} per {(regels.Product(c.Product) is { } pr ? Opmaak.Eenheid(pr.Eenheid, 1) : "eenheid")}</td></tr>
            """));
        var termijnen = regels.Termijnen.Select(t => Html.H($"""
            <tr><td>{Opmaak.Regels(t.Id)}</td><td>{t.Omschrijving}</td><td>{t.Aantal} {Eenheid(t.Eenheid, t.Aantal)}{(t.Advies ? " (advies)" : "")}</td></tr>
            """));
        var body = Html.H($"""
            <h1>Regels op {dag}</h1>
            <form method="get" action="/regels" class="zoeken">
            <p><label for="datum">Peildatum</label><input id="datum" name="datum" type="date" value="{dag.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}"></p>
            <p><button type="submit">Tonen</button></p>
            </form>
            {(fout ? Html.H($"""<p class="fout" role="alert">'{datum}' is geen datum; getoond wordt de verwerkingsdatum.</p>""") : Html.Leeg)}
            <p>Regelset {regels.Label}. {(gemeente is null ? "Uw gemeente hoort op deze datum niet bij de regio." : $"Gemeente {gemeente.Naam}: toewijzingen via {gemeente.EmailToewijzingen}, declaraties via {gemeente.EmailDeclaraties}.")}</p>
            <h2>Contracten van uw gemeente</h2>
            {(contracten.Count == 0 ? Html.H($"""<p class="leeg">Geen contracten geldig op deze datum.</p>""") : Html.H($"""
                <table><thead><tr><th scope="col">Aanbieder (AGB)</th><th scope="col">Product</th><th scope="col">Geldig</th><th scope="col" class="getal">Tarief</th></tr></thead>
                <tbody>{contractRijen}</tbody></table>
                """))}
            <h2>Producten</h2>
            <table><thead><tr><th scope="col">Code</th><th scope="col">Naam</th><th scope="col">Perceel</th><th scope="col">Eenheid</th><th scope="col">Soort</th><th scope="col">Maximale duur</th><th scope="col">Uw gemeente neemt deel</th></tr></thead>
            <tbody>{producten}</tbody></table>
            <h2>Percelen</h2>
            <table><thead><tr><th scope="col">Perceel</th><th scope="col">Contract</th><th scope="col">Deelnemende gemeenten</th><th scope="col">Verzoeken (JW315)</th><th scope="col">Wijzigingen (JW317)</th></tr></thead>
            <tbody>{percelen}</tbody></table>
            <h2>Termijnen</h2>
            <table><thead><tr><th scope="col">Regel</th><th scope="col">Wat</th><th scope="col">Termijn</th></tr></thead>
            <tbody>{termijnen}</tbody></table>
            """);
        return Opmaak.Pagina(ctx, b, "Regels", "/regels", body);
    }

    private static string Soort(ProductSoort s) => s switch
    {
        ProductSoort.Individueel => "individueel",
        ProductSoort.Groep => "groep",
        ProductSoort.Gezin => "gezin",
        ProductSoort.ExtraClient => "extra cliënt (niet declareerbaar)",
        _ => s.ToString(),
    };

    private static string Eenheid(TermijnEenheid e, int aantal) => e switch
    {
        TermijnEenheid.Werkdagen => aantal == 1 ? "werkdag" : "werkdagen",
        TermijnEenheid.Dagen => aantal == 1 ? "dag" : "dagen",
        TermijnEenheid.Weken => aantal == 1 ? "week" : "weken",
        TermijnEenheid.Maanden => aantal == 1 ? "maand" : "maanden",
        TermijnEenheid.Jaren => "jaar",
        _ => e.ToString(),
    };
}
