using System.Text;
using System.Text.Json;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Lezen;

namespace Jeugdhulp.Ijw.Tests.Lezen;

/// <summary>
/// The direct UTF-8 reader of accepted messages (<see cref="Utf8Lezer"/>, issue 20's replay speed) must give exactly
/// the record the XML reader's pass gives, for every form it follows, and decline (null) every form it does not, so
/// that <see cref="IjwLezer.LeesGeaccepteerd"/> reads those the existing way. Records hold lists, which compare by
/// reference, so the comparison is of their JSON rendering (every property, in declaration order).
/// </summary>
public class Utf8LezerTests(Xunit.Abstractions.ITestOutputHelper uitvoer)
{
    private static readonly string Basis = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema";

    public static TheoryData<string> Berichten()
    {
        var d = new TheoryData<string>();
        // The golden messages (every element of the XSDs), the examples written the way other systems write them
        // (prefixes everywhere, CRLF, pretty-printed) and the demo's messages.
        foreach (var f in Directory.GetFiles(Paden.GoldenMap, "*.xml").Concat(Directory.GetFiles(Paden.VoorbeeldenMap, "*.xml"))
                     .Concat(Directory.GetFiles(Path.Combine(Paden.RepoRoot, "demo", "berichten"), "*.xml")).Order(StringComparer.Ordinal))
        {
            d.Add(f);
        }

        return d;
    }

    [Theory]
    [MemberData(nameof(Berichten))]
    public void Elk_voorbeeld_en_demobericht_leest_direct_als_hetzelfde_record_als_via_de_XML_reader(string bestand)
    {
        var bytes = File.ReadAllBytes(bestand);
        var verwacht = IjwLezer.LeesGeaccepteerdMetXmlReader(bytes);
        Assert.True(verwacht.IsGeldig, string.Join("; ", verwacht.Fouten));

        var direct = Utf8Lezer.Lees(bytes);

        Assert.NotNull(direct);
        Assert.Equal(Json(verwacht.Waarde), Json(direct));
        Assert.Equal(Json(verwacht.Waarde), Json(IjwLezer.LeesGeaccepteerd(bytes).Waarde));
    }

    /// <summary>Forms the XML reader accepts and the direct reader follows too: each must read the same both ways.</summary>
    public static TheoryData<string, string> Vormen() => new()
    {
        { "zonder declaratie", "strip-decl" },
        { "byte order mark", "bom" },
        { "CRLF overal", "crlf" },
        { "declaratie met standalone en enkele aanhalingstekens", "decl-enkel" },
        { "commentaar en verwerkingsinstructies tussen elementen", "commentaar" },
        { "xsi:schemaLocation op de root", "xsi" },
        { "naamruimte opnieuw gedeclareerd op een binnenste element met een ander voorvoegsel", "herdeclaratie" },
        { "witruimte in tags", "tagwit" },
        { "lege tag voor een waarde met alleen witruimte", "leeg" },
        { "entiteiten in een waarde", "entiteiten" },
        { "CR en CRLF binnen een waarde", "cr-in-waarde" },
        { "alleen witruimte in een waarde", "witte-waarde" },
        { "niet-ASCII in een waarde", "utf8" },
    };

    [Theory]
    [MemberData(nameof(Vormen))]
    public void Een_vorm_die_de_XML_reader_leest_leest_direct_hetzelfde(string omschrijving, string vorm)
    {
        var bytes = Vorm(vorm);
        var verwacht = IjwLezer.LeesGeaccepteerdMetXmlReader(bytes);
        Assert.True(verwacht.IsGeldig, omschrijving + ": " + string.Join("; ", verwacht.Fouten));

        var direct = Utf8Lezer.Lees(bytes);

        Assert.NotNull(direct);
        Assert.Equal(Json(verwacht.Waarde), Json(direct));
    }

    /// <summary>Forms the direct reader does not follow: it declines them and the answer is the XML reader's, error or record.</summary>
    public static TheoryData<string, string> Afgewezen() => new()
    {
        { "een andere codering", "latin1" },
        { "UTF-16", "utf16" },
        { "een DOCTYPE", "doctype" },
        { "CDATA in een waarde", "cdata" },
        { "een tekenverwijzing", "tekenverwijzing" },
        { "een onbekende entiteit", "entiteit" },
        { "commentaar binnen een waarde", "commentaar-in-waarde" },
        { "een ander attribuut", "attribuut" },
        { "een element op de verkeerde plaats", "volgorde" },
        { "een element te veel", "teveel" },
        { "een verplicht element dat ontbreekt", "ontbreekt" },
        { "een element in de verkeerde naamruimte", "naamruimte" },
        { "een niet-gedeclareerd voorvoegsel", "voorvoegsel" },
        { "een eindtag die niet past", "eindtag" },
        { "tekst tussen elementen", "tekst" },
        { "iets na de root", "na-root" },
        { "afgekapt", "afgekapt" },
        { "twee keer hetzelfde attribuut", "dubbel-attribuut" },
        { "een stuurteken", "stuurteken" },
        { "ongeldige UTF-8", "ongeldig-utf8" },
    };

    [Theory]
    [MemberData(nameof(Afgewezen))]
    public void Een_vorm_die_de_directe_lezer_niet_volgt_wordt_via_de_XML_reader_gelezen(string omschrijving, string vorm)
    {
        var bytes = Vorm(vorm);

        Assert.True(Utf8Lezer.Lees(bytes) is null, omschrijving);

        var verwacht = IjwLezer.LeesGeaccepteerdMetXmlReader(bytes);
        var gelezen = IjwLezer.LeesGeaccepteerd(bytes);
        Assert.Equal(verwacht.IsGeldig, gelezen.IsGeldig);
        Assert.Equal(verwacht.Fouten.Select(f => f.ToString()), gelezen.Fouten.Select(f => f.ToString()));
        if (verwacht.IsGeldig)
        {
            Assert.Equal(Json(verwacht.Waarde), Json(gelezen.Waarde));
        }
    }

    /// <summary>
    /// Thousands of seeded mutations of valid messages (bytes flipped, encodings, whitespace, nesting, entities, elements
    /// moved or renamed): wherever the direct reader gives a record, the XML reader's pass accepts the bytes and gives
    /// the same record. It may decline more than needed, never accept what the pass refuses or read it differently.
    /// </summary>
    [Fact]
    public void Waar_de_directe_lezer_een_mutatie_leest_geeft_de_XML_reader_hetzelfde_record()
    {
        var bronnen = Directory.GetFiles(Paden.GoldenMap, "*.xml").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).Concat(Mutator.Zaden()).ToList();
        var mutator = new Mutator(20261206);
        int gelezen = 0, afgewezen = 0;
        for (var i = 0; i < 3000; i++)
        {
            var (soort, bytes) = mutator.Volgende(bronnen);
            if (Utf8Lezer.Lees(bytes) is not { } direct)
            {
                afgewezen++;
                continue;
            }

            gelezen++;
            var verwacht = IjwLezer.LeesGeaccepteerdMetXmlReader(bytes);
            Assert.True(verwacht.IsGeldig, $"mutatie {i} ({soort}): direct gelezen, de XML-reader weigert: {string.Join("; ", verwacht.Fouten)}");
            Assert.Equal(Json(verwacht.Waarde), Json(direct));
        }

        uitvoer.WriteLine($"{gelezen} mutaties direct gelezen (zelfde record als de XML-reader), {afgewezen} afgewezen");

        // Both sides exercised: many mutations leave a readable message (whitespace, a BOM), many do not.
        Assert.True(gelezen > 300 && afgewezen > 300, $"{gelezen} gelezen, {afgewezen} afgewezen");
    }

    /// <summary>
    /// The reader keeps its tree and tables per thread: a declaration with thousands of prestaties, or a root with a hundred
    /// namespace declarations, makes them grow and then gives them up. Each message, and a small one after it, still
    /// reads as the XML reader reads it.
    /// </summary>
    [Fact]
    public void Een_heel_groot_bericht_en_een_klein_erna_lezen_direct_als_via_de_XML_reader()
    {
        var jw323 = Tekst("jw323.xml");
        var begin = jw323.IndexOf("<Prestatie>", StringComparison.Ordinal);
        var eind = jw323.IndexOf("</Prestatie>", StringComparison.Ordinal) + "</Prestatie>".Length;
        var groot = jw323[..eind] + string.Concat(Enumerable.Repeat(jw323[begin..eind], 400)) + jw323[eind..];
        var declaraties = string.Concat(Enumerable.Range(0, 100).Select(i => $" xmlns:p{i}=\"urn:x{i}\""));
        var veel = Vervang(Tekst("jw315.xml"), "<Bericht ", "<Bericht" + declaraties + " ");

        foreach (var bytes in new[] { Utf8(groot), Vorm("crlf"), Utf8(veel), Vorm("bom") })
        {
            var verwacht = IjwLezer.LeesGeaccepteerdMetXmlReader(bytes);
            Assert.True(verwacht.IsGeldig, string.Join("; ", verwacht.Fouten));
            var direct = Utf8Lezer.Lees(bytes);
            Assert.NotNull(direct);
            Assert.Equal(Json(verwacht.Waarde), Json(direct));
        }
    }

    /// <summary>
    /// The reader shares a short value with the last equal one its thread read (one string per code, date or BSN rather
    /// than one per message): messages read one after another on one thread, differing only in such a value, each read
    /// their own value — 5,000 BSNs of the same length, so many share a slot in the per-thread table — and reading the
    /// first again still gives its own.
    /// </summary>
    [Fact]
    public void Berichten_na_elkaar_op_een_draad_gelezen_geven_elk_hun_eigen_korte_waarden()
    {
        var jw315 = Tekst("jw315.xml");
        for (var i = 0; i <= 5000; i++)
        {
            var bsn = (100_000_000 + (i % 5000 * 7919)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var gelezen = Assert.IsType<VerzoekOmToewijzingBericht>(Utf8Lezer.Lees(Utf8(Vervang(jw315, "<Bsn>100002183</Bsn>", $"<Bsn>{bsn}</Bsn>"))));
            Assert.Equal(bsn, gelezen.Client!.Bsn);
        }
    }

    private static string Json(IjwBericht bericht) => JsonSerializer.Serialize(bericht, bericht.GetType());

    private static string Tekst(string naam) => File.ReadAllText(Path.Combine(Paden.GoldenMap, naam));

    private static byte[] Utf8(string tekst) => Encoding.UTF8.GetBytes(tekst);

    private static string Vervang(string tekst, string oud, string nieuw)
    {
        Assert.Contains(oud, tekst, StringComparison.Ordinal);
        return tekst.Replace(oud, nieuw, StringComparison.Ordinal);
    }

    private static byte[] Vorm(string vorm)
    {
        var jw315 = Tekst("jw315.xml");
        var declaratie = jw315[..(jw315.IndexOf("?>", StringComparison.Ordinal) + 2)];
        return vorm switch
        {
            "strip-decl" => Utf8(jw315[declaratie.Length..].TrimStart()),
            "bom" => [0xEF, 0xBB, 0xBF, .. Utf8(jw315)],
            "crlf" => Utf8(jw315.ReplaceLineEndings("\r\n")),
            "decl-enkel" => Utf8(Vervang(jw315, declaratie, "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>")),
            "commentaar" => Utf8(Vervang(Vervang(jw315, "<Header>", "<!-- kop --><Header><?verwerk dit?>"), "</Bericht>", "<!-- einde --></Bericht>\n<!-- na -->\n<?na?>")),
            "xsi" => Utf8(Vervang(jw315, "<Bericht ", "<Bericht xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"x jw315.xsd\" ")),
            "herdeclaratie" => Utf8(Vervang(Vervang(jw315, "<BerichtIdentificatie>", $"<BerichtIdentificatie xmlns:b=\"{Basis}\">"),
                "<ijw:Identificatie>VOT-0001</ijw:Identificatie>", "<b:Identificatie>VOT-0001</b:Identificatie>")),
            "tagwit" => Utf8(Vervang(Vervang(jw315, "<Geslacht>1</Geslacht>", "<Geslacht\r\n >1</Geslacht\t>"), "<Header>", "<Header >")),
            "leeg" => Utf8(Vervang(jw315, "<Commentaar>Graag spoedig</Commentaar>", "<Commentaar/>")),
            "entiteiten" => Utf8(Vervang(jw315, "<Commentaar>Graag spoedig</Commentaar>", "<Commentaar>a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; ]&gt;</Commentaar>")),
            "cr-in-waarde" => Utf8(Vervang(jw315, "<Commentaar>Graag spoedig</Commentaar>", "<Commentaar>Graag\r\nspoedig\rnu\n</Commentaar>")),
            "witte-waarde" => Utf8(Vervang(jw315, "<Commentaar>Graag spoedig</Commentaar>", "<Commentaar> \r\n\t </Commentaar>")),
            "utf8" => Utf8(Vervang(jw315, "<Commentaar>Graag spoedig</Commentaar>", "<Commentaar>Zoë gaat naar de crèche \u1ef3 \ud83d\ude00</Commentaar>")),
            "latin1" => Encoding.Latin1.GetBytes(Vervang(Vervang(jw315, declaratie, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"), "Graag spoedig", "Zoë")),
            "utf16" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Vervang(jw315, declaratie, "<?xml version=\"1.0\" encoding=\"UTF-16\"?>"))],
            "doctype" => Utf8(Vervang(jw315, "<Bericht ", "<!DOCTYPE Bericht>\n<Bericht ")),
            "cdata" => Utf8(Vervang(jw315, "<Commentaar>Graag spoedig</Commentaar>", "<Commentaar><![CDATA[Graag spoedig]]></Commentaar>")),
            "tekenverwijzing" => Utf8(Vervang(jw315, "<Commentaar>Graag spoedig</Commentaar>", "<Commentaar>Graag&#32;spoedig</Commentaar>")),
            "entiteit" => Utf8(Vervang(jw315, "<Commentaar>Graag spoedig</Commentaar>", "<Commentaar>Graag &nbsp; spoedig</Commentaar>")),
            "commentaar-in-waarde" => Utf8(Vervang(jw315, "<Commentaar>Graag spoedig</Commentaar>", "<Commentaar>Graag<!-- x -->spoedig</Commentaar>")),
            "attribuut" => Utf8(Vervang(jw315, "<Geslacht>", "<Geslacht soort=\"x\">")),
            "volgorde" => Utf8(Vervang(jw315, "<BerichtVersie>3</BerichtVersie>\n    <BerichtSubversie>2</BerichtSubversie>", "<BerichtSubversie>2</BerichtSubversie>\n    <BerichtVersie>3</BerichtVersie>")),
            "teveel" => Utf8(Vervang(jw315, "<Geslacht>1</Geslacht>", "<Geslacht>1</Geslacht><Geslacht>1</Geslacht>")),
            "ontbreekt" => Utf8(Vervang(jw315, "<Geslacht>1</Geslacht>", "")),
            "naamruimte" => Utf8(Vervang(jw315, "<Geslacht>1</Geslacht>", "<ijw:Geslacht>1</ijw:Geslacht>")),
            "voorvoegsel" => Utf8(Vervang(jw315, "<Geslacht>1</Geslacht>", "<q:Geslacht>1</q:Geslacht>")),
            "eindtag" => Utf8(Vervang(jw315, "<Geslacht>1</Geslacht>", "<Geslacht>1</Geslachten>")),
            "tekst" => Utf8(Vervang(jw315, "<Geslacht>1</Geslacht>", "<Geslacht>1</Geslacht>tekst")),
            "na-root" => Utf8(jw315.TrimEnd() + "<Bericht/>"),
            "afgekapt" => Utf8(jw315[..(jw315.Length / 2)]),
            "dubbel-attribuut" => Utf8(Vervang(jw315, "<Bericht ", $"<Bericht xmlns:a=\"{Basis}\" xmlns:a=\"{Basis}\" ")),
            "stuurteken" => Utf8(Vervang(jw315, "Graag spoedig", "Graag\u0001spoedig")),
            "ongeldig-utf8" => [.. Utf8(jw315[..jw315.IndexOf("Graag", StringComparison.Ordinal)]), 0xC3, 0x28, .. Utf8(jw315[jw315.IndexOf("Graag", StringComparison.Ordinal)..])],
            _ => throw new ArgumentOutOfRangeException(nameof(vorm)),
        };
    }
}
