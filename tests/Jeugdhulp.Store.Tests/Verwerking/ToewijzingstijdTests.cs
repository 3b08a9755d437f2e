using System.Text.RegularExpressions;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Schema;
using Jeugdhulp.Ijw.Schrijven;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Verwerking;
using Klok = Jeugdhulp.Store.Tests.Infrastructuur.VasteKlok;
using Product = Jeugdhulp.Ijw.Berichten.Product;

namespace Jeugdhulp.Store.Tests.Verwerking;

/// <summary>
/// Toewijzingstijd (IV013) in the JW301s the pipeline and staff decisions write: the Dutch time of day of the injected
/// clock at the moment of deciding, on the processing date; a re-delivery gets the stored answer, not a new time.
/// </summary>
public abstract class ToewijzingstijdTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : ToewijzingstijdTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : ToewijzingstijdTests(new PostgresTestDatabase());

    private const string Aanbieder = "01234567";

    private string Outbox => Path.Combine(Db.DataMap, "outbox");

    private static byte[] Jw315(string id, DateOnly dag, string referentie, string inhoudCode = "45F11") =>
        IjwSchrijver.Schrijf(new VerzoekOmToewijzingBericht(Berichtsoort.JW315,
            Header.Voor(Berichtsoort.JW315, Aanbieder, "0171", new BerichtIdentificatie(id, dag)),
            new VerzoekOmToewijzingClient("100002183", new Geboortedatum(new DateOnly(2016, 9, 12), null), "1", new VerkorteNaam(new Achternaam("Vries", null), null, null), null, null,
                [new AangevraagdProduct(referentie, null, new Product("45", inhoudCode), null, dag.AddDays(7), dag.AddMonths(6),
                    new Omvang(1800, "01", "6"), null, new Verwijzer("02", null, "01999999"), null, null)])));

    private List<Bestandsverslag> Verwerk(DateOnly vandaag, TimeProvider klok, byte[] bericht)
    {
        ImporteerDemo();
        return [.. new BerichtVerwerken(Opslag, Flevoland, vandaag, Outbox, klok: klok).Verwerk([new Invoer("0.xml", bericht)])];
    }

    /// <summary>The JW301 among a report's answers, read from the outbox folder.</summary>
    private byte[] Jw301(Bestandsverslag verslag) =>
        File.ReadAllBytes(Path.Combine(Outbox, Path.GetFileName(Assert.Single(verslag.Outbox, o => o.Contains("_JW301_", StringComparison.Ordinal)))));

    private static string Veld(byte[] xml, string naam) =>
        Regex.Match(System.Text.Encoding.UTF8.GetString(xml), $"<(?:\\w+:)?{naam}>([^<]*)<").Groups[1].Value;

    /// <summary>The stored decision time: PostgreSQL gives a time, SQLite the text it was written as.</summary>
    private string OpgeslagenTijd() => Db.VoerUit("SELECT toewijzingstijd FROM toewijzingen") switch
    {
        TimeOnly t => t.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString(@"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture),
        var x => Convert.ToString(x, System.Globalization.CultureInfo.InvariantCulture)!,
    };

    [StoreFact]
    public void Een_JW301_in_de_winter_draagt_de_tijd_van_het_besluit_in_CET()
    {
        var dag = new DateOnly(2027, 3, 5);

        var verslag = Assert.Single(Verwerk(dag, new Klok(new DateTimeOffset(2027, 3, 5, 13, 45, 12, TimeSpan.Zero)), Jw315("T1", dag, "R1")));

        Assert.Equal(Uitkomsten.Approved, verslag.Uitkomst);
        var jw301 = Jw301(verslag);
        Assert.Empty(XsdValidatie.Fouten(jw301));
        Assert.Equal("2027-03-05", Veld(jw301, "Toewijzingsdatum"));
        Assert.Equal("14:45:12", Veld(jw301, "Toewijzingstijd"));
        Assert.StartsWith("14:45:12", OpgeslagenTijd(), StringComparison.Ordinal);
    }

    [StoreFact]
    public void Een_JW301_in_de_zomer_draagt_de_tijd_van_het_besluit_in_CEST()
    {
        var dag = new DateOnly(2027, 7, 5);

        var verslag = Assert.Single(Verwerk(dag, new Klok(new DateTimeOffset(2027, 7, 5, 13, 45, 12, TimeSpan.Zero)), Jw315("T1", dag, "R1")));

        Assert.Equal(Uitkomsten.Approved, verslag.Uitkomst);
        var jw301 = Jw301(verslag);
        Assert.Empty(XsdValidatie.Fouten(jw301));
        Assert.Equal("15:45:12", Veld(jw301, "Toewijzingstijd"));
    }

    [StoreFact]
    public void Met_een_vaste_verwerkingsdatum_komt_de_datum_van_today_en_de_tijd_van_de_klok()
    {
        // A replay with --today 2027-03-05 run on a summer morning: dated as that day, timed as the clock says in Amsterdam.
        var dag = new DateOnly(2027, 3, 5);

        var verslag = Assert.Single(Verwerk(dag, new Klok(new DateTimeOffset(2027, 6, 15, 7, 8, 9, TimeSpan.Zero)), Jw315("T1", dag, "R1")));

        var jw301 = Jw301(verslag);
        Assert.Equal("2027-03-05", Veld(jw301, "Toewijzingsdatum"));
        Assert.Equal("09:08:09", Veld(jw301, "Toewijzingstijd"));
    }

    [StoreFact]
    public void Een_herhaald_bericht_krijgt_later_het_opgeslagen_antwoord_met_de_oorspronkelijke_tijd()
    {
        var dag = new DateOnly(2027, 3, 5);
        var bericht = Jw315("T1", dag, "R1");
        var klok = new Klok(new DateTimeOffset(2027, 3, 5, 13, 45, 12, TimeSpan.Zero));
        var eerste = Jw301(Assert.Single(Verwerk(dag, klok, bericht)));
        var antwoorden = Db.Tel("outbox");

        klok.Nu = klok.Nu.AddHours(3);
        var herhaling = Assert.Single(new BerichtVerwerken(Opslag, Flevoland, dag, Outbox, klok: klok).Verwerk([new Invoer("1.xml", bericht)]));

        Assert.Equal(Uitkomsten.Approved, herhaling.Uitkomst);
        Assert.Equal(eerste, Jw301(herhaling));
        Assert.Equal("14:45:12", Veld(Jw301(herhaling), "Toewijzingstijd"));
        Assert.Equal(antwoorden, Db.Tel("outbox"));
        Assert.Equal(1L, Db.Tel("toewijzingen"));
    }

    [StoreFact]
    public void Een_besluit_van_een_medewerker_draagt_de_tijd_waarop_het_genomen_is()
    {
        var dag = new DateOnly(2027, 3, 5);
        var klok = new Klok(new DateTimeOffset(2027, 3, 5, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(Uitkomsten.Review, Assert.Single(Verwerk(dag, klok, Jw315("B1", dag, "R-B", "45F21"))).Uitkomst);

        klok.Nu = new DateTimeOffset(2027, 3, 5, 15, 20, 30, TimeSpan.Zero);
        var besluit = BesluitNemen.Neem(Opslag, new Handbesluit("R-B", true, null, null, "medewerker"), dag, Outbox, klok);

        var jw301 = Jw301(besluit.Waarde);
        Assert.Empty(XsdValidatie.Fouten(jw301));
        Assert.Equal("16:20:30", Veld(jw301, "Toewijzingstijd"));
        Assert.StartsWith("16:20:30", OpgeslagenTijd(), StringComparison.Ordinal);
    }
}
