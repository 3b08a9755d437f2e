using System.Text;
using System.Text.Json;
using Jeugdhulp.Core.Conversie;

namespace Jeugdhulp.Store.Conversie;

/// <summary>
/// A conversion line's findings as stored in <c>conversie_uitgevoerd.bevindingen</c>: a JSON array of
/// {regel, code, parameters}, so the backoffice renders the Dutch text from the one text table without
/// parsing a sentence.
/// </summary>
internal static class Conversiebevindingen
{
    /// <summary>The code of a row written before migration 0021 stored findings as data: its machine text is kept as is.</summary>
    public const string Tekstvorm = "als-tekst";

    public static string Json(IReadOnlyList<Conversiebevinding> bevindingen)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var b in bevindingen)
            {
                w.WriteStartObject();
                w.WriteString("regel", b.RegelId);
                w.WriteString("code", b.Uitkomst);
                w.WriteStartObject("parameters");
                foreach (var p in b.Parameters)
                {
                    w.WriteString(p.Key, p.Value);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static IReadOnlyList<Conversiebevinding> Lees(string opgeslagen)
    {
        if (!opgeslagen.StartsWith('['))
        {
            return [new Conversiebevinding("HK-CONV-2", Tekstvorm, [KeyValuePair.Create("tekst", opgeslagen)])];
        }

        using var doc = JsonDocument.Parse(opgeslagen);
        return [.. doc.RootElement.EnumerateArray().Select(e => new Conversiebevinding(
            e.GetProperty("regel").GetString() ?? "",
            e.GetProperty("code").GetString() ?? "",
            [.. e.GetProperty("parameters").EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetString() ?? ""))]))];
    }
}
