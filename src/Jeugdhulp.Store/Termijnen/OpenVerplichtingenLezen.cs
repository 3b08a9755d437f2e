using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Core.Werkdagen;

namespace Jeugdhulp.Store.Termijnen;

/// <summary>
/// The one query behind every list of deadlines: <c>jeugdhulp termijnen</c>, the Termijnen page and its
/// export all call this, so they cannot drift apart (issue 18: the page once rebuilt the snapshot by hand
/// and lost the no-show decisions, unanswered messages and JW317 lead times).
/// </summary>
public static class OpenVerplichtingenLezen
{
    /// <summary>
    /// Every open obligation on <paramref name="vandaag"/> under the rules in force that day, overdue first;
    /// of one municipality (what it owes and what providers owe it) when <paramref name="gemeente"/> is given.
    /// </summary>
    public static IReadOnlyList<Verplichting> LeesOpenVerplichtingen(this Datastore store, Regelcatalogus catalogus, DateOnly vandaag, Gemeentecode? gemeente = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalogus);
        return TermijnenBewaken.Open(store.LeesTermijnstand(gemeente), catalogus.OpDatum(vandaag), new Werkdagenkalender(catalogus.ExtraVrijeDagen), vandaag);
    }

    /// <summary>
    /// The open obligations about one client of <paramref name="gemeente"/> (the dossier): the same computation as
    /// the list above, on a snapshot cut to that client, so the dossier and the Termijnen page cannot disagree.
    /// </summary>
    public static IReadOnlyList<Verplichting> LeesOpenVerplichtingen(this Datastore store, Regelcatalogus catalogus, DateOnly vandaag, Gemeentecode gemeente, Bsn client)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalogus);
        return [.. TermijnenBewaken.Open(store.LeesTermijnstand(gemeente, client), catalogus.OpDatum(vandaag), new Werkdagenkalender(catalogus.ExtraVrijeDagen), vandaag)
            .Where(v => v.Client == client)];
    }
}
