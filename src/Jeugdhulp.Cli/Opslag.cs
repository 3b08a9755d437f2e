using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store;

namespace Jeugdhulp.Cli;

/// <summary>What the store commands share: opening the store (<c>--data</c>, <c>--db</c>/<c>JEUGDHULP_DB</c>) and loading the rules.</summary>
internal static class Opslag
{
    /// <summary>
    /// Opens the store. With <paramref name="vandaag"/> (<c>--today</c>) every timestamp the store writes —
    /// journal receipt, answers, audit — lies on that date, so deadlines counted from receipt follow the
    /// processing date of the run, as the rest of the run does. <paramref name="klok"/> is the real clock (null: the
    /// system's): decision times of day (Toewijzingstijd), audit, sessions.
    /// </summary>
    public static Resultaat<Datastore> Open(string data, string? db, DateOnly? vandaag = null, TimeProvider? klok = null)
    {
        var opties = StoreOpties.Kies(data, db, Environment.GetEnvironmentVariable);
        return opties.TryGet(out var o)
            ? Datastore.Open(o, vandaag is { } d ? new Jeugdhulp.Store.Verwerking.VasteKlok(d) : klok, klok)
            : Resultaat<Datastore>.Mislukt(opties.Fouten);
    }

    /// <summary>Opens the store as above, or returns null after reporting why on <paramref name="fout"/>.</summary>
    public static Datastore? Open(string opdracht, TextWriter fout, string data, string? db, DateOnly? vandaag = null, TimeProvider? klok = null)
    {
        var geopend = Open(data, db, vandaag, klok);
        if (geopend.TryGet(out var store))
        {
            return store;
        }

        Meld(opdracht, geopend.Fouten, fout);
        return null;
    }

    public static Resultaat<Regelcatalogus> Regels(string map)
    {
        var bestanden = RegelMap.Lees(map);
        return bestanden.IsGeldig ? RegelLader.Laad(bestanden.Waarde) : Resultaat<Regelcatalogus>.Mislukt(bestanden.Fouten);
    }

    /// <summary>
    /// The rule catalogue in <paramref name="map"/>, or null after saying on <paramref name="fout"/> that the
    /// rules are refused and why (each error names its file and rule).
    /// </summary>
    public static Regelcatalogus? LaadRegels(string opdracht, string map, TextWriter fout)
    {
        var catalogus = Regels(map);
        if (catalogus.TryGet(out var regels))
        {
            return regels;
        }

        fout.WriteLine($"jeugdhulp {opdracht}: de regels in {map} zijn afgekeurd:");
        Meld(opdracht, catalogus.Fouten, fout);
        return null;
    }

    /// <summary>
    /// The rules in force for a command that has a store: <paramref name="map"/> with every rule version published in
    /// the backoffice laid on top (issue 20), or null after saying why on <paramref name="fout"/>.
    /// </summary>
    public static Regelcatalogus? GeldendeRegels(string opdracht, string map, Datastore store, TextWriter fout)
    {
        var catalogus = Store.Regelversies.RegelversiesLezen.LaadGeldendeRegels(store, map);
        if (catalogus.TryGet(out var regels))
        {
            return regels;
        }

        fout.WriteLine($"jeugdhulp {opdracht}: de regels in {map} met de gepubliceerde regelversies zijn afgekeurd:");
        Meld(opdracht, catalogus.Fouten, fout);
        return null;
    }

    public static void Meld(string opdracht, IEnumerable<Fout> fouten, TextWriter fout)
    {
        foreach (var f in fouten)
        {
            fout.WriteLine($"jeugdhulp {opdracht}: {f}");
        }
    }
}
