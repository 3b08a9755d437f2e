using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;

namespace Jeugdhulp.Web.Schermen;

/// <summary>
/// A piece of HTML that is safe to write as is. Built only with <see cref="H"/>: the literal parts of the
/// interpolated string are the page's markup, every hole is HTML-encoded unless it is itself an
/// <see cref="Html"/> (or a list of them). So forgetting to encode a value is not possible.
/// </summary>
public readonly struct Html
{
    // Encodes markup characters and quotes only; Dutch letters (ë, é, –) stay readable in the source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private Html(string waarde) => Waarde = waarde;

    public string Waarde { get; }

    public static Html Leeg { get; } = new("");

    public static Html H([InterpolatedStringHandlerArgument] ref Bouwer bouwer) => new(bouwer.Klaar());

    /// <summary>Markup the program itself wrote (a constant), never data.</summary>
    internal static Html Vertrouwd(string markup) => new(markup);

    public static Html Samen(IEnumerable<Html> delen) => new(string.Concat(delen.Select(d => d.Waarde)));

    public override string ToString() => Waarde;

    /// <summary>Dutch date display: 05-03-2027.</summary>
    public static string Datum(DateOnly d) => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    public static string Datum(DateOnly? d) => d is { } x ? Datum(x) : "—";

    /// <summary>Encodes interpolation holes; see <see cref="Html"/>.</summary>
    [InterpolatedStringHandler]
    public ref struct Bouwer
    {
        private readonly StringBuilder sb;

        public Bouwer(int literalLength, int formattedCount) => sb = new StringBuilder(literalLength + (formattedCount * 16));

        public readonly void AppendLiteral(string s) => sb.Append(s);

        public readonly void AppendFormatted(Html h) => sb.Append(h.Waarde);

        public readonly void AppendFormatted(IEnumerable<Html> delen)
        {
            foreach (var d in delen)
            {
                sb.Append(d.Waarde);
            }
        }

        public readonly void AppendFormatted(string? s) => sb.Append(Encoder.Encode(s ?? ""));

        public readonly void AppendFormatted(DateOnly d) => sb.Append(Datum(d));

        public readonly void AppendFormatted(DateOnly? d) => sb.Append(Datum(d));

        public readonly void AppendFormatted<T>(T waarde)
        {
            // A List<Html> binds here rather than to the IEnumerable<Html> overload: recognise it at run time.
            switch (waarde)
            {
                case Html h:
                    AppendFormatted(h);
                    break;
                case IEnumerable<Html> delen:
                    AppendFormatted(delen);
                    break;
                default:
                    sb.Append(Encoder.Encode(Convert.ToString(waarde, CultureInfo.InvariantCulture) ?? ""));
                    break;
            }
        }

        public readonly void AppendFormatted<T>(T waarde, string format)
            where T : IFormattable =>
            sb.Append(Encoder.Encode(waarde.ToString(format, CultureInfo.InvariantCulture)));

        internal readonly string Klaar() => sb.ToString();
    }
}
