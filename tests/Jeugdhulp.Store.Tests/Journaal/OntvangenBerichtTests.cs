using System.Text;
using Jeugdhulp.Store.Journaal;
using Jeugdhulp.Store.Outbox;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.Journaal;

public abstract class OntvangenBerichtTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : OntvangenBerichtTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : OntvangenBerichtTests(new PostgresTestDatabase());

    private const string AanbiederA = "12345678";
    private const string AanbiederB = "23456789";

    private static byte[] Xml(string tekst) => Encoding.UTF8.GetBytes($"<?xml version=\"1.0\"?><bericht>{tekst}</bericht>");

    private long Journaliseer(string afzender, string identificatie, params (string Code, string Ontvanger)[] antwoorden)
    {
        using var tx = Opslag.BeginTransactie();
        var id = Assert.IsType<JournaalUitkomst.Nieuw>(tx.Journaliseer(afzender, "0034", identificatie, "JW315", Xml(identificatie))).JournaalId;
        foreach (var (code, ontvanger) in antwoorden)
        {
            tx.VoegAntwoordToe(id, code, ontvanger, $"{ontvanger}_{code}_{identificatie}.xml", Xml(code));
        }

        tx.Commit();
        return id;
    }

    [StoreFact]
    public void Het_bericht_komt_met_zijn_antwoorden_aan_de_afzender_op_id_volgorde()
    {
        var id = Journaliseer(AanbiederA, "A-1", ("JW316", AanbiederA), ("JW301", AanbiederA), ("JW301-2", AanbiederB));

        var bericht = Opslag.OntvangenBericht(AanbiederA, id);

        Assert.NotNull(bericht);
        Assert.Equal(id, bericht.Id);
        Assert.Equal("JW315", bericht.Berichtcode);
        Assert.Equal("A-1", bericht.Identificatie);
        Assert.Equal(JournaalLezen.Ontvangen, bericht.Status);
        Assert.Empty(bericht.Besluiten);
        Assert.Equal(["JW316", "JW301"], bericht.Antwoorden.Select(a => UitgaandLezen.Berichtcode(a.Bestandsnaam)));
        Assert.True(bericht.Antwoorden[0].Id < bericht.Antwoorden[1].Id);
    }

    [StoreFact]
    public void Een_bericht_van_een_ander_of_een_onbekend_id_is_er_niet()
    {
        var id = Journaliseer(AanbiederA, "A-2", ("JW316", AanbiederA));

        Assert.Null(Opslag.OntvangenBericht(AanbiederB, id));
        Assert.Null(Opslag.OntvangenBericht(AanbiederA, id + 1000));
    }
}
