using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Bylab.Tests.Web.Localization;

/// <summary>
/// Every text exists in bokmål (the neutral .resx), nynorsk (.nn) and English (.en): a missing file or key would
/// otherwise fall back to bokmål silently, and no page test would notice. Read from the source files, so the
/// message names the file; the same rule as ../shared/tools/resx-complete, held by the suite.
/// </summary>
public sealed partial class ResourceCompletenessTests
{
    private static readonly string[] Languages = ["nn", "en"];

    private static string WebProject()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bylab.sln")))
            {
                return Path.Combine(dir.FullName, "Bylab.Web");
            }
        }
        throw new InvalidOperationException("Bylab.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Every .resx of the web project by resource set (path without language and extension) and language ("" = neutral).</summary>
    private static Dictionary<string, Dictionary<string, string>> ResourceFiles()
    {
        var root = WebProject();
        var sets = new Dictionary<string, Dictionary<string, string>>();
        foreach (var file in Directory.EnumerateFiles(root, "*.resx", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.Split('/').Any(part => part is "bin" or "obj"))
            {
                continue;
            }
            var match = ResxName().Match(relative);
            var set = match.Groups["set"].Value;
            if (!sets.TryGetValue(set, out var languages))
            {
                sets[set] = languages = [];
            }
            languages[match.Groups["lang"].Value] = file;
        }
        return sets;
    }

    [GeneratedRegex(@"^(?<set>.+?)(?:\.(?<lang>[a-z]{2}(?:-[A-Z]{2})?))?\.resx$")]
    private static partial Regex ResxName();

    /// <summary>The string texts of a .resx (entries with a type attribute are files or other objects, not texts).</summary>
    private static Dictionary<string, string> Texts(string file) =>
        XDocument.Load(file).Root!.Elements("data")
            .Where(d => d.Attribute("type") is null)
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "");

    [Fact]
    public void EveryBokmalTextExistsInNynorskAndEnglish()
    {
        var sets = ResourceFiles();
        Assert.Contains("Resources/SharedResource", sets.Keys);
        Assert.Contains("Resources/Features/Organise/OrganiseResource", sets.Keys);

        var gaps = new List<string>();
        foreach (var (set, files) in sets.Where(s => s.Value.ContainsKey("")).OrderBy(s => s.Key))
        {
            var neutral = Texts(files[""]);
            Assert.True(neutral.Count > 0, $"{set}.resx has no texts");
            foreach (var language in Languages)
            {
                if (!files.TryGetValue(language, out var file))
                {
                    gaps.Add($"{set}.{language}.resx is missing ({neutral.Count} texts)");
                    continue;
                }
                var translated = Texts(file);
                gaps.AddRange(neutral.Keys.Where(key => string.IsNullOrWhiteSpace(translated.GetValueOrDefault(key)))
                    .Select(key => $"{set}.{language}.resx: {key} is missing or empty"));
                gaps.AddRange(translated.Keys.Where(key => !neutral.ContainsKey(key))
                    .Select(key => $"{set}.{language}.resx: {key} is not in the bokmål file"));
            }
            gaps.AddRange(neutral.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => $"{set}.resx: {t.Key} is empty"));
        }
        Assert.Empty(gaps);
    }

    [Fact]
    public void NoTranslationWithoutABokmalFile()
    {
        var orphans = ResourceFiles()
            .Where(s => !s.Value.ContainsKey(""))
            .SelectMany(s => s.Value.Values)
            .ToList();
        var unknown = ResourceFiles()
            .SelectMany(s => s.Value.Keys.Where(lang => lang != "" && !Languages.Contains(lang)).Select(lang => s.Value[lang]))
            .ToList();
        Assert.Empty(orphans);
        Assert.Empty(unknown);
    }
}
