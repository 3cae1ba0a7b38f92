namespace Bylab.Core.Ideas;

/// <summary>
/// A goal of the strategy «Hamar mot 2030», maintained by staff. Besides a short description it follows
/// the strategy's own questions: «hvor er vi?», «hvor vil vi?», «hvordan kommer vi dit?».
/// </summary>
public class Theme
{
    public const int TitleMaxLength = 100;
    public const int DescriptionMaxLength = 500;
    public const int QuestionMaxLength = 2000;

    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";

    /// <summary>One or two sentences shown in lists and filters.</summary>
    public string Description { get; set; } = "";

    /// <summary>«Hvor er vi?» – the situation today (Markdown, optional).</summary>
    public string? WhereAreWe { get; set; }

    /// <summary>«Hvor vil vi?» – the ambition for 2030 (Markdown, optional).</summary>
    public string? WhereDoWeWantToGo { get; set; }

    /// <summary>«Hvordan kommer vi dit?» – how the municipality means to get there (Markdown, optional).</summary>
    public string? HowDoWeGetThere { get; set; }

    public int SortOrder { get; set; }
}
