using System.Globalization;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Regelversies;
using Jeugdhulp.Store.Tests.Infrastructuur;
using static Jeugdhulp.Store.Tests.Regelversies.RegelversiesTests;

namespace Jeugdhulp.Store.Tests.Regelversies;

/// <summary>Issue 20, items 2 and 3: the what-if replay of a draft rule version stored in the backoffice.</summary>
public abstract class ConceptAfspelenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : ConceptAfspelenTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : ConceptAfspelenTests(new PostgresTestDatabase());

    private static readonly DateOnly Van = new(2027, 1, 1);
    private static readonly DateOnly Tot = new(2027, 12, 31);
    private static readonly Gemeentecode Almere = Gemeentecode.Parse("0034").Waarde;

    private void Regio()
    {
        Demostroom.Regio.Importeer(Opslag);
        Demostroom.Regio.Verwerk(dag => Open(new VasteKlok(new DateTimeOffset(dag.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))), Flevoland);
    }

    // Slow lane: processes a whole generated region, then replays it (README, "Tests").
    [StoreFact]
    [Trait("Baan", "Traag")]
    public void Een_ongewijzigd_concept_meldt_nul_wijzigingen()
    {
        Regio();
        var concept = Opslag.BewaarConcept(Basis, Concept(Diagnostiek(), "2028-01-01"), Almere).Waarde;

        var verslag = Opslag.SpeelConcept(Basis, concept, Van, Tot).Waarde;

        Assert.True(verslag.IsOngewijzigd, verslag.Samenvatting());
        Assert.True(verslag.Besluiten > 50);
    }

    // Slow lane: processes a whole generated region, then replays it (README, "Tests").
    [StoreFact]
    [Trait("Baan", "Traag")]
    public void Een_lagere_grens_in_een_concept_meldt_precies_de_besluiten_die_hem_kruisen()
    {
        Regio();
        var toegekend = Db.Lees("SELECT referentie, volume, eenheid FROM verzoeken WHERE berichtcode = 'JW315' AND productcode = '45F11' AND uitkomst = 'approved' AND frequentie = '6'")
            .Select(r => (Referentie: (string)r[0], Minuten: Convert.ToInt64(r[1], CultureInfo.InvariantCulture) * (Omvang.MinutenPer((string)r[2]) ?? 0))).ToList();
        Assert.True(toegekend.Count > 10, $"{toegekend.Count} toegekende 45F11-verzoeken");
        var grensUren = (int)(toegekend.Select(t => t.Minuten).Order().ElementAt(toegekend.Count / 2) / 60 - 1);
        var verwacht = toegekend.Where(t => t.Minuten > grensUren * 60L).Select(t => t.Referentie).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(verwacht);
        Assert.True(verwacht.Count < toegekend.Count);

        // Drafted with a start date after the period: the what-if tries it as if in force from the period's first day.
        var concept = Opslag.BewaarConcept(Basis, Concept(Verlaagd(grensUren), "2028-01-01"), Almere).Waarde;
        var verslag = Opslag.SpeelConcept(Basis, concept, Van, Tot).Waarde;

        Assert.Equal(verwacht, verslag.Omslagen.Where(o => o.Soort == "JW315").Select(o => o.Referentie).Order(StringComparer.Ordinal));
        Assert.All(verslag.Omslagen, o =>
        {
            Assert.Equal((Uitkomst.Toegekend, Uitkomst.Beoordelen), (o.Was, o.Wordt));
            Assert.Equal(["HK-PRD-3"], o.RegelIds);
        });
        Assert.Empty(Opslag.GepubliceerdeRegelversies());
    }

    /// <summary>Product 45F11 with every guideline maximum lowered to at most <paramref name="uren"/> (never raised).</summary>
    private static string Verlaagd(int uren) => System.Text.RegularExpressions.Regex.Replace(Diagnostiek(), "\"maxUren\": (\\d+)",
        m => string.Create(CultureInfo.InvariantCulture, $"\"maxUren\": {Math.Min(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), uren)}"));
}
