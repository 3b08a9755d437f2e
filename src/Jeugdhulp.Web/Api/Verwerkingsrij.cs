using System.Threading.Channels;
using Jeugdhulp.Store.Verwerking;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jeugdhulp.Web.Api;

/// <summary>
/// The one writer of the web host. Requests put their message on a queue and wait; a single consumer takes
/// every message waiting at that moment as one batch through the real pipeline (<see cref="BerichtVerwerken"/>,
/// as <c>jeugdhulp process</c> runs it: one transaction per batch, a savepoint per message, answer files
/// after commit) and answers each request with its own report once the batch is committed. Under load the
/// batches grow by themselves (group commit: one fsync for many requests); alone, a request is a batch of one.
/// Other writes that must not interleave with the pipeline (a municipality's decision) run on the same
/// consumer, between batches.
/// </summary>
internal sealed partial class Verwerkingsrij(Backoffice backoffice, ILogger<Verwerkingsrij> logger) : BackgroundService
{
    /// <summary>Queued requests before a new one waits for room (back-pressure instead of unbounded memory).</summary>
    private const int Capaciteit = 4 * BerichtVerwerken.StandaardBatch;

    /// <summary>
    /// BerichtVerwerken reads every contract once, when it is made (the residents per group of messages, so an import of
    /// residents counts for the next batch). A new one is made when the processing date changes and at least this often,
    /// so an import of contracts while the service runs counts within a minute.
    /// </summary>
    private static readonly TimeSpan Verversing = TimeSpan.FromMinutes(1);

    private readonly Channel<Werk> rij = Channel.CreateBounded<Werk>(new BoundedChannelOptions(Capaciteit)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private BerichtVerwerken? verwerker;
    private long batches;
    private DateOnly verwerkerDatum;
    private long verwerkerGemaakt;
    private Core.Regels.Regelcatalogus? verwerkerRegels;

    /// <summary>Batches run so far (for tests: concurrent requests share a batch).</summary>
    internal long Batches => Interlocked.Read(ref batches);

    /// <summary>Requests queued and not yet taken by the writer.</summary>
    internal int Wachtend => rij.Reader.Count;

    /// <summary>Processes <paramref name="invoer"/> in the next batch; completes when that batch is committed and written.</summary>
    public async Task<Bestandsverslag> Verwerk(Invoer invoer, CancellationToken ct)
    {
        var werk = new Berichtwerk(invoer);
        await rij.Writer.WriteAsync(werk, ct).ConfigureAwait(false);
        return await werk.Klaar.Task.ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="actie"/> on the writer, between batches.</summary>
    public async Task<T> Exclusief<T>(Func<T> actie, CancellationToken ct)
    {
        var werk = new Actiewerk<T>(actie);
        await rij.Writer.WriteAsync(werk, ct).ConfigureAwait(false);
        return await werk.Klaar.Task.ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var blok = new List<Berichtwerk>(BerichtVerwerken.StandaardBatch);
        try
        {
            while (await rij.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                while (blok.Count < BerichtVerwerken.StandaardBatch && rij.Reader.TryRead(out var werk))
                {
                    if (werk is Berichtwerk b)
                    {
                        blok.Add(b);
                    }
                    else
                    {
                        VerwerkBlok(blok);
                        werk.Voer();
                    }
                }

                VerwerkBlok(blok);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            rij.Writer.TryComplete();
            foreach (var b in blok)
            {
                b.Stop();
            }

            while (rij.Reader.TryRead(out var werk))
            {
                werk.Stop();
            }
        }
    }

    private void VerwerkBlok(List<Berichtwerk> blok)
    {
        if (blok.Count == 0)
        {
            return;
        }

        var i = 0;
        Interlocked.Increment(ref batches);
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var v = Verwerker();
            foreach (var verslag in v.Verwerk(blok.Select(b => b.Invoer)))
            {
                blok[i++].Klaar.TrySetResult(verslag);
            }

            foreach (var f in v.Materialisatiefouten)
            {
                LogMaterialisatie(logger, f.Code, f.Melding);
            }

            v.Materialisatiefouten.Clear();
            var duur = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            LogBatch(logger, blok.Count, duur);
        }
#pragma warning disable CA1031 // The writer's boundary: a failing batch answers its requests with the error and the writer goes on.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            // The open batch is rolled back as a whole; nothing of it is accepted, so each request may be sent again.
            LogBatchfout(logger, blok.Count - i, e.GetType().Name);
            verwerker = null;
            for (; i < blok.Count; i++)
            {
                blok[i].Klaar.TrySetException(new OpslagFout(e));
            }
        }
        finally
        {
            blok.Clear();
        }
    }

    private BerichtVerwerken Verwerker()
    {
        var vandaag = backoffice.Vandaag;
        var nu = Environment.TickCount64;
        // A published rule version swaps the catalogue: the next batch is decided under the new one.
        if (verwerker is null || verwerkerDatum != vandaag || nu - verwerkerGemaakt > (long)Verversing.TotalMilliseconds || !ReferenceEquals(verwerkerRegels, backoffice.Regels))
        {
            verwerkerRegels = backoffice.Regels;
            verwerker = new BerichtVerwerken(backoffice.Store, verwerkerRegels, vandaag, backoffice.OutboxMap, maxBericht: backoffice.Opties.MaxBericht);
            verwerkerDatum = vandaag;
            verwerkerGemaakt = nu;
        }

        return verwerker;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Batch van {Aantal} bericht(en) verwerkt in {Ms:F1} ms")]
    private static partial void LogBatch(ILogger logger, int aantal, double ms);

    [LoggerMessage(Level = LogLevel.Error, Message = "Antwoordbestand niet geschreven ({Code}): {Melding}")]
    private static partial void LogMaterialisatie(ILogger logger, string code, string melding);

    [LoggerMessage(Level = LogLevel.Error, Message = "Batch van {Aantal} bericht(en) teruggedraaid door {Fout}; de aanvragen krijgen 503.")]
    private static partial void LogBatchfout(ILogger logger, int aantal, string fout);

    private abstract class Werk
    {
        public abstract void Voer();

        public abstract void Stop();
    }

    private sealed class Berichtwerk(Invoer invoer) : Werk
    {
        public Invoer Invoer { get; } = invoer;

        public TaskCompletionSource<Bestandsverslag> Klaar { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Voer() => throw new InvalidOperationException("Berichten gaan in een batch.");

        public override void Stop() => Klaar.TrySetException(new OpslagFout(null));
    }

    private sealed class Actiewerk<T>(Func<T> actie) : Werk
    {
        public TaskCompletionSource<T> Klaar { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Voer()
        {
            try
            {
                Klaar.TrySetResult(actie());
            }
#pragma warning disable CA1031 // Handed to the waiting request, which answers it; the writer goes on.
            catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                Klaar.TrySetException(new OpslagFout(e));
            }
        }

        public override void Stop() => Klaar.TrySetException(new OpslagFout(null));
    }
}

/// <summary>The store failed (or the service is stopping): nothing of the request was accepted; it may be sent again.</summary>
internal sealed class OpslagFout(Exception? oorzaak)
    : Exception(oorzaak is null ? "De dienst stopt; het verzoek is niet verwerkt." : $"De opslag faalde ({oorzaak.GetType().Name}); het verzoek is niet verwerkt.", oorzaak);
