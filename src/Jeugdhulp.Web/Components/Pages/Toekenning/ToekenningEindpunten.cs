using System.Globalization;
using Jeugdhulp.Core.Toekenning;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Toekenning;
using Jeugdhulp.Web.Api;
using Jeugdhulp.Web.Components.Shared;
using Jeugdhulp.Web.Schermen;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jeugdhulp.Web.Components.Pages.Toekenning;

/// <summary>
/// The backoffice form for the municipality's own allocations (issue, change, end early, withdraw, procesregie): the
/// same action (<see cref="ToekenningApi.Actie"/>), use case and write path as the API and <c>jeugdhulp toewijzen</c>,
/// on the host's one writer. Every action goes in two steps: "Controleren" runs the Handelingskader checks without
/// writing and shows them with their rule ids; "Versturen" on the confirmation page writes. The BSN travels only in
/// POST bodies, never in a URL.
/// </summary>
internal static class ToekenningEindpunten
{
    private const string MeldingCookie = "jeugdhulp-toekenning";
    private const string MeldingDoel = "Jeugdhulp.Toekenning.Melding.v1";
    private const string Verlopen = "Het formulier was verlopen. Probeer het opnieuw.";

    /// <summary>The fields of the allocation form, in the order the confirmation repeats them.</summary>
    internal static readonly string[] Velden =
    [
        "bsn", "route", "verwijzer", "aanbieder", "product", "ingangsdatum", "einddatum", "volume", "eenheid", "frequentie", "gezinsleden",
        "achternaam", "voorvoegsel", "voorletters", "geslacht", "geboortedatum", "procesregie", "procesregieteam", "commentaar", "motivering",
    ];

    /// <summary>The pages, in the staff group (any signed-in staff member of the municipality).</summary>
    public static void Map(RouteGroupBuilder pagina)
    {
        pagina.MapGet("/toewijzingen", Formulier);
        pagina.MapPost("/toewijzingen", Toekennen);
        pagina.MapGet("/toewijzingen/open", Open);
        pagina.MapGet("/toewijzingen/{nummer:int}", Toewijzing);
        pagina.MapPost("/toewijzingen/{nummer:int}/wijzigen", Wijzigen);
        pagina.MapPost("/toewijzingen/{nummer:int}/intrekken", Intrekken);
        pagina.MapPost("/toewijzingen/{nummer:int}/procesregie", Procesregie);
    }

    public static IResult Formulier(HttpContext ctx) =>
        Scherm.Toon<Toekenningformulier>(new { Waarden = new Dictionary<string, string>(), Melding = LeesMelding(ctx) });

    /// <summary>A number typed in the search field: to that allocation's page (a number is no personal data).</summary>
    public static IResult Open(HttpContext ctx) =>
        int.TryParse(ctx.Request.Query["nummer"].ToString().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? Results.Redirect($"/toewijzingen/{n}")
            : Scherm.Toon<Toekenningformulier>(new { Waarden = new Dictionary<string, string>(), Zoekfout = "Vul een toewijzingnummer in (alleen cijfers)." },
                StatusCodes.Status422UnprocessableEntity);

    /// <summary>A new allocation: check (stap=controleren), back to the form (terug), or write (versturen).</summary>
    public static async Task<IResult> Toekennen(HttpContext ctx, Backoffice b, Verwerkingsrij rij)
    {
        var form = await BackofficeWebapp.LeesFormulier(ctx);
        if (form is null)
        {
            return Scherm.Toon<Toekenningformulier>(new { Waarden = new Dictionary<string, string>(), Fout = Verlopen }, StatusCodes.Status400BadRequest);
        }

        var waarden = Velden.ToDictionary(v => v, v => form[v].ToString().Trim());
        var stap = form["stap"].ToString();
        var m = ctx.Medewerker();
        var actie = Actie(waarden, m.Gemeente, out var fout);
        if (stap == "terug" || actie is null)
        {
            return Scherm.Toon<Toekenningformulier>(new { Waarden = waarden, Fout = fout },
                actie is null && stap != "terug" ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);
        }

        var versturen = stap == "versturen";
        var v = await Voer(b, rij, m, actie, !versturen, ctx.RequestAborted);
        var weigering = Weigering(v);
        if (v.Fout is not null || weigering is not null)
        {
            return Scherm.Toon<Toekenningformulier>(new { Waarden = waarden, Verslag = v, Fout = v.Fout?.Melding ?? weigering },
                StatusCodes.Status422UnprocessableEntity);
        }

        if (!versturen)
        {
            return Scherm.Toon<Toekenningbevestiging>(new
            {
                Titel = "Toewijzing controleren en versturen",
                Actie = "/toewijzingen",
                Verborgen = waarden.Where(w => w.Value.Length > 0).ToList(),
                Samenvatting = Samenvatting(b, waarden),
                Verslag = v,
            });
        }

        var nummer = v.Nummers.Count > 0 ? v.Nummers[0] : (int?)null;
        var tekst = v.Status == Toekenningsstatus.GeenBerichtenverkeer
            ? "Vastgelegd zonder berichtenverkeer: de cliënt heeft geen BSN of moet anoniem blijven (HK-ROUTE-4, HK-323-10). Volg het landelijk protocol met formulieren."
            : v.Herhaling
                ? $"Deze toewijzing was al eerder vastgelegd (toewijzing {nummer}); er is niets dubbel verstuurd."
                : $"Toewijzing {nummer} is vastgelegd; de JW301 staat klaar in de outbox voor de aanbieder.";
        return Bevestig(ctx, tekst, nummer is { } n ? $"/toewijzingen/{n}" : "/toewijzingen");
    }

    public static IResult Toewijzing(HttpContext ctx, Backoffice b, int nummer) => Toon(ctx, b, nummer, null, null, StatusCodes.Status200OK);

    /// <summary>Change the volume or end date, or end early: the same two steps as a new allocation.</summary>
    public static async Task<IResult> Wijzigen(HttpContext ctx, Backoffice b, Verwerkingsrij rij, int nummer)
    {
        var form = await BackofficeWebapp.LeesFormulier(ctx);
        if (form is null)
        {
            return Toon(ctx, b, nummer, Verlopen, null, StatusCodes.Status400BadRequest);
        }

        var m = ctx.Medewerker();
        var soort = form["soort"].ToString() == "beeindigen" ? Wijzigingssoort.Beeindigen : Wijzigingssoort.Wijzigen;
        DateOnly? einde = Datum(form["einddatum"].ToString());
        int? volume = int.TryParse(form["volume"].ToString().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var vol) && vol > 0 ? vol : null;
        var motivering = Leeg(form["motivering"].ToString());
        string? fout = (soort, einde, volume) switch
        {
            (Wijzigingssoort.Beeindigen, null, _) => "Vul de nieuwe (eerdere) einddatum in.",
            (Wijzigingssoort.Wijzigen, null, null) => "Vul een nieuwe einddatum of een nieuw volume in.",
            _ when form["einddatum"].ToString().Trim().Length > 0 && einde is null => "De einddatum is geen geldige datum.",
            _ => null,
        };
        if (fout is not null)
        {
            return Toon(ctx, b, nummer, fout, null, StatusCodes.Status422UnprocessableEntity);
        }

        var huidig = b.Store.BekijkToewijzing(m.Gebruiker, m.Gemeente, nummer);
        if (huidig is null)
        {
            return Scherm.NietGevonden("Deze toewijzing");
        }

        var omvang = volume is { } nieuw && huidig.Huidig.Omvang is { } o ? o with { Volume = nieuw } : null;
        var actie = new Toekenningsactie.Wijzigen(new Wijzigingsopdracht(m.Gemeente, nummer, soort, einde, omvang, null, motivering));
        var samenvatting = new List<(string, string)>
        {
            ("Wat", soort == Wijzigingssoort.Beeindigen ? "Eerder beëindigen (RedenWijziging 05)" : "Wijzigen"),
            ("Nieuwe einddatum", Weergave.Datum(einde ?? huidig.Huidig.Einddatum)),
            ("Omvang", Weergave.Omvang(omvang ?? huidig.Huidig.Omvang)),
        };
        var verborgen = new List<KeyValuePair<string, string>>
        {
            new("soort", form["soort"].ToString()), new("einddatum", form["einddatum"].ToString()), new("volume", form["volume"].ToString()),
            new("motivering", motivering ?? ""),
        };
        return await Stap(ctx, b, rij, nummer, actie, form["stap"].ToString(), $"Toewijzing {nummer} wijzigen", "wijzigen", samenvatting, verborgen);
    }

    /// <summary>Withdraw (HK-301-6): the same two steps.</summary>
    public static async Task<IResult> Intrekken(HttpContext ctx, Backoffice b, Verwerkingsrij rij, int nummer)
    {
        var form = await BackofficeWebapp.LeesFormulier(ctx);
        if (form is null)
        {
            return Toon(ctx, b, nummer, Verlopen, null, StatusCodes.Status400BadRequest);
        }

        var m = ctx.Medewerker();
        var motivering = Leeg(form["motivering"].ToString());
        if (motivering is null)
        {
            return Toon(ctx, b, nummer, "Vul in waarom de toewijzing wordt ingetrokken.", null, StatusCodes.Status422UnprocessableEntity);
        }

        var actie = new Toekenningsactie.Intrekken(m.Gemeente, nummer, motivering);
        return await Stap(ctx, b, rij, nummer, actie, form["stap"].ToString(), $"Toewijzing {nummer} intrekken", "intrekken",
            [("Wat", "Intrekken: de JW301 opnieuw met ingangsdatum = einddatum en RedenWijziging 13 (HK-301-6)"), ("Waarom", motivering)],
            [new("motivering", motivering)]);
    }

    /// <summary>Who holds procesregie (HK-317-7): no message, so one step and back to the page.</summary>
    public static async Task<IResult> Procesregie(HttpContext ctx, Backoffice b, Verwerkingsrij rij, int nummer)
    {
        var form = await BackofficeWebapp.LeesFormulier(ctx);
        if (form is null)
        {
            return Toon(ctx, b, nummer, Verlopen, null, StatusCodes.Status400BadRequest);
        }

        var m = ctx.Medewerker();
        if (Regie(form["houder"].ToString(), form["team"].ToString()) is not { } regie)
        {
            return Toon(ctx, b, nummer, "Kies wie procesregie voert.", null, StatusCodes.Status422UnprocessableEntity);
        }

        var v = await Voer(b, rij, m, new Toekenningsactie.ProcesregieVastleggen(m.Gemeente, nummer, regie), false, ctx.RequestAborted);
        return v.Fout is { Code: "TOEKENNING-ONBEKEND" }
            ? Scherm.NietGevonden("Deze toewijzing")
            : Bevestig(ctx, $"Procesregie vastgelegd: {ToekenningVastleggen.Houder(regie.Houder)}.", $"/toewijzingen/{nummer}");
    }

    private static async Task<IResult> Stap(HttpContext ctx, Backoffice b, Verwerkingsrij rij, int nummer, Toekenningsactie actie, string stap, string titel,
        string pad, List<(string, string)> samenvatting, List<KeyValuePair<string, string>> verborgen)
    {
        if (stap == "terug")
        {
            return Results.Redirect($"/toewijzingen/{nummer}");
        }

        var m = ctx.Medewerker();
        var versturen = stap == "versturen";
        var v = await Voer(b, rij, m, actie, !versturen, ctx.RequestAborted);
        if (v.Fout is { Code: "TOEKENNING-ONBEKEND" })
        {
            return Scherm.NietGevonden("Deze toewijzing");
        }

        var weigering = Weigering(v);
        if (v.Fout is not null || weigering is not null)
        {
            return Toon(ctx, b, nummer, v.Fout?.Melding ?? weigering, v, StatusCodes.Status422UnprocessableEntity);
        }

        if (!versturen)
        {
            return Scherm.Toon<Toekenningbevestiging>(new
            {
                Titel = titel,
                Actie = $"/toewijzingen/{nummer}/{pad}",
                Verborgen = verborgen,
                Samenvatting = samenvatting,
                Verslag = v,
            });
        }

        return Bevestig(ctx, v.Herhaling
            ? $"Dit was al eerder vastgelegd voor toewijzing {nummer}; er is niets dubbel verstuurd."
            : $"{titel}: vastgelegd; de JW301 staat klaar in de outbox voor de aanbieder.", $"/toewijzingen/{nummer}");
    }

    private static async Task<Toekenningsverslag> Voer(Backoffice b, Verwerkingsrij rij, Ingelogd m, Toekenningsactie actie, bool alleenControleren,
        CancellationToken ct)
    {
        var moment = ToekenningApi.Moment(b);
        return (await rij.Exclusief(() => b.Store.Verwerk(b.Regels, [actie], m.Gebruiker, moment, b.OutboxMap, alleenControleren), ct))[0];
    }

    /// <summary>Null when the checked action may be sent; otherwise the Dutch reason (a hard rule, or a guideline without a written reason).</summary>
    private static string? Weigering(Toekenningsverslag v) => v.Status switch
        {
            Toekenningsstatus.Geblokkeerd => $"Geblokkeerd door het Handelingskader ({v.Besluit!.Reden!.RegelId}): dit kan niet worden verstuurd. Pas de gegevens aan.",
            Toekenningsstatus.MotiveringNodig =>
                $"Afwijking van de richtlijn ({v.Besluit!.Reden!.RegelId}): vul een schriftelijke motivering in; die wordt bij het besluit bewaard.",
            _ => null,
        };

    /// <summary>The form's values as the one action the API builds too; null with the Dutch reason when a value is not valid.</summary>
    internal static Toekenningsactie? Actie(IReadOnlyDictionary<string, string> w, Gemeentecode gemeente, out string? fout)
    {
        fout = null;
        var volume = 0;
        string? veld = (Datum(w["ingangsdatum"]), w["einddatum"].Length == 0 || Datum(w["einddatum"]) is not null,
                int.TryParse(w["volume"], NumberStyles.None, CultureInfo.InvariantCulture, out volume) && volume > 0,
                w["geboortedatum"].Length == 0 || Datum(w["geboortedatum"]) is not null) switch
        {
            (null, _, _, _) => "Vul een geldige ingangsdatum in.",
            (_, false, _, _) => "De einddatum is geen geldige datum.",
            (_, _, false, _) => "Vul het volume in als een heel getal groter dan 0.",
            (_, _, _, false) => "De geboortedatum is geen geldige datum.",
            _ => null,
        };
        if (veld is not null)
        {
            fout = veld;
            return null;
        }

        var regie = w["procesregie"].Length == 0 ? null : new ProcesregieJson(w["procesregie"], Leeg(w["procesregieteam"]));
        var json = new ToekenningJson(
            DossierLees(w["bsn"]), Leeg(w["route"]), Leeg(w["verwijzer"]), Leeg(w["aanbieder"]), Leeg(w["product"]?.ToUpperInvariant()),
            Datum(w["ingangsdatum"]), Datum(w["einddatum"]), new OmvangJson(volume, Leeg(w["eenheid"]), Leeg(w["frequentie"])),
            [.. w["gezinsleden"].Split([' ', ';', ',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            Leeg(w["achternaam"]), Leeg(w["voorvoegsel"]), Leeg(w["voorletters"]), Leeg(w["geslacht"]), Datum(w["geboortedatum"]),
            Leeg(w["commentaar"]), Leeg(w["motivering"]), regie);
        var actie = ToekenningApi.Actie(json, gemeente, out var apifout);
        fout = apifout is null ? null : Formulierfout(apifout);
        return actie;
    }

    /// <summary>The API's field names ('bsn', 'route') as the form's labels.</summary>
    private static string Formulierfout(string apifout) => apifout
        .Replace("'bsn'", "Het BSN", StringComparison.Ordinal)
        .Replace("laat het weg", "laat het veld leeg", StringComparison.Ordinal)
        .Replace("Vul 'route' (\"lokale-toegang\" of \"gi\"), 'aanbieder' (AGB-code, 8 cijfers), 'product' (bijv. 45F21), 'ingangsdatum' en 'omvang'.",
            "Vul de route, de aanbieder (AGB-code, 8 cijfers), het product (bijv. 45F21), de ingangsdatum en het volume in.", StringComparison.Ordinal)
        .Replace("Een van de 'gezinsleden'", "Een van de gezinsleden", StringComparison.Ordinal);

    /// <summary>A BSN as typed (spaces and dots allowed); an empty field stays empty (no BSN: HK-ROUTE-4).</summary>
    private static string? DossierLees(string bsn) =>
        Leeg(bsn.Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal));

    private static List<(string, string)> Samenvatting(Backoffice b, Dictionary<string, string> w) =>
    [
        ("Cliënt", w["bsn"].Length == 0 ? "zonder BSN (geen berichtenverkeer)" : $"BSN {Bsn.Parse(DossierLees(w["bsn"])!).Waarde.Gemaskeerd}"
            + (w["achternaam"].Length > 0 ? $", {w["achternaam"]}" : "")),
        ("Route", w["route"] == "gi" ? "Jeugdhulpbepaling van een gecertificeerde instelling" : "Maatwerkrapportage van de lokale toegang"),
        ("Verwijzer", w["verwijzer"].Length == 0 ? "—" : w["verwijzer"]),
        ("Aanbieder (AGB)", w["aanbieder"]),
        ("Product", Weergave.Productnaam(b, w["product"].ToUpperInvariant())),
        ("Periode", Weergave.Periode(Datum(w["ingangsdatum"]), Datum(w["einddatum"]))),
        ("Omvang", $"{w["volume"]} {Weergave.Eenheid(w["eenheid"])} {Weergave.Frequentie(w["frequentie"])}"),
        ("Gezinsleden", w["gezinsleden"].Length == 0 ? "—" : "ja (dummy-toewijzing per ander kind, HK-PRD-4)"),
        ("Commentaar", w["commentaar"].Length == 0 ? "—" : w["commentaar"]),
        ("Motivering", w["motivering"].Length == 0 ? "—" : w["motivering"]),
    ];

    private static IResult Toon(HttpContext ctx, Backoffice b, int nummer, string? fout, Toekenningsverslag? verslag, int status)
    {
        var m = ctx.Medewerker();
        return b.Store.BekijkToewijzing(m.Gebruiker, m.Gemeente, nummer) is { } t
            ? Scherm.Toon<Toewijzingpagina>(new { T = t, Fout = fout, Verslag = verslag, Melding = LeesMelding(ctx) }, status)
            : Scherm.NietGevonden("Deze toewijzing");
    }

    /// <summary>
    /// Post/redirect/get: the confirmation travels in a short-lived, encrypted cookie bound to the staff member, so a
    /// crafted link cannot show a decision that was never taken.
    /// </summary>
    private static IResult Bevestig(HttpContext ctx, string tekst, string naar)
    {
        Doorgeefmelding.Zet(ctx, ctx.RequestServices.GetRequiredService<IDataProtectionProvider>(), MeldingCookie, MeldingDoel, "/toewijzingen", tekst);
        return Results.Redirect(naar);
    }

    private static string? LeesMelding(HttpContext ctx) =>
        Doorgeefmelding.Lees(ctx, ctx.RequestServices.GetRequiredService<IDataProtectionProvider>(), MeldingCookie, MeldingDoel, "/toewijzingen");

    private static Procesregie? Regie(string houder, string team) => houder switch
    {
        "gemeente" => new Procesregie(Procesregiehouder.Gemeente, Leeg(team)),
        "gi" => new Procesregie(Procesregiehouder.GecertificeerdeInstelling, null),
        "medisch" => new Procesregie(Procesregiehouder.MedischeVerwijzer, null),
        "niemand" => new Procesregie(Procesregiehouder.Niemand, null),
        _ => null,
    };

    private static DateOnly? Datum(string tekst) =>
        DateOnly.TryParseExact(tekst.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string? Leeg(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
