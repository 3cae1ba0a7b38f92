namespace Bylab.Core.Moderation;

/// <summary>
/// What a page may say about an item that is not visible: its state and why, never its text. Null on items that are
/// visible. <paramref name="ByModerator"/> false = hidden automatically after reports (or held by the word list).
/// </summary>
public sealed record ModerationView(ModerationState State, ModerationReason? Reason, string? Note, DateTime? At, bool ByModerator)
{
    public static ModerationView? Of(IModerated item) => item.ModerationState == ModerationState.Visible
        ? null
        : new ModerationView(item.ModerationState, item.ModerationReason, item.ModerationNote, item.ModeratedAt, item.ModeratedById is not null);
}
