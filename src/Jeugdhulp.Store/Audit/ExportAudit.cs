using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Audit;

/// <summary>An export of a list with client data, audited like a view: the privacy officer finds it per client.</summary>
public static class ExportAudit
{
    /// <summary>
    /// One entry per client in the file and one for the export as a whole, in one transaction: a file leaves
    /// the system only with its trace.
    /// </summary>
    public static void AuditExport(this Datastore store, string wie, Gemeentecode gemeente, string actie, IEnumerable<Bsn> clienten)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clienten);
        using var tx = store.BeginTransactie();
        tx.Audit(wie, gemeente, actie, null);
        foreach (var c in clienten.Distinct())
        {
            tx.Audit(wie, gemeente, actie, c);
        }

        tx.Commit();
    }
}
