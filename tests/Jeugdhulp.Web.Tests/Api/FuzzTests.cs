using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jeugdhulp.Ijw.Tests;
using Xunit.Abstractions;
using static Jeugdhulp.Web.Tests.Api.ApiOmgeving;

namespace Jeugdhulp.Web.Tests.Api;

/// <summary>
/// Issue 17: seeded mutations (<see cref="Mutator"/>) of the examples and demo messages sent to the provider API
/// on the real host (the pipeline's single writer, a real SQLite store). Whatever the body: never 500 (or any
/// 5xx), never a stack trace; a refusal is ProblemDetails, and one of the body (400, 413) lists coded reasons; an
/// accepted message is never an internal error. Bounded in time; the count reached is printed.
/// </summary>
// Slow lane: load — as many mutated messages as fit in its time limit (README, "Tests").
[Trait("Baan", "Traag")]
public sealed partial class FuzzTests(ITestOutputHelper uitvoer)
{
    private const int Seed = 3017;
    private static readonly TimeSpan Tijdslimiet = TimeSpan.FromSeconds(20);

    [GeneratedRegex("^(?:[^:]*: )?[A-Z][A-Z0-9-]+: ")]
    private static partial Regex Gecodeerd();

    [GeneratedRegex(@"^\s+at \S+|   at |Exception:", RegexOptions.Multiline)]
    private static partial Regex Stacktrace();

    [Fact]
    public async Task Berichten_en_proefdeclaraties_geven_nooit_500_en_elke_weigering_een_code()
    {
        using var omgeving = new ApiOmgeving();
        // A token for the message's own Afzender (the demo messages come from several providers), so a mutant gets past
        // the sender check into the pipeline; a mangled Afzender gets the default provider's token, and so a 403.
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal) { [AanbiederA] = omgeving.Aanbieder() };
        var zaden = Mutator.Zaden();
        var mutator = new Mutator(Seed);
        var statussen = new Dictionary<string, int>(StringComparer.Ordinal);
        var klok = Stopwatch.StartNew();
        var i = 0;

        for (; i < 1200 && klok.Elapsed < Tijdslimiet; i++)
        {
            var (soort, bytes) = mutator.Volgende(zaden);
            // Every sixth to the JW323 pre-check, which reads the same body the same way and answers without booking.
            var pad = i % 6 == 5 ? "/api/declaraties/proef" : "/api/berichten";

            var afzender = Ijw.Lezen.Afzenderlezer.Lees(bytes) is { Length: 8 } a && a.All(char.IsAsciiDigit) ? a : AanbiederA;
            if (!clients.TryGetValue(afzender, out var client))
            {
                clients[afzender] = client = omgeving.Aanbieder(afzender);
            }

            using var antwoord = await client.PostAsync(Pad(pad), Xml(bytes));

            var tekst = await antwoord.Content.ReadAsStringAsync();
            var wat = $"mutatie {i} ({soort}) naar {pad}: {(int)antwoord.StatusCode} {tekst[..Math.Min(tekst.Length, 500)]}";
            var sleutel = $"{pad} {(int)antwoord.StatusCode}";
            statussen[sleutel] = statussen.GetValueOrDefault(sleutel) + 1;
            Assert.True((int)antwoord.StatusCode < 500, wat);
            Assert.DoesNotMatch(Stacktrace(), tekst);
            if (antwoord.IsSuccessStatusCode)
            {
                Assert.True(JsonDocument.Parse(tekst).RootElement.GetProperty("outcome").GetString() != "error", wat);
                continue;
            }

            Assert.True(antwoord.Content.Headers.ContentType?.MediaType == "application/problem+json", wat);
            var probleem = JsonDocument.Parse(tekst).RootElement;
            Assert.False(string.IsNullOrWhiteSpace(probleem.GetProperty("detail").GetString()), wat);
            if (antwoord.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge)
            {
                Assert.True(probleem.TryGetProperty("reasons", out var redenen) && redenen.GetArrayLength() > 0, wat);
                Assert.All(redenen.EnumerateArray(), r => Assert.Matches(Gecodeerd(), r.GetString()!));
            }
        }

        foreach (var c in clients.Values)
        {
            c.Dispose();
        }

        uitvoer.WriteLine($"{i} verzoeken in {klok.Elapsed.TotalSeconds:F1} s: {string.Join(", ", statussen.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {s.Value}"))}");
        Assert.True(statussen.Keys.Any(k => k.EndsWith(" 200", StringComparison.Ordinal)) && statussen.Keys.Any(k => k.EndsWith(" 400", StringComparison.Ordinal)),
            "de mutaties moeten zowel verwerkte als geweigerde berichten geven");
    }
}
