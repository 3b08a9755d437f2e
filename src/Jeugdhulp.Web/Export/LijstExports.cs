using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Web.Components;
using Jeugdhulp.Web.Components.Pages.Werkvoorraad;
using Jeugdhulp.Web.Schermen;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace Jeugdhulp.Web.Export;

/// <summary>
/// The exports of the lists that have no endpoint class of their own to carry them: werkvoorraad (the page's
/// filters and order, every page), declaraties (every declared line, as the page's tables show them) and
/// cliënten (all of the municipality's, the page shows the first 500). The client is masked in every file,
/// as on the pages.
/// </summary>
internal static class LijstExports
{
    /// <summary>More rows than any municipality's list: an export is the whole list, not a page.</summary>
    private const int Alles = 1_000_000;

    /// <summary>The export URL of the list at <paramref name="paginaHref"/> (its path and query) in <paramref name="formaat"/>.</summary>
    public static string Link(string paginaHref, string formaat)
    {
        ArgumentNullException.ThrowIfNull(paginaHref);
        var q = paginaHref.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? $"{paginaHref}/export.{formaat}" : $"{paginaHref[..q]}/export.{formaat}{paginaHref[q..]}";
    }

    public static IResult Werkvoorraad(HttpContext ctx, Backoffice b, IDataProtectionProvider dp, string formaat)
    {
        var vraag = Werkvoorraadvraag.Uit(ctx.Request.Query);
        var filter = WerkvoorraadEindpunten.Filter(ctx, b, dp, vraag) with { Pagina = 1, PerPagina = Alles };
        var regels = b.Store.ZoekWerkvoorraad(ctx.Medewerker().Gemeente, filter).Regels;
        var tabel = new Exporttabel("werkvoorraad",
            ["Ontvangen", "Bericht", "Referentie", "Aanbieder", "Achternaam", "Cliënt (gemaskeerd)", "Product", "Ingangsdatum", "Einddatum", "Omvang", "Regels", "Behandelaar"],
            [.. regels.Select(r => new object?[]
            {
                Weergave.Dag(r.Item.Ontvangen), r.Item.Berichtcode, r.Item.Referentie, r.Item.Aanbieder, r.Item.Achternaam, r.Item.Client.Gemaskeerd,
                r.Item.Productcode, r.Item.Ingangsdatum, r.Item.Einddatum, r.Item.Omvang is null ? null : Weergave.Omvang(r.Item.Omvang), r.Item.Regels, r.Behandelaar,
            })],
            [.. regels.Select(r => r.Item.Client).Distinct()]);
        return Exportbestand.Download(b, ctx, tabel, formaat);
    }

    public static IResult Declaraties(HttpContext ctx, Backoffice b, string formaat)
    {
        var gemeente = ctx.Medewerker().Gemeente;
        object?[] Rij(Declaratieregel r) =>
        [
            Weergave.Dag(r.Ontvangen), r.Aanbieder, r.DeclaratieNummer, r.Client.Gemaskeerd, r.ToewijzingNummer, r.Productcode, r.Begindatum, r.Einddatum,
            r.Volume, Weergave.Eenheid(r.Eenheid, r.Volume), r.BedragCent / 100m,
            r.Afgewezen ? "afgewezen" : r.Beantwoord ? "goedgekeurd" : "nog niet beantwoord", string.Join(" ", r.RetourCodes),
        ];
        if (formaat == "csv")
        {
            // A national-size municipality declares 100,000 lines a month: the audit first (from the client column), then the
            // lines written as they are read (issue 18). A line about a client not audited (declared in between) stays out.
            var export = b.Store.LeesDeclaratieexport(gemeente);
            var geaudit = export.Clienten.ToHashSet();
            return Exportbestand.CsvStroom(b, ctx, "declaraties", DeclaratieKoppen, export.Aantal, export.Clienten,
                export.Regels.Where(r => geaudit.Contains(r.Client)).Select(Rij));
        }

        // ClosedXML builds the whole workbook in memory before writing it (it has no streaming writer).
        var regels = b.Store.LeesDeclaratieregels(gemeente);
        var tabel = new Exporttabel("declaraties", DeclaratieKoppen, [.. regels.Select(Rij)], [.. regels.Select(r => r.Client).Distinct()]);
        return Exportbestand.Download(b, ctx, tabel, formaat);
    }

    private static readonly string[] DeclaratieKoppen =
    [
        "Ontvangen", "Aanbieder", "Declaratienummer", "Cliënt (gemaskeerd)", "Toewijzing", "Product", "Begindatum", "Einddatum", "Geleverd volume", "Eenheid",
        "Bedrag (euro)", "Stand", "Retourcodes",
    ];

    public static IResult Clienten(HttpContext ctx, Backoffice b, string formaat)
    {
        var clienten = b.Store.LeesClienten(ctx.Medewerker().Gemeente, Alles);
        var tabel = new Exporttabel("clienten",
            ["Achternaam", "Voornamen", "Cliënt (gemaskeerd)", "Lopende toewijzingen", "Wacht op besluit"],
            [.. clienten.Select(c => new object?[] { c.Achternaam, c.Voornamen, c.Client.Gemaskeerd, c.LopendeToewijzingen, c.InBeoordeling })],
            [.. clienten.Select(c => c.Client)]);
        return Exportbestand.Download(b, ctx, tabel, formaat);
    }
}
