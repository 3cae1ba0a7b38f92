using Bylab.Core.Auditing;
using Bylab.Core.Common;
using Bylab.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bylab.Core.Moderation;

public enum ReportOutcome
{
    Reported,
    /// <summary>Reported, and this report was the one that reached the threshold: the item is hidden now.</summary>
    ReportedAndHidden,
    AlreadyReported,
    /// <summary>People cannot report what they wrote themselves.</summary>
    OwnContent,
    /// <summary>A moderator hid it, it is held, or it was deleted, withdrawn or merged: there is nothing left to report.</summary>
    NotAvailable,
    NotFound,
    /// <summary>An unknown reason, or a note too long or with control characters (the form's validator says which).</summary>
    InvalidInput,
}

/// <param name="NoticeId">The statement of reasons owed to the author when this report hid the item; the caller need not send it (this service does).</param>
public sealed record ReportResult(ReportOutcome Outcome, int? NoticeId = null);

/// <summary>
/// Reports by signed-in people, and the automatic hiding they lead to: reports from <see cref="ModerationOptions.ReportThreshold"/>
/// different people hide the item at once, pending review, and its author is told why.
/// </summary>
public sealed class ReportService(
    BylabDbContext db, AuditLog audit, ModerationNoticeDispatcher notices, TimeProvider time, IOptions<ModerationOptions> options)
{
    /// <summary>The one rule of a report's note, shared with the form's validator.</summary>
    public static bool IsValidNote(string? note) => note is null || (note.Length <= Report.NoteMaxLength && TextRule.IsPlainText(note));

    public async Task<ReportResult> ReportAsync(string reporterId, ContentKind kind, int itemId, ModerationReason reason, string? note,
        CancellationToken ct = default)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (!Enum.IsDefined(reason) || !IsValidNote(note))
        {
            return new(ReportOutcome.InvalidInput);
        }
        // The count of reports and the decision to hide are a check-then-write across rows: one transaction that takes
        // SQLite's write lock before it reads (Microsoft.Data.Sqlite begins "BEGIN IMMEDIATE", as VoteService relies on)
        // serialises reporters, so exactly one of them sees the threshold reached on a visible item and hides it.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var item = await ModeratedItems.FindAsync(db, kind, itemId, ct);
        if (item is null)
        {
            return new(ReportOutcome.NotFound);
        }
        if (item.AuthorId == reporterId)
        {
            return new(ReportOutcome.OwnContent);
        }
        // An item hidden automatically still waits for its review: more reports join it (a reporter who raced the hiding
        // is not turned away, and the moderator sees every voice). One a moderator decided on, one held, or one gone takes none.
        var awaitingReview = item.Entity.ModerationState == ModerationState.Hidden && item.Entity.ModeratedById is null;
        if (item.Gone || !(item.Entity.IsPubliclyVisible() || awaitingReview))
        {
            return new(ReportOutcome.NotAvailable);
        }
        if (await db.Reports.AnyAsync(r => r.ItemKind == kind && r.ItemId == itemId && r.ReporterId == reporterId, ct))
        {
            return new(ReportOutcome.AlreadyReported);
        }
        var now = time.GetUtcNow().UtcDateTime;
        db.Reports.Add(new Report { ItemKind = kind, ItemId = itemId, ReporterId = reporterId, Reason = reason, Note = note, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteExtendedErrorCode: 2067 /* SQLITE_CONSTRAINT_UNIQUE */ })
        {
            // Cannot happen while the write lock serialises reporters; the unique index is the real guarantee.
            return new(ReportOutcome.AlreadyReported);
        }

        var open = await db.Reports.Where(r => r.ItemKind == kind && r.ItemId == itemId && r.DismissedAt == null)
            .Select(r => r.Reason).ToListAsync(ct);
        if (open.Count < options.Value.ReportThreshold || awaitingReview)
        {
            await tx.CommitAsync(ct);
            return new(ReportOutcome.Reported);
        }

        // The reporters' most given reason (the more serious, lower-numbered one on a tie) is the ground the author is told.
        var ground = open.GroupBy(r => r).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        item.Entity.Hide(ground, moderatorId: null, note: null, now);
        await db.SaveChangesAsync(ct);
        if (item.IdeaId is { } ideaId)
        {
            await Ideas.Counters.RecomputeCommentsAsync(db, ideaId, ct);
        }
        audit.Add(AuditLog.System, ModerationAuditActions.HiddenAutomatically, kind.ToString().ToLowerInvariant(), itemId,
            $"{ground}; {open.Count} reports");
        var notice = ModerationNoticeDispatcher.Owe(db, kind, itemId, item.AuthorId, item.Entity);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        if (notice is not null)
        {
            await notices.DeliverAsync(notice.Id, CancellationToken.None);
        }
        return new(ReportOutcome.ReportedAndHidden, notice?.Id);
    }

    /// <summary>Whether the person has reported the item already (the report button then says so instead).</summary>
    public Task<bool> HasReportedAsync(string reporterId, ContentKind kind, int itemId, CancellationToken ct = default) =>
        db.Reports.AnyAsync(r => r.ItemKind == kind && r.ItemId == itemId && r.ReporterId == reporterId, ct);
}
