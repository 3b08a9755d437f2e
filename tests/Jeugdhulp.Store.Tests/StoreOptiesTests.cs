using Jeugdhulp.Store.Provider;

namespace Jeugdhulp.Store.Tests;

public sealed class StoreOptiesTests : IDisposable
{
    private readonly string map = Path.Combine(Path.GetTempPath(), "jeugdhulp-store-tests", Guid.NewGuid().ToString("N"));

    private static Func<string, string?> Omgeving(params (string Naam, string Waarde)[] waarden) =>
        naam => waarden.FirstOrDefault(w => w.Naam == naam).Waarde;

    [Fact]
    public void Zonder_verbindingstekst_wordt_sqlite_in_de_datamap_gekozen()
    {
        var opties = StoreOpties.Kies(map, null, Omgeving()).Waarde;

        using var provider = opties.MaakProvider();
        var sqlite = Assert.IsType<SqliteProvider>(provider);
        Assert.Equal(Path.Combine(Path.GetFullPath(map), "jeugdhulp.db"), sqlite.Bestand);
    }

    [Fact]
    public void De_db_optie_gaat_voor_de_omgevingsvariabele()
    {
        var opties = StoreOpties.Kies(map, "Host=optie;Database=a", Omgeving((StoreOpties.DbVariabele, "Host=omgeving;Database=b"))).Waarde;
        Assert.Equal("Host=optie;Database=a", opties.Verbinding);

        var uitOmgeving = StoreOpties.Kies(map, null, Omgeving((StoreOpties.DbVariabele, "Host=omgeving;Database=b"))).Waarde;
        Assert.Equal("Host=omgeving;Database=b", uitOmgeving.Verbinding);
        using var provider = uitOmgeving.MaakProvider();
        Assert.Equal("PostgreSQL omgeving:5432/b", Assert.IsType<PostgresProvider>(provider).Beschrijving);
    }

    [Fact]
    public void Een_ongeldige_verbindingstekst_is_een_fout_zonder_wachtwoord()
    {
        var r = StoreOpties.Kies(map, "Host=x;Wachtwoord=geheim123", Omgeving());

        Assert.False(r.IsGeldig);
        var fout = Assert.Single(r.Fouten);
        Assert.Equal(("STORE-DB", "--db"), (fout.Code, fout.Plaats));
        Assert.DoesNotContain("geheim123", fout.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public void Een_onbereikbare_database_is_een_fout_geen_exceptie()
    {
        var opties = StoreOpties.Kies(map, "Host=127.0.0.1;Port=1;Username=x;Password=y;Database=z;Timeout=2", Omgeving()).Waarde;

        var r = Datastore.Open(opties);

        Assert.False(r.IsGeldig);
        Assert.Equal("STORE-VERBINDING", Assert.Single(r.Fouten).Code);
        Assert.DoesNotContain("Password=y", r.Fouten[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Een_datamap_die_een_bestand_is_is_een_fout_geen_exceptie()
    {
        Directory.CreateDirectory(map);
        var bestand = Path.Combine(map, "geen-map");
        File.WriteAllText(bestand, "");

        var r = StoreOpties.Kies(bestand, null, Omgeving());

        Assert.False(r.IsGeldig);
        Assert.Equal(("STORE-DATA", bestand), (r.Fouten[0].Code, r.Fouten[0].Plaats));
    }

    [Fact]
    public void De_auditsleutel_wordt_eenmalig_aangemaakt_alleen_leesbaar_voor_de_eigenaar_en_hergebruikt()
    {
        var eerste = StoreOpties.Kies(map, null, Omgeving()).Waarde.AuditSleutel;
        var tweede = StoreOpties.Kies(map, null, Omgeving()).Waarde.AuditSleutel;

        Assert.Equal(32, eerste.Length);
        Assert.Equal(eerste, tweede);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite,
                File.GetUnixFileMode(Path.Combine(map, StoreOpties.AuditSleutelBestand)));
        }
    }

    [Fact]
    public void Een_auditsleutel_uit_de_omgeving_gaat_voor_en_moet_lang_genoeg_zijn()
    {
        var sleutel = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var opties = StoreOpties.Kies(map, null, Omgeving((StoreOpties.AuditSleutelVariabele, Convert.ToBase64String(sleutel)))).Waarde;
        Assert.Equal(sleutel, opties.AuditSleutel);
        Assert.False(File.Exists(Path.Combine(map, StoreOpties.AuditSleutelBestand)));

        var kort = StoreOpties.Kies(map, null, Omgeving((StoreOpties.AuditSleutelVariabele, Convert.ToBase64String(sleutel[..16]))));
        Assert.Equal("STORE-AUDITSLEUTEL", Assert.Single(kort.Fouten).Code);
    }

    public void Dispose()
    {
        if (Directory.Exists(map))
        {
            Directory.Delete(map, recursive: true);
        }
    }
}
