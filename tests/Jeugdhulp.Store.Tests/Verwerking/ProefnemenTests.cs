using Uitkomst = Jeugdhulp.Core.Toewijzing.Uitkomst;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Schema;
using Jeugdhulp.Ijw.Schrijven;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Verwerking;
using IjwProduct = Jeugdhulp.Ijw.Berichten.Product;

namespace Jeugdhulp.Store.Tests.Verwerking;

/// <summary>The provider's pre-check of a file on both databases: a JW315 through the engine, a JW323 as before; nothing stored.</summary>
public abstract class ProefnemenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : ProefnemenTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : ProefnemenTests(new PostgresTestDatabase());

    private const string Aanbieder = "01234567";
    private static readonly DateOnly Vandaag = new(2027, 3, 2);

    private static byte[] Jw315(string commentaar) =>
        IjwSchrijver.Schrijf(new VerzoekOmToewijzingBericht(Berichtsoort.JW315,
            Header.Voor(Berichtsoort.JW315, Aanbieder, "0171", new BerichtIdentificatie("V1", new DateOnly(2027, 3, 1))),
            new VerzoekOmToewijzingClient("100002183", new Geboortedatum(new DateOnly(2016, 9, 12), null), "1", new VerkorteNaam(new Achternaam("Vries", null), null, null), null, null,
                [new AangevraagdProduct("R-V", null, new IjwProduct("45", "45F11"), null, new DateOnly(2027, 3, 8), new DateOnly(2027, 9, 7),
                    new Omvang(1800, "01", "6"), null, new Verwijzer("02", null, "01999999"), null, commentaar)])));

    [StoreFact]
    public void De_proef_van_een_JW315_geeft_het_besluit_met_de_verwijsdatum_uit_het_commentaar_en_legt_niets_vast()
    {
        ImporteerDemo();
        string[] tabellen = ["journaal", "outbox", "verzoeken", "toewijzingen", "clienten"];
        var voor = tabellen.Select(Db.Tel).ToList();

        var (verzoek, declaratie) = Opslag.ProefBestand(Jw315("verwijsdatum 2026-01-15"), Flevoland, Vandaag);
        var (onleesbaar, _) = Opslag.ProefBestand(Jw315("verwijsdatum 15-01-2026"), Flevoland, Vandaag);

        Assert.Null(declaratie);
        var besluit = Assert.Single(verzoek!.Besluiten);
        Assert.Equal(Uitkomst.Toegekend, besluit.Uitkomst);
        Assert.Equal(Uitkomsten.Approved, verzoek.Uitkomst);
        Assert.Contains(besluit.Signalen, s => s.RegelId == "HK-ROUTE-1" && s.Datum == new DateOnly(2027, 1, 15));
        Assert.Contains(verzoek.Meldingen, m => m.Contains("Signaal HK-ROUTE-1", StringComparison.Ordinal));
        Assert.Contains(Assert.Single(onleesbaar!.Besluiten).Signalen, s => s.RegelId == "HK-ROUTE-1" && s.Melding.Contains("jjjj-mm-dd", StringComparison.Ordinal));
        Assert.Equal(voor, tabellen.Select(Db.Tel));
    }

    [StoreFact]
    public void Een_ongeldige_JW315_geeft_de_fouten_en_een_JW323_de_declaratieproef()
    {
        ImporteerDemo();
        var kapot = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(Jw315("x"))
            .Replace("<Bsn>100002183</Bsn>", "<Bsn>100002184</Bsn>", StringComparison.Ordinal));

        var (verzoek, declaratie) = Opslag.ProefBestand(kapot, Flevoland, Vandaag);
        var (_, jw323) = Opslag.ProefBestand("<Bericht/>"u8.ToArray(), Flevoland, Vandaag);

        Assert.Null(declaratie);
        Assert.Equal(Uitkomsten.Invalid, verzoek!.Uitkomst);
        Assert.NotEmpty(verzoek.Fouten);
        Assert.Empty(verzoek.Besluiten);
        Assert.Equal(Uitkomsten.Invalid, jw323!.Uitkomst);
    }
}
