namespace Bylab.Web;

/// <summary>Finds the site's static files: the top-level wwwroot-assets/ in a checkout, or the copy beside the binaries.</summary>
public static class StaticAssets
{
    public static string FindWebRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "wwwroot-assets");
                if (Directory.Exists(Path.Combine(candidate, "lib")))
                {
                    return candidate;
                }
            }
        }
        return Path.Combine(AppContext.BaseDirectory, "wwwroot-assets");
    }
}
