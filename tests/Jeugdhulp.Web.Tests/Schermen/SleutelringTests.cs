using Jeugdhulp.Web.Tests.Infrastructuur;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>The data protection key ring (cookie and form keys) lives in the data folder, readable by the service's user only.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SleutelringTests : IDisposable
{
    private readonly Webfabriek fabriek = new();

    public SleutelringTests() => Demodata.Laad(fabriek.Backoffice);

    public void Dispose() => fabriek.Dispose();

    [Fact]
    public async Task De_sleutelmap_en_de_sleutels_zijn_alleen_voor_de_eigenaar()
    {
        using var s = await Sessie.Ingelogd(fabriek, "nop");

        var map = Path.Combine(fabriek.DataMap, "sleutels");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(map));
        var sleutels = Directory.GetFiles(map);
        Assert.NotEmpty(sleutels);
        Assert.All(sleutels, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
    }
}
