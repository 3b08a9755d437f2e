using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Termijnen;
using Jeugdhulp.Web.Export;
using Jeugdhulp.Web.Schermen;
using Microsoft.AspNetCore.Http;

namespace Jeugdhulp.Web.Components.Pages.Termijnen;

/// <summary>The deadlines of one municipality on one day, filtered: what the page and its export show.</summary>
/// <param name="Vandaag">The day counted from.</param>
/// <param name="Alle">Every open obligation of the municipality (the CLI's <c>termijnen --gemeente</c>).</param>
/// <param name="Gefilterd">Those passing the filters, overdue first.</param>
/// <param name="OngeldigeDatum">The date as typed when it was no date.</param>
internal sealed record Termijnenlijst(DateOnly Vandaag, IReadOnlyList<Verplichting> Alle, IReadOnlyList<Verplichting> Gefilterd, string? OngeldigeDatum);

/// <summary>
/// Termijnen: the open obligations of the staff member's municipality and of the providers towards it,
/// overdue first, filtered, counted per kind and split into te laat / vandaag / deze week / later, paged;
/// exported with the same filters. One query with <c>jeugdhulp termijnen --gemeente</c>
/// (<see cref="OpenVerplichtingenLezen"/>), cut to the gemeente in SQL.
/// </summary>
internal static class TermijnenEindpunten
{
    public static IResult Toon(HttpContext ctx, Backoffice b)
    {
        var m = ctx.Medewerker();
        var vraag = Termijnenvraag.Uit(ctx.Request.Query);
        var lijst = Lees(b, ctx, vraag);
        var paginas = Math.Max(1, (lijst.Gefilterd.Count + Termijnenvraag.PerPagina - 1) / Termijnenvraag.PerPagina);
        var pagina = Math.Min(vraag.Pagina, paginas);
        var zichtbaar = lijst.Gefilterd.Skip((pagina - 1) * Termijnenvraag.PerPagina).Take(Termijnenvraag.PerPagina).ToList();

        // Counts per kind ignore the kind filter and the split counts ignore the split, so each offers its alternatives.
        var perSoort = (vraag.Filter with { Regel = null }).Pas(lijst.Alle, lijst.Vandaag)
            .GroupBy(v => v.Regel, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count())).ToList();
        var perVak = (vraag.Filter with { Vak = null }).Pas(lijst.Alle, lijst.Vandaag)
            .GroupBy(v => v.Vak(lijst.Vandaag)).ToDictionary(g => g.Key, g => g.Count());
        var referenties = zichtbaar.Where(v => v.Partij == Partij.Gemeente).Select(v => v.Referentie).ToHashSet(StringComparer.Ordinal);
        var werkitems = referenties.Count == 0
            ? new Dictionary<string, long>(StringComparer.Ordinal)
            : b.Store.LeesWerkvoorraad(m.Gemeente).Where(w => referenties.Contains(w.Referentie)).GroupBy(w => w.Referentie, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        return Scherm.Toon<Termijnenpagina>(new
        {
            Vraag = vraag,
            Vandaag = lijst.Vandaag,
            Zichtbaar = (IReadOnlyList<Verplichting>)zichtbaar,
            Totaal = lijst.Gefilterd.Count,
            Alle = lijst.Alle.Count,
            Pagina = pagina,
            Paginas = paginas,
            PerSoort = (IReadOnlyList<(string, int)>)perSoort,
            PerVak = (IReadOnlyDictionary<Termijnvak, int>)perVak,
            Aanbieders = (IReadOnlyList<string>)[.. lijst.Alle.Where(v => v.Partij == Partij.Aanbieder).Select(v => v.Code).Distinct().Order(StringComparer.Ordinal)],
            Producten = (IReadOnlyList<string>)[.. lijst.Alle.Select(v => v.Product?.Waarde).OfType<string>().Distinct().Order(StringComparer.Ordinal)],
            Werkitems = (IReadOnlyDictionary<string, long>)werkitems,
            lijst.OngeldigeDatum,
        });
    }

    /// <summary>The filtered list, unpaged, as CSV or Excel; the client only masked, as on the page.</summary>
    public static IResult Exporteer(HttpContext ctx, Backoffice b, string formaat)
    {
        var lijst = Lees(b, ctx, Termijnenvraag.Uit(ctx.Request.Query));
        var rijen = lijst.Gefilterd.Select(v => new object?[]
        {
            v.Vervaldatum, Vaknaam(v.Vak(lijst.Vandaag)), v.DagenOver(lijst.Vandaag), Wie(v), Verwacht(v), v.Referentie, v.Product?.Waarde,
            v.Client?.Gemaskeerd, v.Regel, v.Advies ? "signaal" : "termijn",
        }).ToList();
        var tabel = new Exporttabel("termijnen",
            ["Uiterlijk", "Stand", "Dagen over", "Wie moet iets doen", "Wat", "Referentie of toewijzing", "Product", "Cliënt (gemaskeerd)", "Regel", "Soort"],
            rijen, [.. lijst.Gefilterd.Select(v => v.Client).OfType<Core.Waarden.Bsn>().Distinct()]);
        return Exportbestand.Download(b, ctx, tabel, formaat);
    }

    /// <summary>The municipality's obligations on the chosen day (the processing date when none or no date).</summary>
    private static Termijnenlijst Lees(Backoffice b, HttpContext ctx, Termijnenvraag vraag)
    {
        var fout = vraag.Datum is not null && !DateOnly.TryParseExact(vraag.Datum, "yyyy-MM-dd", out _);
        var vandaag = !fout && vraag.Datum is not null ? DateOnly.ParseExact(vraag.Datum, "yyyy-MM-dd") : b.Vandaag;
        var alle = b.Store.LeesOpenVerplichtingen(b.Regels, vandaag, ctx.Medewerker().Gemeente);
        return new Termijnenlijst(vandaag, alle, [.. vraag.Filter.Pas(alle, vandaag)], fout ? vraag.Datum : null);
    }

    public static string Vaknaam(Termijnvak vak) => Termijnenvraag.Vakken.First(x => x.Vak == vak).Naam;

    public static string Wie(Verplichting v) => v.Partij switch
    {
        Partij.Aanbieder => $"{Core.Teksten.Tekst.Partij(v.Partij)} {v.Code}",
        Partij.Regio => $"{Core.Teksten.Tekst.Partij(v.Partij)} (24-uurs jeugdhulp)",
        _ => Core.Teksten.Tekst.Partij(v.Partij),
    };

    public static string Verwacht(Verplichting v) => v.Verwacht switch
    {
        "JW301/JW319" => "besluit op verzoek (JW301 of JW319)",
        "JW305" => "startbericht (JW305)",
        "JW307" => "stopbericht (JW307)",
        var s when s.StartsWith("signaal", StringComparison.Ordinal) => $"cliënt wordt {s["signaal ".Length..]}: toewijzing herbeoordelen",
        var s => s,
    };
}
