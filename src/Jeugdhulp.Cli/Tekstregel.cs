using System.Globalization;
using System.Text;

namespace Jeugdhulp.Cli;

/// <summary>
/// One report line stays one line: a reason quotes values from the message, and a value may hold a line feed
/// or another control character (a mutated message does). Shown escaped (<c>\n</c>, <c>\u0001</c>), so a
/// line never splits and a message cannot forge a line of its own in the output.
/// </summary>
internal static class Tekstregel
{
    public static string Enkel(string tekst)
    {
        ArgumentNullException.ThrowIfNull(tekst);
        if (!tekst.AsSpan().ContainsAnyInRange('\0', '\u001f') && !tekst.Contains('\u007f', StringComparison.Ordinal)
            && !tekst.Contains('\u2028', StringComparison.Ordinal) && !tekst.Contains('\u2029', StringComparison.Ordinal) && !tekst.Contains('\u0085', StringComparison.Ordinal))
        {
            return tekst;
        }

        var sb = new StringBuilder(tekst.Length + 8);
        foreach (var c in tekst)
        {
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }
}
