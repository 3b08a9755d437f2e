using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Conversie;

/// <summary>A page of conversion work items and how many there are in all.</summary>
/// <param name="Stappen">The items on this page.</param>
/// <param name="Totaal">Items matching the filter.</param>
public sealed record Conversiewerkpagina(IReadOnlyList<Conversiestap> Stappen, int Totaal);

/// <summary>
/// The conversion's work items for the backoffice: per municipality, filtered on kind and status, paged with
/// LIMIT/OFFSET on the (gemeente) indexes, so a run that left thousands of items never loads them all.
/// Only masked BSNs leave here, so reading is not audited; closing an item is.
/// </summary>
public static class ConversiewerkLezen
{
    /// <summary>How many items of each kind (lichteToets, herindicatie, HK-CONV-3) are open in <paramref name="gemeente"/>.</summary>
    public static IReadOnlyDictionary<string, int> TelOpenConversiewerk(this Datastore store, Gemeentecode gemeente)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var sessie = store.OpenSessie();
        using var r = sessie.Commando("""
            SELECT werk, COUNT(*) FROM conversie_uitgevoerd WHERE gemeente = @gemeente AND status = 'open' GROUP BY werk
            """).Met("@gemeente", gemeente.Waarde).ExecuteReader();
        var tellingen = new Dictionary<string, int>(StringComparer.Ordinal);
        while (r.Read())
        {
            tellingen[r.GetString(0)] = checked((int)r.GetInt64(1));
        }

        return tellingen;
    }

    /// <summary>
    /// Page <paramref name="pagina"/> (from 1) of the items of <paramref name="gemeente"/> that are open
    /// (<paramref name="afgehandeld"/> false: nearest deadline first) or closed (latest first), of kind
    /// <paramref name="werk"/> when given.
    /// </summary>
    public static Conversiewerkpagina LeesConversiewerk(this Datastore store, Gemeentecode gemeente, string? werk, bool afgehandeld, int pagina, int perPagina)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(pagina, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perPagina, 1);
        using var sessie = store.OpenSessie();
        var filter = "gemeente = @gemeente AND status = @status" + (werk is null ? "" : " AND werk = @werk");
        var volgorde = afgehandeld ? "afgehandeld_op DESC, nummer" : "uiterlijk IS NULL, uiterlijk, nummer";
        System.Data.Common.DbCommand Met(System.Data.Common.DbCommand c)
        {
            c.Met("@gemeente", gemeente.Waarde).Met("@status", afgehandeld ? "afgehandeld" : "open");
            return werk is null ? c : c.Met("@werk", werk);
        }

        var totaal = checked((int)(Met(sessie.Commando($"SELECT COUNT(*) FROM conversie_uitgevoerd WHERE {filter}")).LeesLongOfNull() ?? 0));
        var stappen = new List<Conversiestap>();
        using var r = Met(sessie.Commando($"""
            SELECT {ConversieLezen.StapKolommen} FROM conversie_uitgevoerd WHERE {filter}
            ORDER BY {volgorde} LIMIT @aantal OFFSET @vanaf
            """)).Met("@aantal", perPagina).Met("@vanaf", (long)(pagina - 1) * perPagina).ExecuteReader();
        while (r.Read())
        {
            stappen.Add(ConversieLezen.Stap(r));
        }

        return new Conversiewerkpagina(stappen, totaal);
    }

    /// <summary>One work item (open or closed) of <paramref name="gemeente"/>; null when there is none (or it was converted without work).</summary>
    public static Conversiestap? LeesConversiewerkitem(this Datastore store, Gemeentecode gemeente, long nummer)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var sessie = store.OpenSessie();
        using var r = sessie.Commando($"""
            SELECT {ConversieLezen.StapKolommen} FROM conversie_uitgevoerd
            WHERE gemeente = @gemeente AND nummer = @nummer AND werk IS NOT NULL
            """).Met("@gemeente", gemeente.Waarde).Met("@nummer", nummer).ExecuteReader();
        return r.Read() ? ConversieLezen.Stap(r) : null;
    }
}
