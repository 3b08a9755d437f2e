using System.Security.Cryptography;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Contracten;
using Jeugdhulp.Store.Termijnen;
using Jeugdhulp.Web.Components.Pages.Clienten;
using Jeugdhulp.Web.Components.Pages.Termijnen;
using Jeugdhulp.Web.Schermen;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace Jeugdhulp.Web.Components.Pages.Dossier;

/// <summary>
/// Cliënten and the client dossier. A BSN never appears in a URL (URLs end up in logs): the dossier link
/// carries the BSN encrypted with the app's data-protection key, and the search form posts the BSN.
/// </summary>
internal static class DossierEindpunten
{
    private const string Doel = "Jeugdhulp.Dossier.v1";
    private const int MaxClienten = 500;

    public static string Sleutel(IDataProtectionProvider dp, Bsn client) => dp.CreateProtector(Doel).Protect(client.Waarde);

    /// <summary>The BSN behind a link key; null for a key that was not made here (or is damaged).</summary>
    public static Bsn? Ontsleutel(IDataProtectionProvider dp, string sleutel)
    {
        try
        {
            return Bsn.Parse(dp.CreateProtector(Doel).Unprotect(sleutel)).TryGet(out var bsn) ? bsn : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>A BSN as typed (spaces and dots allowed); null when it is no valid BSN.</summary>
    public static Bsn? Lees(string tekst) =>
        Bsn.Parse(tekst.Trim().Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal)).TryGet(out var bsn) ? bsn : null;

    public static IResult Lijst(HttpContext ctx, Backoffice b, IDataProtectionProvider dp) => ToonLijst(ctx, b, dp, null, StatusCodes.Status200OK);

    public static async Task<IResult> Zoek(HttpContext ctx, Backoffice b, IDataProtectionProvider dp)
    {
        var form = await BackofficeWebapp.LeesFormulier(ctx);
        if (form is null)
        {
            return ToonLijst(ctx, b, dp, "Het formulier was verlopen. Probeer het opnieuw.", StatusCodes.Status400BadRequest);
        }

        return Lees(form["bsn"].ToString()) is { } bsn
            ? Results.Redirect("/dossier/" + Sleutel(dp, bsn))
            : ToonLijst(ctx, b, dp, "Dit is geen geldig BSN (9 cijfers die voldoen aan de elfproef).", StatusCodes.Status422UnprocessableEntity);
    }

    public static IResult Dossier(HttpContext ctx, Backoffice b, IDataProtectionProvider dp, Termijnverversing verversing, string sleutel, int? declaraties)
    {
        var m = ctx.Medewerker();
        var bsn = Ontsleutel(dp, sleutel);
        var d = bsn is { } client ? b.Store.BekijkDossier(m.Gebruiker, m.Gemeente, client, Math.Max(1, declaraties ?? 1)) : null;
        if (d is null)
        {
            return Scherm.NietGevonden("Dit dossier");
        }

        // The Termijnen page's rows (issue 18, Termijnrijen), brought up to date first, open and closed, of this client.
        if (b.Store.Ververs(b.Regels, b.Vandaag, m.Gemeente, nieuweDagLaterOk: true).Verouderd)
        {
            verversing.Wek();
        }

        return Scherm.Toon<Dossierpagina>(new
            {
                D = d,
                Gemeentenaam = Weergave.Gemeentenaam(b, m.Gemeente),
                Aanbieders = b.Store.LeesAanbiedernamen(m.Gemeente),
                Termijnen = b.Store.LeesTermijnrijen(m.Gemeente, d.Client),
                Vandaag = b.Vandaag,
                Href = (Func<int, string>)(p => $"/dossier/{Uri.EscapeDataString(sleutel)}?declaraties={p}#declaraties"),
            });
    }

    private static IResult ToonLijst(HttpContext ctx, Backoffice b, IDataProtectionProvider dp, string? fout, int status)
    {
        var m = ctx.Medewerker();
        return Scherm.Toon<Clientenlijst>(new
        {
            Clienten = b.Store.LeesClienten(m.Gemeente, MaxClienten),
            Max = MaxClienten,
            Gemeentenaam = Weergave.Gemeentenaam(b, m.Gemeente),
            Sleutel = (Func<Bsn, string>)(c => Sleutel(dp, c)),
            Fout = fout,
        }, status);
    }
}
