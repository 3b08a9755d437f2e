using System.Xml;
using System.Xml.Schema;
using Jeugdhulp.Ijw.Schema;

namespace Jeugdhulp.Ijw.Tests;

/// <summary>Validates XML against the official iJw 3.2 XSDs in ../shared/ijw-xsd (loaded, never copied).</summary>
internal static class XsdValidatie
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        foreach (var soort in Enum.GetValues<Berichtsoort>())
        {
            set.Add(Naamruimten.Bericht(soort), Path.Combine(Paden.XsdMap, soort + ".xsd"));
        }

        set.Compile();
        return set;
    });

    /// <summary>The validation errors, or the XML error when the bytes are not well-formed; empty when valid.</summary>
    public static List<string> FoutenOfXml(byte[] xml)
    {
        try
        {
            return Fouten(xml);
        }
        catch (XmlException ex)
        {
            return ["XML: " + ex.Message];
        }
    }

    /// <summary>The validation errors; empty when the XML is valid.</summary>
    public static List<string> Fouten(byte[] xml)
    {
        var fouten = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas.Value };
        settings.ValidationEventHandler += (_, e) => fouten.Add($"{e.Severity}: {e.Message} (regel {e.Exception?.LineNumber})");
        using var stroom = new MemoryStream(xml);
        using var xr = XmlReader.Create(stroom, settings);
        while (xr.Read())
        {
        }

        return fouten;
    }
}
