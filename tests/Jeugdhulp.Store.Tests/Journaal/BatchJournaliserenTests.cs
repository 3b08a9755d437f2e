using System.Text;
using Jeugdhulp.Store.Journaal;
using Jeugdhulp.Store.Outbox;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.Journaal;

public abstract class BatchJournaliserenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : BatchJournaliserenTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : BatchJournaliserenTests(new PostgresTestDatabase());

    private static InkomendBericht Bericht(string identificatie, string inhoud, string afzender = "12345678") =>
        new(afzender, "0034", identificatie, "JW315", Encoding.UTF8.GetBytes(inhoud));

    [StoreFact]
    public void Een_batch_geeft_per_bericht_dezelfde_uitkomst_als_een_voor_een_journaliseren()
    {
        long eerder;
        using (var tx = Opslag.BeginTransactie())
        {
            eerder = Assert.IsType<JournaalUitkomst.Nieuw>(tx.Journaliseer([Bericht("E", "eerder")])[0]).JournaalId;
            tx.Commit();
        }

        InkomendBericht[] batch =
        [
            Bericht("N1", "nieuw 1"),                    // 0 new
            Bericht("E", "eerder"),                      // 1 re-delivery of a committed message
            Bericht("E", "eerder, gewijzigd"),           // 2 9056 against the committed original
            Bericht("N1", "nieuw 1"),                    // 3 repeat within the batch
            Bericht("N1", "nieuw 1, gewijzigd"),         // 4 9056 within the batch
            Bericht("N1", "nieuw 1", afzender: "87654321"), // 5 other sender: new
            Bericht("N2", "nieuw 2"),                    // 6 new
        ];

        using var tx2 = Opslag.BeginTransactie();
        var u = tx2.Journaliseer(batch);

        Assert.Equal(batch.Length, u.Count);
        var n1 = Assert.IsType<JournaalUitkomst.Nieuw>(u[0]).JournaalId;
        Assert.Equal(eerder, Assert.IsType<JournaalUitkomst.ExacteHerhaling>(u[1]).JournaalId);
        Assert.Equal(eerder, Assert.IsType<JournaalUitkomst.ZelfdeIdentificatieAndereInhoud>(u[2]).OrigineelId);
        Assert.Equal(n1, Assert.IsType<JournaalUitkomst.ExacteHerhaling>(u[3]).JournaalId);
        Assert.Equal(n1, Assert.IsType<JournaalUitkomst.ZelfdeIdentificatieAndereInhoud>(u[4]).OrigineelId);
        Assert.IsType<JournaalUitkomst.Nieuw>(u[5]);
        Assert.IsType<JournaalUitkomst.Nieuw>(u[6]);

        // Every id points at the row holding that very message.
        for (var i = 0; i < batch.Length; i++)
        {
            var id = u[i] switch
            {
                JournaalUitkomst.Nieuw n => n.JournaalId,
                JournaalUitkomst.ZelfdeIdentificatieAndereInhoud z => z.JournaalId,
                JournaalUitkomst.ExacteHerhaling h => h.JournaalId,
                _ => throw new InvalidOperationException(),
            };
            var regel = tx2.LeesJournaal(id)!;
            Assert.Equal((batch[i].Afzender, batch[i].Identificatie), (regel.Afzender, regel.Identificatie));
            Assert.Equal(batch[i].Inhoud, regel.Inhoud);
        }

        tx2.Commit();
        Assert.Equal(1 + 5, Db.Tel("journaal"));
    }

    [StoreFact]
    public void Een_batch_van_meerdere_blokken_wordt_helemaal_en_in_volgorde_gejournaliseerd()
    {
        var batch = Enumerable.Range(0, 1034).Select(i => Bericht($"ID-{i}", $"inhoud {i}")).ToList();
        batch.Add(Bericht("ID-7", "inhoud 7")); // repeats a message of the first block, from the third

        using var tx = Opslag.BeginTransactie();
        var u = tx.Journaliseer(batch);
        tx.Commit();

        var ids = u.Take(batch.Count - 1).Select(x => Assert.IsType<JournaalUitkomst.Nieuw>(x).JournaalId).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids[7], Assert.IsType<JournaalUitkomst.ExacteHerhaling>(u[^1]).JournaalId);
        Assert.Equal(batch.Count - 1, Db.Tel("journaal"));
        using var lees = Opslag.BeginTransactie();
        Assert.Equal("ID-1000", lees.LeesJournaal(ids[1000])!.Identificatie);
    }

    [StoreFact]
    public void Antwoorden_in_een_batch_worden_elk_een_keer_opgeslagen()
    {
        using var tx = Opslag.BeginTransactie();
        var journaal = tx.Journaliseer(Enumerable.Range(0, 503).Select(i => Bericht($"ID-{i}", $"v {i}")).ToList())
            .Select(x => Assert.IsType<JournaalUitkomst.Nieuw>(x).JournaalId).ToList();
        var antwoorden = journaal.Select((id, i) => new Antwoord(id, "JW316", "12345678", $"JW316_{i}.xml", Encoding.UTF8.GetBytes($"a {i}"))).ToList();
        antwoorden.Add(antwoorden[3]); // the same answer twice

        var ids = tx.VoegAntwoordenToe(antwoorden);

        Assert.Equal(ids[3], ids[^1]);
        Assert.Equal(journaal.Count, ids.Distinct().Count());
        Assert.Equal("JW316_501.xml", tx.Antwoorden(journaal[501]).Single().Bestandsnaam);
        Assert.Equal(ids[501], tx.Antwoorden(journaal[501]).Single().Id);
        Assert.Throws<InvalidOperationException>(() =>
            tx.VoegAntwoordenToe([new Antwoord(journaal[0], "JW316", "12345678", "JW316_anders.xml", [1])]));
        tx.Commit();
        Assert.Equal(journaal.Count, Db.Tel("outbox"));
    }
}
