using System.Text.RegularExpressions;

namespace Bylab.Tests.Web.Security;

/// <summary>
/// Keeps the Host-header fix from coming back: no code in the web project builds an address from the request's
/// Host or scheme. Absolute links come from <c>PublicUrls</c> (Bylab:Site:PublicUrl); relative ones need no host.
/// </summary>
public sealed partial class LinkSourceTests
{
    [GeneratedRegex(@"Request\.(Host|Scheme)\b|\.(ActionLink|PageLink)\(|Url\.Action\([^;]*,\s*(Request\.Scheme|protocol:)|RouteUrl\([^;]*protocol", RegexOptions.Singleline)]
    private static partial Regex HostFromRequest();

    [Fact]
    public void NoWebCodeTakesALinkFromTheRequest()
    {
        var web = Path.Combine(RepositoryRoot(), "Bylab.Web");
        var offenders = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => HostFromRequest().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(web, f)}: {m.Value}"))
            .ToList();
        Assert.True(offenders.Count == 0, "Links built from the request:\n" + string.Join("\n", offenders));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bylab.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Bylab.sln not found above " + AppContext.BaseDirectory);
    }
}
