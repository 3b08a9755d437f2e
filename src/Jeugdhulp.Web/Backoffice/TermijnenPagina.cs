using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Werkdagen;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Termijnen;
using Microsoft.AspNetCore.Http;

namespace Jeugdhulp.Web.Schermen;

/// <summary>
/// Termijnen: the open obligations of the staff member's municipality and of the providers towards it,
/// overdue first. The same snapshot and core watch as <c>jeugdhulp termijnen</c>, cut to one gemeente
/// before anything is computed.
/// </summary>
internal static class TermijnenPagina
{
    public static IResult Toon(HttpContext ctx, Backoffice b, string? datum)
    {
        var m = ctx.Medewerker();
        var fout = datum is not null && !DateOnly.TryParseExact(datum, "yyyy-MM-dd", out _);
        var vandaag = !fout && datum is not null ? DateOnly.ParseExact(datum, "yyyy-MM-dd") : b.Vandaag;
        var alles = b.Store.LeesTermijnstand();
        var stand = new Termijnstand(
            [.. alles.Verzoeken.Where(v => v.Gemeente == m.Gemeente.Waarde)],
            [.. alles.Toewijzingen.Where(t => t.Gemeente == m.Gemeente.Waarde)],
            alles.Geboortedata);
        var regels = b.Regels.OpDatum(vandaag);
        var open = TermijnenBewaken.Open(stand, regels, new Werkdagenkalender(b.Regels.ExtraVrijeDagen), vandaag);
        var werkitems = b.Store.LeesWerkvoorraad(m.Gemeente).GroupBy(w => w.Referentie, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var teLaat = open.Count(v => v.IsTeLaat(vandaag));
        var rijen = open.Select(v =>
        {
            var dagen = v.DagenOver(vandaag);
            var standTekst = dagen switch
            {
                < 0 => Html.H($"""<span class="status-te-laat">te laat: {-dagen} {(dagen == -1 ? "dag" : "dagen")}</span>"""),
                0 => Html.H($"""<span class="status-te-laat">vandaag</span>"""),
                _ => Html.H($"""<span class="status-op-tijd">nog {dagen} {(dagen == 1 ? "dag" : "dagen")}</span>"""),
            };
            var referentie = v.Partij == Partij.Gemeente && werkitems.TryGetValue(v.Referentie, out var id)
                ? Html.H($"""<a href="/werkvoorraad/{id}">{v.Referentie}</a>""")
                : Html.H($"{(v.Referentie.Length > 0 ? v.Referentie : "—")}");
            return Html.H($"""
                <tr{(v.IsTeLaat(vandaag) ? Html.Vertrouwd(" class=\"te-laat\"") : Html.Leeg)}><td>{v.Vervaldatum}</td><td>{standTekst}</td>
                <td>{(v.Partij == Partij.Gemeente ? "gemeente" : $"aanbieder {v.Code}")}</td><td>{Verwacht(v)}</td><td>{referentie}</td>
                <td>{v.Client?.Gemaskeerd ?? "-"}</td><td>{Opmaak.Regels(v.Regel)}{(v.Advies ? " signaal" : "")}</td></tr>
                """);
        });
        var body = Html.H($"""
            <h1>Termijnen</h1>
            <form method="get" action="/termijnen" class="zoeken">
            <p><label for="datum">Peildatum</label><input id="datum" name="datum" type="date" value="{vandaag.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}"></p>
            <p><button type="submit">Tonen</button></p>
            </form>
            {(fout ? Html.H($"""<p class="fout" role="alert">'{datum}' is geen datum; getoond wordt de verwerkingsdatum.</p>""") : Html.Leeg)}
            <p>Open verplichtingen op {vandaag}: {open.Count}, waarvan <strong>{teLaat} te laat</strong>. Te late staan bovenaan.</p>
            {(open.Count == 0 ? Html.H($"""<p class="leeg">Geen open verplichtingen.</p>""") : Html.H($"""
                <table><thead><tr><th scope="col">Uiterlijk</th><th scope="col">Stand</th><th scope="col">Wie moet iets doen</th><th scope="col">Wat</th><th scope="col">Referentie of toewijzing</th><th scope="col">Cliënt</th><th scope="col">Regel</th></tr></thead>
                <tbody>{rijen}</tbody></table>
                """))}
            """);
        return Opmaak.Pagina(ctx, b, "Termijnen", "/termijnen", body);
    }

    private static string Verwacht(Verplichting v) => v.Verwacht switch
    {
        "JW301/JW319" => "besluit op verzoek (JW301 of JW319)",
        "JW305" => "startbericht (JW305)",
        "JW307" => "stopbericht (JW307)",
        var s when s.StartsWith("signaal", StringComparison.Ordinal) => $"cliënt wordt {s["signaal ".Length..]}: toewijzing herbeoordelen",
        var s => s,
    };
}
