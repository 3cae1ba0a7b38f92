namespace Bylab.Core.Moderation;

/// <summary>Where a piece of people's writing stands with the moderators.</summary>
public enum ModerationState
{
    /// <summary>Shown to everyone (the default for everything written).</summary>
    Visible,
    /// <summary>Waiting for a moderator before anyone but its author sees it (the word list holds new text that matches).</summary>
    Held,
    /// <summary>Taken down, automatically after enough reports or by a moderator: its page says so and why, never the text.</summary>
    Hidden,
}

/// <summary>The kinds of writing that can be reported and moderated; stored in reports and notices.</summary>
public enum ContentKind
{
    Idea = 1,
    Comment = 2,
    /// <summary>An organiser's event (its title, summary and description).</summary>
    Event = 3,
}

/// <summary>Why something was reported or hidden: the reasons a reporter picks, and a moderator's too.</summary>
public enum ModerationReason
{
    Spam = 1,
    OffensiveOrHateful = 2,
    PersonalInformation = 3,
    OffTopic = 4,
    Other = 5,
}

/// <summary>
/// Writing a moderator can hide: ideas, comments (and replies) and events. The state and its who/when/why are columns
/// of the item's own row, so every query can filter on them (<see cref="Visibility"/>) without a join.
/// </summary>
public interface IModerated
{
    ModerationState ModerationState { get; set; }

    /// <summary>UTC time of the last change of <see cref="ModerationState"/>; null while it was never moderated.</summary>
    DateTime? ModeratedAt { get; set; }

    /// <summary>The moderator who decided; null for an automatic decision (reports past the threshold, the word list).</summary>
    string? ModeratedById { get; set; }

    /// <summary>Why it is hidden or held: a moderator's reason, or the reporters' most given one.</summary>
    ModerationReason? ModerationReason { get; set; }

    /// <summary>A moderator's explanation, shown on the public page of a hidden item; null for automatic decisions.</summary>
    string? ModerationNote { get; set; }
}

/// <summary>The state changes, in one place for the three kinds (rules as methods, not assignments in services).</summary>
public static class ModerationTransitions
{
    public const int NoteMaxLength = 1_000;

    /// <summary>Hides the item; <paramref name="moderatorId"/> null = automatically (reports past the threshold).</summary>
    public static void Hide(this IModerated item, ModerationReason reason, string? moderatorId, string? note, DateTime utcNow) =>
        Set(item, ModerationState.Hidden, reason, moderatorId, note, utcNow);

    public static void Hold(this IModerated item, ModerationReason reason, DateTime utcNow) =>
        Set(item, ModerationState.Held, reason, null, null, utcNow);

    /// <summary>Shows the item again (a hidden idea's votes were never touched, so they count again at once).</summary>
    public static void Restore(this IModerated item, string moderatorId, string? note, DateTime utcNow) =>
        Set(item, ModerationState.Visible, null, moderatorId, note, utcNow);

    private static void Set(IModerated item, ModerationState state, ModerationReason? reason, string? moderatorId, string? note, DateTime utcNow)
    {
        item.ModerationState = state;
        item.ModerationReason = reason;
        item.ModeratedById = moderatorId;
        item.ModerationNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        item.ModeratedAt = utcNow;
    }
}
