using Jeugdhulp.Ijw.Tests;

namespace Jeugdhulp.Cli.Tests;

/// <summary>
/// <c>jeugdhulp verblijf</c> recording consults, meerzorg, moeder-kindtoeslag and escalations (Verblijfvastlegging) on a
/// real SQLite store: each recorded with its rule ids, a refusal by a rule is exit 1 with the rule named and nothing written.
/// </summary>
public sealed class VerblijfvastleggingTests : IDisposable
{
    private const string Kind = "100002183";
    private const string Jongere = "100003023";
    private const string Vandaag = "2027-03-05";

    // The shipped rules with Noordoostpolder in the 24-hour lot (docs/VERBLIJF.md: no municipality takes part yet), as the region would add it.
    private static readonly Lazy<string> Regels = new(MaakRegels);

    private readonly Pijplijn p = new Pijplijn().MetDemo();

    public VerblijfvastleggingTests()
    {
        // Provider 01234567's contracts for crisis (46R01) and Begeleiding Individueel (45R02), so granted meerzorg becomes a real allocation.
        var csv = File.ReadAllText(Pijplijn.Demo("contracten.csv")).TrimEnd()
            + $"\n0171,{Pijplijn.Aanbieder},46R01,2026-01-01,,25000,\n0171,{Pijplijn.Aanbieder},45R02,2026-01-01,,70,\n";
        Assert.Equal(0, Pijplijn.Run("import", "contracten", p.Schrijf("contracten.csv", csv), "--data", p.Data).Code);
    }

    public void Dispose() => p.Dispose();

    private (int Code, string Uit, string Fout) Verblijf(params string[] args) =>
        Pijplijn.Run(["verblijf", "--gemeente", "0171", "--data", p.Data, "--rules", Regels.Value, "--today", Vandaag, .. args]);

    private static string[] Meerzorg(string tot) =>
    [
        "--meerzorg", "MZ-1", "--bsn", Kind, "--aanbieder", Pijplijn.Aanbieder, "--zzp", "LVG4", "--uren", "6", "--van", "2027-03-01", "--tot", tot,
        "--ontvangen", "2027-03-03", "--hulpplan", "--onafhankelijke-toets", "positief", "--financiele-toets", "positief",
    ];

    [Fact]
    public void HK_24_6_een_consultaanvraag_en_haar_uitkomst_worden_vastgelegd()
    {
        var (code, uit, fout) = Verblijf("--consult", "CO-1", "--basisinformatie", "Jongen, 14, uithuisplaatsing dreigt", "--vraag", "Opschalen?",
            "--ingediend", "2027-03-01", "--gewenst", "2027-03-22");

        Assert.True(code == 0, fout);
        Assert.Contains("Consultaanvraag CO-1: vastgelegd.", uit, StringComparison.Ordinal);
        Assert.Contains("  HK-24-6 ", uit, StringComparison.Ordinal);
        Assert.Contains("consult CO-1 gewenst 2027-03-22 open", uit, StringComparison.Ordinal);

        (code, uit, fout) = Verblijf("--consultuitkomst", "CO-1", "--uitkomst", "opschalen", "--datum", "2027-03-22");

        Assert.True(code == 0, fout);
        Assert.Contains("Uitkomst van consult CO-1: vastgelegd.", uit, StringComparison.Ordinal);
        Assert.Contains("consult CO-1 gewenst 2027-03-22 opschalen", uit, StringComparison.Ordinal);

        // Once held, there is no open request to record an outcome on.
        (code, _, fout) = Verblijf("--consultuitkomst", "CO-1", "--uitkomst", "lokaal", "--datum", "2027-03-23");
        Assert.Equal(1, code);
        Assert.Contains("VERBLIJF-CONSULT", fout, StringComparison.Ordinal);
    }

    [Fact]
    public void HK_24_6_een_consultaanvraag_zonder_basisinformatie_wordt_geweigerd_met_exit_1_en_niets_vastgelegd()
    {
        var (code, uit, fout) = Verblijf("--consult", "CO-1", "--vraag", "Opschalen?", "--ingediend", "2027-03-01", "--gewenst", "2027-03-22");

        Assert.Equal(1, code);
        Assert.Contains("Consultaanvraag CO-1: geweigerd, niets vastgelegd.", uit, StringComparison.Ordinal);
        Assert.Contains("HK-24-6 afgewezen", uit, StringComparison.Ordinal);
        Assert.Contains("jeugdhulp verblijf: VERBLIJF-REGEL: HK-24-6", fout, StringComparison.Ordinal);
        Assert.Contains("0 consult(en)", Verblijf().Uit, StringComparison.Ordinal);
    }

    [Fact]
    public void HK_24_10_toegekende_meerzorg_schrijft_de_toewijzing_45R02_met_een_XSD_geldige_JW301()
    {
        var (code, uit, fout) = Verblijf(Meerzorg("2027-08-31"));

        Assert.True(code == 0, fout);
        Assert.Contains("Meerzorgaanvraag MZ-1 (LVG4, 6 uur/week) voor ******183: vastgelegd.", uit, StringComparison.Ordinal);
        Assert.Contains("meerzorg MZ-1 LVG4 6 uur/week open", uit, StringComparison.Ordinal);

        (code, uit, fout) = Verblijf("--meerzorgbesluit", "MZ-1", "--besluit", "toekennen", "--motivering", "Hulpplan en toetsen positief",
            "--achternaam", "Vries", "--voorvoegsel", "de", "--geslacht", "1");

        Assert.True(code == 0, fout + uit);
        Assert.Contains("Besluit (toekennen) over meerzorg MZ-1: vastgelegd.", uit, StringComparison.Ordinal);
        Assert.Contains("  HK-24-10 toegekend", uit, StringComparison.Ordinal);
        Assert.Contains("(45R02), bericht: ", uit, StringComparison.Ordinal);
        Assert.Matches(@"meerzorg MZ-1 LVG4 6 uur/week toegekend \(toewijzing \d+\)", uit);
        var bericht = Assert.Single(p.OutboxBestanden());
        Assert.Contains("45R02", File.ReadAllText(Path.Combine(p.Outbox, bericht)), StringComparison.Ordinal);
        p.OutboxIsXsdGeldig();
        Assert.DoesNotContain(Kind, uit + fout, StringComparison.Ordinal);
    }

    [Fact]
    public void HK_24_10_meerzorg_langer_dan_een_half_jaar_wordt_niet_toegekend_met_exit_1_en_niets_geschreven()
    {
        // The request is recorded whatever its checks say (longer than half a year: a staff member decides); granting it is refused.
        var (code, uit, fout) = Verblijf(Meerzorg("2027-12-31"));
        Assert.True(code == 0, fout);
        Assert.Contains("HK-24-10 beoordelen: Meerzorg wordt in principe ten hoogste 6 maanden toegekend", uit, StringComparison.Ordinal);

        (code, uit, fout) = Verblijf("--meerzorgbesluit", "MZ-1", "--besluit", "toekennen");

        Assert.Equal(1, code);
        Assert.Contains("Besluit (toekennen) over meerzorg MZ-1: geweigerd, niets vastgelegd.", uit, StringComparison.Ordinal);
        Assert.Contains("jeugdhulp verblijf: VERBLIJF-MEERZORG-NIET-TOEKENBAAR: ", fout, StringComparison.Ordinal);
        Assert.Contains("(regel HK-24-10)", fout, StringComparison.Ordinal);
        Assert.Empty(p.OutboxBestanden());
        Assert.Contains("meerzorg MZ-1 LVG4 6 uur/week open", Verblijf().Uit, StringComparison.Ordinal);
    }

    [Fact]
    public void HK_24_11_een_moeder_kindtoeslag_op_het_besluit_van_de_moeder_wordt_vastgelegd()
    {
        var (code, uit, fout) = Verblijf("--moederkind", "MK-1", "--bsn", Kind, "--aanbieder", Pijplijn.Aanbieder, "--besluit-moeder", "B-77",
            "--van", "2027-03-01", "--tot", "2027-05-31");

        Assert.True(code == 0, fout);
        Assert.Contains("Moeder-kindtoeslag MK-1 voor ******183: vastgelegd.", uit, StringComparison.Ordinal);
        Assert.Contains("  HK-24-11 ", uit, StringComparison.Ordinal);
        Assert.Contains("moeder-kindtoeslag MK-1 ******183 2027-03-01 t/m 2027-05-31", uit, StringComparison.Ordinal);
    }

    [Fact]
    public void HK_24_12_een_escalatie_op_een_plaatsing_en_het_besluit_erover_worden_vastgelegd()
    {
        Assert.Equal(0, Verblijf("--plaatsing", "CR-1", "--bsn", Jongere, "--product", "46R01", "--route", "gedwongen", "--start", "2027-03-01", "--eind", "2027-03-28").Code);

        var (code, uit, fout) = Verblijf("--escalatie", "CR-1", "--onderwerp", "Geen passende vervolgplek");

        Assert.True(code == 0, fout);
        Assert.Contains("Escalatie op plaatsing CR-1: vastgelegd.", uit, StringComparison.Ordinal);
        Assert.Contains("  HK-24-12 ", uit, StringComparison.Ordinal);
        var id = System.Text.RegularExpressions.Regex.Match(uit, @"  escalatie (\d+), beslisser: ").Groups[1].Value;
        Assert.NotEmpty(id);

        (code, uit, fout) = Verblijf("--escalatiebesluit", id, "--datum", "2027-03-05");

        Assert.True(code == 0, fout);
        Assert.Contains($"Besluit over escalatie {id}: vastgelegd.", uit, StringComparison.Ordinal);
        Assert.Contains("besloten 2027-03-05", uit, StringComparison.Ordinal);
        Assert.Equal(1, Verblijf("--escalatie", "CR-9", "--onderwerp", "Onbekend").Code);
    }

    [Fact]
    public void Een_gemeente_legt_niets_vast_over_een_jeugdige_die_niet_haar_inwoner_of_client_is()
    {
        var (code, uit, fout) = Pijplijn.Run("verblijf", "--gemeente", "0034", "--data", p.Data, "--rules", Regels.Value, "--today", Vandaag,
            "--moederkind", "MK-1", "--bsn", Kind, "--aanbieder", Pijplijn.Aanbieder, "--besluit-moeder", "B-77", "--van", "2027-03-01", "--tot", "2027-05-31");

        Assert.Equal(1, code);
        Assert.Contains("geweigerd, niets vastgelegd", uit, StringComparison.Ordinal);
        Assert.Contains("jeugdhulp verblijf: VERBLIJF-GEEN-INWONER: Jeugdige ******183 is geen inwoner", fout, StringComparison.Ordinal);
        Assert.DoesNotContain(Kind, uit + fout, StringComparison.Ordinal);
        Assert.Contains("0 moeder-kindtoeslag(en)", Pijplijn.Run("verblijf", "--gemeente", "0034", "--data", p.Data, "--rules", Regels.Value, "--today", Vandaag).Uit,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Ontbrekende_gegevens_of_twee_vastleggingen_tegelijk_zijn_een_gebruiksfout()
    {
        var (code, _, fout) = Verblijf("--meerzorg", "MZ-1", "--bsn", Kind);

        Assert.Equal(2, code);
        Assert.Contains("--meerzorg vraagt ook --aanbieder, --zzp, --uren, --van, --tot, --ontvangen", fout, StringComparison.Ordinal);

        (code, _, fout) = Verblijf("--escalatie", "CR-1", "--onderwerp", "x", "--escalatiebesluit", "1", "--datum", "2027-03-05");
        Assert.Equal(2, code);
        Assert.Contains("geef hoogstens één van --plaatsing, --consult", fout, StringComparison.Ordinal);

        (code, _, fout) = Verblijf("--hulpplan");
        Assert.Equal(2, code);
        Assert.Contains("--hulpplan hoort bij --meerzorg", fout, StringComparison.Ordinal);
        (code, _, fout) = Verblijf("--consult", "CO-1", "--ingediend", "2027-03-01", "--gewenst", "2027-03-22", "--van", "2027-03-01");
        Assert.Equal(2, code);
        Assert.Contains("--van hoort bij --meerzorg of --moederkind", fout, StringComparison.Ordinal);
    }

    private static string MaakRegels()
    {
        var doel = Directory.CreateTempSubdirectory("jeugdhulp-cli-verblijfregels-").FullName;
        foreach (var bestand in Directory.GetFiles(Path.Combine(Paden.RepoRoot, "rules", "flevoland")))
        {
            File.Copy(bestand, Path.Combine(doel, Path.GetFileName(bestand)));
        }

        var percelen = Path.Combine(doel, "percelen.json");
        var tekst = File.ReadAllText(percelen);
        var jmv = tekst.IndexOf("\"code\": \"JMV24\"", StringComparison.Ordinal);
        var leeg = tekst.IndexOf("\"deelnames\": [],", jmv, StringComparison.Ordinal);
        Assert.True(jmv > 0 && leeg > jmv, "percelen.json: JMV24 zonder lege deelnames");
        File.WriteAllText(percelen, string.Concat(tekst.AsSpan(0, leeg), "\"deelnames\": [{ \"gemeente\": \"0171\", \"geldigVanaf\": \"2019-10-31\" }],",
            tekst.AsSpan(leeg + "\"deelnames\": [],".Length)));
        return doel;
    }
}
