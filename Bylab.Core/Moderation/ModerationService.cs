using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Moderation;

public enum ModerationOutcome { Done, NotFound, AlreadyInThatState, InvalidInput }

public enum BulkAction { Hide = 1, Restore = 2, Dismiss = 3 }

/// <summary>
/// A moderator's decisions on one item: hide with a reason, restore, dismiss the reports. Each is one transaction with its
/// audit entry and (for hide and restore) the statement of reasons owed to the author. The caller checked the Moderator role.
/// </summary>
public sealed class ModerationService(BylabDbContext db, AuditLog audit, ModerationNoticeDispatcher notices, TimeProvider time)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public Task<ModerationOutcome> HideAsync(Actor moderator, ContentKind kind, int itemId, ModerationReason reason, string? note,
        CancellationToken ct = default) =>
        DecideAsync(moderator, kind, itemId, note, ct, item =>
        {
            if (!Enum.IsDefined(reason))
            {
                return ModerationOutcome.InvalidInput;
            }
            if (item.ModerationState == ModerationState.Hidden)
            {
                return ModerationOutcome.AlreadyInThatState;
            }
            item.Hide(reason, moderator.UserId, note, Now);
            audit.Add(moderator, ModerationAuditActions.Hidden, kind.ToString().ToLowerInvariant(), itemId, $"{reason}; {note}");
            return ModerationOutcome.Done;
        });

    /// <summary>Shows the item again and dismisses its open reports, so they do not hide it again at the next report.</summary>
    public Task<ModerationOutcome> RestoreAsync(Actor moderator, ContentKind kind, int itemId, string? note, CancellationToken ct = default) =>
        DecideAsync(moderator, kind, itemId, note, ct, item =>
        {
            if (item.ModerationState == ModerationState.Visible)
            {
                return ModerationOutcome.AlreadyInThatState;
            }
            item.Restore(moderator.UserId, note, Now);
            audit.Add(moderator, ModerationAuditActions.Restored, kind.ToString().ToLowerInvariant(), itemId, note);
            return ModerationOutcome.Done;
        });

    /// <summary>
    /// One action on several items (the queue's checkboxes): each item its own decision, transaction, audit entry and notice,
    /// as if decided one by one. Returns how many were done; the rest were already in that state or gone (a replayed form).
    /// </summary>
    public async Task<(int Done, int Skipped)> BulkAsync(Actor moderator, BulkAction action, IReadOnlyCollection<(ContentKind Kind, int Id)> items,
        ModerationReason? reason, string? note, CancellationToken ct = default)
    {
        var done = 0;
        foreach (var (kind, id) in items.Distinct())
        {
            var outcome = action switch
            {
                BulkAction.Hide when reason is { } r => await HideAsync(moderator, kind, id, r, note, ct),
                BulkAction.Restore => await RestoreAsync(moderator, kind, id, note, ct),
                BulkAction.Dismiss => await DismissReportsAsync(moderator, kind, id, ct),
                _ => ModerationOutcome.InvalidInput,
            };
            done += outcome == ModerationOutcome.Done ? 1 : 0;
        }
        return (done, items.Distinct().Count() - done);
    }

    /// <summary>The reports were unfounded: they stop counting; the item stays as it is.</summary>
    public async Task<ModerationOutcome> DismissReportsAsync(Actor moderator, ContentKind kind, int itemId, CancellationToken ct = default)
    {
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var dismissed = await db.Reports.Where(r => r.ItemKind == kind && r.ItemId == itemId && r.DismissedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.DismissedAt, now), ct);
        if (dismissed == 0)
        {
            return ModerationOutcome.AlreadyInThatState;
        }
        audit.Add(moderator, ModerationAuditActions.ReportsDismissed, kind.ToString().ToLowerInvariant(), itemId, $"{dismissed} reports");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ModerationOutcome.Done;
    }

    private async Task<ModerationOutcome> DecideAsync(Actor moderator, ContentKind kind, int itemId, string? note, CancellationToken ct,
        Func<IModerated, ModerationOutcome> decide)
    {
        if (note is { Length: > ModerationTransitions.NoteMaxLength } || (note is not null && !Common.TextRule.IsPlainText(note)))
        {
            return ModerationOutcome.InvalidInput;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await ModeratedItems.FindAsync(db, kind, itemId, ct) is not { } item)
        {
            return ModerationOutcome.NotFound;
        }
        var outcome = decide(item.Entity);
        if (outcome != ModerationOutcome.Done)
        {
            return outcome;
        }
        if (item.Entity.ModerationState == ModerationState.Visible)
        {
            await db.Reports.Where(r => r.ItemKind == kind && r.ItemId == itemId && r.DismissedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.DismissedAt, Now), ct);
        }
        await db.SaveChangesAsync(ct);
        if (item.IdeaId is { } ideaId)
        {
            await Ideas.Counters.RecomputeCommentsAsync(db, ideaId, ct);
        }
        var notice = ModerationNoticeDispatcher.Owe(db, kind, itemId, item.AuthorId, item.Entity);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (notice is not null)
        {
            await notices.DeliverAsync(notice.Id, CancellationToken.None);
        }
        return ModerationOutcome.Done;
    }
}
