using System.Globalization;
using System.Text;
using Jeugdhulp.Core.Teksten;
using Jeugdhulp.Store.Inhoud;

namespace Jeugdhulp.Store.Bevindingen;

/// <summary>
/// One stored finding or signal of a request line, as the store keeps it: <paramref name="Soort"/> "bevinding" or "signaal",
/// <paramref name="Uitkomst"/> approved, rejected or review (a signal: "signaal"), the JW319 reason of a rejecting finding, and a
/// signal's date.
/// </summary>
internal readonly record struct Vastgelegd(string Soort, string RegelId, string Uitkomst, long? Reden, string Code, IReadOnlyList<Parameter> Parameters, DateOnly? Datum);

/// <summary>
/// A request line's findings and signals in check order as one text (<c>verzoekbevindingen.lijst</c>, migration 0038): one row per
/// request line instead of one per finding, which cost a row header, the line's key three times over (row and key index) and the
/// words "bevinding" and "approved" in every one of ~5.5 rows a line (bench/RESULTS.md, session 12).
/// <para>
/// Entries are separated by RS (U+001E), an entry's fields by US (U+001F): the kind and reason (<c>t</c> approved, <c>a</c>
/// rejected, <c>b</c> review, <c>s</c> signal, followed by the reason's number when there is one), the rule id, the code, the
/// parameters as the members of a JSON object of strings without its braces (in order, empty for none), and for a signal with a
/// date a fifth field <c>yyyy-MM-dd</c>. Rule ids and codes are the program's own words and never hold a control character; the
/// JSON writer escapes every control character in a value, so the separators occur only as separators. The rule id stands
/// between two US, so <c>US HK-315-4 US</c> finds a finding on that rule (the deadline triggers). Migration 0038 builds the same
/// text from the old rows in SQL.
/// </para>
/// <para>
/// Stored compressed (migration 0041, <see cref="Pak"/>): the text as UTF-8, zstd with the findings' own dictionary
/// (<see cref="Inhoudsvorm.BevindingenVersie"/>) through <see cref="Inhoudsvorm"/>, the compressor of the messages' contents —
/// an approved line's ~800-byte list made the findings a quarter of a JW315's bytes on PostgreSQL (bench/RESULTS.md, session 17). A row written
/// before 0041 (the text's bytes, uncompressed) reads as it was, as raw content rows do.
/// </para>
/// </summary>
internal static class Bevindinglijst
{
    public const char Tussen = '\u001e';
    public const char Veld = '\u001f';

    /// <summary>The entries as the one stored text.</summary>
    public static string Schrijf(IReadOnlyList<Vastgelegd> rijen)
    {
        ArgumentNullException.ThrowIfNull(rijen);
        var tekst = new StringBuilder(rijen.Count * 48);
        for (var i = 0; i < rijen.Count; i++)
        {
            var r = rijen[i];
            if (i > 0)
            {
                tekst.Append(Tussen);
            }

            tekst.Append(Letter(r.Soort, r.Uitkomst));
            if (r.Reden is { } reden)
            {
                tekst.Append(reden.ToString(CultureInfo.InvariantCulture));
            }

            tekst.Append(Veld).Append(Woord(r.RegelId, spatie: true)).Append(Veld).Append(Woord(r.Code, spatie: false)).Append(Veld).Append(Leden(r.Parameters));
            if (r.Datum is { } datum)
            {
                tekst.Append(Veld).Append(datum.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture));
            }
        }

        return tekst.ToString();
    }

    /// <summary>What <c>verzoekbevindingen.lijst</c> stores for <paramref name="rijen"/>: <see cref="Schrijf"/>'s text, compressed.</summary>
    public static byte[] Pak(IReadOnlyList<Vastgelegd> rijen) =>
        Inhoudsvorm.Pak(Encoding.UTF8.GetBytes(Schrijf(rijen)), Inhoudsvorm.BevindingenVersie);

    /// <summary>
    /// <see cref="Schrijf"/>'s text of a stored <c>verzoekbevindingen.lijst</c> value (<see cref="Pak"/> backwards): a blob, or a text
    /// where a SQLite row still holds one; a missing row (NULL of a LEFT JOIN) has none.
    /// </summary>
    public static string Tekst(object? opgeslagen) => opgeslagen switch
    {
        null or DBNull => "",
        string tekst => tekst,
        byte[] blob => Encoding.UTF8.GetString(Inhoudsvorm.Uitpak(blob)),
        _ => throw new FormatException($"Geen opgeslagen bevindingenlijst: {opgeslagen.GetType().Name}."),
    };

    /// <summary>The entries of a stored text, in order (<see cref="Schrijf"/> backwards; an empty text has none).</summary>
    public static List<Vastgelegd> Lees(string tekst)
    {
        ArgumentNullException.ThrowIfNull(tekst);
        var rijen = new List<Vastgelegd>();
        if (tekst.Length == 0)
        {
            return rijen;
        }

        foreach (var deel in tekst.Split(Tussen))
        {
            var velden = deel.Split(Veld);
            if (velden.Length is < 4 or > 5 || velden[0].Length == 0)
            {
                throw new FormatException($"Geen opgeslagen bevinding: '{deel}'.");
            }

            var (soort, uitkomst) = velden[0][0] switch
            {
                't' => (BevindingenVastleggen.SoortBevinding, Verwerking.Uitkomsten.Approved),
                'a' => (BevindingenVastleggen.SoortBevinding, Verwerking.Uitkomsten.Rejected),
                'b' => (BevindingenVastleggen.SoortBevinding, Verwerking.Uitkomsten.Review),
                's' => (BevindingenVastleggen.SoortSignaal, BevindingenVastleggen.SoortSignaal),
                _ => throw new FormatException($"Geen opgeslagen bevinding: '{deel}'."),
            };
            long? reden = velden[0].Length > 1 ? long.Parse(velden[0].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture) : null;
            DateOnly? datum = velden.Length == 5 ? DateOnly.ParseExact(velden[4], @"yyyy\-MM\-dd", CultureInfo.InvariantCulture) : null;
            rijen.Add(new Vastgelegd(soort, velden[1], uitkomst, reden, velden[2], UitLeden(velden[3]), datum));
        }

        return rijen;
    }

    /// <summary>
    /// The rule ids of the findings in review, each between spaces (<c>" HK-315-4 HK-315-11 "</c>), or null when there are none:
    /// <c>verzoekbevindingen.beoordelen</c>, what the work queue's filter by rule and the deadlines search.
    /// </summary>
    public static string? Beoordelen(IReadOnlyList<Vastgelegd> rijen)
    {
        ArgumentNullException.ThrowIfNull(rijen);
        var tekst = new StringBuilder();
        foreach (var r in rijen)
        {
            if (r.Soort == BevindingenVastleggen.SoortBevinding && r.Uitkomst == Verwerking.Uitkomsten.Review)
            {
                tekst.Append(' ').Append(r.RegelId);
            }
        }

        return tekst.Length == 0 ? null : tekst.Append(' ').ToString();
    }

    /// <summary>What <see cref="Beoordelen"/>'s text holds for a finding in review on <paramref name="regel"/>.</summary>
    public static string Zoekterm(string regel) => $" {regel} ";

    private static char Letter(string soort, string uitkomst) => soort == BevindingenVastleggen.SoortSignaal ? 's' : uitkomst switch
    {
        Verwerking.Uitkomsten.Approved => 't',
        Verwerking.Uitkomsten.Rejected => 'a',
        Verwerking.Uitkomsten.Review => 'b',
        _ => throw new ArgumentException($"Onbekende uitkomst van een bevinding: '{uitkomst}'.", nameof(uitkomst)),
    };

    /// <summary>A rule id or code, refused when it holds a control character (a separator) or, a rule id, a space (the search column's).</summary>
    private static string Woord(string woord, bool spatie) => woord.Any(c => char.IsControl(c) || (spatie && c == ' '))
        ? throw new ArgumentException($"Een regel-id of code met een stuurteken of een regel-id met een spatie: '{woord}'.", nameof(woord))
        : woord;

    /// <summary>The parameters as the members of one JSON object of strings, in order, without its braces.</summary>
    private static string Leden(IReadOnlyList<Parameter> parameters)
    {
        if (parameters.Count == 0)
        {
            return "";
        }

        var json = BevindingenVastleggen.Json(parameters);
        return json[1..^1];
    }

    private static List<Parameter> UitLeden(string leden) => leden.Length == 0 ? [] : BevindingenVastleggen.UitJson("{" + leden + "}");
}
