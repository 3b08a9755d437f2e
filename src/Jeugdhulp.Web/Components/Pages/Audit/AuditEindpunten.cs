using Jeugdhulp.Store.Audit;
using Jeugdhulp.Web.Components.Pages.Dossier;
using Jeugdhulp.Web.Schermen;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace Jeugdhulp.Web.Components.Pages.Audit;

/// <summary>
/// The audit view for the privacy officer (<see cref="BackofficeWebapp.Rollen.Privacy"/>): who looked at which
/// client of the own municipality when, the BSN only masked; filtered by staff member, period and client.
/// </summary>
internal static class AuditEindpunten
{
    public static IResult Toon(HttpContext ctx, Backoffice b, IDataProtectionProvider dp) =>
        Toon(ctx, b, dp, Auditvraag.Uit(ctx.Request.Query), null, StatusCodes.Status200OK);

    /// <summary>A search on a client's full BSN: posted (a BSN never in a URL), answered with the filtered view, the BSN encrypted in the link.</summary>
    public static async Task<IResult> Zoek(HttpContext ctx, Backoffice b, IDataProtectionProvider dp)
    {
        var form = await BackofficeWebapp.LeesFormulier(ctx);
        var leeg = Auditvraag.Uit(QueryCollection.Empty);
        if (form is null)
        {
            return Toon(ctx, b, dp, leeg, "Het formulier was verlopen. Probeer het opnieuw.", StatusCodes.Status400BadRequest);
        }

        return DossierEindpunten.Lees(form["bsn"].ToString()) is { } bsn
            ? Results.Redirect((leeg with { Client = DossierEindpunten.Sleutel(dp, bsn) }).Href(1))
            : Toon(ctx, b, dp, leeg, "Dit is geen geldig BSN (9 cijfers die voldoen aan de elfproef).", StatusCodes.Status422UnprocessableEntity);
    }

    private static IResult Toon(HttpContext ctx, Backoffice b, IDataProtectionProvider dp, Auditvraag vraag, string? fout, int status)
    {
        var m = ctx.Medewerker();
        var client = vraag.Client is { } sleutel ? DossierEindpunten.Ontsleutel(dp, sleutel) : null;
        if (vraag.Client is not null && client is null)
        {
            (vraag, fout, status) = (vraag with { Client = null }, "De cliëntzoekopdracht is verlopen of beschadigd. Zoek opnieuw op BSN.", StatusCodes.Status400BadRequest);
        }
        else if (vraag.OngeldigeDatum is { } d)
        {
            (fout, status) = ($"'{d}' is geen datum (jjjj-mm-dd).", StatusCodes.Status400BadRequest);
        }

        var resultaat = b.Store.ZoekAudit(m.Gebruiker, m.Gemeente,
            new Auditfilter(vraag.Wie, vraag.Van, vraag.Tot, client, vraag.Pagina, Auditvraag.PerPagina));
        return Scherm.Toon<Auditpagina>(new
        {
            Vraag = vraag,
            Resultaat = resultaat,
            ClientGemaskeerd = client?.Gemaskeerd,
            Medewerkers = b.Store.AuditMedewerkers(m.Gemeente),
            Gemeentenaam = Weergave.Gemeentenaam(b, m.Gemeente),
            Fout = fout,
        }, status);
    }
}
