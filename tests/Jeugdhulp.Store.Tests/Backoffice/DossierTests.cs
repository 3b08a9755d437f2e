using Jeugdhulp.Core.Toekenning;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Audit;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Toekenning;
using CoreOmvang = Jeugdhulp.Core.Toewijzing.Omvang;

namespace Jeugdhulp.Store.Tests.Backoffice;

/// <summary>The client dossier's reads: the municipality's own allocations and procesregie, and who has a dossier at all.</summary>
public abstract class DossierTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : DossierTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : DossierTests(new PostgresTestDatabase());

    private const string Kind = "100002183";
    private static readonly Gemeentecode Nop = Gemeentecode.Parse("0171").Waarde;

    [StoreFact]
    public void Eigen_toekenningen_met_wie_ze_deed_en_de_procesregie_staan_in_het_dossier()
    {
        ImporteerDemo();
        var opdracht = new Toekenningsopdracht(Nop, Bsn(Kind), Toegangsroute.LokaleToegang, "Team Emmeloord", Agb("01234567"), Product("45F21"),
            new DateOnly(2027, 3, 8), new DateOnly(2028, 3, 7), new CoreOmvang(3000, "01", "6"), [], "Maatwerkrapportage 12", null,
            new Procesregie(Procesregiehouder.Gemeente, "Noord"));
        var moment = new Toewijzingsmoment(new DateOnly(2027, 3, 2), new TimeOnly(14, 5, 9));
        var outbox = Path.Combine(Db.DataMap, "outbox");
        var nummer = Opslag.Verwerk(Flevoland, [new Toekenningsactie.Toekennen(opdracht, new Clientpersoon("Vries", "de", "J", "1", null))], "a.jansen", moment, outbox)[0].Nummers[0];
        Opslag.Verwerk(Flevoland, [new Toekenningsactie.Intrekken(Nop, nummer, "Verkeerde aanbieder")], "b.bakker", moment, outbox);

        var d = Opslag.BekijkDossier("nop", Nop, Bsn(Kind))!;

        Assert.Equal([("toekennen", "a.jansen"), ("intrekken", "b.bakker")], d.Toekenningen.Select(k => (k.Soort, k.Door)));
        Assert.All(d.Toekenningen, k => Assert.Equal((long)nummer, k.Nummer));
        var regie = Assert.Single(d.Procesregie);
        Assert.Equal(((long)nummer, "gemeente", (string?)"Noord"), (regie.Nummer, regie.Houder, regie.Team));
        Assert.False(d.Afgekapt);
    }

    [StoreFact]
    public void Een_inwoner_zonder_jeugdhulp_in_de_gemeente_heeft_geen_dossier_en_dat_staat_in_het_auditlog()
    {
        ImporteerDemo();

        // 100003011 lives in Noordoostpolder but has no request, allocation or own allocation there.
        Assert.Null(Opslag.BekijkDossier("nop", Nop, Bsn("100003011")));
        Assert.Contains(Opslag.AuditVoorClient(Bsn("100003011")), r => r.Actie == "dossier gezocht, niet gevonden");
    }
}
