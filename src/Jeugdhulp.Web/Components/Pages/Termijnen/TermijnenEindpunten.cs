using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Termijnen;
using Jeugdhulp.Web.Export;
using Jeugdhulp.Web.Schermen;
using Microsoft.AspNetCore.Http;

namespace Jeugdhulp.Web.Components.Pages.Termijnen;

/// <summary>
/// Termijnen: the open obligations of the staff member's municipality and of the providers towards it,
/// overdue first, filtered, counted per kind and split into te laat / vandaag / deze week / later, paged;
/// exported with the same filters. The same source as <c>jeugdhulp termijnen --gemeente</c>: the deadline rows
/// (<see cref="Termijnrijen"/>, issue 18), paged and counted in SQL. A peildatum other than today is a what-if
/// on another day: computed live (<see cref="OpenVerplichtingenLezen"/>), as before the rows.
/// </summary>
internal static class TermijnenEindpunten
{
    public static IResult Toon(HttpContext ctx, Backoffice b, Termijnverversing verversing)
    {
        var m = ctx.Medewerker();
        var vraag = Termijnenvraag.Uit(ctx.Request.Query);
        var ((lijst, fout), pagina) = Paginering.LeesTotDeLaatste(vraag.Pagina, Termijnenvraag.PerPagina,
            p => Lees(b, ctx, vraag, verversing, (p - 1) * Termijnenvraag.PerPagina), g => g.Lijst.Totaal);
        var paginas = Paginering.Paginas(lijst.Totaal, Termijnenvraag.PerPagina);

        var referenties = lijst.Rijen.Where(v => v.Partij == Partij.Gemeente).Select(v => v.Referentie).ToHashSet(StringComparer.Ordinal);
        return Scherm.Toon<Termijnenpagina>(new
        {
            Vraag = vraag,
            Vandaag = lijst.Stand.BerekendVoor,
            BerekendVoorGisteren = lijst.Stand.Verouderd,
            Zichtbaar = lijst.Rijen,
            lijst.Totaal,
            lijst.Alle,
            Pagina = pagina,
            Paginas = paginas,
            lijst.PerSoort,
            lijst.PerVak,
            lijst.Aanbieders,
            lijst.Producten,
            Werkitems = b.Store.LeesWerkitemsVoor(m.Gemeente, referenties),
            OngeldigeDatum = fout,
        });
    }

    /// <summary>The filtered list, unpaged and streamed, as CSV or Excel; the client only masked, as on the page.</summary>
    public static IResult Exporteer(HttpContext ctx, Backoffice b, Termijnverversing verversing, string formaat)
    {
        var vraag = Termijnenvraag.Uit(ctx.Request.Query);
        var (stand, live) = Bron(b, ctx, vraag, verversing);
        var vandaag = stand.BerekendVoor;
        object?[] Rij(Verplichting v) =>
        [
            v.Vervaldatum, Vaknaam(v.Vak(vandaag)), v.DagenOver(vandaag), Wie(v), Verwacht(v), v.Referentie, v.Product?.Waarde,
            v.Client?.Gemaskeerd, v.Regel, v.Advies ? "signaal" : "termijn",
        ];
        if (live is null && formaat == "csv")
        {
            // The rows of a national-size municipality (600,000) are written as they are read: the audit first, from one pass
            // over the client column, then the file (issue 18).
            var gemeente = ctx.Medewerker().Gemeente;
            var (aantal, metClient) = b.Store.LeesTermijnrijclienten(stand, gemeente, vraag.Filter);
            // A row a recompute added between the two reads, about a client not audited, stays out of the file.
            var geaudit = metClient.ToHashSet();
            return Exportbestand.CsvStroom(b, ctx, "termijnen", Koppen, aantal, metClient, b.Store.LeesAlleTermijnrijen(stand, gemeente, vraag.Filter)
                .Where(v => v.Client is not { } c || geaudit.Contains(c)).Select(Rij));
        }

        var gefilterd = live is null ? b.Store.LeesAlleTermijnrijen(stand, ctx.Medewerker().Gemeente, vraag.Filter) : vraag.Filter.Pas(live, vandaag);
        var lijst = gefilterd.ToList();
        var tabel = new Exporttabel("termijnen", Koppen, [.. lijst.Select(Rij)], [.. lijst.Select(v => v.Client).OfType<Core.Waarden.Bsn>().Distinct()]);
        return Exportbestand.Download(b, ctx, tabel, formaat);
    }

    private static readonly string[] Koppen =
        ["Uiterlijk", "Stand", "Dagen over", "Wie moet iets doen", "Wat", "Referentie of toewijzing", "Product", "Cliënt (gemaskeerd)", "Regel", "Soort"];

    /// <summary>
    /// Where the list comes from: the rows (today, brought up to date for the marked clients; of an earlier day while the
    /// background service recomputes the new one, <see cref="Termijnverversing"/>), or for another peildatum the live
    /// computation on that day.
    /// </summary>
    private static (Termijnrijstand Stand, IReadOnlyList<Verplichting>? Live) Bron(Backoffice b, HttpContext ctx, Termijnenvraag vraag, Termijnverversing verversing)
    {
        var gemeente = ctx.Medewerker().Gemeente;
        var peildatum = Peildatum(vraag) ?? b.Vandaag;
        if (peildatum != b.Vandaag || (b.Store.BerekendVoor(gemeente) is { } berekend && peildatum < berekend))
        {
            return (new Termijnrijstand(peildatum, false), b.Store.LeesOpenVerplichtingen(b.Regels, peildatum, gemeente));
        }

        var stand = b.Store.Ververs(b.Regels, b.Vandaag, gemeente, nieuweDagLaterOk: true);
        if (stand.Verouderd)
        {
            verversing.Wek();
        }

        return (stand, null);
    }

    private static DateOnly? Peildatum(Termijnenvraag vraag) =>
        vraag.Datum is not null && DateOnly.TryParseExact(vraag.Datum, "yyyy-MM-dd", out var d) ? d : null;

    /// <summary>One page of the municipality's obligations with its counts (the date as typed when it was no date).</summary>
    private static (Termijnrijpagina Lijst, string? OngeldigeDatum) Lees(Backoffice b, HttpContext ctx, Termijnenvraag vraag, Termijnverversing verversing, int overslaan)
    {
        var fout = vraag.Datum is not null && Peildatum(vraag) is null ? vraag.Datum : null;
        var (stand, live) = Bron(b, ctx, vraag, verversing);
        if (live is null)
        {
            return (b.Store.LeesTermijnrijen(stand, ctx.Medewerker().Gemeente, vraag.Filter, overslaan, Termijnenvraag.PerPagina), fout);
        }

        // Counts per kind ignore the kind filter and the split counts ignore the split, so each offers its alternatives.
        var vandaag = stand.BerekendVoor;
        var gefilterd = vraag.Filter.Pas(live, vandaag).ToList();
        var perSoort = (vraag.Filter with { Regel = null }).Pas(live, vandaag)
            .GroupBy(v => v.Regel, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count())).ToList();
        var perVak = (vraag.Filter with { Vak = null }).Pas(live, vandaag).GroupBy(v => v.Vak(vandaag)).ToDictionary(g => g.Key, g => g.Count());
        return (new Termijnrijpagina(stand, [.. gefilterd.Skip(overslaan).Take(Termijnenvraag.PerPagina)], gefilterd.Count, live.Count, perSoort, perVak,
            [.. live.Where(v => v.Partij == Partij.Aanbieder).Select(v => v.Code).Distinct().Order(StringComparer.Ordinal)],
            [.. live.Select(v => v.Product?.Waarde).OfType<string>().Distinct().Order(StringComparer.Ordinal)]), fout);
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
