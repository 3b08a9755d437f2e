using System.Globalization;
using System.Text.RegularExpressions;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Toewijzing;

/// <summary>
/// The regional convention for the referral date (HK-ROUTE-1): iJw 3.2 has no element for it, so a provider
/// in the medical route writes it in the product request's Commentaar as <c>verwijsdatum yyyy-mm-dd</c>
/// (case-insensitive; up to three characters such as ": " between word and date). One reading for the
/// pipeline, the deadline watch and the engine.
/// </summary>
public static partial class Verwijsdatum
{
    /// <summary>The error code of a Commentaar that names a verwijsdatum without a readable date.</summary>
    public const string Onleesbaar = "HK-ROUTE-1-VERWIJSDATUM";

    /// <summary>
    /// The referral date in <paramref name="commentaar"/>: null when the word <c>verwijsdatum</c> is not there;
    /// a failed result (code <see cref="Onleesbaar"/>) when it is there without a valid <c>yyyy-mm-dd</c> date.
    /// </summary>
    public static Resultaat<DateOnly?> UitCommentaar(string? commentaar)
    {
        if (commentaar is null || !commentaar.Contains("verwijsdatum", StringComparison.OrdinalIgnoreCase))
        {
            return Resultaat<DateOnly?>.Ok(null);
        }

        return Patroon().Match(commentaar) is { Success: true } m
            && DateOnly.TryParseExact(m.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var datum)
            ? Resultaat<DateOnly?>.Ok(datum)
            : Resultaat<DateOnly?>.Mislukt(Onleesbaar,
                "Het commentaar noemt een verwijsdatum, maar niet als 'verwijsdatum jjjj-mm-dd' met een bestaande datum.");
    }

    [GeneratedRegex(@"verwijsdatum\W{0,3}(\d{4}-\d{2}-\d{2})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Patroon();
}
