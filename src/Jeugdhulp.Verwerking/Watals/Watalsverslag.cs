using System.Globalization;
using System.Text;
using Jeugdhulp.Core.Toewijzing;

namespace Jeugdhulp.Store.Watals;

/// <summary>One decision the draft rules would take differently (its outcome flips).</summary>
/// <param name="Dag">The day the message was processed.</param>
/// <param name="Soort">JW315 or JW317.</param>
/// <param name="Referentie">ReferentieAanbieder of the request line (JW317: of the request).</param>
/// <param name="Gemeente">Receiving municipality.</param>
/// <param name="Aanbieder">The provider's AGB code.</param>
/// <param name="Product">The requested product code (a JW317: its first new product, else "wijziging").</param>
/// <param name="Was">The outcome under the rules in force.</param>
/// <param name="Wordt">The outcome under the draft.</param>
/// <param name="RegelIds">The rules whose finding differs between the two decisions (the rules that make the difference).</param>
/// <param name="Minuten">Allocated minutes under the draft minus those under the rules in force.</param>
/// <param name="Cent">Those minutes at the contract tariff, in eurocent.</param>
public sealed record Omslag(DateOnly Dag, string Soort, string Referentie, string Gemeente, string Aanbieder, string Product,
    Uitkomst Was, Uitkomst Wordt, IReadOnlyList<string> RegelIds, long Minuten, long Cent);

/// <summary>One declared prestatie the draft rules would judge differently.</summary>
/// <param name="Dag">The day the JW323 was processed.</param>
/// <param name="Referentie">The prestatie's ReferentieNummer.</param>
/// <param name="Gemeente">Receiving municipality.</param>
/// <param name="Aanbieder">The provider's AGB code.</param>
/// <param name="Product">Declared product code.</param>
/// <param name="Geweigerd">True: refused under the draft, approved today; false: the other way round.</param>
/// <param name="RegelIds">The rules of the refusals that differ.</param>
/// <param name="Cent">The prestatie's amount (debet positive, credit negative), in eurocent.</param>
public sealed record Declaratieomslag(DateOnly Dag, string Referentie, string Gemeente, string Aanbieder, string Product, bool Geweigerd,
    IReadOnlyList<string> RegelIds, long Cent);

/// <summary>The changes per rule id, municipality, provider and product.</summary>
/// <param name="RegelId">The rule that makes the difference.</param>
/// <param name="Gemeente">Municipality.</param>
/// <param name="Aanbieder">Provider.</param>
/// <param name="Product">Product.</param>
/// <param name="NaarToegekend">Decisions that become approved.</param>
/// <param name="NaarBeoordelen">Decisions that go to review instead.</param>
/// <param name="NaarAfgewezen">Decisions that become rejected.</param>
/// <param name="Minuten">Net change of allocated minutes.</param>
/// <param name="Cent">Net change in eurocent.</param>
/// <param name="RegelsGeweigerd">Declared prestaties refused under the draft that are approved today.</param>
/// <param name="RegelsToegestaan">Declared prestaties approved under the draft that are refused today.</param>
public sealed record Watalsgroep(string RegelId, string Gemeente, string Aanbieder, string Product, int NaarToegekend, int NaarBeoordelen,
    int NaarAfgewezen, long Minuten, long Cent, int RegelsGeweigerd, int RegelsToegestaan)
{
    /// <summary>All decisions that flip in this group.</summary>
    public int Omgeslagen => NaarToegekend + NaarBeoordelen + NaarAfgewezen;
}

/// <summary>
/// What a draft rule set would have changed in a period: every decision and declared prestatie of the period,
/// replayed under both rule sets on the same state (<see cref="WatalsAfspelen"/>).
/// </summary>
/// <param name="Van">First day of the period.</param>
/// <param name="Tot">Last day of the period.</param>
/// <param name="Besluiten">Decisions compared (JW315 request lines and JW317s).</param>
/// <param name="Prestaties">Declared prestaties compared.</param>
/// <param name="Berichten">Messages replayed in all (the ones before the period build the state).</param>
/// <param name="Omslagen">The decisions that flip.</param>
/// <param name="Declaratieomslagen">The prestaties that flip.</param>
public sealed record Watalsverslag(DateOnly Van, DateOnly Tot, int Besluiten, int Prestaties, int Berichten,
    IReadOnlyList<Omslag> Omslagen, IReadOnlyList<Declaratieomslag> Declaratieomslagen)
{
    /// <summary>
    /// Messages whose decision read no rule item the draft changes, so the draft's decision was that decision (taken
    /// once); 0 when every decision was taken under both rule sets.
    /// </summary>
    public int Hergebruikt { get; init; }

    /// <summary>
    /// The most rows of recorded state the replay held at once (<see cref="Gemeentestaat.Rijen"/>): when replayed one
    /// municipality at a time, the largest of a municipality's plus the next one's (read while it is replayed); the
    /// region's when replayed whole. Not part of the report.
    /// </summary>
    public long HoogsteStaat { get; init; }

    /// <summary>True when the draft changes nothing in the period.</summary>
    public bool IsOngewijzigd => Omslagen.Count == 0 && Declaratieomslagen.Count == 0;

    /// <summary>
    /// The changes grouped per rule id, municipality, provider and product. A flip that two rules make is counted
    /// under both, so the groups can add up to more than <see cref="Omslagen"/>.
    /// </summary>
    public IReadOnlyList<Watalsgroep> Groepen()
    {
        var besluiten = Omslagen.SelectMany(o => o.RegelIds.Select(r => (Sleutel: (r, o.Gemeente, o.Aanbieder, o.Product), o)))
            .GroupBy(x => x.Sleutel).ToDictionary(g => g.Key, g => g.Select(x => x.o).ToList());
        var declaraties = Declaratieomslagen.SelectMany(o => o.RegelIds.Select(r => (Sleutel: (r, o.Gemeente, o.Aanbieder, o.Product), o)))
            .GroupBy(x => x.Sleutel).ToDictionary(g => g.Key, g => g.Select(x => x.o).ToList());
        return [.. besluiten.Keys.Union(declaraties.Keys)
            .OrderBy(k => k.r, StringComparer.Ordinal).ThenBy(k => k.Gemeente, StringComparer.Ordinal)
            .ThenBy(k => k.Aanbieder, StringComparer.Ordinal).ThenBy(k => k.Product, StringComparer.Ordinal)
            .Select(k =>
            {
                var b = besluiten.GetValueOrDefault(k) ?? [];
                var d = declaraties.GetValueOrDefault(k) ?? [];
                return new Watalsgroep(k.r, k.Gemeente, k.Aanbieder, k.Product,
                    b.Count(o => o.Wordt == Uitkomst.Toegekend), b.Count(o => o.Wordt == Uitkomst.Beoordelen), b.Count(o => o.Wordt == Uitkomst.Afgewezen),
                    b.Sum(o => o.Minuten), b.Sum(o => o.Cent), d.Count(o => o.Geweigerd), d.Count(o => !o.Geweigerd));
            })];
    }

    /// <summary>The Dutch summary for the policy team.</summary>
    public string Samenvatting()
    {
        var nl = Nederlands;
        var sb = new StringBuilder();
        sb.Append(nl, $"Wat-als van {Van:yyyy-MM-dd} tot en met {Tot:yyyy-MM-dd}: {Besluiten} besluiten en {Prestaties} gedeclareerde prestaties opnieuw beoordeeld met de conceptregels ({Berichten} berichten afgespeeld).\n");
        if (IsOngewijzigd)
        {
            sb.Append("Het concept verandert niets: elk besluit en elke prestatie valt hetzelfde uit.\n");
            return sb.ToString();
        }

        var minuten = Omslagen.Sum(o => o.Minuten);
        var cent = Omslagen.Sum(o => o.Cent);
        sb.Append(nl, $"{Omslagen.Count} besluit(en) vallen anders uit: {Omslagen.Count(o => o.Wordt == Uitkomst.Toegekend)} worden toegekend, {Omslagen.Count(o => o.Wordt == Uitkomst.Beoordelen)} gaan naar een medewerker, {Omslagen.Count(o => o.Wordt == Uitkomst.Afgewezen)} worden afgewezen.\n");
        sb.Append(nl, $"Toegewezen minuten {Teken(minuten, nl)}, bedrag {Euro(cent, nl)}.\n");
        if (Declaratieomslagen.Count > 0)
        {
            sb.Append(nl, $"{Declaratieomslagen.Count(d => d.Geweigerd)} gedeclareerde prestatie(s) zouden worden geweigerd ({Euro(-Declaratieomslagen.Where(d => d.Geweigerd).Sum(d => d.Cent), nl)}), {Declaratieomslagen.Count(d => !d.Geweigerd)} zouden worden toegestaan.\n");
        }

        sb.Append("\nPer regel, gemeente, aanbieder en product:\n");
        foreach (var g in Groepen())
        {
            sb.Append(nl, $"  {g.RegelId}  gemeente {g.Gemeente}  aanbieder {g.Aanbieder}  product {g.Product}: ");
            var delen = new List<string>();
            if (g.NaarToegekend > 0)
            {
                delen.Add(string.Create(nl, $"{g.NaarToegekend} toegekend"));
            }

            if (g.NaarBeoordelen > 0)
            {
                delen.Add(string.Create(nl, $"{g.NaarBeoordelen} naar beoordeling"));
            }

            if (g.NaarAfgewezen > 0)
            {
                delen.Add(string.Create(nl, $"{g.NaarAfgewezen} afgewezen"));
            }

            if (g.Omgeslagen > 0)
            {
                delen.Add(string.Create(nl, $"minuten {Teken(g.Minuten, nl)}, {Euro(g.Cent, nl)}"));
            }

            if (g.RegelsGeweigerd > 0)
            {
                delen.Add(string.Create(nl, $"{g.RegelsGeweigerd} declaratieregel(s) geweigerd"));
            }

            if (g.RegelsToegestaan > 0)
            {
                delen.Add(string.Create(nl, $"{g.RegelsToegestaan} declaratieregel(s) toegestaan"));
            }

            sb.Append(string.Join(", ", delen)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>One CSV row per changed decision or prestatie (semicolon-separated, as Dutch Excel reads it).</summary>
    public string Csv()
    {
        var sb = new StringBuilder("soort;dag;referentie;gemeente;aanbieder;product;was;wordt;regels;minuten;cent\n");
        foreach (var r in Rijen())
        {
            sb.AppendJoin(';', r.Select(Veld)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The rows of <see cref="Csv"/> (and of the Excel sheet), as text.</summary>
    public IEnumerable<string[]> Rijen()
    {
        foreach (var o in Omslagen)
        {
            yield return [o.Soort, D(o.Dag), o.Referentie, o.Gemeente, o.Aanbieder, o.Product, Woord(o.Was), Woord(o.Wordt), string.Join(' ', o.RegelIds), N(o.Minuten), N(o.Cent)];
        }

        foreach (var d in Declaratieomslagen)
        {
            yield return ["JW323", D(d.Dag), d.Referentie, d.Gemeente, d.Aanbieder, d.Product, d.Geweigerd ? "goedgekeurd" : "geweigerd",
                d.Geweigerd ? "geweigerd" : "goedgekeurd", string.Join(' ', d.RegelIds), "", N(d.Geweigerd ? -d.Cent : d.Cent)];
        }
    }

    // Dutch number format without relying on ICU culture data (the service runs in globalization-invariant mode).
    private static readonly NumberFormatInfo Nederlands = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NumberDecimalDigits = 2 };

    /// <summary>The Dutch word for an outcome, as staff read it.</summary>
    public static string Woord(Uitkomst u) => Core.Teksten.Tekst.Uitkomstwoord(u);

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    // A field with the separator, a quote or a line break is quoted; a leading = + - @ would be a formula in Excel.
    private static string Veld(string v)
    {
        var w = v.Length > 0 && "=+@".Contains(v[0], StringComparison.Ordinal) ? "'" + v : v;
        return w.AsSpan().IndexOfAny(";\"\n\r") >= 0 ? "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : w;
    }

    private static string Teken(long n, NumberFormatInfo nl) => (n > 0 ? "+" : "") + n.ToString("N0", nl);

    private static string Euro(long cent, NumberFormatInfo nl) => (cent > 0 ? "+" : cent < 0 ? "-" : "") + "€ " + (Math.Abs(cent) / 100m).ToString("N2", nl);
}
