using System.Globalization;
using System.Text;

namespace Jeugdhulp.Web;

/// <summary>
/// A value a user typed, made fit for a log line. Two rules: a BSN never reaches a log in any spelling, and a
/// user cannot write a log line of their own. So control and format characters (line feeds, carriage returns,
/// U+2028, escape sequences, bidi overrides) are removed, and when the value holds 8 or more digits — a BSN
/// typed as 123456782, 123.456.782, 123 45 67 82 or with any other separators, or one digit off — every digit
/// is masked with '*'. Long values are cut to 100 characters.
/// </summary>
public static class Logwaarde
{
    private const int MaxLengte = 100;

    /// <summary>Eight: a BSN has nine digits, and a mistyped one with a digit too few must not leak either.</summary>
    private const int CijfersVoorMasker = 8;

    public static string Schoon(string? waarde)
    {
        if (string.IsNullOrEmpty(waarde))
        {
            return "";
        }

        var maskeer = waarde.Count(char.IsDigit) >= CijfersVoorMasker;
        var uit = new StringBuilder(Math.Min(waarde.Length, MaxLengte + 1));
        foreach (var c in waarde)
        {
            if (uit.Length == MaxLengte)
            {
                uit.Append('…');
                break;
            }

            if (IsStuurteken(c))
            {
                continue;
            }

            uit.Append(maskeer && char.IsDigit(c) ? '*' : c);
        }

        return uit.ToString();
    }

    /// <summary>A character that could break or disguise a log line (also used by the access log's masking).</summary>
    internal static bool IsStuurteken(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;
}
