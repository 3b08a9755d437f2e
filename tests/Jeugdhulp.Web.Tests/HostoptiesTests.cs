using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Web.Tests.Infrastructuur;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jeugdhulp.Web.Tests;

/// <summary>The host's settings: bound from configuration (section Jeugdhulp) and checked when the host starts.</summary>
public sealed class HostoptiesTests
{
    private static readonly string Regels = Path.Combine(Paden.RepoRoot, "rules", "flevoland");

    /// <summary>Starts Program with only <paramref name="instellingen"/> (and no file watching); the failure that stopped the start.</summary>
    private static string Startfout(params (string Sleutel, string Waarde)[] instellingen)
    {
        using var fabriek = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("hostBuilder:reloadConfigOnChange", "false");
            foreach (var (sleutel, waarde) in instellingen)
            {
                b.UseSetting(sleutel, waarde);
            }
        });
        var fout = Record.Exception(() => fabriek.CreateClient());
        for (var e = fout; e is not null; e = e.InnerException)
        {
            if (e is OptionsValidationException o)
            {
                return string.Join("\n", o.Failures);
            }
        }

        throw new Xunit.Sdk.XunitException($"de host startte, of faalde zonder OptionsValidationException: {fout}");
    }

    [Fact]
    public void Zonder_datamap_start_de_host_niet_en_noemt_de_instelling()
    {
        Assert.Contains("Jeugdhulp:Data", Startfout(("Jeugdhulp:Regels", Regels)), StringComparison.Ordinal);
    }

    [Fact]
    public void Een_te_groot_bericht_limiet_wordt_bij_de_start_geweigerd()
    {
        var data = Directory.CreateTempSubdirectory("jeugdhulp-opties-").FullName;
        try
        {
            Assert.Contains("Jeugdhulp:MaxBerichtMb", Startfout(("Jeugdhulp:Data", data), ("Jeugdhulp:Regels", Regels), ("Jeugdhulp:MaxBerichtMb", "4096")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void Afgekeurde_regels_stoppen_de_start_met_bestand_en_regel()
    {
        var map = Directory.CreateTempSubdirectory("jeugdhulp-opties-").FullName;
        try
        {
            var regels = Path.Combine(map, "regels");
            Directory.CreateDirectory(regels);
            foreach (var bestand in Directory.GetFiles(Regels, "*.json").Where(f => !f.EndsWith("vrije-dagen.json", StringComparison.Ordinal)))
            {
                File.Copy(bestand, Path.Combine(regels, Path.GetFileName(bestand)));
            }

            var fout = Startfout(("Jeugdhulp:Data", Path.Combine(map, "data")), ("Jeugdhulp:Regels", regels));

            Assert.Contains("Jeugdhulp:Regels", fout, StringComparison.Ordinal);
            Assert.Contains("vrije-dagen.json", fout, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(map, "data")));
        }
        finally
        {
            Directory.Delete(map, recursive: true);
        }
    }

    [Fact]
    public void De_instellingen_komen_uit_de_configuratie_van_de_host()
    {
        using var fabriek = new Webfabriek(new DateOnly(2027, 4, 1), zonderBestanden: true, maxBericht: 3 * Ijw.Lezen.Berichtgrootte.Mb);

        var opties = fabriek.Services.GetRequiredService<IOptions<Hostopties>>().Value;

        Assert.Equal(fabriek.DataMap, opties.Data);
        Assert.Equal(new DateOnly(2027, 4, 1), fabriek.Backoffice.Vandaag);
        Assert.True(fabriek.Backoffice.Opties.ZonderBestanden);
        Assert.Equal(3 * Ijw.Lezen.Berichtgrootte.Mb, fabriek.Backoffice.Opties.MaxBericht);
    }

    /// <summary>Each test host watching appsettings.json would take one of the machine's 128 inotify instances.</summary>
    [Fact]
    public void De_testhost_bewaakt_geen_instellingenbestanden()
    {
        using var fabriek = new Webfabriek();

        var configuratie = (IConfigurationRoot)fabriek.Services.GetRequiredService<IConfiguration>();

        var json = configuratie.Providers.OfType<JsonConfigurationProvider>().ToList();
        Assert.NotEmpty(json);
        Assert.All(json, p => Assert.False(p.Source.ReloadOnChange, p.Source.Path));
    }
}
