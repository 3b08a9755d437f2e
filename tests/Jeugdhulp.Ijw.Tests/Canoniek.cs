using System.Text;
using System.Xml.Linq;

namespace Jeugdhulp.Ijw.Tests;

/// <summary>
/// A canonical text of an XML document for comparing messages written in different forms: every element as
/// its expanded name (namespace + local name) with its text, in document order; prefixes, declarations,
/// indentation and line ends do not count.
/// </summary>
internal static class Canoniek
{
    public static string Van(byte[] xml)
    {
        using var stroom = new MemoryStream(xml);
        var doc = XDocument.Load(stroom);
        var sb = new StringBuilder();
        Schrijf(doc.Root!, 0, sb);
        return sb.ToString();
    }

    private static void Schrijf(XElement e, int diepte, StringBuilder sb)
    {
        sb.Append(' ', diepte * 2).Append('{').Append(e.Name.NamespaceName).Append('}').Append(e.Name.LocalName);
        if (!e.HasElements)
        {
            sb.Append(" = ").Append(e.Value);
        }

        sb.Append('\n');
        foreach (var k in e.Elements())
        {
            Schrijf(k, diepte + 1, sb);
        }
    }
}
