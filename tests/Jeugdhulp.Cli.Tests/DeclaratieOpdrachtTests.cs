using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Schema;
using Jeugdhulp.Ijw.Schrijven;
using Jeugdhulp.Ijw.Tests;

namespace Jeugdhulp.Cli.Tests;

/// <summary>JW323 end to end through the command: the JW325 (golden file, official XSD) and the provider's pre-check (<c>proef</c>).</summary>
public sealed class DeclaratieOpdrachtTests : IDisposable
{
    private const string Bsn = "100002183";
    private readonly Pijplijn p = new Pijplijn().MetDemo();

    public DeclaratieOpdrachtTests()
    {
        // Allocation 1: 45F11 (contract tariff 175), 2027-03-08..2027-09-07, 1800 minutes.
        p.Verwerk("2027-03-02", p.Schrijf("1.xml", Pijplijn.Jw315("T-1", Bsn, new DateOnly(2016, 9, 12),
            Pijplijn.Product("R-T", "45F11", new(2027, 3, 8), new(2027, 9, 7), 1800))));
    }

    public void Dispose() => p.Dispose();

    private static Prestatie Prestatie(string referentie, DateOnly van, DateOnly tot, long volume, long tarief) =>
        new(new ProductReferentie(referentie, null), 1, "45", "45F11", new GeslotenPeriode(van, tot), volume, "01", tarief, new BedragMetDc(volume * tarief, "D"));

    /// <summary>March approved; April with a wrong tariff (0611); a second April line over the allocation (9321).</summary>
    private static byte[] Gemengd(string identificatie = "D-1") => Declaratie(identificatie,
        Prestatie("P-1", new(2027, 3, 8), new(2027, 3, 31), 300, 175),
        Prestatie("P-2", new(2027, 4, 1), new(2027, 4, 30), 200, 170),
        Prestatie("P-3", new(2027, 4, 1), new(2027, 4, 30), 1801, 175));

    private static byte[] Declaratie(string identificatie, params Prestatie[] prestaties) =>
        IjwSchrijver.Schrijf(new Declaratiebericht(Pijplijn.Kop(Berichtsoort.JW323, identificatie, new(2027, 5, 2)),
            new Declaratie("DN" + identificatie.Replace("-", "", StringComparison.Ordinal), new GeslotenPeriode(new(2027, 4, 1), new(2027, 4, 30)), new(2027, 5, 2),
                BedragMetDc.VanSaldo(prestaties.Sum(x => x.IngediendBedrag.Saldo)), [new DeclaratieClient(Bsn, prestaties)])));

    [Fact]
    public void Het_JW325_van_een_gemengde_declaratie_is_gelijk_aan_het_golden_bestand_en_geldig_volgens_de_XSD()
    {
        var (code, regels, _) = p.Verwerk("2027-05-03", p.Schrijf("d.xml", Gemengd()));

        Assert.Equal(0, code);
        Assert.Equal("rejected", regels[0].GetProperty("outcome").GetString());
        var pad = regels[0].GetProperty("outbox")[0].GetString()!;
        var xml = File.ReadAllBytes(pad);
        Assert.Empty(XsdValidatie.Fouten(xml));
        var golden = Path.Combine(Paden.RepoRoot, "tests", "Jeugdhulp.Cli.Tests", "Golden", "jw325-gemengd.xml");
        if (Environment.GetEnvironmentVariable("JEUGDHULP_GOLDEN_SCHRIJVEN") == "1")
        {
            File.WriteAllBytes(golden, xml);
        }

        Assert.Equal(File.ReadAllText(golden), System.Text.Encoding.UTF8.GetString(xml));
        p.OutboxIsXsdGeldig();
    }

    [Fact]
    public void Een_declaratie_zonder_JW305_en_JW307_wordt_geaccepteerd()
    {
        // HK-305-3: the allocation of the constructor never had a JW305 or JW307; its March line is paid all the same.
        var (code, regels, _) = p.Verwerk("2027-05-03", p.Schrijf("d.xml", Declaratie("D-1", Prestatie("P-1", new(2027, 3, 8), new(2027, 3, 31), 300, 175))));

        Assert.Equal(0, code);
        Assert.Equal("accepted", regels[0].GetProperty("outcome").GetString()); // a declaration without refused lines
    }

    [Fact]
    public void Proef_drukt_codes_en_redenen_af_en_schrijft_of_boekt_niets()
    {
        var bestand = p.Schrijf("d.xml", Gemengd());
        var db = Path.Combine(p.Data, "jeugdhulp.db");
        string[] tabellen = ["journaal", "outbox", "declaraties", "declaratieprestaties", "toewijzingen", "verzoeken"];
        var voor = tabellen.Select(t => Tel(db, t)).ToList();
        var bestanden = p.OutboxBestanden();

        var (code, uit, fout) = Pijplijn.Run("proef", "--data", p.Data, "--today", "2027-05-03", bestand);

        Assert.True(code == 1, fout);
        Assert.Contains(": rejected (proef", uit, StringComparison.Ordinal);
        Assert.Contains("Prestatie P-2: retourcode 0611 (TR418): ProductTarief 170 is niet het contracttarief 175", uit, StringComparison.Ordinal);
        Assert.Contains("Prestatie P-3: retourcode 9321 (TR321)", uit, StringComparison.Ordinal);

        // P-2 was refused, so P-3 is no second debet for April (only approved debets count, TR389).
        Assert.DoesNotContain("9389", uit, StringComparison.Ordinal);
        Assert.DoesNotContain("Prestatie P-1:", uit, StringComparison.Ordinal);
        Assert.Contains("JW325: declaratie DND1 retourcode 0200, ingediend", uit, StringComparison.Ordinal);
        Assert.Contains("toegekend 52500 D", uit, StringComparison.Ordinal);
        Assert.Equal(voor, tabellen.Select(t => Tel(db, t)));
        Assert.Equal(bestanden, p.OutboxBestanden());

        // The real run afterwards still sees the file as new and decides the same.
        var (_, regels, _) = p.Verwerk("2027-05-03", bestand);
        Assert.Equal("rejected", regels[0].GetProperty("outcome").GetString());
        Assert.Contains(regels[0].GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("Prestatie P-2: retourcode 0611", StringComparison.Ordinal));
    }

    [Fact]
    public void Proef_van_een_JW315_toont_het_besluit_met_het_signaal_van_de_verwijsdatum_en_legt_niets_vast()
    {
        // HK-ROUTE-1 via the regional convention "verwijsdatum yyyy-mm-dd" in the Commentaar: 14 months before the start.
        var product = Pijplijn.Product("R-V", "45F11", new(2027, 3, 8), new(2027, 9, 7), 1800) with { Commentaar = "verwijsdatum 2026-01-15" };
        var bestand = p.Schrijf("v.xml", Pijplijn.Jw315("V-1", "100002195", new DateOnly(2012, 1, 30), product));
        var db = Path.Combine(p.Data, "jeugdhulp.db");
        string[] tabellen = ["journaal", "outbox", "toewijzingen", "verzoeken", "toewijzingnummers"];
        var voor = tabellen.Select(t => Tel(db, t)).ToList();
        var bestanden = p.OutboxBestanden();

        var (code, uit, fout) = Pijplijn.Run("proef", "--data", p.Data, "--today", "2027-03-02", bestand);

        Assert.True(code == 0, fout + uit);
        Assert.Contains(": approved (proef", uit, StringComparison.Ordinal);
        Assert.Contains("Verzoek R-V: Toegekend", uit, StringComparison.Ordinal);
        Assert.Contains("Signaal HK-ROUTE-1: De zorg start meer dan 12 maanden na de verwijzing van 15-01-2026", uit, StringComparison.Ordinal);
        Assert.Equal(voor, tabellen.Select(t => Tel(db, t)));
        Assert.Equal(bestanden, p.OutboxBestanden());
    }

    [Fact]
    public void Proef_van_een_juiste_declaratie_geeft_exitcode_0_en_met_xml_het_JW325()
    {
        var bestand = p.Schrijf("d.xml", Declaratie("D-2", Prestatie("P-1", new(2027, 4, 1), new(2027, 4, 30), 300, 175)));

        var (code, uit, _) = Pijplijn.Run("proef", "--xml", "--data", p.Data, "--today", "2027-05-03", bestand);

        Assert.Equal(0, code);
        Assert.Contains(": accepted (proef", uit, StringComparison.Ordinal);
        Assert.Contains("retourcode 8001", uit, StringComparison.Ordinal);
        Assert.Contains("<RetourCode>8001</RetourCode>", uit, StringComparison.Ordinal);
        Assert.Contains("<ijw:Identificatie>PROEF</ijw:Identificatie>", uit, StringComparison.Ordinal);
        Assert.DoesNotContain(p.OutboxBestanden(), f => f.Contains("JW325", StringComparison.Ordinal));
    }

    [Fact]
    public void Proef_van_een_ongeldig_bestand_meldt_de_fout_met_exitcode_1()
    {
        var bestand = p.Schrijf("kapot.xml", "<Bericht>");

        var (code, uit, _) = Pijplijn.Run("proef", "--data", p.Data, "--today", "2027-05-03", bestand);

        Assert.Equal(1, code);
        Assert.Contains(": invalid", uit, StringComparison.Ordinal);
        Assert.Contains("IJW-BERICHT", uit, StringComparison.Ordinal);
    }

    /// <summary>Issue 17: process --proef exited 134 on this file and never checked the ones after it.</summary>
    [Fact]
    public void Proef_van_een_EBCDIC_bestand_is_een_XML_fout_en_de_volgende_wordt_gecontroleerd()
    {
        var ebcdic = p.Schrijf("ebcdic.xml", [0x4C, 0x6F, 0xA7, 0x94]);
        var goed = p.Schrijf("d.xml", Gemengd());

        var (code, uit, fout) = Pijplijn.Run("proef", "--data", p.Data, "--today", "2027-05-03", ebcdic, goed);

        Assert.Equal(1, code);
        Assert.Equal("", fout);
        Assert.Contains($"{ebcdic}: invalid", uit, StringComparison.Ordinal);
        Assert.Contains(": XML: ", uit, StringComparison.Ordinal);
        Assert.Contains($"{goed}: rejected (proef", uit, StringComparison.Ordinal);
    }

    [Fact]
    public void Proef_zonder_database_maakt_er_geen_aan()
    {
        var leeg = Path.Combine(p.Map, "leeg");
        var bestand = p.Schrijf("d.xml", Gemengd());

        var (code, _, fout) = Pijplijn.Run("proef", "--data", leeg, "--today", "2027-05-03", bestand);

        Assert.Equal(1, code);
        Assert.Contains("STORE-DATA", fout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(leeg));
    }

    private static long Tel(string db, string tabel)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT COUNT(*) FROM {tabel}";
        return (long)cmd.ExecuteScalar()!;
    }
}
