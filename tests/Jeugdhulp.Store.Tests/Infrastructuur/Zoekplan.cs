using System.Text.RegularExpressions;

namespace Jeugdhulp.Store.Tests.Infrastructuur;

/// <summary>
/// SQLite's EXPLAIN QUERY PLAN of a statement, one line per step. SQLite plans by the schema alone (no statistics), so the
/// plan on an empty store is the plan at size: index tests assert plans, not timings.
/// </summary>
internal static partial class Zoekplan
{
    /// <summary>The plan of <paramref name="sql"/> with every <c>@naam</c> bound (a municipality code; <c>@max</c> a number).</summary>
    public static string Van(Datastore opslag, string sql)
    {
        using var sessie = opslag.OpenSessie();
        var cmd = sessie.Commando("EXPLAIN QUERY PLAN " + sql);
        foreach (var naam in Parameter().Matches(sql).Select(m => m.Value).Distinct(StringComparer.Ordinal))
        {
            cmd.Met(naam, naam == "@max" ? 10L : "0034");
        }

        using var r = cmd.ExecuteReader();
        var regels = new List<string>();
        while (r.Read())
        {
            regels.Add(r.GetString(3));
        }

        return string.Join('\n', regels);
    }

    [GeneratedRegex("@[a-z]+")]
    private static partial Regex Parameter();
}
