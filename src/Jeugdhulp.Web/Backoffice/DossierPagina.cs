using System.Security.Cryptography;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Backoffice;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace Jeugdhulp.Web.Schermen;

/// <summary>
/// Cliënten and the client dossier: a timeline of requests, decisions, allocations, starts and stops,
/// declarations and no-shows. A BSN never appears in a URL (URLs end up in logs): the dossier link carries
/// the BSN encrypted with the app's data-protection key, and the search form posts the BSN.
/// </summary>
internal static class DossierPagina
{
    private const string Doel = "Jeugdhulp.Dossier.v1";
    private const int MaxClienten = 500;

    public static string Sleutel(IDataProtectionProvider dp, Bsn client) => dp.CreateProtector(Doel).Protect(client.Waarde);

    public static IResult Lijst(HttpContext ctx, Backoffice b, IDataProtectionProvider dp) => ToonLijst(ctx, b, dp, null, StatusCodes.Status200OK);

    public static async Task<IResult> Zoek(HttpContext ctx, Backoffice b, IDataProtectionProvider dp)
    {
        var form = await BackofficeWebapp.LeesFormulier(ctx);
        if (form is null)
        {
            return ToonLijst(ctx, b, dp, "Het formulier was verlopen. Probeer het opnieuw.", StatusCodes.Status400BadRequest);
        }

        var tekst = form["bsn"].ToString().Trim().Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        return Bsn.Parse(tekst).TryGet(out var bsn)
            ? Results.Redirect("/dossier/" + Sleutel(dp, bsn))
            : ToonLijst(ctx, b, dp, "Dit is geen geldig BSN (9 cijfers die voldoen aan de elfproef).", StatusCodes.Status422UnprocessableEntity);
    }

    public static IResult Dossier(HttpContext ctx, Backoffice b, IDataProtectionProvider dp, string sleutel)
    {
        string bsnTekst;
        try
        {
            bsnTekst = dp.CreateProtector(Doel).Unprotect(sleutel);
        }
        catch (CryptographicException)
        {
            return Opmaak.NietGevonden(ctx, b, "Dit dossier");
        }

        var m = ctx.Medewerker();
        var d = Bsn.Parse(bsnTekst).TryGet(out var bsn) ? b.Store.BekijkDossier(m.Gebruiker, m.Gemeente, bsn) : null;
        if (d is null)
        {
            return Opmaak.NietGevonden(ctx, b, "Dit dossier");
        }

        var naam = d.Achternaam is null ? "Naam onbekend" : string.Join(" ", new[] { d.Voornamen, d.Voorvoegsel, d.Achternaam }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var lopend = d.Toewijzingen.Where(t => t.Actueel).ToList();
        var toewijzingen = lopend.Count == 0
            ? Html.H($"""<p class="leeg">Geen toewijzingen.</p>""")
            : Html.H($"""
                <table><thead><tr><th scope="col">Nummer</th><th scope="col">Product</th><th scope="col">Aanbieder</th><th scope="col">Periode</th><th scope="col">Omvang</th><th scope="col">Start (JW305)</th><th scope="col">Stop (JW307)</th></tr></thead>
                <tbody>{lopend.Select(t => Html.H($"""
                    <tr><td>{t.Nummer}</td><td>{Opmaak.Productnaam(b, t.Productcode)}</td><td>{t.Aanbieder}</td><td>{Opmaak.Periode(t.Ingangsdatum, t.Einddatum)}</td>
                    <td>{Opmaak.Omvang(t.Omvang)}</td><td>{StartStop(d, t.Nummer, "start")}</td><td>{StartStop(d, t.Nummer, "stop")}</td></tr>
                    """))}</tbody></table>
                """);
        var regels = Tijdlijn(b, d).OrderBy(g => g.Datum).ThenBy(g => g.Volgorde).Select(g => Html.H($"""
            <tr><td>{g.Datum}</td><td>{g.Soort}</td><td>{g.Omschrijving}</td></tr>
            """)).ToList();
        var body = Html.H($"""
            <p><a href="/clienten">← Cliënten</a></p>
            <h1>Dossier {naam}</h1>
            <dl class="gegevens">
            <dt>BSN</dt><dd>{d.Client.Waarde}</dd>
            <dt>Geboortedatum</dt><dd>{Html.Datum(d.Geboortedatum)}</dd>
            <dt>Inwoner</dt><dd>{(d.EigenInwoner ? $"ja, van gemeente {Opmaak.Gemeentenaam(b, m.Gemeente)}" : "niet in de inwonersregistratie van uw gemeente")}</dd>
            <dt>Huishouden</dt><dd>{d.Huishouden ?? "—"}</dd>
            </dl>
            <h2>Lopende toewijzingen</h2>
            {toewijzingen}
            <h2>Tijdlijn</h2>
            {(regels.Count == 0 ? Html.H($"""<p class="leeg">Nog geen berichten over deze cliënt.</p>""") : Html.H($"""
                <table><thead><tr><th scope="col">Datum</th><th scope="col">Gebeurtenis</th><th scope="col">Details</th></tr></thead>
                <tbody>{regels}</tbody></table>
                """))}
            <p class="leeg">Dit bekijken is vastgelegd in het auditlog op uw naam.</p>
            """);
        return Opmaak.Pagina(ctx, b, $"Dossier {naam}", "/clienten", body);
    }

    private sealed record Gebeurtenis(DateOnly Datum, int Volgorde, string Soort, Html Omschrijving);

    private static IEnumerable<Gebeurtenis> Tijdlijn(Backoffice b, Clientdossier d)
    {
        foreach (var v in d.Verzoeken)
        {
            var besluit = v.Status == "review"
                ? Html.H($"""<strong>wacht op besluit</strong> · <a href="/werkvoorraad/{v.Id}">naar de werkvoorraad</a>""")
                : Html.H($"""besluit: <strong>{Uitkomst(v.Uitkomst)}</strong>{(v.Reden is { } r ? $" (reden {r})" : "")}{(v.BeslotenDoor is { } door ? $" door {door}" : " automatisch")}""");
            yield return new Gebeurtenis(Dag(v.Ontvangen), 0, $"{WerkvoorraadPagina.Soort(v.Berichtcode)} ({v.Berichtcode})", Html.H($"""
                {v.Referentie} van aanbieder {v.Aanbieder}: {Opmaak.Productnaam(b, v.Productcode)}, {Opmaak.Periode(v.Ingangsdatum, v.Einddatum)}, {Opmaak.Omvang(v.Omvang)}<br>
                {besluit}<br>gecontroleerd: {Opmaak.Regels(v.Regels)}
                """));
        }

        foreach (var t in d.Toewijzingen)
        {
            var soort = t.RedenWijziging is null ? "Toewijzing (JW301)" : "Gewijzigde toewijzing (JW301)";
            yield return new Gebeurtenis(t.Toewijzingsdatum, 1, soort, Html.H($"""
                nummer {t.Nummer}: {Opmaak.Productnaam(b, t.Productcode)} bij {t.Aanbieder}, {Opmaak.Periode(t.Ingangsdatum, t.Einddatum)}, {Opmaak.Omvang(t.Omvang)}{(t.RedenWijziging is { } rw ? $" · reden wijziging {rw}" : "")}{(t.Actueel ? "" : " · vervangen door een nieuwere versie")}
                """));
        }

        foreach (var s in d.StartStop)
        {
            yield return s.Soort == "start"
                ? new Gebeurtenis(s.Begindatum, 2, "Start zorg (JW305)", Html.H($"""toewijzing {s.Nummer} gestart op {s.Begindatum}{(s.Actief ? "" : " · ingetrokken")}"""))
                : new Gebeurtenis(s.Einddatum ?? s.Begindatum, 3, "Stop zorg (JW307)", Html.H($"""toewijzing {s.Nummer} beëindigd op {Html.Datum(s.Einddatum)}{(s.RedenBeeindiging is { } r ? $", reden {r}" : "")}{(s.Actief ? "" : " · ingetrokken")}"""));
        }

        foreach (var l in d.Declaraties)
        {
            var uitkomst = !l.Beantwoord ? Html.H($"nog niet beantwoord")
                : l.Afgewezen ? Html.H($"""<strong class="status-te-laat">afgewezen</strong>: {DeclaratiesPagina.Codes(l.RetourCodes)}""")
                : Html.H($"goedgekeurd");
            yield return new Gebeurtenis(Dag(l.Ontvangen), 4, "Declaratie (JW323)", Html.H($"""
                {l.DeclaratieNummer} van {l.Aanbieder}: toewijzing {l.ToewijzingNummer}, {Opmaak.Productnaam(b, l.Productcode)}, {Opmaak.Periode(l.Begindatum, l.Einddatum)}, {Opmaak.Getal(l.Volume)} {Opmaak.Eenheid(l.Eenheid, l.Volume)}, {Opmaak.Euro(l.BedragCent)} · {uitkomst}
                """));
        }

        foreach (var n in d.NoShows)
        {
            yield return new Gebeurtenis(n.Datum, 5, "No-show", Html.H($"""{n.Volgnummer}e no-show dit jaar bij toewijzing {n.ToewijzingNummer} ({n.Aanbieder})"""));
        }
    }

    private static string StartStop(Clientdossier d, long nummer, string soort) =>
        d.StartStop.LastOrDefault(s => s.Nummer == nummer && s.Soort == soort && s.Actief) is { } s
            ? Html.Datum(soort == "start" ? s.Begindatum : s.Einddatum)
            : "—";

    private static string Uitkomst(string uitkomst) => uitkomst switch
    {
        "approved" => "toegekend",
        "rejected" => "afgewezen",
        _ => uitkomst,
    };

    private static DateOnly Dag(DateTimeOffset t) => Opmaak.Dag(t);

    private static IResult ToonLijst(HttpContext ctx, Backoffice b, IDataProtectionProvider dp, string? fout, int status)
    {
        var m = ctx.Medewerker();
        var clienten = b.Store.LeesClienten(m.Gemeente, MaxClienten);
        var melding = fout is null ? Html.Leeg : Html.H($"""<p class="fout" role="alert" id="zoekfout">{fout}</p>""");
        var rijen = clienten.Select(c => Html.H($"""
            <tr><td><a href="/dossier/{Sleutel(dp, c.Client)}">{c.Achternaam}{(c.Voornamen is { } v ? ", " + v : "")}</a></td><td>{c.Client.Gemaskeerd}</td>
            <td class="getal">{c.LopendeToewijzingen}</td><td class="getal">{c.InBeoordeling}</td></tr>
            """));
        var body = Html.H($"""
            <h1>Cliënten</h1>
            <form method="post" action="/clienten" class="zoeken">
            {Opmaak.Formuliertoken(ctx)}
            <p><label for="bsn">Zoek een dossier op BSN</label>
            <input id="bsn" name="bsn" inputmode="numeric" autocomplete="off" maxlength="11" required{(fout is null ? Html.Leeg : Html.Vertrouwd(" aria-describedby=\"zoekfout\""))}></p>
            <p><button type="submit">Dossier openen</button></p>
            </form>
            {melding}
            {(clienten.Count == 0 ? Html.H($"""<p class="leeg">Nog geen cliënten met een verzoek bij uw gemeente.</p>""") : Html.H($"""
                <table><caption>Cliënten met een verzoek bij gemeente {Opmaak.Gemeentenaam(b, m.Gemeente)}{(clienten.Count == MaxClienten ? $" (de eerste {MaxClienten}; zoek op BSN voor de anderen)" : "")}</caption>
                <thead><tr><th scope="col">Naam</th><th scope="col">BSN</th><th scope="col" class="getal">Lopende toewijzingen</th><th scope="col" class="getal">Wacht op besluit</th></tr></thead>
                <tbody>{rijen}</tbody></table>
                """))}
            """);
        return Opmaak.Pagina(ctx, b, "Cliënten", "/clienten", body, status);
    }
}
