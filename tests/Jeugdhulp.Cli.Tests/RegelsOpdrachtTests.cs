namespace Jeugdhulp.Cli.Tests;

public sealed class RegelsOpdrachtTests : IDisposable
{
    private static readonly string RepoRoot = Jeugdhulp.Ijw.Tests.Paden.RepoRoot;
    private static readonly string Flevoland = Path.Combine(RepoRoot, "rules", "flevoland");
    private readonly string tijdelijk = Directory.CreateTempSubdirectory("jeugdhulp-regels-").FullName;

    public void Dispose() => Directory.Delete(tijdelijk, recursive: true);

    private static (int Code, string Uit, string Fout) Run(params string[] args) => Pijplijn.Run(args);

    [Fact]
    public void Toont_wat_op_de_datum_geldt()
    {
        var (code, uit, fout) = Run("regels", "--rules", Flevoland, "--datum", "2027-03-08");

        Assert.Equal(0, code);
        Assert.Equal("", fout);
        Assert.StartsWith("Regels flevoland 2027.3 op 2027-03-08", uit, StringComparison.Ordinal);
        Assert.Contains("0995 Lelystad (alleen 45F34, 45F36)", uit, StringComparison.Ordinal);
        Assert.Contains("    deelname: 0171 Noordoostpolder, 0184 Urk" + Environment.NewLine, uit, StringComparison.Ordinal);
        Assert.Contains("45F02 Basis Begeleiding – Groep", uit, StringComparison.Ordinal);
        Assert.Contains("product:45F32 met perceel:KDC: verboden (HK-STAP-KDC)", uit, StringComparison.Ordinal);
        Assert.Contains("HK-317-4-MULTI: ", uit, StringComparison.Ordinal);
        Assert.Contains("terugval binnen 4 maanden: 1000 minuten voor 3 maanden", uit, StringComparison.Ordinal);
        Assert.Contains("medische verwijzers: 02 huisarts of praktijkondersteuner (POH); 03 jeugdarts; 05 medisch specialist", uit, StringComparison.Ordinal);
        Assert.Contains("perceel:MULTI met perceel:BEHWON: beoordelen (HK-STAP-BEHWON)", uit, StringComparison.Ordinal);
    }

    [Fact]
    public void Met_data_liggen_de_gepubliceerde_regelversies_op_de_regelmap_met_het_label_dat_op_de_datum_geldt()
    {
        var basis = Store.RegelMap.Lees(Flevoland).Waarde;
        var item = Core.Regelversies.Regellagen.Item(basis, [], Core.Regelversies.Regelsoort.Product, "45F11", new DateOnly(2027, 3, 8))!
            .Replace("\"maxDuurMaanden\": 12", "\"maxDuurMaanden\": 9", StringComparison.Ordinal);
        long id;
        using (var store = Opslag.Open(tijdelijk, null).Waarde)
        {
            var almere = Core.Waarden.Gemeentecode.Parse("0034").Waarde;
            id = Store.Regelversies.RegelversiesVastleggen.BewaarConcept(store, basis,
                new Core.Regelversies.Regelversie(0, "product", "", item, new DateOnly(2027, 7, 1), "a.auteur", DateTimeOffset.MinValue), almere).Waarde.Id;
            Assert.True(Store.Regelversies.RegelversiesVastleggen.PubliceerRegelversie(store, basis, id, "b.beleid", almere).IsGeldig);
        }

        var (code, uit, fout) = Run("regels", "--rules", Flevoland, "--datum", "2027-08-01", "--data", tijdelijk);
        var (_, ervoor, _) = Run("regels", "--rules", Flevoland, "--datum", "2027-03-08", "--data", tijdelijk);
        var (_, zonder, _) = Run("regels", "--rules", Flevoland, "--datum", "2027-08-01");

        Assert.Equal((0, ""), (code, fout));
        Assert.StartsWith($"Regels flevoland 2027.3+v{id} op 2027-08-01", uit, StringComparison.Ordinal);
        Assert.Contains($"Gepubliceerde regelversies (1){Environment.NewLine}  v{id} product (grenzen, duur, eenheid) 45F11 vanaf 2027-07-01: opgesteld door a.auteur, gepubliceerd door b.beleid op ", uit, StringComparison.Ordinal);
        Assert.Contains("(geldt op deze datum)", uit, StringComparison.Ordinal);
        Assert.Contains("(nog niet geldig op deze datum)", ervoor, StringComparison.Ordinal);
        Assert.StartsWith("Regels flevoland 2027.3 op 2027-08-01", zonder, StringComparison.Ordinal);
        Assert.DoesNotContain("Gepubliceerde regelversies", zonder, StringComparison.Ordinal);
    }

    [Fact]
    public void Voor_de_nieuwe_contracten_zijn_er_geen_producten()
    {
        // The 24-uurs products (seed 003) are in force from 2019-10-31, the Multi/Basis ones from 2027-01-01.
        var (code, uit, _) = Run("regels", "--rules", Flevoland, "--datum", "2019-10-30");

        Assert.Equal(0, code);
        Assert.Contains("geen producten op deze datum", uit, StringComparison.Ordinal);
        Assert.Contains("geen beleid op deze datum", uit, StringComparison.Ordinal);
        Assert.DoesNotContain("45F11", uit, StringComparison.Ordinal);
    }

    [Fact]
    public void Vindt_de_standaardmap_zonder_rules_optie()
    {
        var (code, uit, _) = Run("regels", "--datum", "2027-03-08");

        Assert.Equal(0, code);
        Assert.Contains(Path.Combine("rules", "flevoland"), uit, StringComparison.Ordinal);
    }

    [Fact]
    public void Foute_regels_geven_exitcode_1_met_alle_fouten_en_hun_plaats()
    {
        foreach (var bestand in Directory.GetFiles(Flevoland, "*.json"))
        {
            File.Copy(bestand, Path.Combine(tijdelijk, Path.GetFileName(bestand)));
        }

        var producten = Path.Combine(tijdelijk, "producten.json");
        File.WriteAllText(producten, File.ReadAllText(producten).Replace("\"eenheid\": \"84\"", "\"eenheid\": \"07\"", StringComparison.Ordinal));
        File.Delete(Path.Combine(tijdelijk, "vrije-dagen.json"));

        var (code, uit, fout) = Run("regels", "--rules", tijdelijk, "--datum", "2027-03-08");

        Assert.Equal(1, code);
        Assert.Equal("", uit);
        Assert.Contains("(4 fouten)", fout, StringComparison.Ordinal);
        Assert.Contains("producten.json: producten[4] (45F24): REGEL-CODE: eenheid '07' is geen iJw-eenheid", fout, StringComparison.Ordinal);
        Assert.Contains("producten.json: producten[10] (45F36): REGEL-CODE", fout, StringComparison.Ordinal);
        Assert.Contains("vrije-dagen.json: REGEL-BESTAND: verplicht bestand ontbreekt", fout, StringComparison.Ordinal);
    }

    [Fact]
    public void De_demobestanden_worden_goedgekeurd()
    {
        var (code, uit, fout) = Run("regels", "--rules", Flevoland, "--datum", "2027-03-08",
            "--contracten", Path.Combine(RepoRoot, "demo", "contracten.csv"),
            "--inwoners", Path.Combine(RepoRoot, "demo", "inwoners.csv"));

        Assert.Equal(0, code);
        Assert.Equal("", fout);
        Assert.Contains("contracten.csv: 55 contracten van 3 aanbieders goedgekeurd.", uit, StringComparison.Ordinal);
        Assert.Contains("inwoners.csv: 30 inwoners", uit, StringComparison.Ordinal);
        // Every demo contract fits the lots its municipality takes part in.
        Assert.DoesNotContain("let op", uit, StringComparison.Ordinal);
    }

    [Fact]
    public void Een_fout_contractenbestand_geeft_exitcode_1_met_regelnummers()
    {
        var pad = Path.Combine(tijdelijk, "contracten.csv");
        File.WriteAllText(pad, "gemeente,aanbieder,productcode,ingangsdatum,einddatum,tarief\n" +
                               "0171,01234567,45F11,2027-01-01,,175\n" +
                               "0171,01234567,45F21,2027-01-01,,1,50\n");

        var (code, _, fout) = Run("regels", "--rules", Flevoland, "--contracten", pad);

        Assert.Equal(1, code);
        Assert.Contains("er is niets van overgenomen (1 fout)", fout, StringComparison.Ordinal);
        Assert.Contains("contracten.csv: regel 3: CSV-OPBOUW: verwacht 6 velden, gevonden 7", fout, StringComparison.Ordinal);
    }

    [Fact]
    public void Een_contract_buiten_de_deelname_van_de_gemeente_wordt_gemeld()
    {
        var pad = Path.Combine(tijdelijk, "contracten.csv");
        File.WriteAllText(pad, "gemeente,aanbieder,productcode,ingangsdatum,einddatum,tarief\n" +
                               "0995,01234567,45F21,2027-01-01,,150\n");

        var (code, uit, _) = Run("regels", "--rules", Flevoland, "--contracten", pad);

        Assert.Equal(0, code);
        Assert.Contains("let op: aanbieder 01234567: gemeente 0995 neemt op 2027-01-01 niet deel aan perceel MULTI voor 45F21 (HK-PER-5)", uit, StringComparison.Ordinal);
    }

    [Fact]
    public void Een_fout_inwonersbestand_geeft_exitcode_1_zonder_BSN_in_de_melding()
    {
        var pad = Path.Combine(tijdelijk, "inwoners.csv");
        File.WriteAllText(pad, "bsn,gemeente,geboortedatum\n100002183,0171,2016-09-12\n100002183,0171,2016-09-12\n");

        var (code, _, fout) = Run("regels", "--rules", Flevoland, "--inwoners", pad);

        Assert.Equal(1, code);
        Assert.Contains("inwoners.csv: regel 3, kolom bsn: CSV-DUBBEL", fout, StringComparison.Ordinal);
        Assert.DoesNotContain("100002183", fout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("regels", "--datum", "2027-02-30")]
    [InlineData("regels", "--datum")]
    [InlineData("regels", "--rules", "/bestaat/niet")]
    [InlineData("regels", "--contracten", "/bestaat/niet.csv")]
    [InlineData("regels", "--onbekend")]
    [InlineData("regels", "extra")]
    public void Gebruiksfout_geeft_exitcode_2(params string[] args)
    {
        var (code, uit, fout) = Run(args);

        Assert.Equal(2, code);
        Assert.Equal("", uit);
        Assert.Contains("Gebruik: jeugdhulp regels", fout, StringComparison.Ordinal);
    }
}
