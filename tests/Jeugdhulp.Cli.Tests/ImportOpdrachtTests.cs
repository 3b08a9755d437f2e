namespace Jeugdhulp.Cli.Tests;

public sealed class ImportOpdrachtTests : IDisposable
{
    private readonly Pijplijn p = new();

    public void Dispose() => p.Dispose();

    [Fact]
    public void Herimport_vervangt_wat_het_bestand_dekt()
    {
        var eerste = Pijplijn.Run("import", "contracten", Pijplijn.Demo("contracten.csv"), "--data", p.Data);
        var csv = p.Schrijf("c.csv", "gemeente,aanbieder,productcode,ingangsdatum,einddatum,tarief\n0171,01234567,45F11,2027-01-01,,180\n");

        var tweede = Pijplijn.Run("import", "contracten", csv, "--data", p.Data);

        Assert.Equal(0, eerste.Code);
        Assert.Equal(0, tweede.Code);
        Assert.Contains("0 toegevoegd, 1 bijgewerkt", tweede.Uit, StringComparison.Ordinal);
        Assert.Matches(@"[1-9]\d* verwijderd", tweede.Uit);
    }

    [Fact]
    public void Een_slecht_bestand_verandert_niets_en_noemt_de_regel()
    {
        Assert.Equal(0, Pijplijn.Run("import", "inwoners", Pijplijn.Demo("inwoners.csv"), "--data", p.Data).Code);
        var csv = p.Schrijf("i.csv", "bsn,gemeente,geboortedatum\n100002183,0184,2016-09-12\n123,0171,2016-01-01\n");

        var (code, _, fout) = Pijplijn.Run("import", "inwoners", csv, "--data", p.Data);

        Assert.Equal(1, code);
        Assert.Contains("3", fout, StringComparison.Ordinal);
        Assert.Contains("niets gewijzigd", fout, StringComparison.Ordinal);
        // The valid first line was not applied either: the resident still lives in 0171.
        var herimport = Pijplijn.Run("import", "inwoners", p.Schrijf("j.csv", "bsn,gemeente,geboortedatum\n100002183,0171,2016-09-12\n"), "--data", p.Data);
        Assert.Contains("0 toegevoegd, 1 bijgewerkt", herimport.Uit, StringComparison.Ordinal);
    }
}
