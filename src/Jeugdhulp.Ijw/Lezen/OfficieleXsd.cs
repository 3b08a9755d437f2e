using System.Xml;
using System.Xml.Schema;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Ijw.Lezen;

/// <summary>
/// Optional extra check against the official iJw 3.2 XSDs, loaded at run time from a folder the user
/// names (they are not shipped). The schema set is compiled once and then reused for every message.
/// </summary>
public sealed class OfficieleXsd
{
    /// <summary>Code for a violation the official XSD reports.</summary>
    public const string Code = "XSD";

    private readonly XmlSchemaSet schemas;

    private OfficieleXsd(XmlSchemaSet schemas) => this.schemas = schemas;

    /// <summary>Loads and compiles JW*.xsd from <paramref name="map"/> (with basisschema.xsd beside them).</summary>
    public static Resultaat<OfficieleXsd> Laad(string map)
    {
        if (!Directory.Exists(map))
        {
            return Resultaat<OfficieleXsd>.Mislukt("XSD-MAP", $"Map met XSD's '{map}' bestaat niet.");
        }

        var bestanden = Directory.GetFiles(map, "JW3*.xsd").Order(StringComparer.Ordinal).ToList();
        if (bestanden.Count == 0)
        {
            return Resultaat<OfficieleXsd>.Mislukt("XSD-MAP", $"Map '{map}' bevat geen JW3*.xsd-bestanden.");
        }

        try
        {
            var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
            foreach (var b in bestanden)
            {
                using var xr = XmlReader.Create(b, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
                set.Add(null, xr);
            }

            set.Compile();
            return Resultaat<OfficieleXsd>.Ok(new OfficieleXsd(set));
        }
        catch (Exception ex) when (ex is XmlException or XmlSchemaException or IOException or UnauthorizedAccessException)
        {
            return Resultaat<OfficieleXsd>.Mislukt("XSD-MAP", $"De XSD's in '{map}' zijn niet te laden: {ex.Message}");
        }
    }

    /// <summary>The violations the official XSD reports, each with line and position.</summary>
    public IReadOnlyList<Fout> Valideer(byte[] xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var fouten = new List<Fout>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = schemas,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
        };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) =>
            fouten.Add(new Fout(Code, e.Message, $"regel {e.Exception?.LineNumber}, positie {e.Exception?.LinePosition}"));
        try
        {
            using var stroom = new MemoryStream(xml, writable: false);
            using var xr = XmlReader.Create(stroom, settings);
            while (xr.Read())
            {
            }
        }
        catch (XmlException ex)
        {
            fouten.Add(new Fout(Foutcodes.GeenXml, $"Geen geldige XML: {ex.Message}", $"regel {ex.LineNumber}, positie {ex.LinePosition}"));
        }

        return fouten;
    }
}
