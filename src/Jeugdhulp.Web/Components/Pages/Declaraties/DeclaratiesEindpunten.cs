using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Bevindingen;
using Jeugdhulp.Store.Contracten;
using Jeugdhulp.Web.Schermen;
using Microsoft.AspNetCore.Http;

namespace Jeugdhulp.Web.Components.Pages.Declaraties;

/// <summary>
/// The Declaraties page: every declared line, and the refused ones with their stored findings. <c>?regel=</c>
/// keeps the refused lines with a finding of that rule id; the filter runs in SQL on the stored findings.
/// </summary>
internal static class DeclaratiesEindpunten
{
    public static IResult Toon(HttpContext ctx, Backoffice b, string? regel)
    {
        var gemeente = ctx.Medewerker().Gemeente;
        var filter = string.IsNullOrWhiteSpace(regel) ? null : regel.Trim();
        return Scherm.Toon<Declaratiespagina>(new
        {
            Regels = b.Store.LeesDeclaratieregels(gemeente),
            Bevindingen = b.Store.LeesDeclaratiebevindingen(gemeente, filter),
            Regel = filter,
            Aanbieders = b.Store.LeesAanbiedernamen(gemeente),
        });
    }
}
