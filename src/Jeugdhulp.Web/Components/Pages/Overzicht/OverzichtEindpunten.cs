using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Contracten;
using Jeugdhulp.Web.Export;
using Jeugdhulp.Web.Schermen;
using Microsoft.AspNetCore.Http;

namespace Jeugdhulp.Web.Components.Pages.Overzicht;

/// <summary>
/// Overzicht: the dashboard of the staff member's municipality for a year — money (allocated, declared, paid),
/// requests per route and outcome, the review queue's age and deadline compliance — as charts with tables,
/// and as files: one CSV per table (<c>?tabel=</c>) or one Excel workbook with a sheet per table. Figures
/// only, no client data (policy <c>Rollen.Cijfers</c>), so the files are not audited.
/// </summary>
internal static class OverzichtEindpunten
{
    /// <summary>The tables of the overzicht, by their file name, in page order.</summary>
    public static IReadOnlyList<(string Naam, string Titel)> Tabellen { get; } =
    [
        ("geld-per-maand", "Geld per maand"), ("geld-per-product", "Geld per product"), ("geld-per-aanbieder", "Geld per aanbieder"),
        ("verzoeken-per-route", "Verzoeken per route en uitkomst"), ("wachttijd-werkvoorraad", "Wachttijd werkvoorraad"), ("termijntrouw", "Termijntrouw"),
    ];

    public static IResult Toon(HttpContext ctx, Backoffice b, int? jaar) =>
        Scherm.Toon<Overzichtpagina>(new { Cijfers = Lees(ctx, b, jaar), Aanbieders = b.Store.LeesAanbiedernamen(ctx.Medewerker().Gemeente) });

    public static IResult Exporteer(HttpContext ctx, Backoffice b, string formaat, int? jaar, string? tabel)
    {
        var cijfers = Lees(ctx, b, jaar);
        var tabellen = Exporttabellen(cijfers, b, b.Store.LeesAanbiedernamen(ctx.Medewerker().Gemeente));
        if (formaat == "xlsx")
        {
            return Results.File(Exportbestand.Werkboek(tabellen), Exportbestand.ExcelType, $"overzicht-{cijfers.Jaar}-{b.Vandaag:yyyy-MM-dd}.xlsx");
        }

        return tabellen.FirstOrDefault(t => t.Naam.StartsWith((tabel ?? "") + "-", StringComparison.Ordinal)) is { } gekozen
            ? Exportbestand.Download(b, ctx, gekozen, formaat)
            : Results.NotFound();
    }

    private static Overzichtcijfers Lees(HttpContext ctx, Backoffice b, int? jaar)
    {
        var m = ctx.Medewerker();
        var j = jaar is >= 2000 and <= 2100 ? jaar.Value : b.Vandaag.Year;
        return Overzichtcijfers.Bereken(b.Store.LeesOverzicht(m.Gemeente, j), j, b.Store.Contracten(m.Gemeente), b.Regels, b.Vandaag);
    }

    /// <summary>The tables of the page as export tables (amounts in euros as decimals, so a spreadsheet sums them), named <c>TABEL-JAAR</c>.</summary>
    internal static IReadOnlyList<Exporttabel> Exporttabellen(Overzichtcijfers c, Backoffice b, IReadOnlyDictionary<string, string> aanbieders)
    {
        object?[] Geld(Geldregel r, string? naam = null) => naam is null
            ? [r.Naam, r.ToegewezenCent / 100m, r.GedeclareerdCent / 100m, r.BetaaldCent / 100m]
            : [r.Naam, naam, r.ToegewezenCent / 100m, r.GedeclareerdCent / 100m, r.BetaaldCent / 100m];
        string[] bedragen = ["Toegewezen (euro)", "Gedeclareerd (euro)", "Betaald (euro)"];
        var totaal = new object?[] { c.Totaal.Naam, c.Totaal.ToegewezenCent / 100m, c.Totaal.GedeclareerdCent / 100m, c.Totaal.BetaaldCent / 100m };
        return
        [
            new($"geld-per-maand-{c.Jaar}", ["Maand", .. bedragen], [.. c.PerMaand.Select(r => Geld(r)), totaal], []),
            new($"geld-per-product-{c.Jaar}", ["Product", "Naam", .. bedragen],
                [.. c.PerProduct.Select(r => Geld(r, Weergave.Productnaam(b, r.Sleutel))), [c.Totaal.Naam, null, .. totaal[1..]]], []),
            // The provider's name from the contracts (empty when the contract data has none), beside its AGB code.
            new($"geld-per-aanbieder-{c.Jaar}", ["Aanbieder", "Naam", .. bedragen],
                [.. c.PerAanbieder.Select(r => Geld(r, aanbieders.GetValueOrDefault(r.Sleutel, ""))), [c.Totaal.Naam, null, .. totaal[1..]]], []),
            new($"verzoeken-per-route-{c.Jaar}", ["Route", .. c.Uitkomsten, "Totaal"],
                [.. c.Routes.Select(r => new object?[] { r.Route }.Concat(c.Uitkomsten.Select(u => (object?)r.PerUitkomst[u])).Append(r.Totaal).ToArray())], []),
            new($"wachttijd-werkvoorraad-{c.Jaar}", ["Wachttijd", "Aantal"],
                [.. c.Wachtrij.Select(v => new object?[] { v.Naam, v.Aantal }), ["Totaal wachtend", c.Wachtend], ["Oudste (dagen)", c.Oudste], ["Mediaan (dagen)", c.Mediaan]], []),
            new($"termijntrouw-{c.Jaar}", ["Termijn", "Omschrijving", "Op tijd", "Te laat", "Lopend", "Op tijd (%)"],
                [.. c.Termijntrouw.Select(t => new object?[] { t.Termijn, Overzichtcijfers.Termijnnaam(t.Termijn), t.OpTijd, t.TeLaat, t.Lopend, t.Percentage })], []),
        ];
    }
}
