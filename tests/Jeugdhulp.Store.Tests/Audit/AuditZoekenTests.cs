using Jeugdhulp.Store.Audit;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.Audit;

public abstract class AuditZoekenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : AuditZoekenTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : AuditZoekenTests(new PostgresTestDatabase());

    private const string Client1 = "100003023";
    private const string Client2 = "100003072";

    // Real (audit) time: 5 December 2026, 09:00 UTC = 10:00 in Amsterdam.
    private readonly VasteKlok echt = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Dossier looks (unknown clients: "gezocht, niet gevonden") by nop and ann on three days, and one in Urk.</summary>
    private Datastore MetLog()
    {
        var store = Open(new VasteKlok(new DateTimeOffset(2027, 3, 5, 0, 0, 0, TimeSpan.Zero)), echt);
        store.BewaarMedewerker("nop", Gemeente("0171"), "pbkdf2-sha256$1$AAAA$AAAA");
        store.BekijkDossier("nop", Gemeente("0171"), Bsn(Client1));
        echt.Nu = echt.Nu.AddDays(1);
        store.BekijkDossier("ann", Gemeente("0171"), Bsn(Client2));
        store.BekijkDossier("urk", Gemeente("0184"), Bsn(Client1));
        echt.Nu = echt.Nu.AddDays(1);
        store.BekijkDossier("nop", Gemeente("0171"), Bsn(Client2));
        return store;
    }

    [StoreFact]
    public void Toont_alleen_regels_over_clienten_van_de_eigen_gemeente_nieuwste_eerst_en_gemaskeerd()
    {
        var store = MetLog();

        var r = store.ZoekAudit("privacy", Gemeente("0171"), new Auditfilter());

        Assert.Equal(["nop", "ann", "nop"], r.Regels.Select(x => x.Wie));
        Assert.All(r.Regels, x => Assert.Equal("0171", x.Gemeente));
        Assert.Equal(["******072", "******072", "******023"], r.Regels.Select(x => x.ClientGemaskeerd));
        Assert.DoesNotContain(r.Regels, x => x.Actie.Contains("account", StringComparison.Ordinal));
        Assert.False(r.Meer);
    }

    [StoreFact]
    public void Filtert_op_medewerker_periode_en_client()
    {
        var store = MetLog();
        var g = Gemeente("0171");

        Assert.Equal(2, store.ZoekAudit("privacy", g, new Auditfilter(Wie: "nop")).Regels.Count);
        var dag = Assert.Single(store.ZoekAudit("privacy", g, new Auditfilter(Van: Dag("2026-12-06"), Tot: Dag("2026-12-06"))).Regels);
        Assert.Equal("ann", dag.Wie);
        Assert.Equal(2, store.ZoekAudit("privacy", g, new Auditfilter(Van: Dag("2026-12-06"))).Regels.Count);
        Assert.Equal(2, store.ZoekAudit("privacy", g, new Auditfilter(Tot: Dag("2026-12-06"))).Regels.Count);
        Assert.Equal(["nop", "ann"], store.ZoekAudit("privacy", g, new Auditfilter(Client: Bsn(Client2))).Regels.Select(x => x.Wie).Take(2));
    }

    [StoreFact]
    public void Een_periode_telt_in_Amsterdamse_dagen()
    {
        var store = Open(new VasteKlok(new DateTimeOffset(2027, 3, 5, 0, 0, 0, TimeSpan.Zero)), echt);
        // 23:30 UTC on 5 December is 00:30 on 6 December in Amsterdam.
        echt.Nu = new DateTimeOffset(2026, 12, 5, 23, 30, 0, TimeSpan.Zero);
        store.BekijkDossier("nop", Gemeente("0171"), Bsn(Client1));

        Assert.Empty(store.ZoekAudit("privacy", Gemeente("0171"), new Auditfilter(Tot: Dag("2026-12-05"))).Regels);
        Assert.Single(store.ZoekAudit("privacy", Gemeente("0171"), new Auditfilter(Van: Dag("2026-12-06"))).Regels);
    }

    [StoreFact]
    public void Zoeken_op_een_client_wordt_zelf_vastgelegd_en_pagina_s_sluiten_aan()
    {
        var store = MetLog();
        var g = Gemeente("0171");

        store.ZoekAudit("privacy", g, new Auditfilter(Client: Bsn(Client1)));
        var alle = store.ZoekAudit("privacy", g, new Auditfilter(PerPagina: 10)).Regels;
        Assert.Equal(("privacy", "auditlog doorzocht op cliënt"), (alle[0].Wie, alle[0].Actie));

        var eerste = store.ZoekAudit("privacy", g, new Auditfilter(PerPagina: 3));
        var tweede = store.ZoekAudit("privacy", g, new Auditfilter(Pagina: 2, PerPagina: 3));
        Assert.True(eerste.Meer);
        Assert.False(tweede.Meer);
        Assert.Equal(alle, [.. eerste.Regels, .. tweede.Regels]);
    }
}
