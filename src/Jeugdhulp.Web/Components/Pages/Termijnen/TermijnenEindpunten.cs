using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Werkdagen;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Termijnen;
using Jeugdhulp.Web.Schermen;
using Microsoft.AspNetCore.Http;

namespace Jeugdhulp.Web.Components.Pages.Termijnen;

/// <summary>
/// Termijnen: the open obligations of the staff member's municipality and of the providers towards it,
/// overdue first. The same snapshot and core watch as <c>jeugdhulp termijnen</c>, cut to one gemeente
/// before anything is computed.
/// </summary>
internal static class TermijnenEindpunten
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
            alles.Geboortedata,
            Verblijf: alles.Verblijf?.VoorGemeente(m.Gemeente.Waarde));
        var open = TermijnenBewaken.Open(stand, b.Regels.OpDatum(vandaag), new Werkdagenkalender(b.Regels.ExtraVrijeDagen), vandaag);
        var werkitems = b.Store.LeesWerkvoorraad(m.Gemeente).GroupBy(w => w.Referentie, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        return Scherm.Toon<Termijnenpagina>(new { Open = open, Vandaag = vandaag, Werkitems = (IReadOnlyDictionary<string, long>)werkitems, OngeldigeDatum = fout ? datum : null });
    }
}
