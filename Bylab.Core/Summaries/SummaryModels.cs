using Bylab.Core.Ideas;

namespace Bylab.Core.Summaries;

/// <summary>The consultation a summary is about, and whether the public may read it (once concluded).</summary>
public sealed record SummaryHead(int Id, string Slug, string Title, string ThemeTitle, DateTime OpensAt, DateTime IdeasCloseAt,
    DateTime ClosesAt, DateTime? ConcludedAt, ConsultationPhase Phase)
{
    public bool IsPublished => ConcludedAt.HasValue;
}

/// <param name="Participants">
/// Distinct accounts that wrote a counted idea or comment or voted for a counted idea. Contributions of deleted accounts
/// stay in the other figures but name nobody, so they cannot be told apart and are not counted here.
/// </param>
public sealed record Participation(int Ideas, int Comments, int Votes, int Participants, int Registered, int Attended);

/// <summary>One day (UTC) of the consultation's period, with the totals reached by its end.</summary>
public sealed record GrowthPoint(DateOnly Day, int Ideas, int Comments, int Votes);

/// <param name="Key">A theme's title, a roadmap principle's code or a goal's number.</param>
public sealed record BreakdownRow(string Key, int Ideas, int Votes, int Comments);

public sealed record TopIdea(int Id, string Slug, string Title, int Votes, int Comments, IdeaStatus Status, string? AnswerMarkdown,
    DateTime? AnsweredAt);

public sealed record AnswerFigures(int Answered, int New, int UnderConsideration, int Accepted, int Rejected, int Implemented,
    TimeSpan? MedianTimeToAnswer);

public sealed record IdeaRef(int Id, string Slug, string Title);

/// <param name="Word">The form people wrote most often (for a phrase: its two words).</param>
/// <param name="Ideas">How many counted ideas use the word (in the title or the text); <see cref="Examples"/> are the most voted of them.</param>
public sealed record WordUse(string Word, int Ideas, IReadOnlyList<IdeaRef> Examples);

public sealed record LinkedEvent(int Id, string Slug, string Title, DateTime StartsAt, int Registered, int Attended);

public sealed record ConsultationSummaryReport(
    SummaryHead Head,
    string? ConclusionMarkdown,
    OpenDataLicence Licence,
    Participation Participation,
    IReadOnlyList<GrowthPoint> Growth,
    IReadOnlyList<BreakdownRow> ByTheme,
    IReadOnlyList<BreakdownRow> ByPrinciple,
    IReadOnlyList<BreakdownRow> ByGoal,
    IReadOnlyList<TopIdea> TopByVotes,
    IReadOnlyList<TopIdea> TopByComments,
    AnswerFigures Answers,
    IReadOnlyList<WordUse> Words,
    IReadOnlyList<WordUse> Phrases,
    IReadOnlyList<LinkedEvent> Events,
    DemographicFigures Demographics);
