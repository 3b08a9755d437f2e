using System.Text.RegularExpressions;
using Microsoft.AspNetCore.HttpLogging;

namespace Jeugdhulp.Web.Api;

/// <summary>
/// Masks the access log's request line: any 8 or 9 digits in a row, also with dots, dashes, spaces or an encoded
/// space between them, is logged as <c>*********</c>. The API puts no BSN in an address, but a client may still
/// type one into a path or query (or call the removed GET /api/clienten/{bsn}); the log must not keep it.
/// 8-digit AGB codes are masked too: a cheap price for never having to tell them apart.
/// </summary>
internal sealed partial class Toegangslog : IHttpLoggingInterceptor
{
    /// <summary>The log category of ASP.NET Core's HTTP logging: the access log.</summary>
    public const string Categorie = "Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware";

    public const string Masker = "*********";

    public ValueTask OnRequestAsync(HttpLoggingInterceptorContext logContext)
    {
        ArgumentNullException.ThrowIfNull(logContext);
        var request = logContext.HttpContext.Request;
        if (logContext.TryDisable(HttpLoggingFields.RequestPath))
        {
            logContext.AddParameter(nameof(request.Path), Maskeer(request.PathBase.Add(request.Path).Value ?? ""));
        }

        if (logContext.TryDisable(HttpLoggingFields.RequestQuery))
        {
            logContext.AddParameter(nameof(request.QueryString), Maskeer(request.QueryString.Value ?? ""));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask OnResponseAsync(HttpLoggingInterceptorContext logContext) => ValueTask.CompletedTask;

    /// <summary>The digits masked, and control characters (a decoded %0A in a path) made visible, so no value forges a line.</summary>
    public static string Maskeer(string tekst) =>
        string.Concat(Cijferreeks().Replace(tekst, Masker).Select(c => Logwaarde.IsStuurteken(c) ? '?' : c));

    [GeneratedRegex(@"(?<!\d)\d(?:(?:[ .\-+_]|%20|%2[eEdD])?\d){7,8}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Cijferreeks();
}
