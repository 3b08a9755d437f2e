using Jeugdhulp.Store.Clienten;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Tests.Clienten;

public abstract class ClientoverzichtLezenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : ClientoverzichtLezenTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : ClientoverzichtLezenTests(new PostgresTestDatabase());

    /// <summary>Demo 001 (approved, 100002183) and 002 (review, 100003023), both Noordoostpolder, through the pipeline.</summary>
    private void VerwerkDemo()
    {
        var root = Jeugdhulp.Ijw.Tests.Paden.RepoRoot;
        ImporteerDemo();
        var berichten = Path.Combine(root, "demo", "berichten");
        var verslagen = new BerichtVerwerken(Opslag, Flevoland, new DateOnly(2027, 3, 5), Path.Combine(Db.DataMap, "outbox"))
            .Verwerk(new[] { "001-diagnostiek-toegekend.xml", "002-begeleiding-zonder-diagnostiek.xml" }
                .Select(n => new Invoer(n, File.ReadAllBytes(Path.Combine(berichten, n))))).ToList();
        Assert.Equal([Uitkomsten.Approved, Uitkomsten.Review], verslagen.Select(v => v.Uitkomst));
    }

    [StoreFact]
    public void Het_overzicht_heeft_de_verzoeken_en_actuele_toewijzingen_van_de_client_in_deze_gemeente()
    {
        VerwerkDemo();

        var overzicht = Opslag.LeesClientoverzicht(Gemeente("0171"), Bsn("100002183"));

        Assert.NotNull(overzicht);
        var verzoek = Assert.Single(overzicht.Verzoeken);
        Assert.Equal(("DEMO-0001", "JW315", "besloten", "approved"), (verzoek.Referentie, verzoek.Bericht, verzoek.Status, verzoek.Uitkomst));
        Assert.Contains("HK-315-4", verzoek.Regels);
        var toewijzing = Assert.Single(overzicht.Toewijzingen);
        Assert.Equal(("01234567", "45F11", Dag("2027-03-08"), Dag("2027-09-07"), 1800L), (toewijzing.Aanbieder, toewijzing.Productcode, toewijzing.Ingangsdatum, toewijzing.Einddatum, toewijzing.Volume));
    }

    [StoreFact]
    public void Een_andere_gemeente_kent_de_client_niet_een_inwoner_zonder_verzoeken_wel()
    {
        VerwerkDemo();

        Assert.Null(Opslag.LeesClientoverzicht(Gemeente("0034"), Bsn("100002183")));
        var inwoner = Opslag.LeesClientoverzicht(Gemeente("0171"), Bsn("100002195"));
        Assert.NotNull(inwoner);
        Assert.Empty(inwoner.Verzoeken);
        Assert.Empty(inwoner.Toewijzingen);
    }

    [StoreFact]
    public void Ter_beoordeling_staan_alleen_de_wachtende_verzoeken_van_deze_gemeente()
    {
        VerwerkDemo();

        var wachtend = Assert.Single(Opslag.TeBeoordelenVoor(Gemeente("0171")));
        Assert.Equal(("DEMO-0002", "review", "100003023"), (wachtend.Referentie, wachtend.Status, wachtend.Bsn));
        Assert.Empty(Opslag.TeBeoordelenVoor(Gemeente("0034")));
    }
}
