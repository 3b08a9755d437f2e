using Jeugdhulp.Core.Conversie;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store.Audit;
using Jeugdhulp.Store.Conversie;
using Jeugdhulp.Store.Termijnen;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.Conversie;

/// <summary>Executing the conversion: JW301s per client and provider, work for staff, never twice.</summary>
public abstract class ConversieUitvoerenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : ConversieUitvoerenTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : ConversieUitvoerenTests(new PostgresTestDatabase());

    private static string Demo => File.ReadAllText(Path.Combine(Paden.RepoRoot, "demo", "lopende-toewijzingen.csv"));

    private string Outbox => Path.Combine(Db.DataMap, "outbox");

    [StoreFact]
    public void Administratieve_conversies_beeindigen_de_oude_toewijzing_en_geven_een_XSD_geldige_JW301_per_client_en_aanbieder()
    {
        Conversiesimulatie.Importeer(Opslag, Demo);

        var verslag = Opslag.VoerConversieUit(Conversiesimulatie.Plan(Opslag), Outbox);

        // Client 200000007 has two administrative lines (one JW301), client 200001036 one; 500007's provider has no contract.
        Assert.Equal((9, 3, 7, 0, 2), (verslag.Clienten, verslag.Omgezet, verslag.Werk, verslag.AlGedaan, verslag.Berichten));
        Assert.Empty(verslag.Fouten);
        var bestanden = Directory.GetFiles(Outbox).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["01234567_JW301_0171-CV500012.xml", "02345678_JW301_0034-CV500011.xml"], bestanden.Select(Path.GetFileName));
        Assert.All(bestanden, f => Assert.Empty(XsdValidatie.Fouten(File.ReadAllBytes(f))));

        // The old allocation ends the day before the transition (RedenWijziging 03), the new one starts on it.
        var rijen = Db.Lees("SELECT nummer, productcode, ingangsdatum, einddatum, reden_wijziging, volume, eenheid FROM toewijzingen WHERE gemeente = '0034' AND actueel = 1 ORDER BY nummer")
            .Select(r => string.Join(' ', r.Select(v => v is DateOnly d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))))
            .ToList();
        Assert.Equal(
        [
            "500001 45A01 2026-03-01 2026-12-31 03 3 04",
            "500002 45A03 2026-07-01 2026-12-31 03 1200 01",
            "500011 45F21 2027-01-01 2027-02-28  1518 01",
            "500012 45F31 2027-01-01 2027-06-30  596 01",
        ], rijen);
    }

    [StoreFact]
    public void Lichte_toets_herindicatie_en_aanbieder_zonder_contract_wachten_op_een_medewerker_met_de_reden()
    {
        Conversiesimulatie.Importeer(Opslag, Demo);

        Opslag.VoerConversieUit(Conversiesimulatie.Plan(Opslag), Outbox);

        var stand = Opslag.Conversiestand();
        Assert.Equal((11, 10, 3, 2), (stand.Geimporteerd, stand.Uitgevoerd, stand.Omgezet, stand.Berichten));
        Assert.Equal(
            [("500003", "lichteToets"), ("500004", "lichteToets"), ("500005", "herindicatie"), ("500006", "herindicatie"), ("500007", "HK-CONV-3"), ("500008", "herindicatie"), ("500009", "lichteToets")],
            stand.Open.Select(s => (s.Nummer.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Werk!)).Order());
        var zonderContract = Assert.Single(stand.Open, s => s.Werk == "HK-CONV-3");
        Assert.Equal(new DateOnly(2027, 6, 30), zonderContract.Uiterlijk);
        Assert.Equal("******287", zonderContract.ClientGemaskeerd);
        var contract = Assert.Single(zonderContract.Bevindingen, b => b.RegelId == "HK-CONV-3");
        Assert.Equal("HK-CONV-3 geen-regionaal-contract (aanbieder=04567890; nieuweCode=45F21; uiterlijk=2027-06-30)", contract.ToString());
        Assert.StartsWith("Aanbieder 04567890 heeft na de overgang geen regionaal contract voor 45F21", contract.Tekst, StringComparison.Ordinal);
        Assert.Contains(Assert.Single(stand.Open, s => s.Nummer == 500003).Bevindingen, b => (b.RegelId, b.Uitkomst) == ("HK-PRD-3", "boven-richtlijn"));
        Assert.Single(Opslag.Conversiestand(Gemeentecode.Parse("0995").Waarde).Open);
    }

    [StoreFact]
    public void Een_tweede_run_maakt_niets_twee_keer()
    {
        Conversiesimulatie.Importeer(Opslag, Demo);
        Opslag.VoerConversieUit(Conversiesimulatie.Plan(Opslag), Outbox);
        var voor = (Db.Tel("toewijzingen"), Db.Tel("conversie_uitgevoerd"), Db.Tel("conversie_berichten"), Directory.GetFiles(Outbox).Length);

        Conversiesimulatie.Importeer(Opslag, Demo);
        var tweede = Opslag.VoerConversieUit(Conversiesimulatie.Plan(Opslag), Outbox);

        Assert.Equal((0, 0, 0, 9, 0), (tweede.Clienten, tweede.Omgezet, tweede.Werk, tweede.AlGedaan, tweede.Berichten));
        Assert.Equal(voor, (Db.Tel("toewijzingen"), Db.Tel("conversie_uitgevoerd"), Db.Tel("conversie_berichten"), Directory.GetFiles(Outbox).Length));
    }

    [StoreFact]
    public void Nieuwe_nummers_komen_boven_de_oude_zodat_geen_nummer_twee_keer_voorkomt()
    {
        Conversiesimulatie.Importeer(Opslag, Conversiesimulatie.Csv(500));

        Opslag.VoerConversieUit(Conversiesimulatie.Plan(Opslag), null);

        Assert.Equal(0L, Convert.ToInt64(Db.VoerUit("SELECT COUNT(*) FROM (SELECT gemeente, nummer FROM toewijzingen WHERE actueel = 1 GROUP BY gemeente, nummer HAVING COUNT(*) > 1) x"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Db.Tel("conversie_lopend") - Db.Lees("SELECT 1 FROM conversie_lopend WHERE einddatum < '2027-01-01'").Count, Db.Tel("conversie_uitgevoerd"));
    }

    [StoreFact]
    public void Een_medewerker_handelt_conversiewerk_af_met_keuze_en_toelichting_en_dat_wordt_geaudit()
    {
        Conversiesimulatie.Importeer(Opslag, Demo);
        Opslag.VoerConversieUit(Conversiesimulatie.Plan(Opslag), Outbox);
        var almere = Gemeentecode.Parse("0034").Waarde;
        var item = Assert.Single(Opslag.Conversiestand(almere).Open, s => s.Werk == ConversiewerkAfhandelen.ZonderContract);

        var afhandeling = ConversiewerkAfhandelen.Beoordeel(item.Werk!, "overstap", "Cliënt gaat per 1 februari naar een gecontracteerde aanbieder.").Waarde;
        Assert.True(Opslag.HandelConversiewerkAf("medewerker1", almere, item.Nummer, item.Werk!, afhandeling));

        var gesloten = Opslag.LeesConversiewerkitem(almere, item.Nummer)!;
        Assert.Equal((Afhandeling.Overstap, "medewerker1"), (gesloten.Afgehandeld!.Keuze, gesloten.Afgehandeld.Door));
        Assert.Equal("Cliënt gaat per 1 februari naar een gecontracteerde aanbieder.", gesloten.Afgehandeld.Toelichting);
        Assert.DoesNotContain(Opslag.Conversiestand(almere).Open, s => s.Nummer == item.Nummer);
        Assert.Equal(1, Opslag.Conversiestand(almere).Afgehandeld);
        Assert.Contains(Opslag.AuditVoorClient(Bsn(Conversiesimulatie.BsnVan(Demo, item.Nummer))),
            a => a.Actie == $"conversiewerk {item.Nummer} afgehandeld: Overstap" && a.Wie == "medewerker1");

        // A second closing (a colleague's form from before) finds nothing open and writes nothing.
        Assert.False(Opslag.HandelConversiewerkAf("medewerker2", almere, item.Nummer, item.Werk!, afhandeling));
        Assert.Equal("medewerker1", Opslag.LeesConversiewerkitem(almere, item.Nummer)!.Afgehandeld!.Door);
    }

    [StoreFact]
    public void Conversiewerk_van_een_andere_gemeente_kan_niet_worden_gelezen_of_afgehandeld()
    {
        Conversiesimulatie.Importeer(Opslag, Demo);
        Opslag.VoerConversieUit(Conversiesimulatie.Plan(Opslag), Outbox);
        var item = Assert.Single(Opslag.Conversiestand(Gemeentecode.Parse("0995").Waarde).Open);
        var almere = Gemeentecode.Parse("0034").Waarde;

        Assert.Null(Opslag.LeesConversiewerkitem(almere, item.Nummer));
        var afhandeling = ConversiewerkAfhandelen.Beoordeel(item.Werk!, ConversiewerkAfhandelen.Keuzes(item.Werk!)[0].ToString(), "toelichting").Waarde;
        Assert.False(Opslag.HandelConversiewerkAf("medewerker1", almere, item.Nummer, item.Werk!, afhandeling));
        Assert.Null(Opslag.LeesConversiewerkitem(Gemeentecode.Parse("0995").Waarde, item.Nummer)!.Afgehandeld);
    }

    [StoreFact]
    public void Conversiewerk_wordt_per_soort_geteld_en_per_pagina_gelezen()
    {
        Conversiesimulatie.Importeer(Opslag, Demo);
        Opslag.VoerConversieUit(Conversiesimulatie.Plan(Opslag), Outbox);
        var almere = Gemeentecode.Parse("0034").Waarde;

        var tellingen = Opslag.TelOpenConversiewerk(almere);
        Assert.Equal(5, tellingen.Values.Sum());
        var eerste = Opslag.LeesConversiewerk(almere, null, afgehandeld: false, pagina: 1, perPagina: 4);
        var tweede = Opslag.LeesConversiewerk(almere, null, afgehandeld: false, pagina: 2, perPagina: 4);
        Assert.Equal((5, 4, 1), (eerste.Totaal, eerste.Stappen.Count, tweede.Stappen.Count));
        Assert.Empty(eerste.Stappen.Select(s => s.Nummer).Intersect(tweede.Stappen.Select(s => s.Nummer)));
        Assert.Equal(new DateOnly(2027, 6, 30), eerste.Stappen[0].Uiterlijk);
        var lichte = Opslag.LeesConversiewerk(almere, ConversiewerkAfhandelen.LichteToets, afgehandeld: false, pagina: 1, perPagina: 50);
        Assert.Equal(tellingen[ConversiewerkAfhandelen.LichteToets], lichte.Totaal);
        Assert.All(lichte.Stappen, s => Assert.Equal(ConversiewerkAfhandelen.LichteToets, s.Werk));
        Assert.Equal(0, Opslag.LeesConversiewerk(almere, null, afgehandeld: true, pagina: 1, perPagina: 50).Totaal);
    }

    [StoreFact]
    public void De_termijnbewaking_toont_de_HK_CONV_3_termijn_tot_het_werk_is_afgehandeld()
    {
        Conversiesimulatie.Importeer(Opslag, Demo);
        Opslag.VoerConversieUit(Conversiesimulatie.Plan(Opslag), Outbox);
        var almere = Gemeentecode.Parse("0034").Waarde;
        var dag = new DateOnly(2027, 7, 1);

        var open = Opslag.LeesOpenVerplichtingen(Conversiesimulatie.Regels, dag, almere).Where(v => v.Regel == "HK-CONV-3").ToList();

        var termijn = Assert.Single(open);
        Assert.Equal(("500007", new DateOnly(2027, 6, 30)), (termijn.Referentie, termijn.Vervaldatum));
        Assert.True(termijn.IsTeLaat(dag));
        Assert.DoesNotContain(Opslag.LeesOpenVerplichtingen(Conversiesimulatie.Regels, dag, Gemeentecode.Parse("0995").Waarde), v => v.Regel == "HK-CONV-3");

        var afhandeling = ConversiewerkAfhandelen.Beoordeel(ConversiewerkAfhandelen.ZonderContract, "Afronden", "Afgerond op 30 juni.").Waarde;
        Assert.True(Opslag.HandelConversiewerkAf("medewerker1", almere, 500007, ConversiewerkAfhandelen.ZonderContract, afhandeling));
        Assert.DoesNotContain(Opslag.LeesOpenVerplichtingen(Conversiesimulatie.Regels, dag, almere), v => v.Regel == "HK-CONV-3");
    }
}

