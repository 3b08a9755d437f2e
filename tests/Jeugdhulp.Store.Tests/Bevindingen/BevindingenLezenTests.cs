using Jeugdhulp.Core.Teksten;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Bevindingen;
using Jeugdhulp.Store.Inhoud;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Tests.Bevindingen;

/// <summary>The engine's findings stored with each decision as data, read per request line and per gemeente, on both databases.</summary>
public abstract class BevindingenLezenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : BevindingenLezenTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : BevindingenLezenTests(new PostgresTestDatabase());

    private static readonly DateOnly Vandaag = new(2027, 3, 5);

    /// <summary>The demo's ten JW315 (review: 0171 DEMO-0002 on HK-315-11; 0184 DEMO-0003 and DEMO-0009).</summary>
    private void MetDemo()
    {
        ImporteerDemo();
        var berichten = Directory.GetFiles(Path.Combine(Paden.RepoRoot, "demo", "berichten"), "*.xml").Order(StringComparer.Ordinal);
        _ = new BerichtVerwerken(Opslag, Flevoland, Vandaag, Path.Combine(Db.DataMap, "outbox"))
            .Verwerk(berichten.Select(p => new Invoer(p, File.ReadAllBytes(p)))).ToList();
    }

    [StoreFact]
    public void De_bevindingen_van_een_besluit_staan_als_regel_uitkomst_code_en_parameters_in_controlevolgorde()
    {
        MetDemo();
        var item = Opslag.LeesWerkvoorraad(Gemeente("0171")).Single();

        var bevindingen = Opslag.LeesBevindingen(Gemeente("0171"), item.Id);

        Assert.Equal(item.Regels.Split(','), bevindingen.Where(b => b.Soort == "bevinding").Select(b => b.RegelId).Distinct());
        var diagnostiek = Assert.Single(bevindingen, b => b.RegelId == "HK-315-11");
        Assert.Equal(("review", "diagnostiek-eerst"), (diagnostiek.Uitkomst, diagnostiek.Code));
        Assert.Equal("diagnostiek", Assert.Single(diagnostiek.Parameters).Naam);
        Assert.Equal(Tekst.Bevinding("HK-315-11", "diagnostiek-eerst", diagnostiek.Parameters), diagnostiek.Tekst);

        // The stored explanation and the findings say the same: it is rendered from them.
        Assert.Contains($"Beoordelen op HK-315-11: {diagnostiek.Tekst}", item.Toelichting, StringComparison.Ordinal);
        Assert.All(bevindingen.Where(b => b.Soort == "signaal"), s => Assert.Contains($"Signaal {s.RegelId}: {s.Tekst}", item.Toelichting, StringComparison.Ordinal));
    }

    [StoreFact]
    public void Open_bevindingen_geven_per_wachtend_verzoek_waarom_het_op_een_mens_wacht()
    {
        MetDemo();
        var items = Opslag.LeesWerkvoorraad(Gemeente("0184"));

        var open = Opslag.LeesOpenBevindingen(Gemeente("0184"));

        Assert.Equal(items.Select(i => i.Id).Order(), open.Select(g => g.Key).Order());
        Assert.All(open.SelectMany(g => g), b => Assert.Equal("review", b.Uitkomst));
        Assert.All(items, i => Assert.All(open[i.Id], b => Assert.Contains($"Beoordelen op {b.RegelId}: {b.Tekst}", i.Toelichting, StringComparison.Ordinal)));
    }

    [StoreFact]
    public void Een_andere_gemeente_ziet_de_bevindingen_van_een_verzoek_niet()
    {
        MetDemo();
        var urk = Opslag.LeesWerkvoorraad(Gemeente("0184"))[0];

        Assert.NotEmpty(Opslag.LeesBevindingen(Gemeente("0184"), urk.Id));
        Assert.Empty(Opslag.LeesBevindingen(Gemeente("0171"), urk.Id));
        Assert.DoesNotContain(urk.Id, Opslag.LeesOpenBevindingen(Gemeente("0171")).Select(g => g.Key));
    }

    [StoreFact]
    public void De_store_bewaart_elke_bevindingenlijst_gecomprimeerd_met_het_woordenboek_van_de_bevindingen()
    {
        MetDemo();
        var lijsten = Db.Lees("SELECT lijst FROM verzoekbevindingen").Select(r => Assert.IsType<byte[]>(r[0])).ToList();

        Assert.NotEmpty(lijsten);
        // Migration 0041: zstd frames of dictionary 2 (a list too short to gain is kept as its text's bytes), a fraction of the text.
        Assert.All(lijsten.Where(l => l.Length > 64), l => Assert.Equal(Inhoudsvorm.BevindingenVersie, Inhoudsvorm.VersieVan(l)));
        var tekst = lijsten.Sum(l => System.Text.Encoding.UTF8.GetByteCount(Bevindinglijst.Tekst(l)));
        Assert.True(lijsten.Sum(l => l.Length) * 3 < tekst, $"{lijsten.Sum(l => l.Length)} van {tekst} bytes");
    }

    [StoreFact]
    public void Een_afgewezen_besluit_bewaart_de_reden_bij_de_afwijzende_bevinding()
    {
        MetDemo();
        var bevindingen = Db.Lees("SELECT lijst FROM verzoekbevindingen").SelectMany(r => Bevindinglijst.Lees(Bevindinglijst.Tekst(r[0]))).ToList();
        var afgewezen = bevindingen.Count(b => b.Uitkomst == "rejected" && b.Reden is not null);
        var zonderReden = bevindingen.Count(b => b.Uitkomst == "rejected" && b.Reden is null);

        Assert.True(afgewezen > 0);
        Assert.Equal(0, zonderReden);
    }
}
