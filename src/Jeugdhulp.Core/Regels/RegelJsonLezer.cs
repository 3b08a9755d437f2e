using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Regels;

/// <summary>
/// Reads the JSON of rule files into the <c>…Json</c> classes entry by entry, so that one bad entry yields
/// an error naming file and entry and the other entries are still checked. Field checks (unknown, missing,
/// duplicate) are done here before deserialising so the messages are Dutch and name the field.
/// </summary>
internal sealed partial class RegelJsonLezer(List<Fout> fouten)
{
    public static JsonSerializerOptions Opties { get; } = MaakOpties();

    private static JsonSerializerOptions MaakOpties()
    {
        var opties = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = false,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            AllowDuplicateProperties = false,
            NumberHandling = JsonNumberHandling.Strict,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        opties.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        opties.MakeReadOnly();
        return opties;
    }

    /// <summary>The root object of a file, or null (error recorded) when it is not valid JSON or no object.</summary>
    public JsonElement? Wortel(RegelBestand bestand)
    {
        var tekst = bestand.Tekst.StartsWith('\uFEFF') ? bestand.Tekst[1..] : bestand.Tekst;
        try
        {
            using var document = JsonDocument.Parse(tekst, new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                fouten.Add(new Fout("REGEL-JSON", "het bestand moet één JSON-object zijn", bestand.Naam));
                return null;
            }

            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            // The reader's own message says what it expected; it ends in a 0-based position, which is
            // replaced by the 1-based line in the place and the column in the message.
            var melding = ex.Message;
            var positie = melding.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (positie >= 0)
            {
                melding = melding[..positie];
            }

            var regel = ex.LineNumber is { } n ? $": regel {n + 1}" : "";
            var kolom = ex.BytePositionInLine is { } k ? $" (teken {k + 1})" : "";
            fouten.Add(new Fout("REGEL-JSON", $"geen geldige JSON{kolom}: {melding}", bestand.Naam + regel));
            return null;
        }
    }

    /// <summary>Reads a whole-file object (regio.json).</summary>
    public T? Object<T>(RegelBestand bestand, JsonElement wortel)
        where T : class => Lees<T>(wortel, bestand.Naam);

    /// <summary>
    /// Reads the array <paramref name="veld"/> of a file whose root holds only that array. Each entry is
    /// returned with its place, e.g. <c>producten.json: producten[4] (45F21)</c>; bad entries are left out
    /// and their errors recorded.
    /// </summary>
    /// <param name="bestand">The file.</param>
    /// <param name="wortel">Its root object.</param>
    /// <param name="veld">The array field.</param>
    /// <param name="sleutelVeld">The field naming an entry, e.g. <c>code</c>.</param>
    /// <param name="onleesbaar">
    /// Receives the keys of entries that could not be read, so references to them do not also fail as
    /// "unknown": one mistake gives one error.
    /// </param>
    public List<(T Waarde, string Plaats)> Lijst<T>(RegelBestand bestand, JsonElement wortel, string veld, string? sleutelVeld, ISet<string> onleesbaar)
        where T : class
    {
        var resultaat = new List<(T, string)>();
        foreach (var eigenschap in wortel.EnumerateObject())
        {
            if (eigenschap.Name != veld)
            {
                fouten.Add(new Fout("REGEL-VELD", $"onbekend veld '{eigenschap.Name}' (verwacht alleen '{veld}')", bestand.Naam));
            }
        }

        if (!wortel.TryGetProperty(veld, out var lijst) || lijst.ValueKind != JsonValueKind.Array)
        {
            fouten.Add(new Fout("REGEL-VELD", $"verplicht veld '{veld}' (een lijst) ontbreekt", bestand.Naam));
            return resultaat;
        }

        var i = 0;
        foreach (var element in lijst.EnumerateArray())
        {
            var plaats = Plaats($"{bestand.Naam}: {veld}[{i}]", element, sleutelVeld);
            if (Lees<T>(element, plaats) is { } waarde)
            {
                resultaat.Add((waarde, plaats));
            }
            else if (sleutelVeld is not null && element.ValueKind == JsonValueKind.Object &&
                     element.TryGetProperty(sleutelVeld, out var sleutel) && sleutel.ValueKind == JsonValueKind.String)
            {
                onleesbaar.Add(sleutel.GetString()!);
            }

            i++;
        }

        return resultaat;
    }

    /// <summary>The place of an entry, with its key when the entry has a string field of that name.</summary>
    public static string Plaats(string basis, JsonElement element, string? sleutelVeld) =>
        sleutelVeld is not null && element.ValueKind == JsonValueKind.Object &&
        element.TryGetProperty(sleutelVeld, out var sleutel) && sleutel.ValueKind == JsonValueKind.String
            ? $"{basis} ({sleutel.GetString()})"
            : basis;

    private T? Lees<T>(JsonElement element, string plaats)
        where T : class
    {
        var typeInfo = Opties.GetTypeInfo(typeof(T));
        var meldingen = new List<string>();
        ControleerVelden(element, typeInfo, "", meldingen);
        if (meldingen.Count > 0)
        {
            fouten.AddRange(meldingen.Select(m => new Fout("REGEL-VELD", m, plaats)));
            return null;
        }

        try
        {
            return element.Deserialize<T>(Opties);
        }
        catch (JsonException ex)
        {
            fouten.Add(new Fout("REGEL-VELD", OngeldigeWaarde(element, typeInfo, ex), plaats));
            return null;
        }
    }

    private static string Veld(string prefix, string naam) => prefix.Length == 0 ? naam : $"{prefix}.{naam}";

    private static void ControleerVelden(JsonElement element, JsonTypeInfo typeInfo, string prefix, List<string> meldingen)
    {
        if (typeInfo.Kind == JsonTypeInfoKind.Object)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                meldingen.Add(prefix.Length == 0 ? "moet een JSON-object zijn" : $"veld '{prefix}' moet een object zijn");
                return;
            }

            var bekend = typeInfo.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
            var gezien = new HashSet<string>(StringComparer.Ordinal);
            foreach (var eigenschap in element.EnumerateObject())
            {
                var naam = Veld(prefix, eigenschap.Name);
                if (!gezien.Add(eigenschap.Name))
                {
                    meldingen.Add($"veld '{naam}' staat er meer dan eens in");
                }
                else if (!bekend.TryGetValue(eigenschap.Name, out var info))
                {
                    meldingen.Add($"onbekend veld '{naam}'");
                }
                else
                {
                    ControleerVelden(eigenschap.Value, Opties.GetTypeInfo(info.PropertyType), naam, meldingen);
                }
            }

            foreach (var info in typeInfo.Properties.Where(p => p.IsRequired && !element.TryGetProperty(p.Name, out _)))
            {
                meldingen.Add($"verplicht veld '{Veld(prefix, info.Name)}' ontbreekt");
            }
        }
        else if (typeInfo is { Kind: JsonTypeInfoKind.Enumerable, ElementType: { } elementType } &&
                 element.ValueKind == JsonValueKind.Array)
        {
            var elementInfo = Opties.GetTypeInfo(elementType);
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                ControleerVelden(item, elementInfo, $"{prefix}[{i}]", meldingen);
                i++;
            }
        }
    }

    /// <summary>A Dutch message for a value the serializer refused, naming the field and what it expects.</summary>
    private static string OngeldigeWaarde(JsonElement element, JsonTypeInfo typeInfo, JsonException ex)
    {
        if (ex.Path is null)
        {
            return $"ongeldige waarde: {ex.Message}";
        }

        var huidig = (JsonElement?)element;
        Type? type = typeInfo.Type;
        var veld = "";
        foreach (Match deel in PadDeel().Matches(ex.Path))
        {
            var info = type is null ? null : Opties.GetTypeInfo(type);
            if (deel.Groups[1].Success)
            {
                var naam = deel.Groups[1].Value;
                veld = Veld(veld, naam);
                type = info?.Properties.FirstOrDefault(p => p.Name == naam)?.PropertyType;
                huidig = huidig is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(naam, out var v) ? v : null;
            }
            else
            {
                var index = int.Parse(deel.Groups[2].Value);
                veld += $"[{index}]";
                type = info?.ElementType;
                huidig = huidig is { ValueKind: JsonValueKind.Array } a && index < a.GetArrayLength() ? a[index] : null;
            }
        }

        var waarde = huidig?.GetRawText() ?? "?";
        if (waarde.Length > 40)
        {
            waarde = waarde[..40] + "…";
        }

        return $"veld '{veld}' heeft ongeldige waarde {waarde}: verwacht {Verwacht(type)}";
    }

    private static string Verwacht(Type? type)
    {
        var t = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return t switch
        {
            null => "een andere waarde",
            { IsEnum: true } => "een van " + string.Join(", ", Enum.GetNames(t).Select(n => $"'{JsonNamingPolicy.CamelCase.ConvertName(n)}'")),
            _ when t == typeof(DateOnly) => "een datum \"yyyy-mm-dd\"",
            _ when t == typeof(int) || t == typeof(long) => "een geheel getal",
            _ when t == typeof(decimal) => "een getal",
            _ when t == typeof(bool) => "true of false",
            _ when t == typeof(string) => "tekst tussen aanhalingstekens",
            _ => "een lijst of object van de juiste vorm",
        };
    }

    [GeneratedRegex(@"\.([A-Za-z0-9_]+)|\[(\d+)\]")]
    private static partial Regex PadDeel();
}
