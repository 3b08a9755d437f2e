using System.Globalization;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Contracten;

/// <summary>
/// Parses the contracts CSV a municipality supplies: header exactly
/// <c>gemeente,aanbieder,productcode,ingangsdatum,einddatum,tarief</c>, optionally followed by
/// <c>,aanbiedernaam</c>; CBS code, AGB code, product code, <c>yyyy-mm-dd</c>, empty end = open, tariff in
/// eurocent per unit, the provider's name (may be empty; one name per provider in the file). A file with
/// any bad row is refused as a whole, with every bad row reported by line number and column.
/// </summary>
public static class ContractenCsv
{
    /// <summary>The required header line.</summary>
    public const string Kop = "gemeente,aanbieder,productcode,ingangsdatum,einddatum,tarief";

    /// <summary>The header with the optional provider name column (issue 18: names instead of bare AGB codes).</summary>
    public const string KopMetNaam = Kop + ",aanbiedernaam";

    /// <summary>The longest provider name accepted.</summary>
    public const int MaxNaam = 100;

    private static readonly string[] Kolommen = KopMetNaam.Split(',');

    /// <summary>Reads the whole <paramref name="tekst"/> and parses it; see <see cref="Lees(string, string)"/>.</summary>
    public static Resultaat<IReadOnlyList<Contract>> Lees(TextReader tekst, string bron = "contracten.csv")
    {
        ArgumentNullException.ThrowIfNull(tekst);
        return Lees(tekst.ReadToEnd(), bron);
    }

    /// <summary>
    /// Parses the CSV text. Error codes: <c>CSV-KOP</c>, <c>CSV-OPBOUW</c> (quotes, number of fields),
    /// <c>GEMEENTE</c>, <c>AGB</c>, <c>PRODUCTCODE</c>, <c>CSV-DATUM</c>, <c>CS003</c> (end before start),
    /// <c>CSV-TARIEF</c>, <c>CSV-DUBBEL</c> (same municipality, provider and product in overlapping periods),
    /// <c>CSV-NAAM</c> (a name too long, with a control character, or another name than the provider's earlier row).
    /// Every error's place is "<paramref name="bron"/>: regel N, kolom K".
    /// </summary>
    public static Resultaat<IReadOnlyList<Contract>> Lees(string tekst, string bron = "contracten.csv")
    {
        ArgumentNullException.ThrowIfNull(tekst);
        var (rijen, fouten) = CsvLezer.Lees(tekst, bron);
        var kopregel = rijen is [{ Regel: 1 } eerste, ..] ? string.Join(',', eerste.Velden) : null;
        if (kopregel is not (Kop or KopMetNaam))
        {
            var gevonden = kopregel is null ? "geen kopregel" : $"'{kopregel}'";
            return Resultaat<IReadOnlyList<Contract>>.Mislukt("CSV-KOP",
                $"de eerste regel moet precies '{Kop}' of '{KopMetNaam}' zijn, gevonden: {gevonden}", CsvLezer.Plaats(bron, 1));
        }

        var velden = kopregel == Kop ? Kolommen.Length - 1 : Kolommen.Length;
        var contracten = new List<(Contract Contract, int Regel)>();
        var namen = new Dictionary<AgbCode, (string Naam, int Regel)>();
        foreach (var rij in rijen.Skip(1))
        {
            if (rij.Velden.Count != velden)
            {
                fouten.Add(new Fout("CSV-OPBOUW", $"verwacht {velden} velden, gevonden {rij.Velden.Count}", CsvLezer.Plaats(bron, rij.Regel)));
                continue;
            }

            if (Contract(rij, bron, fouten, namen) is { } contract)
            {
                var dubbel = contracten.FirstOrDefault(c =>
                    c.Contract.Gemeente == contract.Gemeente && c.Contract.Aanbieder == contract.Aanbieder &&
                    c.Contract.Product == contract.Product && c.Contract.Geldigheid.Overlapt(contract.Geldigheid));
                if (dubbel.Contract is not null)
                {
                    fouten.Add(new Fout("CSV-DUBBEL",
                        $"gemeente {contract.Gemeente}, aanbieder {contract.Aanbieder} en product {contract.Product} hebben al een contract in deze periode (regel {dubbel.Regel})",
                        CsvLezer.Plaats(bron, rij.Regel, "ingangsdatum")));
                }

                contracten.Add((contract, rij.Regel));
            }
        }

        return fouten.Count > 0
            ? Resultaat<IReadOnlyList<Contract>>.Mislukt(fouten)
            : Resultaat<IReadOnlyList<Contract>>.Ok([.. contracten.Select(c => c.Contract)]);
    }

    private static Contract? Contract(CsvRij rij, string bron, List<Fout> fouten, Dictionary<AgbCode, (string Naam, int Regel)> namen)
    {
        var aantal = fouten.Count;
        var v = rij.Velden;
        string Plaats(int kolom) => CsvLezer.Plaats(bron, rij.Regel, Kolommen[kolom]);

        var gemeente = Gemeentecode.Parse(v[0]);
        var aanbieder = AgbCode.Parse(v[1]);
        var product = ProductCode.Parse(v[2]);
        fouten.AddRange(gemeente.Fouten.Select(f => f with { Plaats = Plaats(0) }));
        fouten.AddRange(aanbieder.Fouten.Select(f => f with { Plaats = Plaats(1) }));
        fouten.AddRange(product.Fouten.Select(f => f with { Plaats = Plaats(2) }));

        var begin = CsvLezer.Datum(v[3]);
        if (begin is null)
        {
            fouten.Add(new Fout("CSV-DATUM", $"'{v[3]}' is geen datum (yyyy-mm-dd)", Plaats(3)));
        }

        var eind = v[4].Length == 0 ? null : CsvLezer.Datum(v[4]);
        if (v[4].Length > 0 && eind is null)
        {
            fouten.Add(new Fout("CSV-DATUM", $"'{v[4]}' is geen datum (yyyy-mm-dd); laat het veld leeg voor een open einde", Plaats(4)));
        }

        if (!(v[5].Length is > 0 and <= 18 && v[5].All(char.IsAsciiDigit) &&
              long.TryParse(v[5], NumberStyles.None, CultureInfo.InvariantCulture, out var tarief)))
        {
            fouten.Add(new Fout("CSV-TARIEF", $"'{v[5]}' is geen tarief in eurocent (een geheel getal, zonder komma of teken)", Plaats(5)));
            tarief = 0;
        }

        Periode? geldigheid = null;
        if (begin is { } b && (v[4].Length == 0 || eind is not null))
        {
            var periode = Periode.Maak(b, eind);
            fouten.AddRange(periode.Fouten.Select(f => f with { Plaats = Plaats(4) }));
            geldigheid = periode.IsGeldig ? periode.Waarde : null;
        }

        var naam = v.Count > 6 && v[6].Length > 0 ? v[6] : null;
        if (naam is not null)
        {
            if (naam.Length > MaxNaam || naam.Any(char.IsControl) || naam.Trim().Length != naam.Length)
            {
                fouten.Add(new Fout("CSV-NAAM", $"een aanbiedernaam is hoogstens {MaxNaam} tekens, zonder regeleinde of spatie aan begin of eind", Plaats(6)));
            }
            else if (aanbieder.TryGet(out var agb))
            {
                // One provider, one name: two spellings in one file would make the pages depend on row order.
                if (namen.TryGetValue(agb, out var eerder) && eerder.Naam != naam)
                {
                    fouten.Add(new Fout("CSV-NAAM", $"aanbieder {agb} heeft op regel {eerder.Regel} de naam '{eerder.Naam}', hier '{naam}'", Plaats(6)));
                }
                else
                {
                    namen.TryAdd(agb, (naam, rij.Regel));
                }
            }
        }

        return fouten.Count == aantal && geldigheid is { } g
            ? new Contract(gemeente.Waarde, aanbieder.Waarde, product.Waarde, g, tarief) { Aanbiedernaam = naam }
            : null;
    }
}
