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
}
