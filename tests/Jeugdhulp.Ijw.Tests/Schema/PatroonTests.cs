using Jeugdhulp.Ijw.Schema;

namespace Jeugdhulp.Ijw.Tests.Schema;

public class PatroonTests
{
    private static readonly string[] Waarden =
    [
        "", " ", "\t", "\n", "a", " a ", "a\nb", "de Vries", "...", ". .", "446", "4466", "12345678", "1234567", "123456789", "12345678a",
        "2027-03-01", "2027-03-01Z", "2027-03-01+01:00", "10:15:00", "10:15:00Z", "10:15:00-01:00", "1.0.0", "0.1.0", "01.0.0", "1.0", "1.0.0.0", "10.20.30",
        "1..0", "SM", "Sé", "S1", "\u1ef3", "\u1ef4", "\u00d7", "ABC123", "abc-1", "\ud83d\ude00", "0", "00", "3", "2",
    ];

    private static IEnumerable<string> AllePatronen() =>
        File.ReadAllLines(Path.Combine(Paden.RepoRoot, "src", "Jeugdhulp.Ijw", "Schema", "Schemamodel.g.cs"))
            .SelectMany(r => System.Text.RegularExpressions.Regex.Matches(r, "patronen: \\[(.*?)\\]\\]").Select(m => m.Groups[1].Value))
            .SelectMany(g => System.Text.RegularExpressions.Regex.Matches(g, "\"((?:[^\"\\\\]|\\\\.)*)\"").Select(m => System.Text.RegularExpressions.Regex.Unescape(m.Groups[1].Value)))
            .Distinct();

    public static TheoryData<string> PatronenMetSnellePad() => [.. AllePatronen().Where(Patroon.HeeftSnellePad)];

    [Theory]
    [MemberData(nameof(PatronenMetSnellePad))]
    public void Snelle_controle_is_gelijk_aan_de_vertaalde_XSD_regex(string xsd)
    {
        var snel = Patroon.Maak(xsd);
        var regex = Patroon.AlleenRegex(xsd);

        Assert.All(Waarden, w => Assert.True(snel.Past(w) == regex.Past(w), $"'{w}' met patroon {xsd}: snel {snel.Past(w)}, regex {regex.Past(w)}"));
    }

    [Fact]
    public void Elk_patroon_uit_de_XSDs_heeft_een_snelle_controle()
    {
        var alle = AllePatronen().ToList();

        Assert.True(alle.Count >= 12);
        Assert.All(alle, p => Assert.True(Patroon.HeeftSnellePad(p), p));
    }
}
