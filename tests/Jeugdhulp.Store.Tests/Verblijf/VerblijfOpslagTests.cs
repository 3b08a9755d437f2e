using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Toekenning;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Verblijf;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Core.Werkdagen;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store.Audit;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Import;
using Jeugdhulp.Store.Termijnen;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Toekenning;
using Jeugdhulp.Store.Verblijf;

namespace Jeugdhulp.Store.Tests.Verblijf;

/// <summary>
/// The 24-hour records of migration 0012 on both databases: what Core refuses is not written, what is written
/// shows up in the deadline watch (HK-24-8, -3, -9, -10, -11, 18th birthday) until its follow-up is recorded, and
/// granted meerzorg is an XSD-valid JW301 of Begeleiding Individueel through the municipality's allocation path.
/// </summary>
public abstract class VerblijfOpslagTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : VerblijfOpslagTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : VerblijfOpslagTests(new PostgresTestDatabase());

    private const string Aanbieder = "01234567";
    private const string Kind = "100002183";      // 2016-09-12, Noordoostpolder
    private const string Bijna18 = "100003047";   // 2009-06-15, Noordoostpolder: 18 on 2027-06-15
    private const string Wie = "medewerker@nop";
    private static readonly Gemeentecode Nop = Gemeentecode.Parse("0171").Waarde;
    private static readonly DateOnly Ingang = new(2027, 3, 8);
    private static readonly Toewijzingsmoment Moment = new(new DateOnly(2027, 3, 2), new TimeOnly(10, 15, 0));

    private string OutboxMap => Path.Combine(Db.DataMap, "outbox");

    /// <summary>Noordoostpolder takes part in the 24-uurs lot and the provider has a meerzorg contract, as the region would add as data.</summary>
    private static Regelcatalogus Regels()
    {
        Deelname[] nop = [new(Nop, Periode.Vanaf(new DateOnly(2019, 10, 31)), [])];
        return Flevoland with { Percelen = [.. Flevoland.Percelen.Select(p => p.Code is "JMV24" or "BEHWON" ? p with { Deelnames = nop } : p)] };
    }

    private void Importeer()
    {
        var csv = File.ReadAllText(Path.Combine(Paden.RepoRoot, "demo", "contracten.csv")).TrimEnd() + "\n0171,01234567,45R02,2026-01-01,,70,\n";
        Assert.True(Opslag.ImporteerContracten(ContractenCsv.Lees(csv).Waarde).IsGeldig);
        Assert.True(Opslag.ImporteerInwoners(InwonersCsv.Lees(File.ReadAllText(Path.Combine(Paden.RepoRoot, "demo", "inwoners.csv"))).Waarde).IsGeldig);
    }

    private static Verblijfplaatsing Crisis(int dagen, Plaatsingsroute route = Plaatsingsroute.Crisis) =>
        new("0171", "CR-1", Bsn(Kind), Product("46R01"), route, Ingang, Ingang.AddDays(dagen - 1)) { Beschikking = Ingang };

    private IReadOnlyList<Verplichting> Open(DateOnly dag) =>
        TermijnenBewaken.Open(Opslag.LeesTermijnstand(), Regels().OpDatum(dag), new Werkdagenkalender(Flevoland.ExtraVrijeDagen), dag);

    private static Meerzorgaanvraag Meerzorg(DateOnly van, DateOnly tot, Toetsstand toets = Toetsstand.Positief) =>
        new("0171", "MZ-1", Bsn(Kind), Aanbieder, "LVG4", 6, van, tot, new DateOnly(2027, 2, 22), true, toets, toets);

    [StoreFact]
    public void HK_24_8_een_crisisplaatsing_staat_met_dag_14_en_dag_28_in_de_termijnen_tot_het_vervolg_is_vastgelegd()
    {
        var v = Opslag.LegPlaatsingVast(Regels(), Crisis(28), Wie);

        Assert.True(v.Geschreven, v.Fout?.Melding);
        var open = Open(Ingang.AddDays(2));
        Assert.Equal(Ingang.AddDays(13), Assert.Single(open, o => o.Regel == CrisisBeoordelen.Perspectief).Vervaldatum);
        Assert.Equal(Ingang.AddDays(27), Assert.Single(open, o => o.Regel == CrisisBeoordelen.Maximum).Vervaldatum);
        Assert.Single(open, o => o.Regel == VoorwaardenToetsen.DialoogTermijn);
        Assert.Single(open, o => o.Regel == VoorwaardenToetsen.RegisseurTermijn);

        var vervolg = Crisis(28) with
        {
            Vervolgperspectief = Ingang.AddDays(10),
            Vervolgplaatsing = Ingang.AddDays(28),
            Dialoog = Ingang.AddDays(3),
            Regisseur = Regisseur.LokaleToegang,
            RegisseurVastgelegd = Ingang.AddDays(3),
        };
        Assert.True(Opslag.LegPlaatsingVast(Regels(), vervolg, Wie).Geschreven);

        Assert.DoesNotContain(Open(Ingang.AddDays(2)), o => o.Regel.StartsWith("HK-24", StringComparison.Ordinal));
        Assert.Equal(1L, Db.Tel("verblijf_plaatsingen"));
        Assert.Equal(2, Opslag.AuditVoorClient(Bsn(Kind)).Count(a => a.Actie.Contains("24-uursplaatsing CR-1", StringComparison.Ordinal)));
    }

    [StoreFact]
    public void HK_24_8_een_crisisplaatsing_van_29_dagen_wordt_niet_vastgelegd()
    {
        var v = Opslag.LegPlaatsingVast(Regels(), Crisis(29), Wie);

        Assert.False(v.Geschreven);
        Assert.Equal(Uitkomst.Afgewezen, v.Oordeel!.Uitkomst);
        Assert.Contains(v.Oordeel.Bevindingen, b => b.RegelId == "HK-24-8" && b.Code == "buiten-duur");
        Assert.Equal(0L, Db.Tel("verblijf_plaatsingen"));
    }

    [StoreFact]
    public void HK_24_8_via_Veilig_Thuis_wacht_de_evaluatie_op_dag_14()
    {
        Assert.True(Opslag.LegPlaatsingVast(Regels(), Crisis(20, Plaatsingsroute.VeiligThuis), Wie).Geschreven);

        Assert.Equal(Ingang.AddDays(13), Assert.Single(Open(Ingang), o => o.Regel == CrisisBeoordelen.EvaluatieVeiligThuis).Vervaldatum);
    }

    [StoreFact]
    public void HK_24_AANMELDING_18_een_plaatsing_over_de_18e_verjaardag_vraagt_aanmelding_3_maanden_ervoor()
    {
        Importeer();
        var p = new Verblijfplaatsing("0171", "BW-1", Bsn(Bijna18), Product("43R01"), Plaatsingsroute.Regulier, new DateOnly(2027, 1, 4), null)
        {
            Beschikking = new DateOnly(2027, 1, 4),
            Dialoog = new DateOnly(2026, 12, 20),
            Regisseur = Regisseur.LokaleToegang,
        };
        Assert.True(Opslag.LegPlaatsingVast(Regels(), p, Wie).Geschreven);

        var item = Assert.Single(Open(new DateOnly(2027, 3, 10)), o => o.Regel == VerblijfBewaken.Aanmelding18);
        Assert.Equal(new DateOnly(2027, 3, 15), item.Vervaldatum);

        Assert.True(Opslag.LegPlaatsingVast(Regels(), p with { AangemeldNa18 = new DateOnly(2027, 3, 12) }, Wie).Geschreven);
        Assert.DoesNotContain(Open(new DateOnly(2027, 3, 10)), o => o.Regel == VerblijfBewaken.Aanmelding18);
    }

    [StoreFact]
    public void HK_24_10_meerzorg_wordt_bewaakt_en_toegekend_als_XSD_geldige_JW301_Begeleiding_Individueel_met_terugwerkende_kracht()
    {
        Importeer();
        Assert.True(Opslag.LegMeerzorgaanvraagVast(Regels(), Meerzorg(new DateOnly(2027, 1, 4), new DateOnly(2027, 7, 3), Toetsstand.Open), Wie).Geschreven);
        Assert.Equal(new DateOnly(2027, 3, 8), Assert.Single(Open(Moment.Datum), o => o.Regel == MeerzorgBeoordelen.Besluittermijn).Vervaldatum);

        // Checks still open: a person must record them before it can be granted; nothing is allocated.
        var teVroeg = Opslag.BesluitMeerzorg(Regels(), Nop, "MZ-1", true, null, Persoon, Wie, Moment, OutboxMap);
        Assert.Equal("VERBLIJF-MEERZORG-NIET-TOEKENBAAR", teVroeg.Fout?.Code);
        Assert.Equal(0L, Db.Tel("toewijzingen"));

        Assert.True(Opslag.LegMeerzorgaanvraagVast(Regels(), Meerzorg(new DateOnly(2027, 1, 4), new DateOnly(2027, 7, 3)), Wie).Geschreven);
        var besluit = Opslag.BesluitMeerzorg(Regels(), Nop, "MZ-1", true, null, Persoon, Wie, Moment, OutboxMap);

        Assert.True(besluit.Geschreven, besluit.Fout?.Melding);
        var jw301 = Assert.Single(besluit.Outbox);
        var fouten = XsdValidatie.Fouten(File.ReadAllBytes(jw301));
        Assert.True(fouten.Count == 0, string.Join("\n", fouten));
        var xml = File.ReadAllText(jw301);
        Assert.Contains("45R02", xml, StringComparison.Ordinal);
        Assert.Contains("2027-01-04", xml, StringComparison.Ordinal);
        Assert.Equal("45R02", Db.VoerUit($"SELECT productcode FROM toewijzingen WHERE nummer = {besluit.Nummer} AND actueel = 1"));
        Assert.Equal(1L, Db.Tel("toekenningen"));

        var open = Open(Moment.Datum);
        Assert.DoesNotContain(open, o => o.Regel == MeerzorgBeoordelen.Besluittermijn);
        Assert.Equal(new DateOnly(2027, 7, 3), Assert.Single(open, o => o.Regel == MeerzorgBeoordelen.Duur).Vervaldatum);

        Assert.Equal("VERBLIJF-MEERZORG-BESLOTEN", Opslag.BesluitMeerzorg(Regels(), Nop, "MZ-1", true, null, Persoon, Wie, Moment, OutboxMap).Fout?.Code);
        Assert.True(Opslag.LegHerbeoordelingVast(Nop, "MZ-1", Wie).Geschreven);
        Assert.DoesNotContain(Open(Moment.Datum), o => o.Regel == MeerzorgBeoordelen.Duur);
    }

    [StoreFact]
    public void HK_24_10_meerzorg_toekennen_gebruikt_de_vooraf_gelezen_contracten_en_inwoners()
    {
        var regels = Regels();
        // Read before the contract for 45R02 and the residents exist: granting with them cannot find either, while the same
        // decision reading them itself (after the import) is written — so the sources passed in are the ones used.
        var teVroegGelezen = Opslag.LeesBronnen(regels);
        Importeer();
        Assert.True(Opslag.LegMeerzorgaanvraagVast(regels, Meerzorg(new DateOnly(2027, 1, 4), new DateOnly(2027, 7, 3)), Wie).Geschreven);

        var metOudeBronnen = Opslag.BesluitMeerzorg(regels, Nop, "MZ-1", true, null, Persoon, Wie, Moment, OutboxMap, gelezen: teVroegGelezen);
        Assert.False(metOudeBronnen.Geschreven);
        Assert.Equal(0L, Db.Tel("toewijzingen"));

        var besluit = Opslag.BesluitMeerzorg(regels, Nop, "MZ-1", true, null, Persoon, Wie, Moment, OutboxMap, gelezen: Opslag.LeesBronnen(regels));
        Assert.True(besluit.Geschreven, besluit.Fout?.Melding);
        Assert.Equal("45R02", Db.VoerUit($"SELECT productcode FROM toewijzingen WHERE nummer = {besluit.Nummer} AND actueel = 1"));
    }

    [StoreFact]
    public void HK_24_10_meerzorg_van_zes_maanden_en_een_dag_wordt_niet_toegekend_en_schrijft_niets()
    {
        Importeer();
        Assert.True(Opslag.LegMeerzorgaanvraagVast(Regels(), Meerzorg(new DateOnly(2027, 1, 4), new DateOnly(2027, 7, 4)), Wie).Geschreven);

        var besluit = Opslag.BesluitMeerzorg(Regels(), Nop, "MZ-1", true, null, Persoon, Wie, Moment, OutboxMap);

        Assert.Equal("VERBLIJF-MEERZORG-NIET-TOEKENBAAR", besluit.Fout?.Code);
        Assert.Contains(besluit.Oordeel!.Bevindingen, b => b.Code == "periode-te-lang");
        Assert.Equal(0L, Db.Tel("toewijzingen"));
        Assert.Equal(0L, Db.Tel("outbox"));
    }

    [StoreFact]
    public void HK_24_10_een_afwijzing_vraagt_een_motivering_en_sluit_de_besluittermijn()
    {
        Assert.True(Opslag.LegMeerzorgaanvraagVast(Regels(), Meerzorg(new DateOnly(2027, 3, 8), new DateOnly(2027, 6, 30)), Wie).Geschreven);

        Assert.Equal("VERBLIJF-MOTIVERING", Opslag.BesluitMeerzorg(Regels(), Nop, "MZ-1", false, " ", null, Wie, Moment, OutboxMap).Fout?.Code);
        Assert.True(Opslag.BesluitMeerzorg(Regels(), Nop, "MZ-1", false, "Budget overschreden", null, Wie, Moment, OutboxMap).Geschreven);

        Assert.Equal(MeerzorgBesluiten.Afgewezen, Assert.Single(Opslag.LeesVerblijf(Nop).Meerzorg).Besluit);
        Assert.DoesNotContain(Open(Moment.Datum), o => o.Regel.StartsWith("HK-24-10", StringComparison.Ordinal));
    }

    [StoreFact]
    public void HK_24_11_moeder_kindtoeslag_alleen_op_het_besluit_van_de_moeder_met_de_rapportage_als_termijn()
    {
        var zonder = new MoederKindgebruik("0171", "MK-1", Bsn(Kind), Aanbieder, null, new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 10), null);
        var geweigerd = Opslag.LegMoederKindVast(Regels(), zonder, Wie);
        Assert.False(geweigerd.Geschreven);
        Assert.Equal(0L, Db.Tel("verblijf_moederkind"));

        Assert.True(Opslag.LegMoederKindVast(Regels(), zonder with { BesluitMoeder = "B-77" }, Wie).Geschreven);
        Assert.Equal(new DateOnly(2027, 4, 1), Assert.Single(Open(new DateOnly(2027, 3, 1)), o => o.Regel == "HK-24-11").Vervaldatum);

        Assert.True(Opslag.LegMoederKindVast(Regels(), zonder with { BesluitMoeder = "B-77", Rapportage = new DateOnly(2027, 3, 30) }, Wie).Geschreven);
        Assert.DoesNotContain(Open(new DateOnly(2027, 3, 1)), o => o.Regel == "HK-24-11");
    }

    [StoreFact]
    public void HK_24_6_een_consult_zonder_vraag_wordt_geweigerd_en_de_uitkomst_eenmaal_vastgelegd()
    {
        var leeg = new Consultaanvraag("0171", "C-1", "Jongen, 14, vastgelopen thuis", "", new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 20));
        Assert.False(Opslag.LegConsultVast(Regels(), leeg, Wie).Geschreven);

        Assert.True(Opslag.LegConsultVast(Regels(), leeg with { Vraag = "Is opschalen nodig?" }, Wie).Geschreven);
        Assert.True(Opslag.LegConsultuitkomstVast(Nop, "C-1", Consultuitkomst.Expertteam, new DateOnly(2027, 3, 20), Wie).Geschreven);
        Assert.Equal("VERBLIJF-CONSULT", Opslag.LegConsultuitkomstVast(Nop, "C-1", Consultuitkomst.Opschalen, new DateOnly(2027, 3, 21), Wie).Fout?.Code);

        Assert.Equal(Consultuitkomst.Expertteam, Assert.Single(Opslag.LeesVerblijf(Nop).Consulten).Uitkomst);
    }

    [StoreFact]
    public void HK_24_12_een_escalatie_in_het_gedwongen_kader_beslist_de_GI()
    {
        Assert.Equal("VERBLIJF-ONBEKEND", Opslag.LegEscalatieVast(Nop, "CR-1", "geen vervolgplek", Wie).Fout?.Code);
        Assert.True(Opslag.LegPlaatsingVast(Regels(), Crisis(20, Plaatsingsroute.Gedwongen) with { Regisseur = Regisseur.Gi }, Wie).Geschreven);

        var v = Opslag.LegEscalatieVast(Nop, "CR-1", "geen vervolgplek", Wie);

        Assert.True(v.Geschreven);
        Assert.Equal("gi-beslist", Assert.Single(v.Oordeel!.Bevindingen).Code);
        var e = Assert.Single(Opslag.LeesVerblijf(Nop).Escalaties);
        Assert.Equal(Beslisser.Gi, e.Beslisser);
        Assert.True(Opslag.SluitEscalatie(Nop, e.Id, new DateOnly(2027, 3, 12), Wie).Geschreven);
        Assert.False(Opslag.SluitEscalatie(Nop, e.Id, new DateOnly(2027, 3, 12), Wie).Geschreven);
    }

    [StoreFact]
    public void Op_referentie_lezen_geeft_precies_de_records_die_het_hele_dossier_onder_die_referentie_heeft()
    {
        Assert.True(Opslag.LegPlaatsingVast(Regels(), Crisis(20, Plaatsingsroute.Gedwongen) with { Regisseur = Regisseur.Gi }, Wie).Geschreven);
        Assert.True(Opslag.LegEscalatieVast(Nop, "CR-1", "geen vervolgplek", Wie).Geschreven);
        Assert.True(Opslag.LegPlaatsingVast(Regels(), Crisis(10) with { Referentie = "CR-2" }, Wie).Geschreven);
        Assert.True(Opslag.LegConsultVast(Regels(), new Consultaanvraag("0171", "C-1", "Jongen, 14", "Is opschalen nodig?", new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 20)), Wie).Geschreven);
        Assert.True(Opslag.LegMeerzorgaanvraagVast(Regels(), Meerzorg(new DateOnly(2027, 3, 8), new DateOnly(2027, 6, 30)), Wie).Geschreven);
        Assert.True(Opslag.LegMoederKindVast(Regels(), new MoederKindgebruik("0171", "MK-1", Bsn(Kind), Aanbieder, "B-77", new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 10), null), Wie).Geschreven);
        var heel = Opslag.LeesVerblijf(Nop);

        foreach (var referentie in new[] { "CR-1", "CR-2", "C-1", "MZ-1", "MK-1", "ONBEKEND" })
        {
            var een = Opslag.LeesVerblijf(Nop, referentie);
            Assert.Equal(heel.Plaatsingen.Where(p => p.Referentie == referentie), een.Plaatsingen);
            Assert.Equal(heel.Consulten.Where(c => c.Aanvraag.Referentie == referentie), een.Consulten);
            Assert.Equal(heel.Meerzorg.Where(m => m.Aanvraag.Referentie == referentie), een.Meerzorg);
            Assert.Equal(heel.MoederKind.Where(m => m.Referentie == referentie), een.MoederKind);
            Assert.Equal(heel.Escalaties.Where(e => e.Referentie == referentie), een.Escalaties);
        }

        Assert.Single(Opslag.LeesVerblijf(Nop, "CR-1").Plaatsingen);
        Assert.Single(Opslag.LeesVerblijf(Nop, "CR-1").Escalaties);
        Assert.Empty(Opslag.LeesVerblijf(Gemeente("0184"), "CR-1").Plaatsingen);
    }

    [StoreFact]
    public void Een_gemeente_leest_alleen_haar_eigen_verblijfsrecords()
    {
        Assert.True(Opslag.LegPlaatsingVast(Regels(), Crisis(10), Wie).Geschreven);

        Assert.Single(Opslag.LeesVerblijf(Nop).Plaatsingen);
        Assert.Empty(Opslag.LeesVerblijf(Gemeente("0184")).Plaatsingen);
        Assert.Empty(Opslag.LeesTermijnstand().Verblijf!.VoorGemeente("0184").Plaatsingen);
    }

    [StoreFact]
    public void Elk_verblijfbesluit_bewaart_de_regelversie_van_zijn_controle_en_het_dossier_toont_ze_met_de_toekenning()
    {
        Importeer();
        var v7 = Regels() with { Versie = "2027.1+v7" };
        var v8 = Regels() with { Versie = "2027.1+v8" };

        Assert.True(Opslag.LegPlaatsingVast(v7, Crisis(28), Wie).Geschreven);
        Assert.True(Opslag.LegMeerzorgaanvraagVast(v7, Meerzorg(new DateOnly(2027, 1, 4), new DateOnly(2027, 7, 3)), Wie).Geschreven);
        Assert.Equal("2027.1+v7", Db.VoerUit("SELECT regelversie FROM verblijf_meerzorg"));
        // The decision is taken under the rules in force then: it records that version over the request's.
        var besluit = Opslag.BesluitMeerzorg(v8, Nop, "MZ-1", true, null, Persoon, Wie, Moment, OutboxMap);
        Assert.True(besluit.Geschreven, besluit.Fout?.Melding);
        Assert.Equal("2027.1+v8", besluit.Oordeel!.Regelversie);
        var gebruik = new MoederKindgebruik("0171", "MK-1", Bsn(Kind), Aanbieder, "B-77", new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 10), null);
        Assert.True(Opslag.LegMoederKindVast(v7, gebruik, Wie).Geschreven);

        var d = Opslag.BekijkDossier(Wie, Nop, Bsn(Kind))!;
        Assert.Equal([("meerzorg", "MZ-1", "2027.1+v8"), ("moederkind", "MK-1", "2027.1+v7"), ("plaatsing", "CR-1", "2027.1+v7")],
            d.Verblijf.Select(v => (v.Soort, v.Referentie, v.Regelversie)).OrderBy(v => v.Soort, StringComparer.Ordinal));
        Assert.Equal((MeerzorgBesluiten.Toegekend, "LVG4"), d.Verblijf.Where(v => v.Soort == "meerzorg").Select(v => (v.Uitkomst, v.Product)).Single());
        // The meerzorg allocation went through the municipality's own allocation path: its timeline row carries the same version.
        Assert.Equal("2027.1+v8", Assert.Single(d.Toekenningen).Regelversie);

        // A record from before migration 0032 keeps NULL.
        Db.VoerUit("UPDATE verblijf_plaatsingen SET regelversie = NULL");
        Assert.Null(Opslag.BekijkDossier(Wie, Nop, Bsn(Kind))!.Verblijf.Single(v => v.Soort == "plaatsing").Regelversie);
    }

    private static readonly Clientpersoon Persoon = new("Vries", "de", "J", "1", null);
}
