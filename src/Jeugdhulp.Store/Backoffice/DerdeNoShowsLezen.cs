using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.NoShow;

namespace Jeugdhulp.Store.Backoffice;

/// <summary>The third no-shows of one municipality (HK-NS-3), for the no-show decision page.</summary>
public static class DerdeNoShowsLezen
{
    /// <summary>Every third no-show of <paramref name="gemeente"/>, open decisions first, then by report date.</summary>
    public static IReadOnlyList<GeregistreerdeNoShow> DerdeNoShows(this Datastore store, Gemeentecode gemeente)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var tx = store.BeginTransactie();
        var lijst = NoShowsLezen.Derden(tx, gemeente.Waarde)
            .OrderBy(n => n.Besluit is not null).ThenBy(n => n.GemeldOp).ThenBy(n => n.Id).ToList();
        tx.Commit();
        return lijst;
    }
}
