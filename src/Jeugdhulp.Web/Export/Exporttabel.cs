using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Audit;
using Jeugdhulp.Web.Schermen;
using Microsoft.AspNetCore.Http;

namespace Jeugdhulp.Web.Export;

/// <summary>
/// A list as a file: Dutch column heads and one row per item, with the values typed (text, whole number,
/// amount, date) so a spreadsheet can sum and sort them. Built by each page's endpoint from the same query
/// and filters as the page, so a file holds exactly what the list shows (unpaged).
/// </summary>
/// <param name="Naam">The list's name, the file's name without extension (e.g. <c>termijnen</c>).</param>
/// <param name="Koppen">The column heads, in Dutch.</param>
/// <param name="Rijen">One array per row, as many cells as heads: string, long, int, decimal, double, DateOnly or null.</param>
/// <param name="Clienten">
/// The clients whose data is in the file (the BSN itself only when the page shows it): each export with
/// any is audited per client, like a staff view of a dossier.
/// </param>
public sealed record Exporttabel(string Naam, IReadOnlyList<string> Koppen, IReadOnlyList<object?[]> Rijen, IReadOnlyCollection<Bsn> Clienten);

/// <summary>
/// The one export helper of the backoffice: a list to CSV or Excel (.xlsx through ClosedXML), audited when it
/// holds client data. CSV is what Dutch Excel opens directly: UTF-8 with a byte-order mark, semicolons,
/// decimal commas, CRLF; a text cell that a spreadsheet would take for a formula (<c>= + - @</c>, tab, CR)
/// gets a leading apostrophe (OWASP's advice on CSV injection). In the workbook every text is a text cell,
/// never a formula.
/// </summary>
public static class Exportbestand
{
    // Weergave's Dutch number format: the host may run in globalization-invariant mode, without nl-NL.
    private static CultureInfo Nl => Components.Weergave.Nl;

    /// <summary>The media type of an .xlsx file.</summary>
    public const string ExcelType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The formats offered, by their URL extension.</summary>
    public static IReadOnlyList<string> Formaten { get; } = ["csv", "xlsx"];

    /// <summary>
    /// The file of <paramref name="tabel"/> in <paramref name="formaat"/> (csv or xlsx) as a download, after
    /// writing the audit entries; 404 for another format.
    /// </summary>
    public static IResult Download(Backoffice b, HttpContext ctx, Exporttabel tabel, string formaat)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(tabel);
        if (!Formaten.Contains(formaat))
        {
            return Results.NotFound();
        }

        var bestand = Audit(b, ctx, tabel.Naam, formaat, tabel.Rijen.Count, tabel.Clienten);
        return formaat == "csv"
            ? Results.File(Csv(tabel), "text/csv; charset=utf-8", bestand)
            : Results.File(Excel(tabel), ExcelType, bestand);
    }

    /// <summary>
    /// A CSV download written while <paramref name="rijen"/> are read (a list too long to hold in memory first: the
    /// deadlines of a national-size municipality), after the audit entries of <paramref name="clienten"/>, which the caller
    /// reads beforehand with the number of rows. The same bytes as <see cref="Csv"/> of the same rows.
    /// </summary>
    public static IResult CsvStroom(Backoffice b, HttpContext ctx, string naam, IReadOnlyList<string> koppen, int aantal, IReadOnlyCollection<Bsn> clienten,
        IEnumerable<object?[]> rijen)
    {
        ArgumentNullException.ThrowIfNull(koppen);
        ArgumentNullException.ThrowIfNull(rijen);
        var bestand = Audit(b, ctx, naam, "csv", aantal, clienten);
        return Results.Stream(async uit =>
        {
            await uit.WriteAsync(Encoding.UTF8.GetPreamble()).ConfigureAwait(false);
            await using var schrijver = new StreamWriter(uit, new UTF8Encoding(false), 1 << 16);
            var sb = new StringBuilder();
            Regel(sb, koppen.Select(k => (object?)k));
            foreach (var rij in rijen)
            {
                Regel(sb, rij);
                if (sb.Length > 1 << 15)
                {
                    await schrijver.WriteAsync(sb).ConfigureAwait(false);
                    sb.Clear();
                }
            }

            await schrijver.WriteAsync(sb).ConfigureAwait(false);
        }, "text/csv; charset=utf-8", bestand);
    }

    /// <summary>The audit entries of an export holding client data (before any byte of it leaves); the file's name.</summary>
    private static string Audit(Backoffice b, HttpContext ctx, string naam, string formaat, int aantal, IReadOnlyCollection<Bsn> clienten)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(clienten);
        var m = ctx.Medewerker();
        if (clienten.Count > 0)
        {
            b.Store.AuditExport(m.Gebruiker, m.Gemeente, $"export {naam} ({formaat}, {aantal} rijen)", clienten);
        }

        return $"{naam}-{b.Vandaag:yyyy-MM-dd}.{formaat}";
    }

    /// <summary>The table as CSV bytes (UTF-8 with BOM, semicolons, CRLF).</summary>
    public static byte[] Csv(Exporttabel tabel)
    {
        ArgumentNullException.ThrowIfNull(tabel);
        var sb = new StringBuilder();
        Regel(sb, tabel.Koppen.Select(k => (object?)k));
        foreach (var rij in tabel.Rijen)
        {
            Regel(sb, rij);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    /// <summary>The table as an .xlsx workbook: one sheet, heads in bold and frozen, columns fitted.</summary>
    public static byte[] Excel(Exporttabel tabel)
    {
        ArgumentNullException.ThrowIfNull(tabel);
        return Werkboek([tabel]);
    }

    /// <summary>Several tables as one .xlsx workbook, a sheet per table (named after it), each as <see cref="Excel(Exporttabel)"/>.</summary>
    public static byte[] Werkboek(IReadOnlyList<Exporttabel> tabellen)
    {
        ArgumentNullException.ThrowIfNull(tabellen);
        using var boek = new XLWorkbook();
        foreach (var tabel in tabellen)
        {
            Blad(boek, tabel);
        }

        using var uit = new MemoryStream();
        boek.SaveAs(uit);
        return uit.ToArray();
    }

    private static void Blad(XLWorkbook boek, Exporttabel tabel)
    {
        var blad = boek.Worksheets.Add(Bladnaam(tabel.Naam));
        for (var k = 0; k < tabel.Koppen.Count; k++)
        {
            blad.Cell(1, k + 1).SetValue(tabel.Koppen[k]);
        }

        blad.Row(1).Style.Font.Bold = true;
        blad.SheetView.FreezeRows(1);
        for (var r = 0; r < tabel.Rijen.Count; r++)
        {
            var rij = tabel.Rijen[r];
            for (var k = 0; k < rij.Length; k++)
            {
                Zet(blad.Cell(r + 2, k + 1), rij[k]);
            }
        }

        // ClosedXML's AdjustToContents measures text with GDI+, which a Linux server does not have: the width
        // comes from the longest text of the column (heads and the first rows suffice).
        for (var k = 0; k < tabel.Koppen.Count; k++)
        {
            var langste = tabel.Rijen.Take(1000).Select(r => k < r.Length ? Convert.ToString(r[k], CultureInfo.InvariantCulture)?.Length ?? 0 : 0)
                .Append(tabel.Koppen[k].Length).Max();
            blad.Column(k + 1).Width = Math.Min(60, langste + 2);
        }
    }

    /// <summary>A text cell made safe for a spreadsheet: a leading apostrophe before a character that starts a formula.</summary>
    public static string Veilig(string tekst)
    {
        ArgumentNullException.ThrowIfNull(tekst);
        return tekst.Length > 0 && tekst[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + tekst : tekst;
    }

    private static void Zet(IXLCell cel, object? waarde)
    {
        switch (waarde)
        {
            case null:
                break;
            case long l:
                cel.SetValue(l);
                break;
            case int i:
                cel.SetValue(i);
                break;
            case decimal d:
                cel.SetValue(d);
                cel.Style.NumberFormat.Format = "#,##0.00";
                break;
            case double d:
                cel.SetValue(d);
                break;
            case DateOnly d:
                cel.SetValue(d.ToDateTime(TimeOnly.MinValue));
                cel.Style.DateFormat.Format = "dd-mm-yyyy";
                break;
            default:
                // SetValue of a string keeps it text (never a formula); the type is set too, so "0171" stays "0171".
                cel.SetValue(Convert.ToString(waarde, CultureInfo.InvariantCulture) ?? "");
                cel.DataType = XLDataType.Text;
                break;
        }
    }

    private static void Regel(StringBuilder sb, IEnumerable<object?> cellen)
    {
        var eerste = true;
        foreach (var c in cellen)
        {
            if (!eerste)
            {
                sb.Append(';');
            }

            eerste = false;
            var tekst = c switch
            {
                null => "",
                long l => l.ToString(CultureInfo.InvariantCulture),
                int i => i.ToString(CultureInfo.InvariantCulture),
                decimal d => d.ToString("0.00", Nl),
                double d => d.ToString("0.##", Nl),
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => Veilig(Convert.ToString(c, CultureInfo.InvariantCulture) ?? ""),
            };
            sb.Append(tekst.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + tekst.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : tekst);
        }

        sb.Append("\r\n");
    }

    /// <summary>A sheet name Excel accepts: at most 31 characters.</summary>
    private static string Bladnaam(string naam) => naam.Length <= 31 ? naam : naam[..31];
}
