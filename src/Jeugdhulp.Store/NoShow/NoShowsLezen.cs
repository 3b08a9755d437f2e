using System.Data.Common;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Audit;
using Jeugdhulp.Store.Termijnen;

namespace Jeugdhulp.Store.NoShow;

/// <summary>A stored no-show report.</summary>
/// <param name="Id">Its id.</param>
/// <param name="JournaalId">The journal row of the report.</param>
/// <param name="Gemeente">The allocation's municipality.</param>
/// <param name="ToewijzingNummer">The allocation.</param>
/// <param name="Aanbieder">The reporting provider.</param>
/// <param name="Client">The client.</param>
/// <param name="Product">The product it counts on.</param>
/// <param name="Datum">The day of the missed appointment.</param>
/// <param name="GemeldOp">The day it was reported (Dutch date of the journal's receipt time).</param>
/// <param name="Geannuleerd">True when cancelled; it then no longer counts.</param>
/// <param name="Besluit">After a third no-show: "voortzetten" or "beeindigen", once decided.</param>
/// <param name="BesluitEinddatum">The new end date when the decision ended the allocation.</param>
/// <param name="Volgnummer">1, 2 or 3 within the client, product and calendar year (active reports by registration order); null when cancelled.</param>
public sealed record GeregistreerdeNoShow(
    long Id,
    long JournaalId,
    string Gemeente,
    int ToewijzingNummer,
    string Aanbieder,
    Bsn Client,
    ProductCode Product,
    DateOnly Datum,
    DateOnly GemeldOp,
    bool Geannuleerd,
    string? Besluit,
    DateOnly? BesluitEinddatum,
    int? Volgnummer = null)
{
    /// <summary>The rule-set version the report was judged on (migration 0032); null for reports from before it.</summary>
    public string? Regelversie { get; init; }
}

/// <summary>Reads no-show reports: per client (audited, for staff and the web) and the open decisions after a third.</summary>
public static class NoShowsLezen
{
    /// <summary>Decision value: the allocation continues.</summary>
    public const string Voortzetten = "voortzetten";

    /// <summary>Decision value: the allocation ends.</summary>
    public const string Beeindigen = "beeindigen";

    private const string Kolommen = """
        SELECT n.id, n.journaal_id, n.gemeente, n.nummer, n.aanbieder, n.client_bsn, n.productcode, n.datum, j.ontvangen_op,
            n.geannuleerd_op, n.besluit, n.besluit_einddatum, n.regelversie
        FROM noshows n JOIN journaal j ON j.id = n.journaal_id
        """;

    /// <summary>
    /// Every report (cancelled ones too) of <paramref name="client"/> in <paramref name="gemeente"/>, by
    /// no-show date, with its number in the year. The look is audited under <paramref name="wie"/>.
    /// </summary>
    public static IReadOnlyList<GeregistreerdeNoShow> NoShowsVan(this Datastore store, Gemeentecode gemeente, Bsn client, string wie)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(wie);
        using var tx = store.BeginTransactie();
        var lijst = Genummerd(tx, gemeente, client);
        tx.Audit(wie, gemeente, "no-shows bekeken", client);
        tx.Commit();
        return [.. lijst.OrderBy(n => n.Datum).ThenBy(n => n.Id)];
    }

    /// <summary>Every report of <paramref name="client"/> in <paramref name="gemeente"/>, numbered; not audited (the caller audits its look).</summary>
    internal static List<GeregistreerdeNoShow> Genummerd(StoreTransactie tx, Gemeentecode gemeente, Bsn client) =>
        [.. Nummeren(Lees(tx, "n.gemeente = @gemeente AND n.client_bsn = @bsn", c => c.Met("@gemeente", gemeente.Waarde).Met("@bsn", client.Waarde)))];

    /// <summary>
    /// Per client, product and calendar year with three active reports: the third, whose decision is due
    /// (HK-NS-3) or taken. Active reports are numbered in registration order. Of <paramref name="gemeente"/> only, or of
    /// every municipality when null: filtered in the query (the numbering is per municipality, so it is the same), which on
    /// PostgreSQL reads that municipality's partition alone (migration 0040).
    /// </summary>
    internal static List<GeregistreerdeNoShow> Derden(StoreTransactie tx, string? gemeente) =>
        [.. Nummeren(gemeente is null
            ? Lees(tx, "n.geannuleerd_op IS NULL", _ => { })
            : Lees(tx, "n.gemeente = @gemeente AND n.geannuleerd_op IS NULL", c => c.Met("@gemeente", gemeente))).Where(n => n.Volgnummer == 3)];

    internal static List<GeregistreerdeNoShow> Lees(StoreTransactie tx, string waar, Action<DbCommand> parameters)
    {
        var cmd = tx.Commando($"{Kolommen} WHERE {waar} ORDER BY n.id");
        parameters(cmd);
        var lijst = new List<GeregistreerdeNoShow>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            if (!Bsn.Parse(r.GetString(5)).TryGet(out var bsn) || !ProductCode.Parse(r.GetString(6)).TryGet(out var product))
            {
                continue;
            }

            lijst.Add(new GeregistreerdeNoShow(r.GetInt64(0), r.GetInt64(1), r.GetString(2), checked((int)r.GetInt64(3)), r.GetString(4), bsn, product,
                r.GetFieldValue<DateOnly>(7), Ontvangstdag.Van(r.GetFieldValue<DateTimeOffset>(8)), !r.IsDBNull(9), r.TekstOfNull(10), r.DatumOfNull(11))
            {
                Regelversie = r.TekstOfNull(12),
            });
        }

        return lijst;
    }

    /// <summary>Numbers the active reports per (municipality, client, product, year) in registration (id) order.</summary>
    private static IEnumerable<GeregistreerdeNoShow> Nummeren(List<GeregistreerdeNoShow> lijst)
    {
        var teller = new Dictionary<(string, Bsn, ProductCode, int), int>();
        foreach (var n in lijst.OrderBy(n => n.Id))
        {
            if (n.Geannuleerd)
            {
                yield return n;
                continue;
            }

            var sleutel = (n.Gemeente, n.Client, n.Product, n.Datum.Year);
            var volgnummer = teller.GetValueOrDefault(sleutel) + 1;
            teller[sleutel] = volgnummer;
            yield return n with { Volgnummer = volgnummer };
        }
    }
}
