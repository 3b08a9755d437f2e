using System.Text;
using System.Xml.Linq;

namespace Jeugdhulp.Ijw.Tests;

/// <summary>
/// Seeded mutations of valid iJw messages, shared (as source) by the fuzz tests of the reader, the CLI and the
/// API: bytes truncated, flipped or garbage inserted; other encodings and byte order marks (EBCDIC, UTF-16/32,
/// a declaration that lies); huge runs of whitespace; deep nesting; entity and DTD tricks; and element-level
/// changes (deleted, duplicated, swapped, renamed, other namespace, nasty values). The same seed gives the
/// same sequence, so a failure names a mutation that can be replayed.
/// </summary>
internal sealed class Mutator(int seed)
{
    private static readonly string[] NareWaarden =
    [
        "", " ", "\t", "0", "-1", "+5", "007", "99999999999999999999", "1e3", "12.5", "2027-02-29", "2028-02-29", "2027-13-01",
        "2027-03-01Z", "2027-03-01+01:00", "27-03-01", "10:15", "10:15:00", "25:00:00", "10:15:00Z", "10:15:00.5", "abc", "de Vries ",
        "\u00e9\u00e8", "\u1ef3", "\ud83d\ude00", "A\nB", "<x>", "&amp;", new string('x', 300), "01", "1", "9", "C", "D", "07", "0001",
    ];

    /// <summary>DTD and entity tricks; DTDs are prohibited, so each must be a coded XML refusal, never an expansion or a file read.</summary>
    private static readonly string[] Doctypes =
    [
        "<!DOCTYPE Bericht [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>",
        "<!DOCTYPE Bericht [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
        "<!DOCTYPE Bericht [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/x.dtd\"> %p;]>",
        "<!DOCTYPE Bericht SYSTEM \"http://127.0.0.1:9/bericht.dtd\">",
        "<!DOCTYPE Bericht>",
    ];

    /// <summary>Entity and character references put in place of a value.</summary>
    private static readonly string[] Verwijzingen =
    [
        "&x;", "&a;&b;", "&#0;", "&#x0;", "&#xD800;", "&#xDFFF;", "&#x10FFFF;", "&#x110000;", "&#1114111;", "&#99999999999;", "&#x1F600;",
        "&#38;#38;", "&lt;&gt;&amp;&quot;&apos;", "&amp", "&;", "&#;", "&#x;", "<![CDATA[1]]>", "<![CDATA[]]>]]>", "<!-- c -->1", "<?pi x?>1",
        "]]>", "\u0001", "\uFFFE", "\uFEFF",
    ];

    /// <summary>Names the XML reader knows but does not support, or that do not match the bytes.</summary>
    private static readonly string[] Coderingen = ["EBCDIC-CP-US", "ebcdic", "UTF-7", "ISO-8859-1", "windows-1252", "UTF-16", "UTF-32", "ucs-2", "bogus", "", "UTF-8\0"];

    private readonly Random r = new(seed);

    /// <summary>The valid seeds: the examples from other systems and the demo messages, in ordinal name order.</summary>
    public static List<byte[]> Zaden() =>
        [.. Directory.GetFiles(Paden.VoorbeeldenMap, "*.xml").Concat(Directory.GetFiles(Path.Combine(Paden.RepoRoot, "demo", "berichten"), "*.xml"))
            .Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];

    /// <summary>The next mutation of one of <paramref name="zaden"/>, with the kind of mutation for the failure message.</summary>
    public (string Soort, byte[] Bytes) Volgende(IReadOnlyList<byte[]> zaden)
    {
        ArgumentNullException.ThrowIfNull(zaden);
        var bron = zaden[r.Next(zaden.Count)];
        return r.Next(14) switch
        {
            0 => ("afgekapt", bron[..r.Next(bron.Length)]),
            1 => ("bytes", Flip(bron)),
            2 => ("rommel", Rommel(bron)),
            3 or 4 => ("codering", Codering(bron)),
            5 or 6 => ("witruimte", Witruimte(bron)),
            7 => ("nesting", Nesting(bron)),
            8 => ("entiteit", Entiteit(bron)),
            _ => ("element", Element(bron)),
        };
    }

    private byte[] Flip(byte[] bron)
    {
        var b = (byte[])bron.Clone();
        for (var n = r.Next(1, 5); n > 0; n--)
        {
            b[r.Next(b.Length)] = (byte)r.Next(256);
        }

        return b;
    }

    private byte[] Rommel(byte[] bron)
    {
        var rommel = new byte[r.Next(1, 16)];
        r.NextBytes(rommel);
        var pos = r.Next(bron.Length);
        return [.. bron[..pos], .. rommel, .. bron[pos..]];
    }

    private byte[] Codering(byte[] bron)
    {
        var tekst = Encoding.UTF8.GetString(bron);
        var zonderDeclaratie = tekst.StartsWith("<?xml", StringComparison.Ordinal) ? tekst[(tekst.IndexOf("?>", StringComparison.Ordinal) + 2)..] : tekst;
        switch (r.Next(9))
        {
            case 0:
                // The crash of issue 17: EBCDIC for "<?xm" in front of the rest.
                return [0x4C, 0x6F, 0xA7, 0x94, .. bron[Math.Min(4, bron.Length)..]];
            case 1:
                return [0xEF, 0xBB, 0xBF, .. bron];
            case 2:
                return [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(tekst)];
            case 3:
                return Encoding.BigEndianUnicode.GetBytes(r.Next(2) == 0 ? tekst : zonderDeclaratie);
            case 4:
                return [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(tekst)];
            case 5:
                return Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"{Coderingen[r.Next(Coderingen.Length)]}\"?>" + zonderDeclaratie);
            case 6:
                // Latin-1 bytes under a UTF-8 declaration: invalid UTF-8 inside a value.
                return Encoding.Latin1.GetBytes(tekst.Replace("Vries", "Vri\u00ebs", StringComparison.Ordinal).Replace("</ijw:Achternaam>", "\u00e9</ijw:Achternaam>", StringComparison.Ordinal));
            case 7:
            {
                // A byte order mark in the middle of the document.
                var pos = r.Next(bron.Length);
                return [.. bron[..pos], 0xEF, 0xBB, 0xBF, .. bron[pos..]];
            }

            default:
                return Encoding.UTF8.GetBytes(new string(' ', r.Next(1, 8)) + tekst);
        }
    }

    private byte[] Witruimte(byte[] bron)
    {
        var lengtes = new[] { 4095, 4096, 4097, 8192, 65536, r.Next(1, 20000) };
        var n = lengtes[r.Next(lengtes.Length)];
        var tekens = r.Next(3) == 0 ? " \t\r\n" : " ";
        var wit = new StringBuilder(n);
        for (var i = 0; i < n; i++)
        {
            wit.Append(tekens[r.Next(tekens.Length)]);
        }

        var tekst = Encoding.UTF8.GetString(bron);
        // Mostly between two tags (element-only content, which the XSD allows), sometimes anywhere.
        var grenzen = Posities(tekst, "><");
        var pos = r.Next(4) > 0 && grenzen.Count > 0 ? grenzen[r.Next(grenzen.Count)] + 1 : r.Next(tekst.Length + 1);
        return Encoding.UTF8.GetBytes(tekst[..pos] + wit + tekst[pos..]);
    }

    private byte[] Nesting(byte[] bron)
    {
        var diepte = new[] { 64, 1000, 20000 }[r.Next(3)];
        var tekst = Encoding.UTF8.GetString(bron);
        var grenzen = Posities(tekst, "><");
        var pos = grenzen.Count > 0 ? grenzen[r.Next(grenzen.Count)] + 1 : tekst.Length;
        var naam = r.Next(2) == 0 ? "Client" : "x";
        var open = string.Concat(Enumerable.Repeat($"<{naam}>", diepte));
        var dicht = r.Next(4) == 0 ? "" : string.Concat(Enumerable.Repeat($"</{naam}>", diepte));
        return Encoding.UTF8.GetBytes(tekst[..pos] + open + dicht + tekst[pos..]);
    }

    private byte[] Entiteit(byte[] bron)
    {
        var tekst = Encoding.UTF8.GetString(bron);
        if (r.Next(3) == 0)
        {
            var wortel = tekst.IndexOf("<Bericht", StringComparison.Ordinal);
            var pos = wortel < 0 ? 0 : wortel;
            var verwijzing = r.Next(2) == 0 ? "" : "&x;&b;&d;";
            var tekstNaWortel = tekst[pos..];
            var eindeHeader = tekstNaWortel.IndexOf("</Afzender>", StringComparison.Ordinal);
            if (eindeHeader > 0 && verwijzing.Length > 0)
            {
                tekstNaWortel = tekstNaWortel[..eindeHeader] + verwijzing + tekstNaWortel[eindeHeader..];
            }

            return Encoding.UTF8.GetBytes(tekst[..pos] + Doctypes[r.Next(Doctypes.Length)] + tekstNaWortel);
        }

        // A reference in place of (or inside) a value: between a '>' and the next '</'.
        var waarden = Posities(tekst, "</").Where(p => p > 0 && tekst[p - 1] != '>').ToList();
        if (waarden.Count == 0)
        {
            return bron;
        }

        var eind = waarden[r.Next(waarden.Count)];
        var begin = tekst.LastIndexOf('>', eind) + 1;
        var nieuw = Verwijzingen[r.Next(Verwijzingen.Length)];
        var invoegen = r.Next(2) == 0 ? nieuw : tekst[begin..eind] + nieuw;
        return Encoding.UTF8.GetBytes(tekst[..begin] + invoegen + tekst[eind..]);
    }

    private byte[] Element(byte[] bron)
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

    private static List<int> Posities(string tekst, string teken)
    {
        var lijst = new List<int>();
        for (var i = tekst.IndexOf(teken, StringComparison.Ordinal); i >= 0; i = tekst.IndexOf(teken, i + 1, StringComparison.Ordinal))
        {
            lijst.Add(i);
        }

        return lijst;
    }
}
