using Bylab.Core.Moderation;
namespace Bylab.Core.Ideas;

/// <summary>A comment on an idea, or a reply to one: replies go one level deep, never deeper.</summary>
public class Comment : IModerated
{
    public const int BodyMaxLength = 5_000;

    public int Id { get; set; }
    public int IdeaId { get; set; }
    public int? ParentId { get; set; }

    /// <summary>Null once the author has deleted their account.</summary>
    public string? AuthorId { get; set; }
    public string BodyMarkdown { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? EditedAt { get; set; }

    /// <summary>A deleted comment keeps its place (and its replies stay readable); its text is gone.</summary>
    public DateTime? DeletedAt { get; set; }

    public ModerationState ModerationState { get; set; }
    public DateTime? ModeratedAt { get; set; }
    public string? ModeratedById { get; set; }
    public ModerationReason? ModerationReason { get; set; }
    public string? ModerationNote { get; set; }

    public bool IsDeleted => DeletedAt.HasValue;

    public bool CanEdit(string? userId, DateTime utcNow, TimeSpan window) =>
        userId is not null && AuthorId == userId && !IsDeleted && utcNow < CreatedAt + window;

    public void Delete(DateTime utcNow)
    {
        DeletedAt ??= utcNow;
        BodyMarkdown = "";
    }
}
