using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Bylab.Tests.Browser;

public static class Accessibility
{
    private static readonly string[] Blocking = ["serious", "critical"];

    /// <summary>
    /// Runs axe-core on the page as it is now and fails, with a list a person can act on, when it finds
    /// serious or critical violations. Call it on every page a browser test visits, and on every state
    /// of a page that matters (for example a form showing its errors).
    /// </summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        if (blocking.Count == 0)
        {
            return;
        }
        var report = new StringBuilder();
        report.AppendLine($"axe found {blocking.Count} serious or critical accessibility problem(s) on {page.Url}:");
        foreach (var violation in blocking)
        {
            report.AppendLine($"- {violation.Id} ({violation.Impact}): {violation.Help} <{violation.HelpUrl}>");
            foreach (var node in violation.Nodes)
            {
                report.AppendLine($"    at {node.Target}: {node.Html}");
            }
        }
        Assert.Fail(report.ToString());
    }
}
