using System.Text;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Lezen;
using Jeugdhulp.Ijw.Schema;
using Jeugdhulp.Ijw.Schrijven;

namespace Jeugdhulp.Ijw.Tests;

public class LezenEnSchrijvenTests
{
    public static TheoryData<Berichtsoort> AlleSoorten() => [.. Enum.GetValues<Berichtsoort>()];

    public static TheoryData<string> SharedVoorbeelden() => [.. Directory.GetFiles(Paden.VoorbeeldenMap, "*.xml").Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal)];

    private static string GoldenPad(Berichtsoort soort) => Path.Combine(Paden.GoldenMap, soort.ToString().ToLowerInvariant() + ".xml");

    [Theory]
    [MemberData(nameof(AlleSoorten))]
    public void Geschreven_bericht_is_geldig_volgens_de_officiele_XSD(Berichtsoort soort)
    {
        var xml = IjwSchrijver.Schrijf(Voorbeelden.Van(soort));
        Assert.Empty(XsdValidatie.Fouten(xml));
    }

    [Theory]
    [MemberData(nameof(AlleSoorten))]
    public void Geschreven_bericht_is_gelijk_aan_het_golden_bestand(Berichtsoort soort)
    {
        var xml = IjwSchrijver.Schrijf(Voorbeelden.Van(soort));
        if (Environment.GetEnvironmentVariable("IJW_GOLDEN_SCHRIJVEN") == "1")
        {
            File.WriteAllBytes(Path.Combine(Paden.GoldenBronMap, soort.ToString().ToLowerInvariant() + ".xml"), xml);
        }

        Assert.Equal(Encoding.UTF8.GetString(File.ReadAllBytes(GoldenPad(soort))), Encoding.UTF8.GetString(xml));
    }

    [Theory]
    [MemberData(nameof(AlleSoorten))]
    public void Golden_bestand_lezen_en_schrijven_geeft_dezelfde_XML(Berichtsoort soort)
    {
        var golden = File.ReadAllBytes(GoldenPad(soort));
        Assert.Empty(XsdValidatie.Fouten(golden));

        var gelezen = IjwLezer.Lees(golden);

        Assert.True(gelezen.IsGeldig, string.Join("\n", gelezen.Fouten));
        Assert.Equal(soort, gelezen.Waarde.Soort);
        var opnieuw = IjwSchrijver.Schrijf(gelezen.Waarde);
        Assert.Equal(Canoniek.Van(golden), Canoniek.Van(opnieuw));
        Assert.Equal(Encoding.UTF8.GetString(golden), Encoding.UTF8.GetString(opnieuw));
    }

    [Theory]
    [MemberData(nameof(SharedVoorbeelden))]
    public void Voorbeelden_van_andere_systemen_worden_gelezen_en_gelijkwaardig_teruggeschreven(string bestand)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Paden.VoorbeeldenMap, bestand));

        var gelezen = IjwLezer.Lees(bytes);

        Assert.True(gelezen.IsGeldig, string.Join("\n", gelezen.Fouten));
        var opnieuw = IjwSchrijver.Schrijf(gelezen.Waarde);
        Assert.Empty(XsdValidatie.Fouten(opnieuw));
        Assert.Equal(Canoniek.Van(bytes), Canoniek.Van(opnieuw));
    }

    [Fact]
    public void Basisschema_elementen_staan_in_de_basisschema_naamruimte_met_prefix_ijw()
    {
        var xml = IjwSchrijver.SchrijfTekst(Voorbeelden.Jw315());

        Assert.Contains("<Bericht xmlns:ijw=\"http://www.istandaarden.nl/ijw/3_2/basisschema/schema\" xmlns=\"http://www.istandaarden.nl/ijw/3_2/jw315/schema\">", xml, StringComparison.Ordinal);
        Assert.Contains("<Bsn>100002183</Bsn>", xml, StringComparison.Ordinal);
        Assert.Contains("<ijw:Identificatie>VOT-0001</ijw:Identificatie>", xml, StringComparison.Ordinal);
        Assert.Contains("<ijw:Type>02</ijw:Type>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Gelezen_JW315_heeft_de_waarden_uit_het_bericht()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Paden.VoorbeeldenMap, "jw315-prefixen-crlf.xml"));

        var bericht = Assert.IsType<VerzoekOmToewijzingBericht>(IjwLezer.Lees(bytes).Waarde);

        Assert.Equal(Berichtsoort.JW315, bericht.Soort);
        Assert.Equal("VOT-0001", bericht.Header.BerichtIdentificatie.Identificatie);
        Assert.Equal("100002183", bericht.Client!.Bsn);
        var p = Assert.Single(bericht.Client.AangevraagdeProducten);
        Assert.Equal(new Product("45", "45F11"), p.Product);
        Assert.Equal(new Omvang(1800, "01", "6"), p.Omvang);
        Assert.Equal(new Verwijzer("02", null, "01999999"), p.Verwijzer);
        Assert.Equal(new DateOnly(2027, 9, 7), p.ToewijzingEinddatum);
    }
}
