using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Audit;

namespace Jeugdhulp.Store.Inwoners;

/// <summary>
/// Residents for one municipality. A municipality sees only its own residents: every query here is
/// filtered on the gemeente, and a staff member's look at a client is written to the audit log in the
/// same transaction.
/// </summary>
public static class InwonersLezen
{
    private const string Kolommen = "bsn, gemeente, geboortedatum, huishouden, jeugdreclassering";

    /// <summary>The register of <paramref name="gemeente"/>'s residents, for the decision engine (no audit: no person looks).</summary>
    public static IInwonersBron InwonersVan(this Datastore store, Gemeentecode gemeente)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var sessie = store.OpenSessie();
        using var r = sessie.Commando($"SELECT {Kolommen} FROM inwoners WHERE gemeente = @gemeente")
            .Met("@gemeente", gemeente.Waarde).ExecuteReader();
        var lijst = new List<Inwoner>();
        while (r.Read())
        {
            lijst.Add(Lees(r));
        }

        return new Inwonersregister(lijst);
    }

    /// <summary>
    /// A staff member of <paramref name="gemeente"/> looks up a client. The look is audited whether or not
    /// the client is found; a resident of another municipality is not shown (null).
    /// </summary>
    public static Inwoner? BekijkInwoner(this Datastore store, string medewerker, Gemeentecode gemeente, Bsn bsn)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(medewerker);
        using var tx = store.BeginTransactie();
        Inwoner? inwoner = null;
        using (var r = tx.Commando($"SELECT {Kolommen} FROM inwoners WHERE bsn = @bsn AND gemeente = @gemeente")
            .Met("@bsn", bsn.Waarde).Met("@gemeente", gemeente.Waarde).ExecuteReader())
        {
            if (r.Read())
            {
                inwoner = Lees(r);
            }
        }

        tx.Audit(medewerker, gemeente, inwoner is null ? "inwoner gezocht, niet gevonden" : "inwoner bekeken", bsn);
        tx.Commit();
        return inwoner;
    }

    private static Inwoner Lees(System.Data.Common.DbDataReader r) => new(
        Bsn.Parse(r.GetString(0)).Waarde,
        Gemeentecode.Parse(r.GetString(1)).Waarde,
        r.GetFieldValue<DateOnly>(2),
        r.TekstOfNull(3),
        r.GetBoolean(4));
}
