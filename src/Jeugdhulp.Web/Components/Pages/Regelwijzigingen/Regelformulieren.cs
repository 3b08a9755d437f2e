using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jeugdhulp.Core.Regelversies;
using Microsoft.AspNetCore.Http;

namespace Jeugdhulp.Web.Components.Pages.Regelwijzigingen;

/// <summary>How a typed form field reads and writes its JSON value.</summary>
public enum Veldsoort
{
    /// <summary>A text on one line.</summary>
    Tekst,

    /// <summary>A longer text (a textarea).</summary>
    LangeTekst,

    /// <summary>A whole number.</summary>
    Geheel,

    /// <summary>An amount in euro with at most two decimals (comma or point).</summary>
    Bedrag,

    /// <summary>One of <see cref="Veld.Keuzes"/>.</summary>
    Keuze,

    /// <summary>A checkbox: <c>true</c>/<c>false</c>.</summary>
    JaNee,

    /// <summary>A date, <c>yyyy-mm-dd</c>.</summary>
    Datum,

    /// <summary>Codes separated by commas, stored as a JSON list of texts.</summary>
    Codes,

    /// <summary>Any number of <see cref="Veld.Keuzes"/> (checkboxes), stored as a JSON list of texts; none is an empty list.</summary>
    Keuzelijst,
}

/// <summary>
/// One field of a typed rule form: the JSON property it edits (a dotted path for a property of a nested object, e.g.
/// <c>terugval.minuten</c>) and its Dutch label.
/// </summary>
public sealed record Veld(string Naam, string Label, Veldsoort Soort, bool Verplicht = true, IReadOnlyList<string>? Keuzes = null);

/// <summary>
/// A typed form for one rule kind (issue 20, item 3): fields of the item itself, and optionally one list of rows (a lot's
/// participations, the tariff table). Only the fields named here change; every other property of the item stays as it was
/// in force, and the result goes through the same loader checks as the JSON form.
/// </summary>
public sealed record Regelformulier(string Kop, string Uitleg, IReadOnlyList<Veld> Velden, string? Lijst = null, string? LijstLabel = null, IReadOnlyList<Veld>? Kolommen = null)
{
    /// <summary>A stacking pair: both selectors, outcome, rule id and explanation.</summary>
    public static readonly Regelformulier Stapeling = new("Stapelingspaar",
        "Een cel van de stapelingsmatrix. Selectors zijn product:CODE of perceel:CODE; a en b mogen omgedraaid staan.",
        [
            new("a", "Selector a", Veldsoort.Tekst),
            new("b", "Selector b", Veldsoort.Tekst),
            new("uitkomst", "Uitkomst", Veldsoort.Keuze, Keuzes: ["toegestaan", "beoordelen", "verboden"]),
            new("regelId", "Regel-id", Veldsoort.Tekst),
            new("toelichting", "Toelichting bij het besluit", Veldsoort.LangeTekst),
        ]);

    /// <summary>A deadline: description, who owes it, how long, advisory or not.</summary>
    public static readonly Regelformulier Termijn = new("Termijn",
        "Een termijn uit het handelingskader. Een adviestermijn geeft bij overschrijding een signaal, nooit een afwijzing.",
        [
            new("id", "Id", Veldsoort.Tekst),
            new("omschrijving", "Omschrijving", Veldsoort.Tekst),
            new("partij", "Wie moet het doen", Veldsoort.Keuze, Keuzes: ["gemeente", "aanbieder", "verwijzer", "regio"]),
            new("aantal", "Aantal", Veldsoort.Geheel),
            new("eenheid", "Eenheid", Veldsoort.Keuze, Keuzes: ["werkdagen", "dagen", "weken", "maanden", "jaren"]),
            new("advies", "Adviestermijn", Veldsoort.JaNee),
        ]);

    /// <summary>A lot's participation: which municipality takes part from when, optionally limited to some products.</summary>
    public static readonly Regelformulier Perceel = new("Deelname van gemeenten",
        "Welke gemeente vanaf wanneer aan dit perceel deelneemt. Een lege regel wordt overgeslagen; laat producten leeg voor het hele perceel.",
        [], "deelnames", "Deelnames",
        [
            new("gemeente", "Gemeente (CBS-code)", Veldsoort.Tekst),
            new("geldigVanaf", "Vanaf", Veldsoort.Datum),
            new("geldigTot", "Tot en met", Veldsoort.Datum, Verplicht: false),
            new("producten", "Alleen producten (codes, met komma's)", Veldsoort.Codes, Verplicht: false),
        ]);

    /// <summary>The tariff the rules hold: the moeder-kindtoeslag per etmaal per year (HK-24-11).</summary>
    public static readonly Regelformulier Tarief = new("Tarief moeder-kindtoeslag",
        "Bedrag in euro per etmaal per kind, per jaar (HK-24-11). Een jaar zonder bedrag vult een medewerker zelf in.",
        [], "moederKindtoeslag", "Tarieven",
        [
            new("jaar", "Jaar", Veldsoort.Geheel),
            new("bedragPerEtmaal", "Bedrag per etmaal (euro)", Veldsoort.Bedrag),
        ]);

    // Dutch text (é, ë, ×) stays readable in the stored version: the text is the rule file's, never HTML.
    private static readonly JsonSerializerOptions Schrijven = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The policy parameters (beleid.json): relapse, moving an end date, intake after a medical referral, no-shows, the medical referrers.</summary>
    public static readonly Regelformulier Beleid = new("Beleidsparameters",
        "De getallen van het beleid die niet aan één product hangen. De medische verwijzers zijn de verwijzertypen 02, 03 en 05; een lege regel wordt overgeslagen.",
        [
            new("terugval.vensterMaanden", "Terugval: binnen hoeveel maanden na het einde van de zorg (HK-315-9)", Veldsoort.Geheel),
            new("terugval.minuten", "Terugval: minuten (HK-315-9)", Veldsoort.Geheel),
            new("terugval.duurMaanden", "Terugval: looptijd van de toewijzing in maanden (HK-315-9)", Veldsoort.Geheel),
            new("einddatumVerschuiven.maxKeren", "Einddatum verschuiven: hoe vaak per toewijzing (HK-317-5)", Veldsoort.Geheel),
            new("einddatumVerschuiven.maxProcentVanPeriode", "Einddatum verschuiven: hoogstens procent van de oorspronkelijke periode (HK-317-5)", Veldsoort.Geheel),
            new("einddatumVerschuiven.maxMaanden", "Einddatum verschuiven: hoogstens maanden (HK-317-5)", Veldsoort.Geheel),
            new("intakeNaVerwijzingMaanden", "Intake binnen hoeveel maanden na een medische verwijzing (HK-ROUTE-1)", Veldsoort.Geheel),
            new("noShowMaxPerKalenderjaar", "No-shows per kalenderjaar per product per cliënt, hoogstens (HK-323-4)", Veldsoort.Geheel),
        ], "medischeVerwijzers", "Medische verwijzers",
        [
            new("type", "Verwijzertype (02, 03 of 05)", Veldsoort.Tekst),
            new("omschrijving", "Wie daaronder valt", Veldsoort.Tekst),
        ]);

    /// <summary>A lot's age limit (leeftijd.json, HK-PRD-6): the first age no longer allowed, its exceptions and the signal ahead.</summary>
    public static readonly Regelformulier Leeftijd = new("Leeftijdsgrens",
        "De leeftijdsgrens van een perceel (HK-PRD-6): jeugdigen moeten op de ingangsdatum jonger zijn dan de maximumleeftijd, tenzij een aangevinkte uitzondering geldt.",
        [
            new("perceel", "Perceel (code)", Veldsoort.Tekst),
            new("maxLeeftijd", "Maximumleeftijd (de eerste leeftijd die niet meer mag)", Veldsoort.Geheel),
            new("uitzonderingen", "Uitzonderingen", Veldsoort.Keuzelijst, Verplicht: false,
                Keuzes: ["gezinslidInZelfdePerceel", "ouderMetOpvoedvraag", "jeugdreclassering"]),
            new("signaalMaanden", "Signaal vooraf (maanden voor de verjaardag)", Veldsoort.Geheel),
        ]);

    /// <summary>The typed form for <paramref name="soort"/>, or null when it only has the JSON form (or the product's own limits form).</summary>
    public static Regelformulier? Van(Regelsoort soort) =>
        soort == Regelsoort.Stapeling ? Stapeling
        : soort == Regelsoort.Termijn ? Termijn
        : soort == Regelsoort.Perceel ? Perceel
        : soort == Regelsoort.Verblijf ? Tarief
        : soort == Regelsoort.Beleid ? Beleid
        : soort == Regelsoort.Leeftijd ? Leeftijd
        : null;

    /// <summary>The form field of an item field.</summary>
    public static string Veldnaam(Veld v) => "veld-" + v.Naam;

    /// <summary>The form field of column <paramref name="k"/> of row <paramref name="rij"/>.</summary>
    public string Celnaam(int rij, Veld k) => string.Create(CultureInfo.InvariantCulture, $"{Lijst}-{rij}-{k.Naam}");

    /// <summary>The rows of the list in <paramref name="item"/>, for the form (plus one empty row to add).</summary>
    public IReadOnlyList<JsonObject?> Rijen(JsonObject? item) =>
        Lijst is null ? [] : [.. (item?[Lijst] as JsonArray ?? []).Select(r => r as JsonObject), null];

    /// <summary>The choices of a <see cref="Veldsoort.Keuzelijst"/> field that <paramref name="o"/> holds.</summary>
    public static IReadOnlySet<string> Gekozen(JsonObject? o, Veld v) =>
        Knoop(o, v) is JsonArray a ? a.Select(x => x?.ToString() ?? "").ToHashSet(StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The value at a field's (dotted) path; null when a step is missing.</summary>
    private static JsonNode? Knoop(JsonObject? o, Veld v)
    {
        var stappen = v.Naam.Split('.');
        for (var i = 0; i < stappen.Length - 1; i++)
        {
            o = o?[stappen[i]] as JsonObject;
        }

        return o?[stappen[^1]];
    }

    /// <summary>A field's value as the form shows it.</summary>
    public static string Waarde(JsonObject? o, Veld v) => Knoop(o, v) switch
    {
        null => "",
        JsonArray a => string.Join(", ", a.Select(x => x?.ToString())),
        // Dutch notation (a decimal comma) without a culture: the service runs with invariant globalization.
        JsonValue w when v.Soort == Veldsoort.Bedrag && w.TryGetValue<decimal>(out var d) => d.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ','),
        var w => w.ToString(),
    };

    /// <summary>
    /// The item's JSON with the form's values, or what is wrong with a value (in Dutch, naming the field's label). The
    /// rule data's own checks (ranges, codes, overlap) are the loader's, after this.
    /// </summary>
    public (string? Inhoud, string? Fout) Pas(string inhoud, IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        JsonObject item;
        try
        {
            if (JsonNode.Parse(inhoud, null, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) is not JsonObject o)
            {
                return (null, "De regel is geen JSON-object; pas hem aan in het JSON-formulier.");
            }

            item = o;
        }
        catch (JsonException)
        {
            return (null, "De regel is geen geldige JSON; pas hem aan in het JSON-formulier.");
        }

        foreach (var v in Velden)
        {
            if (Zet(item, v, form[Veldnaam(v)].ToString(), v.Label) is { } fout)
            {
                return (null, fout);
            }
        }

        if (Lijst is not null && Kolommen is not null)
        {
            var oud = item[Lijst] as JsonArray ?? [];
            var nieuw = new JsonArray();
            var aantal = int.TryParse(form[Lijst + "-aantal"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Min(n, 500) : 0;
            for (var i = 0; i < aantal; i++)
            {
                var waarden = Kolommen.Select(k => form[Celnaam(i, k)].ToString().Trim()).ToList();
                if (waarden.All(w => w.Length == 0))
                {
                    continue;
                }

                var rij = i < oud.Count && oud[i] is JsonObject o ? (JsonObject)o.DeepClone() : [];
                foreach (var k in Kolommen)
                {
                    if (Zet(rij, k, form[Celnaam(i, k)].ToString(), string.Create(CultureInfo.InvariantCulture, $"{k.Label} (regel {i + 1})")) is { } fout)
                    {
                        return (null, fout);
                    }
                }

                nieuw.Add(rij);
            }

            item[Lijst] = nieuw;
        }

        return (item.ToJsonString(Schrijven), null);
    }

    /// <summary>Writes one value into <paramref name="o"/> at the field's (dotted) path, creating the nested objects; null, or what is wrong.</summary>
    private static string? Zet(JsonObject o, Veld v, string invoer, string label)
    {
        var stappen = v.Naam.Split('.');
        for (var i = 0; i < stappen.Length - 1; i++)
        {
            if (o[stappen[i]] is not JsonObject binnen)
            {
                binnen = [];
                o[stappen[i]] = binnen;
            }

            o = binnen;
        }

        return ZetBlad(o, v with { Naam = stappen[^1] }, invoer, label);
    }

    /// <summary>Writes one value as property <c>v.Naam</c> of <paramref name="o"/>; null, or what is wrong.</summary>
    private static string? ZetBlad(JsonObject o, Veld v, string invoer, string label)
    {
        var tekst = invoer.Trim();
        if (v.Soort == Veldsoort.Keuzelijst)
        {
            // Checkboxes of one name arrive as one comma-joined value.
            var gekozen = tekst.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
            if (gekozen.FirstOrDefault(k => !v.Keuzes!.Contains(k, StringComparer.Ordinal)) is { } onbekend)
            {
                return $"'{onbekend}' bij '{label}' is geen keuze uit {string.Join(", ", v.Keuzes!)}.";
            }

            o[v.Naam] = new JsonArray([.. v.Keuzes!.Where(gekozen.Contains).Select(k => (JsonNode)JsonValue.Create(k))]);
            return null;
        }

        if (v.Soort == Veldsoort.JaNee)
        {
            o[v.Naam] = tekst == "ja";
            return null;
        }

        if (tekst.Length == 0)
        {
            if (v.Verplicht)
            {
                return $"Vul '{label}' in.";
            }

            o.Remove(v.Naam);
            return null;
        }

        switch (v.Soort)
        {
            case Veldsoort.Geheel:
                if (!int.TryParse(tekst, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var geheel))
                {
                    return $"'{tekst}' bij '{label}' is geen heel getal.";
                }

                o[v.Naam] = geheel;
                return null;
            case Veldsoort.Bedrag:
                if (!decimal.TryParse(tekst.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var bedrag) ||
                    decimal.Round(bedrag, 2) != bedrag)
                {
                    return $"'{tekst}' bij '{label}' is geen bedrag in euro met hoogstens twee decimalen.";
                }

                o[v.Naam] = bedrag;
                return null;
            case Veldsoort.Keuze when !v.Keuzes!.Contains(tekst, StringComparer.Ordinal):
                return $"'{tekst}' bij '{label}' is geen keuze uit {string.Join(", ", v.Keuzes!)}.";
            case Veldsoort.Datum when !DateOnly.TryParseExact(tekst, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
                return $"'{tekst}' bij '{label}' is geen datum (jjjj-mm-dd).";
            case Veldsoort.Codes:
                o[v.Naam] = new JsonArray([.. tekst.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(c => (JsonNode)JsonValue.Create(c))]);
                return null;
            default:
                o[v.Naam] = tekst;
                return null;
        }
    }
}
