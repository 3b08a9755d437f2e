using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store.Audit;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Tests.Backoffice;

/// <summary>The work queue on both databases: filtered, sorted and paged in SQL within the gemeente; claiming and assigning audited.</summary>
public abstract class WerkvoorraadZoekenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : WerkvoorraadZoekenTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : WerkvoorraadZoekenTests(new PostgresTestDatabase());

    /// <summary>The demo's ten JW315: in review in Urk (0184) DEMO-0003 and DEMO-0009, in Noordoostpolder (0171) DEMO-0002.</summary>
    private void MetDemo()
    {
        ImporteerDemo();
        var berichten = Directory.GetFiles(Path.Combine(Paden.RepoRoot, "demo", "berichten"), "*.xml").Order(StringComparer.Ordinal);
        _ = new BerichtVerwerken(Opslag, Flevoland, new DateOnly(2027, 3, 5), Path.Combine(Db.DataMap, "outbox"))
            .Verwerk(berichten.Select(p => new Invoer(p, File.ReadAllBytes(p)))).ToList();
    }

    private List<string> Referenties(string gemeente, Werkvoorraadfilter filter) =>
        [.. Opslag.ZoekWerkvoorraad(Gemeente(gemeente), filter).Regels.Select(r => r.Item.Referentie)];

    [StoreFact]
    public void Pagina_per_pagina_met_het_totaal_en_nooit_een_verzoek_van_een_andere_gemeente()
    {
        MetDemo();
        var eerste = Opslag.ZoekWerkvoorraad(Gemeente("0184"), new Werkvoorraadfilter(PerPagina: 1));
        var tweede = Opslag.ZoekWerkvoorraad(Gemeente("0184"), new Werkvoorraadfilter(Pagina: 2, PerPagina: 1));
        Assert.Equal(2, eerste.Totaal);
        Assert.Equal(2, tweede.Totaal);
        Assert.Equal(["DEMO-0003", "DEMO-0009"], new[] { eerste, tweede }.Select(p => Assert.Single(p.Regels).Item.Referentie).Order(StringComparer.Ordinal));
        Assert.Empty(Opslag.ZoekWerkvoorraad(Gemeente("0184"), new Werkvoorraadfilter(Pagina: 3, PerPagina: 1)).Regels);
        Assert.Equal(["DEMO-0002"], Referenties("0171", new Werkvoorraadfilter()));
    }

    [StoreFact]
    public void De_lijst_geeft_de_toelichting_die_zij_niet_toont_niet_weer_het_geopende_item_wel()
    {
        MetDemo();
        var item = Assert.Single(Opslag.ZoekWerkvoorraad(Gemeente("0171"), new Werkvoorraadfilter()).Regels).Item;

        // An engine decision stores no text (0037): the list row keeps that, the item page renders it from the findings.
        Assert.Equal("", item.Toelichting);
        Assert.Contains("Beoordelen op HK-315-11: ", Opslag.BekijkWerkitem("test", Gemeente("0171"), item.Id)!.Toelichting, StringComparison.Ordinal);
    }

    [StoreFact]
    public void Filters_en_zoeken_op_referentie_naam_en_bsn()
    {
        MetDemo();
        var alle = Opslag.ZoekWerkvoorraad(Gemeente("0184"), new Werkvoorraadfilter()).Regels.Select(r => r.Item).ToList();
        var negen = alle.Single(i => i.Referentie == "DEMO-0009");
        Assert.Equal(2, Referenties("0184", new Werkvoorraadfilter(Soort: "JW315")).Count);
        Assert.Empty(Referenties("0184", new Werkvoorraadfilter(Soort: "JW317")));
        Assert.Equal(["DEMO-0009"], Referenties("0184", new Werkvoorraadfilter(Zoektekst: "DEMO-0009")));
        Assert.Equal(["DEMO-0009"], Referenties("0184", new Werkvoorraadfilter(Client: negen.Client)));
        Assert.Empty(Referenties("0171", new Werkvoorraadfilter(Client: negen.Client)));
        Assert.Equal(["DEMO-0009"], Referenties("0184", new Werkvoorraadfilter(Zoektekst: negen.Achternaam![..3].ToUpperInvariant())).Where(r => r == "DEMO-0009"));
        Assert.All(Referenties("0184", new Werkvoorraadfilter(Product: negen.Productcode)), r => Assert.Contains(r, alle.Where(i => i.Productcode == negen.Productcode).Select(i => i.Referentie)));
        Assert.Empty(Referenties("0184", new Werkvoorraadfilter(Aanbieder: "99999999")));

        var regel = Opslag.BekijkWerkitem("test", Gemeente("0184"), negen.Id)!.Toelichting.Split('\n').First(r => r.StartsWith("Beoordelen op ", StringComparison.Ordinal))["Beoordelen op ".Length..].Split(':')[0];
        Assert.Contains("DEMO-0009", Referenties("0184", new Werkvoorraadfilter(Regel: regel)));
        Assert.Empty(Referenties("0184", new Werkvoorraadfilter(Regel: "HK-BESTAAT-NIET")));

        // Overdue: received before a moment (the page counts it back from the answer deadline).
        var eerst = alle.Min(i => i.Ontvangen);
        Assert.Empty(Referenties("0184", new Werkvoorraadfilter(OntvangenVoor: eerst)));
        Assert.Equal(2, Referenties("0184", new Werkvoorraadfilter(OntvangenVoor: alle.Max(i => i.Ontvangen).AddSeconds(1))).Count);
    }

    [StoreFact]
    public void Sorteren_op_referentie_oplopend_en_aflopend()
    {
        MetDemo();
        Assert.Equal(["DEMO-0003", "DEMO-0009"], Referenties("0184", new Werkvoorraadfilter(Volgorde: Werkvoorraadvolgorde.Referentie)));
        Assert.Equal(["DEMO-0009", "DEMO-0003"], Referenties("0184", new Werkvoorraadfilter(Volgorde: Werkvoorraadvolgorde.Referentie, Aflopend: true)));
    }

    [StoreFact]
    public void Oppakken_toewijzen_en_vrijgeven_alleen_binnen_de_gemeente_en_in_het_auditlog()
    {
        MetDemo();
        Assert.True(Opslag.BewaarMedewerker("urk", Gemeente("0184"), "x"));
        Assert.True(Opslag.BewaarMedewerker("urk2", Gemeente("0184"), "x"));
        Assert.True(Opslag.BewaarMedewerker("nop", Gemeente("0171"), "x"));
        var item = Opslag.ZoekWerkvoorraad(Gemeente("0184"), new Werkvoorraadfilter(Zoektekst: "DEMO-0003")).Regels.Single().Item;

        Assert.True(Opslag.WijsWerkitemToe("urk", Gemeente("0184"), item.Id, "urk"));
        Assert.Equal("urk", Opslag.LeesBehandelaar(item.Id));
        Assert.Equal(["DEMO-0003"], Referenties("0184", new Werkvoorraadfilter(Behandelaar: "urk")));
        Assert.Equal(["DEMO-0009"], Referenties("0184", new Werkvoorraadfilter(ZonderBehandelaar: true)));

        Assert.True(Opslag.WijsWerkitemToe("urk", Gemeente("0184"), item.Id, "urk2"));
        Assert.Equal("urk2", Opslag.ZoekWerkvoorraad(Gemeente("0184"), new Werkvoorraadfilter(Zoektekst: "DEMO-0003")).Regels.Single().Behandelaar);

        // A colleague of another gemeente, an unknown name, or another gemeente's item: refused, nothing changed.
        Assert.False(Opslag.WijsWerkitemToe("urk", Gemeente("0184"), item.Id, "nop"));
        Assert.False(Opslag.WijsWerkitemToe("urk", Gemeente("0184"), item.Id, "niemand-bekend"));
        Assert.False(Opslag.WijsWerkitemToe("nop", Gemeente("0171"), item.Id, "nop"));
        Assert.Equal("urk2", Opslag.LeesBehandelaar(item.Id));

        Assert.True(Opslag.WijsWerkitemToe("urk2", Gemeente("0184"), item.Id, null));
        Assert.Null(Opslag.LeesBehandelaar(item.Id));
        var audit = Opslag.AuditVoorClient(item.Client).Select(r => (r.Wie, r.Actie)).ToList();
        Assert.Contains(("urk", "verzoek DEMO-0003 opgepakt"), audit);
        Assert.Contains(("urk", "verzoek DEMO-0003 toegewezen aan urk2"), audit);
        Assert.Contains(("urk2", "verzoek DEMO-0003 vrijgegeven"), audit);
    }
}
