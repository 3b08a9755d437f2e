using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Regelversies;

/// <summary>
/// The rule set in force = the shipped rule folder (the base) with every published <see cref="Regelversie"/> laid on
/// top, in id order: each is appended to its file's list with its own <c>geldigVanaf</c>, and the earlier version of
/// the same item is closed the day before (a version that would only start on or after that day is superseded and
/// left out). The texts then go through <see cref="RegelLader.Laad"/> unchanged, so a layered set is checked exactly
/// as a folder is. Errors in a version's item name the version, its file and key, and the line in its own text.
/// </summary>
public static partial class Regellagen
{
    private static readonly JsonNodeOptions NodeOpties = new() { PropertyNameCaseInsensitive = false };

    private static readonly JsonDocumentOptions DocumentOpties = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly JsonSerializerOptions Schrijven = new() { WriteIndented = true };

    /// <summary>
    /// The catalogue of <paramref name="basis"/> with <paramref name="versies"/> laid on top (published ones, and at
    /// most a draft last). The version label becomes the base label plus the highest published id (<c>2027.3+v12</c>),
    /// and <c>+concept{id}</c> when a draft is among them.
    /// </summary>
    public static Resultaat<Regelcatalogus> Laad(IReadOnlyList<RegelBestand> basis, IEnumerable<Regelversie> versies)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(versies);
        var lijst = versies.ToList();
        var gelegd = Leg(basis, lijst);
        if (!gelegd.TryGet(out var bestanden))
        {
            return Resultaat<Regelcatalogus>.Mislukt(gelegd.Fouten);
        }

        var geladen = RegelLader.Laad(bestanden.Bestanden);
        if (!geladen.TryGet(out var catalogus))
        {
            return Resultaat<Regelcatalogus>.Mislukt([.. geladen.Fouten.Select(f => bestanden.Verplaats(f))]);
        }

        var label = catalogus.Versie;
        if (lijst.Where(v => v.IsGepubliceerd).Select(v => v.Id).DefaultIfEmpty().Max() is var hoogste and > 0)
        {
            label += string.Create(CultureInfo.InvariantCulture, $"+v{hoogste}");
        }

        foreach (var concept in lijst.Where(v => !v.IsGepubliceerd))
        {
            label += string.Create(CultureInfo.InvariantCulture, $"+concept{concept.Id}");
        }

        return Resultaat<Regelcatalogus>.Ok(catalogus with { Versie = label });
    }

    /// <summary>
    /// The JSON text of item <paramref name="sleutel"/> of <paramref name="soort"/> as in force on <paramref name="datum"/>
    /// in the layered set, without its validity fields (a new version gets its own): the starting point of a draft.
    /// Null when no version of the item is in force then (or the layering fails).
    /// </summary>
    public static string? Item(IReadOnlyList<RegelBestand> basis, IEnumerable<Regelversie> versies, Regelsoort soort, string sleutel, DateOnly datum)
    {
        ArgumentNullException.ThrowIfNull(soort);
        if (!Leg(basis, [.. versies]).TryGet(out var gelegd) ||
            gelegd.Bestanden.FirstOrDefault(b => b.Naam == soort.Bestand) is not { } bestand ||
            Wortel(bestand.Tekst)?[soort.Lijst] is not JsonArray lijst)
        {
            return null;
        }

        var item = lijst.OfType<JsonObject>().LastOrDefault(o => soort.Sleutel(o) == sleutel && Datum(o, "geldigVanaf") is { } vanaf && vanaf <= datum &&
            (Datum(o, "geldigTot") is not { } tot || tot >= datum));
        if (item is null)
        {
            return null;
        }

        var kopie = (JsonObject)item.DeepClone();
        kopie.Remove("geldigVanaf");
        kopie.Remove("geldigTot");
        return kopie.ToJsonString(Schrijven);
    }

    /// <summary>The keys of every item of <paramref name="soort"/> in the layered set, for the form's choice.</summary>
    public static IReadOnlyList<string> Sleutels(IReadOnlyList<RegelBestand> basis, IEnumerable<Regelversie> versies, Regelsoort soort)
    {
        ArgumentNullException.ThrowIfNull(soort);
        return Leg(basis, [.. versies]).TryGet(out var gelegd) && gelegd.Bestanden.FirstOrDefault(b => b.Naam == soort.Bestand) is { } bestand &&
            Wortel(bestand.Tekst)?[soort.Lijst] is JsonArray lijst
            ? [.. lijst.OfType<JsonObject>().Select(soort.Sleutel).OfType<string>().Distinct(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>
    /// Reads a version's item text as the object it must be (comments and trailing commas allowed, as in the rule
    /// files) and its key. Errors: <c>REGEL-SOORT</c>, <c>REGEL-JSON</c> (with line), <c>REGEL-VELD</c> (no key).
    /// </summary>
    public static Resultaat<(JsonObject Item, string Sleutel)> LeesItem(string soortCode, string inhoud)
    {
        ArgumentNullException.ThrowIfNull(inhoud);
        if (Regelsoort.Van(soortCode) is not { } soort)
        {
            return Resultaat<(JsonObject, string)>.Mislukt("REGEL-SOORT", $"onbekende soort regel '{soortCode}'; kies uit {string.Join(", ", Regelsoort.Alle.Select(s => s.Code))}");
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(inhoud, NodeOpties, DocumentOpties);
        }
        catch (JsonException ex)
        {
            var melding = ex.Message;
            var positie = melding.IndexOf(" LineNumber:", StringComparison.Ordinal);
            var regel = ex.LineNumber is { } n ? string.Create(CultureInfo.InvariantCulture, $", regel {n + 1}") : "";
            return Resultaat<(JsonObject, string)>.Mislukt("REGEL-JSON", $"geen geldige JSON: {(positie >= 0 ? melding[..positie] : melding)}", $"concept ({soort.Bestand}){regel}");
        }

        if (node is not JsonObject item)
        {
            return Resultaat<(JsonObject, string)>.Mislukt("REGEL-JSON", "een regel is één JSON-object { … }", $"concept ({soort.Bestand})");
        }

        return soort.Sleutel(item) is { } sleutel
            ? Resultaat<(JsonObject, string)>.Ok((item, sleutel))
            : Resultaat<(JsonObject, string)>.Mislukt("REGEL-VELD", $"verplicht veld '{soort.SleutelOmschrijving}' ontbreekt: het noemt welke regel dit is", $"concept ({soort.Bestand})");
    }

    /// <summary>The layered file texts, and where each version's item ended up (to name it in errors).</summary>
    private sealed record Gelegd(IReadOnlyList<RegelBestand> Bestanden, IReadOnlyList<(string Plaats, Regelversie Versie, Regelsoort Soort)> Plaatsen)
    {
        /// <summary>An error about a version's item, told in the version's own terms; any other error as it is.</summary>
        public Fout Verplaats(Fout f)
        {
            foreach (var (plaats, versie, soort) in Plaatsen)
            {
                if (f.Plaats is { } p && (p == plaats || p.StartsWith(plaats + " ", StringComparison.Ordinal)))
                {
                    var regel = Regel(versie.Inhoud, f.Melding) is { } r ? string.Create(CultureInfo.InvariantCulture, $", regel {r}") : "";
                    return f with { Plaats = $"{Naam(versie)} ({soort.Bestand}, {versie.Sleutel}){regel}" };
                }
            }

            return f;
        }
    }

    private static string Naam(Regelversie v) => v.IsGepubliceerd
        ? string.Create(CultureInfo.InvariantCulture, $"versie v{v.Id}")
        : v.Id > 0 ? string.Create(CultureInfo.InvariantCulture, $"concept {v.Id}") : "concept";

    private static Resultaat<Gelegd> Leg(IReadOnlyList<RegelBestand> basis, IReadOnlyList<Regelversie> versies)
    {
        var teksten = basis.ToDictionary(b => b.Naam, b => b.Tekst, StringComparer.Ordinal);
        var wortels = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var items = new List<(JsonObject Item, Regelversie Versie, Regelsoort Soort)>();
        var fouten = new List<Fout>();
        foreach (var versie in versies)
        {
            var gelezen = LeesItem(versie.Soort, versie.Inhoud);
            if (!gelezen.TryGet(out var x))
            {
                fouten.AddRange(gelezen.Fouten.Select(f => f with { Plaats = f.Plaats?.Replace("concept", Naam(versie), StringComparison.Ordinal) }));
                continue;
            }

            var soort = Regelsoort.Van(versie.Soort)!;
            if (!wortels.TryGetValue(soort.Bestand, out var wortel))
            {
                wortel = teksten.TryGetValue(soort.Bestand, out var tekst) ? Wortel(tekst) : null;
                if (wortel is null)
                {
                    fouten.Add(new Fout("REGEL-BESTAND", "het basisbestand ontbreekt of is geen geldig JSON-object, dus er kan geen versie op gelegd worden", soort.Bestand));
                    continue;
                }

                wortels[soort.Bestand] = wortel;
            }

            if (wortel[soort.Lijst] is not JsonArray lijst)
            {
                fouten.Add(new Fout("REGEL-VELD", $"verplicht veld '{soort.Lijst}' (een lijst) ontbreekt", soort.Bestand));
                continue;
            }

            var item = x.Item;
            item["geldigVanaf"] = versie.GeldigVanaf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Sluit(lijst, soort, x.Sleutel, versie.GeldigVanaf);
            lijst.Add(item);
            items.Add((item, versie with { Sleutel = x.Sleutel }, soort));
        }

        if (fouten.Count > 0)
        {
            return Resultaat<Gelegd>.Mislukt(fouten);
        }

        var bestanden = basis.Select(b => wortels.TryGetValue(b.Naam, out var w) ? new RegelBestand(b.Naam, w.ToJsonString(Schrijven)) : b).ToList();
        // A version a later one superseded was removed from its list again: it has no place.
        var plaatsen = items.Where(i => i.Item.Parent is JsonArray).Select(i =>
        {
            var lijst = (JsonArray)i.Item.Parent!;
            return (string.Create(CultureInfo.InvariantCulture, $"{i.Soort.Bestand}: {i.Soort.Lijst}[{lijst.IndexOf(i.Item)}]"), i.Versie, i.Soort);
        }).ToList();
        return Resultaat<Gelegd>.Ok(new Gelegd(bestanden, plaatsen));
    }

    /// <summary>
    /// Ends the earlier versions of the item <paramref name="sleutel"/> the day before <paramref name="vanaf"/>; a
    /// version starting on or after that day is superseded and removed. Items whose dates do not read are left for
    /// the loader to report.
    /// </summary>
    private static void Sluit(JsonArray lijst, Regelsoort soort, string sleutel, DateOnly vanaf)
    {
        for (var i = lijst.Count - 1; i >= 0; i--)
        {
            if (lijst[i] is not JsonObject oud || soort.Sleutel(oud) != sleutel || Datum(oud, "geldigVanaf") is not { } oudVanaf)
            {
                continue;
            }

            if (oudVanaf >= vanaf)
            {
                lijst.RemoveAt(i);
            }
            else if (!oud.ContainsKey("geldigTot") || Datum(oud, "geldigTot") is { } tot && tot >= vanaf)
            {
                oud["geldigTot"] = vanaf.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }
    }

    private static DateOnly? Datum(JsonObject item, string veld) =>
        item[veld] is JsonValue v && v.TryGetValue<string>(out var s) &&
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static JsonObject? Wortel(string tekst)
    {
        try
        {
            return JsonNode.Parse(tekst.StartsWith('\uFEFF') ? tekst[1..] : tekst, NodeOpties, DocumentOpties) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The line of the version's text that holds the field an error names (<c>veld 'richtlijn[0].maxUren'</c>, or a
    /// message starting with the field), so a policy user finds it in the form; null when the text does not name it.
    /// </summary>
    private static int? Regel(string inhoud, string melding)
    {
        var m = GenoemdVeld().Match(melding);
        var veld = m.Success ? m.Groups[1].Value : BeginVeld().Match(melding).Value;
        var naam = VeldNaam().Match(veld.Split('.')[^1]).Value;
        if (naam.Length == 0)
        {
            return null;
        }

        var positie = inhoud.IndexOf($"\"{naam}\"", StringComparison.Ordinal);
        return positie < 0 ? null : inhoud.AsSpan(0, positie).Count('\n') + 1;
    }

    [GeneratedRegex(@"'([A-Za-z][A-Za-z0-9_.\[\]]*)'")]
    private static partial Regex GenoemdVeld();

    [GeneratedRegex(@"^[a-z][A-Za-z0-9_.\[\]]*")]
    private static partial Regex BeginVeld();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*")]
    private static partial Regex VeldNaam();
}
