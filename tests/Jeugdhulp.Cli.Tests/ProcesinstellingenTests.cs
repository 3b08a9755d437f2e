using System.Text.Json;

namespace Jeugdhulp.Cli.Tests;

/// <summary>Settings of the CLI's process (its runtimeconfig.json) that the pipeline's figures depend on.</summary>
public sealed class ProcesinstellingenTests
{
    [Fact]
    public void De_wachtende_draden_van_de_threadpool_spinnen_niet()
    {
        // Spinning idle workers were about a third of the CPU per message on PostgreSQL (bench/RESULTS.md, session 8).
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "jeugdhulp.runtimeconfig.json")));
        var eigenschappen = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.Equal("0", eigenschappen.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").ToString());
    }
}
