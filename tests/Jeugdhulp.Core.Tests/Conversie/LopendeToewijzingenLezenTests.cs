using Jeugdhulp.Core.Conversie;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Tests.Regels;

namespace Jeugdhulp.Core.Tests.Conversie;

/// <summary>The previous system's export: every line checked, a bad line named by line, column and reason, nothing half-read.</summary>
public class LopendeToewijzingenLezenTests
{
    private static readonly Regelcatalogus Regels = RegelLader.Laad(RegelData.Flevoland()).Waarde;
    private static readonly HashSet<string> Aanbieders = ["02345678", "01234567", "04567890"];
    private const string Goed = "0034,500001,200000007,2015-04-02,1,Jansen,,P,02345678,45A01,2026-03-01,2027-02-28,3,04,2";

    private static string Bestand(params string[] regels) => LopendeToewijzingenLezen.Kop + "\n" + string.Join("\n", regels) + "\n";

    [Fact]
    public void Het_demobestand_wordt_helemaal_gelezen()
    {
        var tekst = File.ReadAllText(Path.Combine(RegelData.RepoRoot, "demo", "lopende-toewijzingen.csv"));

        var r = LopendeToewijzingenLezen.Lees(tekst, "lopende-toewijzingen.csv", Regels, Aanbieders);

        Assert.True(r.IsGeldig, string.Join("; ", r.Fouten));
        Assert.Equal(11, r.Waarde.Count);
        var eerste = r.Waarde[0];
        Assert.Equal((2, "0034", 500001L, "45A01", (DateOnly?)new DateOnly(2027, 2, 28)), (eerste.Regel, eerste.Gemeente.Waarde, eerste.Nummer, eerste.Product.Waarde, eerste.Periode.Eind));
    }

    public sealed record Geval(string Oud, string Nieuw, string Code, string Kolom, string Melding)
    {
        public override string ToString() => $"{Kolom}: {Melding}";
    }

    public static TheoryData<Geval> Gevallen => new()
    {
        new("200000007", "200000008", "CS002", "bsn", "11-proef"),
        new("0034,", "0050,", "GEMEENTE", "gemeente", "staat niet in de regels"),
        new("02345678", "09999999", "AGB", "aanbieder", "aanbieder 09999999 is onbekend"),
        new("2026-03-01", "2026-02-30", "CSV-DATUM", "ingangsdatum", "'2026-02-30' is geen datum"),
        new("2027-02-28", "2025-02-28", "CS003", "einddatum", ""),
        new(",3,04,2", ",0,04,2", "CSV-VOLUME", "volume", "'0' is geen volume"),
        new(",3,04,2", ",3,99,2", "CSV-CODE", "eenheid", "'99' is geen iJw-eenheid"),
        new("45A01", "ZZ001", "PRODUCTCODE", "productcode", "begint niet met een iJw-productcategorie"),
    };

    [Theory]
    [MemberData(nameof(Gevallen))]
    public void Een_foute_regel_weigert_het_bestand_met_regel_kolom_en_reden(Geval geval)
    {
        var fout = Goed.Replace(geval.Oud, geval.Nieuw, StringComparison.Ordinal);
        var tweede = "0034,500002,200000056,2013-08-19,2,Visser,de,A,02345678,45A01,2026-05-01,2027-04-30,6,04,2";

        var r = LopendeToewijzingenLezen.Lees(Bestand(tweede, fout), "oud.csv", Regels, Aanbieders);

        Assert.False(r.IsGeldig);
        var f = Assert.Single(r.Fouten);
        Assert.Equal(geval.Code, f.Code);
        Assert.Equal($"oud.csv: regel 3, kolom {geval.Kolom}", f.Plaats);
        Assert.Contains(geval.Melding, f.Melding, StringComparison.Ordinal);
        Assert.DoesNotContain("20000000", f.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Een_nummer_twee_keer_voor_een_gemeente_noemt_de_eerdere_regel()
    {
        var r = LopendeToewijzingenLezen.Lees(Bestand(Goed, Goed), "oud.csv", Regels, Aanbieders);

        var f = Assert.Single(r.Fouten);
        Assert.Equal(("CSV-DUBBEL", "oud.csv: regel 3, kolom nummer"), (f.Code, f.Plaats));
        Assert.Contains("al op regel 2", f.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public void Een_andere_kopregel_wordt_geweigerd()
    {
        var r = LopendeToewijzingenLezen.Lees("bsn,gemeente\n" + Goed, "oud.csv", Regels, Aanbieders);

        Assert.Equal("CSV-KOP", Assert.Single(r.Fouten).Code);
    }
}
