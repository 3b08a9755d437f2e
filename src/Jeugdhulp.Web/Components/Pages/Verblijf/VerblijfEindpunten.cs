using System.Globalization;
using Jeugdhulp.Core.Teksten;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Termijnen;
using Jeugdhulp.Store.Verblijf;
using Jeugdhulp.Web.Api;
using Jeugdhulp.Web.Components.Pages.Termijnen;
using Jeugdhulp.Web.Components.Shared;
using Jeugdhulp.Web.Schermen;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jeugdhulp.Web.Components.Pages.Verblijf;

/// <summary>
/// 24-uurs zorg (HK-24, docs/VERBLIJF.md): the municipality's placements and crises with their day and next deadline,
/// consults, meerzorg, moeder-kindtoeslag and escalations, one page per record, and the forms that record them. Every
/// form goes in two steps: "Controleren" runs Core's checks without writing and shows them with their rule ids;
/// "Vastleggen" on the confirmation page writes through the same use case as the API and <c>jeugdhulp verblijf</c>
/// (<see cref="Verblijfuitvoering"/>), on the host's one writer. BSNs travel only in POST bodies, never in a URL.
/// </summary>
internal static class VerblijfEindpunten
{
    private const string MeldingCookie = "jeugdhulp-verblijf";
    private const string MeldingDoel = "Jeugdhulp.Verblijf.Melding.v1";
    private const string Pad = "/verblijf";
    private const string Verlopen = "Het formulier was verlopen. Probeer het opnieuw.";

    /// <summary>The fields of each form, in the order the confirmation repeats them.</summary>
    internal static readonly IReadOnlyDictionary<string, string[]> Velden = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["plaatsing"] = ["referentie", "bsn", "product", "route", "start", "eind", "beschikking", "dialoog", "regisseur", "vervolgperspectief", "vervolgplaatsing", "evaluatie", "aangemeld18"],
        ["consult"] = ["referentie", "basisinformatie", "vraag", "ingediend", "gewenst"],
        ["meerzorg"] = ["referentie", "bsn", "aanbieder", "zzp", "uren", "van", "tot", "ontvangen", "hulpplan", "onafhankelijk", "financieel"],
        ["moederkind"] = ["referentie", "bsn", "aanbieder", "besluitmoeder", "van", "tot", "rapportage"],
        ["uitkomst"] = ["uitkomst", "datum"],
        ["besluit"] = ["besluit", "motivering", "achternaam", "voorvoegsel", "voorletters", "geslacht"],
        ["escalatie"] = ["onderwerp"],
        ["besloten"] = ["datum"],
    };

    /// <summary>The Dutch label of each field (form and confirmation).</summary>
    internal static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["referentie"] = "Referentie", ["bsn"] = "BSN van de jeugdige", ["product"] = "Product", ["route"] = "Route", ["start"] = "Eerste dag (dag 1)",
        ["eind"] = "Laatste dag", ["beschikking"] = "Beschikking op", ["dialoog"] = "Dialoog met 24-uurs specialist op", ["regisseur"] = "Perspectiefregisseur",
        ["vervolgperspectief"] = "Vervolgperspectief duidelijk op", ["vervolgplaatsing"] = "Vervolgplaatsing begint op", ["evaluatie"] = "Evaluatie gehouden op",
        ["aangemeld18"] = "Aangemeld voor zorg na 18 op", ["basisinformatie"] = "Basisinformatie", ["vraag"] = "Vraag", ["ingediend"] = "Ingediend op",
        ["gewenst"] = "Consult gewenst op", ["aanbieder"] = "Aanbieder (AGB-code)", ["zzp"] = "ZZP", ["uren"] = "Extra uren per week", ["van"] = "Van",
        ["tot"] = "Tot en met", ["ontvangen"] = "Aanvraag ontvangen op", ["hulpplan"] = "Hulpplan bijgevoegd", ["onafhankelijk"] = "Onafhankelijke toets",
        ["financieel"] = "Financiële toets", ["besluitmoeder"] = "Jeugdhulpbesluit van de moeder", ["rapportage"] = "3-maandenrapportage ontvangen op",
        ["uitkomst"] = "Uitkomst", ["datum"] = "Datum", ["besluit"] = "Besluit", ["motivering"] = "Motivering", ["achternaam"] = "Achternaam",
        ["voorvoegsel"] = "Voorvoegsel", ["voorletters"] = "Voorletters", ["geslacht"] = "Geslacht", ["onderwerp"] = "Onderwerp",
    };

    private static readonly HashSet<string> Datumvelden =
        ["start", "eind", "beschikking", "dialoog", "vervolgperspectief", "vervolgplaatsing", "evaluatie", "aangemeld18", "ingediend", "gewenst", "van", "tot", "ontvangen", "rapportage", "datum"];

    /// <summary>The new-record forms and their titles.</summary>
    internal static readonly (string Soort, string Titel)[] Nieuw =
    [
        ("plaatsing", "Plaatsing of crisisplaatsing vastleggen"), ("consult", "Consultaanvraag vastleggen"), ("meerzorg", "Meerzorgaanvraag vastleggen"),
        ("moederkind", "Moeder-kindtoeslag vastleggen"),
    ];

    public static void Map(RouteGroupBuilder pagina)
    {
        pagina.MapGet(Pad, Overzicht);
        pagina.MapGet(Pad + "/nieuw/{soort}", Formulier);
        pagina.MapPost(Pad + "/nieuw/{soort}", Nieuwe);
        pagina.MapGet(Pad + "/{soort}/{referentie}", Record);
        pagina.MapPost(Pad + "/consulten/{referentie}/uitkomst", (HttpContext ctx, Backoffice b, Verwerkingsrij rij, string referentie) =>
            OpRecord(ctx, b, rij, "consulten", referentie, "uitkomst", "Uitkomst van het consult vastleggen"));
        pagina.MapPost(Pad + "/meerzorg/{referentie}/besluit", (HttpContext ctx, Backoffice b, Verwerkingsrij rij, string referentie) =>
            OpRecord(ctx, b, rij, "meerzorg", referentie, "besluit", "Besluit over meerzorg vastleggen"));
        pagina.MapPost(Pad + "/plaatsingen/{referentie}/escalatie", (HttpContext ctx, Backoffice b, Verwerkingsrij rij, string referentie) =>
            OpRecord(ctx, b, rij, "plaatsingen", referentie, "escalatie", "Escalatie vastleggen"));
        pagina.MapPost(Pad + "/plaatsingen/{referentie}/escalaties/{id:long}", (HttpContext ctx, Backoffice b, Verwerkingsrij rij, string referentie, long id) =>
            OpRecord(ctx, b, rij, "plaatsingen", referentie, "besloten", "Besluit over de escalatie vastleggen", id));
    }

    /// <summary>
    /// The overview, filtered (kind, only what is open, route, reference) and paged in SQL: the first page of each kind, or
    /// every page of one kind. The deadline rows are brought up to date first ("only open" and the totals read them); each
    /// record's deadlines are computed for today from the page's records alone.
    /// </summary>
    public static IResult Overzicht(HttpContext ctx, Backoffice b, Termijnverversing verversing)
    {
        var m = ctx.Medewerker();
        var filter = Verblijffilter.Uit(ctx.Request.Query);
        if (b.Store.Ververs(b.Regels, b.Vandaag, m.Gemeente, nieuweDagLaterOk: true).Verouderd)
        {
            verversing.Wek();
        }

        var vraag = filter.Vraag;
        var (lijst, pagina) = filter.Soort == "alle"
            ? (b.Store.LeesVerblijfoverzicht(m.Gemeente, vraag, b.Vandaag, 0, Verblijffilter.PerPagina), 1)
            : Paginering.LeesTotDeLaatste(filter.Pagina, Verblijffilter.PerPagina,
                p => b.Store.LeesVerblijfoverzicht(m.Gemeente, vraag, b.Vandaag, (p - 1) * Verblijffilter.PerPagina, Verblijffilter.PerPagina),
                o => o.Totaal(filter.Soort));
        var beeld = Verblijfbeeld.Van(b, lijst.Dossier, b.Vandaag);
        Verblijfbeeld.Audit(b, m.Gemeente, m.Gebruiker, "24-uurs zorg: overzicht getoond", beeld.Clienten);
        return Scherm.Toon<Verblijfoverzicht>(new
        {
            Filter = filter with { Pagina = pagina },
            Lijst = lijst,
            Beeld = beeld,
            Paginas = Paginering.Paginas(lijst.Totaal(filter.Soort), Verblijffilter.PerPagina),
            Melding = LeesMelding(ctx),
        });
    }

    /// <summary>A new-record form; with <c>?referentie=</c> filled from that record, to record its follow-up or update it.</summary>
    public static IResult Formulier(HttpContext ctx, Backoffice b, string soort)
    {
        if (!Nieuw.Any(n => n.Soort == soort))
        {
            return Scherm.NietGevonden("Dit formulier");
        }

        var m = ctx.Medewerker();
        var referentie = ctx.Request.Query["referentie"].ToString();
        var waarden = referentie.Length == 0 ? new Dictionary<string, string>(StringComparer.Ordinal) : Bestaand(b, m, soort, referentie);
        return waarden is null ? Scherm.NietGevonden("Dit record") : Scherm.Toon<Verblijfformulier>(new { Soort = soort, Waarden = waarden });
    }

    /// <summary>A new record (or recording an existing one again): check, back to the form, or write.</summary>
    public static async Task<IResult> Nieuwe(HttpContext ctx, Backoffice b, Verwerkingsrij rij, string soort)
    {
        if (!Nieuw.Any(n => n.Soort == soort))
        {
            return Scherm.NietGevonden("Dit formulier");
        }

        var form = await BackofficeWebapp.LeesFormulier(ctx);
        if (form is null)
        {
            return Scherm.Toon<Verblijfformulier>(new { Soort = soort, Waarden = new Dictionary<string, string>(), Fout = Verlopen }, StatusCodes.Status400BadRequest);
        }

        var waarden = Velden[soort].ToDictionary(v => v, v => form[v].ToString().Trim(), StringComparer.Ordinal);
        var stap = form["stap"].ToString();
        var m = ctx.Medewerker();
        var actie = Actie(soort, waarden, m.Gemeente, "", out var fout);
        if (stap == "terug" || actie is null)
        {
            return Scherm.Toon<Verblijfformulier>(new { Soort = soort, Waarden = waarden, Fout = stap == "terug" ? null : fout },
                actie is null && stap != "terug" ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);
        }

        var versturen = stap == "versturen";
        var v = await rij.Exclusief(() => Verblijfuitvoering.Voer(b, m.Gemeente, actie, m.Gebruiker, !versturen), ctx.RequestAborted);
        if (v.Weigering is { } w)
        {
            return Scherm.Toon<Verblijfformulier>(new { Soort = soort, Waarden = waarden, Verslag = v, Fout = w.Melding }, StatusCodes.Status422UnprocessableEntity);
        }

        var referentie = waarden["referentie"];
        var recordpad = $"{Pad}/{Segment(soort)}/{Uri.EscapeDataString(referentie)}";
        if (!versturen)
        {
            return Scherm.Toon<Verblijfbevestiging>(new
            {
                Titel = Nieuw.First(n => n.Soort == soort).Titel,
                Actie = $"{Pad}/nieuw/{soort}",
                Verborgen = (IReadOnlyList<KeyValuePair<string, string>>)[.. waarden.Where(x => x.Value.Length > 0)],
                Samenvatting = Samenvatting(b, waarden),
                Verslag = v,
                Terug = $"{Pad}",
            });
        }

        return Bevestig(ctx, $"{Nieuw.First(n => n.Soort == soort).Titel}: {referentie} is vastgelegd.", recordpad);
    }

    /// <summary>One record's page.</summary>
    public static IResult Record(HttpContext ctx, Backoffice b, string soort, string referentie) =>
        Toon(ctx, b, soort, referentie, null, null, StatusCodes.Status200OK);

    /// <summary>A form on a record's page (consult outcome, meerzorg decision, escalation, escalation decided): the same two steps.</summary>
    private static async Task<IResult> OpRecord(HttpContext ctx, Backoffice b, Verwerkingsrij rij, string soort, string referentie, string formulier, string titel,
        long? id = null)
    {
        var form = await BackofficeWebapp.LeesFormulier(ctx);
        if (form is null)
        {
            return Toon(ctx, b, soort, referentie, Verlopen, null, StatusCodes.Status400BadRequest);
        }

        var recordpad = $"{Pad}/{soort}/{Uri.EscapeDataString(referentie)}";
        var stap = form["stap"].ToString();
        if (stap == "terug")
        {
            return Results.Redirect(recordpad);
        }

        var m = ctx.Medewerker();
        var waarden = Velden[formulier].ToDictionary(v => v, v => form[v].ToString().Trim(), StringComparer.Ordinal);
        var actie = Actie(formulier, waarden, m.Gemeente, id is { } n ? n.ToString(CultureInfo.InvariantCulture) : referentie, out var fout);
        if (actie is null)
        {
            return Toon(ctx, b, soort, referentie, fout, null, StatusCodes.Status422UnprocessableEntity);
        }

        var versturen = stap == "versturen";
        var v = await rij.Exclusief(() => Verblijfuitvoering.Voer(b, m.Gemeente, actie, m.Gebruiker, !versturen), ctx.RequestAborted);
        if (v.Weigering is { Code: "VERBLIJF-ONBEKEND" })
        {
            return Scherm.NietGevonden("Dit record");
        }

        if (v.Weigering is { } w)
        {
            return Toon(ctx, b, soort, referentie, w.Melding, v, StatusCodes.Status422UnprocessableEntity);
        }

        var actiepad = id is { } i ? $"{recordpad}/escalaties/{i}" : $"{recordpad}/{formulier}";
        if (!versturen)
        {
            return Scherm.Toon<Verblijfbevestiging>(new
            {
                Titel = titel,
                Actie = actiepad,
                Verborgen = (IReadOnlyList<KeyValuePair<string, string>>)[.. waarden.Where(x => x.Value.Length > 0)],
                Samenvatting = (List<(string, string)>)[(Labels["referentie"], referentie), .. Samenvatting(b, waarden)],
                Verslag = v,
                Terug = recordpad,
            });
        }

        var tekst = v.Nummer is { } nummer
            ? $"Meerzorg {referentie} is toegekend: toewijzing {nummer} (Begeleiding Individueel); de JW301 staat klaar in de outbox voor de aanbieder."
            : $"{titel}: vastgelegd.";
        return Bevestig(ctx, tekst, recordpad);
    }

    /// <summary>The form's values as the one action the API builds too; null with the Dutch reason when a value is not valid.</summary>
    internal static Verblijfactie? Actie(string soort, IReadOnlyDictionary<string, string> w, Gemeentecode gemeente, string referentie, out string? fout)
    {
        var ongeldig = w.Where(x => Datumvelden.Contains(x.Key) && x.Value.Length > 0 && Datum(x.Value) is null).Select(x => Labels[x.Key].ToLowerInvariant()).ToList();
        if (ongeldig.Count > 0)
        {
            fout = $"Geen geldige datum bij: {string.Join(", ", ongeldig)}.";
            return null;
        }

        string? V(string veld) => w.TryGetValue(veld, out var x) && x.Length > 0 ? x : null;
        DateOnly? D(string veld) => V(veld) is { } x ? Datum(x) : null;
        var bsn = V("bsn")?.Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        switch (soort)
        {
            case "plaatsing":
                return VerblijfApi.Plaatsing(new PlaatsingJson(V("referentie"), bsn, V("product"), V("route"), D("start"), D("eind"), D("beschikking"), D("dialoog"),
                    V("regisseur"), D("vervolgperspectief"), D("vervolgplaatsing"), D("evaluatie"), D("aangemeld18")), gemeente, out fout);
            case "consult":
                return VerblijfApi.Consult(new ConsultJson(V("referentie"), V("basisinformatie"), V("vraag"), D("ingediend"), D("gewenst")), gemeente, out fout);
            case "meerzorg":
                int? uren = int.TryParse(V("uren"), NumberStyles.None, CultureInfo.InvariantCulture, out var u) ? u : null;
                return VerblijfApi.Meerzorg(new MeerzorgJson(V("referentie"), bsn, V("aanbieder"), V("zzp"), uren, D("van"), D("tot"), D("ontvangen"), V("hulpplan") == "ja",
                    V("onafhankelijk"), V("financieel")), gemeente, out fout);
            case "moederkind":
                return VerblijfApi.MoederKind(new MoederKindJson(V("referentie"), bsn, V("aanbieder"), V("besluitmoeder"), D("van"), D("tot"), D("rapportage")), gemeente, out fout);
            case "uitkomst":
                return VerblijfApi.Consultresultaat(new ConsultuitkomstJson(V("uitkomst"), D("datum")), referentie, out fout);
            case "besluit":
                var besluit = VerblijfApi.Meerzorgbesluit(new MeerzorgbesluitJson(V("besluit"), V("motivering"), V("achternaam"), V("voorvoegsel"), V("voorletters"), V("geslacht")),
                    referentie, out fout);
                if (besluit is Verblijfactie.Meerzorgbesluit { Toekennen: false, Motivering: null })
                {
                    fout = "Vul de motivering van de afwijzing in.";
                    return null;
                }

                return besluit;
            case "escalatie":
                return VerblijfApi.Escalatie(new EscalatieJson(referentie, V("onderwerp")), out fout);
            default:
                fout = D("datum") is null ? "Vul de datum van het besluit in." : null;
                return fout is null ? new Verblijfactie.Escalatiebesluit(long.Parse(referentie, CultureInfo.InvariantCulture), D("datum")!.Value) : null;
        }
    }

    /// <summary>What the confirmation repeats: each filled field with its label; the BSN masked, choices in words.</summary>
    private static List<(string, string)> Samenvatting(Backoffice b, IReadOnlyDictionary<string, string> w) =>
    [
        .. w.Where(x => x.Value.Length > 0).Select(x => (Labels[x.Key], x.Key switch
        {
            "bsn" => Bsn.Parse(x.Value.Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal)).TryGet(out var bsn) ? bsn.Gemaskeerd : "—",
            "product" => Weergave.Productnaam(b, x.Value.ToUpperInvariant()),
            "route" => VerblijfApi.Kies(VerblijfApi.Routes, x.Value) is { } r ? Tekst.Plaatsingsroute(r) : x.Value,
            "regisseur" => Tekst.Regisseur(VerblijfApi.Kies(VerblijfApi.Regisseurs, x.Value)),
            "uitkomst" => Tekst.Consultuitkomst(VerblijfApi.Kies(VerblijfApi.Uitkomsten, x.Value)),
            "onafhankelijk" or "financieel" => VerblijfApi.Kies(VerblijfApi.Toetsstanden, x.Value) is { } t ? Tekst.Toetsstand(t) : x.Value,
            "hulpplan" => "ja",
            "geslacht" => x.Value switch { "1" => "man", "2" => "vrouw", _ => "onbekend" },
            _ when Datumvelden.Contains(x.Key) => Weergave.Datum(Datum(x.Value)),
            _ => x.Value,
        })),
    ];

    /// <summary>A record's values for the form that records it again (its follow-up, its checks, its report); null when the municipality has no such record.</summary>
    private static Dictionary<string, string>? Bestaand(Backoffice b, Ingelogd m, string soort, string referentie)
    {
        var d = b.Store.LeesVerblijf(m.Gemeente, referentie);
        static string I(DateOnly? x) => x is { } y ? Weergave.Iso(y) : "";
        switch (soort)
        {
            case "plaatsing" when d.Plaatsingen.FirstOrDefault(p => p.Referentie == referentie) is { } p:
                return new(StringComparer.Ordinal)
                {
                    ["referentie"] = p.Referentie, ["bsn"] = p.Client.Waarde, ["product"] = p.Product.Waarde, ["route"] = VerblijfApi.Routes.First(r => r.Route == p.Route).Woord,
                    ["start"] = I(p.Ingang), ["eind"] = I(p.Einde), ["beschikking"] = I(p.Beschikking), ["dialoog"] = I(p.Dialoog),
                    ["regisseur"] = p.Regisseur is { } r ? VerblijfApi.Regisseurs.First(x => x.Regisseur == r).Woord : "", ["vervolgperspectief"] = I(p.Vervolgperspectief),
                    ["vervolgplaatsing"] = I(p.Vervolgplaatsing), ["evaluatie"] = I(p.Evaluatie), ["aangemeld18"] = I(p.AangemeldNa18),
                };
            case "meerzorg" when d.Meerzorg.FirstOrDefault(x => x.Aanvraag.Referentie == referentie && x.Besluit is null)?.Aanvraag is { } a:
                return new(StringComparer.Ordinal)
                {
                    ["referentie"] = a.Referentie, ["bsn"] = a.Client.Waarde, ["aanbieder"] = a.Aanbieder, ["zzp"] = a.Zzp,
                    ["uren"] = a.ExtraUrenPerWeek.ToString(CultureInfo.InvariantCulture), ["van"] = I(a.Van), ["tot"] = I(a.Tot), ["ontvangen"] = I(a.Ontvangen),
                    ["hulpplan"] = a.Hulpplan ? "ja" : "", ["onafhankelijk"] = VerblijfApi.Toetsstanden.First(t => t.Stand == a.OnafhankelijkeToets).Woord,
                    ["financieel"] = VerblijfApi.Toetsstanden.First(t => t.Stand == a.FinancieleToets).Woord,
                };
            case "moederkind" when d.MoederKind.FirstOrDefault(x => x.Referentie == referentie) is { } k:
                return new(StringComparer.Ordinal)
                {
                    ["referentie"] = k.Referentie, ["bsn"] = k.Kind.Waarde, ["aanbieder"] = k.Aanbieder, ["besluitmoeder"] = k.BesluitMoeder ?? "",
                    ["van"] = I(k.Van), ["tot"] = I(k.Tot), ["rapportage"] = I(k.Rapportage),
                };
            default:
                return null;
        }
    }

    /// <summary>A record's page with its deadlines; the look at the youth is audited; another municipality's record is 404.</summary>
    private static IResult Toon(HttpContext ctx, Backoffice b, string soort, string referentie, string? fout, Verblijfverslag? verslag, int status)
    {
        var m = ctx.Medewerker();
        var beeld = Verblijfbeeld.Lees(b, m.Gemeente, referentie, b.Vandaag);
        var d = beeld.Dossier;
        Bsn? client = soort switch
        {
            "plaatsingen" => d.Plaatsingen.FirstOrDefault(p => p.Referentie == referentie)?.Client,
            "meerzorg" => d.Meerzorg.FirstOrDefault(x => x.Aanvraag.Referentie == referentie)?.Aanvraag.Client,
            "moederkind" => d.MoederKind.FirstOrDefault(x => x.Referentie == referentie)?.Kind,
            _ => null,
        };
        var bestaat = client is not null || (soort == "consulten" && d.Consulten.Any(c => c.Aanvraag.Referentie == referentie));
        if (!bestaat)
        {
            return Scherm.NietGevonden("Dit record");
        }

        if (client is { } c)
        {
            Verblijfbeeld.Audit(b, m.Gemeente, m.Gebruiker, $"24-uurs zorg: {soort} {referentie} bekeken", [c]);
        }

        return Scherm.Toon<Verblijfrecord>(new { Soort = soort, Referentie = referentie, Beeld = beeld, Fout = fout, Verslag = verslag, Melding = LeesMelding(ctx) }, status);
    }

    /// <summary>The path segment of a kind's record pages.</summary>
    internal static string Segment(string soort) => soort switch
    {
        "plaatsing" => "plaatsingen",
        "consult" => "consulten",
        _ => soort,
    };

    /// <summary>Post/redirect/get: the confirmation travels in a short-lived cookie bound to the staff member (<see cref="Doorgeefmelding"/>).</summary>
    private static IResult Bevestig(HttpContext ctx, string tekst, string naar)
    {
        Doorgeefmelding.Zet(ctx, ctx.RequestServices.GetRequiredService<IDataProtectionProvider>(), MeldingCookie, MeldingDoel, Pad, tekst);
        return Results.Redirect(naar);
    }

    private static string? LeesMelding(HttpContext ctx) =>
        Doorgeefmelding.Lees(ctx, ctx.RequestServices.GetRequiredService<IDataProtectionProvider>(), MeldingCookie, MeldingDoel, Pad);

    internal static DateOnly? Datum(string tekst) =>
        DateOnly.TryParseExact(tekst.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
