using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Audit;

/// <summary>An export of a list with client data, audited like a view: the privacy officer finds it per client.</summary>
public static class ExportAudit
{
    /// <summary>
    /// One entry per client in the file and one for the export as a whole, in one transaction: a file leaves
    /// the system only with its trace. The client entries are ONE statement, the keyed hashes and masked forms
    /// passed as two lists (a JSON array on SQLite, an array on PostgreSQL): an insert per client made the export of
    /// a municipality's 100,000 clients take seconds (issue 18), and the entries are the same rows either way.
    /// </summary>
    public static void AuditExport(this Datastore store, string wie, Gemeentecode gemeente, string actie, IEnumerable<Bsn> clienten)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clienten);
        ArgumentException.ThrowIfNullOrWhiteSpace(wie);
        ArgumentException.ThrowIfNullOrWhiteSpace(actie);
        var lijst = clienten.Distinct().ToList();
        var hashes = lijst.Select(c => Auditlog.ClientHash(store.AuditSleutel, c)).ToList();
        var maskers = lijst.Select(c => c.Gemaskeerd).ToList();
        using var tx = store.BeginTransactie();
        tx.Audit(wie, gemeente, actie, null);
        if (lijst.Count > 0)
        {
            var bron = store.Provider.Dialect == "Sqlite"
                ? "json_each(@hashes) h JOIN json_each(@maskers) m ON m.key = h.key ORDER BY h.key"
                : "unnest(@hashes, @maskers) WITH ORDINALITY AS u(h, m, n) ORDER BY n";
            var (hash, masker) = store.Provider.Dialect == "Sqlite" ? ("h.value", "m.value") : ("u.h", "u.m");
            tx.Commando($"""
                INSERT INTO auditlog (op, wie, gemeente, actie, client_hash, client_gemaskeerd)
                SELECT @op, @wie, @gemeente, @actie, {hash}, {masker} FROM {bron}
                """)
                .Met("@op", tx.EchtNu).Met("@wie", wie).Met("@gemeente", gemeente.Waarde).Met("@actie", actie)
                .MetLijst(tx, "hashes", hashes).MetLijst(tx, "maskers", maskers)
                .ExecuteNonQuery();
        }

        tx.Commit();
    }
}
