namespace Jeugdhulp.Store.Import;

/// <summary>
/// Gives a municipality its own partitions of the allocations and the declaration tables on PostgreSQL (migration 0036's
/// <c>gemeentepartities</c>), when its contracts or residents are imported: that is when a deployment learns that it serves
/// the municipality, before any message of it arrives, so its rows go to its own partition from the first. A row of a
/// municipality without a partition lands in the DEFAULT partition (never refused); when the partition is made later, the
/// function moves those rows into it. Inside the import's transaction: a refused import leaves no partition behind.
/// Nothing on SQLite (one file per deployment, no partitions).
/// </summary>
internal static class Gemeentepartities
{
    /// <summary>Creates the missing partitions of <paramref name="gemeenten"/>; returns how many were created.</summary>
    internal static int MaakAan(StoreTransactie tx, IEnumerable<string> gemeenten)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(gemeenten);
        if (!tx.Store.Provider.IsPostgres)
        {
            return 0;
        }

        var lijst = gemeenten.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (lijst.Length == 0)
        {
            return 0;
        }

        // One call per municipality in order: the function takes its lock and alters tables, so no outer query reads them.
        var nieuw = 0;
        foreach (var gemeente in lijst)
        {
            nieuw += Convert.ToInt32(tx.Commando("SELECT gemeentepartities(@g)").Met("@g", gemeente).ExecuteScalar(),
                System.Globalization.CultureInfo.InvariantCulture);
        }

        return nieuw;
    }
}
