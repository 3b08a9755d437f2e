using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Bevindingen;
using Jeugdhulp.Store.Contracten;
using Jeugdhulp.Web.Schermen;
using Microsoft.AspNetCore.Http;

namespace Jeugdhulp.Web.Components.Pages.Declaraties;

/// <summary>
/// The Declaraties page: every declaration, and the refused lines with their stored findings, a page of
/// <see cref="PerPagina"/> at a time (<c>?pagina=</c>). <c>?regel=</c> keeps the refused lines with a finding of that rule
/// id; the filter runs in SQL on the stored findings. Read from tables (migration 0033), not from the messages.
/// </summary>
internal static class DeclaratiesEindpunten
{
    public const int PerPagina = 50;

    public static IResult Toon(HttpContext ctx, Backoffice b, string? regel, int? pagina)
    {
        var gemeente = ctx.Medewerker().Gemeente;
        var filter = string.IsNullOrWhiteSpace(regel) ? null : regel.Trim();
        var lezing = b.Store.LeesDeclaratiepagina(gemeente, filter, Math.Max(1, pagina ?? 1), PerPagina);
        return Scherm.Toon<Declaratiespagina>(new
        {
            lezing.Afgewezen,
            lezing.Totaal,
            lezing.Pagina,
            lezing.Declaraties,
            Bevindingen = b.Store.LeesDeclaratiebevindingen(gemeente, filter, [.. lezing.Afgewezen.Select(r => r.JournaalId).Distinct()]),
            Regel = filter,
            Aanbieders = b.Store.LeesAanbiedernamen(gemeente),
        });
    }
}
