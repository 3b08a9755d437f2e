using System.Text;
using Jeugdhulp.Core.Toewijzing;

namespace Jeugdhulp.Core.Teksten;

/// <summary>One named value of a finding (a product code, a date as yyyy-MM-dd, a number), as the Dutch text shows it.</summary>
/// <param name="Naam">The placeholder in the text, <c>{naam}</c>.</param>
/// <param name="Waarde">The value: dates ISO (yyyy-MM-dd, so findings stored as data stay sortable and culture-free), numbers
/// invariant. The text shows an ISO date the Dutch way, dd-MM-yyyy, as the tables beside it do (<see cref="Tekst.Vul"/>).</param>
public readonly record struct Parameter(string Naam, string Waarde)
{
    /// <summary>A tuple at a call site reads as a parameter.</summary>
    public static implicit operator Parameter((string Naam, string Waarde) p) => new(p.Naam, p.Waarde);
}

/// <summary>
/// The one table of Dutch texts: findings per rule id and code (<see cref="Bevindingen"/>), the JW319 reasons,
/// units, frequencies and retour codes. Core, Store, Web, CLI and Demo render through here and nowhere else,
/// so a text differs in one place or not at all.
/// </summary>
public static partial class Tekst
{
    /// <summary>The rule id of a text shared by every rule that runs the same check (the rule id comes from rule data or the caller).</summary>
    public const string ElkeRegel = "*";

    /// <summary>True when the table holds a text for <paramref name="code"/> of <paramref name="regelId"/> (or a shared one).</summary>
    public static bool Heeft(string regelId, string code) =>
        Bevindingen.ContainsKey((regelId, code)) || Bevindingen.ContainsKey((ElkeRegel, code));

    /// <summary>
    /// The Dutch text of a finding: the table's text for (<paramref name="regelId"/>, <paramref name="code"/>), else the
    /// shared one for <paramref name="code"/>, with every <c>{naam}</c> replaced by its parameter (<c>{{</c> is a brace).
    /// A code without text or a placeholder without parameter is a bug: a test covers every code the engine uses.
    /// </summary>
    public static string Bevinding(string regelId, string code, IReadOnlyList<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!Bevindingen.TryGetValue((regelId, code), out var sjabloon) && !Bevindingen.TryGetValue((ElkeRegel, code), out sjabloon))
        {
            throw new KeyNotFoundException($"Geen tekst voor bevinding {regelId} '{code}'.");
        }

        return Vul(sjabloon, parameters);
    }

    /// <summary>Fills <c>{naam}</c> placeholders; <c>{{</c> and <c>}}</c> stand for a brace.</summary>
    internal static string Vul(string sjabloon, IReadOnlyList<Parameter> parameters)
    {
        var tekst = new StringBuilder(sjabloon.Length + 32);
        for (var i = 0; i < sjabloon.Length; i++)
        {
            var c = sjabloon[i];
            if ((c == '{' || c == '}') && i + 1 < sjabloon.Length && sjabloon[i + 1] == c)
            {
                tekst.Append(c);
                i++;
            }
            else if (c == '{')
            {
                var einde = sjabloon.IndexOf('}', i);
                var naam = sjabloon[(i + 1)..einde];
                var p = parameters.FirstOrDefault(p => p.Naam == naam);
                if (p.Naam is null)
                {
                    throw new KeyNotFoundException($"Geen parameter '{naam}' voor \"{sjabloon}\".");
                }

                VoegWaardeToe(tekst, p.Waarde);
                i = einde;
            }
            else
            {
                tekst.Append(c);
            }
        }

        return tekst.ToString();
    }

    /// <summary>
    /// A parameter as the sentence shows it: an ISO date (yyyy-MM-dd) as dd-MM-yyyy — the pages, exports and the CLI show
    /// dates that way, and a finding reading "tot 2027-03-08" beside a table reading 08-03-2027 made staff look twice.
    /// </summary>
    private static void VoegWaardeToe(StringBuilder tekst, string waarde)
    {
        if (IsIsoDatum(waarde))
        {
            tekst.Append(waarde, 8, 2).Append('-').Append(waarde, 5, 2).Append('-').Append(waarde, 0, 4);
        }
        else
        {
            tekst.Append(waarde);
        }
    }

    private static bool IsIsoDatum(string w) =>
        w.Length == 10 && w[4] == '-' && w[7] == '-'
        && char.IsAsciiDigit(w[0]) && char.IsAsciiDigit(w[1]) && char.IsAsciiDigit(w[2]) && char.IsAsciiDigit(w[3])
        && char.IsAsciiDigit(w[5]) && char.IsAsciiDigit(w[6]) && char.IsAsciiDigit(w[8]) && char.IsAsciiDigit(w[9]);

    /// <summary>The iJw RedenAfwijzingVerzoek text (HK-315-12), lower case as it stands in a sentence.</summary>
    public static string Reden(RedenAfwijzing reden) => reden switch
    {
        RedenAfwijzing.NieuweAanvraag => "geen wijziging maar nieuwe aanvraag",
        RedenAfwijzing.Budget => "past niet binnen budget",
        RedenAfwijzing.GeenContract => "geen contract",
        RedenAfwijzing.PastNietBinnenContract => "past niet binnen contract",
        RedenAfwijzing.AndereGemeente => "andere gemeente",
        RedenAfwijzing.Stapeling => "stapeling",
        RedenAfwijzing.Zorginhoudelijk => "zorginhoudelijke afkeur",
        RedenAfwijzing.Woonplaatsbeginsel => "woonplaatsbeginsel",
        RedenAfwijzing.Leeftijdsgrens => "leeftijdsgrens is bereikt",
        _ => reden.ToString(),
    };

    /// <summary>The reason text for a stored code (1–9), "overig" for any other.</summary>
    public static string Reden(int code) =>
        Enum.IsDefined((RedenAfwijzing)code) ? Reden((RedenAfwijzing)code) : "overig";

    /// <summary>Every JW319 reason in code order, for a choice list.</summary>
    public static IReadOnlyList<RedenAfwijzing> Redenen { get; } = Enum.GetValues<RedenAfwijzing>();

    /// <summary>The Dutch name of an iJw unit (WJ756) for <paramref name="aantal"/> of it.</summary>
    public static string Eenheid(string code, long aantal = 2) => code switch
    {
        "01" => aantal == 1 ? "minuut" : "minuten",
        "04" => "uur",
        "14" => aantal == 1 ? "etmaal" : "etmalen",
        "16" => aantal == 1 ? "dagdeel" : "dagdelen",
        "82" or "84" => aantal == 1 ? "stuk" : "stuks",
        "83" => "euro",
        _ => $"eenheid {code}",
    };

    /// <summary>What kind of count a unit is, where the name alone does not say (82 output, 84 inspanning), else null.</summary>
    public static string? Eenheidsoort(string code) => code switch
    {
        "82" => "output",
        "84" => "inspanning",
        _ => null,
    };

    /// <summary>The Dutch text of an iJw frequency (WJ757), with or without leading zero.</summary>
    public static string Frequentie(string code) => code.TrimStart('0') switch
    {
        "1" => "per dag",
        "2" => "per week",
        "4" => "per maand",
        "6" => "in totaal",
        _ => $"frequentie {code}",
    };

    /// <summary>
    /// A RedenWijziging of a JW301 (LDT_RedenWijziging) with its meaning, e.g. "04 herbeoordeling: verlenging": staff read
    /// a bare "04" as nothing. An unknown code is shown as it is.
    /// </summary>
    public static string RedenWijziging(string code) => code switch
    {
        "01" => "01 administratieve correctie (vervallen)",
        "02" => "02 cliënt overleden",
        "03" => "03 contractwijziging",
        "04" => "04 herbeoordeling: verlenging",
        "05" => "05 herbeoordeling: verkorting",
        "06" => "06 uitstroom naar ander domein",
        "07" => "07 verhuizing naar andere gemeente",
        "08" => "08 wijziging leveringsvorm",
        "09" => "09 overstap naar andere aanbieder",
        "10" => "10 overgang naar nieuwe bekostigingssystematiek",
        "11" => "11 gemeentelijke herindeling",
        "12" => "12 geïnitieerd door de aanbieder",
        "13" => "13 verwijderd",
        "14" => "14 administratieve correctie",
        _ => code,
    };

    /// <summary>The Dutch meaning of an iJw retour code we give, or null for one this table does not explain.</summary>
    public static string? Retourcode(string code) => code switch
    {
        "0001" => "bericht technisch afgekeurd",
        "0611" => "tarief wijkt af van het contracttarief",
        "8021" => "referentienummer is al eerder ingediend",
        "8187" => "prestatie hoort niet bij deze cliënt of aanbieder",
        "9019" => "niet te koppelen aan een toewijzing van deze cliënt bij deze aanbieder",
        "9063" => "verwijderen zonder eerdere aanlevering met dezelfde sleutel",
        "9069" => "geen actuele start met dezelfde sleutel",
        "9071" => "start kan niet verwijderd worden: er is al een stop",
        "9074" => "deze sleutel is al ontvangen",
        "9307" => "begindatum ligt vóór de toewijzing",
        "9308" => "einddatum ligt na de toewijzing",
        "9319" => "productperiode valt niet binnen de declaratieperiode",
        "9321" => "volume groter dan toegewezen",
        "9322" => "som van de volumes groter dan toegewezen",
        "9338" => "geen (declareerbare) toewijzing bij deze prestatie",
        "9339" => "productcategorie wijkt af van de toewijzing",
        "9340" => "productcode wijkt af van de toewijzing",
        "9341" => "eenheid wijkt af van de toewijzing",
        "9346" => "bedrag is niet volume × tarief",
        _ => null,
    };

    /// <summary>
    /// The explanation of a decision for staff: the outcome, then the rejecting and review findings, all findings
    /// when approved (else the rule ids checked), then the signals. Stored beside the findings as the dossier text.
    /// </summary>
    public static string Toelichting(Uitkomst uitkomst, RedenAfwijzing? reden, string regelset, IReadOnlyList<Bevinding> bevindingen, IReadOnlyList<Signaal> signalen)
    {
        ArgumentNullException.ThrowIfNull(bevindingen);
        ArgumentNullException.ThrowIfNull(signalen);
        var tekst = new StringBuilder();
        tekst.Append(uitkomst switch
        {
            Uitkomst.Toegekend => "Toegekend",
            Uitkomst.Afgewezen => $"Afgewezen, reden {(int)reden!} ({Reden(reden.Value)})",
            _ => "Ter beoordeling door een medewerker",
        });
        // A decision taken before any rule set applies (no product to date it by) names none.
        tekst.Append(regelset.Length == 0 ? "" : " volgens regelset ").Append(regelset).Append('.');
        foreach (var b in bevindingen.Where(b => b.Uitkomst == Uitkomst.Afgewezen))
        {
            tekst.Append('\n').Append("Afgewezen op ").Append(b.RegelId).Append(": ").Append(b.Melding);
        }

        foreach (var b in bevindingen.Where(b => b.Uitkomst == Uitkomst.Beoordelen))
        {
            tekst.Append('\n').Append("Beoordelen op ").Append(b.RegelId).Append(": ").Append(b.Melding);
        }

        if (uitkomst == Uitkomst.Toegekend)
        {
            foreach (var b in bevindingen)
            {
                tekst.Append('\n').Append(b.RegelId).Append(": ").Append(b.Melding);
            }
        }
        else
        {
            tekst.Append("\nGecontroleerd: ").AppendJoin(", ", bevindingen.Select(b => b.RegelId).Distinct(StringComparer.Ordinal)).Append('.');
        }

        foreach (var s in signalen)
        {
            tekst.Append('\n').Append("Signaal ").Append(s.RegelId).Append(": ").Append(s.Melding);
        }

        return tekst.ToString();
    }

    /// <summary>The text with its first letter in upper case (a list item or a choice, where the table's text starts a line).</summary>
    public static string Hoofdletter(string tekst) =>
        string.IsNullOrEmpty(tekst) ? tekst : string.Concat(char.ToUpperInvariant(tekst[0]).ToString(), tekst.AsSpan(1));
}
