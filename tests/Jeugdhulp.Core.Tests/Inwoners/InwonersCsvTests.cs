using Jeugdhulp.Core.Inwoners;

namespace Jeugdhulp.Core.Tests.Inwoners;

public class InwonersCsvTests
{
    private const string Kop = "bsn,gemeente,geboortedatum,huishouden,jeugdreclassering";

    [Fact]
    public void Leest_inwoners_met_huishouden_en_jeugdreclassering()
    {
        var tekst = "\uFEFF" + Kop + "\r\n" +
                    "100002183,0171,2016-09-12,NOP-1,nee\r\n" +
                    "\"100002195\",0171,2012-01-30,\"NOP-1\",ja\r\n" +
                    "100000009,0034,2010-05-01,,\r\n";

        var resultaat = InwonersCsv.Lees(new StringReader(tekst));

        Assert.True(resultaat.IsGeldig, string.Join(Environment.NewLine, resultaat.Fouten));
        var (a, b, c) = (resultaat.Waarde[0], resultaat.Waarde[1], resultaat.Waarde[2]);
        Assert.Equal(("100002183", "0171", new DateOnly(2016, 9, 12), "NOP-1", false), (a.Bsn.Waarde, a.Gemeente.Waarde, a.Geboortedatum, a.Huishouden, a.Jeugdreclassering));
        Assert.True(b.Jeugdreclassering);
        Assert.Null(c.Huishouden);
        Assert.False(c.Jeugdreclassering);
    }

    [Theory]
    [InlineData("bsn,gemeente,geboortedatum", "100002183,0171,2016-09-12")]
    [InlineData("bsn,gemeente,geboortedatum,jeugdreclassering,huishouden", "100002183,0171,2016-09-12,ja,H1")]
    [InlineData("bsn,gemeente,geboortedatum,huishouden", "100002183,0171,2016-09-12,H1")]
    public void De_extra_kolommen_zijn_optioneel_en_in_elke_volgorde(string kop, string regel)
    {
        var resultaat = InwonersCsv.Lees(kop + "\n" + regel + "\n");

        Assert.True(resultaat.IsGeldig, string.Join(Environment.NewLine, resultaat.Fouten));
        Assert.Equal(kop.Contains("huishouden", StringComparison.Ordinal) ? "H1" : null, resultaat.Waarde[0].Huishouden);
    }

    [Theory]
    [InlineData("")]
    [InlineData("bsn,geboortedatum,gemeente")]
    [InlineData("bsn,gemeente")]
    [InlineData("bsn,gemeente,geboortedatum,postcode")]
    [InlineData("bsn,gemeente,geboortedatum,huishouden,huishouden")]
    public void Een_foute_kopregel_wordt_geweigerd(string kop)
    {
        var fout = Assert.Single(InwonersCsv.Lees(kop + "\n100002183,0171,2016-09-12\n").Fouten);

        Assert.Equal(("CSV-KOP", "inwoners.csv: regel 1"), (fout.Code, fout.Plaats));
    }

    [Theory]
    [InlineData("100002184,0171,2016-09-12,H1,nee", "CS002", "kolom bsn")]
    [InlineData("10000218,0171,2016-09-12,H1,nee", "CS002", "kolom bsn")]
    [InlineData("100002183,171,2016-09-12,H1,nee", "GEMEENTE", "kolom gemeente")]
    [InlineData("100002183,0171,12-09-2016,H1,nee", "CSV-DATUM", "kolom geboortedatum")]
    [InlineData("100002183,0171,2016-09-12, H1,nee", "CSV-HUISHOUDEN", "kolom huishouden")]
    [InlineData("100002183,0171,2016-09-12,H1,Ja", "CSV-JANEE", "kolom jeugdreclassering")]
    [InlineData("100002183,0171,2016-09-12,H1", "CSV-OPBOUW", null)]
    public void Een_foute_regel_wordt_gemeld_met_regelnummer_en_kolom(string regel, string code, string? kolom)
    {
        var fout = Assert.Single(InwonersCsv.Lees(Kop + "\n" + regel + "\n").Fouten);

        Assert.Equal((code, "inwoners.csv: regel 2" + (kolom is null ? "" : ", " + kolom)), (fout.Code, fout.Plaats));
    }

    [Fact]
    public void Hetzelfde_BSN_twee_keer_is_een_fout_zonder_het_BSN_te_tonen()
    {
        var tekst = Kop + "\n" +
                    "100002183,0171,2016-09-12,H1,nee\n" +
                    "100002195,0171,2012-01-30,H1,nee\n" +
                    "100002183,0184,2016-09-12,,nee\n";

        var fout = Assert.Single(InwonersCsv.Lees(tekst).Fouten);

        Assert.Equal(("CSV-DUBBEL", "inwoners.csv: regel 4, kolom bsn"), (fout.Code, fout.Plaats));
        Assert.Contains("regel 2", fout.Melding, StringComparison.Ordinal);
        Assert.DoesNotContain("100002183", fout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Een_foute_regel_weigert_het_hele_bestand()
    {
        var tekst = Kop + "\n" +
                    "100002183,0171,2016-09-12,H1,nee\n" +
                    "100002195,0171,2012-01-30,H1,misschien\n" +
                    "100002184,0171,2012-01-30,H1,nee\n";

        var resultaat = InwonersCsv.Lees(tekst);

        Assert.False(resultaat.IsGeldig);
        Assert.Equal(["inwoners.csv: regel 3, kolom jeugdreclassering", "inwoners.csv: regel 4, kolom bsn"], resultaat.Fouten.Select(f => f.Plaats));
    }
}
