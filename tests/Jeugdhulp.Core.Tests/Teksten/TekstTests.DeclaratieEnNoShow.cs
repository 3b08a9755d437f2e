using System.Reflection;
using System.Text.RegularExpressions;
using Jeugdhulp.Core.NoShow;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Teksten;
using Jeugdhulp.Ijw.Tests;

namespace Jeugdhulp.Core.Tests.Teksten;

// The declaration checks (Core/Declaratie) and the no-show checks (Core/NoShow) give findings as data too:
// rule id, code, ("naam", waarde) parameters. A Dutch sentence in their source, or a code without text, fails here.
public partial class TekstTests
{
    // weiger/Weiger(C.Retourcode, rule, "code" or cond ? "code" : "code", …); new Afkeur(C.Retourcode, rule, "code", …);
    // new Signaal(rule, "code", …) in Core/Declaratie.
    [GeneratedRegex("""\b(?:[Ww]eiger|new Afkeur)\(C\.\w+, (?<regel>"[^"]+"|\w+), (?:\w+ \? "(?<code>[a-z0-9-]+)" : )?"(?<code>[a-z0-9-]+)"(?<rest>.*?)\);""", RegexOptions.Singleline)]
    private static partial Regex Declaratiebevinding();

    [GeneratedRegex("""\bnew Signaal\((?<regel>"[^"]+"), "(?<code>[a-z0-9-]+)"(?<rest>.*?)\)\)\]""", RegexOptions.Singleline)]
    private static partial Regex Declaratiesignaal();

    [GeneratedRegex("""\b(?:[Ww]eiger|new Afkeur|new Signaal)\((?<rest>[^;]*);""")]
    private static partial Regex ElkeDeclaratiebevinding();

    // Weiger("NS-…", rule, ("naam", waarde), …) and new NoShowUitslag(…, rule, "code", …) in Core/NoShow.
    [GeneratedRegex("""\bWeiger\("(?<code>NS-[A-Z-]+)", (?<regel>"[^"]+"|[\w.]+)(?<rest>.*?)\);""", RegexOptions.Singleline)]
    private static partial Regex NoShowweigering();

    [GeneratedRegex("""\bnew NoShowUitslag\([^;]*?, (?<regel>"[^"]+"|\w+), "(?<code>[a-z0-9-]+)", (?<rest>\[[^\]]*\])""")]
    private static partial Regex NoShowvervolg();

    [GeneratedRegex("""\bWeiger\((?<rest>[^;]*);""")]
    private static partial Regex ElkeNoShowweigering();

    // A string literal that starts with a word and a space: a sentence, not a code.
    [GeneratedRegex(@"""\p{L}+ ")]
    private static partial Regex Zin();

    private static IEnumerable<(string Bestand, string Tekst)> Bronnen(string map) =>
        Directory.EnumerateFiles(Path.Combine(Paden.RepoRoot, "src", "Jeugdhulp.Core", map), "*.cs")
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f)));

    /// <summary>A rule id as the source names it: a literal, or one of NoShowRegistreren's rule constants; else the shared text.</summary>
    private static string RegelId(string regel)
    {
        if (regel.StartsWith('"'))
        {
            return regel.Trim('"');
        }

        var naam = regel.Split('.')[^1];
        return typeof(NoShowRegistreren).GetField(naam, BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string ?? Tekst.ElkeRegel;
    }

    private static List<(string Bestand, string Regel, string Code, string Staart)> Declaratie_en_noshowbevindingen()
    {
        var lijst = new List<(string, string, string, string)>();
        foreach (var (bestand, tekst) in Bronnen("Declaratie"))
        {
            foreach (Match m in Declaratiebevinding().Matches(tekst).Concat(Declaratiesignaal().Matches(tekst)))
            {
                lijst.AddRange(m.Groups["code"].Captures.Select(c => (bestand, RegelId(m.Groups["regel"].Value), c.Value, m.Groups["rest"].Value)));
            }
        }

        foreach (var (bestand, tekst) in Bronnen("NoShow"))
        {
            foreach (Match m in NoShowweigering().Matches(tekst).Concat(NoShowvervolg().Matches(tekst)))
            {
                lijst.Add((bestand, RegelId(m.Groups["regel"].Value), m.Groups["code"].Value, m.Groups["rest"].Value));
            }
        }

        return lijst;
    }

    [Fact]
    public void Elke_afkeur_van_een_declaratie_en_elke_noshowuitslag_heeft_een_tekst_voor_haar_regel_en_code()
    {
        var bevindingen = Declaratie_en_noshowbevindingen();

        // 31 refusals and a signal in the declaration checks, 15 refusals and 4 follow-ups in the no-show checks.
        Assert.True(bevindingen.Count >= 45, $"only {bevindingen.Count} findings found in Core/Declaratie and Core/NoShow: the scan is broken");
        foreach (var (bestand, regel, code, _) in bevindingen)
        {
            Assert.True(Tekst.Heeft(regel, code), $"{bestand}: no text for rule {regel} code '{code}' in Tekst.Bevindingen");
        }
    }

    [Fact]
    public void Een_afkeur_van_een_declaratie_of_een_noshow_is_een_code_en_geen_zin()
    {
        // A sentence where the code belongs (or an interpolated string anywhere in the call) is not data.
        var fout = Bronnen("Declaratie")
            .SelectMany(b => ElkeDeclaratiebevinding().Matches(b.Tekst)
                .Where(m => !m.Value.StartsWith("Weiger(string", StringComparison.Ordinal))
                .Where(m => (!Declaratiebevinding().IsMatch(m.Value) && !Declaratiesignaal().IsMatch(m.Value + ")]"))
                    || m.Value.Contains("$\"", StringComparison.Ordinal) || Zin().IsMatch(m.Value))
                .Select(m => $"{b.Bestand}: {m.Value.Trim()}"))
            .Concat(Bronnen("NoShow")
                .SelectMany(b => ElkeNoShowweigering().Matches(b.Tekst)
                    .Where(m => !m.Value.StartsWith("Weiger(string", StringComparison.Ordinal))
                    .Where(m => !NoShowweigering().IsMatch(m.Value) || m.Value.Contains("$\"", StringComparison.Ordinal)
                        || Zin().IsMatch(m.Value))
                    .Select(m => $"{b.Bestand}: {m.Value.Trim()}")))
            .ToList();

        Assert.True(fout.Count == 0, $"findings that are sentences or have no code: {string.Join("; ", fout)}");
    }

    [Fact]
    public void Een_afkeur_van_een_declaratie_of_een_noshow_geeft_precies_de_parameters_die_haar_tekst_noemt()
    {
        foreach (var (bestand, regel, code, rest) in Declaratie_en_noshowbevindingen())
        {
            var gegeven = ParameterNaam().Matches(rest).Select(m => m.Groups["naam"].Value).Distinct().Order(StringComparer.Ordinal).ToList();
            var sjabloon = Tekst.Bevindingen.TryGetValue((regel, code), out var s) ? s : Tekst.Bevindingen[(Tekst.ElkeRegel, code)];
            var gevraagd = Plaatshouder().Matches(sjabloon).Select(m => m.Groups["naam"].Value).Distinct().Order(StringComparer.Ordinal).ToList();
            Assert.True(gevraagd.SequenceEqual(gegeven), $"{bestand}: {regel} '{code}' gives [{string.Join(", ", gegeven)}], its text names [{string.Join(", ", gevraagd)}]");
        }
    }

    [Fact]
    public void Een_noshowweigering_geeft_de_tekst_uit_de_tabel_met_de_regel_en_haar_code()
    {
        var w = new NoShowWeigering("NS-DUBBEL", NoShowRegistreren.Regel, [("nummer", "12"), ("datum", "2027-03-01")]);

        Assert.Equal("NS-DUBBEL", w.Fout.Code);
        Assert.Equal("Voor toewijzing 12 is op 01-03-2027 al een no-show gemeld. (HK-323-4)", w.Fout.Melding);
    }

    [Fact]
    public void Labels_van_uitzondering_productsoort_termijneenheid_stapeling_en_partij_staan_in_de_tabel()
    {
        Assert.Equal("er loopt een jeugdreclasseringsmaatregel", Tekst.Uitzondering(LeeftijdUitzondering.Jeugdreclassering));
        Assert.Equal(3, Enum.GetValues<LeeftijdUitzondering>().Select(Tekst.Uitzondering).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Enum.GetValues<ProductSoort>(), s => Assert.NotEqual(s.ToString(), Tekst.Productsoort(s)));
        Assert.All(Enum.GetValues<TermijnEenheid>(), e => Assert.NotEqual(e.ToString(), Tekst.Termijneenheid(e, 2)));
        Assert.Equal("1 werkdag", $"1 {Tekst.Termijneenheid(TermijnEenheid.Werkdagen, 1)}");
        Assert.All(Enum.GetValues<StapelingUitkomst>(), u => Assert.NotEqual(u.ToString(), Tekst.Stapeling(u)));
        Assert.All(Enum.GetValues<Partij>(), p => Assert.NotEqual(p.ToString(), Tekst.Partij(p)));
    }
}
