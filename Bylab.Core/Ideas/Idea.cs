using Bylab.Core.Moderation;
using Bylab.Core.Accounts;

namespace Bylab.Core.Ideas;

public enum IdeaStatus
{
    New,
    UnderConsideration,
    Accepted,
    Rejected,
    Implemented,
}

public class Idea : IModerated
{
    public const int TitleMaxLength = 140;
    public const int BodyMaxLength = 10_000;
    public const int PlaceNameMaxLength = 100;
    public const int AnswerMaxLength = 10_000;

    public int Id { get; set; }
    public int ConsultationId { get; set; }
    public Consultation? Consultation { get; set; }
    public int ThemeId { get; set; }
    public Theme? Theme { get; set; }

    /// <summary>Null once the author has deleted their account: the idea stays, anonymous.</summary>
    public string? AuthorId { get; set; }
    public BylabUser? Author { get; set; }

    public string Title { get; set; } = "";
    public string BodyMarkdown { get; set; } = "";

    /// <summary>Optional place in Hamar the idea is about («Stortorget», «Koigen»).</summary>
    public string? PlaceName { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? EditedAt { get; set; }
    public DateTime? WithdrawnAt { get; set; }

    public IdeaStatus Status { get; set; } = IdeaStatus.New;
    public string? AnswerMarkdown { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public string? AnsweredById { get; set; }

    /// <summary>Set when staff merged this idea as a duplicate into another; it is then hidden from lists.</summary>
    public int? MergedIntoId { get; set; }

    /// <summary>Denormalised COUNT(*) of Votes, kept exact by recomputing it in the transaction that changes votes.</summary>
    public int VoteCount { get; set; }

    /// <summary>Denormalised count of comments not deleted, kept exact the same way.</summary>
    public int CommentCount { get; set; }

    public ModerationState ModerationState { get; set; }
    public DateTime? ModeratedAt { get; set; }
    public string? ModeratedById { get; set; }
    public ModerationReason? ModerationReason { get; set; }
    public string? ModerationNote { get; set; }

    public List<IdeaPrinciple> Principles { get; set; } = [];
    public List<IdeaGoal> Goals { get; set; } = [];

    public string Slug => Slugs.WithId(Title, Id);

    public bool IsWithdrawn => WithdrawnAt.HasValue;
    public bool IsMerged => MergedIntoId.HasValue;
    public bool IsAnswered => AnsweredAt.HasValue;

    /// <summary>The author may edit for a short while after writing, and never once the municipality has answered.</summary>
    public bool CanEdit(string? userId, DateTime utcNow, TimeSpan window) =>
        userId is not null && AuthorId == userId && !IsAnswered && !IsWithdrawn && !IsMerged && utcNow < CreatedAt + window;

    public void Withdraw(DateTime utcNow) => WithdrawnAt ??= utcNow;

    public void Answer(IdeaStatus status, string answerMarkdown, string answeredById, DateTime utcNow)
    {
        if (status == IdeaStatus.New)
        {
            throw new ArgumentException("An official answer sets a status other than New.", nameof(status));
        }
        Status = status;
        AnswerMarkdown = answerMarkdown;
        AnsweredById = answeredById;
        AnsweredAt = utcNow;
    }
}

/// <summary>An idea's tag with one of the roadmap's principles (<see cref="RoadmapPrinciples"/>).</summary>
public class IdeaPrinciple
{
    public int IdeaId { get; set; }
    public string Code { get; set; } = "";
}

/// <summary>An idea's tag with one of the UN sustainable development goals, 1–17 (<see cref="SustainableDevelopmentGoals"/>).</summary>
public class IdeaGoal
{
    public int IdeaId { get; set; }
    public int Number { get; set; }
}
