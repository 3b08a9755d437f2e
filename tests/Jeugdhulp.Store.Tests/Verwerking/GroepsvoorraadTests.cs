using System.Globalization;
using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Contracten;
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
/// The client states read once per group (<see cref="Groepsvoorraad"/>, PostgreSQL): a group must decide exactly as the
/// same messages decided one at a time, also when a message depends on what an earlier one of the group stored — a
/// family product and its dummy across the members of a household, the same client twice, a JW317 in between. On SQLite
/// (nothing read ahead) the same test holds the baseline.
/// </summary>
public abstract class GroepsvoorraadTests(Func<TestDatabase> maak) : StoreTestBasis(maak())
{
    public sealed class Sqlite() : GroepsvoorraadTests(() => new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : GroepsvoorraadTests(() => new PostgresTestDatabase());

    private readonly Func<TestDatabase> maak = maak;

    private const string Aanbieder = "01234567";
    private static readonly DateOnly Vandaag = new(2027, 3, 2);

    [StoreFact]
    public void Een_groep_beslist_als_dezelfde_berichten_een_voor_een()
    {
        var eenVoorEen = AlsEenVoorEen(Berichten(i => i.Gemeente.Waarde == "0171"));

        // The messages do depend on each other: not everything gets the same answer.
        Assert.Contains(eenVoorEen, v => v.StartsWith(Uitkomsten.Approved, StringComparison.Ordinal));
        Assert.True(eenVoorEen.Select(v => v.Split('|')[0]).Distinct(StringComparer.Ordinal).Count() >= 2, string.Join("\n", eenVoorEen));
    }

    /// <summary>
    /// A group spread over the region's five municipalities (each demo household's members to their own municipality): on
    /// PostgreSQL each municipality's state read names it as a literal (one prepared text per municipality), and the group
    /// must still decide exactly as one by one — each client's state from its own municipality only (0171 and 0184 have the
    /// provider's contracts, the others refuse). The read over more than eight municipalities at once: GemeentepartitiesTests.
    /// </summary>
    [StoreFact]
    public void Een_groep_over_gemeenten_beslist_als_dezelfde_berichten_een_voor_een()
    {
        var eenVoorEen = AlsEenVoorEen(Berichten(_ => true));
        Assert.Equal(5, Db.Lees("SELECT DISTINCT gemeente FROM verzoeken").Count);
        Assert.Contains(eenVoorEen, v => v.StartsWith(Uitkomsten.Approved, StringComparison.Ordinal));
        Assert.Contains(eenVoorEen, v => v.StartsWith(Uitkomsten.Rejected, StringComparison.Ordinal));
    }

    /// <summary>
    /// Processes <paramref name="berichten"/> in groups of 100 in <see cref="StoreTestBasis.Opslag"/> and one by one in a
    /// second database (both with the demo region), asserts the same decisions and request lines, and gives them.
    /// </summary>
    private List<string> AlsEenVoorEen(List<byte[]> berichten)
    {
        ImporteerDemo();
        using var los = maak();
        using var losOpslag = Datastore.Open(los.Opties).Waarde;
        Assert.True(losOpslag.ImporteerContracten(ContractenCsv.Lees(File.ReadAllText(Path.Combine(Paden.RepoRoot, "demo", "contracten.csv"))).Waarde).IsGeldig);
        Assert.True(losOpslag.ImporteerInwoners(InwonersCsv.Lees(File.ReadAllText(Path.Combine(Paden.RepoRoot, "demo", "inwoners.csv"))).Waarde).IsGeldig);

        var groep = Verwerk(Opslag, berichten, batch: 100);
        var eenVoorEen = Verwerk(losOpslag, berichten, batch: 1);

        Assert.Equal(eenVoorEen, groep);
        Assert.Equal(Verzoeken(los), Verzoeken(Db));
        return eenVoorEen;
    }

    /// <summary>
    /// Per member of the demo households <paramref name="welke"/> selects (each message to the member's municipality): the family product 45F23, its dummy 45F24 and 45F11, then the first
    /// client's 45F11 again (an overlap), a JW317 of the first client, and once more a family product in the household.
    /// </summary>
    private static List<byte[]> Berichten(Func<Inwoner, bool> welke)
    {
        var leden = InwonersCsv.Lees(File.ReadAllText(Path.Combine(Paden.RepoRoot, "demo", "inwoners.csv"))).Waarde
            .Where(i => welke(i) && i.Huishouden is not null && i.Geboortedatum.Year >= 2005).ToList();
        var lijst = new List<byte[]>();
        var n = 0;
        foreach (var code in new[] { "45F23", "45F24", "45F11" })
        {
            foreach (var i in leden)
            {
                n++;
                lijst.Add(Jw315($"G{n}", i.Bsn.Waarde!, i.Geboortedatum, $"R{n}", code, code == "45F24" ? 1 : 1800, i.Gemeente.Waarde));
            }
        }

        var eerste = leden[0];
        lijst.Add(Jw315("G-OVERLAP", eerste.Bsn.Waarde!, eerste.Geboortedatum, "R-OVERLAP", "45F11", 1800, eerste.Gemeente.Waarde));
        lijst.Add(IjwSchrijver.Schrijf(new VerzoekOmWijzigingBericht(Berichtsoort.JW317,
            Header.Voor(Berichtsoort.JW317, Aanbieder, eerste.Gemeente.Waarde, new BerichtIdentificatie("G-W1", new DateOnly(2027, 3, 1))),
            new VerzoekOmWijzigingClient(eerste.Bsn.Waarde!, new Verzoek("R-W", "1", [],
                [new TeWijzigenProduct(1, new DateOnly(2027, 3, 8), new DateOnly(2027, 10, 31), null, null)], [])))));
        lijst.Add(Jw315("G-NA", leden[1].Bsn.Waarde!, leden[1].Geboortedatum, "R-NA", "45F23", 1800, leden[1].Gemeente.Waarde));
        return lijst;
    }

    private static byte[] Jw315(string id, string bsn, DateOnly geboren, string referentie, string code, int volume, string gemeente) =>
        IjwSchrijver.Schrijf(new VerzoekOmToewijzingBericht(Berichtsoort.JW315,
            Header.Voor(Berichtsoort.JW315, Aanbieder, gemeente, new BerichtIdentificatie(id, new DateOnly(2027, 3, 1))),
            new VerzoekOmToewijzingClient(bsn, new Geboortedatum(geboren, null), "1", new VerkorteNaam(new Achternaam("Vries", null), null, null), null, null,
                [new AangevraagdProduct(referentie, null, new IjwProduct("45", code), null, new DateOnly(2027, 3, 8), new DateOnly(2027, 9, 7),
                    new Omvang(volume, "01", "6"), null, new Verwijzer("02", null, "01999999"), null, null)])));

    /// <summary>Each message's outcome and decisions (outcome, reason, rules) as one line.</summary>
    private static List<string> Verwerk(Datastore opslag, List<byte[]> berichten, int batch) =>
        [.. new BerichtVerwerken(opslag, Flevoland, Vandaag, outboxMap: null, batch: batch)
            .Verwerk(berichten.Select((b, i) => new Invoer($"{i}.xml", b)))
            .Select(v => string.Join("|", [v.Uitkomst, .. v.Besluiten.Select(b => $"{b.Uitkomst} {b.Reden} {string.Join(",", b.Regels)}")]))];

    private static List<string> Verzoeken(TestDatabase db) =>
        [.. db.Lees("SELECT referentie, status, uitkomst, reden, regels, toelichting FROM verzoeken ORDER BY id")
            .Select(r => string.Join("|", r.Select(x => Convert.ToString(x, CultureInfo.InvariantCulture))))];
}
