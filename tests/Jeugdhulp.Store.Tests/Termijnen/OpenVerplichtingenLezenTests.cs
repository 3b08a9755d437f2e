using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Store.Termijnen;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.Termijnen;

/// <summary>
/// The one deadline query of the CLI and the Termijnen page, on both databases: cut to a municipality in SQL,
/// it yields exactly that municipality's share of the region's list (nothing lost, nothing of another).
/// </summary>
public abstract class OpenVerplichtingenLezenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : OpenVerplichtingenLezenTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : OpenVerplichtingenLezenTests(new PostgresTestDatabase());

    private static readonly DateOnly Peildag = new(2027, 4, 15);

    private static string Sleutel(Verplichting v) => $"{v.Vervaldatum:yyyy-MM-dd}|{v.Partij}|{v.Code}|{v.Verwacht}|{v.Referentie}|{v.Client?.Gemaskeerd}|{v.Regel}";

    [StoreFact]
    public void Per_gemeente_samen_precies_de_hele_regio_en_elk_deel_alleen_van_die_gemeente()
    {
        Demostroom.Regio.Importeer(Opslag);
        Demostroom.Regio.Verwerk(dag => Open(new VasteKlok(new DateTimeOffset(dag.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))), Flevoland);

        var regio = Opslag.LeesOpenVerplichtingen(Flevoland, Peildag);
        Assert.NotEmpty(regio);
        var delen = new List<Verplichting>();
        foreach (var g in Flevoland.OpDatum(Peildag).Gemeenten)
        {
            var deel = Opslag.LeesOpenVerplichtingen(Flevoland, Peildag, g.Code);
            Assert.All(deel.Where(v => v.Partij == Core.Regels.Partij.Gemeente), v => Assert.Equal(g.Code.Waarde, v.Code));
            delen.AddRange(deel);
        }

        // Every obligation of the region belongs to exactly one municipality: the parts add up to the whole.
        Assert.Equal(regio.Select(Sleutel).Order(StringComparer.Ordinal), delen.Select(Sleutel).Order(StringComparer.Ordinal));
        Assert.Contains(regio, v => v.Partij == Core.Regels.Partij.Aanbieder);
        Assert.Contains(regio, v => v.Product is not null);
    }
}
