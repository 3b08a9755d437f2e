using System.Text;
using System.Xml.Linq;
using Jeugdhulp.Ijw.Controles;
using Jeugdhulp.Ijw.Lezen;
using Jeugdhulp.Ijw.Schrijven;
using Xunit.Abstractions;

namespace Jeugdhulp.Ijw.Tests.Lezen;

/// <summary>
/// Property test with a fixed seed: thousands of mutations of valid messages (elements deleted, duplicated,
/// swapped, renamed, moved to the other namespace; text replaced by nasty values; bytes truncated, flipped or
/// garbage inserted). The reader must always return a result, never throw; a failed result has coded errors;
/// and the reader agrees with the official XSD on whether the bytes are schema-valid.
/// </summary>
public class FuzzTests(ITestOutputHelper uitvoer)
{
    private const int Seed = 20270301;
    private const int Mutaties = 5000;

    private static readonly string[] NareWaarden =
    [
        "", " ", "\t", "0", "-1", "+5", "007", "99999999999999999999", "1e3", "12.5", "2027-02-29", "2028-02-29", "2027-13-01",
        "2027-03-01Z", "2027-03-01+01:00", "27-03-01", "10:15", "10:15:00", "25:00:00", "10:15:00Z", "10:15:00.5", "abc", "de Vries ",
        "\u00e9\u00e8", "\u1ef3", "\ud83d\ude00", "A\nB", "<x>", "&amp;", new string('x', 300), "01", "1", "9", "C", "D", "07", "0001",
    ];

    [Fact]
    public void Lezer_gooit_nooit_en_is_het_eens_met_de_officiele_XSD()
    {
        var bronnen = Directory.GetFiles(Paden.GoldenMap, "*.xml")
            .Concat(Directory.GetFiles(Paden.VoorbeeldenMap, "*.xml"))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)
            .ToList();
        var random = new Random(Seed);
        var geldig = 0;
        var verschillen = new List<string>();

        for (var i = 0; i < Mutaties; i++)
        {
            var bron = bronnen[random.Next(bronnen.Count)];
            var bytes = Muteer(bron, random);

            var gelezen = IjwLezer.Lees(bytes);

            if (gelezen.IsGeldig)
            {
                geldig++;
                _ = Berichtcontrole.Controleer(gelezen.Waarde, new DateOnly(2027, 4, 10));
                Assert.Empty(XsdValidatie.Fouten(IjwSchrijver.Schrijf(gelezen.Waarde)));
            }
            else
            {
                Assert.All(gelezen.Fouten, f => Assert.False(string.IsNullOrEmpty(f.Code)));
            }

            var xsdFouten = XsdValidatie.FoutenOfXml(bytes);
            if ((xsdFouten.Count == 0) != gelezen.IsGeldig)
            {
                verschillen.Add($"mutatie {i}: lezer {(gelezen.IsGeldig ? "geldig" : string.Join("; ", gelezen.Fouten))}, XSD {(xsdFouten.Count == 0 ? "geldig" : string.Join("; ", xsdFouten))}\n{Encoding.UTF8.GetString(bytes)}");
            }
        }

        uitvoer.WriteLine($"{Mutaties} mutaties, {geldig} bleven schema-geldig, {verschillen.Count} verschillen met de XSD.");
        Assert.True(verschillen.Count == 0, string.Join("\n\n", verschillen.Take(3)));
        Assert.InRange(geldig, 1, Mutaties - 1);
    }

    private static byte[] Muteer(byte[] bron, Random r)
    {
        switch (r.Next(10))
        {
            case 0:
                return bron[..r.Next(bron.Length)];
            case 1:
            {
                var b = (byte[])bron.Clone();
                for (var n = r.Next(1, 4); n > 0; n--)
                {
                    b[r.Next(b.Length)] = (byte)r.Next(256);
                }

                return b;
            }

            case 2:
            {
                var garbage = new byte[r.Next(1, 16)];
                r.NextBytes(garbage);
                var pos = r.Next(bron.Length);
                return [.. bron[..pos], .. garbage, .. bron[pos..]];
            }

            default:
                return MuteerElement(bron, r);
        }
    }

    private static byte[] MuteerElement(byte[] bron, Random r)
    {
        using var stroom = new MemoryStream(bron);
        var doc = XDocument.Load(stroom);
        var elementen = doc.Root!.Descendants().ToList();
        var e = elementen[r.Next(elementen.Count)];
        switch (r.Next(7))
        {
            case 0:
                e.Remove();
                break;
            case 1:
                e.AddAfterSelf(new XElement(e));
                break;
            case 2:
                if (e.NextNode is XElement volgende)
                {
                    volgende.Remove();
                    e.AddBeforeSelf(volgende);
                }

                break;
            case 3:
                if (!e.HasElements)
                {
                    e.Value = NareWaarden[r.Next(NareWaarden.Length)];
                }
                else
                {
                    e.RemoveNodes();
                }

                break;
            case 4:
                e.Name = e.Name.Namespace + elementen[r.Next(elementen.Count)].Name.LocalName;
                break;
            case 5:
                e.Name = (e.Name.NamespaceName == doc.Root.Name.NamespaceName ? (XNamespace)Ijw.Schema.Naamruimten.Basisschema : doc.Root.Name.Namespace) + e.Name.LocalName;
                break;
            default:
                elementen[r.Next(elementen.Count)].Add(new XElement(e));
                break;
        }

        using var uit = new MemoryStream();
        doc.Save(uit);
        return uit.ToArray();
    }
}
