using Jeugdhulp.Web.Schermen;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>The bound on password checks running at once.</summary>
public sealed class HashslotTests
{
    [Fact]
    public async Task Nooit_meer_controles_tegelijk_dan_de_slots_een_beperkte_wachtrij_en_daarboven_meteen_geweigerd()
    {
        using var slots = new Hashslot(gelijktijdig: 2, wachtrij: 1);
        using var los = new ManualResetEventSlim();
        var tegelijk = 0;
        var hoogste = 0;
        bool Werk()
        {
            var nu = Interlocked.Increment(ref tegelijk);
            InterlockedMax(ref hoogste, nu);
            los.Wait(TimeSpan.FromSeconds(30));
            Interlocked.Decrement(ref tegelijk);
            return true;
        }

        // Own threads, not the pool's: the checks block, and on 2 cores the pool would start the third one late.
        var lopend = Enumerable.Range(0, 3)
            .Select(_ => Task.Factory.StartNew(() => slots.Voer(Werk, CancellationToken.None), CancellationToken.None,
                TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap())
            .ToList();
        while (Volatile.Read(ref tegelijk) < 2 || slots.Bezig < 3)
        {
            await Task.Delay(10);
        }

        // Two run, the third waits: a fourth finds the queue full and is refused without running.
        var geweigerd = await slots.Voer(() => true, CancellationToken.None);
        Assert.False(geweigerd.Gedaan);

        los.Set();
        var uitkomsten = await Task.WhenAll(lopend);
        Assert.All(uitkomsten, u => Assert.True(u.Gedaan && u.Uitkomst));
        Assert.Equal(2, hoogste);
        Assert.True((await slots.Voer(() => true, CancellationToken.None)).Gedaan);
    }

    [Fact]
    public void Het_aantal_slots_is_de_helft_van_de_kernen_en_minstens_een() =>
        Assert.Equal(Math.Max(1, Environment.ProcessorCount / 2), Hashslot.Gelijktijdig);

    private static void InterlockedMax(ref int doel, int waarde)
    {
        int huidig;
        while (waarde > (huidig = Volatile.Read(ref doel)) && Interlocked.CompareExchange(ref doel, waarde, huidig) != huidig)
        {
        }
    }
}
