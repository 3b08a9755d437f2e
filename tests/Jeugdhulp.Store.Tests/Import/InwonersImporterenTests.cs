using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Store.Import;
using Jeugdhulp.Store.Inwoners;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.Import;

public abstract class InwonersImporterenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : InwonersImporterenTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : InwonersImporterenTests(new PostgresTestDatabase());

    private static readonly Inwoner Anna = new(Bsn("100023757"), Gemeente("0034"), Dag("2015-04-01"), "H1", false);
    private static readonly Inwoner Bram = new(Bsn("100039595"), Gemeente("0034"), Dag("2012-09-30"), "H1", true);
    private static readonly Inwoner Cor = new(Bsn("100126704"), Gemeente("0995"), Dag("2010-01-15"), null, false);

    [StoreFact]
    public void Herimport_werkt_bij_op_bsn_en_laat_niet_genoemde_inwoners_staan()
    {
        Assert.Equal(new ImportVerslag(2, 0, 0), Opslag.ImporteerInwoners([Anna, Bram]).Waarde);
        var verhuisd = Bram with { Gemeente = Gemeente("0995"), Huishouden = null, Jeugdreclassering = false };

        Assert.Equal(new ImportVerslag(1, 1, 0), Opslag.ImporteerInwoners([verhuisd, Cor]).Waarde);

        var almere = Opslag.InwonersVan(Gemeente("0034"));
        Assert.Equal(Anna, almere.Zoek(Anna.Bsn));
        Assert.Null(almere.Zoek(Bram.Bsn));
        var lelystad = Opslag.InwonersVan(Gemeente("0995"));
        Assert.Equal(verhuisd, lelystad.Zoek(Bram.Bsn));
        Assert.Equal(Cor, lelystad.Zoek(Cor.Bsn));
    }

    [StoreFact]
    public void Een_register_van_meer_dan_een_blok_telt_nieuwe_en_bijgewerkte_inwoners_over_de_blokgrenzen_heen()
    {
        // The second import updates residents spread over several of the importer's blocks of InwonersImporteren.Blok
        // and adds others, interleaved.
        var bsns = Testbsns.Vanaf(300_000_000, InwonersImporteren.Blok * 3).Select(b => b.Waarde!).ToList();
        var eerste = bsns.Where((_, i) => i % 3 != 2).Take(InwonersImporteren.Blok * 3 / 2).Select(b => Nieuw(b, "0034", "H1")).ToList();
        Assert.Equal(new ImportVerslag(eerste.Count, 0, 0), Opslag.ImporteerInwoners(eerste).Waarde);

        var tweede = bsns.Where((_, i) => i % 2 == 0).Select(b => Nieuw(b, "0995", null)).ToList();
        var bijgewerkt = tweede.Count(t => eerste.Any(e => e.Bsn == t.Bsn));
        Assert.InRange(bijgewerkt, InwonersImporteren.Blok / 2, tweede.Count - (InwonersImporteren.Blok / 2));

        Assert.Equal(new ImportVerslag(tweede.Count - bijgewerkt, bijgewerkt, 0), Opslag.ImporteerInwoners(tweede).Waarde);

        Assert.Equal(eerste.Count + tweede.Count - bijgewerkt, Db.Tel("inwoners"));
        var lelystad = Opslag.InwonersVan(Gemeente("0995"));
        var almere = Opslag.InwonersVan(Gemeente("0034"));
        Assert.All(tweede, t => Assert.Equal(t, lelystad.Zoek(t.Bsn)));
        Assert.All(eerste.Where(e => !tweede.Any(t => t.Bsn == e.Bsn)), e => Assert.Equal(e, almere.Zoek(e.Bsn)));

        static Inwoner Nieuw(string bsn, string gemeente, string? huishouden) =>
            new(Bsn(bsn), Gemeente(gemeente), Dag("2014-03-01"), huishouden, false);
    }

    [StoreFact]
    public void Een_bsn_dat_twee_keer_in_het_bestand_staat_wordt_geweigerd_en_verandert_niets()
    {
        Opslag.ImporteerInwoners([Anna]);

        var r = Opslag.ImporteerInwoners([Bram, Cor, Bram with { Huishouden = "H9" }]);

        Assert.False(r.IsGeldig);
        var f = Assert.Single(r.Fouten);
        Assert.Equal(("INWONER-DUBBEL", "record 3"), (f.Code, f.Plaats));
        Assert.Contains("record 1", f.Melding, StringComparison.Ordinal);
        Assert.DoesNotContain(Bram.Bsn.Waarde, f.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, Db.Tel("inwoners"));
    }

    [StoreFact]
    public void Een_fout_halverwege_de_import_laat_niets_achter()
    {
        Opslag.ImporteerInwoners([Anna]);
        var kapot = new Inwoner(Bsn("100174218"), default, Dag("2014-01-01"), null, false);

        Assert.ThrowsAny<System.Data.Common.DbException>(() =>
            Opslag.ImporteerInwoners([Anna with { Huishouden = "H2" }, Cor, kapot]));

        Assert.Equal(1, Db.Tel("inwoners"));
        Assert.Equal(Anna, Opslag.InwonersVan(Gemeente("0034")).Zoek(Anna.Bsn));
    }

    [StoreFact]
    public void Een_gemeente_ziet_alleen_haar_eigen_inwoners_en_hun_huishouden()
    {
        Opslag.ImporteerInwoners([Anna, Bram, Cor]);

        var almere = Opslag.InwonersVan(Gemeente("0034"));

        Assert.Null(almere.Zoek(Cor.Bsn));
        Assert.Equal(new HashSet<Inwoner> { Anna, Bram }, almere.Huishouden("H1").ToHashSet());
        Assert.Empty(Opslag.InwonersVan(Gemeente("0303")).Huishouden("H1"));
    }
}
