using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store.Regelversies;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Tests.Regelversies;

/// <summary>Issue 20, item 3: every decision stores the version label of the rule set it used (column <c>regelversie</c>, migration 0019).</summary>
public abstract class BesluitRegelversieTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : BesluitRegelversieTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : BesluitRegelversieTests(new PostgresTestDatabase());

    private static readonly DateOnly Vandaag = new(2027, 3, 5);

    private static readonly string[] Demoberichten =
        [.. Directory.GetFiles(Path.Combine(Paden.RepoRoot, "demo", "berichten"), "*.xml").Order(StringComparer.Ordinal)];

    private void Verwerk(Core.Regels.Regelcatalogus regels, IEnumerable<string> berichten) =>
        _ = new BerichtVerwerken(Opslag, regels, Vandaag, Path.Combine(Db.DataMap, "outbox"))
            .Verwerk(berichten.Select(p => new Invoer(p, File.ReadAllBytes(p)))).ToList();

    private List<(string Referentie, string? Regelversie)> Verzoeken() =>
        [.. Db.Lees("SELECT referentie, regelversie FROM verzoeken ORDER BY id").Select(r => ((string)r[0], r[1] as string))];

    [StoreFact]
    public void Een_verwerkt_bericht_bewaart_het_label_van_de_gebruikte_regelset_bij_elk_besluit()
    {
        Assert.DoesNotContain('+', Flevoland.Versie);
        ImporteerDemo();

        Verwerk(Flevoland, Demoberichten);

        var verzoeken = Verzoeken();
        Assert.NotEmpty(verzoeken);
        Assert.All(verzoeken, v => Assert.Equal(Flevoland.Versie, v.Regelversie));
    }

    [StoreFact]
    public void Na_publicatie_van_een_versie_bewaart_een_nieuw_besluit_het_nieuwe_label_en_een_eerder_besluit_het_oude()
    {
        ImporteerDemo();
        var helft = Demoberichten.Length / 2;
        Verwerk(Flevoland, Demoberichten.Take(helft));
        var eerder = Verzoeken();
        var concept = Opslag.BewaarConcept(RegelversiesTests.Basis, RegelversiesTests.Concept(RegelversiesTests.Diagnostiek(20), "2027-07-01"), Gemeente("0034")).Waarde;
        var nieuw = Opslag.PubliceerRegelversie(RegelversiesTests.Basis, concept.Id, "urk-beleid", Gemeente("0034")).Waarde;

        Verwerk(nieuw, Demoberichten.Skip(helft));

        Assert.Equal($"{Flevoland.Versie}+v{concept.Id}", nieuw.Versie);
        var alle = Verzoeken();
        Assert.True(alle.Count > eerder.Count);
        Assert.Equal(eerder, alle.Take(eerder.Count));
        Assert.All(alle.Take(eerder.Count), v => Assert.Equal(Flevoland.Versie, v.Regelversie));
        Assert.All(alle.Skip(eerder.Count), v => Assert.Equal(nieuw.Versie, v.Regelversie));
    }
}
