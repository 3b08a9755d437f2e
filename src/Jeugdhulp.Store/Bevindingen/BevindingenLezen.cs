using Jeugdhulp.Core.Teksten;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Bevindingen;

/// <summary>One stored finding or signal of a request line, with its Dutch text rendered from the text table.</summary>
/// <param name="VerzoekId">The request line (verzoeken.id, the work queue's item id).</param>
/// <param name="Soort">"bevinding" or "signaal".</param>
/// <param name="RegelId">The rule id.</param>
/// <param name="Uitkomst">approved, rejected or review for a finding; "signaal" for a signal.</param>
/// <param name="Reden">The JW319 reason of a rejecting finding.</param>
/// <param name="Code">What was found; with the rule id the key of its text.</param>
/// <param name="Parameters">The values the text names.</param>
/// <param name="Datum">A signal's date, when any.</param>
/// <param name="Tekst">The Dutch text.</param>
public sealed record OpgeslagenBevinding(
    long VerzoekId, string Soort, string RegelId, string Uitkomst, int? Reden, string Code, IReadOnlyList<Parameter> Parameters,
    DateOnly? Datum, string Tekst);

/// <summary>
/// Reads the findings stored with decisions (<see cref="BevindingenVastleggen"/>): a page filters on rule id and
/// outcome, and shows the text, without parsing the explanation. Every query is filtered on the gemeente, so
/// another municipality's request line has no findings. No audit here: the caller shows them with the item it
/// opened (audited) or beside masked BSNs only.
/// </summary>
public static class BevindingenLezen
{
    // One row per request line (migration 0038): its findings and signals in check order, decoded here (Bevindinglijst). Joined on
    // the line's municipality too: on PostgreSQL the findings are partitioned by it (migration 0039), so a read of one municipality
    // reads one partition.
    internal const string Kolommen = """
        SELECT v.id, b.lijst
        FROM verzoekbevindingen b JOIN verzoeken v ON v.journaal_id = b.journaal_id AND v.volgnummer = b.volgnummer AND v.gemeente = b.gemeente
        """;

    /// <summary>Every finding and signal of request line <paramref name="verzoekId"/> of <paramref name="gemeente"/>, in check order.</summary>
    public static IReadOnlyList<OpgeslagenBevinding> LeesBevindingen(this Datastore store, Gemeentecode gemeente, long verzoekId)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var sessie = store.OpenSessie();
        return Lees(sessie.Commando($"{Kolommen} WHERE v.gemeente = @gemeente AND v.id = @id")
            .Met("@gemeente", gemeente.Waarde).Met("@id", verzoekId));
    }

    /// <summary>
    /// Every finding and signal of the request lines <paramref name="verzoekIds"/> of <paramref name="gemeente"/> (a
    /// page of the work queue), per line in check order: one query for the page, not one per row.
    /// </summary>
    public static ILookup<long, OpgeslagenBevinding> LeesBevindingen(this Datastore store, Gemeentecode gemeente, IReadOnlyList<long> verzoekIds)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(verzoekIds);
        if (verzoekIds.Count == 0)
        {
            return Array.Empty<OpgeslagenBevinding>().ToLookup(b => b.VerzoekId);
        }

        using var sessie = store.OpenSessie();
        return Lees(sessie.Commando($"{Kolommen} WHERE v.gemeente = @gemeente AND {store.In("v.id", "ids")} ORDER BY v.id")
            .Met("@gemeente", gemeente.Waarde).MetLijst(store, "ids", verzoekIds)).ToLookup(b => b.VerzoekId);
    }

    /// <summary>
    /// The findings with outcome <paramref name="uitkomst"/> (default: review) of every request line of
    /// <paramref name="gemeente"/> still in review, per line in check order: why each waits for a person.
    /// </summary>
    public static ILookup<long, OpgeslagenBevinding> LeesOpenBevindingen(this Datastore store, Gemeentecode gemeente, string uitkomst = "review")
    {
        ArgumentNullException.ThrowIfNull(store);
        using var sessie = store.OpenSessie();
        // A finding in review is on the line's searchable list (verzoekbevindingen.beoordelen): the lines without one are not decoded.
        var inBeoordeling = uitkomst == Uitkomsten.Review ? " AND b.beoordelen IS NOT NULL" : "";
        return Lees(sessie.Commando($"{Kolommen} WHERE v.gemeente = @gemeente AND v.status = 'review'{inBeoordeling} ORDER BY v.id")
            .Met("@gemeente", gemeente.Waarde), b => b.Uitkomst == uitkomst).ToLookup(b => b.VerzoekId);
    }

    private static List<OpgeslagenBevinding> Lees(System.Data.Common.DbCommand cmd, Func<Vastgelegd, bool>? welke = null)
    {
        var lijst = new List<OpgeslagenBevinding>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var id = r.GetInt64(0);
            foreach (var b in Bevindinglijst.Lees(Bevindinglijst.Tekst(r.GetValue(1))))
            {
                if (welke is null || welke(b))
                {
                    lijst.Add(new OpgeslagenBevinding(id, b.Soort, b.RegelId, b.Uitkomst, b.Reden is { } reden ? checked((int)reden) : null,
                        b.Code, b.Parameters, b.Datum, Tekst.Bevinding(b.RegelId, b.Code, b.Parameters)));
                }
            }
        }

        return lijst;
    }
}
