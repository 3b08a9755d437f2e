using System.Globalization;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Core.Werkdagen;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Verwerking;
using Jeugdhulp.Web.Api;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace Jeugdhulp.Web.Schermen;

/// <summary>
/// Werkvoorraad: the requests the engine left for a person, with its explanation and rule ids; approve
/// (JW301) or reject with a reason (JW319) through the same use case as <c>jeugdhulp besluit</c>, on the
/// host's one writer (<see cref="Verwerkingsrij"/>) like the API's decision and every message.
/// </summary>
internal static class WerkvoorraadPagina
{
    public static readonly IReadOnlyList<(int Code, string Tekst)> Redenen =
    [
        ((int)RedenAfwijzing.NieuweAanvraag, "Geen wijziging maar nieuwe aanvraag"),
        ((int)RedenAfwijzing.Budget, "Past niet binnen budget"),
        ((int)RedenAfwijzing.GeenContract, "Geen contract"),
        ((int)RedenAfwijzing.PastNietBinnenContract, "Past niet binnen contract"),
        ((int)RedenAfwijzing.AndereGemeente, "Andere gemeente"),
        ((int)RedenAfwijzing.Stapeling, "Stapeling"),
        ((int)RedenAfwijzing.Zorginhoudelijk, "Zorginhoudelijke afkeur"),
        ((int)RedenAfwijzing.Woonplaatsbeginsel, "Woonplaatsbeginsel (andere gemeente verantwoordelijk)"),
        ((int)RedenAfwijzing.Leeftijdsgrens, "Leeftijdsgrens is bereikt"),
    ];

    private const string MeldingCookie = "jeugdhulp-melding";
    private const string MeldingDoel = "Jeugdhulp.Melding.v1";

    public static IResult Lijst(HttpContext ctx, Backoffice b, IDataProtectionProvider dp)
    {
        var m = ctx.Medewerker();
        var items = b.Store.LeesWerkvoorraad(m.Gemeente);
        var tekst = LeesMelding(ctx, dp);
        var melding = tekst is null ? Html.Leeg : Html.H($"""<p class="melding" role="status">{tekst}</p>""");
        var rijen = items.Select(i => Html.H($"""
            <tr>
            <td>{Opmaak.Dag(i.Ontvangen)}</td>
            <td>{Uiterlijk(b, i)}</td>
            <td><a href="/werkvoorraad/{i.Id}">{i.Referentie}</a></td>
            <td>{Soort(i.Berichtcode)}<br>aanbieder {i.Aanbieder}</td>
            <td>{i.Achternaam ?? ""} <span class="bsn">{i.Client.Gemaskeerd}</span></td>
            <td>{Opmaak.Productnaam(b, i.Productcode)}</td>
            <td>{Waarom(i.Toelichting)}</td>
            </tr>
            """));
        var tabel = items.Count == 0
            ? Html.H($"""<p class="leeg">Er wachten geen verzoeken op een besluit.</p>""")
            : Html.H($"""
                <table>
                <caption>{items.Count} {(items.Count == 1 ? "verzoek wacht" : "verzoeken wachten")} op een besluit, oudste eerst</caption>
                <thead><tr><th scope="col">Ontvangen</th><th scope="col">Antwoord uiterlijk</th><th scope="col">Referentie aanbieder</th><th scope="col">Soort</th><th scope="col">Cliënt</th><th scope="col">Product</th><th scope="col">Waarom beoordelen</th></tr></thead>
                <tbody>{rijen}</tbody>
                </table>
                """);
        return Opmaak.Pagina(ctx, b, "Werkvoorraad", "/werkvoorraad", Html.H($"""
            <h1>Werkvoorraad</h1>
            {melding}
            <p>Deze verzoeken kon het systeem niet automatisch toekennen of afwijzen. Open een verzoek om de toelichting te lezen en een besluit te nemen.</p>
            {tabel}
            """));
    }

    public static IResult Item(HttpContext ctx, Backoffice b, IDataProtectionProvider dp, long id) =>
        Toon(ctx, b, dp, id, null, StatusCodes.Status200OK);

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
            return Opmaak.NietGevonden(ctx, b, "Dit verzoek staat niet (meer) ter beoordeling, of het");
        }

        var keuze = form["besluit"].ToString();
        int? reden = int.TryParse(form["reden"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : null;
        var toelichting = form["toelichting"].ToString();
        string? fout = keuze switch
        {
            "toekennen" when item.Berichtcode != "JW315" => "Een verzoek om wijziging (JW317) kan hier alleen worden afgewezen.",
            "toekennen" => null,
            "afwijzen" when reden is not (>= 1 and <= 9) => "Kies een reden van afwijzing.",
            "afwijzen" => null,
            _ => "Kies toekennen of afwijzen.",
        };
        if (toelichting.Length > 2000)
        {
            fout = "De toelichting is te lang (hoogstens 2000 tekens).";
        }

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
            resultaat = await rij.Exclusief(() => BesluitNemen.Neem(b.Store, besluit, b.Vandaag, b.OutboxMap), ctx.RequestAborted);
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
        ctx.Response.Cookies.Append(MeldingCookie, dp.CreateProtector(MeldingDoel).Protect(m.Gebruiker + "\n" + bevestiging), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = ctx.Request.IsHttps,
            Path = "/werkvoorraad",
            MaxAge = TimeSpan.FromMinutes(1),
        });
        return Results.Redirect("/werkvoorraad");
    }

    private static string? LeesMelding(HttpContext ctx, IDataProtectionProvider dp)
    {
        if (ctx.Request.Cookies[MeldingCookie] is not { } waarde)
        {
            return null;
        }

        ctx.Response.Cookies.Delete(MeldingCookie, new CookieOptions { Path = "/werkvoorraad" });
        try
        {
            var delen = dp.CreateProtector(MeldingDoel).Unprotect(waarde).Split('\n', 2);
            return delen.Length == 2 && delen[0] == ctx.Medewerker().Gebruiker ? delen[1] : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private static IResult Toon(HttpContext ctx, Backoffice b, IDataProtectionProvider dp, long id, string? fout, int status)
    {
        var m = ctx.Medewerker();
        var i = b.Store.BekijkWerkitem(m.Gebruiker, m.Gemeente, id);
        if (i is null)
        {
            return Opmaak.NietGevonden(ctx, b, "Dit verzoek staat niet (meer) ter beoordeling, of het");
        }

        var alleenAfwijzen = i.Berichtcode != "JW315";
        var melding = fout is null ? Html.Leeg : Html.H($"""<p class="fout" role="alert" id="besluitfout">{fout}</p>""");
        var opties = Html.Samen(Redenen.Select(r => Html.H($"""<option value="{r.Code}">{r.Code} – {r.Tekst}</option>""")));
        var toekennen = alleenAfwijzen
            ? Html.H($"""<p>Een verzoek om wijziging (JW317) kan hier alleen worden afgewezen: een toekenning vraagt een nieuwe berekening van de hele toewijzing.</p>""")
            : Html.H($"""<input type="radio" id="toekennen" name="besluit" value="toekennen"><label for="toekennen">Toekennen (JW301)</label>""");
        var body = Html.H($"""
            <p><a href="/werkvoorraad">← Werkvoorraad</a></p>
            <h1>Verzoek {i.Referentie}</h1>
            <dl class="gegevens">
            <dt>Soort</dt><dd>{Soort(i.Berichtcode)} ({i.Berichtcode})</dd>
            <dt>Ontvangen</dt><dd>{Opmaak.Tijdstip(i.Ontvangen)}</dd>
            <dt>Antwoord uiterlijk</dt><dd>{Uiterlijk(b, i)}</dd>
            <dt>Aanbieder (AGB)</dt><dd>{i.Aanbieder}</dd>
            <dt>Cliënt</dt><dd>{i.Achternaam ?? "naam onbekend"}, BSN {i.Client.Gemaskeerd} · <a href="/dossier/{DossierPagina.Sleutel(dp, i.Client)}">dossier openen</a></dd>
            <dt>Product</dt><dd>{Opmaak.Productnaam(b, i.Productcode)}</dd>
            <dt>Periode</dt><dd>{Opmaak.Periode(i.Ingangsdatum, i.Einddatum)}</dd>
            <dt>Omvang</dt><dd>{Opmaak.Omvang(i.Omvang)}</dd>
            <dt>Gecontroleerde regels</dt><dd>{Opmaak.Regels(i.Regels)}</dd>
            </dl>
            <h2>Waarom dit verzoek op een besluit wacht</h2>
            <div class="toelichting">{i.Toelichting}</div>
            <h2 id="besluit-kop">Besluit</h2>
            {melding}
            <form method="post" action="/werkvoorraad/{i.Id}" aria-labelledby="besluit-kop">
            {Opmaak.Formuliertoken(ctx)}
            <fieldset><legend>Uw besluit</legend>
            {toekennen}
            <input type="radio" id="afwijzen" name="besluit" value="afwijzen"{(alleenAfwijzen ? Html.Vertrouwd(" checked") : Html.Leeg)}><label for="afwijzen">Afwijzen (JW319)</label>
            </fieldset>
            <p><label for="reden">Reden van afwijzing (alleen bij afwijzen)</label>
            <select id="reden" name="reden"><option value="">— kies een reden —</option>{opties}</select></p>
            <p><label for="toelichting">Toelichting voor het dossier (optioneel)</label>
            <textarea id="toelichting" name="toelichting" maxlength="2000"></textarea></p>
            <p><button type="submit">Besluit vastleggen</button></p>
            </form>
            """);
        return Opmaak.Pagina(ctx, b, $"Verzoek {i.Referentie}", "/werkvoorraad", body, status);
    }

    /// <summary>The engine's review reasons: its lines "Beoordelen op HK-…: …" (the rest of the explanation is on the item's page).</summary>
    public static Html Waarom(string toelichting)
    {
        var redenen = toelichting.Split('\n').Where(r => r.StartsWith(Beoordelen, StringComparison.Ordinal)).Select(r => r[Beoordelen.Length..].Trim()).ToList();
        return redenen.Count == 0
            ? Html.H($"zie toelichting")
            : Html.Samen(redenen.Select(r => Html.H($"""<p class="reden">{r}</p>""")));
    }

    private const string Beoordelen = "Beoordelen op ";

    /// <summary>The answer deadline (HK-315-3) counted from the Dutch day of receipt, as the Termijnen page does.</summary>
    private static Html Uiterlijk(Backoffice b, Werkitem i)
    {
        if (b.Regels.OpDatum(b.Vandaag).Termijn(TermijnenBewaken.Antwoord) is not { } termijn)
        {
            return Html.H($"—");
        }

        var dag = TermijnenBewaken.Vervalt(termijn, Opmaak.Dag(i.Ontvangen), new Werkdagenkalender(b.Regels.ExtraVrijeDagen));
        return dag < b.Vandaag
            ? Html.H($"""<span class="status-te-laat">{dag} (te laat)</span>""")
            : Html.H($"{dag}");
    }

    public static string Soort(string berichtcode) => berichtcode switch
    {
        "JW315" => "Verzoek om toewijzing",
        "JW317" => "Verzoek om wijziging",
        _ => berichtcode,
    };
}
