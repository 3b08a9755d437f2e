using System.Xml;

namespace Jeugdhulp.Ijw.Lezen;

/// <summary>
/// Finds /Bericht/Header/Afzender without reading the whole message, so a message sent with someone else's
/// AGB code is refused before it is journalled. Only the position counts (root, Header, Afzender) and not the
/// namespace prefix: other systems write iJw with their own prefixes. The pipeline then checks the message
/// fully against the schema; a document whose structure this scan misreads fails that check. The reader
/// settings are <see cref="IjwLezer"/>'s (no DTD, no resolver, bounded entities).
/// </summary>
public static class Afzenderlezer
{
    /// <summary>The Afzender of the header, or null when the bytes are not XML or have no such element.</summary>
    public static string? Lees(byte[] xml)
    {
        try
        {
            using var r = XmlReader.Create(new MemoryStream(xml, writable: false), IjwLezer.Instellingen);
            if (r.MoveToContent() != XmlNodeType.Element)
            {
                return null;
            }

            while (r.Read())
            {
                if (r.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (r.Depth == 1 && r.LocalName != "Header")
                {
                    // The header is the first child of the message: no Header first means no iJw header at all.
                    return null;
                }

                if (r.Depth == 2 && r.LocalName == "Afzender")
                {
                    return r.ReadElementContentAsString().Trim();
                }
            }

            return null;
        }
        catch (Exception e) when (e is XmlException or System.Text.DecoderFallbackException)
        {
            return null;
        }
#pragma warning disable CA1031 // Whatever the bytes do to the reader, the caller then gets IjwLezer's coded reasons.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}
