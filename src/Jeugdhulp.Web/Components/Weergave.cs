using System.Globalization;
using Jeugdhulp.Core.Teksten;
using Jeugdhulp.Core.Tijd;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Web.Components;

/// <summary>The Dutch wording of dates, money, codes and names on the pages (text only: the components do the markup and its encoding).</summary>
public static class Weergave
{
    /// <summary>Dutch date display: 05-03-2027.</summary>
    public static string Datum(DateOnly d) => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    public static string Datum(DateOnly? d) => d is { } x ? Datum(x) : "—";

    /// <summary>The value of a date input (ISO, what the browser sends back).</summary>
    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Gemeentenaam(Backoffice b, Gemeentecode code) =>
        b.Regels.OpDatum(b.Vandaag).Gemeente(code)?.Naam ?? code.Waarde;

    public static string Productnaam(Backoffice b, string? code) =>
        code is null ? "—"
        : ProductCode.Parse(code).TryGet(out var p) && b.Regels.OpDatum(b.Vandaag).Product(p) is { } product ? $"{code} {product.Naam}"
        : code;

    /// <summary>"Naam (AGB 12345678)" when the municipality's contracts name the provider; the bare AGB code otherwise.</summary>
    public static string Aanbieder(IReadOnlyDictionary<string, string> namen, string agb) =>
        namen.TryGetValue(agb, out var naam) ? $"{naam} (AGB {agb})" : agb;

    public static string Periode(DateOnly? van, DateOnly? tot) => $"{Datum(van)} t/m {(tot is null ? "open" : Datum(tot))}";

    public static string Omvang(Omvang? o) => o is null ? "—" : $"{o.Volume.ToString("N0", Nl)} {Eenheid(o.Eenheid, o.Volume)} {Frequentie(o.Frequentie)}";

    public static string Eenheid(string code, long aantal = 2) => Tekst.Eenheid(code, aantal);

    public static string Frequentie(string code) => Tekst.Frequentie(code);

    /// <summary>The Dutch calendar day of a stored UTC moment (a message at 23:30 UTC in summer arrived the next day).</summary>
    public static DateOnly Dag(DateTimeOffset t) => Bedrijfstijd.Dag(t);

    public static string Tijdstip(DateTimeOffset t) => Bedrijfstijd.Van(t).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Euro(long cent) => (cent / 100m).ToString("C2", Nl);

    public static string Getal(long n) => n.ToString("N0", Nl);

    /// <summary>Rule ids as stored ("HK-315-1,HK-315-3"), one by one.</summary>
    public static IReadOnlyList<string> Regelids(string regels) =>
        regels.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>"1 dag", "3 dagen".</summary>
    public static string Aantal(long n, string enkel, string meer) => $"{Getal(n)} {(n == 1 ? enkel : meer)}";

    public static string Soort(string berichtcode) => berichtcode switch
    {
        "JW315" => "Verzoek om toewijzing",
        "JW317" => "Verzoek om wijziging",
        _ => berichtcode,
    };

    public static CultureInfo Nl { get; } = MaakNl();

    // The build uses invariant globalization (no ICU): Dutch number and money formats are set by hand.
    private static CultureInfo MaakNl()
    {
        var c = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        c.NumberFormat.NumberDecimalSeparator = ",";
        c.NumberFormat.NumberGroupSeparator = ".";
        c.NumberFormat.CurrencyDecimalSeparator = ",";
        c.NumberFormat.CurrencyGroupSeparator = ".";
        c.NumberFormat.CurrencySymbol = "€";
        c.NumberFormat.CurrencyPositivePattern = 2;
        c.NumberFormat.CurrencyNegativePattern = 12;
        return CultureInfo.ReadOnly(c);
    }
}
