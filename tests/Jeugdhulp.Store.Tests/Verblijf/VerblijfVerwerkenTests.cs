using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Schema;
using Jeugdhulp.Ijw.Schrijven;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store.Import;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Verwerking;
using Product = Jeugdhulp.Ijw.Berichten.Product;

namespace Jeugdhulp.Store.Tests.Verblijf;

/// <summary>
/// A JW315 for 24-hour care through the real pipeline on both databases: the HK-24 rules decide, and the JW301 or
/// JW319 written into the outbox validates against the iJw XSDs.
/// </summary>
public abstract class VerblijfVerwerkenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : VerblijfVerwerkenTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : VerblijfVerwerkenTests(new PostgresTestDatabase());

    private const string Aanbieder = "01234567";
    private static readonly DateOnly Vandaag = new(2027, 3, 2);
    private static readonly DateOnly Ingang = new(2027, 3, 8);

    /// <summary>Noordoostpolder takes part in the 24-uurs lots and the provider has contracts for them, as the region would add as data.</summary>
    private void Met24uurs()
    {
        var csv = File.ReadAllText(Path.Combine(Paden.RepoRoot, "demo", "contracten.csv")).TrimEnd()
            + "\n0171,01234567,46R01,2027-01-01,,25000,Jeugdhulp De Horizon\n0171,01234567,43R01,2027-01-01,,30000,Jeugdhulp De Horizon\n";
        Assert.True(Opslag.ImporteerContracten(ContractenCsv.Lees(csv).Waarde).IsGeldig);
        Assert.True(Opslag.ImporteerInwoners(InwonersCsv.Lees(File.ReadAllText(Path.Combine(Paden.RepoRoot, "demo", "inwoners.csv"))).Waarde).IsGeldig);
    }

    private static Regelcatalogus Regels()
    {
        Deelname[] nop = [new(Gemeentecode.Parse("0171").Waarde, Periode.Vanaf(new DateOnly(2027, 1, 1)), [])];
        return Flevoland with { Percelen = [.. Flevoland.Percelen.Select(p => p.Code is "JMV24" or "BEHWON" ? p with { Deelnames = nop } : p)] };
    }

    private static byte[] Jw315(string categorie, string code, int dagen, int etmalen) =>
        IjwSchrijver.Schrijf(new VerzoekOmToewijzingBericht(Berichtsoort.JW315,
            Header.Voor(Berichtsoort.JW315, Aanbieder, "0171", new BerichtIdentificatie("V1", new DateOnly(2027, 3, 1))),
            new VerzoekOmToewijzingClient("100002183", new Geboortedatum(new DateOnly(2016, 9, 12), null), "1", new VerkorteNaam(new Achternaam("Vries", null), null, null), null, null,
                [new AangevraagdProduct("R1", null, new Product(categorie, code), null, Ingang, Ingang.AddDays(dagen - 1),
                    new Omvang(etmalen, "14", "6"), null, new Verwijzer("02", null, "01999999"), null, null)])));

    private Bestandsverslag Verwerk(byte[] bericht) =>
        Assert.Single(new BerichtVerwerken(Opslag, Regels(), Vandaag, Path.Combine(Db.DataMap, "outbox")).Verwerk([new Invoer("v.xml", bericht)]));

    [StoreFact]
    public void HK_24_8_een_crisisplaatsing_van_28_dagen_krijgt_een_geldige_JW301() => Crisis(28, Uitkomsten.Approved, "JW301");

    [StoreFact]
    public void HK_24_8_een_crisisplaatsing_van_29_dagen_krijgt_een_geldige_JW319() => Crisis(29, Uitkomsten.Rejected, "JW319");

    [StoreFact]
    public void HK_24_1_behandeld_wonen_met_3_5_etmalen_per_week_wordt_afgewezen() => Verblijf(7, Uitkomsten.Rejected);

    [StoreFact]
    public void HK_24_1_behandeld_wonen_met_4_etmalen_per_week_wordt_toegewezen() => Verblijf(8, Uitkomsten.Approved);

    private void Crisis(int dagen, string uitkomst, string antwoord)
    {
        Met24uurs();

        var verslag = Verwerk(Jw315("46", "46R01", dagen, dagen));

        Assert.True(uitkomst == verslag.Uitkomst, string.Join("; ", verslag.Meldingen));
        var bestand = Assert.Single(verslag.Outbox, o => Path.GetFileName(o).Contains(antwoord, StringComparison.Ordinal));
        Assert.Empty(XsdValidatie.Fouten(File.ReadAllBytes(Path.Combine(Db.DataMap, "outbox", Path.GetFileName(bestand)))));
        Assert.Contains("HK-24-8", Toelichting("R1"), StringComparison.Ordinal);
    }

    private void Verblijf(int etmalen, string uitkomst)
    {
        Met24uurs();

        // 14 days: 7 etmalen is 3.5 per week, 8 is 4.
        var verslag = Verwerk(Jw315("43", "43R01", 14, etmalen));

        Assert.True(uitkomst == verslag.Uitkomst, string.Join("; ", verslag.Meldingen));
        Assert.NotEmpty(verslag.Outbox);
        Assert.All(verslag.Outbox, o => Assert.Empty(XsdValidatie.Fouten(File.ReadAllBytes(Path.Combine(Db.DataMap, "outbox", Path.GetFileName(o))))));
        Assert.Contains("HK-24-1", Toelichting("R1"), StringComparison.Ordinal);
    }
}
