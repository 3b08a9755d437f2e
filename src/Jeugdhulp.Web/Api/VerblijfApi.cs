using System.Security.Claims;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Verblijf;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Toekenning;
using Jeugdhulp.Store.Verblijf;
using Jeugdhulp.Web.Toegang;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Jeugdhulp.Web.Api;

/// <summary>The body of <c>POST /api/v1/verblijf/plaatsingen</c>: a 24-hour placement or its follow-up (recording again updates it).</summary>
internal sealed record PlaatsingJson(
    string? Referentie, string? Bsn, string? Product, string? Route, DateOnly? Start, DateOnly? Eind, DateOnly? Beschikking, DateOnly? Dialoog,
    string? Regisseur, DateOnly? Vervolgperspectief, DateOnly? Vervolgplaatsing, DateOnly? Evaluatie, DateOnly? Aangemeld18, bool AlleenControleren = false);

/// <summary>The body of <c>POST /api/v1/verblijf/consulten</c> (HK-24-6).</summary>
internal sealed record ConsultJson(string? Referentie, string? Basisinformatie, string? Vraag, DateOnly? Ingediend, DateOnly? Gewenst, bool AlleenControleren = false);

/// <summary>The body of <c>POST /api/v1/verblijf/consulten/{referentie}/uitkomst</c>.</summary>
internal sealed record ConsultuitkomstJson(string? Uitkomst, DateOnly? Datum, bool AlleenControleren = false);

/// <summary>The body of <c>POST /api/v1/verblijf/meerzorg</c> (HK-24-10): the request and the state of its two checks.</summary>
internal sealed record MeerzorgJson(
    string? Referentie, string? Bsn, string? Aanbieder, string? Zzp, int? ExtraUrenPerWeek, DateOnly? Van, DateOnly? Tot, DateOnly? Ontvangen,
    bool Hulpplan, string? OnafhankelijkeToets, string? FinancieleToets, bool AlleenControleren = false);

/// <summary>The body of <c>POST /api/v1/verblijf/meerzorg/{referentie}/besluit</c>; name and gender only for a youth the municipality has no details of.</summary>
internal sealed record MeerzorgbesluitJson(
    string? Besluit, string? Motivering, string? Achternaam, string? Voorvoegsel, string? Voorletters, string? Geslacht, bool AlleenControleren = false);

/// <summary>The body of <c>POST /api/v1/verblijf/moederkind</c> (HK-24-11).</summary>
internal sealed record MoederKindJson(
    string? Referentie, string? Bsn, string? Aanbieder, string? BesluitMoeder, DateOnly? Van, DateOnly? Tot, DateOnly? Rapportage, bool AlleenControleren = false);

/// <summary>The body of <c>POST /api/v1/verblijf/escalaties</c> (HK-24-12).</summary>
internal sealed record EscalatieJson(string? Plaatsing, string? Onderwerp, bool AlleenControleren = false);

/// <summary>The body of <c>POST /api/v1/verblijf/escalaties/{id}/besluit</c>.</summary>
internal sealed record EscalatiebesluitJson(DateOnly? Datum);

/// <summary>An open deadline: rule, what is expected, by when, overdue, and whether it is only a signal.</summary>
internal sealed record TermijnJson(string Regel, string Verwacht, string Referentie, DateOnly Vervaldatum, bool TeLaat, bool Signaal);

/// <summary>What recording (or only checking) came to.</summary>
/// <param name="Geschreven">True when written now.</param>
/// <param name="Uitkomst">Core's outcome on the record: toegekend, beoordelen, afgewezen (null without findings).</param>
/// <param name="Bevindingen">Every finding with its rule id (for meerzorg granted: then the allocation's checks).</param>
/// <param name="Termijnen">The deadlines the record opens.</param>
/// <param name="Toewijzing">The Begeleiding Individueel allocation of granted meerzorg.</param>
/// <param name="Outbox">Its JW301 files.</param>
internal sealed record VerblijfUitkomst(bool Geschreven, string? Uitkomst, BevindingJson[] Bevindingen, TermijnJson[] Termijnen, int? Toewijzing, string[] Outbox);

/// <summary>A placement as read (the youth's BSN masked).</summary>
internal sealed record PlaatsingUit(
    string Referentie, string Client, string Product, string Route, DateOnly Start, DateOnly? Eind, int? Dag, int? MaxDagen, DateOnly? Beschikking,
    DateOnly? Dialoog, string? Regisseur, DateOnly? Vervolgperspectief, DateOnly? Vervolgplaatsing, DateOnly? Evaluatie, DateOnly? Aangemeld18, TermijnJson[] Termijnen);

/// <summary>A consult as read.</summary>
internal sealed record ConsultUit(string Referentie, string Basisinformatie, string Vraag, DateOnly Ingediend, DateOnly Gewenst, string? Uitkomst, DateOnly? UitkomstOp);

/// <summary>A meerzorg request as read.</summary>
internal sealed record MeerzorgUit(
    string Referentie, string Client, string Aanbieder, string Zzp, int ExtraUrenPerWeek, DateOnly Van, DateOnly Tot, DateOnly Ontvangen, bool Hulpplan,
    string OnafhankelijkeToets, string FinancieleToets, string? Besluit, int? Toewijzing, bool Herbeoordeeld, TermijnJson[] Termijnen);

/// <summary>A moeder-kindtoeslag use as read.</summary>
internal sealed record MoederKindUit(string Referentie, string Kind, string Aanbieder, string? BesluitMoeder, DateOnly Van, DateOnly Tot, DateOnly? Rapportage, TermijnJson[] Termijnen);

/// <summary>An escalation as read.</summary>
internal sealed record EscalatieUit(long Id, string Plaatsing, string Onderwerp, string Beslisser, DateOnly? Besloten);

/// <summary>The answer of <c>GET /api/v1/verblijf</c>.</summary>
internal sealed record VerblijfoverzichtUit(
    DateOnly Datum, PlaatsingUit[] Plaatsingen, ConsultUit[] Consulten, MeerzorgUit[] Meerzorg, MoederKindUit[] MoederKind, EscalatieUit[] Escalaties, TermijnJson[] Termijnen,
    int Pagina, int PerPagina, VerblijftotalenUit Totalen);

/// <summary>How many records of each kind there are (every page), for paging through them.</summary>
internal sealed record VerblijftotalenUit(int Plaatsingen, int Consulten, int Meerzorg, int MoederKind, int Escalaties);

/// <summary>
/// The municipality API for 24-hour care (HK-24, docs/VERBLIJF.md): record a placement or crisis with its follow-up, a
/// consult and its outcome, a meerzorg request and its decision (granted: the Begeleiding Individueel allocation and its
/// JW301), a moeder-kindtoeslag and an escalation; read them with their open deadlines. The same use cases and write
/// paths as the backoffice pages and <c>jeugdhulp verblijf</c>, on the host's one writer. A municipality token only;
/// a municipality sees and writes only its own records and residents. A refusal by a rule is ProblemDetails 422 with
/// <c>regelId</c> and every finding; <c>alleenControleren</c> writes nothing.
/// </summary>
internal static class VerblijfApi
{
    internal const string VoorbeeldPlaatsing = """
        {"referentie": "CR-2027-001", "bsn": "100003023", "product": "46R01", "route": "veiligthuis", "start": "2027-03-01", "eind": "2027-03-28",
         "vervolgperspectief": null}
        """;

    internal const string VoorbeeldMeerzorg = """
        {"referentie": "MZ-2027-001", "bsn": "100003023", "aanbieder": "01234567", "zzp": "LVG4", "extraUrenPerWeek": 6, "van": "2027-03-01",
         "tot": "2027-08-31", "ontvangen": "2027-03-03", "hulpplan": true, "onafhankelijkeToets": "positief", "financieleToets": "positief"}
        """;

    /// <summary>The words for a route, as the CLI takes them.</summary>
    internal static readonly (string Woord, Plaatsingsroute Route)[] Routes =
        [("regulier", Plaatsingsroute.Regulier), ("crisis", Plaatsingsroute.Crisis), ("veiligthuis", Plaatsingsroute.VeiligThuis), ("gedwongen", Plaatsingsroute.Gedwongen)];

    internal static readonly (string Woord, Regisseur Regisseur)[] Regisseurs = [("lokaletoegang", Regisseur.LokaleToegang), ("gi", Regisseur.Gi)];

    internal static readonly (string Woord, Consultuitkomst Uitkomst)[] Uitkomsten =
    [
        ("opschalen", Consultuitkomst.Opschalen), ("lokaal", Consultuitkomst.LokaalOplossen), ("nader-onderzoek", Consultuitkomst.NaderOnderzoek),
        ("expertteam", Consultuitkomst.Expertteam),
    ];

    internal static readonly (string Woord, Toetsstand Stand)[] Toetsstanden = [("open", Toetsstand.Open), ("positief", Toetsstand.Positief), ("negatief", Toetsstand.Negatief)];

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/verblijf", Overzicht)
            .RequireAuthorization(Toegangsregels.Gemeente).WithTags("Gemeente")
            .WithName("Verblijf")
            .WithSummary("De 24-uurs jeugdhulp van deze gemeente met de open termijnen (HK-24)")
            .WithDescription("""
                Plaatsingen (crisis met dag van het verblijf en maximum), consulten, meerzorg, moeder-kindtoeslag en escalaties,
                met elke open termijn (HK-24-8, -3, -9, -10, -11, 18 jaar) op "datum" (standaard de verwerkingsdatum). Per soort
                "perPagina" records (standaard 100, hoogstens 1000) van pagina "pagina" (vanaf 1); "soort" (plaatsingen, consulten,
                meerzorg, moederkind, escalaties) geeft alleen die soort. "totalen" zegt hoeveel er van elke soort zijn, "termijnen"
                zijn die van de records op de pagina. BSN's alleen gemaskeerd; het tonen staat per jeugdige in het auditlog.
                """)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/verblijf/plaatsingen/{referentie}", Plaatsinglezen)
            .RequireAuthorization(Toegangsregels.Gemeente).WithTags("Gemeente")
            .WithName("Verblijfplaatsing")
            .WithSummary("Eén 24-uursplaatsing van deze gemeente met haar open termijnen")
            .ProducesProblem(StatusCodes.Status404NotFound);

        Schrijf<PlaatsingJson>(api, "/verblijf/plaatsingen", "PlaatsingVastleggen", VoorbeeldPlaatsing,
            "Een 24-uursplaatsing of crisisplaatsing vastleggen, of haar vervolg (HK-24-3, -8, -9)",
            """
            "route": "regulier", "crisis", "veiligthuis" of "gedwongen". Een crisis duurt 1 tot 28 dagen (HK-24-8): langer of
            zonder "eind" is 422 met regelId HK-24-8. Het vervolgperspectief (dag 14), de vervolgplaatsing (dag 28), de evaluatie
            (Veilig Thuis, gedwongen), de dialoog en de regisseur worden termijnen tot ze zijn vastgelegd: dezelfde "referentie"
            nogmaals vastleggen werkt de plaatsing bij. "regisseur": "lokaletoegang" of "gi". Alleen eigen inwoners.
            """, (j, g) => Plaatsing(j, g, out var f) is { } a ? (a, null) : (null, f), j => j.AlleenControleren);

        Schrijf<ConsultJson>(api, "/verblijf/consulten", "ConsultVastleggen",
            """{"referentie": "CO-2027-001", "basisinformatie": "Jongen, 14, uithuisplaatsing dreigt", "vraag": "Is opschalen naar 24-uurs zorg nodig?", "ingediend": "2027-03-01", "gewenst": "2027-03-22"}""",
            "Een consultaanvraag vastleggen (HK-24-6): basisinformatie en vraag verplicht, bij voorkeur 2 weken vooraf",
            "Zonder basisinformatie of vraag: 422 met regelId HK-24-6. Later dan 2 weken voor de gewenste dag is een signaal, geen weigering.",
            (j, g) => Consult(j, g, out var f) is { } a ? (a, null) : (null, f), j => j.AlleenControleren);

        Schrijf<ConsultuitkomstJson>(api, "/verblijf/consulten/{referentie}/uitkomst", "ConsultuitkomstVastleggen",
            """{"uitkomst": "opschalen", "datum": "2027-03-22"}""",
            "De uitkomst van een consult: opschalen, lokaal, nader-onderzoek of expertteam (HK-24-6)",
            "Eén keer per consult: een consult met uitkomst of een onbekende referentie is 404.",
            (j, g, r) => Consultresultaat(j, r, out var f) is { } a ? (a, null) : (null, f), j => j.AlleenControleren);

        Schrijf<MeerzorgJson>(api, "/verblijf/meerzorg", "MeerzorgVastleggen", VoorbeeldMeerzorg,
            "Een meerzorgaanvraag met de stand van de onafhankelijke en de financiële toets (HK-24-10)",
            """
            "zzp": een rij uit de ZZP-tabel (verblijf.json). "onafhankelijkeToets" en "financieleToets": "open", "positief" of
            "negatief". De aanvraag wordt vastgelegd wat de toetsen ook zeggen; opnieuw vastleggen werkt haar bij tot het
            besluit. Het besluit volgt met POST .../meerzorg/{referentie}/besluit (termijn HK-24-10: 2 weken).
            """, (j, g) => Meerzorg(j, g, out var f) is { } a ? (a, null) : (null, f), j => j.AlleenControleren);

        Schrijf<MeerzorgbesluitJson>(api, "/verblijf/meerzorg/{referentie}/besluit", "MeerzorgBesluiten",
            """{"besluit": "toekennen", "motivering": "Hulpplan en beide toetsen positief"}""",
            "Besluit over meerzorg: toekennen (toewijzing Begeleiding Individueel 45R02 en de JW301) of afwijzen met motivering",
            """
            Toekennen kan alleen als Core toekent: hulpplan, beide toetsen positief, bekende ZZP, ten hoogste een half jaar
            (HK-24-10); anders 422 met regelId en bevindingen. De toewijzing loopt door het gewone toewijzingspad (contract,
            perceel, JW301 in de outbox), dus ook die controles kunnen weigeren. Afwijzen vraagt een "motivering". 409 als er al
            besloten is. Achternaam en geslacht alleen als de gemeente de jeugdige nog niet kent (de JW301 vraagt ze).
            """, (j, g, r) => Meerzorgbesluit(j, r, out var f) is { } a ? (a, null) : (null, f), j => j.AlleenControleren);

        Schrijf<MoederKindJson>(api, "/verblijf/moederkind", "MoederKindVastleggen",
            """{"referentie": "MK-2027-001", "bsn": "100003023", "aanbieder": "01234567", "besluitMoeder": "B-2027-77", "van": "2027-03-01", "tot": "2027-05-31"}""",
            "Gebruik van de moeder-kindtoeslag met het bedrag per jaar (HK-24-11)",
            "Alleen op het jeugdhulpbesluit van de moeder (\"besluitMoeder\"): zonder is 422 met regelId HK-24-11. \"rapportage\": de dag van de 3-maandenrapportage.",
            (j, g) => MoederKind(j, g, out var f) is { } a ? (a, null) : (null, f), j => j.AlleenControleren);

        Schrijf<EscalatieJson>(api, "/verblijf/escalaties", "EscalatieVastleggen",
            """{"plaatsing": "CR-2027-001", "onderwerp": "Geen passende vervolgplek binnen 28 dagen"}""",
            "Een escalatie op een vastgelegde plaatsing (HK-24-12); wie beslist volgt uit de route",
            "404 als de gemeente de plaatsing niet heeft.",
            (j, g) => Escalatie(j, out var f) is { } a ? (a, null) : (null, f), j => j.AlleenControleren);

        Schrijf<EscalatiebesluitJson>(api, "/verblijf/escalaties/{id}/besluit", "EscalatieBesloten", """{"datum": "2027-03-20"}""",
            "Vastleggen dat over een escalatie is besloten (het id uit GET /api/v1/verblijf)", "404 voor een onbekende of al besloten escalatie.",
            (j, g, r) => long.TryParse(r, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && j.Datum is { } d
                ? (new Verblijfactie.Escalatiebesluit(id, d), null)
                : (null, "Vul 'datum' in; het adres eindigt op het id van de escalatie."), _ => false);
    }

    private static void Schrijf<T>(RouteGroupBuilder api, string pad, string naam, string voorbeeld, string samenvatting, string beschrijving,
        Func<T, Gemeentecode, (Verblijfactie?, string?)> actie, Func<T, bool> alleenControleren)
        where T : class =>
        Schrijf<T>(api, pad, naam, voorbeeld, samenvatting, beschrijving, (j, g, _) => actie(j, g), alleenControleren);

    private static void Schrijf<T>(RouteGroupBuilder api, string pad, string naam, string voorbeeld, string samenvatting, string beschrijving,
        Func<T, Gemeentecode, string, (Verblijfactie?, string?)> actie, Func<T, bool> alleenControleren)
        where T : class =>
        api.MapPost(pad, async Task<Results<Ok<VerblijfUitkomst>, ProblemHttpResult>> (HttpContext ctx, ClaimsPrincipal gebruiker, Backoffice b, Verwerkingsrij rij,
                CancellationToken ct) =>
            {
                var (j, weigering) = await Jsonbody.Lees<T>(ctx.Request, voorbeeld, ct).ConfigureAwait(false);
                if (j is null)
                {
                    return weigering!;
                }

                var gemeente = GemeenteVan(gebruiker);
                var (a, fout) = actie(j, gemeente, ctx.Request.RouteValues["referentie"] as string ?? ctx.Request.RouteValues["id"] as string ?? "");
                return a is null
                    ? Problemen.OngeldigeInvoer(fout!)
                    : await Voer(a, alleenControleren(j), gemeente, gebruiker, b, rij, ct).ConfigureAwait(false);
            })
            .RequireAuthorization(Toegangsregels.Gemeente).WithTags("Gemeente")
            .WithName(naam)
            .WithSummary(samenvatting)
            .WithDescription(beschrijving)
            .JsonBody<T>(voorbeeld)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>The default and the largest page of <c>GET /verblijf</c>, per kind.</summary>
    internal const int PerPagina = 100;

    internal const int MaxPerPagina = 1000;

    /// <summary>
    /// One page of each kind (or of one kind), read and counted in SQL as the overview page does (<c>VerblijfoverzichtLezen</c>;
    /// a municipality of the national year has over 100,000 placements), with the page's deadlines on <paramref name="datum"/>.
    /// </summary>
    private static Results<Ok<VerblijfoverzichtUit>, ProblemHttpResult> Overzicht(ClaimsPrincipal gebruiker, Backoffice b, string? datum, string? soort,
        string? pagina, string? perPagina)
    {
        DateOnly? dag = datum is null ? b.Vandaag
            : DateOnly.TryParseExact(datum, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;
        if (dag is null)
        {
            return Problemen.OngeldigeInvoer("'datum' is een datum als 2027-03-05.");
        }

        if (soort is not null && (soort == "alle" || !Verblijfvraag.Soorten.Contains(soort)))
        {
            return Problemen.OngeldigeInvoer("'soort' is plaatsingen, consulten, meerzorg, moederkind of escalaties (zonder: alle soorten).");
        }

        if (Getal(pagina, 1, 1_000_000) is not { } nummer)
        {
            return Problemen.OngeldigeInvoer("'pagina' is een getal vanaf 1.");
        }

        if (Getal(perPagina, PerPagina, MaxPerPagina) is not { } per)
        {
            return Problemen.OngeldigeInvoer($"'perPagina' is een getal van 1 tot en met {MaxPerPagina}.");
        }

        var gemeente = GemeenteVan(gebruiker);
        var lijst = b.Store.LeesVerblijfoverzicht(gemeente, new Verblijfvraag(soort ?? "alle", false, null, ""), dag.Value, (nummer - 1) * per, per);
        var beeld = Verblijfbeeld.Van(b, lijst.Dossier, dag.Value);
        Verblijfbeeld.Audit(b, gemeente, Toegangsregels.WieVan(gebruiker), "api: 24-uurs jeugdhulp getoond", beeld.Clienten);
        var d2 = beeld.Dossier;
        return TypedResults.Ok(new VerblijfoverzichtUit(
            beeld.Vandaag,
            [.. d2.Plaatsingen.Select(p => Uit(b, beeld, p))],
            [.. d2.Consulten.Select(c => new ConsultUit(c.Aanvraag.Referentie, c.Aanvraag.Basisinformatie, c.Aanvraag.Vraag, c.Aanvraag.Ingediend, c.Aanvraag.Gewenst,
                c.Uitkomst is { } u ? Uitkomsten.First(x => x.Uitkomst == u).Woord : null, c.UitkomstOp))],
            [.. d2.Meerzorg.Select(m => new MeerzorgUit(m.Aanvraag.Referentie, m.Aanvraag.Client.Gemaskeerd, m.Aanvraag.Aanbieder, m.Aanvraag.Zzp, m.Aanvraag.ExtraUrenPerWeek,
                m.Aanvraag.Van, m.Aanvraag.Tot, m.Aanvraag.Ontvangen, m.Aanvraag.Hulpplan, Woord(m.Aanvraag.OnafhankelijkeToets), Woord(m.Aanvraag.FinancieleToets),
                m.Besluit, m.Nummer, m.Herbeoordeeld, Termijnen(beeld.VanMeerzorg(m.Aanvraag.Referentie), beeld.Vandaag)))],
            [.. d2.MoederKind.Select(k => new MoederKindUit(k.Referentie, k.Kind.Gemaskeerd, k.Aanbieder, k.BesluitMoeder, k.Van, k.Tot, k.Rapportage,
                Termijnen(beeld.VanMoederKind(k.Referentie), beeld.Vandaag)))],
            [.. d2.Escalaties.Select(e => new EscalatieUit(e.Id, e.Referentie, e.Onderwerp, Core.Teksten.Tekst.Beslisser(e.Beslisser), e.Besloten))],
            Termijnen(beeld.Termijnen, beeld.Vandaag),
            nummer, per,
            new VerblijftotalenUit(lijst.Plaatsingen.Totaal, lijst.Consulten.Totaal, lijst.Meerzorg.Totaal, lijst.MoederKind.Totaal, lijst.Escalaties.Totaal)));
    }

    /// <summary>A whole number from 1 to <paramref name="tot"/>; <paramref name="standaard"/> when absent, null when not such a number.</summary>
    private static int? Getal(string? tekst, int standaard, int tot) =>
        tekst is null ? standaard
        : int.TryParse(tekst, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= tot ? n : null;

    private static Results<Ok<PlaatsingUit>, ProblemHttpResult> Plaatsinglezen(string referentie, ClaimsPrincipal gebruiker, Backoffice b)
    {
        var gemeente = GemeenteVan(gebruiker);
        var beeld = Verblijfbeeld.Lees(b, gemeente, referentie, b.Vandaag);
        if (beeld.Dossier.Plaatsingen.FirstOrDefault(p => p.Referentie == referentie) is not { } p)
        {
            return Problemen.NietGevonden($"Gemeente {gemeente.Waarde} heeft geen 24-uursplaatsing '{referentie}'.");
        }

        Verblijfbeeld.Audit(b, gemeente, Toegangsregels.WieVan(gebruiker), $"api: 24-uursplaatsing {referentie} bekeken", [p.Client]);
        return TypedResults.Ok(Uit(b, beeld, p));
    }

    private static PlaatsingUit Uit(Backoffice b, Verblijfbeeld beeld, Verblijfplaatsing p) => new(
        p.Referentie, p.Client.Gemaskeerd, p.Product.Waarde, Routes.First(r => r.Route == p.Route).Woord, p.Ingang, p.Einde, beeld.Dag(p), Verblijfbeeld.MaxDagen(b, p),
        p.Beschikking, p.Dialoog, p.Regisseur is { } r ? Regisseurs.First(x => x.Regisseur == r).Woord : null, p.Vervolgperspectief, p.Vervolgplaatsing, p.Evaluatie,
        p.AangemeldNa18, Termijnen(beeld.VanPlaatsing(p.Referentie), beeld.Vandaag));

    /// <summary>Runs the action on the writer and turns the report into the answer.</summary>
    private static async Task<Results<Ok<VerblijfUitkomst>, ProblemHttpResult>> Voer(Verblijfactie actie, bool alleenControleren, Gemeentecode gemeente,
        ClaimsPrincipal gebruiker, Backoffice b, Verwerkingsrij rij, CancellationToken ct)
    {
        Verblijfverslag v;
        try
        {
            v = await rij.Exclusief(() => Verblijfuitvoering.Voer(b, gemeente, actie, Toegangsregels.WieVan(gebruiker), alleenControleren), ct).ConfigureAwait(false);
        }
        catch (OpslagFout e)
        {
            return Problemen.Maak(Problemen.NietBeschikbaar, e.Message + " Probeer het later opnieuw.");
        }

        var uitkomst = Uitkomst(v, b.Vandaag);
        if (v.Weigering is not { } f || (alleenControleren && f.Code == "VERBLIJF-REGEL"))
        {
            return TypedResults.Ok(uitkomst);
        }

        var soort = f.Code switch
        {
            "VERBLIJF-ONBEKEND" or "VERBLIJF-CONSULT" or "VERBLIJF-ESCALATIE" => Problemen.Onbekend,
            "VERBLIJF-MEERZORG-BESLOTEN" or "VERBLIJF-DUBBEL" => Problemen.AlBesloten,
            "VERBLIJF-INVOER" => Problemen.OngeldigVerzoek,
            _ => Problemen.NietVerwerkbaar,
        };
        var extra = new Dictionary<string, object?> { ["code"] = f.Code, ["bevindingen"] = uitkomst.Bevindingen };
        if (v.RegelId is { } regel)
        {
            extra["regelId"] = regel;
        }

        return Problemen.Maak(soort, f.Melding, extra);
    }

    internal static VerblijfUitkomst Uitkomst(Verblijfverslag v, DateOnly vandaag) => new(
        v.Geschreven,
        v.Oordeel is { Bevindingen.Count: > 0 } o ? Core.Teksten.Tekst.Uitkomstwoord(o.Uitkomst) : null,
        [.. v.Bevindingen.Select(x => new BevindingJson(x.RegelId, Woord(x.Uitkomst), x.Melding))],
        Termijnen(v.Oordeel?.Verplichtingen ?? [], vandaag),
        v.Nummer,
        [.. v.Outbox.Select(Path.GetFileName).OfType<string>()]);

    internal static TermijnJson[] Termijnen(IEnumerable<Verplichting> lijst, DateOnly vandaag) =>
        [.. lijst.Select(t => new TermijnJson(t.Regel, t.Verwacht, t.Referentie, t.Vervaldatum, t.IsTeLaat(vandaag), t.Advies))];

    private static string Woord(Uitkomst u) => u switch
    {
        Core.Toewijzing.Uitkomst.Afgewezen => "blokkeert",
        Core.Toewijzing.Uitkomst.Beoordelen => "richtlijn",
        _ => "ok",
    };

    private static string Woord(Toetsstand t) => Toetsstanden.First(x => x.Stand == t).Woord;

    // The input as the one action the pages build too; null with the Dutch reason when a value is missing or not valid.

    internal static Verblijfactie? Plaatsing(PlaatsingJson j, Gemeentecode gemeente, out string? fout)
    {
        fout = null;
        if (Leeg(j.Referentie) is not { } referentie || !Bsn.Parse(j.Bsn?.Trim() ?? "").TryGet(out var bsn) || !ProductCode.Parse(j.Product?.Trim().ToUpperInvariant() ?? "").TryGet(out var product)
            || j.Start is not { } start)
        {
            fout = "Vul een referentie, een geldig BSN (9 cijfers en de 11-proef), een productcode (bijv. 46R01) en de eerste dag (start) in.";
            return null;
        }

        var route = Kies(Routes, j.Route ?? "regulier");
        var regisseur = Leeg(j.Regisseur) is { } r ? Kies(Regisseurs, r) : (Regisseur?)null;
        if (route is null || (Leeg(j.Regisseur) is not null && regisseur is null))
        {
            fout = "'route' is regulier, crisis, veiligthuis of gedwongen; 'regisseur' is lokaletoegang of gi.";
            return null;
        }

        return new Verblijfactie.Plaatsing(new Verblijfplaatsing(gemeente.Waarde, referentie, bsn, product, route.Value, start, j.Eind)
        {
            Beschikking = j.Beschikking,
            Dialoog = j.Dialoog,
            Regisseur = regisseur,
            Vervolgperspectief = j.Vervolgperspectief,
            Vervolgplaatsing = j.Vervolgplaatsing,
            Evaluatie = j.Evaluatie,
            AangemeldNa18 = j.Aangemeld18,
        });
    }

    internal static Verblijfactie? Consult(ConsultJson j, Gemeentecode gemeente, out string? fout)
    {
        fout = null;
        if (Leeg(j.Referentie) is not { } referentie || j.Ingediend is not { } ingediend || j.Gewenst is not { } gewenst)
        {
            fout = "Vul een referentie, de dag van indienen en de gewenste dag van het consult in.";
            return null;
        }

        return new Verblijfactie.Consult(new Consultaanvraag(gemeente.Waarde, referentie, j.Basisinformatie?.Trim() ?? "", j.Vraag?.Trim() ?? "", ingediend, gewenst));
    }

    internal static Verblijfactie? Consultresultaat(ConsultuitkomstJson j, string referentie, out string? fout)
    {
        fout = null;
        if (Kies(Uitkomsten, j.Uitkomst ?? "") is not { } uitkomst || j.Datum is not { } datum)
        {
            fout = "Kies de uitkomst (opschalen, lokaal, nader-onderzoek of expertteam) en vul de datum in.";
            return null;
        }

        return new Verblijfactie.Consultresultaat(referentie, uitkomst, datum);
    }

    internal static Verblijfactie? Meerzorg(MeerzorgJson j, Gemeentecode gemeente, out string? fout)
    {
        fout = null;
        if (Leeg(j.Referentie) is not { } referentie || !Bsn.Parse(j.Bsn?.Trim() ?? "").TryGet(out var bsn) || !AgbCode.Parse(j.Aanbieder?.Trim() ?? "").TryGet(out var agb)
            || Leeg(j.Zzp) is not { } zzp || j.ExtraUrenPerWeek is not { } uren || j.Van is not { } van || j.Tot is not { } tot || j.Ontvangen is not { } ontvangen)
        {
            fout = "Vul een referentie, een geldig BSN, de aanbieder (AGB-code, 8 cijfers), de ZZP, de extra uren per week, de periode (van, tot) en de dag van ontvangst in.";
            return null;
        }

        if (Kies(Toetsstanden, j.OnafhankelijkeToets ?? "open") is not { } onafhankelijk || Kies(Toetsstanden, j.FinancieleToets ?? "open") is not { } financieel)
        {
            fout = "Een toets is open, positief of negatief.";
            return null;
        }

        return new Verblijfactie.Meerzorg(new Meerzorgaanvraag(gemeente.Waarde, referentie, bsn, agb.Waarde, zzp, uren, van, tot, ontvangen, j.Hulpplan, onafhankelijk, financieel));
    }

    internal static Verblijfactie? Meerzorgbesluit(MeerzorgbesluitJson j, string referentie, out string? fout)
    {
        fout = null;
        bool? toekennen = j.Besluit switch
        {
            "toekennen" => true,
            "afwijzen" => false,
            _ => null,
        };
        if (toekennen is null || j.Geslacht is not (null or "" or "0" or "1" or "2"))
        {
            fout = "'besluit' is toekennen of afwijzen; 'geslacht' is 0 (onbekend), 1 (man) of 2 (vrouw).";
            return null;
        }

        var persoon = Leeg(j.Achternaam) is { } naam ? new Clientpersoon(naam, Leeg(j.Voorvoegsel), Leeg(j.Voorletters), Leeg(j.Geslacht) ?? "0", null) : null;
        return new Verblijfactie.Meerzorgbesluit(referentie, toekennen.Value, Leeg(j.Motivering), persoon);
    }

    internal static Verblijfactie? MoederKind(MoederKindJson j, Gemeentecode gemeente, out string? fout)
    {
        fout = null;
        if (Leeg(j.Referentie) is not { } referentie || !Bsn.Parse(j.Bsn?.Trim() ?? "").TryGet(out var bsn) || !AgbCode.Parse(j.Aanbieder?.Trim() ?? "").TryGet(out var agb)
            || j.Van is not { } van || j.Tot is not { } tot)
        {
            fout = "Vul een referentie, het BSN van het kind, de aanbieder (AGB-code, 8 cijfers) en de periode (van, tot) in.";
            return null;
        }

        return new Verblijfactie.MoederKind(new MoederKindgebruik(gemeente.Waarde, referentie, bsn, agb.Waarde, Leeg(j.BesluitMoeder), van, tot, j.Rapportage));
    }

    internal static Verblijfactie? Escalatie(EscalatieJson j, out string? fout)
    {
        fout = Leeg(j.Plaatsing) is null ? "Vul de referentie van de plaatsing in." : null;
        return fout is null ? new Verblijfactie.Escalatie(j.Plaatsing!.Trim(), j.Onderwerp?.Trim() ?? "") : null;
    }

    internal static T? Kies<T>((string Woord, T Waarde)[] lijst, string woord)
        where T : struct =>
        lijst.Where(x => x.Woord == woord.Trim()).Select(x => (T?)x.Waarde).FirstOrDefault();

    private static string? Leeg(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static Gemeentecode GemeenteVan(ClaimsPrincipal gebruiker) => Gemeentecode.Parse(Toegangsregels.CodeVan(gebruiker)).Waarde;
}
