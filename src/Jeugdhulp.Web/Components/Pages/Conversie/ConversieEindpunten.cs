using System.Globalization;
using System.Text;
using Jeugdhulp.Core.Conversie;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Conversie;
using Jeugdhulp.Web.Api;
using Jeugdhulp.Web.Schermen;
using Microsoft.AspNetCore.Http;

namespace Jeugdhulp.Web.Components.Pages.Conversie;

/// <summary>
/// The conversion page (issue 15): the plan of the staff member's municipality as a dry run on the processing
/// date, the run's progress, and the work it left for a person, each item closable with a choice and a note
/// (confirmed first, written on the single writer, audited). Only masked BSNs are shown.
/// </summary>
internal static class ConversieEindpunten
{
    public const int PerPagina = 25;

    public static IResult Overzicht(HttpContext ctx, Backoffice b, string? werk, string? status, int? pagina)
    {
        var m = ctx.Medewerker();
        var afgehandeld = status == "afgehandeld";
        var soort = werk is ConversiewerkAfhandelen.LichteToets or ConversiewerkAfhandelen.Herindicatie or ConversiewerkAfhandelen.ZonderContract ? werk : null;
        var (werkpagina, nummer) = Paginering.LeesTotDeLaatste(Math.Max(1, pagina ?? 1), PerPagina,
            p => b.Store.LeesConversiewerk(m.Gemeente, soort, afgehandeld, p, PerPagina), w => w.Totaal);

        return Scherm.Toon<Conversiepagina>(new
        {
            Gemeentenaam = Weergave.Gemeentenaam(b, m.Gemeente),
            Vandaag = b.Vandaag,
            Voortgang = b.Store.Conversiestand(m.Gemeente, metOpen: false),
            Plan = Plan(b, m.Gemeente),
            Tellingen = b.Store.TelOpenConversiewerk(m.Gemeente),
            Werk = werkpagina,
            Soort = soort,
            Afgehandeld = afgehandeld,
            Pagina = nummer,
        });
    }

    /// <summary>The plan of the municipality as CSV (<paramref name="formaat"/> csv) or Excel (xlsx), as <c>conversie --plan</c> saves it.</summary>
    public static IResult Download(HttpContext ctx, Backoffice b, string formaat)
    {
        var m = ctx.Medewerker();
        var plan = Plan(b, m.Gemeente);
        var naam = $"conversieplan-{m.Gemeente.Waarde}-{Weergave.Iso(b.Vandaag)}";
        return formaat switch
        {
            "csv" => Results.File(Encoding.UTF8.GetBytes(ConversieplanCsv.Schrijf(plan)), "text/csv; charset=utf-8", naam + ".csv"),
            "xlsx" => Results.File(ConversieplanExcel.Schrijf(plan), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", naam + ".xlsx"),
            _ => Scherm.NietGevonden("Dit bestand"),
        };
    }

    public static IResult Item(HttpContext ctx, Backoffice b, long nummer)
    {
        var m = ctx.Medewerker();
        return b.Store.LeesConversiewerkitem(m.Gemeente, nummer) is { } stap
            ? Scherm.Toon<Conversiewerkitempagina>(new { Stap = stap })
            : Scherm.NietGevonden(NietGevonden);
    }

    /// <summary>
    /// The closing form's two steps: <c>stap=controleren</c> checks the choice and note and shows them for
    /// confirmation; <c>stap=bevestigen</c> writes; <c>stap=terug</c> shows the form again with what was typed.
    /// </summary>
    public static async Task<IResult> Afhandelen(HttpContext ctx, Backoffice b, Verwerkingsrij rij, long nummer)
    {
        var m = ctx.Medewerker();
        if (b.Store.LeesConversiewerkitem(m.Gemeente, nummer) is not { } stap)
        {
            return Scherm.NietGevonden(NietGevonden);
        }

        var form = await BackofficeWebapp.LeesFormulier(ctx);
        if (form is null)
        {
            return Toon(stap, null, null, "Het formulier was verlopen. Controleer uw keuze en probeer het opnieuw.", StatusCodes.Status400BadRequest);
        }

        var keuze = form["keuze"].ToString();
        var toelichting = form["toelichting"].ToString();
        if (stap.Afgehandeld is not null)
        {
            return Toon(stap, null, null, "Dit werk is al afgehandeld.", StatusCodes.Status409Conflict);
        }

        if (form["stap"] == "terug")
        {
            return Toon(stap, keuze, toelichting, null, StatusCodes.Status200OK);
        }

        var beoordeeld = ConversiewerkAfhandelen.Beoordeel(stap.Werk!, keuze, toelichting);
        if (!beoordeeld.TryGet(out var afhandeling))
        {
            return Toon(stap, keuze, toelichting, string.Join(" ", beoordeeld.Fouten.Select(f => f.Melding)), StatusCodes.Status422UnprocessableEntity);
        }

        if (form["stap"] != "bevestigen")
        {
            return Scherm.Toon<Conversiewerkitempagina>(new { Stap = stap, Bevestigen = afhandeling });
        }

        bool gelukt;
        try
        {
            // On the writer like every staff decision, so it never interleaves with a batch of messages.
            gelukt = await rij.Exclusief(() => b.Store.HandelConversiewerkAf(m.Gebruiker, m.Gemeente, nummer, stap.Werk!, afhandeling), ctx.RequestAborted);
        }
        catch (OpslagFout e)
        {
            return Toon(stap, keuze, toelichting, e.Message + " Probeer het later opnieuw.", StatusCodes.Status503ServiceUnavailable);
        }

        return gelukt
            ? Results.Redirect(string.Create(CultureInfo.InvariantCulture, $"/conversie/{nummer}"))
            : Toon(b.Store.LeesConversiewerkitem(m.Gemeente, nummer) ?? stap, null, null, "Een collega heeft dit werk intussen afgehandeld.", StatusCodes.Status409Conflict);
    }

    private const string NietGevonden = "Dit conversiewerk";

    private static IResult Toon(Conversiestap stap, string? keuze, string? toelichting, string? fout, int status) =>
        Scherm.Toon<Conversiewerkitempagina>(new { Stap = stap, Keuze = keuze, Toelichting = toelichting, Fout = fout }, status);

    private static Conversieplan Plan(Backoffice b, Gemeentecode gemeente) =>
        ConversieplanMaken.Maak(b.Store.LopendeToewijzingen(gemeente), b.Regels, b.Vandaag, b.Store.Contractcontrole());
}
