using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jeugdhulp.Ijw.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;
using static Jeugdhulp.Web.Tests.Api.ApiOmgeving;

namespace Jeugdhulp.Web.Tests.Api;

/// <summary>
/// The contract as a provider's software vendor meets it: a C# client generated (NSwag) from the live OpenAPI
/// document, compiled (Roslyn), and the README's API walk-through run through it, command by command.
/// Slow lane: each test generates a client and compiles it with Roslyn (README, "Tests").
/// </summary>
[Trait("Baan", "Traag")]
public sealed partial class ContractTests
{
    private static readonly JsonSerializerOptions JsonOpties = new(JsonSerializerDefaults.Web);

    /// <summary>One curl command of the README's walk-through.</summary>
    private sealed record Stap(string Token, string Methode, string Pad, string Query, string? Bestand, string? Json);

    /// <summary>Which generated operation a README path is (method, path pattern, operationId).</summary>
    private static readonly (string Methode, Regex Pad, string Operatie)[] Routes =
    [
        ("POST", new("^/berichten$"), "BerichtVersturen"),
        ("GET", new(@"^/berichten/(?<id>\d+)$"), "BerichtOpvragen"),
        ("GET", new("^/berichten/uitgaand$"), "AntwoordenLijst"),
        ("GET", new(@"^/berichten/uitgaand/(?<id>\d+)$"), "AntwoordOphalen"),
        ("POST", new("^/declaraties/proef$"), "DeclaratieProef"),
        ("POST", new("^/noshows$"), "NoshowMelden"),
        ("POST", new("^/clienten/zoeken$"), "Clientdossier"),
        ("GET", new("^/beoordelingen$"), "Beoordelingen"),
        ("POST", new("^/proef$"), "Proef"),
        ("POST", new("^/beoordelingen/(?<referentie>[^/]+)$"), "Beoordelen"),
    ];

    [Fact]
    public async Task De_walk_through_uit_de_README_werkt_met_een_client_gegenereerd_uit_het_openapi_document()
    {
        using var omgeving = new ApiOmgeving();
        var stappen = Walkthrough();
        Assert.True(stappen.Count >= 9, "De walk-through in README.md is niet gevonden of te kort.");

        var assembly = await GenereerClient(omgeving);
        var clientType = assembly.GetType("Contract.JeugdhulpClient", throwOnError: true)!;
        using var aanbieder = omgeving.Aanbieder();
        using var gemeente = omgeving.Gemeente(Noordoostpolder);
        var clients = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["AANBIEDER"] = Activator.CreateInstance(clientType, aanbieder)!,
            ["GEMEENTE"] = Activator.CreateInstance(clientType, gemeente)!,
        };

        var uitkomsten = new List<(string Operatie, dynamic? Resultaat)>();
        foreach (var stap in stappen)
        {
            uitkomsten.Add(await Voer(clients[stap.Token], stap));
        }

        // 1: the JW315 is approved and its answers have ids and links; 2: the message under the README's id.
        var verzonden = uitkomsten[0].Resultaat!;
        Assert.Equal("approved", (string)verzonden.Outcome);
        Assert.Equal(1L, (long)verzonden.Id);
        var antwoordIds = new List<long>();
        foreach (var a in verzonden.Antwoorden)
        {
            Assert.Equal($"/api/v1/berichten/uitgaand/{a.Id}", (string)a.Href);
            antwoordIds.Add((long)a.Id);
        }

        Assert.Equal((long)verzonden.Id, (long)uitkomsten[1].Resultaat!.Id);

        // 3: the list holds those answers; the fetched one is one of them, as schema-valid iJw XML.
        var lijst = new List<long>();
        foreach (var item in uitkomsten[2].Resultaat!)
        {
            lijst.Add((long)item.Id);
        }

        Assert.Equal(antwoordIds, lijst);
        Assert.Contains(long.Parse(stappen[3].Pad.Split('/')[^1], CultureInfo.InvariantCulture), antwoordIds);
        var (_, bestand) = uitkomsten[3];
        using var stroom = new MemoryStream();
        ((Stream)bestand!.Stream).CopyTo(stroom);
        Assert.Empty(XsdValidatie.Fouten(stroom.ToArray()));

        // 4: the request waits for a person, the municipality sees it and rejects it with a JW319.
        Assert.Equal("review", (string)uitkomsten[4].Resultaat!.Outcome);
        Assert.Contains(Lijst((object?)uitkomsten[5].Resultaat), v => (string)v.Referentie == "DEMO-0002");
        Assert.Equal("rejected", (string)uitkomsten[6].Resultaat!.Outcome);

        // 5: the client's file, looked up with the BSN in the body.
        Assert.NotEmpty(Lijst((object?)uitkomsten[7].Resultaat!.Verzoeken));

        // 6: the pre-check of step 1's request as a new one: rejected on OP259 (the product runs), with the JW319 that would follow.
        var proef = uitkomsten[8].Resultaat!;
        Assert.Equal("rejected", (string)proef.Outcome);
        var besluit = Lijst((object?)proef.Decisions)[0];
        Assert.Equal("JW319", (string)besluit.Antwoord);
        Assert.Equal(6, (int)besluit.Reden);
        Assert.Contains("OP259", ((IEnumerable<string>)besluit.Rules).ToList());
    }

    [Fact]
    public async Task Een_weigering_komt_als_getypeerde_problemdetails_bij_de_gegenereerde_client()
    {
        using var omgeving = new ApiOmgeving();
        var assembly = await GenereerClient(omgeving);
        using var http = omgeving.Aanbieder();
        var client = Activator.CreateInstance(assembly.GetType("Contract.JeugdhulpClient", throwOnError: true)!, http)!;

        var fout = await Assert.ThrowsAnyAsync<Exception>(() => Roep(client, "BerichtOpvragen", [424242L]));

        Assert.Equal(404, (int)((dynamic)fout).StatusCode);
        var probleem = ((dynamic)fout).Result;
        Assert.Equal("urn:jeugdhulp:probleem:niet-gevonden", (string)probleem.Type);
        Assert.Contains("424242", (string)probleem.Detail, StringComparison.Ordinal);
    }

    private static List<dynamic> Lijst(object? waarde) => [.. ((System.Collections.IEnumerable)waarde!).Cast<dynamic>()];

    /// <summary>The curl commands of README.md's walk-through block, in order.</summary>
    private static List<Stap> Walkthrough()
    {
        var readme = File.ReadAllText(Path.Combine(Paden.RepoRoot, "README.md"));
        var begin = readme.IndexOf("### API walk-through", StringComparison.Ordinal);
        Assert.True(begin >= 0, "README.md heeft geen '### API walk-through'.");
        var blok = readme[begin..];
        blok = blok[(blok.IndexOf("```", StringComparison.Ordinal) + 3)..];
        blok = blok[..blok.IndexOf("```", StringComparison.Ordinal)].Replace("\\\n", " ", StringComparison.Ordinal);

        var stappen = new List<Stap>();
        foreach (var regel in blok.Split('\n').Select(r => r.Trim()).Where(r => r.StartsWith("curl ", StringComparison.Ordinal)))
        {
            var token = Tokenkop().Match(regel).Groups[1].Value;
            var adres = Adres().Match(regel);
            Assert.True(adres.Success, "Geen $API-adres in: " + regel);
            var bestand = Bestand().Match(regel) is { Success: true } b ? b.Groups[1].Value : null;
            var json = JsonBody().Match(regel) is { Success: true } j ? j.Groups[1].Value : null;
            var methode = bestand is null && json is null ? "GET" : "POST";
            stappen.Add(new Stap(token, methode, adres.Groups["pad"].Value, adres.Groups["query"].Value, bestand, json));
        }

        return stappen;
    }

    private static async Task<(string, dynamic?)> Voer(object client, Stap stap)
    {
        var route = Routes.FirstOrDefault(r => r.Methode == stap.Methode && r.Pad.IsMatch(stap.Pad));
        Assert.True(route.Operatie is not null, $"De README roept {stap.Methode} {stap.Pad} aan; dat is geen operatie van de API.");
        var groepen = route.Pad.Match(stap.Pad).Groups;
        var query = stap.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(q => q.Split('=', 2)).ToDictionary(q => q[0], q => Uri.UnescapeDataString(q[1]), StringComparer.Ordinal);

        var methode = Methode(client, route.Operatie);
        var args = methode.GetParameters().Select(p =>
            groepen[p.Name!] is { Success: true } g ? Zet(g.Value, p.ParameterType)
            : query.TryGetValue(p.Name!, out var q) ? Zet(q, p.ParameterType)
            : stap.Bestand is not null && p.ParameterType == typeof(string) ? File.ReadAllText(Path.Combine(Paden.RepoRoot, stap.Bestand))
            : stap.Json is not null ? JsonSerializer.Deserialize(stap.Json, p.ParameterType, JsonOpties)
            : null).ToArray();
        return (route.Operatie, await Roep(client, route.Operatie, args));
    }

    private static MethodInfo Methode(object client, string operatie) =>
        client.GetType().GetMethods().Where(m => m.Name == operatie + "Async" && m.GetParameters().All(p => p.ParameterType != typeof(CancellationToken)))
            .Single();

    private static async Task<dynamic?> Roep(object client, string operatie, object?[] args)
    {
        var taak = (Task)Methode(client, operatie).Invoke(client, args)!;
        await taak;
        return taak.GetType().GetProperty("Result")?.GetValue(taak);
    }

    private static object? Zet(string waarde, Type type)
    {
        var doel = Nullable.GetUnderlyingType(type) ?? type;
        return doel == typeof(string) ? waarde : Convert.ChangeType(waarde, doel, CultureInfo.InvariantCulture);
    }

    /// <summary>NSwag's C# client for the live document, compiled in memory.</summary>
    private static async Task<Assembly> GenereerClient(ApiOmgeving omgeving)
    {
        using var http = omgeving.Client(null);
        var json = await http.GetStringAsync(Pad("/openapi/v1.json"));
        var document = await NSwag.OpenApiDocument.FromJsonAsync(json);
        var instellingen = new CSharpClientGeneratorSettings
        {
            ClassName = "JeugdhulpClient",
            UseBaseUrl = false,
            GenerateClientInterfaces = false,
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
        };
        instellingen.CSharpGeneratorSettings.Namespace = "Contract";
        instellingen.CSharpGeneratorSettings.JsonLibrary = CSharpJsonLibrary.SystemTextJson;
        var code = new CSharpClientGenerator(document, instellingen).GenerateFile();

        var verwijzingen = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilatie = CSharpCompilation.Create("Contract", [CSharpSyntaxTree.ParseText(code)], verwijzingen,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var uit = new MemoryStream();
        var resultaat = compilatie.Emit(uit);
        Assert.True(resultaat.Success, string.Join("\n", resultaat.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return Assembly.Load(uit.ToArray());
    }

    [GeneratedRegex(@"Bearer \$(\w+)")]
    private static partial Regex Tokenkop();

    [GeneratedRegex(@"\$API(?<pad>/[^\s""?]*)(?<query>\?[^\s""]*)?")]
    private static partial Regex Adres();

    [GeneratedRegex(@"--data-binary @(\S+)")]
    private static partial Regex Bestand();

    [GeneratedRegex(@"-d '([^']*)'")]
    private static partial Regex JsonBody();
}
