using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Contracten;

/// <summary>
/// Provider names from a municipality's contracts (the optional <c>aanbiedernaam</c> column), so pages show
/// "Naam (AGB 12345678)" instead of a bare AGB code. One small read by the contracts' primary key prefix.
/// </summary>
public static class AanbiedernamenLezen
{
    /// <summary>AGB code → name for every provider <paramref name="gemeente"/> has a named contract with.</summary>
    public static IReadOnlyDictionary<string, string> LeesAanbiedernamen(this Datastore store, Gemeentecode gemeente)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var sessie = store.OpenSessie();
        // A later import may rename a provider for some products only; the newest contract's name wins.
        using var r = sessie.Commando("""
            SELECT aanbieder, aanbiedernaam FROM contracten
            WHERE gemeente = @gemeente AND aanbiedernaam IS NOT NULL
            ORDER BY aanbieder, ingangsdatum
            """).Met("@gemeente", gemeente.Waarde).ExecuteReader();
        var namen = new Dictionary<string, string>(StringComparer.Ordinal);
        while (r.Read())
        {
            namen[r.GetString(0)] = r.GetString(1);
        }

        return namen;
    }
}
