using Jeugdhulp.Core.Teksten;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Bevindingen;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Tests.Bevindingen;

/// <summary>A declaration's reasons to refuse stored with its JW325 as data, read per gemeente and per rule, on both databases.</summary>
public abstract class DeclaratiebevindingenLezenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : DeclaratiebevindingenLezenTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : DeclaratiebevindingenLezenTests(new PostgresTestDatabase());

    private static readonly DateOnly Vandaag = new(2027, 3, 5);

    /// <summary>
    /// The demo, then the shared example JW323 (declared on ToewijzingNummer 100001, never allocated: TR338, 9338)
    /// to 0171, and the same declaration sent to 0184 as a message of its own.
    /// </summary>
    private void MetDeclaraties()
    {
        ImporteerDemo();
        var demo = Directory.GetFiles(Path.Combine(Paden.RepoRoot, "demo", "berichten"), "*.xml").Order(StringComparer.Ordinal);
        Verwerk(Vandaag, demo);
        var voorbeeld = Path.Combine(Paden.VoorbeeldenMap, "jw323-maand.xml");
        var urk = Path.Combine(Db.DataMap, "jw323-urk.xml");
        File.WriteAllText(urk, File.ReadAllText(voorbeeld)
            .Replace("<Ontvanger>0171</Ontvanger>", "<Ontvanger>0184</Ontvanger>", StringComparison.Ordinal)
            .Replace("DECL-0001", "DECL-0002", StringComparison.Ordinal));
        Verwerk(new DateOnly(2027, 4, 10), [voorbeeld, urk]);
    }

    private void Verwerk(DateOnly dag, IEnumerable<string> bestanden) =>
        _ = new BerichtVerwerken(Opslag, Flevoland, dag, Path.Combine(Db.DataMap, "outbox"))
            .Verwerk(bestanden.Select(p => new Invoer(p, File.ReadAllBytes(p)))).ToList();

    [StoreFact]
    public void Een_afgewezen_prestatie_bewaart_regel_code_retourcode_en_parameters_bij_de_declaratie()
    {
        MetDeclaraties();
        var regel = Assert.Single(Opslag.LeesDeclaratieregels(Gemeente("0171")), r => r.ToewijzingNummer == 100001);

        var bevindingen = Opslag.LeesDeclaratiebevindingen(Gemeente("0171"));

        var b = Assert.Single(bevindingen, b => b.JournaalId == regel.JournaalId && b.ReferentieNummer == regel.ReferentieNummer);
        Assert.Equal(("afkeur", "TR338", "geen-toewijzing", "9338"), (b.Soort, b.RegelId, b.Code, b.RetourCode));
        Assert.Equal(("nummer", "100001"), (Assert.Single(b.Parameters).Naam, b.Parameters[0].Waarde));
        Assert.Equal(Tekst.Bevinding("TR338", "geen-toewijzing", b.Parameters), b.Tekst);
        // The stored findings give the same retour codes as the JW325.
        Assert.Equal(regel.RetourCodes, bevindingen.Where(x => x.JournaalId == regel.JournaalId && x.ReferentieNummer == regel.ReferentieNummer)
            .Select(x => x.RetourCode).Distinct());
    }

    [StoreFact]
    public void Filteren_op_regel_geeft_alleen_die_regel_en_alleen_van_de_eigen_gemeente()
    {
        MetDeclaraties();
        var almere = Opslag.LeesDeclaratiebevindingen(Gemeente("0171"), "TR338");
        var urk = Opslag.LeesDeclaratiebevindingen(Gemeente("0184"), "TR338");

        Assert.NotEmpty(almere);
        Assert.NotEmpty(urk);
        Assert.All(almere.Concat(urk), b => Assert.Equal("TR338", b.RegelId));
        var journaalAlmere = Opslag.LeesDeclaratieregels(Gemeente("0171")).Select(r => r.JournaalId).ToHashSet();
        var journaalUrk = Opslag.LeesDeclaratieregels(Gemeente("0184")).Select(r => r.JournaalId).ToHashSet();
        Assert.All(almere, b => Assert.Contains(b.JournaalId, journaalAlmere));
        Assert.All(urk, b => Assert.Contains(b.JournaalId, journaalUrk));
        Assert.Empty(Opslag.LeesDeclaratiebevindingen(Gemeente("0171"), "HK-323-8"));
        Assert.Empty(Opslag.LeesDeclaratiebevindingen(Gemeente("0303"), "TR338"));
    }
}
