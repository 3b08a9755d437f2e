using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jeugdhulp.Web.Api;

/// <summary>
/// Reads a JSON request body. Not parameter binding: a bad body then gets a bare 400 from the framework before the
/// endpoint runs; here it gets ProblemDetails in Dutch that show the expected shape.
/// </summary>
internal static class Jsonbody
{
    /// <summary>The body, or the refusal naming <paramref name="vorm"/> (the expected JSON, as an example).</summary>
    public static async Task<(T? Waarde, ProblemHttpResult? Weigering)> Lees<T>(HttpRequest request, string vorm, CancellationToken ct)
        where T : class
    {
        try
        {
            var waarde = await request.ReadFromJsonAsync<T>(ct).ConfigureAwait(false);
            return waarde is null ? (null, Weigering(vorm)) : (waarde, null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or BadHttpRequestException)
        {
            return (null, Weigering(vorm));
        }
    }

    private static ProblemHttpResult Weigering(string vorm) =>
        Problemen.OngeldigeInvoer($"De body is geen JSON-object {vorm} (Content-Type: application/json).");
}
