using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Bylab.Core.Email;
using Bylab.Core.Ideas;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bylab.Core.Moderation;

public enum BlockOutcome { Done, NotFound, AlreadyBlocked, NotBlocked, InvalidInput }

public sealed record ActiveBlock(string UserId, string DisplayName, string? Email, string Reason, DateTime BlockedAt);

/// <summary>
/// Moderators' posting blocks (<see cref="PostingBlock"/>): block with a justification (optionally hiding all the person's
/// visible ideas, comments and events at once), unblock; each one transaction with its audit entry, and the person is
/// mailed in their language after the commit. The caller checked the Moderator role.
/// </summary>
public sealed class PostingBlocks(BylabDbContext db, AuditLog audit, IModerationMailComposer composer, IEmailSender sender,
    TimeProvider time, ILogger<PostingBlocks> logger)
{
    /// <summary>Whether an exception is a trigger's refusal of a blocked person's write (anywhere in its chain).</summary>
    public static bool IsBlockedError(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SqliteException s && s.Message.Contains(PostingBlock.TriggerMessage, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    public static bool IsValidText(string? text, int max) =>
        !string.IsNullOrWhiteSpace(text) && text.Trim().Length <= max && Common.TextRule.IsPlainText(text.Trim());

    public Task<PostingBlock?> ActiveAsync(string userId, CancellationToken ct = default) =>
        db.PostingBlocks.AsNoTracking().SingleOrDefaultAsync(b => b.UserId == userId && b.LiftedAt == null, ct);

    public Task<List<ActiveBlock>> ListAsync(CancellationToken ct = default) =>
        db.PostingBlocks.AsNoTracking().Where(b => b.LiftedAt == null).OrderByDescending(b => b.BlockedAt)
            .Join(db.Users, b => b.UserId, u => u.Id, (b, u) => new ActiveBlock(b.UserId, u.DisplayName, u.Email, b.Reason, b.BlockedAt))
            .ToListAsync(ct);

    public async Task<BlockOutcome> BlockAsync(Actor moderator, string userId, string? reason, bool hideAll, CancellationToken ct = default)
    {
        if (!IsValidText(reason, PostingBlock.ReasonMaxLength))
        {
            return BlockOutcome.InvalidInput;
        }
        reason = reason!.Trim();
        var now = time.GetUtcNow().UtcDateTime;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            if (!await db.Users.AnyAsync(u => u.Id == userId, ct))
            {
                return BlockOutcome.NotFound;
            }
            if (await db.PostingBlocks.AnyAsync(b => b.UserId == userId && b.LiftedAt == null, ct))
            {
                return BlockOutcome.AlreadyBlocked;
            }
            db.PostingBlocks.Add(new PostingBlock { UserId = userId, Reason = reason, BlockedById = moderator.UserId, BlockedAt = now });
            audit.Add(moderator, ModerationAuditActions.UserBlocked, "user", userId, reason);
            if (hideAll)
            {
                await HideAllAsync(moderator, userId, now, ct);
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteExtendedErrorCode: 2067 })
            {
                return BlockOutcome.AlreadyBlocked;
            }
            await tx.CommitAsync(ct);
        }
        await MailAsync(userId, blocked: true, reason, hideAll, ct);
        return BlockOutcome.Done;
    }

    public async Task<BlockOutcome> UnblockAsync(Actor moderator, string userId, string? note, CancellationToken ct = default)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is not null && !IsValidText(note, ModerationTransitions.NoteMaxLength))
        {
            return BlockOutcome.InvalidInput;
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // Conditional: a replayed form or a second moderator lifts nothing twice.
            var lifted = await db.PostingBlocks.Where(b => b.UserId == userId && b.LiftedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.LiftedAt, now).SetProperty(b => b.LiftedById, moderator.UserId)
                    .SetProperty(b => b.LiftNote, note), ct);
            if (lifted == 0)
            {
                return BlockOutcome.NotBlocked;
            }
            audit.Add(moderator, ModerationAuditActions.UserUnblocked, "user", userId, note);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        await MailAsync(userId, blocked: false, note, false, ct);
        return BlockOutcome.Done;
    }

    /// <summary>Hides every visible idea, comment and event the person wrote, each with its audit entry (reason «other»).</summary>
    private async Task HideAllAsync(Actor moderator, string userId, DateTime now, CancellationToken ct)
    {
        var items = new List<(ContentKind Kind, int Id, IModerated Item)>();
        items.AddRange((await db.Ideas.Where(i => i.AuthorId == userId).PubliclyVisible().ToListAsync(ct)).Select(i => (ContentKind.Idea, i.Id, (IModerated)i)));
        var comments = await db.Comments.Where(c => c.AuthorId == userId && c.DeletedAt == null).PubliclyVisible().ToListAsync(ct);
        items.AddRange(comments.Select(c => (ContentKind.Comment, c.Id, (IModerated)c)));
        items.AddRange((await db.Events.Where(e => e.OwnerId == userId).PubliclyVisible().ToListAsync(ct)).Select(e => (ContentKind.Event, e.Id, (IModerated)e)));
        foreach (var (kind, id, item) in items)
        {
            item.Hide(ModerationReason.Other, moderator.UserId, null, now);
            audit.Add(moderator, ModerationAuditActions.Hidden, kind.ToString().ToLowerInvariant(), id, $"{ModerationReason.Other}; posting block");
        }
        await db.SaveChangesAsync(ct);
        foreach (var ideaId in comments.Select(c => c.IdeaId).Distinct())
        {
            await Counters.RecomputeCommentsAsync(db, ideaId, ct);
        }
    }

    private async Task MailAsync(string userId, bool blocked, string? reason, bool hidden, CancellationToken ct)
    {
        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.DisplayName, u.PreferredCulture }).SingleOrDefaultAsync(ct);
        if (person?.Email is null)
        {
            return;
        }
        try
        {
            await sender.SendAsync(composer.Compose(new PostingBlockMail(person.Email, person.DisplayName, person.PreferredCulture, blocked, reason, hidden)),
                CancellationToken.None);
        }
        catch (Exception e)
        {
            // The decision stands; the audit log holds it. The moderator may tell the person another way.
            logger.LogWarning(e, "Posting block mail to {UserId} failed", userId);
        }
    }
}
