using System.Globalization;
using Jeugdhulp.Core.Teksten;
using Jeugdhulp.Core.Tijd;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Jeugdhulp.Web.Schermen;

/// <summary>The page frame (header, menu, skip link), the stylesheet and the Dutch wording of codes.</summary>
internal static class Opmaak
{
    public const string FormulierVeld = "__formulier";

    private static readonly (string Pad, string Naam)[] Menu =
    [
        ("/werkvoorraad", "Werkvoorraad"),
        ("/clienten", "Cliënten"),
        ("/termijnen", "Termijnen"),
        ("/declaraties", "Declaraties"),
        ("/regels", "Regels"),
        ("/grafieken", "Grafieken"),
    ];

    public static IResult Pagina(HttpContext ctx, Backoffice b, string titel, string? actief, Html inhoud, int status = StatusCodes.Status200OK)
    {
        var ingelogd = ctx.User.Identity?.IsAuthenticated == true ? ctx.Medewerker() : null;
        var kop = Html.Leeg;
        if (ingelogd is not null)
        {
            var items = Menu.Select(m => Html.H($"""<li><a href="{m.Pad}"{(m.Pad == actief ? Html.Vertrouwd(" aria-current=\"page\"") : Html.Leeg)}>{m.Naam}</a></li>"""));
            kop = Html.H($"""
                <nav aria-label="Hoofdmenu"><ul>{items}</ul></nav>
                <form method="post" action="/uitloggen" class="uitloggen">{Formuliertoken(ctx)}
                <span>{ingelogd.Gebruiker} · gemeente {Gemeentenaam(b, ingelogd.Gemeente)}</span>
                <button type="submit">Uitloggen</button></form>
                """);
        }

        var html = Html.H($"""
            <!doctype html>
            <html lang="nl">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{titel} · Jeugdhulp</title>
            <link rel="stylesheet" href="/stijl.css">
            </head>
            <body>
            <a class="overslaan" href="#inhoud">Naar de inhoud</a>
            <header><div class="merk">Jeugdhulp <small>Regio Flevoland · verwerkingsdatum {b.Vandaag}</small></div>{kop}</header>
            <main id="inhoud" tabindex="-1">
            {inhoud}
            </main>
            </body>
            </html>
            """);
        return Results.Content(html.Waarde, "text/html; charset=utf-8", null, status);
    }

    public static IResult NietGevonden(HttpContext ctx, Backoffice b, string wat) =>
        Pagina(ctx, b, "Niet gevonden", null, Html.H($"""
            <h1>Niet gevonden</h1>
            <p>{wat} bestaat niet of hoort niet bij uw gemeente.</p>
            <p><a href="/werkvoorraad">Terug naar de werkvoorraad</a></p>
            """), StatusCodes.Status404NotFound);

    public static Html Formuliertoken(HttpContext ctx)
    {
        var tokens = ctx.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(ctx);
        return Html.H($"""<input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}">""");
    }

    public static string Gemeentenaam(Backoffice b, Gemeentecode code) =>
        b.Regels.OpDatum(b.Vandaag).Gemeente(code)?.Naam ?? code.Waarde;

    public static string Productnaam(Backoffice b, string? code) =>
        code is null ? "—"
        : ProductCode.Parse(code).TryGet(out var p) && b.Regels.OpDatum(b.Vandaag).Product(p) is { } product ? $"{code} {product.Naam}"
        : code;

    public static string Periode(DateOnly? van, DateOnly? tot) => $"{Html.Datum(van)} t/m {(tot is null ? "open" : Html.Datum(tot))}";

    public static string Omvang(Omvang? o) => o is null ? "—" : $"{o.Volume.ToString("N0", Nl)} {Eenheid(o.Eenheid, o.Volume)} {Frequentie(o.Frequentie)}";

    public static string Eenheid(string code, long aantal = 2) => Tekst.Eenheid(code, aantal);

    public static string Frequentie(string code) => Tekst.Frequentie(code);

    /// <summary>The Dutch calendar day of a stored UTC moment (a message at 23:30 UTC in summer arrived the next day).</summary>
    public static DateOnly Dag(DateTimeOffset t) => Bedrijfstijd.Dag(t);

    public static string Tijdstip(DateTimeOffset t) => Bedrijfstijd.Van(t).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Euro(long cent) => (cent / 100m).ToString("C2", Nl);

    public static string Getal(long n) => n.ToString("N0", Nl);

    public static CultureInfo Nl { get; } = MaakNl();

    /// <summary>Rule ids as a list of small tags.</summary>
    public static Html Regels(string regels) => Html.Samen(regels.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(r => Html.H($"""<span class="regel">{r}</span> """)));

    // The build uses invariant globalization (no ICU): Dutch number and money formats are set by hand.
    private static CultureInfo MaakNl()
    {
        var c = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        c.NumberFormat.NumberDecimalSeparator = ",";
        c.NumberFormat.NumberGroupSeparator = ".";
        c.NumberFormat.CurrencyDecimalSeparator = ",";
        c.NumberFormat.CurrencyGroupSeparator = ".";
        c.NumberFormat.CurrencySymbol = "€";
        c.NumberFormat.CurrencyPositivePattern = 2;
        c.NumberFormat.CurrencyNegativePattern = 12;
        return CultureInfo.ReadOnly(c);
    }

    public const string Css = """
        :root { --blauw: #154273; --licht: #e8eef5; --rood: #a4000f; --groen: #276221; --rand: #b5c2d0; font-family: system-ui, sans-serif; }
        * { box-sizing: border-box; }
        body { margin: 0; color: #1b1b1b; background: #fff; line-height: 1.45; }
        header { background: var(--blauw); color: #fff; padding: .5rem 1.5rem; display: flex; flex-wrap: wrap; gap: .5rem 2rem; align-items: center; }
        header .merk { font-weight: 700; font-size: 1.15rem; }
        header .merk small { font-weight: 400; font-size: .85rem; opacity: .9; margin-left: .5rem; }
        header nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem; margin: 0; padding: 0; }
        header nav a { color: #fff; padding: .35rem .6rem; border-radius: 3px; display: inline-block; }
        header nav a[aria-current=page] { background: #fff; color: var(--blauw); font-weight: 600; }
        header .uitloggen { margin-left: auto; display: flex; gap: .75rem; align-items: center; font-size: .9rem; }
        header .uitloggen button { background: transparent; color: #fff; border: 1px solid #fff; }
        main { padding: 1rem 1.5rem 3rem; max-width: 78rem; }
        main:focus { outline: none; }
        h1 { font-size: 1.6rem; margin: .5rem 0 1rem; color: var(--blauw); }
        h2 { font-size: 1.2rem; margin: 1.75rem 0 .5rem; color: var(--blauw); }
        a { color: var(--blauw); }
        :focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
        .overslaan { position: absolute; left: -999px; top: 0; background: #ffbf47; color: #000; padding: .5rem 1rem; }
        .overslaan:focus { left: 0; z-index: 10; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95rem; }
        caption { text-align: left; font-weight: 600; padding: .25rem 0; }
        th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid var(--rand); vertical-align: top; }
        th { background: var(--licht); }
        td.getal, th.getal { text-align: right; font-variant-numeric: tabular-nums; }
        tr.te-laat td { background: #fbe9ea; }
        .status-te-laat { color: var(--rood); font-weight: 700; }
        .status-op-tijd { color: var(--groen); }
        .regel { display: inline-block; font-family: ui-monospace, monospace; font-size: .85rem; background: var(--licht); border: 1px solid var(--rand); border-radius: 3px; padding: 0 .3rem; margin: 0 .15rem .15rem 0; }
        .toelichting { white-space: pre-line; background: #f6f6f6; border-left: 4px solid var(--blauw); padding: .75rem 1rem; }
        dl.gegevens { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1.5rem; }
        dl.gegevens dt { font-weight: 600; }
        dl.gegevens dd { margin: 0; }
        form p { margin: .75rem 0; }
        label { display: block; font-weight: 600; margin-bottom: .2rem; }
        fieldset { border: 1px solid var(--rand); padding: .75rem 1rem; margin: 1rem 0; }
        legend { font-weight: 600; padding: 0 .3rem; }
        fieldset label { display: inline; font-weight: 400; margin-right: 1.25rem; }
        input, select, textarea, button { font: inherit; }
        input[type=text], input:not([type]), input[type=password], input[type=date], input[type=number], select, textarea { border: 2px solid #555; padding: .35rem .5rem; min-width: 16rem; max-width: 100%; }
        textarea { width: 40rem; min-height: 5rem; }
        button { background: var(--blauw); color: #fff; border: 2px solid var(--blauw); padding: .4rem 1rem; border-radius: 3px; cursor: pointer; }
        p.reden { margin: 0 0 .3rem; }
        .fout { color: var(--rood); font-weight: 600; }
        .melding { background: #e6f2e4; border-left: 4px solid var(--groen); padding: .75rem 1rem; }
        .leeg { color: #555; font-style: italic; }
        .inloggen { max-width: 28rem; }
        .zoeken { display: flex; gap: .75rem; align-items: end; flex-wrap: wrap; }
        .zoeken p { margin: 0; }
        figure { margin: 1rem 0 2rem; }
        figcaption { font-weight: 600; margin-bottom: .25rem; }
        svg text { font: 12px system-ui, sans-serif; fill: #1b1b1b; }
        .legenda span { display: inline-block; margin-right: 1rem; }
        .legenda .vak { width: .9rem; height: .9rem; display: inline-block; vertical-align: middle; margin-right: .3rem; }
        .vak.toegewezen { background: #8fb3d9; }
        .vak.gedeclareerd { background: #154273; }
        @media (max-width: 40rem) { main { padding: 1rem; } dl.gegevens { grid-template-columns: 1fr; } }
        """;
}
