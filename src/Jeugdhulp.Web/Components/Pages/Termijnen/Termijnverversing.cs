using System.Data.Common;
using Jeugdhulp.Store.Termijnen;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jeugdhulp.Web.Components.Pages.Termijnen;

/// <summary>
/// Keeps every municipality's deadline rows (<see cref="Termijnrijen"/>) current in the background, so no page request
/// pays for a whole municipality: at start, then every minute (the marked clients, and the whole municipality once the
/// business date in Europe/Amsterdam has moved past midnight or the rules changed), and at once when a page found its
/// rows of an earlier day (<see cref="Wek"/>). The minute also bounds how late a closed deadline's closing date can be.
/// </summary>
internal sealed partial class Termijnverversing(Backoffice backoffice, ILogger<Termijnverversing> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim wekker = new(0, 1);

    /// <summary>Asks for a round now (a page was served rows of an earlier day).</summary>
    public void Wek()
    {
        if (wekker.CurrentCount == 0)
        {
            try
            {
                wekker.Release();
            }
            catch (SemaphoreFullException)
            {
                // Woken already.
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the host's start-up path: a whole municipality can take seconds.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var gemeente in backoffice.Regels.Gemeenten.Select(g => g.Code).Distinct())
            {
                if (stoppingToken.IsCancellationRequested)
                {
                    return;
                }

                try
                {
                    // A clock set back (a fixed --today) leaves rows of a later day alone: pages compute that day live.
                    if (!(backoffice.Store.BerekendVoor(gemeente) is { } berekend && backoffice.Vandaag < berekend))
                    {
                        backoffice.Store.Ververs(backoffice.Regels, backoffice.Vandaag, gemeente);
                    }
                }
                catch (Exception e) when (e is DbException or InvalidOperationException or ObjectDisposedException)
                {
                    // The next round tries again; a page still recomputes its own dirty clients.
                    LogFout(logger, gemeente.Waarde, e.GetType().Name);
                }
            }

            try
            {
                await wekker.WaitAsync(Interval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override void Dispose()
    {
        wekker.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Termijnen van gemeente {Gemeente} niet bijgewerkt ({Fout}); volgende ronde opnieuw.")]
    private static partial void LogFout(ILogger logger, string gemeente, string fout);
}
