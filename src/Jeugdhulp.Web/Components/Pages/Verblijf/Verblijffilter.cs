using System.Globalization;
using System.Text.Encodings.Web;
using Jeugdhulp.Store.Verblijf;
using Jeugdhulp.Web.Api;
using Microsoft.AspNetCore.Http;

namespace Jeugdhulp.Web.Components.Pages.Verblijf;

/// <summary>The overview's filters and page (kept in the URL, so a filtered list can be bookmarked). Unknown values are ignored, never an error.</summary>
/// <param name="Soort">alle, plaatsingen, consulten, meerzorg, moederkind or escalaties.</param>
/// <param name="AlleenOpen">Only what still asks something: an open deadline, no outcome or decision yet, a stay not ended.</param>
/// <param name="Route">A placement route word (empty: every route).</param>
/// <param name="Zoek">Part of a reference (empty: all).</param>
/// <param name="Pagina">The page of the one kind shown, from 1 ("alle" shows the first page of each kind).</param>
public sealed record Verblijffilter(string Soort, bool AlleenOpen, string Route, string Zoek, int Pagina = 1)
{
    /// <summary>Records a page; with "alle", of each kind.</summary>
    public const int PerPagina = 50;

    public static Verblijffilter Uit(IQueryCollection q)
    {
        ArgumentNullException.ThrowIfNull(q);
        var soort = q["soort"].ToString();
        var route = q["route"].ToString();
        var zoek = q["zoek"].ToString().Trim();
        var pagina = int.TryParse(q["pagina"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 100_000 ? p : 1;
        return new Verblijffilter(Verblijfvraag.Soorten.Contains(soort) ? soort : "alle", q["open"].ToString() == "ja",
            VerblijfApi.Routes.Any(r => r.Woord == route) ? route : "", zoek.Length <= 100 ? zoek : "", pagina);
    }

    public bool Toont(string soort) => Soort == "alle" || Soort == soort;

    /// <summary>The question for the store.</summary>
    public Verblijfvraag Vraag => new(Soort, AlleenOpen, VerblijfApi.Kies(VerblijfApi.Routes, Route), Zoek);

    /// <summary>The URL of these filters on page <paramref name="pagina"/>, of kind <paramref name="soort"/> (this one when null).</summary>
    public string Href(int pagina, string? soort = null)
    {
        var delen = new List<string>();
        if ((soort ?? Soort) is var s && s != "alle")
        {
            delen.Add("soort=" + s);
        }

        if (AlleenOpen)
        {
            delen.Add("open=ja");
        }

        if (Route.Length > 0)
        {
            delen.Add("route=" + UrlEncoder.Default.Encode(Route));
        }

        if (Zoek.Length > 0)
        {
            delen.Add("zoek=" + UrlEncoder.Default.Encode(Zoek));
        }

        if (pagina > 1)
        {
            delen.Add("pagina=" + pagina.ToString(CultureInfo.InvariantCulture));
        }

        return delen.Count == 0 ? "/verblijf" : "/verblijf?" + string.Join("&", delen);
    }
}
