using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Jeugdhulp.Web.Api;

/// <summary>Reads an iJw XML request body: the content type must be XML, the size within the limit.</summary>
internal static class Berichtbody
{
    /// <summary>
    /// 50 MB: a JW323 of a large provider carries thousands of declaration lines. Above this the body is refused
    /// with 413 before it is read.
    /// </summary>
    public const long MaxBytes = 50L * 1024 * 1024;

    /// <summary>The body bytes, or the refusal to answer with.</summary>
    public static async Task<(byte[]? Inhoud, ProblemHttpResult? Weigering)> Lees(HttpRequest request, CancellationToken ct)
    {
        if (!IsXml(request.ContentType))
        {
            return (null, Problemen.Maak(StatusCodes.Status415UnsupportedMediaType, "Verkeerd inhoudstype",
                $"Stuur het iJw-bericht als XML (Content-Type: application/xml of text/xml), niet als '{request.ContentType ?? "(geen)"}'."));
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, TeGroot());
        }

        using var buffer = new MemoryStream(request.ContentLength is { } n ? (int)n : 16 * 1024);
        var blok = new byte[81920];
        try
        {
            int gelezen;
            while ((gelezen = await request.Body.ReadAsync(blok, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + gelezen > MaxBytes)
                {
                    return (null, TeGroot());
                }

                buffer.Write(blok, 0, gelezen);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's own limit (the endpoint's RequestSizeLimit) on a body without Content-Length.
            return (null, TeGroot());
        }

        if (buffer.Length == 0)
        {
            return (null, Problemen.OngeldigeInvoer("Het verzoek heeft geen inhoud; stuur één iJw-bericht als XML."));
        }

        return (buffer.ToArray(), null);
    }

    private static ProblemHttpResult TeGroot() => Problemen.Maak(StatusCodes.Status413PayloadTooLarge, "Bericht te groot",
        $"Een bericht mag hoogstens {MaxBytes / (1024 * 1024)} MB zijn; splits een grote declaratie over meer JW323-berichten.");

    private static bool IsXml(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var m)
        && (m.MediaType.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
            || m.MediaType.Equals("text/xml", StringComparison.OrdinalIgnoreCase)
            || m.MediaType.Value?.EndsWith("+xml", StringComparison.OrdinalIgnoreCase) == true);
}
