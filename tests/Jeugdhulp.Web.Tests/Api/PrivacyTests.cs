using System.Collections.Concurrent;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Jeugdhulp.Web.Tests.Api.ApiOmgeving;

namespace Jeugdhulp.Web.Tests.Api;

public sealed class PrivacyTests
{
    [Fact]
    public async Task Geen_bsn_in_de_logregels_van_de_host()
    {
        var regels = new ConcurrentQueue<string>();
        using var omgeving = new ApiOmgeving();
        using var fabriek = omgeving.Fabriek.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(new Opnemer(regels)))));
        using var client = fabriek.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", omgeving.Token(Store.Toegang.Tokensoort.Gemeente, Noordoostpolder));

        await client.GetAsync(Pad("/api/clienten/100002183"));
        await client.GetAsync(Pad("/api/clienten/100002195"));

        Assert.NotEmpty(regels);
        var lek = regels.Where(r => r.Contains("100002183", StringComparison.Ordinal) || r.Contains("100002195", StringComparison.Ordinal)).ToList();
        Assert.True(lek.Count == 0, string.Join("\n", lek));
    }

    private sealed class Opnemer(ConcurrentQueue<string> regels) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, regels);

        public void Dispose()
        {
        }

        private sealed class Logger(string categorie, ConcurrentQueue<string> regels) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                regels.Enqueue($"{categorie}: {formatter(state, exception)} {exception}");
        }
    }
}
