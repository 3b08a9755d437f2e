using Jeugdhulp.Core.Handbesluiten;
using Jeugdhulp.Core.NoShow;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Core.Werkdagen;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.NoShow;
using Jeugdhulp.Store.Verwerking;
using Jeugdhulp.Web.Api;
using Jeugdhulp.Web.Components.Pages.Werkvoorraad;
using Jeugdhulp.Web.Schermen;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jeugdhulp.Web.Components.Pages.Besluiten;

/// <summary>
/// The decisions staff take besides approve/reject on the item page: the confirmation step of that decision,
/// "aanvraag in onderzoek" (JW319 VerzoekAntwoord 2), the decided item's page, and the decision after a
/// third no-show (HK-NS-3, the same use case as <c>jeugdhulp besluit-noshow</c>). Every write goes through
/// the host's one writer (<see cref="Verwerkingsrij"/>); each decision is shown once more to confirm, with a
/// way back that records nothing.
/// </summary>
internal static class BesluitenEindpunten
{
    private const string Verlopen = "Het formulier was verlopen. Probeer het opnieuw.";

    /// <summary>The routes of these pages, in the signed-in staff group.</summary>
    public static void Map(RouteGroupBuilder pagina)
    {
        pagina.MapPost("/werkvoorraad/{id:long}/bevestigen", Bevestigen);
        pagina.MapGet("/werkvoorraad/{id:long}/onderzoek", Onderzoek);
        pagina.MapPost("/werkvoorraad/{id:long}/onderzoek", OnderzoekSturen);
        pagina.MapGet("/werkvoorraad/{id:long}/besluit", Besloten);
        pagina.MapGet("/noshows", NoShows);
        pagina.MapGet("/noshows/{id:long}", NoShow);
        pagina.MapPost("/noshows/{id:long}/bevestigen", NoShowBevestigen);
        pagina.MapPost("/noshows/{id:long}", NoShowBesluiten);
    }

    /// <summary>Step 1 of a decision: what will be recorded and sent, to confirm or go back.</summary>
    public static async Task<IResult> Bevestigen(HttpContext ctx, Backoffice b, IDataProtectionProvider dp, long id)
    {
        var form = await BackofficeWebapp.LeesFormulier(ctx);
        if (form is null)
        {
            return WerkvoorraadEindpunten.Toon(ctx, b, dp, id, Verlopen);
        }

        var m = ctx.Medewerker();
        if (b.Store.BekijkWerkitem(m.Gebruiker, m.Gemeente, id) is not { } item)
        {
            return Scherm.NietGevonden("Dit verzoek staat niet (meer) ter beoordeling.");
        }

        var (keuze, reden, toelichting, fout) = WerkvoorraadEindpunten.Keuze(form);
        if (fout is null && keuze == "toekennen" && item.Berichtcode == "JW317"
            && WijzigingToekennenVastleggen.Inzien(b.Store, b.Regels, m.Gemeente, id, b.Vandaag)?.Toekenning is not { Toegestaan: true })
        {
            fout = "Dit verzoek om wijziging kan nu niet als geheel worden toegekend (zie de bevindingen); wijs het af.";
        }

        return fout is not null
            ? WerkvoorraadEindpunten.Toon(ctx, b, dp, id, fout)
            : Scherm.Toon<Besluitbevestiging>(new { Item = item, Keuze = keuze, Reden = reden, Toelichting = toelichting });
    }

    /// <summary>True when the deadline watch offers "in onderzoek" for <paramref name="item"/> today (the 5th werkdag, not sent yet).</summary>
    public static bool OnderzoekAanbieden(Backoffice b, Werkitem item, Onderzoekstand? onderzoek) =>
        InOnderzoekSturen.Aanbieden(Weergave.Dag(item.Ontvangen), onderzoek?.Op, b.Regels.OpDatum(b.Vandaag), new Werkdagenkalender(b.Regels.ExtraVrijeDagen), b.Vandaag);

    /// <summary>"In onderzoek": the Core decision (may it be sent, the deadlines) and the form to confirm it.</summary>
    public static IResult Onderzoek(HttpContext ctx, Backoffice b, long id) => ToonOnderzoek(ctx, b, id, null, StatusCodes.Status200OK);

    private static IResult ToonOnderzoek(HttpContext ctx, Backoffice b, long id, string? fout, int status)
    {
        var m = ctx.Medewerker();
        if (b.Store.BekijkWerkitem(m.Gebruiker, m.Gemeente, id) is not { } item)
        {
            return Scherm.NietGevonden("Dit verzoek staat niet (meer) ter beoordeling.");
        }

        var onderzoek = b.Store.LeesOnderzoek(m.Gemeente, id);
        var besluit = InOnderzoekSturen.Beslis(Weergave.Dag(item.Ontvangen), onderzoek?.Op, b.Regels.OpDatum(b.Vandaag), new Werkdagenkalender(b.Regels.ExtraVrijeDagen), b.Vandaag);
        return Scherm.Toon<Onderzoekpagina>(new { Item = item, Besluit = besluit, Fout = fout }, status);
    }

    /// <summary>Sends the JW319 "in onderzoek" on the writer; the item stays in review with the new deadline.</summary>
    public static async Task<IResult> OnderzoekSturen(HttpContext ctx, Backoffice b, IDataProtectionProvider dp, Verwerkingsrij rij, long id)
    {
        var form = await BackofficeWebapp.LeesFormulier(ctx);
        if (form is null)
        {
            return ToonOnderzoek(ctx, b, id, Verlopen, StatusCodes.Status400BadRequest);
        }

        var notitie = form["toelichting"].ToString();
        if (notitie.Length > 2000)
        {
            return ToonOnderzoek(ctx, b, id, "De toelichting is te lang (hoogstens 2000 tekens).", StatusCodes.Status422UnprocessableEntity);
        }

        var m = ctx.Medewerker();
        Resultaat<Onderzoeksverslag> resultaat;
        try
        {
            resultaat = await rij.Exclusief(() => InOnderzoekNemen.Neem(b.Store, b.Regels, new Onderzoeksopdracht(id, m.Gemeente, m.Gebruiker, notitie), b.Vandaag, b.OutboxMap),
                ctx.RequestAborted);
        }
        catch (OpslagFout e)
        {
            return ToonOnderzoek(ctx, b, id, e.Message + " Probeer het later opnieuw.", StatusCodes.Status503ServiceUnavailable);
        }

        if (!resultaat.TryGet(out var v))
        {
            return resultaat.Fouten.Any(f => f.Code == "ONDERZOEK-ONBEKEND")
                ? Scherm.NietGevonden("Dit verzoek staat niet (meer) ter beoordeling.")
                : ToonOnderzoek(ctx, b, id, string.Join(" ", resultaat.Fouten.Select(f => f.Melding)), StatusCodes.Status409Conflict);
        }

        WerkvoorraadEindpunten.ZetMelding(ctx, dp,
            $"JW319 'aanvraag in onderzoek' voor verzoek {v.Referentie} staat klaar in de outbox; het definitieve antwoord moet uiterlijk {Weergave.Datum(v.NieuweTermijn)} volgen.");
        return Results.Redirect($"/werkvoorraad/{id}");
    }

    /// <summary>The decided item: who decided what, when and why, and the answers sent.</summary>
    public static IResult Besloten(HttpContext ctx, Backoffice b, IDataProtectionProvider dp, long id)
    {
        var m = ctx.Medewerker();
        return b.Store.BekijkBesluit(m.Gebruiker, m.Gemeente, id) is { } besluit
            ? Scherm.Toon<Besluitpagina>(new { Besluit = besluit, Bevestiging = WerkvoorraadEindpunten.LeesMelding(ctx, dp) })
            : Scherm.NietGevonden("Dit verzoek bestaat niet in uw gemeente.");
    }

    // ---- No-show decisions (HK-NS-3) ----

    /// <summary>The municipality's third no-shows: open ones to decide and the ones decided.</summary>
    public static IResult NoShows(HttpContext ctx, Backoffice b, IDataProtectionProvider dp)
    {
        var m = ctx.Medewerker();
        return Scherm.Toon<NoShowbesluiten>(new
        {
            Derden = b.Store.DerdeNoShows(m.Gemeente),
            Bevestiging = WerkvoorraadEindpunten.LeesMelding(ctx, dp, "/noshows"),
        });
    }

    /// <summary>One open third no-show: the form (continue or end on a date).</summary>
    public static IResult NoShow(HttpContext ctx, Backoffice b, long id) => ToonNoShow(ctx, b, id, null, StatusCodes.Status200OK);

    private static IResult ToonNoShow(HttpContext ctx, Backoffice b, long id, string? fout, int status)
    {
        var m = ctx.Medewerker();
        return b.Store.DerdeNoShows(m.Gemeente).FirstOrDefault(n => n.Id == id && n.Besluit is null) is { } n
            ? Scherm.Toon<NoShowbesluit>(new { NoShow = n, Fout = fout, Vandaag = b.Vandaag }, status)
            : Scherm.NietGevonden("Voor deze no-show wacht geen besluit.");
    }

    private static (NoShowBesluit? Besluit, string? Fout) LeesNoShowKeuze(IFormCollection form)
    {
        var keuze = form["besluit"].ToString();
        var datum = form["einddatum"].ToString();
        return keuze switch
        {
            "voortzetten" => (new NoShowBesluit(null), null),
            "beeindigen" when DateOnly.TryParseExact(datum, "yyyy-MM-dd", out var eind) => (new NoShowBesluit(eind), null),
            "beeindigen" => (null, "Geef de einddatum van de toewijzing (jjjj-mm-dd)."),
            _ => (null, "Kies voortzetten of beëindigen."),
        };
    }

    /// <summary>Step 1: the decision shown once more, to confirm or go back.</summary>
    public static async Task<IResult> NoShowBevestigen(HttpContext ctx, Backoffice b, long id)
    {
        var form = await BackofficeWebapp.LeesFormulier(ctx);
        if (form is null)
        {
            return ToonNoShow(ctx, b, id, Verlopen, StatusCodes.Status400BadRequest);
        }

        var (besluit, fout) = LeesNoShowKeuze(form);
        var m = ctx.Medewerker();
        if (fout is not null || besluit is null)
        {
            return ToonNoShow(ctx, b, id, fout, StatusCodes.Status422UnprocessableEntity);
        }

        return b.Store.DerdeNoShows(m.Gemeente).FirstOrDefault(n => n.Id == id && n.Besluit is null) is { } n
            ? Scherm.Toon<NoShowbevestiging>(new { NoShow = n, Besluit = besluit })
            : Scherm.NietGevonden("Voor deze no-show wacht geen besluit.");
    }

    /// <summary>Step 2: records the decision on the writer (ending writes a JW301 with the new end date, HK-301-5).</summary>
    public static async Task<IResult> NoShowBesluiten(HttpContext ctx, Backoffice b, IDataProtectionProvider dp, Verwerkingsrij rij, long id)
    {
        var form = await BackofficeWebapp.LeesFormulier(ctx);
        if (form is null)
        {
            return ToonNoShow(ctx, b, id, Verlopen, StatusCodes.Status400BadRequest);
        }

        var (besluit, fout) = LeesNoShowKeuze(form);
        var m = ctx.Medewerker();
        if (fout is not null || besluit is null)
        {
            return ToonNoShow(ctx, b, id, fout, StatusCodes.Status422UnprocessableEntity);
        }

        if (b.Store.DerdeNoShows(m.Gemeente).FirstOrDefault(x => x.Id == id && x.Besluit is null) is not { } n)
        {
            return Scherm.NietGevonden("Voor deze no-show wacht geen besluit.");
        }

        Resultaat<NoShowBesluitVerslag> resultaat;
        try
        {
            resultaat = await rij.Exclusief(() => b.Store.NeemNoShowBesluit(m.Gemeente, n.ToewijzingNummer, besluit, b.Vandaag, b.OutboxMap, m.Gebruiker),
                ctx.RequestAborted);
        }
        catch (OpslagFout e)
        {
            return ToonNoShow(ctx, b, id, e.Message + " Probeer het later opnieuw.", StatusCodes.Status503ServiceUnavailable);
        }

        if (!resultaat.TryGet(out var v))
        {
            return ToonNoShow(ctx, b, id, string.Join(" ", resultaat.Fouten.Select(f => f.Melding)), StatusCodes.Status409Conflict);
        }

        WerkvoorraadEindpunten.ZetMelding(ctx, dp, v.Einddatum is { } eind
            ? $"Besluit vastgelegd: toewijzing {v.ToewijzingNummer} eindigt per {Weergave.Datum(eind)}; de toewijzing (JW301) staat klaar in de outbox voor de aanbieder."
            : $"Besluit vastgelegd: toewijzing {v.ToewijzingNummer} wordt voortgezet.", "/noshows");
        return Results.Redirect("/noshows");
    }
}
