using System.Globalization;
using System.Text;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Contracten;

/// <summary>One record of a CSV file with the line it starts on (the header is line 1).</summary>
/// <param name="Regel">1-based line number where the record starts.</param>
/// <param name="Velden">The unquoted field values.</param>
internal sealed record CsvRij(int Regel, IReadOnlyList<string> Velden);

/// <summary>
/// The CSV dialect municipalities supply (RFC 4180): comma separated, fields optionally in double quotes
/// with "" for a quote inside, CRLF or LF line ends, an optional UTF-8 BOM. Blank lines are skipped.
/// Shared by the contracts and residents parsers; it only splits, the parsers judge the values.
/// </summary>
internal static class CsvLezer
{
    public static (List<CsvRij> Rijen, List<Fout> Fouten) Lees(string tekst, string bron)
    {
        var rijen = new List<CsvRij>();
        var fouten = new List<Fout>();
        var i = tekst.StartsWith('\uFEFF') ? 1 : 0;
        var regel = 1;
        var veld = new StringBuilder();
        while (i < tekst.Length)
        {
            var begin = regel;
            var velden = new List<string>();
            string? fout = null;
            while (true)
            {
                veld.Clear();
                if (i < tekst.Length && tekst[i] == '"')
                {
                    i++;
                    var gesloten = false;
                    while (i < tekst.Length)
                    {
                        var c = tekst[i];
                        if (c == '"')
                        {
                            if (i + 1 < tekst.Length && tekst[i + 1] == '"')
                            {
                                veld.Append('"');
                                i += 2;
                                continue;
                            }

                            i++;
                            gesloten = true;
                            break;
                        }

                        if (c == '\n' || (c == '\r' && (i + 1 >= tekst.Length || tekst[i + 1] != '\n')))
                        {
                            regel++;
                        }

                        veld.Append(c);
                        i++;
                    }

                    if (!gesloten)
                    {
                        fouten.Add(new Fout("CSV-OPBOUW", "aanhalingsteken wordt niet gesloten", Plaats(bron, begin)));
                        return (rijen, fouten);
                    }

                    if (i < tekst.Length && tekst[i] is not (',' or '\r' or '\n'))
                    {
                        fout ??= $"tekst na het sluitende aanhalingsteken van veld {velden.Count + 1}";
                    }
                }

                while (i < tekst.Length && tekst[i] is not (',' or '\r' or '\n'))
                {
                    if (tekst[i] == '"')
                    {
                        fout ??= $"aanhalingsteken midden in veld {velden.Count + 1}; zet het hele veld tussen aanhalingstekens en verdubbel het";
                    }

                    veld.Append(tekst[i]);
                    i++;
                }

                velden.Add(veld.ToString());
                if (i < tekst.Length && tekst[i] == ',')
                {
                    i++;
                    continue;
                }

                break;
            }

            if (i < tekst.Length)
            {
                i += tekst[i] == '\r' && i + 1 < tekst.Length && tekst[i + 1] == '\n' ? 2 : 1;
                regel++;
            }

            if (fout is not null)
            {
                fouten.Add(new Fout("CSV-OPBOUW", fout, Plaats(bron, begin)));
            }
            else if (velden is not [""])
            {
                rijen.Add(new CsvRij(begin, velden));
            }
        }

        return (rijen, fouten);
    }

    public static string Plaats(string bron, int regel, string? kolom = null) =>
        kolom is null ? $"{bron}: regel {regel}" : $"{bron}: regel {regel}, kolom {kolom}";

    /// <summary>Parses a yyyy-mm-dd date; null when it is not one.</summary>
    public static DateOnly? Datum(string tekst) =>
        DateOnly.TryParseExact(tekst, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var datum) ? datum : null;
}
