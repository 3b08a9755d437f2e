using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Jeugdhulp.Web.Tests.Infrastructuur;

/// <summary>axe-core run in the page as the browser shows it: a page with any violation fails the test, naming rule, impact and elements.</summary>
internal static class Toegankelijkheid
{
    public static async Task Controleer(IPage page)
    {
        var resultaat = await page.RunAxe();
        var fouten = resultaat.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}").ToList();
        Assert.True(fouten.Count == 0, $"axe op {page.Url}:\n{string.Join("\n", fouten)}");
    }

    /// <summary>A full-page screenshot into tests/Jeugdhulp.Web.Tests/TestResults/screenshots/, then the axe check of the page as shown.</summary>
    public static async Task FotoEnControle(IPage page, string naam)
    {
        var map = Path.Combine(Jeugdhulp.Ijw.Tests.Paden.RepoRoot, "tests", "Jeugdhulp.Web.Tests", "TestResults", "screenshots");
        Directory.CreateDirectory(map);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(map, naam + ".png"), FullPage = true });
        await Controleer(page);
    }
}
