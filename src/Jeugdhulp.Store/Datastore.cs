using System.Data.Common;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Migraties;
using Jeugdhulp.Store.Provider;

namespace Jeugdhulp.Store;

/// <summary>
/// An opened, migrated store. Work happens in a <see cref="StoreSessie"/> (one connection with its
/// prepared statements) and its transactions; the use cases are extension methods per feature folder
/// (Journaal/, Outbox/, Import/ …) on <see cref="StoreTransactie"/> or on the store itself.
/// </summary>
public sealed class Datastore : IDisposable
{
    // The closed sessions kept for reuse (StoreOpties.SessiesHouden), null when sessions close with their connection.
    private readonly Stack<StoreSessie>? vrij;
    private readonly Lock vrijSlot = new();
    private bool weg;

    private Datastore(DatabaseProvider provider, TimeProvider tijd, TimeProvider klok, byte[] auditSleutel, int schemaVersie, bool sessiesHouden)
    {
        vrij = sessiesHouden ? new Stack<StoreSessie>() : null;
        Provider = provider;
        Tijd = tijd;
        Klok = klok;
        AuditSleutel = auditSleutel;
        SchemaVersie = schemaVersie;
    }

    /// <summary>The database engine behind this store.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>The schema version after migration.</summary>
    public int SchemaVersie { get; }

    /// <summary>The processing clock: fixed on <c>--today</c>. Journal receipt and answers are stamped with it (business dates).</summary>
    internal TimeProvider Tijd { get; }

    /// <summary>
    /// The real clock, also under <c>--today</c>: the audit log, accounts, sessions and API tokens record when
    /// something really happened and expire in real time.
    /// </summary>
    internal TimeProvider Klok { get; }

    internal byte[] AuditSleutel { get; }

    /// <summary>
    /// Opens the store and applies pending migrations. A database that cannot be reached or has a schema
    /// newer than this program is a coded error, not an exception. <paramref name="tijd"/> is the processing
    /// clock (<c>--today</c>), <paramref name="klok"/> the real one (default: the system clock).
    /// </summary>
    public static Resultaat<Datastore> Open(StoreOpties opties, TimeProvider? tijd = null, TimeProvider? klok = null)
    {
        ArgumentNullException.ThrowIfNull(opties);
        DatabaseProvider provider;
        try
        {
            provider = opties.MaakProvider();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Resultaat<Datastore>.Mislukt("STORE-DATA", $"De datamap is niet te gebruiken: {e.Message}", opties.DataMap);
        }

        try
        {
            var versie = Migrator.Migreer(provider, tijd ?? TimeProvider.System);
            if (!versie.TryGet(out var v))
            {
                provider.Dispose();
                return Resultaat<Datastore>.Mislukt(versie.Fouten);
            }

            Inhoud.Woordenboeken.Synchroniseer(provider, (klok ?? TimeProvider.System).GetUtcNow());

            return Resultaat<Datastore>.Ok(new Datastore(provider, tijd ?? TimeProvider.System, klok ?? TimeProvider.System, opties.AuditSleutel, v, opties.SessiesHouden));
        }
        catch (DbException e)
        {
            provider.Dispose();
            return Resultaat<Datastore>.Mislukt("STORE-VERBINDING", $"De database is niet te openen: {e.Message}", provider.Beschrijving);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or TimeoutException)
        {
            provider.Dispose();
            return Resultaat<Datastore>.Mislukt("STORE-VERBINDING", $"De database is niet te openen: {e.Message}", provider.Beschrijving);
        }
    }

    /// <summary>
    /// Opens a connection. Keep one session for a whole batch run: it caches prepared statements. With
    /// <see cref="StoreOpties.SessiesHouden"/> a session closed earlier is handed out again, its statements still compiled.
    /// </summary>
    public StoreSessie OpenSessie()
    {
        if (vrij is not null)
        {
            lock (vrijSlot)
            {
                if (vrij.TryPop(out var gehouden))
                {
                    gehouden.Gehouden = false;
                    return gehouden;
                }
            }
        }

        return new(this, Provider.OpenVerbinding());
    }

    /// <summary>
    /// Keeps <paramref name="sessie"/> (closed by its user, no transaction open) for the next <see cref="OpenSessie"/>; false
    /// when this store keeps no sessions or is disposed, and the session closes its connection.
    /// </summary>
    internal bool Houd(StoreSessie sessie)
    {
        if (vrij is null)
        {
            return false;
        }

        lock (vrijSlot)
        {
            if (weg)
            {
                return false;
            }

            sessie.Gehouden = true;
            vrij.Push(sessie);
            return true;
        }
    }

    /// <summary>A write transaction on a connection of its own, closed with the transaction.</summary>
    public StoreTransactie BeginTransactie()
    {
        var sessie = OpenSessie();
        try
        {
            return sessie.BeginTransactie(eigenSessie: true);
        }
        catch
        {
            sessie.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Makes every commit so far durable: needed only when the store was opened without
    /// <see cref="StoreOpties.DuurzaamPerCommit"/> (the demo generator at the end of its run); otherwise each commit already was.
    /// </summary>
    public void MaakDuurzaam() => Provider.MaakDuurzaam();

    /// <inheritdoc />
    public void Dispose()
    {
        if (vrij is not null)
        {
            List<StoreSessie> sluiten;
            lock (vrijSlot)
            {
                weg = true;
                sluiten = [.. vrij];
                vrij.Clear();
            }

            foreach (var s in sluiten)
            {
                s.Sluit();
            }
        }

        Provider.Dispose();
    }
}
