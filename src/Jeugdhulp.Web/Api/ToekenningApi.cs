using System.Security.Claims;
using Jeugdhulp.Core.Toekenning;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Toekenning;
using Jeugdhulp.Web.Toegang;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Jeugdhulp.Web.Api;

/// <summary>Volume with unit and frequency (iJw CDT_Omvang).</summary>
/// <param name="Volume">Number of units.</param>
/// <param name="Eenheid">01 minuut, 04 uur, 84 stuks.</param>
/// <param name="Frequentie">6 = totaal binnen de geldigheidsduur.</param>
internal sealed record OmvangJson(int Volume, string? Eenheid, string? Frequentie);

/// <summary>Who holds procesregie: "gemeente" (with "team"), "gi", "medisch" or "niemand".</summary>
/// <param name="Houder">gemeente, gi, medisch, niemand.</param>
/// <param name="Team">The procesregisseur's team.</param>
internal sealed record ProcesregieJson(string? Houder, string? Team);

/// <summary>The body of <c>POST /api/v1/toewijzingen</c>: an allocation the municipality issues itself.</summary>
internal sealed record ToekenningJson(
    string? Bsn, string? Route, string? Verwijzer, string? Aanbieder, string? Product, DateOnly? Ingangsdatum, DateOnly? Einddatum,
    OmvangJson? Omvang, string[]? Gezinsleden, string? Achternaam, string? Voorvoegsel, string? Voorletters, string? Geslacht,
    DateOnly? Geboortedatum, string? Commentaar, string? Motivering, ProcesregieJson? Procesregie, bool AlleenControleren = false);

/// <summary>The body of <c>POST /api/v1/toewijzingen/{nummer}/wijzigen</c>.</summary>
internal sealed record WijzigingJson(string? Soort, DateOnly? Einddatum, OmvangJson? Omvang, string? RedenWijziging, string? Motivering, bool AlleenControleren = false);

/// <summary>The body of <c>POST /api/v1/toewijzingen/{nummer}/intrekken</c>.</summary>
internal sealed record IntrekkingJson(string? Motivering, bool AlleenControleren = false);

/// <summary>One check: rule id, outcome (ok, blokkeert, richtlijn) and the Dutch text.</summary>
internal sealed record BevindingJson(string RegelId, string Uitkomst, string Melding);

/// <summary>What the action came to.</summary>
internal sealed record ToekenningUitkomst(
    string Status, int[] Nummers, string[] Outbox, bool Herhaling, bool Geschreven, BevindingJson[] Bevindingen, string? Toelichting);

/// <summary>
/// The municipality's own allocations over the API: issue, change or end early, withdraw, and who holds procesregie.
/// The same use case and write path as the form and <c>jeugdhulp toewijzen</c>; the write runs on the one writer
/// (<see cref="Verwerkingsrij"/>). A refusal is ProblemDetails 422 naming the rule (<c>regelId</c>) and every finding.
/// </summary>
internal static class ToekenningApi
{
    private const string VoorbeeldToekenning = """
        {"bsn": "100002183", "route": "lokale-toegang", "verwijzer": "Team Emmeloord", "aanbieder": "01234567", "product": "45F21",
         "ingangsdatum": "2027-03-08", "einddatum": "2028-03-07", "omvang": {"volume": 5760, "eenheid": "01", "frequentie": "6"},
         "achternaam": "Vries", "voorvoegsel": "de", "voorletters": "J", "geslacht": "1",
         "procesregie": {"houder": "gemeente", "team": "Team Emmeloord"}, "commentaar": "Maatwerkrapportage MR-2027-014"}
        """;

    private const string VoorbeeldWijziging = """{"soort": "beeindigen", "einddatum": "2027-06-30"}""";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/toewijzingen", Toekennen)
            .RequireAuthorization(Toegangsregels.Gemeente).WithTags("Gemeente")
            .WithName("Toewijzen")
            .WithSummary("Een eigen toewijzing (lokale toegang of GI): controleren en de JW301 versturen")
            .WithDescription("""
                Route "lokale-toegang" (maatwerkrapportage, HK-301-4) of "gi" (jeugdhulpbepaling, HK-301-3). De
                Handelingskader-controles (contract, perceel, leeftijd, stapeling, woonplaats, maximale duur, richtlijn)
                lopen eerst; een harde regel blokkeert (422), een afwijking van de richtlijn vraagt een "motivering" (422
                zonder). Gezinsproduct: "gezinsleden" krijgen een dummy, de omvang komt op het jongste kind (HK-PRD-4).
                Zonder "bsn" gaat er geen bericht uit (HK-ROUTE-4). "alleenControleren": true schrijft niets. Hetzelfde
                verzoek nogmaals maakt niets dubbel ("herhaling": true).
                """)
            .JsonBody<ToekenningJson>(VoorbeeldToekenning)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/toewijzingen/{nummer:int}/wijzigen", Wijzigen)
            .RequireAuthorization(Toegangsregels.Gemeente).WithTags("Gemeente")
            .WithName("ToewijzingWijzigen")
            .WithSummary("Volume of einddatum wijzigen, of eerder beëindigen: een nieuwe JW301 met RedenWijziging")
            .WithDescription("""
                "soort": "wijzigen" (dezelfde controles als een nieuwe toewijzing), "beeindigen" (besluit van de gemeente,
                RedenWijziging 05) of "beeindigen-na-stop" (na een JW307, RedenWijziging 12); "redenWijziging" overschrijft.
                """)
            .JsonBody<WijzigingJson>(VoorbeeldWijziging)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/toewijzingen/{nummer:int}/intrekken", Intrekken)
            .RequireAuthorization(Toegangsregels.Gemeente).WithTags("Gemeente")
            .WithName("ToewijzingIntrekken")
            .WithSummary("Intrekken (HK-301-6): de JW301 opnieuw met ingangsdatum = einddatum en RedenWijziging 13")
            .JsonBody<IntrekkingJson>("""{"motivering": "Verkeerde aanbieder gekozen"}""")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPut("/toewijzingen/{nummer:int}/procesregie", Procesregie)
            .RequireAuthorization(Toegangsregels.Gemeente).WithTags("Gemeente")
            .WithName("Procesregie")
            .WithSummary("Wie voert procesregie over dit traject (HK-317-7): gemeente (met team), gi, medisch of niemand")
            .JsonBody<ProcesregieJson>("""{"houder": "gemeente", "team": "Team Emmeloord"}""")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<ToekenningUitkomst>, ProblemHttpResult>> Toekennen(HttpRequest request, ClaimsPrincipal gebruiker, Backoffice backoffice,
        Verwerkingsrij rij, CancellationToken ct)
    {
        var (j, weigering) = await Jsonbody.Lees<ToekenningJson>(request, VoorbeeldToekenning, ct).ConfigureAwait(false);
        if (j is null)
        {
            return weigering!;
        }

        var gemeente = GemeenteVan(gebruiker);
        var actie = Actie(j, gemeente, out var fout);
        return actie is null ? Problemen.OngeldigeInvoer(fout!) : await Voer(actie, j.AlleenControleren, gebruiker, backoffice, rij, ct).ConfigureAwait(false);
    }

    private static async Task<Results<Ok<ToekenningUitkomst>, ProblemHttpResult>> Wijzigen(int nummer, HttpRequest request, ClaimsPrincipal gebruiker,
        Backoffice backoffice, Verwerkingsrij rij, CancellationToken ct)
    {
        var (j, weigering) = await Jsonbody.Lees<WijzigingJson>(request, VoorbeeldWijziging, ct).ConfigureAwait(false);
        if (j is null)
        {
            return weigering!;
        }

        Wijzigingssoort? soort = j.Soort switch
        {
            "wijzigen" => Wijzigingssoort.Wijzigen,
            "beeindigen" => Wijzigingssoort.Beeindigen,
            "beeindigen-na-stop" => Wijzigingssoort.BeeindigenNaStopbericht,
            _ => null,
        };
        if (soort is null)
        {
            return Problemen.OngeldigeInvoer("'soort' is \"wijzigen\", \"beeindigen\" of \"beeindigen-na-stop\".");
        }

        var omvang = j.Omvang is { } o ? new Omvang(o.Volume, o.Eenheid ?? Omvang.Minuut, o.Frequentie ?? Omvang.Totaal) : null;
        var actie = new Toekenningsactie.Wijzigen(new Wijzigingsopdracht(GemeenteVan(gebruiker), nummer, soort.Value, j.Einddatum, omvang, j.RedenWijziging, j.Motivering));
        return await Voer(actie, j.AlleenControleren, gebruiker, backoffice, rij, ct).ConfigureAwait(false);
    }

    private static async Task<Results<Ok<ToekenningUitkomst>, ProblemHttpResult>> Intrekken(int nummer, HttpRequest request, ClaimsPrincipal gebruiker,
        Backoffice backoffice, Verwerkingsrij rij, CancellationToken ct)
    {
        var (j, weigering) = await Jsonbody.Lees<IntrekkingJson>(request, """{"motivering": "..."}""", ct).ConfigureAwait(false);
        return j is null
            ? weigering!
            : await Voer(new Toekenningsactie.Intrekken(GemeenteVan(gebruiker), nummer, j.Motivering), j.AlleenControleren, gebruiker, backoffice, rij, ct).ConfigureAwait(false);
    }

    private static async Task<Results<Ok<ToekenningUitkomst>, ProblemHttpResult>> Procesregie(int nummer, HttpRequest request, ClaimsPrincipal gebruiker,
        Backoffice backoffice, Verwerkingsrij rij, CancellationToken ct)
    {
        var (j, weigering) = await Jsonbody.Lees<ProcesregieJson>(request, """{"houder": "gemeente", "team": "..."}""", ct).ConfigureAwait(false);
        if (j is null)
        {
            return weigering!;
        }

        return Regie(j) is { } regie
            ? await Voer(new Toekenningsactie.ProcesregieVastleggen(GemeenteVan(gebruiker), nummer, regie), false, gebruiker, backoffice, rij, ct).ConfigureAwait(false)
            : Problemen.OngeldigeInvoer("'houder' is \"gemeente\", \"gi\", \"medisch\" of \"niemand\".");
    }

    /// <summary>The form's and the API's input as the one action; null with the reason when a value is not valid.</summary>
    internal static Toekenningsactie? Actie(ToekenningJson j, Gemeentecode gemeente, out string? fout)
    {
        fout = null;
        Bsn? bsn = null;
        if (!string.IsNullOrWhiteSpace(j.Bsn))
        {
            if (!Bsn.Parse(j.Bsn.Trim()).TryGet(out var b))
            {
                fout = "'bsn' is geen geldig BSN (9 cijfers en de 11-proef); laat het weg voor een cliënt zonder BSN (HK-ROUTE-4).";
                return null;
            }

            bsn = b;
        }

        Toegangsroute? route = j.Route switch
        {
            "lokale-toegang" => Toegangsroute.LokaleToegang,
            "gi" => Toegangsroute.GecertificeerdeInstelling,
            _ => null,
        };
        var leden = new List<Bsn>();
        foreach (var l in j.Gezinsleden ?? [])
        {
            if (!Bsn.Parse(l).TryGet(out var lid))
            {
                fout = "Een van de 'gezinsleden' is geen geldig BSN.";
                return null;
            }

            leden.Add(lid);
        }

        if (route is null || !AgbCode.Parse(j.Aanbieder ?? "").TryGet(out var aanbieder) || !ProductCode.Parse(j.Product ?? "").TryGet(out var product)
            || j.Ingangsdatum is not { } ingang || j.Omvang is not { } o)
        {
            fout = "Vul 'route' (\"lokale-toegang\" of \"gi\"), 'aanbieder' (AGB-code, 8 cijfers), 'product' (bijv. 45F21), 'ingangsdatum' en 'omvang'.";
            return null;
        }

        Procesregie? regie = null;
        if (j.Procesregie is { } pr && Regie(pr) is not { } gelezen)
        {
            fout = "'procesregie.houder' is \"gemeente\", \"gi\", \"medisch\" of \"niemand\".";
            return null;
        }
        else if (j.Procesregie is { } pr2)
        {
            regie = Regie(pr2);
        }

        if (j.Geslacht is not (null or "0" or "1" or "2"))
        {
            fout = "'geslacht' is \"0\" (onbekend), \"1\" (man) of \"2\" (vrouw).";
            return null;
        }

        var opdracht = new Toekenningsopdracht(gemeente, bsn, route.Value, Leeg(j.Verwijzer), aanbieder, product, ingang, j.Einddatum,
            new Omvang(o.Volume, o.Eenheid ?? Omvang.Minuut, o.Frequentie ?? Omvang.Totaal), leden, Leeg(j.Commentaar), Leeg(j.Motivering), regie);
        var persoon = Leeg(j.Achternaam) is { } naam ? new Clientpersoon(naam, Leeg(j.Voorvoegsel), Leeg(j.Voorletters), j.Geslacht ?? "0", j.Geboortedatum) : null;
        return new Toekenningsactie.Toekennen(opdracht, persoon);
    }

    /// <summary>Runs the action on the writer and turns the report into the answer.</summary>
    internal static async Task<Results<Ok<ToekenningUitkomst>, ProblemHttpResult>> Voer(Toekenningsactie actie, bool alleenControleren, ClaimsPrincipal gebruiker,
        Backoffice backoffice, Verwerkingsrij rij, CancellationToken ct)
    {
        Toekenningsverslag v;
        try
        {
            var moment = Moment(backoffice);
            v = (await rij.Exclusief(() => backoffice.Store.Verwerk(backoffice.Regels, [actie], Toegangsregels.WieVan(gebruiker), moment, backoffice.OutboxMap,
                alleenControleren), ct).ConfigureAwait(false))[0];
        }
        catch (OpslagFout e)
        {
            return Problemen.Maak(Problemen.NietBeschikbaar, e.Message + " Probeer het later opnieuw.");
        }

        if (v.Fout is { } f)
        {
            return f.Code == "TOEKENNING-ONBEKEND"
                ? Problemen.NietGevonden(f.Melding)
                : Problemen.Maak(Problemen.NietVerwerkbaar, f.Melding, new Dictionary<string, object?> { ["code"] = f.Code });
        }

        var uitkomst = Uitkomst(v);
        if (v.Besluit?.Reden is { } reden && !alleenControleren)
        {
            var titel = v.Status == Toekenningsstatus.MotiveringNodig ? "Afwijking van de richtlijn: motivering nodig" : "Geblokkeerd door het Handelingskader";
            return Problemen.Maak(StatusCodes.Status422UnprocessableEntity, titel, $"{reden.RegelId}: {reden.Melding}",
                new Dictionary<string, object?> { ["regelId"] = reden.RegelId, ["status"] = uitkomst.Status, ["bevindingen"] = uitkomst.Bevindingen });
        }

        return TypedResults.Ok(uitkomst);
    }

    /// <summary>Now in Europe/Amsterdam on the service's clock; under <c>--today</c> that date with the real time of day.</summary>
    internal static Toewijzingsmoment Moment(Backoffice backoffice)
    {
        var nu = ToekenningVastleggen.Moment(TimeProvider.System.GetUtcNow());
        return nu with { Datum = backoffice.Vandaag };
    }

    internal static ToekenningUitkomst Uitkomst(Toekenningsverslag v) => new(
        Status(v.Status),
        [.. v.Nummers],
        [.. v.Outbox.Select(Path.GetFileName).OfType<string>()],
        v.Herhaling,
        v.Geschreven,
        [.. (v.Besluit?.Bevindingen ?? []).Select(b => new BevindingJson(b.RegelId, Woord(b.Uitkomst), b.Melding))],
        v.Besluit?.Toelichting);

    internal static string Status(Toekenningsstatus? s) => s switch
    {
        Toekenningsstatus.Toegekend => "toegekend",
        Toekenningsstatus.Geblokkeerd => "geblokkeerd",
        Toekenningsstatus.MotiveringNodig => "motivering-nodig",
        Toekenningsstatus.GeenBerichtenverkeer => "geen-berichtenverkeer",
        _ => "fout",
    };

    private static string Woord(Uitkomst u) => u switch
    {
        Core.Toewijzing.Uitkomst.Afgewezen => "blokkeert",
        Core.Toewijzing.Uitkomst.Beoordelen => "richtlijn",
        _ => "ok",
    };

    private static Procesregie? Regie(ProcesregieJson j) => j.Houder switch
    {
        "gemeente" => new Procesregie(Procesregiehouder.Gemeente, Leeg(j.Team)),
        "gi" => new Procesregie(Procesregiehouder.GecertificeerdeInstelling, null),
        "medisch" => new Procesregie(Procesregiehouder.MedischeVerwijzer, null),
        "niemand" => new Procesregie(Procesregiehouder.Niemand, null),
        _ => null,
    };

    private static string? Leeg(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static Gemeentecode GemeenteVan(ClaimsPrincipal gebruiker) =>
        Gemeentecode.Parse(Toegangsregels.CodeVan(gebruiker)).Waarde;
}
