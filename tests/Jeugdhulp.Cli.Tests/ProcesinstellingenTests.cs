using System.Text.Json;

namespace Jeugdhulp.Cli.Tests;

/// <summary>Settings of the CLI's process (its runtimeconfig.json) that the pipeline's and the what-if replay's figures depend on.</summary>
public sealed class ProcesinstellingenTests
{
    [Fact]
    public void De_wachtende_draden_van_de_threadpool_spinnen_niet()
    {
        // Spinning idle workers were about a third of the CPU per message on PostgreSQL (bench/RESULTS.md, session 8).
        Assert.Equal("0", Eigenschap("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").ToString());
    }

    [Fact]
    public void De_CLI_gebruikt_de_server_GC()
    {
        // The what-if replay's steady rate rose from a median ~20,600 to ~24,700 decisions/s with it (bench/RESULTS.md, session 9).
        Assert.True(Eigenschap("System.GC.Server").GetBoolean());
    }

    private static JsonElement Eigenschap(string naam)
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "jeugdhulp.runtimeconfig.json")));
        return config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty(naam).Clone();
    }
}
