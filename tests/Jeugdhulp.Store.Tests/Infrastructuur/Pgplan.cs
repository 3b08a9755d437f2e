using System.Text.Json;

namespace Jeugdhulp.Store.Tests.Infrastructuur;

/// <summary>PostgreSQL's <c>EXPLAIN (FORMAT JSON)</c> plan, walked: the tests that assert plans look at its nodes.</summary>
internal static class Pgplan
{
    /// <summary>The plan PostgreSQL makes for <paramref name="sql"/> (no parameters: bind them as literals first).</summary>
    public static JsonElement Van(TestDatabase db, string sql)
    {
        using var doc = JsonDocument.Parse((string)db.VoerUit($"EXPLAIN (FORMAT JSON) {sql}")!);
        return doc.RootElement[0].GetProperty("Plan").Clone();
    }

    /// <summary>
    /// The filters of <paramref name="plan"/> that evaluate a subquery per row they see (<c>SubPlan</c>); with
    /// <paramref name="hashedOok"/> also those that read it once into a hash table (<c>hashed SubPlan</c>), which falls back to
    /// the former when the rows do not fit work_mem.
    /// </summary>
    public static List<string> SubqueryfiltersVan(JsonElement plan, bool hashedOok) =>
        [.. Knopen(plan).Select(k => k.TryGetProperty("Filter", out var f) ? f.GetString()! : "")
            .Where(f => (hashedOok ? f : f.Replace("hashed SubPlan", "", StringComparison.Ordinal)).Contains("SubPlan", StringComparison.Ordinal))];

    /// <summary><paramref name="knoop"/> and every node below it, depth first (a node's children under "Plans").</summary>
    public static IEnumerable<JsonElement> Knopen(JsonElement knoop)
    {
        yield return knoop;
        if (knoop.TryGetProperty("Plans", out var kinderen))
        {
            foreach (var k in kinderen.EnumerateArray().SelectMany(Knopen))
            {
                yield return k;
            }
        }
    }
}
