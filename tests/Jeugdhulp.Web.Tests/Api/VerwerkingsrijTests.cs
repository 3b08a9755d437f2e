using Jeugdhulp.Store.Verwerking;
using Jeugdhulp.Web.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Jeugdhulp.Web.Tests.Api;

public sealed class VerwerkingsrijTests
{
    [Fact]
    public async Task Wachtende_berichten_gaan_samen_in_een_batch_en_elk_krijgt_zijn_eigen_verslag()
    {
        using var omgeving = new ApiOmgeving();
        _ = omgeving.Fabriek.Server; // start the host and its writer
        var rij = omgeving.Fabriek.Services.GetRequiredService<Verwerkingsrij>();
        using var poort = new ManualResetEventSlim();

        // Hold the writer, queue ten messages behind it, then let go: they are one batch.
        var bezet = rij.Exclusief(() => poort.Wait(TimeSpan.FromSeconds(30)), CancellationToken.None);
        var taken = Enumerable.Range(1, 10).Select(i => rij.Verwerk(new Invoer($"{i}", ApiOmgeving.Variant(i)), CancellationToken.None)).ToList();
        while (rij.Wachtend < 10)
        {
            await Task.Delay(10);
        }

        var voor = rij.Batches;
        poort.Set();
        Assert.True(await bezet);
        var verslagen = await Task.WhenAll(taken);

        Assert.Equal(voor + 1, rij.Batches);
        for (var i = 1; i <= 10; i++)
        {
            Assert.Equal($"{i}", verslagen[i - 1].Bestand);
            Assert.Equal($"T{i}-001", verslagen[i - 1].Identificatie);
        }

        // In order, as in 'process': the first request for this client and product is approved, the later
        // ones for the same period are not (the first is already allocated).
        Assert.Equal(Uitkomsten.Approved, verslagen[0].Uitkomst);
        Assert.All(verslagen.Skip(1), v => Assert.Equal(Uitkomsten.Rejected, v.Uitkomst));
    }

    [Fact]
    public async Task Een_fout_in_een_exclusieve_actie_gaat_naar_de_aanvrager_en_de_schrijver_gaat_door()
    {
        using var omgeving = new ApiOmgeving();
        _ = omgeving.Fabriek.Server;
        var rij = omgeving.Fabriek.Services.GetRequiredService<Verwerkingsrij>();

        await Assert.ThrowsAsync<OpslagFout>(() => rij.Exclusief<int>(() => throw new InvalidOperationException("kapot"), CancellationToken.None));

        var verslag = await rij.Verwerk(new Invoer("na", ApiOmgeving.Variant(1)), CancellationToken.None);
        Assert.Equal(Uitkomsten.Approved, verslag.Uitkomst);
    }
}
