using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace Jeugdhulp.Web.Components.Pages.Audit;

/// <summary>
/// The audit view's filters as they travel in the URL (a GET form). A client is never in the URL as a BSN:
/// the BSN is posted and comes back as <see cref="Client"/>, encrypted like the dossier links.
/// </summary>
public sealed record Auditvraag(string? Wie, DateOnly? Van, DateOnly? Tot, string? Client, int Pagina, string? OngeldigeDatum)
{
    public const int PerPagina = 50;

    public static Auditvraag Uit(IQueryCollection q)
    {
        ArgumentNullException.ThrowIfNull(q);
        string? ongeldig = null;
        DateOnly? Datum(string naam)
        {
            var tekst = q[naam].ToString().Trim();
            if (tekst.Length == 0)
            {
                return null;
            }

            if (DateOnly.TryParseExact(tekst, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return d;
            }

            ongeldig ??= tekst.Length <= 20 ? tekst : tekst[..20];
            return null;
        }

        var wie = q["wie"].ToString().Trim() is { Length: > 0 and <= 100 } w ? w : null;
        var pagina = int.TryParse(q["pagina"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 100_000 ? p : 1;
        var van = Datum("van");
        var tot = Datum("tot");
        return new Auditvraag(wie, van, tot, q["client"].ToString() is { Length: > 0 } c ? c : null, pagina, ongeldig);
    }

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

        Voeg("wie", Wie);
        Voeg("van", Van?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Voeg("tot", Tot?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Voeg("client", Client);
        Voeg("pagina", pagina > 1 ? pagina.ToString(CultureInfo.InvariantCulture) : null);
        return delen.Count == 0 ? "/audit" : "/audit?" + string.Join("&", delen);
    }
}
