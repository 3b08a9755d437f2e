using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Web;
using Jeugdhulp.Web.Schermen;

namespace Jeugdhulp.Cli.Tests;

/// <summary><c>jeugdhulp account</c> and the demo part of <c>jeugdhulp serve --demo</c>.</summary>
public sealed class AccountOpdrachtTests : IDisposable
{
    private readonly Pijplijn p = new();

    public void Dispose() => p.Dispose();

    private static (int Code, string Uit, string Fout) Account(string invoer, params string[] args)
    {
        using var stdin = new StringReader(invoer);
        return Pijplijn.Run(stdin, ["account", .. args]);
    }

    private Medewerker? Zoek(string gebruiker)
    {
        using var store = Opslag.Open(p.Data, null).Waarde;
        return store.ZoekMedewerker(gebruiker);
    }

    [Fact]
    public void Zonder_wachtwoord_wordt_er_een_gegenereerd_en_alleen_de_hash_bewaard()
    {
        var (code, uit, _) = Account("", "--data", p.Data, "--gemeente", "0034", "--gebruiker", "a.jansen");
        Assert.Equal(0, code);
        var wachtwoord = uit.Split('\n').Single(r => r.StartsWith("Wachtwoord: ", StringComparison.Ordinal))["Wachtwoord: ".Length..].Trim();
        Assert.Equal(20, wachtwoord.Length);
        var account = Zoek("a.jansen")!;
        Assert.Equal("0034", account.Gemeente.Waarde);
        Assert.DoesNotContain(wachtwoord, account.WachtwoordHash, StringComparison.Ordinal);
        Assert.True(Wachtwoorden.Klopt(wachtwoord, account.WachtwoordHash));
        Assert.Contains("Almere", uit, StringComparison.Ordinal);
    }

    [Fact]
    public void Wachtwoord_van_standaardinvoer_wordt_gebruikt_en_niet_getoond()
    {
        var (code, uit, _) = Account("een-heel-lang-wachtwoord\n", "--data", p.Data, "--gemeente", "0184", "--gebruiker", "urk1", "--wachtwoord-stdin");
        Assert.Equal(0, code);
        Assert.DoesNotContain("een-heel-lang-wachtwoord", uit, StringComparison.Ordinal);
        Assert.True(Wachtwoorden.Klopt("een-heel-lang-wachtwoord", Zoek("urk1")!.WachtwoordHash));

        // Again: a new password for the same account.
        Assert.Equal(0, Account("nog-een-lang-wachtwoord\n", "--data", p.Data, "--gemeente", "0184", "--gebruiker", "urk1", "--wachtwoord-stdin").Code);
        Assert.True(Wachtwoorden.Klopt("nog-een-lang-wachtwoord", Zoek("urk1")!.WachtwoordHash));
    }

    [Fact]
    public void Rol_wordt_vastgelegd_en_blijft_bij_een_nieuw_wachtwoord_zonder_rol()
    {
        Assert.Equal(0, Account("", "--data", p.Data, "--gemeente", "0184", "--gebruiker", "urk1").Code);
        Assert.Equal(Medewerkerrol.Medewerker, Zoek("urk1")!.Rol);
        var (code, uit, _) = Account("", "--data", p.Data, "--gemeente", "0184", "--gebruiker", "urk1", "--rol", "privacy");
        Assert.Equal(0, code);
        Assert.Contains("'urk1' (privacy)", uit, StringComparison.Ordinal);
        Assert.Equal(0, Account("", "--data", p.Data, "--gemeente", "0184", "--gebruiker", "urk1").Code);
        Assert.Equal(Medewerkerrol.Privacy, Zoek("urk1")!.Rol);

        var (fout, _, melding) = Account("", "--data", p.Data, "--gemeente", "0184", "--gebruiker", "urk2", "--rol", "beheerder");
        Assert.NotEqual(0, fout);
        Assert.Contains("beheerder", melding, StringComparison.Ordinal);
        Assert.Null(Zoek("urk2"));
    }

    [Fact]
    public void Te_kort_wachtwoord_wordt_geweigerd()
    {
        var (code, _, fout) = Account("kort\n", "--data", p.Data, "--gemeente", "0184", "--gebruiker", "urk1", "--wachtwoord-stdin");
        Assert.Equal(1, code);
        Assert.Contains("korter dan 12", fout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0363", 1, "hoort niet bij de regio")]
    [InlineData("abc", 2, "geen CBS-gemeentecode")]
    public void Gemeente_buiten_de_regio_of_geen_code_wordt_geweigerd(string gemeente, int verwacht, string melding)
    {
        var (code, _, fout) = Account("", "--data", p.Data, "--gemeente", gemeente, "--gebruiker", "x");
        Assert.Equal(verwacht, code);
        Assert.Contains(melding, fout, StringComparison.Ordinal);
    }

    // Slow lane: generates the demo region of `serve --demo` (README, "Tests").
    [Fact]
    [Trait("Baan", "Traag")]
    public void Serve_demo_vult_een_lege_store_eenmalig_en_maakt_per_gemeente_een_demo_account()
    {
        using var uit = new StringWriter();
        using var fout = new StringWriter();
        var regelmap = Path.Combine(Paden.RepoRoot, "rules", "flevoland");
        var regels = RegelMap.Lees(regelmap).Waarde;
        Assert.Equal(0, ServeOpdracht.VulDemo(p.Data, null, uit, fout));
        Assert.Contains("Regio gegenereerd met zaad 1: 300 cliënten, 2 maand(en)", uit.ToString(), StringComparison.Ordinal);

        using var tweede = new StringWriter();
        Assert.Equal(0, ServeOpdracht.VulDemo(p.Data, null, tweede, fout));
        Assert.Contains("bevat al gegevens", tweede.ToString(), StringComparison.Ordinal);

        using var backoffice = Backoffice.Open(new Webopties(p.Data, null, regelmap, ServeOpdracht.Demodatum), regels).Waarde;
        Assert.NotEmpty(backoffice.Store.LeesWerkvoorraad(Gemeentecode.Parse("0034").Waarde));
        using var accounts = new StringWriter();
        ServeOpdracht.Welkom(accounts, "http://127.0.0.1:5000", p.Data, backoffice.Vandaag, ServeOpdracht.MaakDemoAccounts(backoffice));
        foreach (var g in backoffice.Regels.OpDatum(backoffice.Vandaag).Gemeenten)
        {
            var gebruiker = ServeOpdracht.DemoGebruiker(g.Naam);
            var account = backoffice.Store.ZoekMedewerker(gebruiker)!;
            Assert.Equal(g.Code, account.Gemeente);
            Assert.True(Wachtwoorden.Klopt(ServeOpdracht.DemoWachtwoord(gebruiker), account.WachtwoordHash));
            Assert.Contains($"gebruiker {gebruiker}", accounts.ToString(), StringComparison.Ordinal);
        }
    }
}
