using System.Data.Common;
using Jeugdhulp.Core.Teksten;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Bevindingen;

/// <summary>
/// The engine's explanation of a request line, rendered from what the store holds as data: the line's outcome and reason
/// (verzoeken), the label of the rule set it applied (verzoeken.regelset) and its findings and signals (verzoekbevindingen), through
/// the one text table (<see cref="Tekst.Toelichting"/>) — the same call that rendered it when the decision was taken. The text
/// itself is not stored since migration 0037 (it was ~900 characters a line, ~13 % of the store): an engine decision stores an
/// empty toelichting. A person's decision stores its own text, and so do lines decided before 0037: a non-empty text is shown
/// as stored. Every reader of verzoeken.toelichting comes through here, a page of many lines with one query for them all.
/// </summary>
internal static class Toelichtingen
{
    /// <summary>What an engine decision stores as its toelichting: nothing; the text is rendered on reading.</summary>
    public const string Weergegeven = "";

    // Per line its outcome, reason and label, and its findings and signals in check order as one text (migration 0038; none: NULL).
    private static string Sql(Datastore store) => $"""
        SELECT v.id, v.uitkomst, v.reden, v.regelset, b.lijst
        FROM verzoeken v LEFT JOIN verzoekbevindingen b ON b.journaal_id = v.journaal_id AND b.volgnummer = v.volgnummer AND b.gemeente = v.gemeente
        WHERE {store.In("v.id", "ids")}
        """;

    /// <summary>True when <paramref name="opgeslagen"/> is an engine decision's empty text, to be rendered.</summary>
    public static bool TeWeergeven(string opgeslagen) => opgeslagen.Length == 0;

    /// <summary>
    /// <paramref name="lijst"/> with the text of every line whose stored text is empty rendered from its findings: one query
    /// for all of them (none when no line needs it). <paramref name="id"/> gives a line's verzoeken.id, <paramref name="tekst"/>
    /// its stored text, <paramref name="met"/> the line with the rendered one.
    /// </summary>
    public static List<T> Vul<T>(List<T> lijst, Datastore store, Func<string, DbCommand> commando, Func<T, long> id, Func<T, string> tekst, Func<T, string, T> met)
    {
        var open = lijst.Where(x => TeWeergeven(tekst(x))).Select(id).Distinct().ToList();
        if (open.Count == 0)
        {
            return lijst;
        }

        var teksten = Lees(store, commando, open);
        return [.. lijst.Select(x => TeWeergeven(tekst(x)) && teksten.TryGetValue(id(x), out var t) ? met(x, t) : x)];
    }

    /// <summary>The rendered explanation of each request line in <paramref name="ids"/> (by verzoeken.id), in one query.</summary>
    public static Dictionary<long, string> Lees(Datastore store, Func<string, DbCommand> commando, IReadOnlyList<long> ids)
    {
        var teksten = new Dictionary<long, string>(ids.Count);
        using var r = commando(Sql(store))
            .MetLijst(store, "ids", ids).ExecuteReader();
        while (r.Read())
        {
            var bevindingen = new List<Bevinding>();
            var signalen = new List<Signaal>();
            foreach (var b in Bevindinglijst.Lees(Bevindinglijst.Tekst(r.GetValue(4))))
            {
                if (b.Soort == BevindingenVastleggen.SoortSignaal)
                {
                    signalen.Add(new Signaal(b.RegelId, b.Code, b.Datum, b.Parameters));
                }
                else
                {
                    bevindingen.Add(new Bevinding(b.RegelId, UitkomstVan(b.Uitkomst), b.Reden is { } reden ? (RedenAfwijzing)checked((int)reden) : null,
                        b.Code, b.Parameters));
                }
            }

            teksten[r.GetInt64(0)] = Weergeef(r.GetString(1), r.IsDBNull(2) ? null : checked((int)r.GetInt64(2)), r.TekstOfNull(3) ?? "", bevindingen, signalen);
        }

        return teksten;
    }

    /// <summary>The explanation from the stored outcome word, reason code and label (<see cref="Tekst.Toelichting"/>).</summary>
    private static string Weergeef(string uitkomst, int? reden, string regelset, List<Bevinding> bevindingen, List<Signaal> signalen) =>
        Tekst.Toelichting(UitkomstVan(uitkomst), (RedenAfwijzing?)reden, regelset, bevindingen, signalen);

    /// <summary>The engine outcome of its stored word (<see cref="Uitkomsten.Van"/> backwards).</summary>
    private static Uitkomst UitkomstVan(string woord) => woord switch
    {
        Uitkomsten.Approved => Uitkomst.Toegekend,
        Uitkomsten.Rejected => Uitkomst.Afgewezen,
        _ => Uitkomst.Beoordelen,
    };
}
