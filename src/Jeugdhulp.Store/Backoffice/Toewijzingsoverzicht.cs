using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Backoffice;

/// <summary>A current allocation as the minutes chart needs it.</summary>
public sealed record ToegewezenVolume(string Aanbieder, string Productcode, DateOnly Ingangsdatum, DateOnly? Einddatum, Omvang Omvang);

/// <summary>The municipality's current allocations with a volume, for allocated-versus-declared figures.</summary>
public static class Toewijzingsoverzicht
{
    /// <summary>Every current allocation of <paramref name="gemeente"/> that has an Omvang (budget-only allocations have no minutes).</summary>
    public static IReadOnlyList<ToegewezenVolume> LeesToegewezenVolumes(this Datastore store, Gemeentecode gemeente)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var sessie = store.OpenSessie();
        using var r = sessie.Commando("""
            SELECT aanbieder, productcode, ingangsdatum, einddatum, volume, eenheid, frequentie FROM toewijzingen
            WHERE gemeente = @gemeente AND actueel = 1 AND volume IS NOT NULL
            """).Met("@gemeente", gemeente.Waarde).ExecuteReader();
        var lijst = new List<ToegewezenVolume>();
        while (r.Read())
        {
            lijst.Add(new ToegewezenVolume(r.GetString(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), r.DatumOfNull(3),
                new Omvang(checked((int)r.GetInt64(4)), r.GetString(5), r.GetString(6))));
        }

        return lijst;
    }
}
