using System.Globalization;
using System.Text.Encodings.Web;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Termijnen;
using Microsoft.AspNetCore.Http;

namespace Jeugdhulp.Web.Components.Pages.Termijnen;

/// <summary>
/// The Termijnen page's choices as they travel in the URL (a GET form: a filtered list can be bookmarked, and
/// the export links carry the same filters). Unknown values are ignored, never an error.
/// </summary>
public sealed record Termijnenvraag(string? Datum, string? Regel, string? Wie, string? Aanbieder, string? Product, string? Vak, string? Zoek, int Pagina)
{
    public const int PerPagina = 50;

    /// <summary>The split's keys in the URL with their Dutch names.</summary>
    public static IReadOnlyList<(string Sleutel, string Naam, Termijnvak Vak)> Vakken { get; } =
    [
        ("telaat", "te laat", Termijnvak.TeLaat),
        ("vandaag", "vandaag", Termijnvak.Vandaag),
        ("week", "deze week", Termijnvak.DezeWeek),
        ("later", "later", Termijnvak.Later),
    ];

    public static Termijnenvraag Uit(IQueryCollection q)
    {
        ArgumentNullException.ThrowIfNull(q);
        string? Tekst(string naam) => q[naam].ToString().Trim() is { Length: > 0 and <= 100 } t ? t : null;
        var pagina = int.TryParse(q["pagina"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 100_000 ? p : 1;
        return new Termijnenvraag(Tekst("datum"), Tekst("regel"), Tekst("wie") is "gemeente" or "aanbieder" ? Tekst("wie") : null, Tekst("aanbieder"),
            Tekst("product"), Tekst("vak") is { } v && Vakken.Any(x => x.Sleutel == v) ? v : null, Tekst("zoek"), pagina);
    }

    /// <summary>The filter for Core: the choices as data.</summary>
    public Termijnenfilter Filter => new(Regel, Wie switch { "gemeente" => Partij.Gemeente, "aanbieder" => Partij.Aanbieder, _ => null },
        Aanbieder, Product, Vak is null ? null : (Termijnvak?)Vakken.First(x => x.Sleutel == Vak).Vak, Zoek);

    /// <summary>The URL of this question on page <paramref name="pagina"/>.</summary>
    public string Href(int pagina)
    {
        var delen = new List<string>();

        void Voeg(string naam, string? waarde)
        {
            if (waarde is { Length: > 0 })
            {
                delen.Add($"{naam}={UrlEncoder.Default.Encode(waarde)}");
            }
        }

        Voeg("datum", Datum);
        Voeg("regel", Regel);
        Voeg("wie", Wie);
        Voeg("aanbieder", Aanbieder);
        Voeg("product", Product);
        Voeg("vak", Vak);
        Voeg("zoek", Zoek);
        Voeg("pagina", pagina > 1 ? pagina.ToString(CultureInfo.InvariantCulture) : null);
        return delen.Count == 0 ? "/termijnen" : "/termijnen?" + string.Join("&", delen);
    }
}
