using System.Globalization;
using System.Text;

namespace Jeugdhulp.Core.Conversie;

/// <summary>
/// The plan as CSV for the region's spreadsheet, one line per allocation. The client is named by the
/// old allocation number and the masked BSN only: the file leaves the backoffice.
/// </summary>
public static class ConversieplanCsv
{
    /// <summary>The header line.</summary>
    public const string Kop = "gemeente,nummer,client,aanbieder,oudeCode,route,nieuweCode,ingangsdatum,einddatum,volume,eenheid,frequentie,zonderContractUiterlijk,regels,bevindingen";

    /// <summary>The columns of <see cref="Kop"/> for one advice, unquoted (the Excel export uses the same).</summary>
    public static IReadOnlyList<string> Velden(Conversieadvies a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var t = a.Toewijzing;
        return
        [
            t.Gemeente.Waarde, t.Nummer.ToString(CultureInfo.InvariantCulture), t.Client.Gemaskeerd, t.Aanbieder.Waarde, t.Product.Waarde,
            a.Route is { } r ? ConversieBepalen.Naam(r) : "geen", a.NieuwProduct?.Waarde ?? "", Iso(a.Route is null ? null : a.Overgangsdatum),
            Iso(a.NieuweEinddatum), a.NieuweOmvang?.Volume.ToString(CultureInfo.InvariantCulture) ?? "", a.NieuweOmvang?.Eenheid ?? "",
            a.NieuweOmvang?.Frequentie ?? "", Iso(a.Contractsignaal?.Uiterlijk),
            string.Join(' ', a.Bevindingen.Select(b => b.RegelId).Distinct(StringComparer.Ordinal)),
            string.Join(" | ", a.Bevindingen),
        ];
    }

    /// <summary>The whole plan as CSV text (RFC 4180, LF line ends).</summary>
    public static string Schrijf(Conversieplan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var sb = new StringBuilder(Kop).Append('\n');
        foreach (var a in plan.Adviezen)
        {
            sb.AppendJoin(',', Velden(a).Select(Veld)).Append('\n');
        }

        return sb.ToString();
    }

    private static string Veld(string v) =>
        v.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;

    private static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
