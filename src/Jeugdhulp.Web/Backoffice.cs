using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Tijd;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store;
using Jeugdhulp.Store.Regelversies;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Web;

/// <summary>
/// The service's shared state, one per process: the opened store, the rules and the processing date. The
/// endpoints take what they need from here; nothing else holds a connection or a clock.
/// </summary>
public sealed class Backoffice : IDisposable
{
    private volatile Regelcatalogus regels;

    private Backoffice(Webopties opties, Datastore store, IReadOnlyList<RegelBestand> basisregels, Regelcatalogus regels, TimeProvider tijd, IReadOnlyList<System.Net.IPAddress> proxies)
    {
        Opties = opties;
        Proxies = proxies;
        Store = store;
        Basisregels = basisregels;
        this.regels = regels;
        Tijd = tijd;
    }

    /// <summary>The options the service was started with.</summary>
    public Webopties Opties { get; }

    /// <summary>Trusted reverse proxies besides loopback (<c>JEUGDHULP_PROXY</c>, <see cref="Proxykoppen"/>).</summary>
    public IReadOnlyList<System.Net.IPAddress> Proxies { get; }

    /// <summary>The opened, migrated store.</summary>
    public Datastore Store { get; }

    /// <summary>
    /// The region's rule catalogue in force: the rule folder with every published rule version laid on top (issue 20);
    /// swapped, never changed, when a version is published (<see cref="VervangRegels"/>).
    /// </summary>
    public Regelcatalogus Regels => regels;

    /// <summary>The rule folder's files as read at start: the base the rule versions are laid on.</summary>
    public IReadOnlyList<RegelBestand> Basisregels { get; }

    /// <summary>The clock: fixed on <c>--today</c>, otherwise the system clock.</summary>
    public TimeProvider Tijd { get; }

    /// <summary>Where answer files are written; null with <see cref="Webopties.ZonderBestanden"/> (answers only over the API).</summary>
    public string? OutboxMap => Opties.ZonderBestanden ? null : Path.Combine(Opties.Data, "outbox");

    /// <summary>The processing date: <c>--today</c>, or today in the Netherlands.</summary>
    public DateOnly Vandaag => Opties.Vandaag ?? Bedrijfstijd.Vandaag(Tijd);

    /// <summary>Loads the rules and opens the store; every problem is a coded error naming the file or option.</summary>
    /// <param name="opties">The settings.</param>
    /// <param name="regelbestanden">The rule files.</param>
    /// <param name="klok">The real clock (the system's when null); with <see cref="Webopties.Vandaag"/> its date is fixed.</param>
    public static Resultaat<Backoffice> Open(Webopties opties, IReadOnlyList<RegelBestand> regelbestanden, TimeProvider? klok = null)
    {
        ArgumentNullException.ThrowIfNull(opties);
        var regels = RegelLader.Laad(regelbestanden);
        if (!regels.TryGet(out var catalogus))
        {
            return Resultaat<Backoffice>.Mislukt(regels.Fouten);
        }

        var proxies = Proxykoppen.Lees(Environment.GetEnvironmentVariable(Proxykoppen.Variabele));
        if (!proxies.TryGet(out var vertrouwd))
        {
            return Resultaat<Backoffice>.Mislukt(proxies.Fouten);
        }

        var storeOpties = StoreOpties.Kies(opties.Data, opties.Db, Environment.GetEnvironmentVariable);
        if (!storeOpties.TryGet(out var so))
        {
            return Resultaat<Backoffice>.Mislukt(storeOpties.Fouten);
        }

        TimeProvider tijd = opties.Vandaag is { } d ? new VasteKlok(d) : klok ?? TimeProvider.System;
        var store = Datastore.Open(so, tijd, klok);
        if (!store.TryGet(out var s))
        {
            return Resultaat<Backoffice>.Mislukt(store.Fouten);
        }

        // The rule folder is checked alone first, so a broken folder is reported as such; then the published versions.
        var geldend = s.LaadGeldendeRegels(regelbestanden);
        if (!geldend.TryGet(out var inGebruik))
        {
            s.Dispose();
            return Resultaat<Backoffice>.Mislukt(geldend.Fouten);
        }

        return Resultaat<Backoffice>.Ok(new Backoffice(opties, s, regelbestanden, inGebruik, tijd, vertrouwd));
    }

    /// <summary>Swaps the rule set in force after a publication (called from the single writer).</summary>
    internal void VervangRegels(Regelcatalogus nieuw) => regels = nieuw;

    /// <inheritdoc />
    public void Dispose() => Store.Dispose();
}
