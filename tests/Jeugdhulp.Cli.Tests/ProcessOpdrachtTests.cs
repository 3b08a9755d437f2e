using Jeugdhulp.Ijw.Tests;
using System.Text.Json;

namespace Jeugdhulp.Cli.Tests;

public sealed class ProcessOpdrachtTests : IDisposable
{
    private static readonly DateOnly Geboren = new(2016, 9, 12);
    private const string Bsn = "100002183";
    private readonly Pijplijn p = new Pijplijn().MetDemo();

    public void Dispose() => p.Dispose();

    private static string Uitkomst(JsonElement regel) => regel.GetProperty("outcome").GetString()!;

    private static string[] Outbox(JsonElement regel) => [.. regel.GetProperty("outbox").EnumerateArray().Select(e => Path.GetFileName(e.GetString()!))];

    [Fact]
    public void De_voorbeelden_krijgen_elk_een_uitkomst_en_elk_antwoord_is_geldig_volgens_de_officiele_XSD()
    {
        var (code, regels, _) = p.Verwerk("2027-12-31", Paden.VoorbeeldenMap);

        Assert.Equal(Directory.GetFiles(Paden.VoorbeeldenMap, "*.xml").Length, regels.Count);
        Assert.All(regels, r =>
        {
            foreach (var naam in new[] { "file", "bericht", "identificatie", "outcome", "decisions", "outbox" })
            {
                Assert.True(r.TryGetProperty(naam, out _), naam);
            }
        });
        var jw315 = regels.Single(r => r.GetProperty("file").GetString()!.EndsWith("jw315-diagnostiek.xml", StringComparison.Ordinal));
        Assert.Equal("approved", Uitkomst(jw315));
        var besluit = jw315.GetProperty("decisions")[0];
        Assert.Equal("NOP-2027-0001", besluit.GetProperty("referentie").GetString());
        Assert.Contains("HK-315-5", besluit.GetProperty("rules").EnumerateArray().Select(e => e.GetString()));
        var antwoorden = Outbox(jw315);
        Assert.Equal(2, antwoorden.Length);
        Assert.Matches(@"^01234567_JW316_\d+-0\.xml$", antwoorden[0]);
        Assert.Matches(@"^01234567_JW301_\d+-1\.xml$", antwoorden[1]);
        Assert.Contains("<ReferentieAanbieder>NOP-2027-0001</ReferentieAanbieder>", File.ReadAllText(Path.Combine(p.Outbox, antwoorden[1])), StringComparison.Ordinal);
        // The prefixed CRLF example is the same VOT-0001 written another way: a re-delivery, answered as before
        // (not 9056, which is for the same Identificatie with other content).
        var dubbel = regels.Single(r => r.GetProperty("file").GetString()!.EndsWith("jw315-prefixen-crlf.xml", StringComparison.Ordinal));
        Assert.Equal("approved", Uitkomst(dubbel));
        Assert.Equal(antwoorden, Outbox(dubbel));
        Assert.Contains("herhaling", dubbel.GetProperty("reasons")[0].GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.All(regels, r => Assert.NotEqual("error", Uitkomst(r)));
        p.OutboxIsXsdGeldig();
        Assert.Equal(regels.Any(r => Uitkomst(r) == "invalid") ? 1 : 0, code);
    }

    [Fact]
    public void Slechte_invoer_stopt_de_batch_niet_en_krijgt_een_reden()
    {
        var geenXml = p.Schrijf("1-geen-xml.xml", "dit is geen xml");
        var geenIjw = p.Schrijf("2-geen-ijw.xml", "<?xml version=\"1.0\"?><Bericht xmlns=\"urn:iets-anders\"/>");
        var slechtBsn = p.Schrijf("3-slecht-bsn.xml", Pijplijn.Jw315("SLECHT-1", "123456789", Geboren,
            Pijplijn.Product("R-SLECHT", "45F11", new(2027, 3, 8), new(2027, 9, 7), 1800)));
        var goed = p.Schrijf("4-goed.xml", Pijplijn.Jw315("GOED-1", Bsn, Geboren,
            Pijplijn.Product("R-GOED", "45F11", new(2027, 3, 8), new(2027, 9, 7), 1800)));

        var (code, regels, _) = p.Verwerk("2027-03-02", p.Invoer);

        Assert.Equal(1, code);
        Assert.Equal([geenXml, geenIjw, slechtBsn, goed], regels.Select(r => r.GetProperty("file").GetString()));
        Assert.Equal(["invalid", "invalid", "invalid", "approved"], regels.Select(Uitkomst));
        Assert.Contains("XML", regels[0].GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("IJW-BERICHT", regels[1].GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("CS002", regels[2].GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        // Level 2 (CS002) gets a header-only retour with 0001; level 1 gets none.
        Assert.Empty(Outbox(regels[0]));
        Assert.Empty(Outbox(regels[1]));
        var retour = File.ReadAllText(Path.Combine(p.Outbox, Assert.Single(Outbox(regels[2]))));
        Assert.Contains("0001", retour, StringComparison.Ordinal);
        p.OutboxIsXsdGeldig();
    }

    [Fact]
    public void Een_onleesbaar_bestand_is_invalid_met_de_reden_en_de_rest_wordt_verwerkt()
    {
        File.CreateSymbolicLink(Path.Combine(p.Invoer, "1-weg.xml"), Path.Combine(p.Map, "bestaat-niet.xml"));
        p.Schrijf("2-goed.xml", Pijplijn.Jw315("GOED-1", Bsn, Geboren, Pijplijn.Product("R-GOED", "45F11", new(2027, 3, 8), new(2027, 9, 7), 1800)));

        var (code, regels, _) = p.Verwerk("2027-03-02", p.Invoer);

        Assert.Equal(1, code);
        Assert.Equal(["invalid", "approved"], regels.Select(Uitkomst));
        Assert.StartsWith("BESTAND", regels[0].GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Een_exacte_herhaling_verandert_niets_en_meldt_het_eerdere_antwoord()
    {
        p.Schrijf("a.xml", Pijplijn.Jw315("HERH-1", Bsn, Geboren, Pijplijn.Product("R-H", "45F11", new(2027, 3, 8), new(2027, 9, 7), 1800)));
        var eerste = p.Verwerk("2027-03-02", p.Invoer);
        var bestanden = p.OutboxBestanden();

        var tweede = p.Verwerk("2027-03-02", p.Invoer);

        Assert.Equal(0, tweede.Code);
        Assert.Equal(bestanden, p.OutboxBestanden());
        Assert.Equal(Uitkomst(eerste.Regels[0]), Uitkomst(tweede.Regels[0]));
        Assert.Equal(eerste.Regels[0].GetProperty("decisions").GetRawText(), tweede.Regels[0].GetProperty("decisions").GetRawText());
        Assert.Equal(Outbox(eerste.Regels[0]), Outbox(tweede.Regels[0]));
    }

    [Fact]
    public void Zonder_bestanden_meldt_de_antwoorden_bij_naam_en_een_latere_run_schrijft_ze()
    {
        p.Schrijf("a.xml", Pijplijn.Jw315("ZB-1", Bsn, Geboren, Pijplijn.Product("R-ZB", "45F11", new(2027, 3, 8), new(2027, 9, 7), 1800)));
        var (code, uit, _) = Pijplijn.Run("process", "--data", p.Data, "--today", "2027-03-02", "--json", "--zonder-bestanden", p.Invoer);
        var regel = JsonDocument.Parse(uit).RootElement;

        Assert.Equal(0, code);
        Assert.Equal("approved", Uitkomst(regel));
        var namen = regel.GetProperty("outbox").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(2, namen.Length);
        Assert.All(namen, n => Assert.Equal(Path.GetFileName(n), n));
        Assert.Empty(p.OutboxBestanden());

        // The same message again is a re-delivery; this run has the folder, so the earlier answers are written now.
        var tweede = p.Verwerk("2027-03-02", p.Invoer);
        Assert.Equal(namen, Outbox(tweede.Regels[0]));
        Assert.Equal([.. namen.Order(StringComparer.Ordinal)], p.OutboxBestanden());
        p.OutboxIsXsdGeldig();
    }

    [Fact]
    public void Zelfde_identificatie_met_andere_inhoud_krijgt_alleen_een_retour_met_9056()
    {
        var a = p.Schrijf("a.xml", Pijplijn.Jw315("ID-1", Bsn, Geboren, Pijplijn.Product("R-1", "45F11", new(2027, 3, 8), new(2027, 9, 7), 1800)));
        p.Verwerk("2027-03-02", a);
        var b = p.Schrijf("b.xml", Pijplijn.Jw315("ID-1", Bsn, Geboren, Pijplijn.Product("R-2", "45F11", new(2027, 10, 1), new(2027, 12, 31), 600)));

        var (code, regels, _) = p.Verwerk("2027-03-02", b);

        Assert.Equal(0, code);
        Assert.Equal("rejected", Uitkomst(regels[0]));
        Assert.Empty(regels[0].GetProperty("decisions").EnumerateArray());
        var retour = File.ReadAllText(Path.Combine(p.Outbox, Assert.Single(Outbox(regels[0]))));
        Assert.Contains("<RetourCode>9056</RetourCode>", retour, StringComparison.Ordinal);
        Assert.DoesNotContain(p.OutboxBestanden(), n => n.Contains("JW301", StringComparison.Ordinal) && n.StartsWith("01234567_JW301_2", StringComparison.Ordinal));
        p.OutboxIsXsdGeldig();
    }

    [Fact]
    public void Per_productverzoek_een_JW301_of_JW319_en_de_bestandsuitkomst_is_mixed()
    {
        var pad = p.Schrijf("a.xml", Pijplijn.Jw315("MIX-1", Bsn, Geboren,
            Pijplijn.Product("R-TOE", "45F11", new(2027, 3, 8), new(2027, 9, 7), 1800),
            Pijplijn.Product("R-AF", "45X99", new(2027, 3, 8), new(2027, 9, 7), 1800)));

        var (_, regels, _) = p.Verwerk("2027-03-02", pad);

        Assert.Equal("mixed", Uitkomst(regels[0]));
        Assert.Equal(["approved", "rejected"], regels[0].GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("outcome").GetString()));
        Assert.Equal(["01234567_JW316_1-0.xml", "01234567_JW301_1-1.xml", "01234567_JW319_1-2.xml"], Outbox(regels[0]));
        var jw319 = File.ReadAllText(Path.Combine(p.Outbox, "01234567_JW319_1-2.xml"));
        Assert.Contains("<ReferentieAanbieder>R-AF</ReferentieAanbieder>", jw319, StringComparison.Ordinal);
        Assert.Contains("<VerzoekAntwoord>1</VerzoekAntwoord>", jw319, StringComparison.Ordinal);
        p.OutboxIsXsdGeldig();
    }

    [Fact]
    public void Woonplaatsbeginsel_afwijzing_noemt_de_verantwoordelijke_gemeente()
    {
        var pad = p.Schrijf("a.xml", Pijplijn.Jw315("WPB-1", "100003060", new DateOnly(2013, 8, 19),
            Pijplijn.Product("R-WPB", "45F11", new(2027, 3, 8), new(2027, 9, 7), 1800)));

        var (_, regels, _) = p.Verwerk("2027-03-02", pad);

        var besluit = regels[0].GetProperty("decisions")[0];
        Assert.Equal(8, besluit.GetProperty("reden").GetInt32());
        var jw319 = File.ReadAllText(Path.Combine(p.Outbox, Outbox(regels[0])[1]));
        Assert.Contains("<RedenAfwijzingVerzoek>8</RedenAfwijzingVerzoek>", jw319, StringComparison.Ordinal);
        Assert.Contains("<Gemeente>0184</Gemeente>", jw319, StringComparison.Ordinal);
        p.OutboxIsXsdGeldig();
    }

    [Fact]
    public void Start_stop_voor_de_einddatum_en_declaratie_lopen_door_tot_een_nieuwe_JW301()
    {
        p.Verwerk("2027-03-02", p.Schrijf("1.xml", Pijplijn.Jw315("T-1", Bsn, Geboren, Pijplijn.Product("R-T", "45F11", new(2027, 3, 8), new(2027, 9, 7), 1800))));
        var jw301 = File.ReadAllText(Path.Combine(p.Outbox, "01234567_JW301_1-1.xml"));
        Assert.Contains("<ToewijzingNummer>1</ToewijzingNummer>", jw301, StringComparison.Ordinal);

        var start = p.Verwerk("2027-03-21", p.Schrijf("2.xml", Pijplijn.Jw305("S-1", Bsn, Geboren, 1, new(2027, 3, 10))));
        var onbekend = p.Verwerk("2027-03-21", p.Schrijf("3.xml", Pijplijn.Jw305("S-2", Bsn, Geboren, 99, new(2027, 3, 10))));
        var stop = p.Verwerk("2027-06-02", p.Schrijf("4.xml", Pijplijn.Jw307("E-1", Bsn, Geboren, 1, new(2027, 3, 10), new(2027, 5, 31), "34")));
        var declaratie = p.Verwerk("2027-05-03", p.Schrijf("5.xml", Pijplijn.Jw323("D-1", Bsn, 1, "45F11", new(2027, 4, 1), new(2027, 4, 30))));
        var verkeerd = p.Verwerk("2027-05-03", p.Schrijf("6.xml", Pijplijn.Jw323("D-2", Bsn, 1, "45F21", new(2027, 4, 1), new(2027, 4, 30))));
        var andereClient = p.Verwerk("2027-05-03", p.Schrijf("6b.xml", Pijplijn.Jw323("D-4", "100002195", 1, "45F11", new(2027, 4, 1), new(2027, 4, 30))));
        var geenToewijzing = p.Verwerk("2027-05-03", p.Schrijf("6c.xml", Pijplijn.Jw323("D-5", Bsn, 555, "45F11", new(2027, 4, 1), new(2027, 4, 30))));
        var naStop = p.Verwerk("2027-07-03", p.Schrijf("7.xml", Pijplijn.Jw323("D-3", Bsn, 1, "45F11", new(2027, 6, 1), new(2027, 6, 30))));

        Assert.Equal("accepted", Uitkomst(start.Regels[0]));
        Assert.Equal("rejected", Uitkomst(onbekend.Regels[0]));
        Assert.Contains("9019", File.ReadAllText(Path.Combine(p.Outbox, Outbox(onbekend.Regels[0])[0])), StringComparison.Ordinal);
        Assert.Equal("accepted", Uitkomst(stop.Regels[0]));
        var nieuw = Outbox(stop.Regels[0]);
        Assert.Equal(2, nieuw.Length);
        var versie2 = File.ReadAllText(Path.Combine(p.Outbox, nieuw[1]));
        Assert.Contains("<Einddatum>2027-05-31</Einddatum>", versie2, StringComparison.Ordinal);
        Assert.Contains("<RedenWijziging>12</RedenWijziging>", versie2, StringComparison.Ordinal);
        Assert.True(Uitkomst(declaratie.Regels[0]) == "accepted", declaratie.Regels[0].GetRawText());
        Assert.Contains("<RetourCode>8001</RetourCode>", File.ReadAllText(Path.Combine(p.Outbox, Outbox(declaratie.Regels[0])[0])), StringComparison.Ordinal);
        Assert.True(Uitkomst(verkeerd.Regels[0]) == "rejected", verkeerd.Regels[0].GetRawText());
        Assert.Contains("9340", File.ReadAllText(Path.Combine(p.Outbox, Outbox(verkeerd.Regels[0])[0])), StringComparison.Ordinal);
        Assert.Contains("8187", File.ReadAllText(Path.Combine(p.Outbox, Outbox(andereClient.Regels[0])[0])), StringComparison.Ordinal);
        Assert.Contains("9338", File.ReadAllText(Path.Combine(p.Outbox, Outbox(geenToewijzing.Regels[0])[0])), StringComparison.Ordinal);
        Assert.True(Uitkomst(naStop.Regels[0]) == "rejected", naStop.Regels[0].GetRawText());
        Assert.Contains("9308", File.ReadAllText(Path.Combine(p.Outbox, Outbox(naStop.Regels[0])[0])), StringComparison.Ordinal);
        p.OutboxIsXsdGeldig();
    }

    [Fact]
    public void Een_JW317_krijgt_een_JW318_en_daarna_een_JW301_met_de_gewijzigde_toewijzing()
    {
        p.Verwerk("2027-03-02", p.Schrijf("1.xml", Pijplijn.Jw315("T-1", Bsn, Geboren, Pijplijn.Product("R-T", "45F11", new(2027, 3, 8), new(2027, 9, 7), 1800))));

        var (code, regels, _) = p.Verwerk("2027-03-21", p.Schrijf("2.xml", Pijplijn.Jw317("W-1", Bsn, "R-W", 1, new(2027, 4, 1), new(2027, 7, 31), 1800)));

        Assert.Equal(0, code);
        var besluit = Assert.Single(regels[0].GetProperty("decisions").EnumerateArray());
        Assert.Equal("R-W", besluit.GetProperty("referentie").GetString());
        Assert.True(Uitkomst(regels[0]) == "approved", regels[0].GetRawText());
        Assert.Equal(["01234567_JW318_2-0.xml", "01234567_JW301_2-1.xml"], Outbox(regels[0]));
        var jw301 = File.ReadAllText(Path.Combine(p.Outbox, "01234567_JW301_2-1.xml"));
        Assert.Contains("<ToewijzingNummer>1</ToewijzingNummer>", jw301, StringComparison.Ordinal);
        Assert.Contains("<Einddatum>2027-07-31</Einddatum>", jw301, StringComparison.Ordinal);
        Assert.Contains("<RedenWijziging>", jw301, StringComparison.Ordinal);
        p.OutboxIsXsdGeldig();

        // A change of a number this client does not have is a new request (HK-317-2): one JW319, reason 1.
        var onbekend = p.Verwerk("2027-03-21", p.Schrijf("3.xml", Pijplijn.Jw317("W-2", Bsn, "R-X", 99, new(2027, 4, 1), new(2027, 7, 31), 1800)));
        Assert.Equal("rejected", Uitkomst(onbekend.Regels[0]));
        Assert.Contains("<RedenAfwijzingVerzoek>1</RedenAfwijzingVerzoek>", File.ReadAllText(Path.Combine(p.Outbox, Outbox(onbekend.Regels[0])[1])), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_en_stop_sleutelregels_geven_hun_retourcode()
    {
        p.Verwerk("2027-03-02", p.Schrijf("1.xml", Pijplijn.Jw315("T-1", Bsn, Geboren, Pijplijn.Product("R-T", "45F11", new(2027, 3, 8), new(2027, 9, 7), 1800))));
        string Code(string naam, byte[] bericht, string vandaag)
        {
            var regel = p.Verwerk(vandaag, p.Schrijf(naam, bericht)).Regels[0];
            var retour = File.ReadAllText(Path.Combine(p.Outbox, Outbox(regel)[0]));
            return new[] { "9063", "9069", "9071", "9074" }.SingleOrDefault(c => retour.Contains($"<RetourCode>{c}</RetourCode>", StringComparison.Ordinal)) ?? Uitkomst(regel);
        }

        Assert.Equal("9063", Code("2.xml", Pijplijn.Jw305("S-0", Bsn, Geboren, 1, new(2027, 3, 10), "3"), "2027-03-21"));
        Assert.Equal("9069", Code("3.xml", Pijplijn.Jw307("E-0", Bsn, Geboren, 1, new(2027, 3, 10), new(2027, 5, 31), "31"), "2027-06-02"));
        Assert.Equal("accepted", Code("4.xml", Pijplijn.Jw305("S-1", Bsn, Geboren, 1, new(2027, 3, 10)), "2027-03-21"));
        Assert.Equal("9074", Code("5.xml", Pijplijn.Jw305("S-2", Bsn, Geboren, 1, new(2027, 3, 10)), "2027-03-21"));
        Assert.Equal("accepted", Code("6.xml", Pijplijn.Jw307("E-1", Bsn, Geboren, 1, new(2027, 3, 10), new(2027, 5, 31), "31"), "2027-06-02"));
        Assert.Equal("9071", Code("7.xml", Pijplijn.Jw305("S-3", Bsn, Geboren, 1, new(2027, 3, 10), "3"), "2027-03-21"));
        p.OutboxIsXsdGeldig();
    }

    [Fact]
    public void Een_dummy_toewijzing_is_nooit_declareerbaar()
    {
        p.Verwerk("2027-03-02", p.Schrijf("1.xml", Pijplijn.Jw315("T-1", Bsn, Geboren, Pijplijn.Product("R-T", "45F11", new(2027, 3, 8), new(2027, 9, 7), 1800))));
        // A dummy (extra-client, 45F24) allocation as a family request leaves it (HK-315-8).
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(p.Data, "jeugdhulp.db")};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = """
                INSERT INTO toewijzingen (gemeente, nummer, client_bsn, aanbieder, productcode, categorie, ingangsdatum, einddatum,
                    volume, eenheid, frequentie, toewijzingsdatum, toewijzingstijd, herkomst, keren_verschoven, actueel)
                VALUES ('0171', 50, '100002183', '01234567', '45F24', '45', '2027-03-08', '2027-09-07', 1, '84', '6', '2027-03-02', '00:00:00', 6, 0, 1)
                """;
            cmd.ExecuteNonQuery();
        }

        var (_, regels, _) = p.Verwerk("2027-05-03", p.Schrijf("2.xml", Pijplijn.Jw323("D-1", Bsn, 50, "45F24", new(2027, 4, 1), new(2027, 4, 30))));

        Assert.Equal("rejected", Uitkomst(regels[0]));
        Assert.Contains("9338", File.ReadAllText(Path.Combine(p.Outbox, Outbox(regels[0])[0])), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("31", "2027-05-31", 1)] // volgens plan on the Einddatum: nothing to adjust
    [InlineData("20", "2027-04-30", 1)] // temporary stop: the allocation stays (TR413)
    [InlineData("31", "2027-04-30", 2)] // volgens plan but before the Einddatum: early end (HK-301-5)
    public void Alleen_een_stop_voor_de_einddatum_geeft_een_nieuwe_JW301(string reden, string einde, int antwoorden)
    {
        p.Verwerk("2027-03-02", p.Schrijf("1.xml", Pijplijn.Jw315("T-1", Bsn, Geboren, Pijplijn.Product("R-T", "45F11", new(2027, 3, 8), new(2027, 5, 31), 1800))));
        p.Verwerk("2027-03-21", p.Schrijf("2.xml", Pijplijn.Jw305("S-1", Bsn, Geboren, 1, new(2027, 3, 10))));

        var stop = p.Verwerk("2027-06-02", p.Schrijf("3.xml", Pijplijn.Jw307("E-1", Bsn, Geboren, 1, new(2027, 3, 10), DateOnly.ParseExact(einde, "yyyy-MM-dd"), reden)));

        Assert.Equal("accepted", Uitkomst(stop.Regels[0]));
        Assert.Equal(antwoorden, Outbox(stop.Regels[0]).Length);
    }

    [Fact]
    public void Ter_beoordeling_wacht_op_een_mens_en_besluit_schrijft_de_JW301_of_JW319()
    {
        // HK-315-11: from the medical route 45F21 waits for a person when there was no diagnostiek (45F11).
        var pad = p.Schrijf("1.xml", Pijplijn.Jw315("R-1", Bsn, Geboren,
            Pijplijn.Product("R-TOE", "45F21", new(2027, 3, 8), new(2027, 9, 7), 1200),
            Pijplijn.Product("R-AF", "45F21", new(2027, 10, 1), new(2027, 12, 31), 600)));
        var (code, regels, _) = p.Verwerk("2027-03-02", pad);
        Assert.Equal(0, code);
        Assert.Equal("review", Uitkomst(regels[0]));
        Assert.Equal(["01234567_JW316_1-0.xml"], Outbox(regels[0]));

        var toe = Pijplijn.Run("besluit", "--data", p.Data, "--referentie", "R-TOE", "--toekennen", "--today", "2027-03-03");
        var af = Pijplijn.Run("besluit", "--data", p.Data, "--referentie", "R-AF", "--afwijzen", "7", "--toelichting", "geen indicatie");
        var nogmaals = Pijplijn.Run("besluit", "--data", p.Data, "--referentie", "R-TOE", "--afwijzen", "7");

        Assert.Equal(0, toe.Code);
        Assert.Equal(0, af.Code);
        Assert.Equal(1, nogmaals.Code);
        Assert.Contains("BESLUIT-ONBEKEND", nogmaals.Fout, StringComparison.Ordinal);
        var jw301 = File.ReadAllText(Path.Combine(p.Outbox, "01234567_JW301_1-1.xml"));
        Assert.Contains("<ReferentieAanbieder>R-TOE</ReferentieAanbieder>", jw301, StringComparison.Ordinal);
        var jw319 = File.ReadAllText(Path.Combine(p.Outbox, "01234567_JW319_1-2.xml"));
        Assert.Contains("<RedenAfwijzingVerzoek>7</RedenAfwijzingVerzoek>", jw319, StringComparison.Ordinal);
        p.OutboxIsXsdGeldig();

        // A re-delivery of the request now reports the human decisions and their answers.
        var herhaling = p.Verwerk("2027-03-04", pad);
        Assert.Equal(["approved", "rejected"], herhaling.Regels[0].GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("outcome").GetString()));
        Assert.Equal(3, Outbox(herhaling.Regels[0]).Length);
    }

    [Fact]
    public void Een_ontbrekend_pad_is_onleesbaar_en_de_rest_wordt_verwerkt_ook_XML_in_hoofdletters()
    {
        File.WriteAllBytes(Path.Combine(p.Invoer, "1-GROOT.XML"), Pijplijn.Jw315("GROOT-1", Bsn, Geboren,
            Pijplijn.Product("R-GROOT", "45F11", new(2027, 3, 8), new(2027, 9, 7), 1800)));
        var weg = Path.Combine(p.Map, "bestaat-niet.xml");

        var (code, regels, _) = p.Verwerk("2027-03-02", weg, p.Invoer);

        Assert.Equal(1, code);
        Assert.Equal(2, regels.Count);
        Assert.Equal("invalid", Uitkomst(regels[0]));
        Assert.Contains("bestaat niet", regels[0].GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("approved", Uitkomst(regels[1]));
    }

    [Fact]
    public void Een_bericht_voor_een_gemeente_buiten_de_regio_wordt_niet_verwerkt()
    {
        var bericht = System.Text.Encoding.UTF8.GetString(Pijplijn.Jw315("BUITEN-1", Bsn, Geboren,
            Pijplijn.Product("R-BUITEN", "45F11", new(2027, 3, 8), new(2027, 9, 7), 1800)))
            .Replace("<Ontvanger>0171</Ontvanger>", "<Ontvanger>0363</Ontvanger>", StringComparison.Ordinal);
        Assert.Contains("0363", bericht, StringComparison.Ordinal);

        var (code, regels, _) = p.Verwerk("2027-03-02", p.Schrijf("1.xml", bericht));

        Assert.Equal(1, code);
        Assert.Equal("invalid", Uitkomst(regels[0]));
        Assert.Empty(Outbox(regels[0]));
        Assert.Contains("ONTVANGER", regels[0].GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(p.Outbox) && Directory.EnumerateFiles(p.Outbox).Any());
    }

    /// <summary>
    /// Issue 17: an EBCDIC file made process exit 134 with a stack trace; the report of what was committed was
    /// lost and the files after it were never processed. A 100 MB file is refused by its size, unread.
    /// </summary>
    [Fact]
    public void Een_EBCDIC_bestand_en_een_te_groot_bestand_worden_gemeld_en_de_rest_wordt_verwerkt()
    {
        var goed = Pijplijn.Jw315("GOED-1", Bsn, Geboren, Pijplijn.Product("R-GOED-1", "45F11", new(2027, 3, 8), new(2027, 9, 7), 1800));
        p.Schrijf("1-spaties.xml", System.Text.Encoding.UTF8.GetString(goed).Replace("<Client>", "<Client>" + new string(' ', 10_000), StringComparison.Ordinal));
        var ebcdic = p.Schrijf("2-ebcdic.xml", [0x4C, 0x6F, 0xA7, 0x94]);
        var groot = Path.Combine(p.Invoer, "3-groot.xml");
        using (var f = File.Create(groot))
        {
            f.SetLength(100L * 1024 * 1024);
        }

        p.Schrijf("4-zonder-spaties.xml", goed);

        var (code, regels, fout) = p.Verwerk("2027-03-02", p.Invoer);

        Assert.Equal(1, code);
        Assert.Equal("", fout);
        Assert.Equal(["approved", "invalid", "invalid", "approved"], regels.Select(Uitkomst));
        Assert.Equal(ebcdic, regels[1].GetProperty("file").GetString());
        Assert.Contains(": XML: ", regels[1].GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("GROOTTE: Het bericht is 100 MB", regels[2].GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        // The same message without the spaces is a re-delivery of the first: whitespace is not content.
        Assert.StartsWith("HERHALING", regels[3].GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(1L, Journaalrijen());
    }

    [Fact]
    public void De_grens_is_in_te_stellen_en_een_groter_bericht_wordt_niet_vastgelegd()
    {
        var bestand = p.Schrijf("1.xml", Pijplijn.Jw315("KLEIN-1", Bsn, Geboren, Pijplijn.Product("R-KLEIN", "45F11", new(2027, 3, 8), new(2027, 9, 7), 1800))
            .Concat(System.Text.Encoding.UTF8.GetBytes(new string(' ', 1024 * 1024))).ToArray());

        var (code, uit, _) = Pijplijn.Run("process", "--data", p.Data, "--today", "2027-03-02", "--max-bericht-mb", "1", bestand);

        Assert.Equal(1, code);
        Assert.Contains("GROOTTE: Het bericht is 1.0 MB en mag hoogstens 1 MB zijn", uit, StringComparison.Ordinal);
        Assert.Equal(0L, Journaalrijen());
        Assert.Equal(0, p.Verwerk("2027-03-02", bestand).Code);
        Assert.Equal(1L, Journaalrijen());
    }

    private long Journaalrijen()
    {
        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(p.Data, "jeugdhulp.db")};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM journaal";
        return (long)cmd.ExecuteScalar()!;
    }

    [Theory]
    [InlineData("process --data")]
    [InlineData("process --today 2027-01-01")]
    [InlineData("process --data x --today morgen y")]
    [InlineData("process --data x --max-bericht-mb 0 y")]
    [InlineData("serve --data x --urls http://127.0.0.1:5399 --max-bericht-mb 4096")]
    [InlineData("besluit --data x --referentie R --toekennen --afwijzen 3")]
    [InlineData("besluit --data x --referentie R --afwijzen 10")]
    [InlineData("import iets a.csv --data x")]
    public void Gebruiksfouten_geven_exit_2(string args) => Assert.Equal(2, Pijplijn.Run(args.Split(' ')).Code);
}
