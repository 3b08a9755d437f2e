using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.Backoffice;

/// <summary>
/// The Grafieken page's groups summed in SQL equal the old computation — every current allocation read one by
/// one, and every accepted line of every JW323 parsed from the journal — on a generated region processed by the
/// pipeline, per municipality and year, on both databases.
/// </summary>
public abstract class GrafiekLezenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : GrafiekLezenTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : GrafiekLezenTests(new PostgresTestDatabase());

    [StoreFact]
    public void Sommen_in_SQL_zijn_de_oude_berekening_per_regel()
    {
        Demostroom.Regio.Importeer(Opslag);
        Demostroom.Regio.Verwerk(dag => Open(new VasteKlok(new DateTimeOffset(dag.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))), Flevoland);

        var gedeclareerdeRegels = 0;
        foreach (var g in Flevoland.OpDatum(new DateOnly(2027, 1, 1)).Gemeenten)
        {
            var oudeToewijzingen = Opslag.LeesToegewezenVolumes(g.Code);
            var oudeRegels = Opslag.LeesDeclaratieregels(g.Code).Where(l => !l.Afgewezen).ToList();
            gedeclareerdeRegels += oudeRegels.Count;
            foreach (var jaar in new[] { 2026, 2027 })
            {
                var nieuw = Opslag.LeesGrafiek(g.Code, jaar);

                // Allocations: the same volumes per provider, product, period, unit and frequency, and as many.
                Assert.Equal(
                    oudeToewijzingen.GroupBy(t => (t.Aanbieder, t.Productcode, t.Ingangsdatum, t.Einddatum, t.Omvang.Eenheid, t.Omvang.Frequentie))
                        .Select(x => $"{x.Key}|{x.Sum(t => (long)t.Omvang.Volume)}|{x.Count()}").Order(StringComparer.Ordinal),
                    nieuw.Toegewezen.Select(t => $"{(t.Aanbieder, t.Productcode, t.Ingangsdatum, t.Einddatum, t.Eenheid, t.Frequentie)}|{t.Volume}|{t.Aantal}").Order(StringComparer.Ordinal));

                // Declared: the accepted lines whose period touches the year, summed per period, unit and sign.
                var eerste = new DateOnly(jaar, 1, 1);
                var laatste = new DateOnly(jaar, 12, 31);
                Assert.Equal(
                    oudeRegels.Where(l => l.Begindatum <= laatste && l.Einddatum >= eerste)
                        .GroupBy(l => (l.Aanbieder, l.Productcode, l.Begindatum, l.Einddatum, l.Eenheid, Credit: l.BedragCent < 0))
                        .Select(x => $"{x.Key}|{x.Sum(l => l.Volume)}").Order(StringComparer.Ordinal),
                    nieuw.Gedeclareerd.Select(l => $"{(l.Aanbieder, l.Productcode, l.Begindatum, l.Einddatum, l.Eenheid, l.Credit)}|{l.Volume}").Order(StringComparer.Ordinal));
            }
        }

        Assert.True(gedeclareerdeRegels > 0, "the region declares");
    }
}
