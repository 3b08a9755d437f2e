using Jeugdhulp.Ijw.Tests;

namespace Jeugdhulp.Cli.Tests;

public sealed class ValidateOpdrachtTests : IDisposable
{
    private readonly string map = Directory.CreateTempSubdirectory("jeugdhulp-validate-").FullName;

    private static string Voorbeeld(string naam) => Path.Combine(Paden.VoorbeeldenMap, naam);

    private static string XsdMap => Paden.XsdMap;

    public void Dispose() => Directory.Delete(map, recursive: true);

    private string Bestand(string naam, string inhoud)
    {
        var pad = Path.Combine(map, naam);
        File.WriteAllText(pad, inhoud);
        return pad;
    }

    private static (int Code, string Uit, string Fout) Run(params string[] args) => Pijplijn.Run(args);

    [Fact]
    public void Geldige_berichten_geven_OK_per_bestand_en_exitcode_0()
    {
        var a = Voorbeeld("jw315-prefixen-crlf.xml");
        var b = Voorbeeld("jw305-start.xml");

        var (code, uit, fout) = Run("validate", "--today", "2027-12-31", a, b);

        Assert.Equal(0, code);
        Assert.Equal($"{a}: OK{Environment.NewLine}{b}: OK{Environment.NewLine}", uit);
        Assert.Equal("", fout);
    }

    [Fact]
    public void Fout_bericht_noemt_bestand_regelcode_en_pad_met_exitcode_1()
    {
        var goed = Voorbeeld("jw315-prefixen-crlf.xml");
        var fout = Bestand("slecht-bsn.xml", File.ReadAllText(goed).Replace("100002183", "100002184", StringComparison.Ordinal));

        var (code, uit, _) = Run("validate", "--today", "2027-12-31", goed, fout);

        Assert.Equal(1, code);
        Assert.Contains($"{goed}: OK", uit, StringComparison.Ordinal);
        Assert.Contains($"{fout}: CS002 /Bericht/Client/Bsn:", uit, StringComparison.Ordinal);
        Assert.DoesNotContain("100002184", uit, StringComparison.Ordinal);
    }

    [Fact]
    public void Schemafout_noemt_code_en_pad()
    {
        var pad = Bestand("zonder-type.xml", File.ReadAllText(Voorbeeld("jw315-prefixen-crlf.xml")).Replace("<ijw:Type>02</ijw:Type>", "", StringComparison.Ordinal));

        var (code, uit, _) = Run("validate", "--today", "2027-12-31", pad);

        Assert.Equal(1, code);
        Assert.Contains($"{pad}: XSD-ONTBREEKT /Bericht/Client/AangevraagdeProducten/AangevraagdProduct[1]/Verwijzer/Type:", uit, StringComparison.Ordinal);
    }

    [Fact]
    public void Bestand_dat_geen_XML_is_geeft_een_heldere_regel_zonder_stacktrace()
    {
        var pad = Bestand("notities.txt", "Dit is een notitie, geen bericht.");

        var (code, uit, fout) = Run("validate", pad);

        Assert.Equal(1, code);
        var regel = Assert.Single(uit.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"{pad}: XML ", regel, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", uit + fout, StringComparison.Ordinal);
    }

    [Fact]
    public void XML_dat_geen_iJw_is_geeft_een_heldere_regel()
    {
        var pad = Bestand("factuur.xml", "<Factuur xmlns=\"urn:iets-anders\"><Bedrag>12</Bedrag></Factuur>");

        var (code, uit, _) = Run("validate", pad);

        Assert.Equal(1, code);
        var regel = Assert.Single(uit.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"{pad}: IJW-BERICHT /Factuur: Geen iJw 3.2-bericht", regel, StringComparison.Ordinal);
    }

    [Fact]
    public void Met_xsd_map_wordt_ook_tegen_de_officiele_XSD_gevalideerd()
    {
        var pad = Bestand("codelijst.xml", File.ReadAllText(Voorbeeld("jw315-prefixen-crlf.xml")).Replace("<ijw:Type>02</ijw:Type>", "<ijw:Type>07</ijw:Type>", StringComparison.Ordinal));

        var (code, uit, _) = Run("validate", "--xsd", XsdMap, "--today", "2027-12-31", pad);

        Assert.Equal(1, code);
        Assert.Contains($"{pad}: XSD-CODELIJST /Bericht/Client/AangevraagdeProducten/AangevraagdProduct[1]/Verwijzer/Type:", uit, StringComparison.Ordinal);
        Assert.Contains($"{pad}: XSD regel ", uit, StringComparison.Ordinal);
    }

    [Fact]
    public void Ontbrekend_bestand_of_map_is_een_fout_van_dat_bestand_en_de_rest_wordt_gecontroleerd()
    {
        var goed = Bestand("goed.xml", File.ReadAllText(Voorbeeld("jw315-diagnostiek.xml")));
        var weg = Path.Combine(Path.GetDirectoryName(goed)!, "bestaat-niet.xml");
        var map = Path.GetDirectoryName(goed)!;

        var (code, uit, _) = Run("validate", "--today", "2027-12-31", weg, map, goed);

        Assert.Equal(1, code);
        Assert.Contains($"{weg}: BESTAND: Het bestand bestaat niet.", uit, StringComparison.Ordinal);
        Assert.Contains($"{map}: BESTAND: Dit is een map, geen bestand.", uit, StringComparison.Ordinal);
        Assert.Contains($"{goed}: OK", uit, StringComparison.Ordinal);
    }

    /// <summary>Issue 17: this file made validate exit 134 with a stack trace, and the files after it were never checked.</summary>
    [Fact]
    public void Een_EBCDIC_bestand_is_een_XML_fout_van_dat_bestand_en_de_rest_wordt_gecontroleerd()
    {
        var ebcdic = Path.Combine(map, "ebcdic.xml");
        File.WriteAllBytes(ebcdic, [0x4C, 0x6F, 0xA7, 0x94]);
        var goed = Voorbeeld("jw305-start.xml");

        var (code, uit, fout) = Run("validate", "--today", "2027-12-31", ebcdic, goed);

        Assert.Equal(1, code);
        Assert.StartsWith($"{ebcdic}: XML ", uit, StringComparison.Ordinal);
        Assert.Contains($"{goed}: OK", uit, StringComparison.Ordinal);
        Assert.Equal("", fout);
    }

    [Fact]
    public void Een_bestand_boven_de_grens_wordt_niet_gelezen_en_krijgt_GROOTTE()
    {
        // 100 MB of zeros, sparse on disk: refused by its size, so it is never read (reading it would say XML).
        var groot = Path.Combine(map, "groot.xml");
        using (var f = File.Create(groot))
        {
            f.SetLength(100L * 1024 * 1024);
        }

        var goed = Voorbeeld("jw305-start.xml");

        var (code, uit, _) = Run("validate", "--today", "2027-12-31", groot, goed);
        var (code1Mb, uit1Mb, _) = Run("validate", "--today", "2027-12-31", "--max-bericht-mb", "1", groot);
        var (code200Mb, uit200Mb, _) = Run("validate", "--today", "2027-12-31", "--max-bericht-mb", "200", groot);

        Assert.Equal(1, code);
        Assert.StartsWith($"{groot}: GROOTTE: Het bericht is 100 MB en mag hoogstens 25 MB zijn", uit, StringComparison.Ordinal);
        Assert.Contains($"{goed}: OK", uit, StringComparison.Ordinal);
        Assert.Equal(1, code1Mb);
        Assert.Contains("hoogstens 1 MB", uit1Mb, StringComparison.Ordinal);
        Assert.Equal(1, code200Mb);
        Assert.StartsWith($"{groot}: XML ", uit200Mb, StringComparison.Ordinal);
    }

    /// <summary>Found by the fuzz test: a value with a line feed split its error over two lines, the second without a file.</summary>
    [Fact]
    public void Een_waarde_met_een_regeleinde_blijft_een_regel_per_fout()
    {
        var pad = Bestand("regeleinde.xml", File.ReadAllText(Voorbeeld("jw305-start.xml")).Replace("<Geslacht>2</Geslacht>", "<Geslacht>2\n3</Geslacht>", StringComparison.Ordinal));

        var (code, uit, _) = Run("validate", "--today", "2027-12-31", pad);

        Assert.Equal(1, code);
        var regel = Assert.Single(uit.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"{pad}: XSD-", regel, StringComparison.Ordinal);
        Assert.Contains("'2\\n3'", regel, StringComparison.Ordinal);
    }

    [Fact]
    public void Duizenden_spaties_tussen_elementen_zijn_geldig()
    {
        var pad = Bestand("spaties.xml", File.ReadAllText(Voorbeeld("jw305-start.xml")).Replace("<Client>", new string(' ', 4096) + "<Client>", StringComparison.Ordinal));

        var (code, uit, _) = Run("validate", "--xsd", XsdMap, "--today", "2027-12-31", pad);

        Assert.Equal($"{pad}: OK{Environment.NewLine}", uit);
        Assert.Equal(0, code);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("validate", "--onbekend", "x.xml")]
    [InlineData("validate", "--today", "morgen", "x.xml")]
    [InlineData("validate", "--xsd", "/bestaat/niet", "x.xml")]
    [InlineData("validate", "--max-bericht-mb", "0", "x.xml")]
    [InlineData("validate", "--max-bericht-mb", "veel", "x.xml")]
    public void Gebruiksfout_geeft_exitcode_2(params string[] args)
    {
        var (code, uit, fout) = Run(args);

        Assert.Equal(2, code);
        Assert.Equal("", uit);
        Assert.Contains("Gebruik: jeugdhulp validate", fout, StringComparison.Ordinal);
    }
}
