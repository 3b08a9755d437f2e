using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Backoffice;

/// <summary>
/// A 24-hour care record of the client as the dossier's timeline shows it (HK-24): a placement or crisis, a meerzorg
/// request (and its decision), a moeder-kindtoeslag on the child.
/// </summary>
/// <param name="Soort">"plaatsing", "meerzorg" or "moederkind" (the record page's path is its plural).</param>
/// <param name="Referentie">The municipality's reference of the record.</param>
/// <param name="Product">The 24-hour product (placement) or the ZZP (meerzorg); null for a moeder-kindtoeslag.</param>
/// <param name="Van">First day (placement: ingang).</param>
/// <param name="Tot">Last day, when known.</param>
/// <param name="Uitkomst">Placement: its route; meerzorg: the decision once taken; moeder-kindtoeslag: the amount in euro once set.</param>
/// <param name="Regels">The rule ids of the last check, comma separated.</param>
/// <param name="Door">Who recorded it last.</param>
/// <param name="Op">When it was recorded last.</param>
/// <param name="Regelversie">The rule-set version of that check (migration 0032); null for records from before it.</param>
public sealed record DossierVerblijf(
    string Soort, string Referentie, string? Product, DateOnly Van, DateOnly? Tot, string? Uitkomst, string Regels, string Door, DateTimeOffset Op,
    string? Regelversie);

/// <summary>The client's 24-hour care records for the dossier (issue 20, item 3: with the rule-set version each check used).</summary>
public static class DossierVerblijfLezen
{
    // Placements by verblijf_plaatsingen_client (migration 0012); meerzorg and moeder-kindtoeslag are few per municipality.
    private const string Query = """
        SELECT 'plaatsing', referentie, productcode, ingang, einde, route, regels, door, op, regelversie
        FROM verblijf_plaatsingen WHERE gemeente = @gemeente AND client_bsn = @bsn;
        SELECT 'meerzorg', referentie, zzp, van, tot, besluit, regels, door, op, regelversie
        FROM verblijf_meerzorg WHERE gemeente = @gemeente AND client_bsn = @bsn;
        SELECT 'moederkind', referentie, NULL, van, tot, bedrag, '', door, op, regelversie
        FROM verblijf_moederkind WHERE gemeente = @gemeente AND kind_bsn = @bsn
        """;

    /// <summary>The 24-hour records of <paramref name="client"/> in <paramref name="gemeente"/>, at most <paramref name="max"/> per kind, by recording time.</summary>
    public static IReadOnlyList<DossierVerblijf> LeesDossierVerblijf(this StoreTransactie tx, Gemeentecode gemeente, Bsn client, int max = Dossier.MaxPerSoort)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var lijst = new List<DossierVerblijf>();
        using var r = tx.Commando(Query).Met("@gemeente", gemeente.Waarde).Met("@bsn", client.Waarde).ExecuteReader();
        do
        {
            var soort = new List<DossierVerblijf>();
            while (r.Read())
            {
                soort.Add(new DossierVerblijf(r.GetString(0), r.GetString(1), r.TekstOfNull(2), r.GetFieldValue<DateOnly>(3), r.DatumOfNull(4),
                    r.TekstOfNull(5), r.GetString(6), r.GetString(7), r.GetFieldValue<DateTimeOffset>(8), r.TekstOfNull(9)));
            }

            lijst.AddRange(soort.OrderByDescending(v => v.Op).Take(max));
        }
        while (r.NextResult());

        return [.. lijst.OrderBy(v => v.Op)];
    }
}
