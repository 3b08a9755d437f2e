using System.Text;
using Jeugdhulp.Ijw.Lezen;

namespace Jeugdhulp.Ijw.Tests.Lezen;

/// <summary>
/// The schema level (IV032 level 1): each case changes the valid golden JW315 in one place. Our check must
/// report the expected code on the element's path, and the official XSD must reject the same bytes, so
/// the own implementation is neither stricter nor looser than the XSDs on these points.
/// </summary>
public class SchemacontroleTests
{
    private const string P1 = "/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[1]";

    private static string Jw315 => File.ReadAllText(Path.Combine(Paden.GoldenMap, "jw315.xml"));

    public static TheoryData<string, string, string, string, string> Gevallen() => new()
    {
        // name, replace this, by this, expected code, expected path
        { "verplicht element ontbreekt", "<ijw:Type>02</ijw:Type>", "", "XSD-ONTBREEKT", P1 + "/Verwijzer/Type" },
        { "verplichte klasse ontbreekt", "<Bsn>100002183</Bsn>", "", "XSD-ONTBREEKT", "/Bericht/Client/Bsn" },
        { "verkeerde volgorde", "<Raamcontract>2</Raamcontract>\n        <Commentaar>Huisarts verwijst</Commentaar>", "<Commentaar>Huisarts verwijst</Commentaar>\n        <Raamcontract>2</Raamcontract>", "XSD-VOLGORDE", P1 + "/Raamcontract" },
        { "te vaak", "<Geslacht>1</Geslacht>", "<Geslacht>1</Geslacht><Geslacht>1</Geslacht>", "XSD-TEVEEL", "/Bericht/Client/Geslacht" },
        { "onbekend element", "<Geslacht>1</Geslacht>", "<Geslacht>1</Geslacht><RedenVerzoek>1</RedenVerzoek>", "XSD-ONBEKEND", "/Bericht/Client/RedenVerzoek" },
        { "basisschema-element in berichtnaamruimte", "<ijw:Type>02</ijw:Type>", "<Type>02</Type>", "XSD-NAAMRUIMTE", P1 + "/Verwijzer/Type" },
        { "berichtelement in basisschemanaamruimte", "<Bsn>100002183</Bsn>", "<ijw:Bsn>100002183</ijw:Bsn>", "XSD-NAAMRUIMTE", "/Bericht/Client/Bsn" },
        { "patroon", "<Bsn>100002183</Bsn>", "<Bsn>10000218X</Bsn>", "XSD-PATROON", "/Bericht/Client/Bsn" },
        { "vaste BerichtCode", "<BerichtCode>446</BerichtCode>", "<BerichtCode>447</BerichtCode>", "XSD-PATROON", "/Bericht/Header/BerichtCode" },
        { "codelijst zonder 07", "<ijw:Type>02</ijw:Type>", "<ijw:Type>07</ijw:Type>", "XSD-CODELIJST", P1 + "/Verwijzer/Type" },
        { "lengte", "<ReferentieAanbieder>NOP-2027-0001</ReferentieAanbieder>", "<ReferentieAanbieder>" + new string('R', 37) + "</ReferentieAanbieder>", "XSD-LENGTE", P1 + "/ReferentieAanbieder" },
        { "bereik", "<ijw:Volume>1800</ijw:Volume>", "<ijw:Volume>100000000</ijw:Volume>", "XSD-BEREIK", P1 + "/Omvang/Volume" },
        { "geen getal", "<ijw:Volume>1800</ijw:Volume>", "<ijw:Volume>veel</ijw:Volume>", "XSD-TYPE", P1 + "/Omvang/Volume" },
        { "geen datum", "<ToewijzingIngangsdatum>2027-03-08</ToewijzingIngangsdatum>", "<ToewijzingIngangsdatum>2027-02-30</ToewijzingIngangsdatum>", "XSD-TYPE", P1 + "/ToewijzingIngangsdatum" },
        { "RS032 tijdzone Z", "<ToewijzingIngangsdatum>2027-03-08</ToewijzingIngangsdatum>", "<ToewijzingIngangsdatum>2027-03-08Z</ToewijzingIngangsdatum>", "RS032", P1 + "/ToewijzingIngangsdatum" },
        { "RS032 tijdzone +01:00", "<ijw:Dagtekening>2027-03-01</ijw:Dagtekening>", "<ijw:Dagtekening>2027-03-01+01:00</ijw:Dagtekening>", "RS032", "/Bericht/Header/BerichtIdentificatie/Dagtekening" },
        { "RS033 leeg element", "<ijw:Achternaam>Vries</ijw:Achternaam>", "<ijw:Achternaam></ijw:Achternaam>", "RS033", "/Bericht/Client/Naam/Geslachtsnaam/Achternaam" },
        { "RS033 leeg getal", "<ijw:Volume>1800</ijw:Volume>", "<ijw:Volume/>", "RS033", P1 + "/Omvang/Volume" },
        { "attribuut", "<Client>", "<Client id=\"1\">", "XSD-ATTRIBUUT", "/Bericht/Client" },
        { "tekst in klasse", "<Client>", "<Client>tekst", "XSD-INHOUD", "/Bericht/Client" },
        { "element in waarde", "<Geslacht>1</Geslacht>", "<Geslacht><ijw:Code>1</ijw:Code></Geslacht>", "XSD-INHOUD", "/Bericht/Client/Geslacht/Code" },
        { "tweede product", "<ReferentieAanbieder>NOP-2027-0002</ReferentieAanbieder>", "", "XSD-ONTBREEKT", "/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]/ReferentieAanbieder" },
    };

    [Theory]
    [MemberData(nameof(Gevallen))]
    public void Schemafout_geeft_code_en_pad_en_de_officiele_XSD_keurt_ook_af(string naam, string oud, string nieuw, string code, string pad)
    {
        Assert.Contains(oud, Jw315, StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(Jw315.Replace(oud, nieuw, StringComparison.Ordinal));

        var gelezen = IjwLezer.Lees(bytes);

        Assert.False(gelezen.IsGeldig, naam);
        Assert.Contains(gelezen.Fouten, f => f.Code == code && f.Plaats == pad);
        Assert.NotEmpty(XsdValidatie.Fouten(bytes));
    }

    /// <summary>Issue 17: the reader was created outside its guard, so these threw out of IjwLezer and stopped a run.</summary>
    [Theory]
    [InlineData("4C6FA794", "EBCDIC voor <?xm")]
    [InlineData("4C6FA794A29640A58599A2899695", "EBCDIC met meer van de declaratie")]
    [InlineData("3C3F786D6C2076657273696F6E3D22312E302220656E636F64696E673D2245424344494322203F3E3C782F3E", "encoding=\"EBCDIC\"")]
    [InlineData("3C3F786D6C2076657273696F6E3D22312E302220656E636F64696E673D225554462D3722203F3E3C782F3E", "encoding=\"UTF-7\"")]
    [InlineData("3C3F786D6C2076657273696F6E3D22312E302220656E636F64696E673D22626F67757322203F3E3C782F3E", "encoding=\"bogus\"")]
    public void Een_onbekende_tekencodering_is_een_gecodeerde_fout_en_geen_exceptie(string hex, string naam)
    {
        var bytes = Convert.FromHexString(hex);

        var fout = Assert.Single(IjwLezer.Lees(bytes).Fouten);

        Assert.True(fout.Code == Foutcodes.GeenXml, naam);
        Assert.Contains("tekencodering", fout.Melding, StringComparison.Ordinal);
        Assert.Null(Afzenderlezer.Lees(bytes));
    }

    /// <summary>
    /// Issue 17: 4,096 or more spaces between elements were reported as text in a class (XSD-INHOUD) because the
    /// XML reader hands a run of whitespace longer than its buffer over as Text. The XSD allows any amount.
    /// </summary>
    [Theory]
    [InlineData(4095, " ")]
    [InlineData(4096, " ")]
    [InlineData(4097, " \t")]
    [InlineData(100_000, " \r\n\t")]
    public void Witruimte_tussen_elementen_van_elke_lengte_is_geldig_zoals_in_de_XSD(int lengte, string tekens)
    {
        var wit = string.Concat(Enumerable.Range(0, lengte).Select(i => tekens[i % tekens.Length]));
        var xml = Jw315.Replace("<Client>", wit + "<Client>" + wit, StringComparison.Ordinal)
            .Replace("<ijw:Type>02</ijw:Type>", wit + "<ijw:Type>02</ijw:Type>" + wit, StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(xml);

        var gelezen = IjwLezer.Lees(bytes);

        Assert.Empty(XsdValidatie.Fouten(bytes));
        Assert.True(gelezen.IsGeldig, string.Join("; ", gelezen.Fouten));
    }

    [Fact]
    public void Lange_witruimte_met_tekst_ertussen_blijft_tekst_in_een_klasse()
    {
        var xml = Jw315.Replace("<Client>", "<Client>" + new string(' ', 5000) + "x" + new string(' ', 5000), StringComparison.Ordinal);

        var gelezen = IjwLezer.LeesTekst(xml);

        Assert.Contains(gelezen.Fouten, f => f.Code == Foutcodes.Inhoud && f.Plaats == "/Bericht/Client");
        Assert.NotEmpty(XsdValidatie.Fouten(Encoding.UTF8.GetBytes(xml)));
    }

    [Fact]
    public void Geldig_bericht_geeft_geen_RS032_of_RS033()
    {
        var gelezen = IjwLezer.LeesTekst(Jw315);

        Assert.True(gelezen.IsGeldig);
    }

    [Fact]
    public void Waarde_met_spaties_rond_een_getal_of_datum_is_geldig_zoals_in_de_XSD()
    {
        var xml = Jw315.Replace("<ijw:Volume>1800</ijw:Volume>", "<ijw:Volume> 1800 </ijw:Volume>", StringComparison.Ordinal);

        Assert.Empty(XsdValidatie.Fouten(Encoding.UTF8.GetBytes(xml)));
        Assert.True(IjwLezer.LeesTekst(xml).IsGeldig);
    }

    [Theory]
    [InlineData("")]
    [InlineData("dit is geen xml")]
    [InlineData("<Bericht xmlns=\"http://www.istandaarden.nl/ijw/3_2/jw315/schema\"><Header><BerichtCode>446</BerichtCode>")]
    [InlineData("%PDF-1.4 binary")]
    public void Geen_XML_geeft_een_gecodeerde_fout(string tekst)
    {
        var gelezen = IjwLezer.Lees(Encoding.UTF8.GetBytes(tekst));

        var fout = Assert.Single(gelezen.Fouten);
        Assert.Equal(Foutcodes.GeenXml, fout.Code);
    }

    [Theory]
    [InlineData("", "Het bestand bevat geen XML-element")]
    [InlineData("dit is een notitie", "Geen XML: de inhoud begint niet met een XML-element.")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><x/>", "Het bestand bevat een DTD")]
    public void Geen_XML_krijgt_een_Nederlandse_uitleg(string tekst, string begin)
    {
        var fout = Assert.Single(IjwLezer.Lees(Encoding.UTF8.GetBytes(tekst)).Fouten);

        Assert.Equal(Foutcodes.GeenXml, fout.Code);
        Assert.StartsWith(begin, fout.Melding, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><body/></html>")]
    [InlineData("<Bericht xmlns=\"http://www.istandaarden.nl/iwmo/3_2/wmo315/schema\"/>")]
    [InlineData("<Bericht xmlns=\"http://www.istandaarden.nl/ijw/3_2/jw399/schema\"/>")]
    [InlineData("<Bericht/>")]
    public void XML_dat_geen_iJw_bericht_is_geeft_een_gecodeerde_fout(string tekst)
    {
        var gelezen = IjwLezer.LeesTekst(tekst);

        var fout = Assert.Single(gelezen.Fouten);
        Assert.Equal(Foutcodes.GeenIjw, fout.Code);
    }

    [Fact]
    public void Schemafout_over_een_BSN_noemt_het_BSN_niet()
    {
        var gelezen = IjwLezer.LeesTekst(Jw315.Replace("<Bsn>100002183</Bsn>", "<Bsn>1000021830</Bsn>", StringComparison.Ordinal));

        Assert.DoesNotContain(gelezen.Fouten, f => f.ToString().Contains("1000021830", StringComparison.Ordinal));
    }
}
