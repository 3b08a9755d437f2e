using System.Text;
using System.Text.RegularExpressions;

namespace Jeugdhulp.Ijw.Schema;

/// <summary>
/// An xs:pattern facet. XSD patterns are implicitly anchored and their <c>.</c> and <c>\s</c> differ from
/// .NET's, so each pattern is translated once; the patterns that occur on nearly every value get a
/// hand-written check, which keeps a message check in the microsecond range.
/// </summary>
public sealed class Patroon
{
    private readonly Func<string, bool> past;

    private Patroon(string xsd, Func<string, bool> past)
    {
        Xsd = xsd;
        this.past = past;
    }

    /// <summary>The pattern as the XSD writes it.</summary>
    public string Xsd { get; }

    public bool Past(string waarde) => past(waarde);

    public static Patroon Maak(string xsd) => new(xsd, Snel(xsd) ?? MetRegex(xsd));

    /// <summary>The pattern checked by the translated regex only: tests hold every fast path against it.</summary>
    internal static Patroon AlleenRegex(string xsd) => new(xsd, MetRegex(xsd));

    /// <summary>True when a hand-written check replaces the regex for this pattern.</summary>
    internal static bool HeeftSnellePad(string xsd) => Snel(xsd) is not null;

    private static Func<string, bool>? Snel(string xsd)
    {
        if (xsd.Length > 0 && xsd.All(char.IsAsciiDigit))
        {
            return w => w == xsd;
        }

        var m = Regex.Match(xsd, @"^\[0-9\]\{(\d+)\}$");
        if (m.Success)
        {
            var n = int.Parse(m.Groups[1].Value);
            return w => w.Length == n && AlleenCijfers(w);
        }

        return xsd switch
        {
            "[0-9]*" => AlleenCijfers,
            // Not only whitespace, and no line break (XSD's '.' excludes \n and \r).
            ".*[^\\s].*" => w => w.AsSpan().IndexOfAny('\n', '\r') < 0 && w.AsSpan().IndexOfAnyExcept(" \t") >= 0,
            "[^:Z]*" => w => w.AsSpan().IndexOfAny(':', 'Z') < 0,
            "[^Z+-]+" => w => w.Length > 0 && w.AsSpan().IndexOfAny("Z+-") < 0,
            // Every character is either \S or XSD whitespace, so this says: at least one non-whitespace character.
            "([.\\s]*\\S+[.\\s]*)+" => w => w.AsSpan().IndexOfAnyExcept(" \t\n\r") >= 0,
            "([a-zA-Z0-9])+" => w => w.Length > 0 && !w.AsSpan().ContainsAnyExcept(AsciiLettersEnCijfers),
            "([a-zA-ZÀ-ỳ])+" => w => w.Length > 0 && w.All(c => char.IsAsciiLetter(c) || c is >= 'À' and <= 'ỳ'),
            "(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)" => IsVersie,
            _ => null,
        };
    }

    private static readonly System.Buffers.SearchValues<char> AsciiLettersEnCijfers =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    /// <summary>n.n.n with numbers without leading zeros.</summary>
    private static bool IsVersie(string w)
    {
        var delen = 0;
        var start = 0;
        for (var i = 0; i <= w.Length; i++)
        {
            if (i < w.Length && w[i] != '.')
            {
                if (!char.IsAsciiDigit(w[i]))
                {
                    return false;
                }

                continue;
            }

            var lengte = i - start;
            if (lengte == 0 || (lengte > 1 && w[start] == '0'))
            {
                return false;
            }

            delen++;
            start = i + 1;
        }

        return delen == 3;
    }

    private static bool AlleenCijfers(string w)
    {
        foreach (var c in w)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static Func<string, bool> MetRegex(string xsd)
    {
        var regex = new Regex("^(?:" + Vertaal(xsd) + ")\\z", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        return regex.IsMatch;
    }

    /// <summary>Translates XSD regex syntax to .NET: XSD whitespace is exactly space, tab, CR and LF.</summary>
    internal static string Vertaal(string xsd)
    {
        var sb = new StringBuilder();
        var inKlasse = false;
        for (var i = 0; i < xsd.Length; i++)
        {
            var c = xsd[i];
            if (c == '\\' && i + 1 < xsd.Length)
            {
                var n = xsd[++i];
                sb.Append(n switch
                {
                    's' => inKlasse ? " \\t\\n\\r" : "[ \\t\\n\\r]",
                    'S' => inKlasse ? "\\S" : "[^ \\t\\n\\r]",
                    _ => "\\" + n,
                });
                continue;
            }

            if (c == '[')
            {
                inKlasse = true;
            }
            else if (c == ']')
            {
                inKlasse = false;
            }
            else if (c == '.' && !inKlasse)
            {
                sb.Append("[^\\n\\r]");
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
