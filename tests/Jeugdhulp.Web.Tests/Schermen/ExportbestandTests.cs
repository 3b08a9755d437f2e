using System.Text;
using ClosedXML.Excel;
using Jeugdhulp.Web.Export;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>The one export helper: CSV that Dutch Excel opens and cannot be tricked into a formula; a workbook with typed cells.</summary>
public sealed class ExportbestandTests
{
    private static readonly Exporttabel Tabel = new("proef", ["Naam", "Aantal", "Bedrag", "Datum"],
        [
            ["=HYPERLINK(\"http://x\")", 3L, 12.5m, new DateOnly(2027, 3, 1)],
            ["+31; \"quote\"", -2L, -1.25m, null],
            ["@SUM(A1)", 0, 0m, new DateOnly(2027, 12, 31)],
            ["-1+1", null, null, null],
            ["0171", 1, 1m, null],
        ], []);

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@a", "'@a")]
    [InlineData("\tx", "'\tx")]
    [InlineData("gewoon", "gewoon")]
    [InlineData("", "")]
    public void Tekst_die_een_formule_kan_zijn_krijgt_een_apostrof(string invoer, string verwacht) =>
        Assert.Equal(verwacht, Exportbestand.Veilig(invoer));

    [Fact]
    public void Csv_is_utf8_met_bom_puntkomma_decimale_komma_en_aanhalingstekens_waar_nodig()
    {
        var bytes = Exportbestand.Csv(Tabel);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var regels = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("Naam;Aantal;Bedrag;Datum", regels[0]);
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\")\";3;12,50;2027-03-01", regels[1]);
        Assert.Equal("\"'+31; \"\"quote\"\"\";-2;-1,25;", regels[2]);
        Assert.Equal("'@SUM(A1);0;0,00;2027-12-31", regels[3]);
        Assert.Equal("'-1+1;;;", regels[4]);
        Assert.Equal("", regels[^1]);
    }

    [Fact]
    public void Excel_heeft_tekst_nooit_als_formule_en_getallen_en_datums_getypeerd()
    {
        using var boek = new XLWorkbook(new MemoryStream(Exportbestand.Excel(Tabel)));
        var blad = boek.Worksheet("proef");
        Assert.Equal("Naam", blad.Cell(1, 1).GetString());
        Assert.True(blad.Cell(1, 1).Style.Font.Bold);
        Assert.False(blad.Cell(2, 1).HasFormula);
        Assert.Equal("=HYPERLINK(\"http://x\")", blad.Cell(2, 1).GetString());
        Assert.Equal(XLDataType.Text, blad.Cell(2, 1).DataType);
        Assert.Equal(XLDataType.Number, blad.Cell(2, 2).DataType);
        Assert.Equal(3, blad.Cell(2, 2).GetDouble());
        Assert.Equal(12.5, blad.Cell(2, 3).GetDouble());
        Assert.Equal(new DateTime(2027, 3, 1), blad.Cell(2, 4).GetDateTime());
        Assert.Equal("0171", blad.Cell(6, 1).GetString());
        Assert.True(blad.Cell(3, 4).IsEmpty());
    }
}
