using Bylab.Core.Common;

namespace Bylab.Core.Ideas;

/// <summary>What a person writes when submitting or editing an idea. Text is trimmed before it is checked or stored.</summary>
public sealed record IdeaContent(
    string? Title,
    string? BodyMarkdown,
    int? ThemeId = null,
    IReadOnlyCollection<string>? Principles = null,
    IReadOnlyCollection<int>? Goals = null,
    string? PlaceName = null)
{
    /// <summary>
    /// The Core's guard behind the web validators: names of the fields that are missing, whitespace only,
    /// too long, hold control characters (a line break in a one-line field), or name an unknown principle or goal. Empty when all is well.
    /// </summary>
    public IReadOnlyList<string> InvalidFields()
    {
        var invalid = new List<string>();
        var title = Title?.Trim() ?? "";
        if (title.Length == 0 || title.Length > Idea.TitleMaxLength || !TextRule.IsOneLine(title))
        {
            invalid.Add(nameof(Title));
        }
        var body = BodyMarkdown?.Trim() ?? "";
        if (body.Length == 0 || body.Length > Idea.BodyMaxLength || !TextRule.IsPlainText(body))
        {
            invalid.Add(nameof(BodyMarkdown));
        }
        if ((PlaceName?.Trim().Length ?? 0) > Idea.PlaceNameMaxLength || !TextRule.IsOneLine(PlaceName?.Trim()))
        {
            invalid.Add(nameof(PlaceName));
        }
        if (Principles is not null && (Principles.Any(p => !RoadmapPrinciples.IsKnown(p)) || Principles.Count > RoadmapPrinciples.All.Count))
        {
            invalid.Add(nameof(Principles));
        }
        if (Goals is not null && Goals.Any(g => !SustainableDevelopmentGoals.IsKnown(g)))
        {
            invalid.Add(nameof(Goals));
        }
        return invalid;
    }

    internal string CleanTitle => Title!.Trim();
    internal string CleanBody => BodyMarkdown!.Trim();
    internal string? CleanPlaceName => string.IsNullOrWhiteSpace(PlaceName) ? null : PlaceName.Trim();

    internal List<IdeaPrinciple> PrincipleRows() =>
        (Principles ?? []).Distinct(StringComparer.Ordinal).Select(c => new IdeaPrinciple { Code = c }).ToList();

    internal List<IdeaGoal> GoalRows() =>
        (Goals ?? []).Distinct().Select(n => new IdeaGoal { Number = n }).ToList();
}
