using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Contracten;
using Jeugdhulp.Store.Import;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.Import;

public abstract class ContractenImporterenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : ContractenImporterenTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : ContractenImporterenTests(new PostgresTestDatabase());

    private static Contract C(string gemeente, string aanbieder, string product, string begin, string? eind, long tarief) =>
        new(Gemeente(gemeente), Agb(aanbieder), Product(product),
            Periode.Maak(Dag(begin), eind is null ? null : Dag(eind)).Waarde, tarief);

    private static readonly Contract[] Basis =
    [
        C("0034", "11111111", "45A01", "2026-01-01", null, 10000),
        C("0034", "11111111", "45A02", "2026-01-01", "2026-12-31", 20000),
        C("0034", "22222222", "45A01", "2026-01-01", null, 11000),
        C("0995", "11111111", "45A01", "2026-01-01", null, 12000),
    ];

    [StoreFact]
    public void Geimporteerde_contracten_zijn_per_gemeente_te_lezen_met_open_en_gesloten_einddatum()
    {
        var verslag = Opslag.ImporteerContracten(Basis).Waarde;

        Assert.Equal(new ImportVerslag(4, 0, 0), verslag);
        Assert.Equal(Basis.Where(c => c.Gemeente.Waarde == "0034").ToHashSet(), Opslag.Contracten(Gemeente("0034")).ToHashSet());
        Assert.Equal([Basis[3]], Opslag.Contracten(Gemeente("0995")));
        Assert.Empty(Opslag.Contracten(Gemeente("0303")));
    }

    [StoreFact]
    public void De_aanbiedernaam_wordt_bewaard_en_per_gemeente_gelezen()
    {
        Opslag.ImporteerContracten([
            Basis[0] with { Aanbiedernaam = "Jeugdhulp De Horizon" },
            Basis[1] with { Aanbiedernaam = "Jeugdhulp De Horizon" },
            Basis[2],
            Basis[3] with { Aanbiedernaam = "Horizon Lelystad" },
        ]);

        Assert.Equal(new Dictionary<string, string> { ["11111111"] = "Jeugdhulp De Horizon" }, Opslag.LeesAanbiedernamen(Gemeente("0034")));
        Assert.Equal(new Dictionary<string, string> { ["11111111"] = "Horizon Lelystad" }, Opslag.LeesAanbiedernamen(Gemeente("0995")));
        Assert.Equal("Jeugdhulp De Horizon", Opslag.Contracten(Gemeente("0034"))[0].Aanbiedernaam);
        Assert.Empty(Opslag.LeesAanbiedernamen(Gemeente("0303")));
    }

    [StoreFact]
    public void Herimport_vervangt_alle_contracten_van_de_paren_in_het_bestand_en_laat_de_rest_staan()
    {
        Opslag.ImporteerContracten(Basis);
        var nieuw = new[]
        {
            C("0034", "11111111", "45A01", "2026-01-01", null, 10500), // tariff changed
            C("0034", "11111111", "45A03", "2026-07-01", null, 30000), // new product; 45A02 no longer listed
        };

        var verslag = Opslag.ImporteerContracten(nieuw).Waarde;

        Assert.Equal(new ImportVerslag(1, 1, 1), verslag);
        var nu = Opslag.Contracten(Gemeente("0034")).ToHashSet();
        Assert.Equal(new HashSet<Contract> { nieuw[0], nieuw[1], Basis[2] }, nu);
        Assert.Equal([Basis[3]], Opslag.Contracten(Gemeente("0995")));
    }

    [StoreFact]
    public void Een_bestand_met_overlappende_contracten_wordt_geweigerd_met_het_record_en_verandert_niets()
    {
        Opslag.ImporteerContracten(Basis);
        var fout = new[]
        {
            C("0034", "11111111", "45A01", "2027-01-01", "2027-06-30", 1),
            C("0034", "11111111", "45A02", "2027-01-01", null, 2),
            C("0034", "11111111", "45A01", "2027-06-01", null, 3),
        };

        var r = Opslag.ImporteerContracten(fout);

        Assert.False(r.IsGeldig);
        var f = Assert.Single(r.Fouten);
        Assert.Equal(("CONTRACT-OVERLAP", "record 3"), (f.Code, f.Plaats));
        Assert.Contains("record 1", f.Melding, StringComparison.Ordinal);
        Assert.Equal(Basis.Length, Db.Tel("contracten"));
        Assert.Equal(Basis.Where(c => c.Gemeente.Waarde == "0034").ToHashSet(), Opslag.Contracten(Gemeente("0034")).ToHashSet());
    }

    [StoreFact]
    public void Een_fout_halverwege_de_import_laat_de_oude_contracten_staan()
    {
        Opslag.ImporteerContracten(Basis);
        // A contract whose product was never parsed (default value): the insert fails on NOT NULL after
        // the delete and the first insert already ran inside the transaction.
        var kapot = new[]
        {
            C("0034", "11111111", "45A09", "2026-01-01", null, 1),
            new Contract(Gemeente("0034"), Agb("11111111"), default, Periode.Vanaf(Dag("2026-01-01")), 1),
        };

        Assert.ThrowsAny<System.Data.Common.DbException>(() => Opslag.ImporteerContracten(kapot));

        Assert.Equal(Basis.Where(c => c.Gemeente.Waarde == "0034").ToHashSet(), Opslag.Contracten(Gemeente("0034")).ToHashSet());
    }
}
