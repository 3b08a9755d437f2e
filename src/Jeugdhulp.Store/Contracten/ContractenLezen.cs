using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Contracten;

/// <summary>Loads a municipality's contracts for the decision engine.</summary>
public static class ContractenLezen
{
    /// <summary>Every contract of <paramref name="gemeente"/>, ordered by provider, product and start.</summary>
    public static IReadOnlyList<Contract> Contracten(this Datastore store, Gemeentecode gemeente)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var sessie = store.OpenSessie();
        using var r = sessie.Commando("""
            SELECT aanbieder, productcode, ingangsdatum, einddatum, tarief_cent, aanbiedernaam FROM contracten
            WHERE gemeente = @gemeente
            ORDER BY aanbieder, productcode, ingangsdatum
            """).Met("@gemeente", gemeente.Waarde).ExecuteReader();
        var lijst = new List<Contract>();
        while (r.Read())
        {
            // Stored values were valid when imported; a failing parse here means a damaged database (a bug).
            lijst.Add(new Contract(
                gemeente,
                AgbCode.Parse(r.GetString(0)).Waarde,
                ProductCode.Parse(r.GetString(1)).Waarde,
                Periode.Maak(r.GetFieldValue<DateOnly>(2), r.DatumOfNull(3)).Waarde,
                r.GetInt64(4)) { Aanbiedernaam = r.TekstOfNull(5) });
        }

        return lijst;
    }
}
