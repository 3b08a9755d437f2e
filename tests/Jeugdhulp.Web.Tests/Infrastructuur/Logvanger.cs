using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Jeugdhulp.Web.Tests.Infrastructuur;

/// <summary>Collects every formatted log line of the host, to check that no BSN is logged in clear text.</summary>
internal sealed class Logvanger : ILoggerProvider
{
    public ConcurrentQueue<string> Regels { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(Logvanger vanger, string categorie) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            vanger.Regels.Enqueue($"{logLevel} {categorie}: {formatter(state, exception)} {exception}");
    }
}
