using System.Text.RegularExpressions;
using Jeugdhulp.Core.Teksten;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Ijw.Tests;

namespace Jeugdhulp.Core.Tests.Teksten;

public partial class TekstTests
{
    // A finding in the engine's source: b.Ok/Beoordelen/Afwijzen/Weigeren/Signaal(rule, [reden,] "code", [datum,] ("naam", …), …);
    [GeneratedRegex("""\bb\.(?:Ok|Beoordelen|Afwijzen|Weigeren|Signaal)\((?<regel>"[^"]+"|\w+), (?:RedenAfwijzing\.\w+, )?"(?<code>[a-z0-9-]+)"(?<rest>.*)$""", RegexOptions.Multiline)]
    private static partial Regex Aanroep();

    [GeneratedRegex("""\("(?<naam>\w+)", """)]
    private static partial Regex ParameterNaam();

    [GeneratedRegex("""(?<!\{)\{(?<naam>\w+)\}""")]
    private static partial Regex Plaatshouder();

    private static IEnumerable<(string Bestand, string Regel, string Code, string Staart)> Aanroepen() =>
        Directory.EnumerateFiles(Path.Combine(Paden.RepoRoot, "src", "Jeugdhulp.Core"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => Aanroep().Matches(File.ReadAllText(f))
                .Select(m => (Path.GetFileName(f), m.Groups["regel"].Value, m.Groups["code"].Value, m.Groups["rest"].Value)));

    [Fact]
    public void Elke_bevinding_van_de_engine_heeft_een_tekst_voor_haar_regel_en_code()
    {
        var aanroepen = Aanroepen().ToList();
        Assert.True(aanroepen.Count > 80, $"only {aanroepen.Count} findings found in the engine's source: the scan is broken");
        foreach (var (bestand, regel, code, _) in aanroepen)
        {
            // A rule id passed in by the caller or taken from rule data needs the text every rule shares.
            var id = regel.StartsWith('"') ? regel.Trim('"') : Tekst.ElkeRegel;
            Assert.True(Tekst.Heeft(id, code), $"{bestand}: no text for rule {regel} code '{code}' in Tekst.Bevindingen");
        }
    }

    [GeneratedRegex("""\bb\.(?:Ok|Beoordelen|Afwijzen|Weigeren|Signaal)\((?<rest>.*)$""", RegexOptions.Multiline)]
    private static partial Regex ElkeAanroep();

    [Fact]
    public void Elke_bevinding_van_de_engine_geeft_een_code_en_geen_zin()
    {
        // A Dutch sentence passed where the code belongs compiles (the parameters are optional) but has no text: the
        // scan above would skip it silently, so every call must read as rule, [reden,] "code" on one line.
        var fout = Directory.EnumerateFiles(Path.Combine(Paden.RepoRoot, "src", "Jeugdhulp.Core"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => ElkeAanroep().Matches(File.ReadAllText(f))
                .Where(m => !Aanroep().IsMatch(m.Value) && !m.Value.Contains(".Code, ", StringComparison.Ordinal))
                .Select(m => $"{Path.GetFileName(f)}: {m.Value.Trim()}"))
            .ToList();

        Assert.True(fout.Count == 0, $"findings without a code: {string.Join("; ", fout)}");
    }

    [Fact]
    public void Een_bevinding_geeft_precies_de_parameters_die_haar_tekst_noemt()
    {
        foreach (var (bestand, regel, code, rest) in Aanroepen().Where(a => a.Regel.StartsWith('"')))
        {
            // Only calls that list their parameters as ("naam", waarde) pairs can be read here; the others are
            // covered by the engine's tests, which render every finding.
            if (rest.Contains("..", StringComparison.Ordinal) || Regex.IsMatch(rest, @", (kop|parameters|teHoog)\b"))
            {
                continue;
            }

            var gegeven = ParameterNaam().Matches(rest).Select(m => m.Groups["naam"].Value).Order(StringComparer.Ordinal).ToList();
            var sjabloon = Tekst.Bevindingen[(regel.Trim('"'), code)];
            var gevraagd = Plaatshouder().Matches(sjabloon).Select(m => m.Groups["naam"].Value).Distinct().Order(StringComparer.Ordinal).ToList();
            Assert.True(gevraagd.SequenceEqual(gegeven), $"{bestand}: {regel} '{code}' gives [{string.Join(", ", gegeven)}], its text names [{string.Join(", ", gevraagd)}]");
        }
    }

    [Fact]
    public void Elke_tekst_in_de_tabel_wordt_een_zin_zonder_open_plaatshouders()
    {
        foreach (var ((regel, code), sjabloon) in Tekst.Bevindingen)
        {
            Parameter[] alles = [.. Plaatshouder().Matches(sjabloon).Select(m => new Parameter(m.Groups["naam"].Value, "x"))];

            var tekst = Tekst.Bevinding(regel, code, alles);

            Assert.DoesNotContain("{", tekst, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(tekst), $"{regel} '{code}' has an empty text");
        }
    }

    [Fact]
    public void Een_regel_zonder_tekst_in_de_tabel_is_een_fout_en_geen_lege_zin()
    {
        Assert.False(Tekst.Heeft("HK-999-9", "onbekend"));
        Assert.Throws<KeyNotFoundException>(() => Tekst.Bevinding("HK-999-9", "onbekend", []));
    }

    [Fact]
    public void Een_ontbrekende_parameter_is_een_fout()
    {
        Assert.Throws<KeyNotFoundException>(() => Tekst.Bevinding("HK-315-4", "woont-in-gemeente", []));
    }

    [Fact]
    public void Een_gedeelde_tekst_geldt_voor_elke_regel_die_de_controle_draait()
    {
        Parameter[] p = [("aanbieder", "12345678"), ("dag", "2027-03-01"), ("product", "45A01")];

        Assert.Equal(Tekst.Bevinding("HK-315-5", "contract", p), Tekst.Bevinding("HK-317-3", "contract", p));
        Assert.Equal("Aanbieder 12345678 heeft op 01-03-2027 een contract voor 45A01.", Tekst.Bevinding("HK-315-5", "contract", p));
    }

    [Fact]
    public void Een_datum_staat_in_de_zin_als_dag_maand_jaar_zoals_in_de_tabellen_en_andere_waarden_blijven_zoals_ze_zijn()
    {
        Assert.Equal("tot 08-03-2027", Tekst.Vul("tot {d}", [("d", "2027-03-08")]));
        Assert.Equal("45A01 2027-3-8 2027-03-08T10:00 12345678", Tekst.Vul("{a} {b} {c} {e}",
            [("a", "45A01"), ("b", "2027-3-8"), ("c", "2027-03-08T10:00"), ("e", "12345678")]));
    }

    [Fact]
    public void Dubbele_accolades_zijn_een_accolade_en_geen_plaatshouder()
    {
        Assert.Equal("{a} b }", Tekst.Vul("{{a}} {x} }}", [("x", "b")]));
    }

    [Fact]
    public void Elke_reden_van_afwijzing_heeft_een_eigen_tekst()
    {
        var teksten = Tekst.Redenen.Select(Tekst.Reden).ToList();

        Assert.Equal(9, teksten.Count);
        Assert.Equal(teksten.Count, teksten.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(teksten, t => Enum.TryParse<RedenAfwijzing>(t, out _));
        Assert.Equal("woonplaatsbeginsel", Tekst.Reden(8));
        Assert.Equal("overig", Tekst.Reden(42));
    }

    [Fact]
    public void Elke_reden_wijziging_van_iJw_3_2_heeft_zijn_betekenis_en_een_onbekende_blijft_de_code()
    {
        for (var code = 1; code <= 14; code++)
        {
            var c = code.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
            Assert.StartsWith(c + " ", Tekst.RedenWijziging(c), StringComparison.Ordinal);
        }

        Assert.Equal("04 herbeoordeling: verlenging", Tekst.RedenWijziging("04"));
        Assert.Equal("99", Tekst.RedenWijziging("99"));
    }

    [Fact]
    public void Eenheid_en_frequentie_lezen_als_een_omvang()
    {
        Assert.Equal("1 minuut", $"1 {Tekst.Eenheid("01", 1)}");
        Assert.Equal("120 minuten per week", $"120 {Tekst.Eenheid("01", 120)} {Tekst.Frequentie("2")}");
        Assert.Equal("per maand", Tekst.Frequentie("04"));
        Assert.Equal("stuk", Tekst.Eenheid("82", 1));
        Assert.Equal("output", Tekst.Eenheidsoort("82"));
        Assert.Null(Tekst.Eenheidsoort("01"));
    }

    [Fact]
    public void Retourcodes_van_start_stop_en_declaratie_staan_in_dezelfde_tabel()
    {
        Assert.Equal("deze sleutel is al ontvangen", Tekst.Retourcode("9074"));
        Assert.Equal("tarief wijkt af van het contracttarief", Tekst.Retourcode("0611"));
        Assert.Null(Tekst.Retourcode("9999"));
    }

    [Fact]
    public void De_toelichting_noemt_de_afwijzing_de_gecontroleerde_regels_en_de_signalen()
    {
        Bevinding[] bevindingen =
        [
            new("HK-315-4", Uitkomst.Toegekend, null, "woont-in-gemeente", [("gemeenteNaam", "Urk (0184)")]),
            new("HK-315-5", Uitkomst.Afgewezen, RedenAfwijzing.GeenContract, "geen-contract",
                [("aanbieder", "12345678"), ("dag", "2027-03-01"), ("product", "45A01"), ("productnaam", "Ambulant")]),
        ];
        Signaal[] signalen = [new("HK-PRD-7", "groep-tenzij", null, [("groepen", "45A02"), ("product", "45A01")])];

        var tekst = Tekst.Toelichting(Uitkomst.Afgewezen, RedenAfwijzing.GeenContract, "2027-01", bevindingen, signalen);

        Assert.Equal("""
            Afgewezen, reden 3 (geen contract) volgens regelset 2027-01.
            Afgewezen op HK-315-5: Aanbieder 12345678 heeft op 01-03-2027 geen contract met deze gemeente voor 45A01 (Ambulant).
            Gecontroleerd: HK-315-4, HK-315-5.
            Signaal HK-PRD-7: Groep, tenzij: overweeg een groepsproduct (45A02) in plaats van 45A01.
            """.ReplaceLineEndings("\n"), tekst);
    }
}
