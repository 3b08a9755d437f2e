using System.Text.Json;

namespace Jeugdhulp.Store.Verwerking;

/// <summary>
/// A <see cref="Bestandsverslag"/> as one JSON object: the line <c>jeugdhulp process --json</c> prints and the
/// body the provider API answers with, so both say exactly the same.
/// </summary>
public static class VerslagJson
{
    private static readonly JsonWriterOptions JsonOpties = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One line of <c>process --json</c> output, written field by field (no reflection per message).</summary>
    public static string Schrijf(Bestandsverslag v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, JsonOpties))
        {
            w.WriteStartObject();
            w.WriteString("file", v.Bestand);
            w.WriteString("bericht", v.Bericht);
            w.WriteString("identificatie", v.Identificatie);
            w.WriteString("outcome", v.Uitkomst);
            w.WriteStartArray("decisions");
            foreach (var d in v.Besluiten)
            {
                w.WriteStartObject();
                w.WriteString("referentie", d.Referentie);
                w.WriteString("outcome", d.Uitkomst);
                if (d.Reden is { } reden)
                {
                    w.WriteNumber("reden", reden);
                }
                else
                {
                    w.WriteNull("reden");
                }

                w.WriteStartArray("rules");
                foreach (var r in d.Regels)
                {
                    w.WriteStringValue(r);
                }

                w.WriteEndArray();
                w.WriteString("toelichting", d.Toelichting);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Lijst(w, "outbox", v.Outbox);
            Lijst(w, "reasons", v.Meldingen);
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Lijst(Utf8JsonWriter w, string naam, IEnumerable<string> waarden)
    {
        w.WriteStartArray(naam);
        foreach (var x in waarden)
        {
            w.WriteStringValue(x);
        }

        w.WriteEndArray();
    }
}
