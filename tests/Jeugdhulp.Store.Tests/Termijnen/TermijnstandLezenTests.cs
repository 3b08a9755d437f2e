using Jeugdhulp.Core.NoShow;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Schema;
using Jeugdhulp.Ijw.Schrijven;
using Jeugdhulp.Store.Journaal;
using Jeugdhulp.Store.NoShow;
using Jeugdhulp.Store.Outbox;
using Jeugdhulp.Store.Termijnen;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Verwerking;
using IjwProduct = Jeugdhulp.Ijw.Berichten.Product;

namespace Jeugdhulp.Store.Tests.Termijnen;

/// <summary>The deadline snapshot read from the pipeline's tables, on both databases.</summary>
public abstract class TermijnstandLezenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : TermijnstandLezenTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : TermijnstandLezenTests(new PostgresTestDatabase());

    private const string Aanbieder = "01234567";
    private const string Client = "100002183";
    private static readonly DateOnly Geboren = new(2016, 9, 12);

    private string Outbox => Path.Combine(Db.DataMap, "outbox");

    private void MetDemo()
    {
        ImporteerDemo();
    }

    private List<Bestandsverslag> Verwerk(DateOnly vandaag, params byte[][] berichten) =>
        [.. new BerichtVerwerken(Opslag, Flevoland, vandaag, Outbox).Verwerk(berichten.Select((b, i) => new Invoer($"{i}.xml", b)))];

    private static Header Kop(Berichtsoort soort, string id, DateOnly? dagtekening = null) =>
        Header.Voor(soort, Aanbieder, "0171", new BerichtIdentificatie(id, dagtekening ?? new DateOnly(2027, 3, 1)));

    private static byte[] Jw315(string id, string bsn, string code, string? commentaar = null, string verwijzer = "02") =>
        IjwSchrijver.Schrijf(new VerzoekOmToewijzingBericht(Berichtsoort.JW315, Kop(Berichtsoort.JW315, id),
            new VerzoekOmToewijzingClient(bsn, new Geboortedatum(Geboren, null), "1", new VerkorteNaam(new Achternaam("Vries", null), null, null), null, null,
                [new AangevraagdProduct("R-" + id, null, new IjwProduct("45", code), null, new DateOnly(2027, 3, 8), new DateOnly(2027, 9, 7),
                    new Omvang(1800, "01", "6"), null, new Verwijzer(verwijzer, null, "01999999"), null, commentaar)])));

    /// <summary>A JW317 of the client (R-W, dagtekening 2027-03-24) with one line to change.</summary>
    private static byte[] Jw317(TeWijzigenProduct wijziging) =>
        IjwSchrijver.Schrijf(new VerzoekOmWijzigingBericht(Berichtsoort.JW317, Kop(Berichtsoort.JW317, "W1", new DateOnly(2027, 3, 24)),
            new VerzoekOmWijzigingClient(Client, new Verzoek("R-W", "1", [], [wijziging], []))));

    private static byte[] Jw305(string id, long nummer, DateOnly begin) =>
        IjwSchrijver.Schrijf(new StartBericht(Berichtsoort.JW305, Kop(Berichtsoort.JW305, id, begin.AddDays(1)),
            new StartClient(Client, new Geboortedatum(Geboren, null), "1", new VerkorteNaam(new Achternaam("Vries", null), null, null),
                [new StartProduct(nummer, new IjwProduct("45", "45F11"), null, begin, "1")])));

    private static byte[] Jw307(string id, long nummer, DateOnly begin, DateOnly eind) =>
        IjwSchrijver.Schrijf(new StopBericht(Berichtsoort.JW307, Kop(Berichtsoort.JW307, id, eind.AddDays(1)),
            new StopClient(Client, new Geboortedatum(Geboren, null), "1", new VerkorteNaam(new Achternaam("Vries", null), null, null),
                [new StopProduct(nummer, new IjwProduct("45", "45F11"), null, begin, "31", eind, "1")])));

    private static byte[] Jw323(string id, long nummer, DateOnly van, DateOnly tot) =>
        IjwSchrijver.Schrijf(new Declaratiebericht(Kop(Berichtsoort.JW323, id, tot.AddDays(2)),
            new Declaratie("DN" + id, new GeslotenPeriode(new DateOnly(van.Year, van.Month, 1), new DateOnly(van.Year, van.Month, 1).AddMonths(1).AddDays(-1)), tot.AddDays(2), new BedragMetDc(17500, "D"),
                [new DeclaratieClient(Client, [new Prestatie(new ProductReferentie("P-" + id, null), nummer, "45", "45F11",
                    new GeslotenPeriode(van, tot), 100, "01", 175, new BedragMetDc(17500, "D"))])])));

    [StoreFact]
    public void Leveringen_en_gedeclareerde_maanden_komen_uit_start_stop_en_JW323()
    {
        MetDemo();
        Assert.Equal(Uitkomsten.Approved, Assert.Single(Verwerk(new DateOnly(2027, 3, 2), Jw315("A1", Client, "45F11"))).Uitkomst);
        var s = Assert.Single(Verwerk(new DateOnly(2027, 3, 9), Jw305("S1", 1, new DateOnly(2027, 3, 8))));
        Assert.True(s.Uitkomst == Uitkomsten.Accepted, string.Join("; ", s.Meldingen));
        var d = Assert.Single(Verwerk(new DateOnly(2027, 4, 2), Jw323("D1", 1, new DateOnly(2027, 3, 8), new DateOnly(2027, 3, 31))));
        Assert.True(d.Uitkomst == Uitkomsten.Accepted, string.Join("; ", d.Meldingen));
        Assert.Equal(Uitkomsten.Accepted, Assert.Single(Verwerk(new DateOnly(2027, 5, 20), Jw307("E1", 1, new DateOnly(2027, 3, 8), new DateOnly(2027, 5, 15)))).Uitkomst);

        var t = Assert.Single(Opslag.LeesTermijnstand().Toewijzingen);

        Assert.Equal(new DateOnly(2027, 3, 8), Assert.Single(t.Leveringen!).Begin);
        Assert.Equal(new DateOnly(2027, 5, 15), t.Leveringen![0].Eind);
        Assert.Equal([new DateOnly(2027, 3, 1)], t.GedeclareerdeMaanden!);
    }

    [StoreFact]
    public void De_herkomst_van_een_toewijzing_komt_mee_voor_het_terugvalvenster_en_de_JW307_van_de_GI()
    {
        MetDemo();
        Assert.Equal(Uitkomsten.Approved, Assert.Single(Verwerk(new DateOnly(2027, 3, 2), Jw315("A1", Client, "45F11"))).Uitkomst);
        Assert.Equal(Uitkomsten.Review, Assert.Single(Verwerk(new DateOnly(2027, 3, 2), Jw315("A2", Client, "45F21", verwijzer: "04"))).Uitkomst);
        Assert.True(BesluitNemen.Neem(Opslag, new Handbesluit("R-A2", true, null, "bepaling GI gezien", "medewerker"), new DateOnly(2027, 3, 3), Outbox).IsGeldig);

        var toewijzingen = Opslag.LeesTermijnstand().Toewijzingen.OrderBy(t => t.Nummer).ToList();

        Assert.Equal([Core.Toewijzing.VerwijzerType.Huisarts, Core.Toewijzing.VerwijzerType.GecertificeerdeInstelling], toewijzingen.Select(t => t.Herkomst));
        Assert.All(toewijzingen, t => Assert.False(t.IsVerwijderd));
    }

    [StoreFact]
    public void Een_latere_JW323_telt_bij_de_volgende_lezing_mee()
    {
        MetDemo();
        Verwerk(new DateOnly(2027, 3, 2), Jw315("A1", Client, "45F11"));
        Verwerk(new DateOnly(2027, 4, 2), Jw323("D1", 1, new DateOnly(2027, 3, 8), new DateOnly(2027, 3, 31)));
        Assert.Equal([new DateOnly(2027, 3, 1)], Assert.Single(Opslag.LeesTermijnstand().Toewijzingen).GedeclareerdeMaanden!);

        Verwerk(new DateOnly(2027, 5, 2), Jw323("D2", 1, new DateOnly(2027, 4, 1), new DateOnly(2027, 4, 30)));
        var maanden = Assert.Single(Opslag.LeesTermijnstand().Toewijzingen).GedeclareerdeMaanden!;

        Assert.Equal([new DateOnly(2027, 3, 1), new DateOnly(2027, 4, 1)], maanden.Order());
    }

    [StoreFact]
    public void Een_bericht_zonder_retour_staat_open_tot_het_antwoord_er_is()
    {
        MetDemo();
        Verwerk(new DateOnly(2027, 3, 2), Jw315("A1", Client, "45F11"));
        Assert.Empty(Opslag.LeesTermijnstand().Onbeantwoord!);

        // Journalled but not (yet) answered: what a JW305 and a JW323 look like before their retour and JW325.
        long start, declaratie;
        using (var tx = Opslag.BeginTransactie())
        {
            start = ((JournaalUitkomst.Nieuw)tx.Journaliseer(Aanbieder, "0171", "S9", "JW305", Jw305("S9", 1, new DateOnly(2027, 3, 8)))).JournaalId;
            declaratie = ((JournaalUitkomst.Nieuw)tx.Journaliseer(Aanbieder, "0171", "D9", "JW323", Jw323("D9", 1, new DateOnly(2027, 3, 8), new DateOnly(2027, 3, 31)))).JournaalId;
            tx.Commit();
        }

        var open = Opslag.LeesTermijnstand().Onbeantwoord!;
        Assert.Equal(2, open.Count);
        var jw305 = Assert.Single(open, o => o.Berichtcode == "JW305");
        Assert.Equal(("0171", Aanbieder, "S9", Client), (jw305.Gemeente, jw305.Aanbieder, jw305.Identificatie, jw305.Client?.Waarde));
        Assert.Null(Assert.Single(open, o => o.Berichtcode == "JW323").Client);

        using (var tx = Opslag.BeginTransactie())
        {
            tx.VoegAntwoordToe(start, "JW306", Aanbieder, "a_JW306.xml", [1]);
            tx.VoegAntwoordToe(declaratie, "JW325", Aanbieder, "a_JW325.xml", [2]);
            tx.Commit();
        }

        Assert.Empty(Opslag.LeesTermijnstand().Onbeantwoord!);
    }

    [StoreFact]
    public void Een_verzoek_voor_een_onbekende_inwoner_heeft_een_open_woonplaatsvraag()
    {
        MetDemo();
        var verslag = Assert.Single(Verwerk(new DateOnly(2027, 3, 2), Jw315("W1", "111222333", "45F11")));
        Assert.Equal(Uitkomsten.Review, verslag.Uitkomst);
        Verwerk(new DateOnly(2027, 3, 2), Jw315("A1", Client, "45F21"));

        var verzoeken = Opslag.LeesTermijnstand().Verzoeken;

        Assert.True(Assert.Single(verzoeken, v => v.Referentie == "R-W1").WoonplaatsOnzeker);
        Assert.All(verzoeken.Where(v => v.Referentie != "R-W1"), v => Assert.False(v.WoonplaatsOnzeker));
    }

    [StoreFact]
    public void De_verwijsdatum_komt_uit_het_commentaar_van_een_medische_verwijzing_in_review()
    {
        MetDemo();
        // 45F21 from the medical route without earlier Diagnostiek goes to review (HK-315-11).
        Verwerk(new DateOnly(2027, 3, 2), Jw315("V1", Client, "45F21", "Verwijsdatum: 2026-01-15"), Jw315("V2", "100002195", "45F21", "geen datum"));

        var verzoeken = Opslag.LeesTermijnstand().Verzoeken;

        Assert.Equal(new DateOnly(2026, 1, 15), Assert.Single(verzoeken, v => v.Referentie == "R-V1").Verwijsdatum);
        Assert.Null(Assert.Single(verzoeken, v => v.Referentie == "R-V2").Verwijsdatum);
    }

    [StoreFact]
    public void Een_derde_no_show_zonder_besluit_staat_open_tot_het_besluit()
    {
        MetDemo();
        Verwerk(new DateOnly(2027, 3, 2), Jw315("A1", Client, "45F11"));
        var vandaag = new DateOnly(2027, 5, 3);
        foreach (var d in new[] { 1, 8, 15 })
        {
            Assert.True(Opslag.RegistreerNoShow(new NoShowMelding(Agb(Aanbieder), Bsn(Client), 1, new DateOnly(2027, 4, d)), null, Flevoland, vandaag).IsGeldig);
        }

        var open = Assert.Single(Opslag.LeesTermijnstand().NoShowBesluiten!);
        Assert.Equal(("0171", 1L, "45F11"), (open.Gemeente, open.Nummer, open.Product.Waarde));

        Assert.True(Opslag.NeemNoShowBesluit(null, 1, new NoShowBesluit(null), vandaag, Outbox, "m").IsGeldig);
        Assert.Empty(Opslag.LeesTermijnstand().NoShowBesluiten!);
    }

    [StoreFact]
    public void Een_geannuleerde_derde_no_show_vraagt_geen_besluit_meer()
    {
        MetDemo();
        Verwerk(new DateOnly(2027, 3, 2), Jw315("A1", Client, "45F11"));
        var vandaag = new DateOnly(2027, 5, 3);
        var ids = new[] { 1, 8, 15 }.Select(d =>
            Opslag.RegistreerNoShow(new NoShowMelding(Agb(Aanbieder), Bsn(Client), 1, new DateOnly(2027, 4, d)), null, Flevoland, vandaag).Waarde.Id).ToList();
        Assert.Single(Opslag.LeesTermijnstand().NoShowBesluiten!);

        Assert.True(Opslag.AnnuleerNoShow(ids[1], Agb(Aanbieder), "aanbieder").IsGeldig);

        Assert.Empty(Opslag.LeesTermijnstand().NoShowBesluiten!);
    }

    [StoreFact]
    public void De_toewijzingsdatum_van_de_eerste_JW301_komt_mee_voor_de_JW305_termijn()
    {
        // Allocated on 2027-03-12 with terugwerkende kracht from 2027-03-08 (HK-305-1: the JW305 counts from the JW301).
        MetDemo();
        Verwerk(new DateOnly(2027, 3, 12), Jw315("A1", Client, "45F11"));
        var jw317 = Jw317(new TeWijzigenProduct(1, new DateOnly(2027, 3, 8), new DateOnly(2027, 8, 31), null, null));
        Assert.Equal(Uitkomsten.Approved, Assert.Single(Verwerk(new DateOnly(2027, 3, 25), jw317)).Uitkomst);

        var t = Assert.Single(Opslag.LeesTermijnstand().Toewijzingen);

        // The later version (end date moved back) does not move the receipt of the first JW301.
        Assert.Equal(new DateOnly(2027, 8, 31), t.Einddatum);
        Assert.Equal(new DateOnly(2027, 3, 12), t.Toewijzingsdatum);
    }

    [StoreFact]
    public void Een_verwijzing_van_14_maanden_geleden_in_het_commentaar_geeft_het_intakesignaal_bij_het_besluit()
    {
        // HK-ROUTE-1 via the regional convention: the pipeline passes the verwijsdatum from the Commentaar to the engine.
        MetDemo();
        Verwerk(new DateOnly(2027, 3, 2), Jw315("V1", Client, "45F11", "verwijsdatum 2026-01-15"), Jw315("V2", "100002195", "45F11", "geen datum"));

        var laat = Toelichting("R-V1");
        var zonder = Toelichting("R-V2");

        Assert.Contains("Signaal HK-ROUTE-1", laat, StringComparison.Ordinal);
        Assert.Contains("15-01-2026", laat, StringComparison.Ordinal);
        Assert.DoesNotContain("HK-ROUTE-1", zonder, StringComparison.Ordinal);
    }

    [StoreFact]
    public void Een_JW317_geeft_de_ingangsdatum_van_een_gewijzigde_regel_met_nieuwe_start()
    {
        MetDemo();
        Verwerk(new DateOnly(2027, 3, 2), Jw315("A1", Client, "45F11"));
        var jw317 = Jw317(new TeWijzigenProduct(1, new DateOnly(2027, 4, 1), new DateOnly(2027, 9, 7), new Omvang(2400, "01", "6"), null));
        Verwerk(new DateOnly(2027, 3, 25), jw317);

        var stand = Opslag.LeesTermijnstand();

        var w = Assert.Single(stand.Wijzigingen!);
        Assert.Equal("R-W", w.Referentie);
        Assert.Equal(("45F11", new DateOnly(2027, 4, 1)), (w.Ingangen[0].Product.Waarde, w.Ingangen[0].Ingang));
    }
}
