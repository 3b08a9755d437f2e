using System.Globalization;
using Jeugdhulp.Core.Teksten;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Core.Werkdagen;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Bevindingen;
using Jeugdhulp.Store.Contracten;
using Jeugdhulp.Store.Verwerking;
using Microsoft.AspNetCore.DataProtection;
using Jeugdhulp.Web.Api;
using Jeugdhulp.Web.Components.Pages.Dossier;
using Jeugdhulp.Web.Components.Shared;
using Jeugdhulp.Web.Schermen;
using Microsoft.AspNetCore.Http;

namespace Jeugdhulp.Web.Components.Pages.Werkvoorraad;

/// <summary>
/// Werkvoorraad: the requests the engine left for a person, with its explanation and rule ids; approve
/// (JW301) or reject with a reason (JW319) through the same use case as <c>jeugdhulp besluit</c>, on the
/// host's one writer (<see cref="Verwerkingsrij"/>) like the API's decision and every message.
/// </summary>
internal static class WerkvoorraadEindpunten
{
    private const string NietInBeoordeling = "Dit verzoek staat niet (meer) ter beoordeling, of het";

    /// <summary>The reasons a person may reject with, worded by Core's one text table.</summary>
    public static readonly IReadOnlyList<(int Code, string Tekst)> Redenen =
        [.. Tekst.Redenen.Select(r => ((int)r, Tekst.Hoofdletter(Tekst.Reden(r))))];

    private const string MeldingCookie = "jeugdhulp-melding";
    private const string MeldingDoel = "Jeugdhulp.Melding.v1";

    public static IResult Lijst(HttpContext ctx, Backoffice b, IDataProtectionProvider dp) =>
        ToonLijst(ctx, b, dp, Werkvoorraadvraag.Uit(ctx.Request.Query), null, StatusCodes.Status200OK);

    /// <summary>A BSN search: posted (a BSN never in a URL), answered with the list for that client, the BSN encrypted in the link.</summary>
    public static async Task<IResult> Zoek(HttpContext ctx, Backoffice b, IDataProtectionProvider dp)
    {
        var form = await BackofficeWebapp.LeesFormulier(ctx);
        var leeg = Werkvoorraadvraag.Uit(QueryCollection.Empty);
        if (form is null)
        {
            return ToonLijst(ctx, b, dp, leeg, "Het formulier was verlopen. Probeer het opnieuw.", StatusCodes.Status400BadRequest);
        }

        return DossierEindpunten.Lees(form["bsn"].ToString()) is { } bsn
            ? Results.Redirect(leeg with { Client = DossierEindpunten.Sleutel(dp, bsn) } is var v ? v.Href(1) : "/werkvoorraad")
            : ToonLijst(ctx, b, dp, leeg, "Dit is geen geldig BSN (9 cijfers die voldoen aan de elfproef).", StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>Claim an item, give it to a colleague of the same municipality, or release it.</summary>
    public static async Task<IResult> Behandelaar(HttpContext ctx, Backoffice b, IDataProtectionProvider dp, long id)
    {
        var form = await BackofficeWebapp.LeesFormulier(ctx);
        if (form is null)
        {
            return Toon(ctx, b, dp, id, "Het formulier was verlopen. Probeer het opnieuw.", StatusCodes.Status400BadRequest);
        }

        var m = ctx.Medewerker();
        var aan = form["aan"].ToString() switch
        {
            "" => null,
            var a => a,
        };
        if (aan is not null && aan != m.Gebruiker && !m.Mag(BackofficeWebapp.Rollen.Teamleider))
        {
            // Claiming and releasing are every handler's; giving work to a colleague is the team leader's.
            return Scherm.Geweigerd(m.Rol);
        }

        return b.Store.WijsWerkitemToe(m.Gebruiker, m.Gemeente, id, aan)
            ? Results.Redirect($"/werkvoorraad/{id}")
            : b.Store.BekijkWerkitem(m.Gebruiker, m.Gemeente, id) is null
                ? Scherm.NietGevonden(NietInBeoordeling)
                : Toon(ctx, b, dp, id, "Deze collega is geen actieve medewerker van uw gemeente.", StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>The store's filter for the page's question (also the export's, with every page).</summary>
    internal static Werkvoorraadfilter Filter(HttpContext ctx, Backoffice b, IDataProtectionProvider dp, Werkvoorraadvraag vraag)
    {
        var m = ctx.Medewerker();
        var client = vraag.Client is { } sleutel ? DossierEindpunten.Ontsleutel(dp, sleutel) : null;
        return new Werkvoorraadfilter(
            vraag.Soort, vraag.Product, vraag.Aanbieder, vraag.Regel, vraag.TeLaat ? TeLaatVoor(b) : null,
            vraag.Behandelaar switch { "mij" => m.Gebruiker, "niemand" or null => null, var n => n },
            vraag.Behandelaar == "niemand", vraag.Zoek, client, vraag.Volgorde, vraag.Aflopend, vraag.Pagina, Werkvoorraadvraag.PerPagina,
            vraag.TeLaat ? b.Vandaag : null);
    }

    private static IResult ToonLijst(HttpContext ctx, Backoffice b, IDataProtectionProvider dp, Werkvoorraadvraag vraag, string? fout, int status)
    {
        var m = ctx.Medewerker();
        var filter = Filter(ctx, b, dp, vraag);
        var (pagina, nummer) = Paginering.LeesTotDeLaatste(vraag.Pagina, Werkvoorraadvraag.PerPagina,
            p => b.Store.ZoekWerkvoorraad(m.Gemeente, filter with { Pagina = p }), w => w.Totaal);
        vraag = vraag with { Pagina = nummer };
        var client = filter.Client;
        return Scherm.Toon<WerkvoorraadLijst>(new
        {
            Vraag = vraag with { Client = client is null ? null : vraag.Client },
            Pagina = pagina,
            // One indexed query for the page's items, never the whole queue's findings nor a query per row.
            Waarom = Waarom(b, m.Gemeente, pagina),
            Keuzes = b.Store.LeesWerkvoorraadkeuzes(m.Gemeente),
            Medewerker = m.Gebruiker,
            Bevestiging = LeesMelding(ctx, dp),
            Fout = fout,
        }, status);
    }

    private static Dictionary<long, IReadOnlyList<Bevinding>> Waarom(Backoffice b, Core.Waarden.Gemeentecode gemeente, Werkvoorraadpagina pagina)
    {
        var perItem = b.Store.LeesBevindingen(gemeente, [.. pagina.Regels.Select(r => r.Item.Id)]);
        return pagina.Regels.ToDictionary(r => r.Item.Id, r => Bevindingen.Van(perItem[r.Item.Id]));
    }

    /// <summary>The 'te laat' cut-off of the rules in force today (<see cref="TeLaatInBeoordeling"/>).</summary>
    internal static DateTimeOffset? TeLaatVoor(Backoffice b) =>
        TeLaatInBeoordeling.OntvangenVoor(b.Regels.OpDatum(b.Vandaag), new Werkdagenkalender(b.Regels.ExtraVrijeDagen), b.Vandaag);

    public static IResult Item(HttpContext ctx, Backoffice b, IDataProtectionProvider dp, long id) =>
        Toon(ctx, b, dp, id, null, StatusCodes.Status200OK);

    internal static IResult Toon(HttpContext ctx, Backoffice b, IDataProtectionProvider dp, long id, string? fout) =>
        Toon(ctx, b, dp, id, fout, StatusCodes.Status422UnprocessableEntity);

    public static async Task<IResult> Besluit(HttpContext ctx, Backoffice b, IDataProtectionProvider dp, Verwerkingsrij rij, long id)
    {
        var form = await BackofficeWebapp.LeesFormulier(ctx);
        if (form is null)
        {
            return Toon(ctx, b, dp, id, "Het formulier was verlopen. Controleer uw keuze en leg het besluit opnieuw vast.", StatusCodes.Status400BadRequest);
        }

        var m = ctx.Medewerker();
        var item = b.Store.BekijkWerkitem(m.Gebruiker, m.Gemeente, id);
        if (item is null)
        {
            return Scherm.NietGevonden(NietInBeoordeling);
        }

        var (keuze, reden, toelichting, fout) = Keuze(form);
        if (fout is not null)
        {
            return Toon(ctx, b, dp, id, fout, StatusCodes.Status422UnprocessableEntity);
        }

        var toekennen = keuze == "toekennen";
        var besluit = new Handbesluit(item.Referentie, toekennen, toekennen ? null : reden, toelichting, m.Gebruiker, m.Gemeente.Waarde, item.Id);
        Resultaat<Bestandsverslag> resultaat;
        try
        {
            // On the writer, never inside a batch of messages: a message that changes this request commits
            // before the decision reads it, or after the decision is committed.
            resultaat = await rij.Exclusief(() => BesluitNemen.Neem(b.Store, besluit, b.Vandaag, b.OutboxMap, regels: b.Regels), ctx.RequestAborted);
        }
        catch (OpslagFout e)
        {
            return Toon(ctx, b, dp, id, e.Message + " Probeer het later opnieuw.", StatusCodes.Status503ServiceUnavailable);
        }

        if (!resultaat.IsGeldig)
        {
            return Toon(ctx, b, dp, id, string.Join(" ", resultaat.Fouten.Select(f => f.Melding)), StatusCodes.Status409Conflict);
        }

        // Post/redirect/get: the confirmation travels in a short-lived, encrypted cookie, so a crafted link
        // cannot show a staff member a decision that was never taken.
        var bevestiging = $"Besluit vastgelegd: verzoek {item.Referentie} is "
            + (toekennen ? "toegekend; de toewijzing (JW301)" : "afgewezen; het antwoord (JW319)") + " staat klaar in de outbox voor de aanbieder.";
        ZetMelding(ctx, dp, bevestiging);
        return Results.Redirect($"/werkvoorraad/{id}/besluit");
    }

    /// <summary>The decision form's choice, reason and note, or the Dutch reason it is incomplete (shared by the confirmation step and the decision).</summary>
    internal static (string Keuze, int? Reden, string Toelichting, string? Fout) Keuze(IFormCollection form)
    {
        var keuze = form["besluit"].ToString();
        int? reden = int.TryParse(form["reden"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : null;
        var toelichting = form["toelichting"].ToString();
        string? fout = keuze switch
        {
            "toekennen" => null,
            "afwijzen" when reden is not (>= 1 and <= 9) => "Kies een reden van afwijzing.",
            "afwijzen" => null,
            _ => "Kies toekennen of afwijzen.",
        };
        if (toelichting.Length > 2000)
        {
            fout = "De toelichting is te lang (hoogstens 2000 tekens).";
        }

        return (keuze, reden, toelichting, fout);
    }

    /// <summary>A confirmation for the page after the redirect, in a short-lived encrypted cookie bound to the staff member (paths under /werkvoorraad and /noshows).</summary>
    internal static void ZetMelding(HttpContext ctx, IDataProtectionProvider dp, string bevestiging, string pad = "/werkvoorraad") =>
        Doorgeefmelding.Zet(ctx, dp, MeldingCookie, MeldingDoel, pad, bevestiging);

    internal static string? LeesMelding(HttpContext ctx, IDataProtectionProvider dp, string pad = "/werkvoorraad") =>
        Doorgeefmelding.Lees(ctx, dp, MeldingCookie, MeldingDoel, pad);

    private static IResult Toon(HttpContext ctx, Backoffice b, IDataProtectionProvider dp, long id, string? fout, int status)
    {
        var m = ctx.Medewerker();
        var i = b.Store.BekijkWerkitem(m.Gebruiker, m.Gemeente, id);
        return i is null
            ? Scherm.NietGevonden(NietInBeoordeling)
            : Scherm.Toon<Werkitempagina>(new
            {
                Item = i,
                Waarom = Bevindingen.Van(b.Store.LeesBevindingen(m.Gemeente, i.Id)),
                DossierSleutel = DossierEindpunten.Sleutel(dp, i.Client),
                Aanbieders = b.Store.LeesAanbiedernamen(m.Gemeente),
                Fout = fout,
                Behandelaar = b.Store.LeesBehandelaar(i.Id),
                Medewerker = m.Gebruiker,
                Collega = m.Mag(BackofficeWebapp.Rollen.Teamleider) ? b.Store.LeesWerkvoorraadkeuzes(m.Gemeente).Collega : [],
                Wijziging = i.Berichtcode == "JW317" ? WijzigingToekennenVastleggen.Inzien(b.Store, b.Regels, m.Gemeente, i.Id, b.Vandaag) : null,
                Onderzoek = b.Store.LeesOnderzoek(m.Gemeente, i.Id),
                OnderzoekAanbieden = Besluiten.BesluitenEindpunten.OnderzoekAanbieden(b, i, b.Store.LeesOnderzoek(m.Gemeente, i.Id)),
                Bevestiging = LeesMelding(ctx, dp),
            }, status);
    }
}
