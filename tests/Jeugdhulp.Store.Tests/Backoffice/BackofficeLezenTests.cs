using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store.Audit;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Tests.Backoffice;

/// <summary>The web app's reads on both databases: every one filtered on the staff member's gemeente, looks audited.</summary>
public abstract class BackofficeLezenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : BackofficeLezenTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : BackofficeLezenTests(new PostgresTestDatabase());

    private static readonly DateOnly Vandaag = new(2027, 3, 5);

    private string Outbox => Path.Combine(Db.DataMap, "outbox");

    /// <summary>The demo: contracts, residents and the ten JW315 (review items: 0171 DEMO-0002, 0184 DEMO-0003 and DEMO-0009).</summary>
    private void MetDemo()
    {
        var demo = Path.Combine(Paden.RepoRoot, "demo");
        ImporteerDemo();
        Verwerk(Vandaag, Directory.GetFiles(Path.Combine(demo, "berichten"), "*.xml").Order(StringComparer.Ordinal));
    }

    private void Verwerk(DateOnly dag, IEnumerable<string> bestanden) =>
        _ = new BerichtVerwerken(Opslag, Flevoland, dag, Outbox).Verwerk(bestanden.Select(p => new Invoer(p, File.ReadAllBytes(p)))).ToList();

    [StoreFact]
    public void Werkvoorraad_is_per_gemeente()
    {
        MetDemo();
        Assert.Equal(["DEMO-0002"], Opslag.LeesWerkvoorraad(Gemeente("0171")).Select(w => w.Referentie));
        Assert.Equal(["DEMO-0003", "DEMO-0009"], Opslag.LeesWerkvoorraad(Gemeente("0184")).Select(w => w.Referentie).Order(StringComparer.Ordinal));
        var item = Opslag.LeesWerkvoorraad(Gemeente("0171")).Single();
        Assert.Contains("HK-315-11", item.Regels, StringComparison.Ordinal);
        Assert.Contains("Beoordelen op", item.Toelichting, StringComparison.Ordinal);
    }

    [StoreFact]
    public void Werkitem_van_een_andere_gemeente_is_niet_te_bekijken_en_eigen_bekijken_wordt_geaudit()
    {
        MetDemo();
        var urk = Opslag.LeesWerkvoorraad(Gemeente("0184"))[0];
        Assert.Null(Opslag.BekijkWerkitem("nop", Gemeente("0171"), urk.Id));
        Assert.Empty(Opslag.AuditVoorClient(urk.Client));

        var eigen = Opslag.BekijkWerkitem("urk", Gemeente("0184"), urk.Id)!;
        Assert.Equal(urk.Referentie, eigen.Referentie);
        Assert.Contains(Opslag.AuditVoorClient(urk.Client), r => r.Wie == "urk" && r.Actie == $"verzoek {urk.Referentie} bekeken");
    }

    [StoreFact]
    public void Dossier_alleen_voor_de_eigen_gemeente_en_elke_blik_in_het_auditlog()
    {
        MetDemo();
        var client = Bsn("100003023");
        var dossier = Opslag.BekijkDossier("nop", Gemeente("0171"), client)!;
        Assert.True(dossier.EigenInwoner);
        Assert.Equal("NOP-BAKKER", dossier.Huishouden);
        Assert.Equal("DEMO-0002", Assert.Single(dossier.Verzoeken).Referentie);

        Assert.Null(Opslag.BekijkDossier("urk", Gemeente("0184"), client));
        var audit = Opslag.AuditVoorClient(client);
        Assert.Contains(audit, r => r.Wie == "nop" && r.Actie == "dossier bekeken");
        Assert.Contains(audit, r => r.Wie == "urk" && r.Gemeente == "0184" && r.Actie == "dossier gezocht, niet gevonden");
    }

    [StoreFact]
    public void Dossier_toont_toewijzing_na_besluit_en_clientenlijst_blijft_binnen_de_gemeente()
    {
        MetDemo();
        var r = BesluitNemen.Neem(Opslag, new Handbesluit("DEMO-0002", true, null, null, "nop", "0171"), Vandaag, Outbox);
        Assert.True(r.IsGeldig, string.Join("; ", r.Fouten));
        var dossier = Opslag.BekijkDossier("nop", Gemeente("0171"), Bsn("100003023"))!;
        var t = Assert.Single(dossier.Toewijzingen);
        Assert.True(t.Actueel);
        Assert.Equal("45F21", t.Productcode);
        Assert.Equal("nop", Assert.Single(dossier.Verzoeken).BeslotenDoor);

        var nop = Opslag.LeesClienten(Gemeente("0171"), 100);
        Assert.Contains(nop, c => c.Client == Bsn("100003023") && c.LopendeToewijzingen == 1);
        Assert.DoesNotContain(nop, c => c.Client == Bsn("100003072"));
        Assert.Contains(Opslag.LeesToegewezenVolumes(Gemeente("0171")), v => v.Productcode == "45F21" && v.Omvang.Volume == 5760);
        Assert.DoesNotContain(Opslag.LeesToegewezenVolumes(Gemeente("0184")), v => v.Productcode == "45F21" && v.Aanbieder == "01234567" && v.Omvang.Volume == 5760);
    }

    [StoreFact]
    public void Besluit_met_gemeente_raakt_geen_verzoek_van_een_andere_gemeente()
    {
        MetDemo();
        var r = BesluitNemen.Neem(Opslag, new Handbesluit("DEMO-0003", true, null, null, "nop", "0171"), Vandaag, Outbox);
        Assert.Equal("BESLUIT-ONBEKEND", Assert.Single(r.Fouten).Code);
        Assert.Contains(Opslag.LeesWerkvoorraad(Gemeente("0184")), w => w.Referentie == "DEMO-0003");
    }

    [StoreFact]
    public void Afgewezen_declaratieregel_komt_met_retourcode_terug()
    {
        // The shared example declares on ToewijzingNummer 100001, which the demo never allocated: 9338.
        MetDemo();
        Verwerk(new DateOnly(2027, 4, 10), [Path.Combine(Paden.VoorbeeldenMap, "jw323-maand.xml")]);
        var regels = Opslag.LeesDeclaratieregels(Gemeente("0171"));
        Assert.NotEmpty(regels);
        Assert.All(regels, r => Assert.True(r.Beantwoord));
        Assert.True(regels.Any(r => r.Afgewezen && r.RetourCodes.Contains("9338") && r.ToewijzingNummer == 100001), string.Join(";", regels.SelectMany(r => r.RetourCodes)));
        Assert.Empty(Opslag.LeesDeclaratieregels(Gemeente("0184")));
    }

    [StoreFact]
    public void Medewerker_aanmaken_wijzigen_en_zoeken()
    {
        Assert.True(Opslag.IsLeeg());
        Assert.Null(Opslag.ZoekMedewerker("a.jansen"));
        Assert.True(Opslag.BewaarMedewerker("a.jansen", Gemeente("0034"), "pbkdf2-sha256$1$AA==$AA=="));
        Assert.False(Opslag.BewaarMedewerker("a.jansen", Gemeente("0303"), "pbkdf2-sha256$2$AA==$AA=="));
        var m = Opslag.ZoekMedewerker("a.jansen")!;
        Assert.Equal("0303", m.Gemeente.Waarde);
        Assert.Equal("pbkdf2-sha256$2$AA==$AA==", m.WachtwoordHash);
        Assert.True(m.Actief);
        Assert.Equal(2L, Db.Tel("auditlog"));
        Assert.True(Opslag.IsLeeg());
        MetDemo();
        Assert.False(Opslag.IsLeeg());
    }
}
