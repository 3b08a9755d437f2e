using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Jeugdhulp.Core.Regelversies;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Regelversies;
using Jeugdhulp.Store.Watals;
using Jeugdhulp.Web.Api;
using Jeugdhulp.Web.Schermen;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jeugdhulp.Web.Components.Pages.Regelwijzigingen;

/// <summary>
/// Rule changes as versions (issue 20, items 2 and 3), for the policy role: the list of versions, a draft form per
/// item (typed forms for a product's limits, a stacking pair, a deadline, a lot's participation, the tariff, the policy parameters and an age limit, checked
/// and confirmed before saving; the item's JSON for every kind), the what-if replay of a draft with its
/// Dutch summary, table and CSV/Excel, and publication by a second person with a confirmation step. Saving and
/// publishing run on the single writer; the service swaps its rule set after a publication.
/// </summary>
internal static class RegelwijzigingenEindpunten
{
    public static void Map(IEndpointRouteBuilder e)
    {
        e.MapGet("/regelwijzigingen", Lijst).RequireAuthorization(BackofficeWebapp.Rollen.Beleid);
        e.MapGet("/regelwijzigingen/nieuw", Nieuw).RequireAuthorization(BackofficeWebapp.Rollen.Beleid);
        e.MapPost("/regelwijzigingen/nieuw", Bewaar).RequireAuthorization(BackofficeWebapp.Rollen.Beleid);
        // A published version is readable by every role (the dossier links a decision's rule-set version to it); a draft only by beleid.
        e.MapGet("/regelwijzigingen/{id:long}", Versie).RequireAuthorization(BackofficeWebapp.Rollen.Iedereen);
        e.MapGet("/regelwijzigingen/{id:long}/watals", Watals).RequireAuthorization(BackofficeWebapp.Rollen.Beleid);
        e.MapGet("/regelwijzigingen/{id:long}/watals.{formaat}", WatalsBestand).RequireAuthorization(BackofficeWebapp.Rollen.Beleid);
        e.MapPost("/regelwijzigingen/{id:long}/publiceren", Publiceer).RequireAuthorization(BackofficeWebapp.Rollen.Beleid);
    }

    public static IResult Lijst(Backoffice b) =>
        Scherm.Toon<Regelwijzigingenpagina>(new { Versies = b.Store.LeesRegelversies(), Label = b.Regels.Versie });

    /// <summary>The draft form for item <paramref name="sleutel"/> of kind <paramref name="soort"/>, filled with the version in force.</summary>
    public static IResult Nieuw(Backoffice b, string? soort, string? sleutel)
    {
        if (Regelsoort.Van(soort) is not { } s)
        {
            return Scherm.Toon<Regelwijzigingenpagina>(new
            {
                Versies = b.Store.LeesRegelversies(),
                Label = b.Regels.Versie,
                Fout = "Kies een soort regel.",
            }, StatusCodes.Status400BadRequest);
        }

        var vanaf = b.Vandaag.AddDays(1);
        var inhoud = sleutel is null ? null : Regellagen.Item(b.Basisregels, b.Store.GepubliceerdeRegelversies(), s, sleutel, vanaf) ??
            Regellagen.Item(b.Basisregels, b.Store.GepubliceerdeRegelversies(), s, sleutel, b.Vandaag);
        return Formulier(b, s, sleutel, inhoud, vanaf, null, null, StatusCodes.Status200OK);
    }

    /// <summary>Saves a draft when the rule set with it on top loads; otherwise the form again with every error.</summary>
    public static async Task<IResult> Bewaar(HttpContext ctx, Backoffice b, Verwerkingsrij rij)
    {
        var m = ctx.Medewerker();
        var form = await BackofficeWebapp.LeesFormulier(ctx);
        var s = Regelsoort.Van(form?["soort"].ToString());
        if (form is null || s is null)
        {
            return Scherm.Toon<Regelwijzigingenpagina>(new
            {
                Versies = b.Store.LeesRegelversies(),
                Label = b.Regels.Versie,
                Fout = "Het formulier was verlopen of onvolledig. Begin opnieuw.",
            }, StatusCodes.Status400BadRequest);
        }

        var sleutel = form["sleutel"].ToString();
        var toelichting = form["toelichting"].ToString();
        var inhoud = form["inhoud"].ToString();
        if (!DateOnly.TryParseExact(form["geldigVanaf"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var vanaf))
        {
            return Formulier(b, s, sleutel, inhoud, null, toelichting, ["Vul een geldige datum in bij 'Geldig vanaf'."], StatusCodes.Status422UnprocessableEntity);
        }

        if (form["stap"] == "terug")
        {
            return Formulier(b, s, sleutel, inhoud, vanaf, toelichting, null, StatusCodes.Status200OK);
        }

        // A typed form changes the fields it shows in the JSON it was filled with (the product form: the limits).
        var vorm = form["vorm"].ToString();
        if (vorm == "grenzen" && Grenzen(inhoud, form) is { } fout)
        {
            return Formulier(b, s, sleutel, inhoud, vanaf, toelichting, [fout], StatusCodes.Status422UnprocessableEntity);
        }
        else if (vorm == "grenzen")
        {
            inhoud = MetGrenzen(inhoud, form);
        }
        else if (vorm == "velden" && Regelformulier.Van(s) is { } velden)
        {
            var (nieuw, veldfout) = velden.Pas(inhoud, form);
            if (nieuw is null)
            {
                return Formulier(b, s, sleutel, inhoud, vanaf, toelichting, [veldfout!], StatusCodes.Status422UnprocessableEntity);
            }

            inhoud = nieuw;
        }

        var concept = new Regelversie(0, s.Code, sleutel, inhoud, vanaf, m.Gebruiker, DateTimeOffset.MinValue)
        {
            Toelichting = string.IsNullOrWhiteSpace(toelichting) ? null : toelichting.Trim(),
        };

        // A typed form first shows what will be saved, once the rules load with it (the same checks as on save).
        if (vorm is "grenzen" or "velden")
        {
            var controle = Regellagen.Laad(b.Basisregels, [.. b.Store.GepubliceerdeRegelversies(), concept]);
            return controle.IsGeldig
                ? Formulier(b, s, sleutel, inhoud, vanaf, toelichting, null, StatusCodes.Status200OK, bevestigen: true)
                : Formulier(b, s, sleutel, inhoud, vanaf, toelichting, [.. controle.Fouten.Select(f => f.ToString())], StatusCodes.Status422UnprocessableEntity);
        }
        Resultaat<Regelversie> bewaard;
        try
        {
            bewaard = await rij.Exclusief(() => b.Store.BewaarConcept(b.Basisregels, concept, m.Gemeente), ctx.RequestAborted);
        }
        catch (OpslagFout e)
        {
            return Formulier(b, s, sleutel, inhoud, vanaf, toelichting, [e.Message + " Probeer het later opnieuw."], StatusCodes.Status503ServiceUnavailable);
        }

        return bewaard.TryGet(out var v)
            ? Results.Redirect(string.Create(CultureInfo.InvariantCulture, $"/regelwijzigingen/{v.Id}"))
            : Formulier(b, s, sleutel, inhoud, vanaf, toelichting, [.. bewaard.Fouten.Select(f => f.ToString())], StatusCodes.Status422UnprocessableEntity);
    }

    public static IResult Versie(HttpContext ctx, Backoffice b, long id)
    {
        var m = ctx.Medewerker();
        var v = b.Store.LeesRegelversie(id);
        return v is null ? Scherm.NietGevonden(NietGevonden)
            : !v.IsGepubliceerd && !m.Mag(BackofficeWebapp.Rollen.Beleid) ? Scherm.Geweigerd(m.Rol)
            : ToonVersie(ctx, b, v, null, false, StatusCodes.Status200OK);
    }

    /// <summary>The what-if replay of the version over [van, tot] (default: the last twelve months up to the processing date).</summary>
    public static IResult Watals(Backoffice b, long id, string? van, string? tot)
    {
        if (b.Store.LeesRegelversie(id) is not { } v)
        {
            return Scherm.NietGevonden(NietGevonden);
        }

        var (pv, pt, periodefout) = Periode(b, van, tot);
        var verslag = periodefout is null ? b.Store.SpeelConcept(b.Basisregels, v, pv, pt) : Resultaat<Watalsverslag>.Mislukt("WATALS-PERIODE", periodefout);
        return Scherm.Toon<Watalspagina>(new
        {
            Versie = v,
            Van = pv,
            Tot = pt,
            Verslag = verslag.IsGeldig ? verslag.Waarde : null,
            Fouten = (IReadOnlyList<string>)[.. verslag.Fouten.Select(f => f.Melding)],
        }, verslag.IsGeldig ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
    }

    public static IResult WatalsBestand(Backoffice b, long id, string formaat, string? van, string? tot)
    {
        if (b.Store.LeesRegelversie(id) is not { } v || formaat is not ("csv" or "xlsx"))
        {
            return Scherm.NietGevonden("Dit bestand");
        }

        var (pv, pt, periodefout) = Periode(b, van, tot);
        if (periodefout is not null || !b.Store.SpeelConcept(b.Basisregels, v, pv, pt).TryGet(out var verslag))
        {
            return Scherm.NietGevonden("Dit verslag");
        }

        var naam = string.Create(CultureInfo.InvariantCulture, $"watals-concept{id}-{Weergave.Iso(pv)}-{Weergave.Iso(pt)}");
        return formaat == "csv"
            ? Results.File(Encoding.UTF8.GetBytes(verslag.Csv()), "text/csv; charset=utf-8", naam + ".csv")
            : Results.File(WatalsExcel.Schrijf(verslag), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", naam + ".xlsx");
    }

    /// <summary>
    /// Publication in two steps: <c>stap=controleren</c> shows what will be published for confirmation (refused
    /// already here for the author); <c>stap=bevestigen</c> publishes on the single writer and swaps the rule set.
    /// </summary>
    public static async Task<IResult> Publiceer(HttpContext ctx, Backoffice b, Verwerkingsrij rij, long id)
    {
        var m = ctx.Medewerker();
        if (b.Store.LeesRegelversie(id) is not { } v)
        {
            return Scherm.NietGevonden(NietGevonden);
        }

        var form = await BackofficeWebapp.LeesFormulier(ctx);
        if (form is null)
        {
            return ToonVersie(ctx, b, v, "Het formulier was verlopen. Probeer het opnieuw.", false, StatusCodes.Status400BadRequest);
        }

        if (form["stap"] != "bevestigen")
        {
            var controle = Publiceren.Beoordeel(v, m.Gebruiker, b.Tijd.GetUtcNow(), b.Basisregels, b.Store.GepubliceerdeRegelversies());
            return controle.IsGeldig
                ? ToonVersie(ctx, b, v, null, true, StatusCodes.Status200OK)
                : ToonVersie(ctx, b, v, string.Join(" ", controle.Fouten.Select(f => f.ToString())), false, StatusCodes.Status409Conflict);
        }

        Resultaat<Core.Regels.Regelcatalogus> nieuw;
        try
        {
            nieuw = await rij.Exclusief(() =>
            {
                var r = b.Store.PubliceerRegelversie(b.Basisregels, id, m.Gebruiker, m.Gemeente);
                if (r.TryGet(out var c))
                {
                    b.VervangRegels(c);
                }

                return r;
            }, ctx.RequestAborted);
        }
        catch (OpslagFout e)
        {
            return ToonVersie(ctx, b, v, e.Message + " Probeer het later opnieuw.", false, StatusCodes.Status503ServiceUnavailable);
        }

        return nieuw.IsGeldig
            ? Results.Redirect(string.Create(CultureInfo.InvariantCulture, $"/regelwijzigingen/{id}"))
            : ToonVersie(ctx, b, b.Store.LeesRegelversie(id) ?? v, string.Join(" ", nieuw.Fouten.Select(f => f.ToString())), false, StatusCodes.Status409Conflict);
    }

    private const string NietGevonden = "Deze regelversie";

    private static IResult ToonVersie(HttpContext ctx, Backoffice b, Regelversie v, string? fout, bool bevestigen, int status) =>
        Scherm.Toon<Regelversiepagina>(new
        {
            Versie = v,
            ZelfOpgesteld = string.Equals(v.Auteur, ctx.Medewerker().Gebruiker, StringComparison.OrdinalIgnoreCase),
            Beleid = ctx.Medewerker().Mag(BackofficeWebapp.Rollen.Beleid),
            Fout = fout,
            Bevestigen = bevestigen,
            Van = b.Vandaag.AddYears(-1).AddDays(1),
            Tot = b.Vandaag,
        }, status);

    private static IResult Formulier(Backoffice b, Regelsoort s, string? sleutel, string? inhoud, DateOnly? vanaf, string? toelichting, IReadOnlyList<string>? fouten, int status,
        bool bevestigen = false) =>
        Scherm.Toon<Conceptpagina>(new
        {
            Soort = s,
            Sleutel = sleutel,
            Inhoud = inhoud,
            GeldigVanaf = vanaf,
            Toelichting = toelichting,
            Fouten = fouten ?? [],
            Bevestigen = bevestigen,
            Sleutels = Regellagen.Sleutels(b.Basisregels, b.Store.GepubliceerdeRegelversies(), s),
        }, status);

    private static (DateOnly Van, DateOnly Tot, string? Fout) Periode(Backoffice b, string? van, string? tot)
    {
        var standaardTot = b.Vandaag;
        var standaardVan = standaardTot.AddYears(-1).AddDays(1);
        static DateOnly? Lees(string? t) =>
            DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var pv = van is null ? standaardVan : Lees(van);
        var pt = tot is null ? standaardTot : Lees(tot);
        return pv is null || pt is null
            ? (pv ?? standaardVan, pt ?? standaardTot, "Vul bij 'van' en 'tot' een geldige datum in.")
            : pt < pv ? (pv.Value, pt.Value, "De periode eindigt voor ze begint.") : (pv.Value, pt.Value, null);
    }

    /// <summary>Null when every limit field of the typed product form is empty or a whole number above 0; otherwise what is wrong.</summary>
    private static string? Grenzen(string inhoud, IFormCollection form)
    {
        foreach (var (veld, waarde) in form.Where(f => f.Key.StartsWith("maxUren-", StringComparison.Ordinal) || f.Key == "maxDuurMaanden"))
        {
            var tekst = waarde.ToString();
            if (tekst.Length > 0 && (!int.TryParse(tekst, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0))
            {
                return $"'{tekst}' bij {(veld == "maxDuurMaanden" ? "maximale duur" : "maximum uren")} is geen heel getal groter dan 0.";
            }
        }

        try
        {
            return JsonNode.Parse(inhoud, null, new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true }) is JsonObject
                ? null
                : "De regel is geen JSON-object.";
        }
        catch (System.Text.Json.JsonException)
        {
            return "De regel is geen geldige JSON; pas hem aan in het JSON-formulier.";
        }
    }

    /// <summary>The product JSON with the typed form's limits: <c>richtlijn[i].maxUren</c> and <c>maxDuurMaanden</c>.</summary>
    private static string MetGrenzen(string inhoud, IFormCollection form)
    {
        var item = (JsonObject)JsonNode.Parse(inhoud, null, new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        if (item["richtlijn"] is JsonArray richtlijn)
        {
            for (var i = 0; i < richtlijn.Count; i++)
            {
                if (richtlijn[i] is JsonObject r && int.TryParse(form[$"maxUren-{i}"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var uren))
                {
                    r["maxUren"] = uren;
                }
            }
        }

        if (int.TryParse(form["maxDuurMaanden"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var maanden))
        {
            item["maxDuurMaanden"] = maanden;
        }

        return item.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }
}
