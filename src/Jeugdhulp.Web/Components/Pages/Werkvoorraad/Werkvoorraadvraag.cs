using System.Globalization;
using System.Text.Encodings.Web;
using Jeugdhulp.Store.Backoffice;
using Microsoft.AspNetCore.Http;

namespace Jeugdhulp.Web.Components.Pages.Werkvoorraad;

/// <summary>
/// The queue's filters as they travel in the URL (a GET form: a filtered list can be bookmarked). The BSN
/// never does: a BSN search is posted and comes back as <see cref="Client"/>, the BSN encrypted.
/// </summary>
public sealed record Werkvoorraadvraag(
    string? Soort, string? Product, string? Aanbieder, string? Regel, bool TeLaat, string? Behandelaar, string? Zoek, string? Client,
    string Sorteer, bool Aflopend, int Pagina)
{
    public const int PerPagina = 25;

    /// <summary>The sort keys offered, with their Dutch names.</summary>
    public static IReadOnlyList<(string Sleutel, string Naam, Werkvoorraadvolgorde Volgorde)> Sorteringen { get; } =
    [
        ("ontvangen", "Ontvangen", Werkvoorraadvolgorde.Ontvangen),
        ("referentie", "Referentie", Werkvoorraadvolgorde.Referentie),
        ("aanbieder", "Aanbieder", Werkvoorraadvolgorde.Aanbieder),
        ("product", "Product", Werkvoorraadvolgorde.Product),
        ("naam", "Naam cliënt", Werkvoorraadvolgorde.Naam),
    ];

    public static Werkvoorraadvraag Uit(IQueryCollection q)
    {
        ArgumentNullException.ThrowIfNull(q);
        string? Tekst(string naam) => q[naam].ToString().Trim() is { Length: > 0 and <= 100 } t ? t : null;
        var sorteer = Tekst("sorteer") is { } s && Sorteringen.Any(x => x.Sleutel == s) ? s : "ontvangen";
        var pagina = int.TryParse(q["pagina"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 100_000 ? p : 1;
        return new Werkvoorraadvraag(Tekst("soort"), Tekst("product"), Tekst("aanbieder"), Tekst("regel"), q["telaat"] == "1",
            Tekst("behandelaar"), Tekst("zoek"), q["client"].ToString() is { Length: > 0 } c ? c : null, sorteer, q["richting"] == "af", pagina);
    }

    public Werkvoorraadvolgorde Volgorde => Sorteringen.First(x => x.Sleutel == Sorteer).Volgorde;

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

        Voeg("soort", Soort);
        Voeg("product", Product);
        Voeg("aanbieder", Aanbieder);
        Voeg("regel", Regel);
        Voeg("telaat", TeLaat ? "1" : null);
        Voeg("behandelaar", Behandelaar);
        Voeg("zoek", Zoek);
        Voeg("client", Client);
        Voeg("sorteer", Sorteer == "ontvangen" ? null : Sorteer);
        Voeg("richting", Aflopend ? "af" : null);
        Voeg("pagina", pagina > 1 ? pagina.ToString(CultureInfo.InvariantCulture) : null);
        return delen.Count == 0 ? "/werkvoorraad" : "/werkvoorraad?" + string.Join("&", delen);
    }
}
