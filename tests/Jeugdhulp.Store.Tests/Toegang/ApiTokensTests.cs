using Jeugdhulp.Store.Journaal;
using Jeugdhulp.Store.Outbox;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Toegang;

namespace Jeugdhulp.Store.Tests.Toegang;

public abstract class ApiTokensTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : ApiTokensTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : ApiTokensTests(new PostgresTestDatabase());

    [StoreFact]
    public void Een_nieuw_token_wordt_gevonden_met_zijn_geheim()
    {
        var (token, geheim) = Opslag.MaakApiToken(Tokensoort.Aanbieder, "01234567", "EPD van aanbieder");

        var gevonden = Opslag.ZoekApiToken(geheim);

        Assert.NotNull(gevonden);
        Assert.Equal(token.Id, gevonden.Id);
        Assert.Equal(Tokensoort.Aanbieder, gevonden.Soort);
        Assert.Equal("01234567", gevonden.Code);
        Assert.Equal("EPD van aanbieder", gevonden.Omschrijving);
        Assert.StartsWith(ApiTokens.Voorvoegsel, geheim, StringComparison.Ordinal);
        Assert.Equal("aanbieder 01234567 (token " + token.Id + ")", gevonden.Wie);
    }

    [StoreFact]
    public void Het_geheim_staat_niet_in_de_database_alleen_zijn_hash()
    {
        var (_, geheim) = Opslag.MaakApiToken(Tokensoort.Gemeente, "0034", null);

        using var sessie = Opslag.OpenSessie();
        using var r = sessie.Commando("SELECT soort, code, hash FROM api_tokens").ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal("gemeente", r.GetString(0));
        Assert.Equal(ApiTokens.Hash(geheim), r.GetString(2));
        for (var i = 0; i < r.FieldCount; i++)
        {
            Assert.DoesNotContain(geheim[ApiTokens.Voorvoegsel.Length..], r.GetValue(i).ToString(), StringComparison.Ordinal);
        }
    }

    [StoreFact]
    public void Twee_tokens_hebben_verschillende_geheimen()
    {
        var a = Opslag.MaakApiToken(Tokensoort.Aanbieder, "01234567", null).Geheim;
        var b = Opslag.MaakApiToken(Tokensoort.Aanbieder, "01234567", null).Geheim;

        Assert.NotEqual(a, b);
        Assert.True(a.Length >= ApiTokens.Voorvoegsel.Length + 43, "256 bits in base64url zijn 43 tekens");
    }

    [StoreFact]
    public void Een_onbekend_geheim_vindt_niets()
    {
        var (_, geheim) = Opslag.MaakApiToken(Tokensoort.Aanbieder, "01234567", null);

        foreach (var onbekend in new[] { "", "jh_", "jh_onbekend", "geen-voorvoegsel", geheim[ApiTokens.Voorvoegsel.Length..], geheim + "x" })
        {
            Assert.Null(Opslag.ZoekApiToken(onbekend));
        }
    }

    [StoreFact]
    public void Een_ingetrokken_token_geeft_geen_toegang_meer_en_blijft_in_de_lijst()
    {
        var (token, geheim) = Opslag.MaakApiToken(Tokensoort.Aanbieder, "01234567", null);
        var ander = Opslag.MaakApiToken(Tokensoort.Aanbieder, "01234567", null);

        var ingetrokken = Opslag.TrekApiTokenIn(token.Id);

        Assert.NotNull(ingetrokken?.IngetrokkenOp);
        Assert.Null(Opslag.ZoekApiToken(geheim));
        Assert.NotNull(Opslag.ZoekApiToken(ander.Geheim));
        Assert.Equal([token.Id, ander.Token.Id], Opslag.ApiTokenLijst().Select(t => t.Id));
        Assert.NotNull(Opslag.ApiTokenLijst()[0].IngetrokkenOp);
        Assert.Null(Opslag.TrekApiTokenIn(999_999));
    }

    [StoreFact]
    public void De_uitgaande_berichten_van_een_ontvanger_komen_op_id_en_niet_die_van_een_ander()
    {
        using (var tx = Opslag.BeginTransactie())
        {
            for (var i = 1; i <= 3; i++)
            {
                var j = Assert.IsType<JournaalUitkomst.Nieuw>(tx.Journaliseer("01234567", "0034", $"ID-{i}", "JW315", [1, 2, (byte)i])).JournaalId;
                tx.VoegAntwoordToe(j, "antwoord 1", "01234567", $"01234567_JW301_{j}-1.xml", [9, (byte)i]);
                tx.VoegAntwoordToe(j, "JW316", "02345678", $"02345678_JW316_{j}-0.xml", [8, (byte)i]);
            }

            tx.Commit();
        }

        var lijst = Opslag.UitgaandVoor("01234567", 0, 10);
        var tweede = Opslag.UitgaandVoor("01234567", lijst[0].Id, 1);

        Assert.Equal(3, lijst.Count);
        Assert.All(lijst, u => Assert.Equal("JW301", u.Bericht));
        Assert.Equal(lijst.Select(u => u.Id).Order(), lijst.Select(u => u.Id));
        Assert.Equal([lijst[1].Id], tweede.Select(u => u.Id));
        Assert.Equal(new byte[] { 9, 1 }, Opslag.UitgaandBericht("01234567", lijst[0].Id)?.Inhoud);
        var vanAnder = Opslag.UitgaandVoor("02345678", 0, 10);
        Assert.All(vanAnder, u => Assert.Null(Opslag.UitgaandBericht("01234567", u.Id)));
    }
    private readonly VasteKlok klok = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));

    private Datastore MetKlok() => Open(new VasteKlok(new DateTimeOffset(2027, 3, 5, 0, 0, 0, TimeSpan.Zero)), klok);

    [StoreFact]
    public void Een_token_verloopt_standaard_na_een_jaar_op_de_echte_klok()
    {
        var store = MetKlok();
        var (token, geheim) = store.MaakApiToken(Tokensoort.Aanbieder, "01234567", null);

        Assert.Equal(klok.Nu, token.AangemaaktOp);
        Assert.Equal(klok.Nu + ApiTokens.StandaardGeldigheid, token.VerlooptOp);
        Assert.Equal(TimeSpan.FromDays(365), ApiTokens.StandaardGeldigheid);
        klok.Nu = token.VerlooptOp.AddSeconds(-1);
        Assert.NotNull(store.ZoekApiToken(geheim));
        klok.Nu = token.VerlooptOp;
        Assert.Null(store.ZoekApiToken(geheim));
        Assert.Equal(token.VerlooptOp, store.ApiTokenLijst().Single().VerlooptOp);
    }

    [StoreFact]
    public void De_geldigheid_is_per_token_in_te_stellen()
    {
        var store = MetKlok();
        var (token, geheim) = store.MaakApiToken(Tokensoort.Gemeente, "0034", null, TimeSpan.FromDays(30));

        Assert.Equal(klok.Nu.AddDays(30), token.VerlooptOp);
        klok.Nu = klok.Nu.AddDays(31);
        Assert.Null(store.ZoekApiToken(geheim));
    }

    [StoreFact]
    public void Vernieuwen_geeft_een_nieuw_geheim_voor_dezelfde_houder_en_het_oude_verloopt_na_de_overgang()
    {
        var store = MetKlok();
        var (oud, oudGeheim) = store.MaakApiToken(Tokensoort.Aanbieder, "01234567", "EPD");

        var vernieuwd = store.VernieuwApiToken(oud.Id, TimeSpan.FromDays(7));

        Assert.NotNull(vernieuwd);
        var (nieuw, nieuwGeheim) = vernieuwd.Value;
        Assert.NotEqual(oud.Id, nieuw.Id);
        Assert.Equal((oud.Soort, oud.Code, oud.Omschrijving), (nieuw.Soort, nieuw.Code, nieuw.Omschrijving));
        Assert.Equal(klok.Nu + ApiTokens.StandaardGeldigheid, nieuw.VerlooptOp);
        Assert.Equal(klok.Nu.AddDays(7), store.ApiTokenLijst().Single(t => t.Id == oud.Id).VerlooptOp);
        Assert.NotNull(store.ZoekApiToken(oudGeheim));
        klok.Nu = klok.Nu.AddDays(7);
        Assert.Null(store.ZoekApiToken(oudGeheim));
        Assert.Equal(nieuw.Id, store.ZoekApiToken(nieuwGeheim)?.Id);
    }

    [StoreFact]
    public void Vernieuwen_zonder_overgang_maakt_het_oude_token_meteen_ongeldig_en_een_ingetrokken_token_is_niet_te_vernieuwen()
    {
        var store = MetKlok();
        var (oud, oudGeheim) = store.MaakApiToken(Tokensoort.Aanbieder, "01234567", null);
        var (ingetrokken, _) = store.MaakApiToken(Tokensoort.Aanbieder, "01234567", null);
        store.TrekApiTokenIn(ingetrokken.Id);

        Assert.NotNull(store.VernieuwApiToken(oud.Id, TimeSpan.Zero));

        Assert.Null(store.ZoekApiToken(oudGeheim));
        Assert.Null(store.VernieuwApiToken(ingetrokken.Id, TimeSpan.Zero));
        Assert.Null(store.VernieuwApiToken(999_999, TimeSpan.Zero));
    }
}
