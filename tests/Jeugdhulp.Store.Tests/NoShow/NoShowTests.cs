using System.Globalization;
using Jeugdhulp.Core.NoShow;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Schema;
using Jeugdhulp.Ijw.Schrijven;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store.Audit;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.NoShow;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Verwerking;
using IjwProduct = Jeugdhulp.Ijw.Berichten.Product;

namespace Jeugdhulp.Store.Tests.NoShow;

/// <summary>No-show registration, cancellation, listing and the decision after the third, on both databases.</summary>
public abstract class NoShowTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : NoShowTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : NoShowTests(new PostgresTestDatabase());

    private const string Aanbieder = "01234567";
    private const string Client = "100002183";
    private static readonly DateOnly Verwerkt = new(2027, 3, 2);
    private static readonly DateOnly Vandaag = new(2027, 5, 3);

    private string Outbox => Path.Combine(Db.DataMap, "outbox");

    /// <summary>Demo data and one approved allocation (number 1, 45F11, 2027-03-08 to 2027-09-07) through the pipeline, so its client details exist.</summary>
    private Datastore MetToewijzing()
    {
        ImporteerDemo();
        Verzoek("0171", Client, new DateOnly(2016, 9, 12), "A1");
        return Opslag;
    }

    /// <summary>An approved JW315 of <see cref="Aanbieder"/> to <paramref name="gemeente"/> for one of its residents: the municipality's next allocation number.</summary>
    private void Verzoek(string gemeente, string bsn, DateOnly geboren, string identificatie)
    {
        var jw315 = IjwSchrijver.Schrijf(new VerzoekOmToewijzingBericht(Berichtsoort.JW315,
            Header.Voor(Berichtsoort.JW315, Aanbieder, gemeente, new BerichtIdentificatie(identificatie, new DateOnly(2027, 3, 1))),
            new VerzoekOmToewijzingClient(bsn, new Geboortedatum(geboren, null), "1", new VerkorteNaam(new Achternaam("Vries", null), null, null), null, null,
                [new AangevraagdProduct("R1", null, new IjwProduct("45", "45F11"), null, new DateOnly(2027, 3, 8), new DateOnly(2027, 9, 7),
                    new Omvang(1800, "01", "6"), null, new Verwijzer("02", null, "01999999"), null, null)])));
        var verslag = Assert.Single(new BerichtVerwerken(Opslag, Flevoland, Verwerkt, Outbox).Verwerk([new Invoer(identificatie + ".xml", jw315)]));
        Assert.Equal(Uitkomsten.Approved, verslag.Uitkomst);
    }

    private Core.Waarden.Resultaat<NoShowRegistratie> Meld(string datum, int nummer = 1, string bsn = Client, string aanbieder = Aanbieder) =>
        Opslag.RegistreerNoShow(new NoShowMelding(Agb(aanbieder), Bsn(bsn), nummer, Dag(datum)), null, Flevoland, Vandaag);

    private object? Scalar(string sql) => Db.VoerUit(sql);

    [StoreFact]
    public void Drie_no_shows_krijgen_volgnummer_1_2_3_en_de_vierde_wordt_geweigerd()
    {
        MetToewijzing();

        var eerste = Meld("2027-04-01").Waarde;
        var tweede = Meld("2027-04-08").Waarde;
        var derde = Meld("2027-04-15").Waarde;
        var vierde = Meld("2027-04-22");

        Assert.Equal(("0171", 1, "HK-NS-1"), (eerste.Gemeente, eerste.Uitslag.Volgnummer, eerste.Uitslag.Regel));
        Assert.Equal((2, "HK-NS-2"), (tweede.Uitslag.Volgnummer, tweede.Uitslag.Regel));
        Assert.Equal((3, "HK-NS-3", (DateOnly?)new DateOnly(2027, 5, 24)), (derde.Uitslag.Volgnummer, derde.Uitslag.Regel, derde.Uitslag.BesluitUiterlijk));
        Assert.Equal("NS-MAXIMUM", Assert.Single(vierde.Fouten).Code);
        Assert.Equal(3L, Db.Tel("noshows"));
        AssertInPartitieVan("noshows", "0171");
        // Each report is journalled (facts only) and audited with the BSN as a hash.
        Assert.Equal(3L, Convert.ToInt64(Scalar("SELECT COUNT(*) FROM journaal WHERE berichtcode = 'NOSHOW'"), CultureInfo.InvariantCulture));
        Assert.Equal(3, Opslag.AuditVoorClient(Bsn(Client)).Count(a => a.Actie.StartsWith("no-show", StringComparison.Ordinal)));
    }

    [StoreFact]
    public void Een_geweigerde_melding_legt_niets_vast()
    {
        MetToewijzing();

        Assert.Equal("NS-PERIODE", Assert.Single(Meld("2027-03-07").Fouten).Code);
        Assert.Equal("NS-TOEWIJZING", Assert.Single(Meld("2027-04-01", nummer: 99).Fouten).Code);
        Assert.Equal("NS-TOEWIJZING", Assert.Single(Meld("2027-04-01", aanbieder: "87654321").Fouten).Code);
        Assert.Equal("NS-CLIENT", Assert.Single(Meld("2027-04-01", bsn: "100002195").Fouten).Code);

        Assert.Equal(0L, Db.Tel("noshows"));
        Assert.Equal(0L, Convert.ToInt64(Scalar("SELECT COUNT(*) FROM journaal WHERE berichtcode = 'NOSHOW'"), CultureInfo.InvariantCulture));
    }

    [StoreFact]
    public void Zonder_gemeente_kiest_het_nummer_de_eigen_toewijzing_en_twee_vreemde_vragen_om_de_gemeente()
    {
        // Numbers are unique per municipality only (TR332): number 1 in Noordoostpolder (this client) and in Urk (another).
        MetToewijzing();
        Verzoek("0184", "100003060", new DateOnly(2013, 8, 19), "A2");
        Assert.Equal(2L, Convert.ToInt64(Scalar("SELECT COUNT(*) FROM toewijzingen WHERE nummer = 1 AND actueel = 1"), CultureInfo.InvariantCulture));

        Assert.Equal("0171", Meld("2027-04-01").Waarde.Gemeente);
        Assert.Equal("0184", Meld("2027-04-01", bsn: "100003060").Waarde.Gemeente);
        // A client with neither allocation: both are candidates, and the report must name its municipality; nothing is stored.
        var fout = Assert.Single(Meld("2027-04-08", bsn: "100002195").Fouten);
        Assert.Equal(("NS-GEMEENTE", true), (fout.Code, fout.Melding.Contains("(0171, 0184)", StringComparison.Ordinal)));
        Assert.Equal(2L, Db.Tel("noshows"));
    }

    [StoreFact]
    public void Dezelfde_dag_twee_keer_wordt_geweigerd_na_annuleren_kan_het_opnieuw()
    {
        MetToewijzing();
        var eerste = Meld("2027-04-01").Waarde;

        Assert.Equal("NS-DUBBEL", Assert.Single(Meld("2027-04-01").Fouten).Code);
        Assert.True(Opslag.AnnuleerNoShow(eerste.Id, Agb(Aanbieder), "aanbieder").IsGeldig);
        Assert.Equal("NS-GEANNULEERD", Assert.Single(Opslag.AnnuleerNoShow(eerste.Id, Agb(Aanbieder), "aanbieder").Fouten).Code);
        Assert.Equal(1, Meld("2027-04-01").Waarde.Uitslag.Volgnummer);
    }

    [StoreFact]
    public void Alleen_de_eigen_aanbieder_kan_annuleren()
    {
        MetToewijzing();
        var eerste = Meld("2027-04-01").Waarde;
        Assert.Equal("NS-ONBEKEND", Assert.Single(Opslag.AnnuleerNoShow(eerste.Id, Agb("87654321"), "ander").Fouten).Code);
    }

    [StoreFact]
    public void Een_geannuleerde_no_show_telt_niet_mee()
    {
        MetToewijzing();
        Meld("2027-04-01");
        var tweede = Meld("2027-04-08").Waarde;
        Meld("2027-04-15");
        Assert.True(Opslag.AnnuleerNoShow(tweede.Id, Agb(Aanbieder), "aanbieder").IsGeldig);

        Assert.Equal(3, Meld("2027-04-22").Waarde.Uitslag.Volgnummer);
        var lijst = Opslag.NoShowsVan(Gemeente("0171"), Bsn(Client), "medewerker");
        Assert.Equal([1, null, 2, 3], lijst.Select(n => n.Volgnummer));
        Assert.True(lijst[1].Geannuleerd);
    }

    [StoreFact]
    public void Op_een_groepsproduct_wordt_niets_vastgelegd()
    {
        MetToewijzing();
        Db.VoerUit("""
            INSERT INTO toewijzingen (gemeente, nummer, client_bsn, aanbieder, productcode, categorie, ingangsdatum, einddatum,
                toewijzingsdatum, toewijzingstijd, herkomst, keren_verschoven, actueel)
            VALUES ('0171', 7, '100002183', '01234567', '45F22', '45', '2027-03-08', '2027-09-07', '2027-03-01', '10:00:00', 2, 0, 1)
            """);

        Assert.Equal("NS-GROEP", Assert.Single(Meld("2027-04-01", nummer: 7).Fouten).Code);
        Assert.Equal(0L, Db.Tel("noshows"));
    }

    [StoreFact]
    public void De_lijst_per_client_wordt_geaudit_en_toont_de_bsn_niet()
    {
        MetToewijzing();
        Meld("2027-04-01");

        var lijst = Opslag.NoShowsVan(Gemeente("0171"), Bsn(Client), "medewerker");

        var n = Assert.Single(lijst);
        Assert.Equal((1, "45F11", new DateOnly(2027, 4, 1), 1), (n.ToewijzingNummer, n.Product.Waarde, n.Datum, n.Volgnummer));
        Assert.DoesNotContain(Client, n.ToString(), StringComparison.Ordinal);
        Assert.Contains(Opslag.AuditVoorClient(Bsn(Client)), a => a.Actie == "no-shows bekeken" && a.Wie == "medewerker");
    }

    [StoreFact]
    public void Beeindigen_na_de_derde_no_show_geeft_een_geldige_JW301_met_de_nieuwe_einddatum()
    {
        MetToewijzing();
        Meld("2027-04-01");
        Meld("2027-04-08");
        Meld("2027-04-15");

        var verslag = Opslag.NeemNoShowBesluit(null, 1, new NoShowBesluit(new DateOnly(2027, 5, 31)), Vandaag, Outbox, "medewerker").Waarde;

        Assert.Equal(("0171", NoShowsLezen.Beeindigen), (verslag.Gemeente, verslag.Besluit));
        var bestand = Assert.Single(verslag.Outbox);
        Assert.Contains("_JW301_", bestand, StringComparison.Ordinal);
        var xml = File.ReadAllBytes(bestand);
        Assert.Empty(XsdValidatie.Fouten(xml));
        var tekst = System.Text.Encoding.UTF8.GetString(xml);
        Assert.Contains("<Einddatum>2027-05-31</Einddatum>", tekst, StringComparison.Ordinal);
        Assert.Contains("<RedenWijziging>05</RedenWijziging>", tekst, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2027, 5, 31), Scalar("SELECT einddatum FROM toewijzingen WHERE nummer = 1 AND actueel = 1") switch
        {
            DateTime d => DateOnly.FromDateTime(d),
            DateOnly d => d,
            var w => DateOnly.Parse(Convert.ToString(w, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
        });
        Assert.Equal(2L, Convert.ToInt64(Scalar("SELECT COUNT(*) FROM toewijzingen WHERE nummer = 1"), CultureInfo.InvariantCulture));

        // Decided: no second decision, no second JW301, and the reports can no longer be cancelled.
        Assert.Equal("NS-BESLUIT-GEEN", Assert.Single(Opslag.NeemNoShowBesluit(null, 1, new NoShowBesluit(null), Vandaag, Outbox, "medewerker").Fouten).Code);
        var eerste = Opslag.NoShowsVan(Gemeente("0171"), Bsn(Client), "medewerker")[0];
        Assert.Equal("NS-BESLOTEN", Assert.Single(Opslag.AnnuleerNoShow(eerste.Id, Agb(Aanbieder), "aanbieder").Fouten).Code);
    }

    [StoreFact]
    public void Voortzetten_legt_het_besluit_vast_zonder_JW301()
    {
        MetToewijzing();
        Meld("2027-04-01");
        Meld("2027-04-08");
        Meld("2027-04-15");
        var outboxVoor = Db.Tel("outbox");

        var verslag = Opslag.NeemNoShowBesluit(Gemeente("0171"), 1, new NoShowBesluit(null), Vandaag, Outbox, "medewerker").Waarde;

        Assert.Equal(NoShowsLezen.Voortzetten, verslag.Besluit);
        Assert.Empty(verslag.Outbox);
        Assert.Equal(outboxVoor, Db.Tel("outbox"));
        Assert.Equal(1L, Convert.ToInt64(Scalar("SELECT COUNT(*) FROM toewijzingen WHERE nummer = 1"), CultureInfo.InvariantCulture));
        Assert.Equal(NoShowsLezen.Voortzetten, Scalar("SELECT besluit FROM noshows WHERE besluit IS NOT NULL"));
    }

    [StoreFact]
    public void Zonder_derde_no_show_valt_er_niets_te_besluiten()
    {
        MetToewijzing();
        Meld("2027-04-01");
        Meld("2027-04-08");

        Assert.Equal("NS-BESLUIT-GEEN", Assert.Single(Opslag.NeemNoShowBesluit(null, 1, new NoShowBesluit(new DateOnly(2027, 5, 31)), Vandaag, Outbox, "m").Fouten).Code);
        Assert.Equal("NS-BESLUIT-ONBEKEND", Assert.Single(Opslag.NeemNoShowBesluit(null, 99, new NoShowBesluit(null), Vandaag, Outbox, "m").Fouten).Code);
    }

    [StoreFact]
    public void Een_einddatum_voor_de_derde_no_show_wordt_geweigerd_en_verandert_niets()
    {
        MetToewijzing();
        Meld("2027-04-01");
        Meld("2027-04-08");
        Meld("2027-04-15");

        var r = Opslag.NeemNoShowBesluit(null, 1, new NoShowBesluit(new DateOnly(2027, 4, 14)), Vandaag, Outbox, "m");

        Assert.Equal("NS-BESLUIT-EINDE", Assert.Single(r.Fouten).Code);
        Assert.Equal(0L, Convert.ToInt64(Scalar("SELECT COUNT(*) FROM noshows WHERE besluit IS NOT NULL"), CultureInfo.InvariantCulture));
        Assert.Equal(1L, Convert.ToInt64(Scalar("SELECT COUNT(*) FROM toewijzingen WHERE nummer = 1"), CultureInfo.InvariantCulture));
    }

    [StoreFact]
    public void Een_no_show_bewaart_de_regelversie_van_zijn_oordeel_en_het_dossier_leest_die_en_een_oude_zonder()
    {
        MetToewijzing();
        var regels = Flevoland with { Versie = Flevoland.Versie + "+v7" };

        var eerste = Opslag.RegistreerNoShow(new NoShowMelding(Agb(Aanbieder), Bsn(Client), 1, Dag("2027-04-01")), null, regels, Vandaag).Waarde;
        Meld("2027-04-08");

        Assert.Equal(regels.Versie, eerste.Uitslag.Regelversie);
        Assert.Equal([regels.Versie, Flevoland.Versie], Db.Lees("SELECT regelversie FROM noshows ORDER BY id").Select(r => r[0] as string));
        // A report from before migration 0032 keeps NULL: the dossier reads no version for it.
        Db.VoerUit("UPDATE noshows SET regelversie = NULL WHERE datum = '2027-04-08'");
        var dossier = Opslag.BekijkDossier("nop", Gemeente("0171"), Bsn(Client))!;
        Assert.Equal([(1, regels.Versie), (2, null)], dossier.NoShows.Select(n => (n.Volgnummer, n.Regelversie)));
    }
}
