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
}
