using System.Globalization;
using System.Text;
using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Schema;
using Jeugdhulp.Ijw.Schrijven;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store.Import;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Verwerking;
using IjwProduct = Jeugdhulp.Ijw.Berichten.Product;

namespace Jeugdhulp.Store.Tests.Verwerking;

/// <summary>
/// One group commit of the pipeline (issue 21 point 1): on PostgreSQL the fast pass journals the group's messages and hands
/// out its ToewijzingNummers without a round trip per message (<c>Groepsjournaal</c>, the counter held by the transaction),
/// and leaves exactly what the same messages leave one by one — the same decisions, numbers, journal and counter, also when
/// a message of the group fails (the group then goes again message by message, in savepoints). On SQLite the same tests
/// hold the baseline.
/// </summary>
public abstract class GroepscommitTests(Func<TestDatabase> maak) : StoreTestBasis(maak())
{
    public sealed class Sqlite() : GroepscommitTests(() => new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : GroepscommitTests(() => new PostgresTestDatabase())
    {
        [StoreFact]
        public void Een_groep_van_40_berichten_maakt_niet_meer_rondgangen_dan_een_van_10()
        {
            Importeer(Opslag, 50, teller: false);
            var bsns = Bsns(50);

            var tien = Rondgangen(Opslag, [.. bsns.Take(10).Select((b, i) => Jw315($"T{i}", b, $"RT{i}"))]);
            var veertig = Rondgangen(Opslag, [.. bsns.Skip(10).Take(40).Select((b, i) => Jw315($"V{i}", b, $"RV{i}"))]);

            // Every message was decided and got numbers (the reservation is part of what is counted), in one group each.
            Assert.Equal(50L, Db.Tel("toewijzingen"));
            Assert.True(veertig.Count == tien.Count, $"10 berichten: {tien.Count} rondgangen, 40: {veertig.Count}:\n{string.Join("\n---\n", veertig)}");

            // The run's start (contracts, residents, statistics), then the group: its clients' state, the journal look-up with
            // the ids, the writes with the commit; the statistics after it.
            Assert.True(veertig.Count == 7, string.Join("\n---\n", veertig));
        }

        /// <summary>The round trips of one group (batch 100) of <paramref name="berichten"/>; the statistics' ANALYZEs (which depend on sizes) are left out.</summary>
        private static List<string> Rondgangen(Datastore opslag, List<byte[]> berichten)
        {
            var (verslagen, statements) = Infrastructuur.Rondgangen.Tel(
                () => new BerichtVerwerken(opslag, Flevoland, Vandaag, outboxMap: null, batch: 100).Verwerk(berichten.Select((b, i) => new Invoer($"{i}.xml", b))).ToList(),
                sql => !sql.StartsWith("ANALYZE", StringComparison.Ordinal));
            Assert.All(verslagen, v => Assert.Equal(Uitkomsten.Approved, v.Uitkomst));
            return statements;
        }
    }

    private readonly Func<TestDatabase> maak = maak;

    private const string Aanbieder = "01234567";
    private static readonly DateOnly Vandaag = new(2027, 3, 2);

    [StoreFact]
    public void Nummers_en_journaal_van_een_groep_zijn_die_van_dezelfde_berichten_een_voor_een()
    {
        var berichten = Mengsel();
        Importeer(Opslag, 12, teller: false);
        using var los = maak();
        using var losOpslag = Datastore.Open(los.Opties).Waarde;
        Importeer(losOpslag, 12, teller: false);

        var groep = Verwerk(Opslag, berichten, batch: 100, out var terugvallen);
        var eenVoorEen = Verwerk(losOpslag, berichten, batch: 1, out _);

        Assert.Equal(0, terugvallen);
        Assert.Equal(eenVoorEen, groep);
        Assert.Equal(Toestand(los), Toestand(Db));

        // What the mix holds: approvals with numbers, an exact repeat, a 9056 (each within the group).
        Assert.Equal(11L, Db.Tel("toewijzingen"));
        Assert.Contains(groep, v => v.Contains("HERHALING", StringComparison.Ordinal));
        Assert.Contains(groep, v => v.StartsWith(Uitkomsten.Rejected, StringComparison.Ordinal));
    }

    [StoreFact]
    public void Een_bericht_dat_midden_in_de_groep_faalt_laat_unieke_nummers_zonder_gat_en_de_teller_erbij()
    {
        var berichten = Mengsel();
        berichten.Insert(5, Start("S1", "100000009", 900_000));
        berichten.Insert(6, Stop("E1", "100000009", 900_000));
        Importeer(Opslag, 12);
        using var los = maak();
        using var losOpslag = Datastore.Open(los.Opties).Waarde;
        Importeer(losOpslag, 12);
        foreach (var db in new[] { Db, los })
        {
            // An allocation without the client's details: its early stop cannot write its JW301, a bug in that message.
            db.VoerUit("""
                INSERT INTO toewijzingen (gemeente, nummer, client_bsn, aanbieder, productcode, categorie, ingangsdatum, einddatum,
                    toewijzingsdatum, toewijzingstijd, herkomst, keren_verschoven, actueel)
                VALUES ('0171', 900000, '100000009', '01234567', '45F11', '45', '2027-03-08', '2027-09-07', '2027-03-01', '10:00:00', 2, 0, 1)
                """);
        }

        var groep = Verwerk(Opslag, berichten, batch: 100, out var terugvallen);
        var eenVoorEen = Verwerk(losOpslag, berichten, batch: 1, out _);

        Assert.True(terugvallen == 1, string.Join("\n", groep));
        Assert.StartsWith(Uitkomsten.Error, groep[6], StringComparison.Ordinal);
        Assert.Equal(eenVoorEen, groep);
        Assert.Equal(Toestand(los), Toestand(Db));
        var nummers = Db.Lees("SELECT nummer FROM toewijzingen WHERE nummer < 900000 ORDER BY nummer").Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([.. Enumerable.Range(1, 11).Select(n => (long)n)], nummers);
        Assert.Equal(11L, Convert.ToInt64(Db.VoerUit("SELECT laatste FROM toewijzingnummers WHERE gemeente = '0171'"), CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Eleven new JW315s of different clients with, between them, an exact repeat of the second and other content under the
    /// third's Identificatie (9056).
    /// </summary>
    private static List<byte[]> Mengsel()
    {
        var bsns = Bsns(12);
        var lijst = bsns.Take(11).Select((b, i) => Jw315($"M{i}", b, $"R{i}")).ToList();
        lijst.Insert(4, lijst[1]);
        lijst.Insert(7, Jw315("M2", bsns[11], "R-ANDERS"));
        return lijst;
    }

    /// <summary>Each message's outcome, decisions and notes, as one line.</summary>
    private static List<string> Verwerk(Datastore opslag, List<byte[]> berichten, int batch, out int terugvallen)
    {
        // Journal ids by their rank (a PostgreSQL sequence leaves gaps where a rolled-back group or an unused id was).
        var rang = new Dictionary<long, int>();
        var verwerken = new BerichtVerwerken(opslag, Flevoland, Vandaag, outboxMap: null, batch: batch);
        var uit = verwerken.Verwerk(berichten.Select((b, i) => new Invoer($"{i}.xml", b)))
            .Select(v => string.Join("|", [v.Uitkomst, v.JournaalId is { } id ? (rang.TryGetValue(id, out var r) ? r : rang[id] = rang.Count).ToString(CultureInfo.InvariantCulture) : "-", .. v.Besluiten.Select(b => $"{b.Uitkomst} {b.Reden}"),
                .. v.Meldingen.Select(m => m.Split(':')[0])]))
            .ToList();
        terugvallen = verwerken.Terugvallen;
        return uit;
    }

    /// <summary>The journal, the allocations with their numbers and the counter, in a form both runs can be compared in.</summary>
    private static List<string> Toestand(TestDatabase db) =>
        [
            .. db.Lees("SELECT identificatie, afzender, status, origineel_id IS NULL, sha256 FROM journaal ORDER BY id")
                .Select(r => "journaal " + string.Join("|", r.Select(Tekst))),
            .. db.Lees("SELECT nummer, referentie, actueel FROM toewijzingen ORDER BY nummer")
                .Select(r => "toewijzing " + string.Join("|", r.Select(Tekst))),
            .. db.Lees("SELECT gemeente, laatste FROM toewijzingnummers ORDER BY gemeente")
                .Select(r => "teller " + string.Join("|", r.Select(Tekst))),
        ];

    private static string Tekst(object x) => x is byte[] b ? Convert.ToHexString(b) : Convert.ToString(x, CultureInfo.InvariantCulture) ?? "";

    /// <summary>The demo contracts and <paramref name="aantal"/> children of 0171, each in a household of their own.</summary>
    private static void Importeer(Datastore opslag, int aantal, bool teller = true)
    {
        Assert.True(opslag.ImporteerContracten(Jeugdhulp.Core.Contracten.ContractenCsv.Lees(File.ReadAllText(Path.Combine(Paden.RepoRoot, "demo", "contracten.csv"))).Waarde).IsGeldig);
        var csv = new StringBuilder("bsn,gemeente,geboortedatum,huishouden,jeugdreclassering\n");
        foreach (var bsn in Bsns(aantal).Append("100000009"))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{bsn},0171,2014-05-06,,nee\n");
        }

        Assert.True(opslag.ImporteerInwoners(InwonersCsv.Lees(csv.ToString()).Waarde).IsGeldig);

        // The counter row exists (a municipality that has handed out numbers before); without it the group inserts it.
        if (!teller)
        {
            return;
        }

        using var tx = opslag.BeginTransactie();
        tx.Uitgesteld("INSERT INTO toewijzingnummers (gemeente, laatste) VALUES ('0171', 0)").Later(tx);
        tx.Commit();
    }

    /// <summary>The first <paramref name="aantal"/> valid BSNs from 200000000 on.</summary>
    private static List<string> Bsns(int aantal) => [.. Testbsns.Vanaf(200_000_000, aantal).Select(b => b.Waarde!)];

    private static byte[] Jw315(string id, string bsn, string referentie) =>
        IjwSchrijver.Schrijf(new VerzoekOmToewijzingBericht(Berichtsoort.JW315,
            Header.Voor(Berichtsoort.JW315, Aanbieder, "0171", new BerichtIdentificatie(id, new DateOnly(2027, 3, 1))),
            new VerzoekOmToewijzingClient(bsn, new Geboortedatum(new DateOnly(2014, 5, 6), null), "1", new VerkorteNaam(new Achternaam("Vries", null), null, null), null, null,
                [new AangevraagdProduct(referentie, null, new IjwProduct("45", "45F11"), null, new DateOnly(2027, 3, 8), new DateOnly(2027, 9, 7),
                    new Omvang(1800, "01", "6"), null, new Verwijzer("02", null, "01999999"), null, null)])));

    private static byte[] Start(string id, string bsn, long nummer) =>
        IjwSchrijver.Schrijf(new StartBericht(Berichtsoort.JW305,
            Header.Voor(Berichtsoort.JW305, Aanbieder, "0171", new BerichtIdentificatie(id, new DateOnly(2027, 3, 1))),
            new StartClient(bsn, new Geboortedatum(new DateOnly(2014, 5, 6), null), "1", new VerkorteNaam(new Achternaam("Vries", null), null, null),
                [new StartProduct(nummer, new IjwProduct("45", "45F11"), null, new DateOnly(2027, 3, 1), "1")])));

    private static byte[] Stop(string id, string bsn, long nummer) =>
        IjwSchrijver.Schrijf(new StopBericht(Berichtsoort.JW307,
            Header.Voor(Berichtsoort.JW307, Aanbieder, "0171", new BerichtIdentificatie(id, new DateOnly(2027, 3, 1))),
            new StopClient(bsn, new Geboortedatum(new DateOnly(2014, 5, 6), null), "1", new VerkorteNaam(new Achternaam("Vries", null), null, null),
                [new StopProduct(nummer, new IjwProduct("45", "45F11"), null, new DateOnly(2027, 3, 1), "34", new DateOnly(2027, 3, 1), "1")])));
}
