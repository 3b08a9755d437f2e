using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store.Inhoud;
using Jeugdhulp.Store.Journaal;
using Jeugdhulp.Store.Outbox;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.Inhoud;

/// <summary>
/// Received messages and answers are stored compressed (migration 0025), rows from before stay raw, and every
/// reader of the two content tables gives back the bytes as received or sent. The readers that parse the
/// content (Termijnen, the declarations page, the what-if snapshot) are covered by their own tests, which run on
/// compressed rows since this change.
/// </summary>
public abstract class OpgeslagenInhoudTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : OpgeslagenInhoudTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : OpgeslagenInhoudTests(new PostgresTestDatabase());

    private static byte[] Golden(string naam) => File.ReadAllBytes(Path.Combine(Paden.RepoRoot, "tests", "Jeugdhulp.Ijw.Tests", "Golden", naam));

    private static readonly byte[] Bericht = Golden("jw315.xml");

    private static readonly byte[] Antwoord = Golden("jw301.xml");

    private (long Journaal, long Outbox) SlaOp()
    {
        using var tx = Opslag.BeginTransactie();
        var journaal = Assert.IsType<JournaalUitkomst.Nieuw>(tx.Journaliseer("12345678", "0034", "ID-1", "JW315", Bericht)).JournaalId;
        var outbox = tx.VoegAntwoordToe(journaal, "JW301", "12345678", "12345678_JW301_1-1.xml", Antwoord);
        tx.Commit();
        return (journaal, outbox);
    }

    private byte[] Blob(string sql) => (byte[])Db.VoerUit(sql)!;

    [StoreFact]
    public void Een_bericht_en_zijn_antwoord_worden_gecomprimeerd_opgeslagen_met_hun_woordenboekversie()
    {
        SlaOp();

        var bericht = Blob("SELECT inhoud FROM journaalinhoud");
        var antwoord = Blob("SELECT inhoud FROM outboxinhoud");

        Assert.Equal(Inhoudsvorm.HuidigeVersie, Inhoudsvorm.VersieVan(bericht));
        Assert.Equal(Inhoudsvorm.HuidigeVersie, Inhoudsvorm.VersieVan(antwoord));
        Assert.True(bericht.Length * 3 < Bericht.Length, $"{bericht.Length} van {Bericht.Length} bytes");
        Assert.True(antwoord.Length * 2 < Antwoord.Length, $"{antwoord.Length} van {Antwoord.Length} bytes");
    }

    [StoreFact]
    public void Het_woordenboek_staat_bij_de_gegevens_onder_zijn_versie()
    {
        _ = Opslag;

        var rijen = Db.Lees("SELECT versie, woordenboek FROM inhoudwoordenboek");

        // The messages' (1) and, since migration 0041, the findings' (2).
        var meegeleverd = Inhoudsvorm.Meegeleverd().OrderBy(w => w.Versie).ToList();
        Assert.Equal([Inhoudsvorm.HuidigeVersie, Inhoudsvorm.BevindingenVersie], meegeleverd.Select(w => w.Versie));
        Assert.Equal(meegeleverd.Select(w => (w.Versie, w.Woordenboek)),
            rijen.Select(r => (Convert.ToInt32(r[0], System.Globalization.CultureInfo.InvariantCulture), (byte[])r[1])).OrderBy(r => r.Item1));
    }

    [StoreFact]
    public void Elke_lezer_geeft_de_opgeslagen_bytes_terug()
    {
        var (journaal, outbox) = SlaOp();
        AssertLezersGevenTerug(journaal, outbox);
    }

    [StoreFact]
    public void Rijen_van_voor_de_compressie_blijven_leesbaar()
    {
        var (journaal, outbox) = SlaOp();
        using (var tx = Opslag.BeginTransactie())
        {
            // As migration 0025 found them: the bytes as received and as sent.
            tx.Commando("UPDATE journaalinhoud SET inhoud = @inhoud WHERE journaal_id = @id").Met("@inhoud", Bericht).Met("@id", journaal).ExecuteNonQuery();
            tx.Commando("UPDATE outboxinhoud SET inhoud = @inhoud WHERE outbox_id = @id").Met("@inhoud", Antwoord).Met("@id", outbox).ExecuteNonQuery();
            tx.Commit();
        }

        Assert.Null(Inhoudsvorm.VersieVan(Blob("SELECT inhoud FROM journaalinhoud")));
        AssertLezersGevenTerug(journaal, outbox);
    }

    [StoreFact]
    public void Een_herhaald_bericht_krijgt_zijn_opgeslagen_antwoorden_ongewijzigd_terug()
    {
        SlaOp();

        using var tx = Opslag.BeginTransactie();
        var herhaling = Assert.IsType<JournaalUitkomst.ExacteHerhaling>(tx.Journaliseer("12345678", "0034", "ID-1", "JW315", Bericht));

        Assert.Equal(Antwoord, Assert.Single(herhaling.Antwoorden).Inhoud);
    }

    private void AssertLezersGevenTerug(long journaal, long outbox)
    {
        using (var tx = Opslag.BeginTransactie())
        {
            Assert.Equal(Bericht, tx.LeesJournaal(journaal)!.Inhoud);
            Assert.Equal(Antwoord, Assert.Single(tx.Antwoorden(journaal)).Inhoud);
            // Storing the identical answer again is recognised as the same answer (compared unpacked).
            Assert.Equal(outbox, tx.VoegAntwoordToe(journaal, "JW301", "12345678", "12345678_JW301_1-1.xml", Antwoord));
        }

        // API delivery.
        Assert.Equal(Antwoord, Opslag.UitgaandBericht("12345678", outbox)!.Inhoud);

        // Answer files.
        var map = Path.Combine(Db.DataMap, "outbox");
        Assert.Equal(1, Opslag.Materialiseer(map).Geschreven);
        Assert.Equal(Antwoord, File.ReadAllBytes(Path.Combine(map, "12345678_JW301_1-1.xml")));
    }
}
