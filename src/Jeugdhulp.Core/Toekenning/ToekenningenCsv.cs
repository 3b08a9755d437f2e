using System.Globalization;
using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Toekenning;

/// <summary>One line of a toewijzen CSV: the allocation and the client's name for the JW301.</summary>
/// <param name="Regel">The line number in the file (the header is line 1).</param>
/// <param name="Opdracht">The allocation.</param>
/// <param name="Achternaam">Surname, when the client is new to the municipality.</param>
/// <param name="Voorvoegsel">Prefix.</param>
/// <param name="Voorletters">Initials.</param>
/// <param name="Geslacht">iJw LDT_Geslacht 0, 1 or 2.</param>
/// <param name="Geboortedatum">Birth date when the register does not know the client.</param>
public sealed record Toekenningsregel(
    int Regel, Toekenningsopdracht Opdracht, string? Achternaam, string? Voorvoegsel, string? Voorletters, string? Geslacht, DateOnly? Geboortedatum);

/// <summary>
/// Reads the CSV of <c>jeugdhulp toewijzen</c>: one allocation per line, columns by name in the header (any order;
/// <see cref="VerplichteKolommen"/> required). A line with a bad value is reported with its line and column and
/// skipped; the good lines are returned, so one bad line never stops the others.
/// </summary>
public static class ToekenningenCsv
{
    /// <summary>Columns every file has.</summary>
    public static readonly IReadOnlyList<string> VerplichteKolommen =
        ["gemeente", "bsn", "route", "aanbieder", "product", "ingangsdatum", "einddatum", "volume", "eenheid", "frequentie"];

    /// <summary>Optional columns.</summary>
    public static readonly IReadOnlyList<string> OptioneleKolommen =
        ["verwijzer", "gezinsleden", "achternaam", "voorvoegsel", "voorletters", "geslacht", "geboortedatum", "procesregie", "procesregieteam",
            "commentaar", "motivering"];

    /// <summary>
    /// The column a finding of rule <paramref name="regelId"/> is about, so a refusal names line, column and rule.
    /// </summary>
    public static string Kolom(string regelId) => regelId switch
    {
        "HK-301-3" or "HK-301-4" => "aanbieder",
        "HK-PER-5" or "OP259" or "HK-10" or "HK-PRD-7" => "product",
        "HK-301-7" => "eenheid",
        "HK-PRD-1" or "HK-PRD-2" or "CS003" => "einddatum",
        "HK-PRD-3" => "volume",
        "HK-PRD-4" => "gezinsleden",
        "HK-ROUTE-3" => "verwijzer",
        _ when regelId.StartsWith("HK-10", StringComparison.Ordinal) => "product",
        _ => "bsn",
    };

    /// <summary>The good lines and an error (code, message, "bron: regel N, kolom K") for every bad one.</summary>
    public static (IReadOnlyList<Toekenningsregel> Regels, IReadOnlyList<Fout> Fouten) Lees(string tekst, string bron = "toewijzingen.csv")
    {
        ArgumentNullException.ThrowIfNull(tekst);
        var (rijen, fouten) = CsvLezer.Lees(tekst, bron);
        if (rijen is not [{ Regel: 1 } kop, ..])
        {
            return ([], [new Fout("CSV-KOP", $"de eerste regel noemt de kolommen: {string.Join(',', VerplichteKolommen)}", CsvLezer.Plaats(bron, 1))]);
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < kop.Velden.Count; i++)
        {
            var naam = kop.Velden[i].Trim().ToLowerInvariant();
            if (!VerplichteKolommen.Contains(naam) && !OptioneleKolommen.Contains(naam))
            {
                fouten.Add(new Fout("CSV-KOP", $"onbekende kolom '{kop.Velden[i]}'", CsvLezer.Plaats(bron, 1)));
            }
            else if (!index.TryAdd(naam, i))
            {
                fouten.Add(new Fout("CSV-KOP", $"kolom '{naam}' staat er twee keer in", CsvLezer.Plaats(bron, 1)));
            }
        }

        var ontbreekt = VerplichteKolommen.Where(k => !index.ContainsKey(k)).ToList();
        if (ontbreekt.Count > 0)
        {
            fouten.Add(new Fout("CSV-KOP", $"kolom(men) ontbreken: {string.Join(", ", ontbreekt)}", CsvLezer.Plaats(bron, 1)));
        }

        if (fouten.Any(f => f.Code == "CSV-KOP"))
        {
            return ([], fouten);
        }

        var regels = new List<Toekenningsregel>(rijen.Count);
        foreach (var rij in rijen.Skip(1))
        {
            if (rij.Velden.Count != kop.Velden.Count)
            {
                fouten.Add(new Fout("CSV-OPBOUW", $"verwacht {kop.Velden.Count} velden, gevonden {rij.Velden.Count}", CsvLezer.Plaats(bron, rij.Regel)));
                continue;
            }

            var lezer = new Rijlezer(rij, index, bron);
            var regel = lezer.Regel();
            if (lezer.Fouten.Count > 0)
            {
                fouten.AddRange(lezer.Fouten);
            }
            else
            {
                regels.Add(regel!);
            }
        }

        return (regels, fouten);
    }

    private sealed class Rijlezer(CsvRij rij, Dictionary<string, int> index, string bron)
    {
        public List<Fout> Fouten { get; } = [];

        public Toekenningsregel? Regel()
        {
            var gemeente = Waarde("gemeente", Gemeentecode.Parse);
            var bsnTekst = Veld("bsn");
            Bsn? bsn = bsnTekst.Length == 0 ? null : Waarde("bsn", Bsn.Parse);
            var route = Veld("route").ToLowerInvariant() switch
            {
                "lokale-toegang" or "lokale toegang" or "01" => Toegangsroute.LokaleToegang,
                "gi" or "04" => Toegangsroute.GecertificeerdeInstelling,
                _ => Fout<Toegangsroute>("route", "CSV-ROUTE", "route is 'lokale-toegang' of 'gi'"),
            };
            var aanbieder = Waarde("aanbieder", AgbCode.Parse);
            var product = Waarde("product", ProductCode.Parse);
            var ingang = Datum("ingangsdatum", verplicht: true);
            var eind = Datum("einddatum", verplicht: false);
            var volume = int.TryParse(Veld("volume"), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v is >= 0 and <= 99999999
                ? v : Fout<int>("volume", "CSV-VOLUME", "volume is een geheel getal 0 t/m 99999999");
            var eenheid = Veld("eenheid");
            var frequentie = Veld("frequentie");
            var leden = new List<Bsn>();
            foreach (var lid in Veld("gezinsleden").Split([';', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                if (Bsn.Parse(lid).TryGet(out var b))
                {
                    leden.Add(b);
                }
                else
                {
                    Fout<int>("gezinsleden", "CS002", "een gezinslid is geen geldig BSN (9 cijfers, 11-proef); scheid BSN's met ';'");
                }
            }

            Procesregie? regie = Veld("procesregie").ToLowerInvariant() switch
            {
                "" => null,
                "gemeente" => new Procesregie(Procesregiehouder.Gemeente, Leeg(Veld("procesregieteam"))),
                "gi" => new Procesregie(Procesregiehouder.GecertificeerdeInstelling, null),
                "medisch" => new Procesregie(Procesregiehouder.MedischeVerwijzer, null),
                "niemand" => new Procesregie(Procesregiehouder.Niemand, null),
                _ => Fout<Procesregie?>("procesregie", "CSV-PROCESREGIE", "procesregie is gemeente, gi, medisch of niemand"),
            };
            var geslacht = Leeg(Veld("geslacht"));
            if (geslacht is not (null or "0" or "1" or "2"))
            {
                Fout<int>("geslacht", "CSV-GESLACHT", "geslacht is 0 (onbekend), 1 (man) of 2 (vrouw)");
            }

            var geboren = Datum("geboortedatum", verplicht: false);
            if (Fouten.Count > 0)
            {
                return null;
            }

            var opdracht = new Toekenningsopdracht(gemeente!, bsn, route, Leeg(Veld("verwijzer")), aanbieder!, product!, ingang!.Value, eind,
                new Omvang(volume, eenheid, frequentie), leden, Leeg(Veld("commentaar")), Leeg(Veld("motivering")), regie);
            return new Toekenningsregel(rij.Regel, opdracht, Leeg(Veld("achternaam")), Leeg(Veld("voorvoegsel")), Leeg(Veld("voorletters")), geslacht, geboren);
        }

        private string Veld(string kolom) => index.TryGetValue(kolom, out var i) ? rij.Velden[i].Trim() : "";

        private static string? Leeg(string s) => s.Length == 0 ? null : s;

        private T? Waarde<T>(string kolom, Func<string, Resultaat<T>> parse)
        {
            var r = parse(Veld(kolom));
            if (r.TryGet(out var w))
            {
                return w;
            }

            // The value itself is not repeated: a BSN column never shows a number in clear text.
            Fouten.Add(new Fout(r.Fouten[0].Code, r.Fouten[0].Melding, CsvLezer.Plaats(bron, rij.Regel, kolom)));
            return default;
        }

        private DateOnly? Datum(string kolom, bool verplicht)
        {
            var tekst = Veld(kolom);
            if (tekst.Length == 0 && !verplicht)
            {
                return null;
            }

            return CsvLezer.Datum(tekst) ?? Fout<DateOnly?>(kolom, "CSV-DATUM", "datum is jjjj-mm-dd");
        }

        private T? Fout<T>(string kolom, string code, string melding)
        {
            Fouten.Add(new Fout(code, melding, CsvLezer.Plaats(bron, rij.Regel, kolom)));
            return default;
        }
    }
}
