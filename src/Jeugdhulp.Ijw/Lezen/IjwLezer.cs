using System.Text;
using System.Xml;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Schema;

namespace Jeugdhulp.Ijw.Lezen;

/// <summary>
/// Reads any of the 14 iJw 3.2 messages in one streaming pass: detects the type from the root namespace,
/// checks what the XSDs demand and maps to the typed records. Any prefix form and line ending is accepted.
/// Input that is not XML, not iJw or not schema-valid yields coded errors with element paths; nothing
/// escapes as an exception.
/// </summary>
public static class IjwLezer
{
    internal static readonly XmlReaderSettings Instellingen = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
        MaxCharactersFromEntities = 1024,
    };

    public static Resultaat<IjwBericht> Lees(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var stroom = new MemoryStream(bytes, writable: false);
        return Lees(stroom);
    }

    /// <summary>
    /// Reads a message this backoffice accepted before (its journal status says it passed levels 1 and 2): the same
    /// structure and mapping, but the values are not checked against their types, patterns and code lists again (the
    /// schema does not change with the rules). For the what-if replay, which reads a period's messages again; a message
    /// from outside always goes through <see cref="Lees(byte[])"/>. The plain UTF-8 form every stored message has is
    /// mapped straight from its bytes (<see cref="Utf8Lezer"/>); any other form, or bytes that reader declines, take
    /// the streaming pass with the XML reader (<see cref="LeesGeaccepteerdMetXmlReader"/>), so the answer is the same.
    /// </summary>
    public static Resultaat<IjwBericht> LeesGeaccepteerd(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return Utf8Lezer.Lees(bytes) is { } bericht ? Resultaat<IjwBericht>.Ok(bericht) : LeesGeaccepteerdMetXmlReader(bytes);
    }

    /// <summary>
    /// <see cref="LeesGeaccepteerd"/> through the XML reader: the streaming pass without the value checks, the element
    /// names looked up in a name table kept per thread instead of one built per message. What the direct reader falls
    /// back to, and what the tests compare it with.
    /// </summary>
    internal static Resultaat<IjwBericht> LeesGeaccepteerdMetXmlReader(byte[] bytes)
    {
        using var stroom = new MemoryStream(bytes, writable: false);
        var instellingen = GeaccepteerdInstellingen();
        return Veilig(() => XmlReader.Create(stroom, instellingen), waarden: false);
    }

    [ThreadStatic]
    private static XmlReaderSettings? geaccepteerd;

    [ThreadStatic]
    private static int geaccepteerdGelezen;

    /// <summary>
    /// The settings with this thread's name table. Accepted messages use the schema's names, but a prefix may be any
    /// name: the table is renewed every 10,000 messages so it cannot grow without bound.
    /// </summary>
    private static XmlReaderSettings GeaccepteerdInstellingen()
    {
        if (geaccepteerd is null || ++geaccepteerdGelezen > 10_000)
        {
            geaccepteerd = Instellingen.Clone();
            geaccepteerd.NameTable = new NameTable();
            geaccepteerdGelezen = 0;
        }

        return geaccepteerd;
    }

    public static Resultaat<IjwBericht> LeesTekst(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var tekst = new StringReader(xml);
        return Veilig(() => XmlReader.Create(tekst, Instellingen));
    }

    public static Resultaat<IjwBericht> Lees(Stream stroom)
    {
        ArgumentNullException.ThrowIfNull(stroom);
        return Veilig(() => XmlReader.Create(stroom, Instellingen));
    }

    /// <summary>
    /// Creating the reader already reads: it detects the encoding from the first bytes and the XML declaration,
    /// and throws for one it does not support (EBCDIC <c>4C 6F A7 94</c>, UTF-7, an unknown name). So the
    /// reader is made inside the same guard as the pass itself.
    /// </summary>
    private static Resultaat<IjwBericht> Veilig(Func<XmlReader> maak, bool waarden = true)
    {
        try
        {
            using var xr = maak();
            return Lees(xr, waarden);
        }
        catch (XmlException ex)
        {
            return Resultaat<IjwBericht>.Mislukt(Foutcodes.GeenXml, GeenXmlMelding(ex), ex.LineNumber > 0 ? $"regel {ex.LineNumber}, positie {ex.LinePosition}" : null);
        }
        catch (DecoderFallbackException ex)
        {
            return Resultaat<IjwBericht>.Mislukt(Foutcodes.GeenXml, $"Geen geldige tekencodering: {ex.Message}");
        }
#pragma warning disable CA1031 // The reader's boundary: no input may stop a run. The fuzz tests fail on this code, so a bug still shows.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return Resultaat<IjwBericht>.Mislukt(Foutcodes.Onleesbaar, $"Het bestand is niet te lezen ({ex.GetType().Name}: {ex.Message}).");
        }
    }

    private static Resultaat<IjwBericht> Lees(XmlReader xr, bool waarden)
    {
        if (xr.MoveToContent() != XmlNodeType.Element)
        {
            return Resultaat<IjwBericht>.Mislukt(Foutcodes.GeenXml, "Het bestand bevat geen XML-element.");
        }

        var def = xr.LocalName == "Bericht" ? Berichtdefinities.VanNaamruimte(xr.NamespaceURI) : null;
        if (def is null)
        {
            return Resultaat<IjwBericht>.Mislukt(Foutcodes.GeenIjw, GeenIjwMelding(xr.LocalName, xr.NamespaceURI), "/" + xr.LocalName);
        }

        var (boom, fouten) = Schemacontrole.Voer(xr, def, waarden);
        try
        {
            if (fouten.Count > 0)
            {
                return Resultaat<IjwBericht>.Mislukt(fouten);
            }

            // Trailing content after the root (a second root, garbage) is still malformed XML.
            while (xr.Read())
            {
            }

            return Resultaat<IjwBericht>.Ok(Berichtmapping.Map(def.Soort, boom));
        }
        finally
        {
            boom.Geef();
        }
    }

    private static string GeenIjwMelding(string naam, string ns) =>
        ns.StartsWith(Naamruimten.Voorvoegsel, StringComparison.Ordinal) || naam != "Bericht"
            ? $"Geen iJw 3.2-bericht: root-element '{naam}' in naamruimte '{ns}' is geen van de 14 iJw 3.2-berichten (verwacht Bericht in {Naamruimten.Voorvoegsel}jwNNN/schema)."
            : $"Geen iJw 3.2-bericht: naamruimte '{ns}' is onbekend (verwacht {Naamruimten.Voorvoegsel}jwNNN/schema).";

    /// <summary>
    /// A Dutch sentence for the common ways a file is not XML; for the rest the parser's own (English) text
    /// is kept behind the Dutch words, since it names the exact problem.
    /// </summary>
    private static string GeenXmlMelding(XmlException ex)
    {
        if (ex.Message.StartsWith("Root element is missing", StringComparison.Ordinal))
        {
            return "Het bestand bevat geen XML-element (leeg bestand?).";
        }

        if (ex.Message.StartsWith("Data at the root level is invalid", StringComparison.Ordinal))
        {
            return "Geen XML: de inhoud begint niet met een XML-element.";
        }

        if (ex.Message.StartsWith("System does not support", StringComparison.Ordinal) || ex.Message.Contains("encoding", StringComparison.OrdinalIgnoreCase))
        {
            return $"Geen XML in een leesbare tekencodering (iJw-berichten zijn UTF-8): {ex.Message}";
        }

        if (ex.Message.Contains("DTD", StringComparison.Ordinal))
        {
            return "Het bestand bevat een DTD (<!DOCTYPE>); een iJw-bericht heeft die niet en om veiligheidsredenen wordt hij niet gelezen.";
        }

        return $"Geen geldige XML: {ex.Message}";
    }
}
