using Jeugdhulp.Core.Contracten;

namespace Jeugdhulp.Core.Tests.Contracten;

public class ContractenCsvTests
{
    private const string Kop = "gemeente,aanbieder,productcode,ingangsdatum,einddatum,tarief";

    [Fact]
    public void Leest_een_geldig_bestand_met_BOM_CRLF_aanhalingstekens_en_open_einde()
    {
        var tekst = "\uFEFF" + Kop + "\r\n" +
                    "0171,01234567,45F11,2027-01-01,,175\r\n" +
                    "\"0184\",\"01234567\",\"45F02\",2027-01-01,2027-12-31,\"95\"\r\n";

        var resultaat = ContractenCsv.Lees(new StringReader(tekst));

        Assert.True(resultaat.IsGeldig, string.Join(Environment.NewLine, resultaat.Fouten));
        var (open, gesloten) = (resultaat.Waarde[0], resultaat.Waarde[1]);
        Assert.Equal(("0171", "01234567", "45F11", 175L), (open.Gemeente.Waarde, open.Aanbieder.Waarde, open.Product.Waarde, open.TariefCent));
        Assert.Equal(new DateOnly(2027, 1, 1), open.Geldigheid.Begin);
        Assert.Null(open.Geldigheid.Eind);
        Assert.Equal(new DateOnly(2027, 12, 31), gesloten.Geldigheid.Eind);
        Assert.Equal(95L, gesloten.TariefCent);
    }

    [Theory]
    [InlineData("", "regel 1")]
    [InlineData("gemeente,aanbieder,productcode,ingangsdatum,einddatum\n", "regel 1")]
    [InlineData("Gemeente,Aanbieder,Productcode,Ingangsdatum,Einddatum,Tarief\n", "regel 1")]
    [InlineData("gemeente,aanbieder,productcode,ingangsdatum,einddatum,tarief,extra\n", "regel 1")]
    public void Een_andere_kopregel_wordt_geweigerd(string tekst, string plaats)
    {
        var fout = Assert.Single(ContractenCsv.Lees(tekst).Fouten);

        Assert.Equal(("CSV-KOP", $"contracten.csv: {plaats}"), (fout.Code, fout.Plaats));
    }

    [Theory]
    [InlineData("034,01234567,45F11,2027-01-01,,175", "GEMEENTE", "regel 2, kolom gemeente")]
    [InlineData("0034,1234567,45F11,2027-01-01,,175", "AGB", "regel 2, kolom aanbieder")]
    [InlineData("0034,01234567,45F111,2027-01-01,,175", "PRODUCTCODE", "regel 2, kolom productcode")]
    [InlineData("0034,01234567,,2027-01-01,,175", "PRODUCTCODE", "regel 2, kolom productcode")]
    [InlineData("0034,01234567,45F11,01-01-2027,,175", "CSV-DATUM", "regel 2, kolom ingangsdatum")]
    [InlineData("0034,01234567,45F11,2027-02-30,,175", "CSV-DATUM", "regel 2, kolom ingangsdatum")]
    [InlineData("0034,01234567,45F11,2027-01-01,eind,175", "CSV-DATUM", "regel 2, kolom einddatum")]
    [InlineData("0034,01234567,45F11,2027-01-01,2026-12-31,175", "CS003", "regel 2, kolom einddatum")]
    [InlineData("0034,01234567,45F11,2027-01-01,,1.75", "CSV-TARIEF", "regel 2, kolom tarief")]
    [InlineData("0034,01234567,45F11,2027-01-01,,-175", "CSV-TARIEF", "regel 2, kolom tarief")]
    [InlineData("0034,01234567,45F11,2027-01-01,,", "CSV-TARIEF", "regel 2, kolom tarief")]
    [InlineData("0034,01234567,45F11,2027-01-01,,99999999999999999999", "CSV-TARIEF", "regel 2, kolom tarief")]
    [InlineData("0034,01234567,45F11,2027-01-01,175", "CSV-OPBOUW", "regel 2")]
    [InlineData("0034,01234567,45F11,2027-01-01,,175,1", "CSV-OPBOUW", "regel 2")]
    [InlineData("0034,01234567,45\"F11,2027-01-01,,175", "CSV-OPBOUW", "regel 2")]
    [InlineData("0034,\"01234567\"x,45F11,2027-01-01,,175", "CSV-OPBOUW", "regel 2")]
    [InlineData("0034,\"01234567,45F11,2027-01-01,,175", "CSV-OPBOUW", "regel 2")]
    public void Een_foute_regel_wordt_gemeld_met_regelnummer_en_kolom(string regel, string code, string plaats)
    {
        var fout = Assert.Single(ContractenCsv.Lees(Kop + "\n" + regel + "\n").Fouten);

        Assert.Equal((code, $"contracten.csv: {plaats}"), (fout.Code, fout.Plaats));
    }

    [Fact]
    public void Een_foute_regel_weigert_het_hele_bestand_en_alle_foute_regels_worden_gemeld()
    {
        var tekst = Kop + "\n" +
                    "0034,01234567,45F11,2027-01-01,,175\n" +
                    "\n" +                                    // blank line 3 is skipped, numbering goes on
                    "0034,01234567,45F21,2027-01-01,,abc\n" +  // line 4
                    "0034,01234567,45F31,2027-01-01,,160\n" +
                    "0303,0123456X,45F31,2027-01-01,,160\n";  // line 6

        var resultaat = ContractenCsv.Lees(tekst);

        Assert.False(resultaat.IsGeldig);
        Assert.Equal(["contracten.csv: regel 4, kolom tarief", "contracten.csv: regel 6, kolom aanbieder"], resultaat.Fouten.Select(f => f.Plaats));
    }

    [Fact]
    public void Een_veld_over_meerdere_regels_telt_mee_in_de_regelnummers()
    {
        var tekst = Kop + "\n" +
                    "0034,01234567,\"45\nF\",2027-01-01,,175\n" + // lines 2-3: code "45\nF" is 4 chars, fine
                    "0034,01234567,45F11,2027-01-01,,x\n";        // line 4

        var fout = Assert.Single(ContractenCsv.Lees(tekst).Fouten);

        Assert.Equal("contracten.csv: regel 4, kolom tarief", fout.Plaats);
    }

    [Fact]
    public void Hetzelfde_contract_in_overlappende_periodes_is_dubbel()
    {
        var tekst = Kop + "\n" +
                    "0034,01234567,45F11,2027-01-01,2027-12-31,175\n" +
                    "0034,01234567,45F11,2027-06-01,,180\n";

        var fout = Assert.Single(ContractenCsv.Lees(tekst, "nop.csv").Fouten);

        Assert.Equal(("CSV-DUBBEL", "nop.csv: regel 3, kolom ingangsdatum"), (fout.Code, fout.Plaats));
        Assert.Contains("(regel 2)", fout.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public void Opvolgende_periodes_en_andere_gemeenten_zijn_niet_dubbel()
    {
        var tekst = Kop + "\n" +
                    "0034,01234567,45F11,2027-01-01,2027-12-31,175\n" +
                    "0034,01234567,45F11,2028-01-01,,180\n" +
                    "0303,01234567,45F11,2027-01-01,,175\n" +
                    "0034,07654321,45F11,2027-01-01,,175\n";

        var resultaat = ContractenCsv.Lees(tekst);

        Assert.True(resultaat.IsGeldig, string.Join(Environment.NewLine, resultaat.Fouten));
        Assert.Equal(4, resultaat.Waarde.Count);
    }

    [Fact]
    public void Leest_de_optionele_aanbiedernaam_en_zonder_die_kolom_blijft_de_naam_leeg()
    {
        var met = ContractenCsv.Lees(Kop + ",aanbiedernaam\n" +
                                     "0171,01234567,45F11,2027-01-01,,175,\"Jeugdhulp De Horizon, Emmeloord\"\n" +
                                     "0171,01234567,45F21,2027-01-01,,150,\"Jeugdhulp De Horizon, Emmeloord\"\n" +
                                     "0171,03456789,45F11,2027-01-01,,175,\n");
        var zonder = ContractenCsv.Lees(Kop + "\n0171,01234567,45F11,2027-01-01,,175\n");

        Assert.True(met.IsGeldig, string.Join(Environment.NewLine, met.Fouten));
        Assert.Equal(["Jeugdhulp De Horizon, Emmeloord", "Jeugdhulp De Horizon, Emmeloord", null], met.Waarde.Select(c => c.Aanbiedernaam));
        Assert.Null(Assert.Single(zonder.Waarde).Aanbiedernaam);
    }

    [Theory]
    [InlineData("0034,01234567,45F11,2027-01-01,,175", "CSV-OPBOUW", "regel 2")]
    [InlineData("0034,01234567,45F11,2027-01-01,,175,Naam,extra", "CSV-OPBOUW", "regel 2")]
    [InlineData("0034,01234567,45F11,2027-01-01,,175, Voorloopspatie", "CSV-NAAM", "regel 2, kolom aanbiedernaam")]
    [InlineData("0034,01234567,45F11,2027-01-01,,175,\"Twee\nregels\"", "CSV-NAAM", "regel 2, kolom aanbiedernaam")]
    [InlineData("0034,01234567,45F11,2027-01-01,,abc,Naam", "CSV-TARIEF", "regel 2, kolom tarief")]
    public void Een_foute_regel_met_naamkolom_wordt_gemeld_met_regelnummer_en_kolom(string regel, string code, string plaats)
    {
        var fout = Assert.Single(ContractenCsv.Lees(Kop + ",aanbiedernaam\n" + regel + "\n").Fouten);

        Assert.Equal((code, $"contracten.csv: {plaats}"), (fout.Code, fout.Plaats));
    }

    [Fact]
    public void Een_te_lange_naam_en_twee_namen_voor_een_aanbieder_worden_geweigerd()
    {
        var tekst = Kop + ",aanbiedernaam\n" +
                    "0034,01234567,45F11,2027-01-01,,175,Jeugdhulp De Horizon\n" +
                    "0034,01234567,45F21,2027-01-01,,150,De Horizon\n" +                         // line 3: another name
                    $"0034,07654321,45F21,2027-01-01,,150,{new string('x', ContractenCsv.MaxNaam + 1)}\n"; // line 4

        var resultaat = ContractenCsv.Lees(tekst, "almere.csv");

        Assert.False(resultaat.IsGeldig);
        Assert.Equal([("CSV-NAAM", "almere.csv: regel 3, kolom aanbiedernaam"), ("CSV-NAAM", "almere.csv: regel 4, kolom aanbiedernaam")],
            resultaat.Fouten.Select(f => (f.Code, f.Plaats)));
        Assert.Contains("regel 2", resultaat.Fouten[0].Melding, StringComparison.Ordinal);
    }
}
