using System.Xml.Linq;
using Jeugdhulp.Ijw.Schema;

namespace Jeugdhulp.Ijw.Tests.Schema;

/// <summary>
/// The golden files are the round-trip test's input: an element that none of them contains could be
/// dropped by the reader or the writer without any test noticing. So every element the XSDs allow in a
/// message must occur in that message's golden file.
/// </summary>
public class DekkingTests
{
    [Theory]
    [MemberData(nameof(LezenEnSchrijvenTests.AlleSoorten), MemberType = typeof(LezenEnSchrijvenTests))]
    public void Golden_bestand_bevat_elk_element_dat_de_XSD_toestaat(Berichtsoort soort)
    {
        var model = new SortedSet<string>(StringComparer.Ordinal);
        Verzamel(Berichtdefinities.Van(soort).Root, "", model);
        var golden = XDocument.Load(Path.Combine(Paden.GoldenMap, soort.ToString().ToLowerInvariant() + ".xml"));
        var aanwezig = golden.Root!.DescendantsAndSelf()
            .Select(e => "/" + string.Join("/", e.AncestorsAndSelf().Reverse().Select(a => a.Name.LocalName)))
            .ToHashSet(StringComparer.Ordinal);

        var ontbrekend = model.Except(aanwezig).ToList();

        Assert.True(ontbrekend.Count == 0, string.Join("\n", ontbrekend));
    }

    private static void Verzamel(Elementdef def, string ouder, SortedSet<string> paden)
    {
        var pad = ouder + "/" + def.Naam;
        paden.Add(pad);
        foreach (var kind in def.Complex?.Elementen ?? [])
        {
            Verzamel(kind, pad, paden);
        }
    }
}
