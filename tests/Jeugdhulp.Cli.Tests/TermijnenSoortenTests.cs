using System.Text.Json;
using Jeugdhulp.Store;
using Jeugdhulp.Store.Journaal;
using Jeugdhulp.Store.Outbox;

namespace Jeugdhulp.Cli.Tests;

/// <summary>
/// The deadline kinds added for issue 6, end to end through the commands: each appears, falls due, turns
/// overdue and is cleared when its message or decision arrives.
/// </summary>
public class TermijnenSoortenTests
{
    private static readonly DateOnly Geboren = new(2016, 9, 12);

    private static string Termijnen(Pijplijn p, string vandaag) => Pijplijn.Run("termijnen", "--data", p.Data, "--today", vandaag).Uit;

    /// <summary>Demo data and allocation 1 (45F11, Multi, 2027-03-08 to 2027-09-07) for client 100002183 in 0171.</summary>
    private static Pijplijn MetToewijzing()
    {
        var p = new Pijplijn().MetDemo();
        var (code, regels, fout) = p.Verwerk("2027-03-02", p.Schrijf("1.xml",
            Pijplijn.Jw315("T-1", "100002183", Geboren, Pijplijn.Product("R-T", "45F11", new(2027, 3, 8), new(2027, 9, 7), 1800))));
        Assert.True(code == 0, fout);
        Assert.Equal("approved", regels[0].GetProperty("outcome").GetString());
        return p;
    }

    [Fact]
    public void Besluit_na_derde_no_show_verschijnt_bij_de_derde_melding_en_verdwijnt_met_het_besluit()
    {
        using var p = MetToewijzing();
        foreach (var d in new[] { "2027-04-01", "2027-04-08" })
        {
            Assert.Equal(0, Pijplijn.Run("noshow", "--data", p.Data, "--aanbieder", Pijplijn.Aanbieder, "--toewijzing", "1", "--bsn", "100002183", "--datum", d, "--today", "2027-05-03").Code);
        }

        Assert.DoesNotContain("besluit no-show", Termijnen(p, "2027-05-03"), StringComparison.Ordinal);
        Assert.Equal(0, Pijplijn.Run("noshow", "--data", p.Data, "--aanbieder", Pijplijn.Aanbieder, "--toewijzing", "1", "--bsn", "100002183", "--datum", "2027-04-15", "--today", "2027-05-03").Code);

        Assert.Contains("2027-05-24 nog 21 dag(en): gemeente 0171 -> besluit no-show voor 1, cliënt ******183 [HK-NS-3]", Termijnen(p, "2027-05-03"), StringComparison.Ordinal);
        Assert.Contains("2027-05-24 vandaag: gemeente 0171 -> besluit no-show voor 1", Termijnen(p, "2027-05-24"), StringComparison.Ordinal);
        Assert.Contains("2027-05-24 TE LAAT (1 dag(en)): gemeente 0171 -> besluit no-show voor 1", Termijnen(p, "2027-05-25"), StringComparison.Ordinal);

        Assert.Equal(0, Pijplijn.Run("besluit-noshow", "--data", p.Data, "--toewijzing", "1", "--voortzetten", "--today", "2027-05-25").Code);
        Assert.DoesNotContain("besluit no-show", Termijnen(p, "2027-05-25"), StringComparison.Ordinal);
    }

    [Fact]
    public void JW323_voor_een_maand_met_levering_verschijnt_na_die_maand_en_verdwijnt_met_de_declaratie()
    {
        using var p = MetToewijzing();
        Assert.Equal("accepted", p.Verwerk("2027-03-21", p.Schrijf("2.xml", Pijplijn.Jw305("S-1", "100002183", Geboren, 1, new(2027, 3, 8)))).Regels[0].GetProperty("outcome").GetString());

        Assert.DoesNotContain("JW323", Termijnen(p, "2027-03-31"), StringComparison.Ordinal);
        Assert.Contains("2027-04-30 nog 29 dag(en): aanbieder 01234567 -> JW323 2027-03 voor 1, cliënt ******183 [HK-323-1] (signaal)", Termijnen(p, "2027-04-01"), StringComparison.Ordinal);
        Assert.Contains("2027-04-30 vandaag: aanbieder 01234567 -> JW323 2027-03 voor 1", Termijnen(p, "2027-04-30"), StringComparison.Ordinal);
        Assert.Contains("2027-04-30 TE LAAT (1 dag(en)): aanbieder 01234567 -> JW323 2027-03 voor 1", Termijnen(p, "2027-05-01"), StringComparison.Ordinal);

        var (code, regels, fout) = p.Verwerk("2027-05-01", p.Schrijf("3.xml", Pijplijn.Jw323("D-1", "100002183", 1, "45F11", new(2027, 3, 1), new(2027, 3, 31))));
        Assert.True(code == 0, fout + string.Join("\n", regels));
        var uit = Termijnen(p, "2027-05-01");
        Assert.DoesNotContain("JW323 2027-03", uit, StringComparison.Ordinal);
        // April is over too and not declared yet.
        Assert.Contains("JW323 2027-04 voor 1", uit, StringComparison.Ordinal);
        // The pipeline answers the JW323 at once: no JW325 is owed.
        Assert.DoesNotContain("JW325", uit, StringComparison.Ordinal);
    }

    [Fact]
    public void JW325_en_retour_staan_open_zolang_het_antwoord_ontbreekt()
    {
        using var p = MetToewijzing();
        // What the pipeline never leaves behind (it answers in the same transaction): a journalled JW323 and
        // JW305 without their JW325 and JW306, as after a processing failure that kept the journal row.
        var store = Datastore.Open(StoreOpties.Kies(p.Data, null, _ => null).Waarde, new Store.Verwerking.VasteKlok(new DateOnly(2027, 5, 3))).Waarde;
        long jw323, jw305;
        using (store)
        {
            using (var tx = store.BeginTransactie())
            {
                jw323 = ((JournaalUitkomst.Nieuw)tx.Journaliseer(Pijplijn.Aanbieder, Pijplijn.Gemeente, "D-9", "JW323",
                    Pijplijn.Jw323("D-9", "100002183", 1, "45F11", new(2027, 4, 1), new(2027, 4, 30)))).JournaalId;
                jw305 = ((JournaalUitkomst.Nieuw)tx.Journaliseer(Pijplijn.Aanbieder, Pijplijn.Gemeente, "S-9", "JW305",
                    Pijplijn.Jw305("S-9", "100002183", Geboren, 1, new(2027, 3, 8)))).JournaalId;
                tx.Commit();
            }

            // Received Monday 2027-05-03: 5 mei, Hemelvaart (05-06) and Tweede Pinksterdag (05-17) are no werkdagen, so the
            // JW306 is due 3 werkdagen later on 05-10 and the JW325 10 werkdagen later on 05-20.
            var uit = Termijnen(p, "2027-05-03");
            Assert.Contains("2027-05-10 nog 7 dag(en): gemeente 0171 -> JW306 voor S-9, cliënt ******183 [HK-WD-2-RETOUR-GEMEENTE]", uit, StringComparison.Ordinal);
            Assert.Contains("2027-05-20 nog 17 dag(en): gemeente 0171 -> JW325 voor D-9, cliënt - [HK-325-1]", uit, StringComparison.Ordinal);
            var json = Pijplijn.Run("termijnen", "--data", p.Data, "--today", "2027-05-21", "--json").Uit
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(r => JsonDocument.Parse(r).RootElement).ToList();
            var jw325 = Assert.Single(json, r => r.GetProperty("verwacht").GetString() == "JW325");
            Assert.True(jw325.GetProperty("teLaat").GetBoolean());
            Assert.Equal(JsonValueKind.Null, jw325.GetProperty("client").ValueKind);

            using (var tx = store.BeginTransactie())
            {
                tx.VoegAntwoordToe(jw323, "JW325", Pijplijn.Aanbieder, "x_JW325.xml", [1]);
                tx.VoegAntwoordToe(jw305, "JW306", Pijplijn.Aanbieder, "x_JW306.xml", [2]);
                tx.Commit();
            }
        }

        var daarna = Termijnen(p, "2027-05-19");
        Assert.DoesNotContain("JW325", daarna, StringComparison.Ordinal);
        Assert.DoesNotContain("JW306", daarna, StringComparison.Ordinal);
    }

    [Fact]
    public void Terugvalvenster_staat_na_het_einde_open_en_de_terugval_met_verwijzer_gemeente_wordt_toegekend()
    {
        using var p = MetToewijzing();
        // Allocation 1 ends 2027-09-07 (origin: huisarts); the window of HK-315-9 runs 4 months after it.
        Assert.DoesNotContain("HK-315-9", Termijnen(p, "2027-09-07"), StringComparison.Ordinal);
        Assert.Contains("2028-01-07 nog 121 dag(en): aanbieder 01234567 -> terugval: hervatting via JW315, 1000 minuten voor 3 maanden voor 1, cliënt ******183 [HK-315-9] (signaal)",
            Termijnen(p, "2027-09-08"), StringComparison.Ordinal);
        Assert.DoesNotContain("HK-315-9", Termijnen(p, "2028-01-08"), StringComparison.Ordinal);

        // The relapse itself, with referrer type 01 (the lokale toegang): granted under HK-315-10's exception,
        // and the resumed care closes the window.
        var (code, regels, fout) = p.Verwerk("2027-10-01", p.Schrijf("2.xml", Pijplijn.Jw315("T-2", "100002183", Geboren,
            Pijplijn.Product("R-T2", "45F11", new(2027, 10, 1), new(2027, 12, 31), 1000, verwijzer: "01"))));
        Assert.True(code == 0, fout);
        Assert.Equal("approved", regels[0].GetProperty("outcome").GetString());
        Assert.DoesNotContain("HK-315-9", Termijnen(p, "2027-10-01"), StringComparison.Ordinal);
    }

    [Fact]
    public void Woonplaatsbeginsel_onzeker_geeft_2_weken_tot_de_afwijzing_en_verdwijnt_met_het_besluit()
    {
        using var p = new Pijplijn().MetDemo();
        // 111222333 is not in the residents file: the woonplaatsbeginsel is for a person to establish.
        var (_, regels, _) = p.Verwerk("2027-03-02", p.Schrijf("1.xml",
            Pijplijn.Jw315("W-1", "111222333", Geboren, Pijplijn.Product("R-W", "45F11", new(2027, 3, 8), new(2027, 9, 7), 1800))));
        Assert.Equal("review", regels[0].GetProperty("outcome").GetString());

        Assert.Contains("2027-03-16 nog 14 dag(en): gemeente 0171 -> besluit woonplaatsbeginsel voor R-W, cliënt ******333 [HK-WD-2-WOONPLAATS]", Termijnen(p, "2027-03-02"), StringComparison.Ordinal);
        Assert.Contains("2027-03-16 vandaag: gemeente 0171 -> besluit woonplaatsbeginsel", Termijnen(p, "2027-03-16"), StringComparison.Ordinal);
        Assert.Contains("2027-03-16 TE LAAT (1 dag(en)): gemeente 0171 -> besluit woonplaatsbeginsel", Termijnen(p, "2027-03-17"), StringComparison.Ordinal);

        Assert.Equal(0, Pijplijn.Run("besluit", "--data", p.Data, "--referentie", "R-W", "--afwijzen", "4", "--today", "2027-03-17").Code);
        Assert.DoesNotContain("woonplaatsbeginsel", Termijnen(p, "2027-03-17"), StringComparison.Ordinal);
    }

    [Fact]
    public void Te_late_JW317_is_een_signaal_tot_de_wijziging_ingaat()
    {
        using var p = MetToewijzing();
        // Received 2027-03-25 for a change from 2027-04-01: Multi advises 10 werkdagen, so (Goede Vrijdag and Tweede
        // Paasdag do not count) by 2027-03-16.
        var (_, regels, _) = p.Verwerk("2027-03-25", p.Schrijf("2.xml", Pijplijn.Jw317("W-1", "100002183", "R-317", 1, new(2027, 4, 1), new(2027, 9, 7), 2400)));
        Assert.NotEqual("rejected", regels[0].GetProperty("outcome").GetString());

        Assert.Contains("2027-03-16 TE LAAT (9 dag(en)): aanbieder 01234567 -> JW317 10 werkdagen voor ingang 2027-04-01 voor R-317, cliënt ******183 [HK-317-4-MULTI] (signaal)",
            Termijnen(p, "2027-03-25"), StringComparison.Ordinal);
        Assert.Contains("HK-317-4-MULTI", Termijnen(p, "2027-04-01"), StringComparison.Ordinal);
        Assert.DoesNotContain("HK-317-4", Termijnen(p, "2027-04-02"), StringComparison.Ordinal);
    }

    [Fact]
    public void JW317_met_genoeg_doorlooptijd_geeft_geen_signaal()
    {
        using var p = MetToewijzing();
        p.Verwerk("2027-03-10", p.Schrijf("2.xml", Pijplijn.Jw317("W-2", "100002183", "R-318", 1, new(2027, 4, 1), new(2027, 9, 7), 2400)));
        Assert.DoesNotContain("HK-317-4", Termijnen(p, "2027-03-10"), StringComparison.Ordinal);
    }

    [Fact]
    public void Intake_meer_dan_een_jaar_na_de_verwijzing_is_een_signaal_tot_het_besluit()
    {
        using var p = new Pijplijn().MetDemo();
        var product = Pijplijn.Product("R-V", "45F21", new(2027, 3, 8), new(2027, 9, 7), 1800) with { Commentaar = "verwijsdatum 2026-01-15" };
        var (_, regels, _) = p.Verwerk("2027-03-02", p.Schrijf("1.xml", Pijplijn.Jw315("V-1", "100002183", Geboren, product)));
        Assert.Equal("review", regels[0].GetProperty("outcome").GetString());

        Assert.Contains("2027-01-15 TE LAAT (46 dag(en)): aanbieder 01234567 -> intake binnen termijn na verwijzing voor R-V, cliënt ******183 [HK-ROUTE-1] (signaal)",
            Termijnen(p, "2027-03-02"), StringComparison.Ordinal);

        Assert.Equal(0, Pijplijn.Run("besluit", "--data", p.Data, "--referentie", "R-V", "--afwijzen", "4", "--today", "2027-03-03").Code);
        Assert.DoesNotContain("HK-ROUTE-1", Termijnen(p, "2027-03-03"), StringComparison.Ordinal);
    }
}
