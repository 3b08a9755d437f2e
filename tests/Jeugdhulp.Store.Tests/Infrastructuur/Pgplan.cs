using System.Text.Json;

namespace Jeugdhulp.Store.Tests.Infrastructuur;

/// <summary>PostgreSQL's <c>EXPLAIN (FORMAT JSON)</c> plan, walked: the tests that assert plans look at its nodes.</summary>
internal static class Pgplan
{
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
