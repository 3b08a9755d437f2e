using Jeugdhulp.Ijw.Lezen;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Jeugdhulp.Web.Api;

/// <summary>Reads an iJw XML request body: the content type must be XML, the size within the limit.</summary>
internal static class Berichtbody
{
    /// <summary>
    /// The body bytes, or the refusal to answer with. Above the configured limit (<see cref="Webopties.MaxBericht"/>,
    /// OP179's 25 MB by default) the body is refused with 413 before it is read, or as soon as a body without
    /// Content-Length passes it, so it is never held whole.
    /// </summary>
    public static async Task<(byte[]? Inhoud, IResult? Weigering)> Lees(HttpRequest request, CancellationToken ct)
    {
        if (!IsXml(request.ContentType))
        {
            return (null, Problemen.Maak(StatusCodes.Status415UnsupportedMediaType, "Verkeerd inhoudstype",
                $"Stuur het iJw-bericht als XML (Content-Type: application/xml of text/xml), niet als '{request.ContentType ?? "(geen)"}'."));
        }

        var max = request.HttpContext.RequestServices.GetRequiredService<Backoffice>().Opties.MaxBericht;
        if (request.ContentLength > max)
        {
            return (null, TeGroot(request.ContentLength.Value, max));
        }

        // Kestrel's own bound (30 MB unless set) follows the configured one, which may be larger or smaller.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } grens)
        {
            grens.MaxRequestBodySize = max;
        }

        using var buffer = new MemoryStream(request.ContentLength is { } n ? (int)n : 16 * 1024);
        var blok = new byte[81920];
        try
        {
            int gelezen;
            while ((gelezen = await request.Body.ReadAsync(blok, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + gelezen > max)
                {
                    return (null, TeGroot(buffer.Length + gelezen, max));
                }

                buffer.Write(blok, 0, gelezen);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's limit on a body without Content-Length.
            return (null, TeGroot(max + 1, max));
        }

        if (buffer.Length == 0)
        {
            return (null, Problemen.OngeldigeInvoer("Het verzoek heeft geen inhoud; stuur één iJw-bericht als XML.",
                new Dictionary<string, object?> { ["reasons"] = new[] { $"{Foutcodes.GeenXml}: Het verzoek heeft geen inhoud." } }));
        }

        return (buffer.ToArray(), null);
    }

    /// <summary>413 with the reader's coded reason (<c>GROOTTE</c>), in the same <c>reasons</c> list a 400 carries.</summary>
    private static IResult TeGroot(long bytes, long max)
    {
        var fout = Berichtgrootte.Controleer(bytes, max)!;
        return Problemen.Maak(StatusCodes.Status413PayloadTooLarge, "Bericht te groot", fout.Melding,
            new Dictionary<string, object?> { ["reasons"] = new[] { fout.ToString() } });
    }

    private static bool IsXml(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var m)
        && (m.MediaType.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
            || m.MediaType.Equals("text/xml", StringComparison.OrdinalIgnoreCase)
            || m.MediaType.Value?.EndsWith("+xml", StringComparison.OrdinalIgnoreCase) == true);
}
