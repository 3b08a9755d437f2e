using Jeugdhulp.Core.Teksten;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store.Verwerking;
using Jeugdhulp.Web.Tests.Infrastructuur;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>
/// The Declaraties page shows a refused line's stored findings (rule link, Dutch text) and filters the refused
/// lines on a rule id (?regel=).
/// </summary>
public sealed class DeclaratiesTests : IDisposable
{
    private readonly Webfabriek fabriek = new();

    public DeclaratiesTests()
    {
        Demodata.Laad(fabriek.Backoffice);
        // The shared example declares on ToewijzingNummer 100001 to Noordoostpolder, never allocated: TR338 (9338).
        var b = fabriek.Backoffice;
        var pad = Path.Combine(Paden.VoorbeeldenMap, "jw323-maand.xml");
        _ = new BerichtVerwerken(b.Store, b.Regels, new DateOnly(2027, 4, 10), b.OutboxMap).Verwerk([new Invoer(pad, File.ReadAllBytes(pad))]).ToList();
    }

    public void Dispose() => fabriek.Dispose();

    private static string Tekst338 => System.Net.WebUtility.HtmlEncode(
        Tekst.Bevinding("TR338", "geen-toewijzing", [new Parameter("nummer", "100001")]));

    [Fact]
    public async Task Een_afgewezen_prestatie_toont_haar_regel_als_link_met_de_tekst()
    {
        using var nop = await Sessie.Ingelogd(fabriek, "nop");

        var html = await nop.Tekst("/declaraties");

        Assert.Contains("<a class=\"regel\" href=\"/regels#TR338\">TR338</a>", html, StringComparison.Ordinal);
        Assert.Contains(Tekst338, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filter_op_regel_toont_alleen_prestaties_afgewezen_op_die_regel()
    {
        using var nop = await Sessie.Ingelogd(fabriek, "nop");

        var op338 = await nop.Tekst("/declaraties?regel=TR338");
        var opAndere = await nop.Tekst("/declaraties?regel=HK-323-8");

        Assert.Contains(Tekst338, op338, StringComparison.Ordinal);
        Assert.Contains("1 afgewezen prestatie met", op338, StringComparison.Ordinal);
        Assert.DoesNotContain(Tekst338, opAndere, StringComparison.Ordinal);
        Assert.Contains("Er zijn geen afgewezen prestaties.", opAndere, StringComparison.Ordinal);
        // The filter narrows the refused lines only: the declaration itself is still listed.
        Assert.Contains("D2027030001", opAndere, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_andere_gemeente_ziet_de_bevindingen_niet()
    {
        using var urk = await Sessie.Ingelogd(fabriek, "urk");

        var html = await urk.Tekst("/declaraties?regel=TR338");

        Assert.DoesNotContain(Tekst338, html, StringComparison.Ordinal);
        Assert.DoesNotContain("D2027030001", html, StringComparison.Ordinal);
    }
}
