using System.Globalization;
using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Conversie;

/// <summary>
/// Reads the running allocations the previous system exports. Every line is checked — BSN (11-proef), a
/// municipality of the rule data, a provider the store knows, dates, volume — and a file with any bad
/// line is refused as a whole, every bad line named by line, column and reason.
/// </summary>
public static class LopendeToewijzingenLezen
{
    /// <summary>The required header line.</summary>
    public const string Kop = "gemeente,nummer,bsn,geboortedatum,geslacht,achternaam,voorvoegsel,voorletters,aanbieder,productcode,ingangsdatum,einddatum,volume,eenheid,frequentie";

    private static readonly string[] Kolommen = Kop.Split(',');

    // iJw LDT_Eenheid and LDT_Frequentie; the conversion table says which of these an old product uses.
    private static readonly HashSet<string> Eenheden = ["01", "04", "14", "16", "82", "83", "84"];
    private static readonly HashSet<string> Frequenties = ["1", "2", "4", "6"];

    /// <summary>
    /// Parses <paramref name="tekst"/>. Error codes: <c>CSV-KOP</c>, <c>CSV-OPBOUW</c>, <c>CS002</c> (BSN, 11-proef),
    /// <c>GEMEENTE</c> (bad or not in the rule data), <c>AGB</c> (bad or unknown provider),
    /// <c>CSV-NUMMER</c>, <c>PRODUCTCODE</c>, <c>CSV-DATUM</c>, <c>CS003</c> (end before start), <c>CSV-VOLUME</c>,
    /// <c>CSV-CODE</c> (unit, frequency, sex), <c>CSV-NAAM</c>, <c>CSV-DUBBEL</c> (a number twice for one municipality).
    /// </summary>
    /// <param name="tekst">The file's text.</param>
    /// <param name="bron">File name, used in every error.</param>
    /// <param name="regels">The rule data: its municipalities are the known ones.</param>
    /// <param name="bekendeAanbieders">Providers the store knows (they have a contract, old or new).</param>
    public static Resultaat<IReadOnlyList<LopendeToewijzing>> Lees(string tekst, string bron, Regelcatalogus regels, IReadOnlySet<string> bekendeAanbieders)
    {
        ArgumentNullException.ThrowIfNull(tekst);
        ArgumentNullException.ThrowIfNull(regels);
        ArgumentNullException.ThrowIfNull(bekendeAanbieders);
        var (rijen, fouten) = CsvLezer.Lees(tekst, bron);
        if (rijen.Count == 0 || rijen[0].Regel != 1 || string.Join(',', rijen[0].Velden) != Kop)
        {
            var gevonden = rijen is [{ Regel: 1 } kop, ..] ? $"'{string.Join(',', kop.Velden)}'" : "geen kopregel";
            return Resultaat<IReadOnlyList<LopendeToewijzing>>.Mislukt("CSV-KOP", $"de eerste regel moet precies '{Kop}' zijn, gevonden: {gevonden}", CsvLezer.Plaats(bron, 1));
        }

        var gemeenten = regels.Gemeenten.Select(g => g.Code.Waarde).ToHashSet(StringComparer.Ordinal);
        var gezien = new Dictionary<(string, long), int>();
        var resultaat = new List<LopendeToewijzing>(rijen.Count);
        foreach (var rij in rijen.Skip(1))
        {
            if (rij.Velden.Count != Kolommen.Length)
            {
                fouten.Add(new Fout("CSV-OPBOUW", $"verwacht {Kolommen.Length} velden, gevonden {rij.Velden.Count}", CsvLezer.Plaats(bron, rij.Regel)));
                continue;
            }

            if (Lees(rij, bron, gemeenten, bekendeAanbieders, fouten) is not { } t)
            {
                continue;
            }

            if (!gezien.TryAdd((t.Gemeente.Waarde, t.Nummer), rij.Regel))
            {
                fouten.Add(new Fout("CSV-DUBBEL", $"gemeente {t.Gemeente} heeft toewijzing {t.Nummer} al op regel {gezien[(t.Gemeente.Waarde, t.Nummer)]}",
                    CsvLezer.Plaats(bron, rij.Regel, "nummer")));
                continue;
            }

            resultaat.Add(t);
        }

        return fouten.Count > 0
            ? Resultaat<IReadOnlyList<LopendeToewijzing>>.Mislukt(fouten)
            : Resultaat<IReadOnlyList<LopendeToewijzing>>.Ok(resultaat);
    }

    private static LopendeToewijzing? Lees(CsvRij rij, string bron, HashSet<string> gemeenten, IReadOnlySet<string> aanbieders, List<Fout> fouten)
    {
        var aantal = fouten.Count;
        var v = rij.Velden;
        string Plaats(int kolom) => CsvLezer.Plaats(bron, rij.Regel, Kolommen[kolom]);
        void Fout(string code, string melding, int kolom) => fouten.Add(new Fout(code, melding, Plaats(kolom)));

        var gemeente = Gemeentecode.Parse(v[0]);
        fouten.AddRange(gemeente.Fouten.Select(f => f with { Plaats = Plaats(0) }));
        if (gemeente.IsGeldig && !gemeenten.Contains(v[0]))
        {
            Fout("GEMEENTE", $"gemeente {v[0]} staat niet in de regels (gemeenten.json)", 0);
        }

        if (!long.TryParse(v[1], NumberStyles.None, CultureInfo.InvariantCulture, out var nummer) || nummer is < 1 or > 999_999_999)
        {
            Fout("CSV-NUMMER", $"'{v[1]}' is geen ToewijzingNummer (1 tot 999999999)", 1);
        }

        // Bsn's messages never repeat the number: an error list may be read by others (GUIDE, privacy).
        var bsn = Bsn.Parse(v[2]);
        fouten.AddRange(bsn.Fouten.Select(f => f with { Plaats = Plaats(2) }));

        var geboren = CsvLezer.Datum(v[3]);
        if (geboren is null)
        {
            Fout("CSV-DATUM", $"'{v[3]}' is geen datum (yyyy-mm-dd)", 3);
        }

        if (v[4] is not ("0" or "1" or "2"))
        {
            Fout("CSV-CODE", $"'{v[4]}' is geen geslacht (0 onbekend, 1 man, 2 vrouw)", 4);
        }

        if (v[5].Trim().Length is 0 or > 200)
        {
            Fout("CSV-NAAM", "achternaam is leeg of langer dan 200 tekens", 5);
        }

        if (v[6].Length > 10)
        {
            Fout("CSV-NAAM", "voorvoegsel is langer dan 10 tekens", 6);
        }

        if (v[7].Length > 6)
        {
            Fout("CSV-NAAM", "voorletters zijn langer dan 6 tekens", 7);
        }

        var aanbieder = AgbCode.Parse(v[8]);
        fouten.AddRange(aanbieder.Fouten.Select(f => f with { Plaats = Plaats(8) }));
        if (aanbieder.IsGeldig && !aanbieders.Contains(v[8]))
        {
            Fout("AGB", $"aanbieder {v[8]} is onbekend: importeer eerst zijn contracten (oud of nieuw)", 8);
        }

        var product = ProductCode.Parse(v[9]);
        fouten.AddRange(product.Fouten.Select(f => f with { Plaats = Plaats(9) }));
        if (product.IsGeldig && (v[9].Length < 3 || !RegelLader.IsCategorie(v[9][..2])))
        {
            // The old line is re-sent with its end date (HK-301-5) and needs its iJw category.
            Fout("PRODUCTCODE", $"'{v[9]}' begint niet met een iJw-productcategorie (bijvoorbeeld 45A01)", 9);
        }

        var begin = CsvLezer.Datum(v[10]);
        if (begin is null)
        {
            Fout("CSV-DATUM", $"'{v[10]}' is geen datum (yyyy-mm-dd)", 10);
        }

        var eind = v[11].Length == 0 ? null : CsvLezer.Datum(v[11]);
        if (v[11].Length > 0 && eind is null)
        {
            Fout("CSV-DATUM", $"'{v[11]}' is geen datum (yyyy-mm-dd); laat het veld leeg voor een open einde", 11);
        }

        if (!int.TryParse(v[12], NumberStyles.None, CultureInfo.InvariantCulture, out var volume) || volume is < 1 or > 99_999_999)
        {
            Fout("CSV-VOLUME", $"'{v[12]}' is geen volume (een geheel getal van 1 tot 99999999)", 12);
        }

        if (!Eenheden.Contains(v[13]))
        {
            Fout("CSV-CODE", $"'{v[13]}' is geen iJw-eenheid (01, 04, 14, 16, 82, 83, 84)", 13);
        }

        if (!Frequenties.Contains(v[14]))
        {
            Fout("CSV-CODE", $"'{v[14]}' is geen iJw-frequentie (1, 2, 4, 6)", 14);
        }

        Periode? periode = null;
        if (begin is { } b && (v[11].Length == 0 || eind is not null))
        {
            var p = Periode.Maak(b, eind);
            fouten.AddRange(p.Fouten.Select(f => f with { Plaats = Plaats(11) }));
            periode = p.IsGeldig ? p.Waarde : null;
        }

        if (geboren is { } g && begin is { } start && g > start)
        {
            Fout("CSV-DATUM", "de geboortedatum ligt na de ingangsdatum", 3);
        }

        return fouten.Count == aantal && periode is { } pr && geboren is { } gd
            ? new LopendeToewijzing(rij.Regel, gemeente.Waarde, nummer, bsn.Waarde, gd, v[4], v[5].Trim(), Leeg(v[6]), Leeg(v[7]),
                aanbieder.Waarde, product.Waarde, pr, new Omvang(volume, v[13], v[14]))
            : null;
    }

    private static string? Leeg(string tekst) => tekst.Length == 0 ? null : tekst;
}
